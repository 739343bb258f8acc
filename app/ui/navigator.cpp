#include "navigator.h"

#include "engineservices.h"
#include "platform/core/logging.h"

namespace samla::ui {

const QStringList &Navigator::screens()
{
    static const QStringList names = {
        QStringLiteral("home"),
        QStringLiteral("notes"),
        QStringLiteral("editor"),
        QStringLiteral("versions"),
        QStringLiteral("noteDetails"),
        QStringLiteral("settings"),
        QStringLiteral("changePassphrase"),
        QStringLiteral("participants"),
        QStringLiteral("enrol"),
        QStringLiteral("participant"),
        QStringLiteral("identity"),
        QStringLiteral("identityAudit"),
        QStringLiteral("consentSetup"),
        QStringLiteral("consentRead"),
        QStringLiteral("consentItems"),
        QStringLiteral("consentSign"),
        QStringLiteral("consentDone"),
        QStringLiteral("forms"),
        QStringLiteral("formEditor"),
        QStringLiteral("formVersion"),
        QStringLiteral("project"),
        QStringLiteral("projects"),
        QStringLiteral("observations"),
        QStringLiteral("observationSetup"),
        QStringLiteral("observationLive"),
        QStringLiteral("observationView"),
        QStringLiteral("observationCorrection"),
        QStringLiteral("observationAgreement"),
        QStringLiteral("observationSummary"),
        QStringLiteral("codingSchemes"),
        QStringLiteral("schemeEditor"),
        QStringLiteral("sync"),
    };
    return names;
}

Navigator::Navigator(QObject *parent)
    : QObject(parent)
{
}

Navigator *Navigator::create(QQmlEngine *qml, QJSEngine *)
{
    return serviceFromEngine<Navigator>(qml);
}

bool Navigator::push(const QString &screen)
{
    if (!screens().contains(screen)) {
        qCWarning(lcUi) << "navigator: unknown screen" << screen;
        return false;
    }
    if (screen == m_stack.constLast())
        return true;
    if (screen == QLatin1String("home")) {
        home();
        return true;
    }
    // Going to a screen already on the stack goes back to it instead of piling up.
    const qsizetype existing = m_stack.indexOf(screen);
    if (existing >= 0)
        m_stack.resize(existing + 1);
    else
        m_stack.append(screen);
    emit screenChanged();
    return true;
}

void Navigator::back()
{
    if (m_stack.size() <= 1)
        return;
    m_stack.removeLast();
    emit screenChanged();
}

void Navigator::home()
{
    if (m_stack.size() == 1)
        return;
    m_stack = QStringList { QStringLiteral("home") };
    emit screenChanged();
}

} // namespace samla::ui
