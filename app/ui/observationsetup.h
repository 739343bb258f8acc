// ObservationSetup: the project's observation sessions, and the form that starts a new one.
#pragma once

#include "observationmodels.h"

#include "app/domain/consentgate.h"
#include "app/domain/consenttypes.h"
#include "app/observation/session.h"
#include "app/observation/sessionclock.h"

#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <functional>

class QQmlEngine;
class QJSEngine;

namespace samla::ui {

class AppSettings;
class ObservationLive;
class Session;

// Who may be tagged is the consent gate's decision: the form lists every
// participant of the project with the gate's answer for observation, lets only
// the allowed ones be chosen, and the domain checks them again at the start.
class ObservationSetup : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(samla::ui::ObservationSessionsModel *sessions READ sessions CONSTANT)
    Q_PROPERTY(int sessionCount READ sessionCount NOTIFY sessionsChanged)
    Q_PROPERTY(QString projectName READ projectName NOTIFY sessionsChanged)
    Q_PROPERTY(QVariantList schemeChoices READ schemeChoices NOTIFY listsChanged)
    Q_PROPERTY(QString schemeId READ schemeId WRITE setSchemeId NOTIFY formChanged)
    Q_PROPERTY(QString schemeDescription READ schemeDescription NOTIFY formChanged)
    Q_PROPERTY(QVariantList siteChoices READ siteChoices NOTIFY listsChanged)
    Q_PROPERTY(QString siteId READ siteId WRITE setSiteId NOTIFY formChanged)
    Q_PROPERTY(QVariantList settingChoices READ settingChoices NOTIFY listsChanged)
    Q_PROPERTY(QString setting READ setting WRITE setSetting NOTIFY formChanged)
    Q_PROPERTY(QString observer READ observer WRITE setObserver NOTIFY formChanged)
    Q_PROPERTY(QString otherObservers READ otherObservers WRITE setOtherObservers NOTIFY formChanged)
    Q_PROPERTY(QVariantList participants READ participants NOTIFY listsChanged)
    Q_PROPERTY(QVariantList attendees READ attendees NOTIFY listsChanged)
    Q_PROPERTY(int promptMinutes READ promptMinutes WRITE setPromptMinutes NOTIFY formChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY messageChanged)
    Q_PROPERTY(QString importErrorString READ importErrorString NOTIFY messageChanged)
public:
    ObservationSetup(Session &session, AppSettings &settings, ObservationLive &live,
        const observation::MonotonicClock &monotonic, const QTimeZone &zone, QObject *parent = nullptr);
    static ObservationSetup *create(QQmlEngine *qml, QJSEngine *js);

    ObservationSessionsModel *sessions() { return &m_sessions; }
    int sessionCount() const { return m_sessions.rowCount(); }
    QString projectName() const;
    QVariantList schemeChoices() const;   // [{key, label, description}]
    QString schemeId() const { return m_schemeId; }
    void setSchemeId(const QString &id);
    QString schemeDescription() const;
    QVariantList siteChoices() const;     // [{key, label}], "" for none
    QString siteId() const { return m_siteId; }
    void setSiteId(const QString &id);
    QVariantList settingChoices() const;  // [{key, label}]
    QString setting() const { return m_setting; }
    void setSetting(const QString &key);
    QString observer() const { return m_observer; }
    void setObserver(const QString &initials);
    QString otherObservers() const { return m_otherObservers; }
    void setOtherObservers(const QString &text);
    QVariantList participants() const;    // [{id, code, allowed, reason, chosen, recheck, recheckNeeded}]
    QVariantList attendees() const;       // [{role, label, count}]
    int promptMinutes() const { return m_promptMinutes; }
    void setPromptMinutes(int minutes);
    QString errorString() const { return m_errorText ? m_errorText() : QString(); }
    QString importErrorString() const { return m_importErrorText ? m_importErrorText() : QString(); }

    // A scheme besides the built-in and the project's own, offered until Samla closes (a test's, a screenshot's).
    void addScheme(const observation::CodingScheme &scheme);

    // Re-reads the project's sessions.
    Q_INVOKABLE void refresh();
    // A fresh form: the participants and the gate's answers read again.
    Q_INVOKABLE void reset();
    Q_INVOKABLE void toggleParticipant(const QString &code);
    // At the start of a session, consent is checked again where the project
    // or the participant's consent asks for it (every session, lapsed, due
    // soon, hesitant last time). Records the re-check for the participant
    // (by id: two participants may share a code after a sync):
    // 0 still agrees, 1 hesitant, 2 dissent observed (they cannot be ticked).
    Q_INVOKABLE bool recordRecheck(const QString &participantId, int outcome);
    Q_INVOKABLE void setAttendeeCount(const QString &role, int count);
    // Imports a scheme from a samla-coding-scheme JSON file (a path or a file: URL) into the project
    // (observation::SchemeLibrary) and chooses it.
    Q_INVOKABLE bool importScheme(const QString &pathOrUrl);
    // Starts the session and hands it to ObservationLive.
    Q_INVOKABLE bool start();
    // Opens a listed session in ObservationLive (read-only once stopped).
    Q_INVOKABLE bool openSession(const QString &sessionId);

signals:
    void sessionsChanged();
    void formChanged();    // the chosen values
    void listsChanged();   // what there is to choose from (and who is ticked, how many are counted)
    void messageChanged();
    void started();

private:
    void setError(std::function<QString()> error);
    const observation::CodingScheme *scheme() const;
    // The built-in schemes, the project's own (latest versions) and those added for this run.
    void reloadSchemes();
    QString language() const;

    Session &m_session;
    AppSettings &m_settings;
    ObservationLive &m_live;
    const observation::MonotonicClock &m_monotonic;
    QTimeZone m_zone;
    ObservationSessionsModel m_sessions;
    QList<observation::CodingScheme> m_schemes;
    QList<observation::CodingScheme> m_added;
    QString m_schemeId;
    QString m_siteId;
    QString m_setting;
    QString m_observer;
    QString m_otherObservers;
    struct ParticipantChoice {
        QString id;
        QString code;
        bool allowed = false;
        domain::Reason reason = domain::Reason::CheckFailed;
        bool chosen = false;
        domain::RecheckWhy recheck = domain::RecheckWhy::None;
        bool recheckNeeded = false;   // must be checked before a session with them starts
    };
    void checkParticipant(ParticipantChoice &choice) const;
    QList<ParticipantChoice> m_participants;
    std::int64_t m_formOpenedMs = 0;
    QMap<QString, int> m_attendees;
    int m_promptMinutes = 0;
    std::function<QString()> m_errorText;
    std::function<QString()> m_importErrorText;
};

} // namespace samla::ui
