// LanguageWatcher: calls back when a translator is installed or removed, so C++ texts re-translate.
#pragma once

#include <QCoreApplication>
#include <QEvent>
#include <QObject>

#include <functional>

namespace samla::ui {

// QCoreApplication::installTranslator() sends QEvent::LanguageChange to the
// application object; widgets get it through changeEvent(), QObjects do not.
// This filter turns it into a callback for objects that expose translated text.
class LanguageWatcher : public QObject {
public:
    LanguageWatcher(QObject *owner, std::function<void()> onChange)
        : QObject(owner)
        , m_onChange(std::move(onChange))
    {
        if (QCoreApplication::instance())
            QCoreApplication::instance()->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::LanguageChange && watched == QCoreApplication::instance() && m_onChange)
            m_onChange();
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void()> m_onChange;
};

} // namespace samla::ui
