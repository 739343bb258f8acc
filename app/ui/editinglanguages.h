// The languages a bilingual editor (coding schemes, consent forms) asks texts in.
#pragma once

#include <QStringList>

#include <functional>

namespace samla::ui {

// The order the editors show languages in.
inline const QStringList kEditingLanguageOrder = { QStringLiteral("sv"), QStringLiteral("en") };

// The project's working languages and any other the content already has text
// in (`used`), in kEditingLanguageOrder; both when neither applies, so there
// is always somewhere to write.
inline QStringList editingLanguages(const QStringList &projectLanguages,
                                    const std::function<bool(const QString &)> &used)
{
    QStringList out;
    for (const QString &language : kEditingLanguageOrder) {
        if (projectLanguages.contains(language) || used(language))
            out << language;
    }
    return out.isEmpty() ? kEditingLanguageOrder : out;
}

} // namespace samla::ui
