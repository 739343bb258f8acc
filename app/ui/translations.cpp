#include "translations.h"

#include "platform/core/logging.h"

#include <QCoreApplication>
#include <QQmlEngine>

namespace samla::ui {

Translations::Translations(QObject *parent)
    : QObject(parent)
{
}

Translations::~Translations()
{
    if (m_translator)
        QCoreApplication::removeTranslator(m_translator.get());
}

QString Translations::resourcePath(const QString &language)
{
    // qt_add_translations() embeds the .qm files under this prefix.
    return QStringLiteral(":/i18n/samla_%1.qm").arg(language);
}

bool Translations::apply(const QString &language)
{
    auto translator = std::make_unique<QTranslator>();
    const bool loaded = translator->load(resourcePath(language));
    if (!loaded)
        qCWarning(lcUi) << "no translation for" << language;
    if (m_translator)
        QCoreApplication::removeTranslator(m_translator.get());
    m_translator.reset();
    if (loaded) {
        m_translator = std::move(translator);
        QCoreApplication::installTranslator(m_translator.get());
    }
    m_language = language;
    for (const auto &engine : std::as_const(m_engines)) {
        if (engine) {
            engine->setUiLanguage(language);
            engine->retranslate();
        }
    }
    return loaded;
}

void Translations::attachEngine(QQmlEngine *engine)
{
    m_engines.append(engine);
    if (!m_language.isEmpty())
        engine->setUiLanguage(m_language);
}

} // namespace samla::ui
