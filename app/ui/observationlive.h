// ObservationLive: the observation session open on this device — clock, coding grid, dissent, stop and finalise.
#pragma once

#include "observationmodels.h"

#include "app/observation/session.h"
#include "app/media/promptcue.h"
#include "app/observation/sessionclock.h"

#include <QObject>
#include <QTimer>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <memory>

class QQmlEngine;
class QJSEngine;

namespace samla::ui {

class AppSettings;
class Session;

// Every rule (what may be coded, consent, pauses, immutability) is the
// domain's: this controller turns taps into calls on ObservationSession and
// its refusals into sentences (errorString), and shows the clock. A session
// running when the app locks is paused first, and reopened after unlock.
class ObservationLive : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool active READ active NOTIFY sessionChanged)
    Q_PROPERTY(QString sessionId READ sessionId NOTIFY sessionChanged)
    Q_PROPERTY(QString title READ title NOTIFY sessionChanged)
    Q_PROPERTY(QString contextText READ contextText NOTIFY sessionChanged)
    Q_PROPERTY(QString stateKey READ stateKey NOTIFY stateChanged)
    Q_PROPERTY(QString stateText READ stateText NOTIFY stateChanged)
    Q_PROPERTY(bool editable READ editable NOTIFY stateChanged)
    Q_PROPERTY(bool paused READ paused NOTIFY stateChanged)
    Q_PROPERTY(bool stopped READ stopped NOTIFY stateChanged)
    Q_PROPERTY(bool finalised READ finalised NOTIFY stateChanged)
    Q_PROPERTY(QString clockText READ clockText NOTIFY clockChanged)
    Q_PROPERTY(QString pausedText READ pausedText NOTIFY clockChanged)
    Q_PROPERTY(bool hasPrompts READ hasPrompts NOTIFY sessionChanged)
    Q_PROPERTY(QString promptText READ promptText NOTIFY clockChanged)
    Q_PROPERTY(bool promptDue READ promptDue NOTIFY promptDueChanged)
    // Whether the last prompt's chime was played, turned off, or had no audio output.
    Q_PROPERTY(QString cueText READ cueText NOTIFY cueChanged)
    // Lists rebuild their views only when the session, its subjects or the language change,
    // not on every tap: what a tap changes has properties of its own.
    Q_PROPERTY(QVariantList categories READ categories NOTIFY sessionChanged)
    Q_PROPERTY(QVariantList subjects READ subjects NOTIFY subjectsChanged)
    Q_PROPERTY(QVariantList participants READ participants NOTIFY subjectsChanged)
    Q_PROPERTY(QString subject READ subject WRITE setSubject NOTIFY codingChanged)
    Q_PROPERTY(QStringList runningCodes READ runningCodes NOTIFY codingChanged)
    Q_PROPERTY(QString runningText READ runningText NOTIFY codingChanged)
    // A behaviour with modifiers waits for their values before it is logged.
    Q_PROPERTY(QString pendingBehaviour READ pendingBehaviour NOTIFY pendingChanged)
    Q_PROPERTY(QString pendingLabel READ pendingLabel NOTIFY pendingChanged)
    Q_PROPERTY(QVariantList pendingModifiers READ pendingModifiers NOTIFY pendingChanged)
    Q_PROPERTY(QVariantMap pendingValues READ pendingValues NOTIFY pendingValuesChanged)
    Q_PROPERTY(samla::ui::ObservationEventsModel *events READ events CONSTANT)
    Q_PROPERTY(int eventCount READ eventCount NOTIFY eventsChanged)
    Q_PROPERTY(QString lastEventText READ lastEventText NOTIFY eventsChanged)
    Q_PROPERTY(QString summaryText READ summaryText NOTIFY stateChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY messageChanged)
    Q_PROPERTY(QString infoString READ infoString NOTIFY messageChanged)
public:
    ObservationLive(Session &session, AppSettings &settings, const observation::MonotonicClock &monotonic,
        const QTimeZone &zone, QObject *parent = nullptr);
    ~ObservationLive() override;
    static ObservationLive *create(QQmlEngine *qml, QJSEngine *js);

    // A session just started (ObservationSetup), with the codes the gate refused.
    void adopt(std::unique_ptr<observation::ObservationSession> session,
        QList<observation::ParticipantRefusal> refused = {});
    const observation::ObservationSession *current() const { return m_current.get(); }

    bool active() const { return m_current != nullptr; }
    QString sessionId() const;
    QString title() const;
    QString contextText() const;
    QString stateKey() const;
    QString stateText() const;
    bool editable() const;   // running or paused: taps are coded
    bool paused() const;
    bool stopped() const;
    bool finalised() const;
    QString clockText() const;
    QString pausedText() const;
    bool hasPrompts() const;
    QString promptText() const;
    bool promptDue() const { return m_promptDue; }
    QString cueText() const;
    // The prompt's sound cue: how often it was played or not, and why (tests read it).
    const media::PromptCue &promptCue() const { return m_cue; }
    QVariantList categories() const;   // [{code, label, behaviours: [{code, label, color, textColor, isState}]}]
    QVariantList subjects() const;     // [{key, label, taggable, reason}]
    QString subject() const { return m_subject; }
    void setSubject(const QString &key);
    QVariantList participants() const; // [{code, taggable, reason}]: present at the start
    QStringList runningCodes() const;  // state behaviours running for the chosen subject
    QString runningText() const;
    QString pendingBehaviour() const { return m_pending; }
    QString pendingLabel() const;
    // [{code, label, type ("single", "multiple", "number", "text"), required, options: [{code, label}]}]
    QVariantList pendingModifiers() const;
    // By modifier code: an option code (single), a list of option codes (multiple), or the text typed.
    QVariantMap pendingValues() const { return m_pendingValues; }
    ObservationEventsModel *events() { return &m_events; }
    int eventCount() const { return m_events.rowCount(); }
    QString lastEventText() const;
    QString summaryText() const;
    QString errorString() const { return m_errorText ? m_errorText() : QString(); }
    QString infoString() const { return m_infoText ? m_infoText() : QString(); }

    // Opens a stored session: a running one comes back paused (see Sessions::open).
    Q_INVOKABLE bool open(const QString &sessionId);
    Q_INVOKABLE void close();
    // Codes the behaviour for the chosen subject: a point event, or a state
    // event started or ended.
    Q_INVOKABLE bool tap(const QString &behaviour);
    Q_INVOKABLE bool undo();
    // Values for the behaviour waiting for its modifiers; confirm logs it, cancel drops it.
    Q_INVOKABLE void setModifierValue(const QString &modifier, const QString &value);
    Q_INVOKABLE void toggleModifierOption(const QString &modifier, const QString &option);
    Q_INVOKABLE bool confirmModifiers();
    Q_INVOKABLE void cancelModifiers();
    Q_INVOKABLE bool addNote(const QString &text);
    Q_INVOKABLE bool dissent(const QString &code);
    Q_INVOKABLE bool pause();
    Q_INVOKABLE bool resume();
    Q_INVOKABLE bool stop();
    Q_INVOKABLE bool finalise();
    Q_INVOKABLE void acknowledgePrompt();
    Q_INVOKABLE void clearMessages();
    // Re-reads the clocks: the clock text, the prompt countdown and whether a prompt fell due.
    Q_INVOKABLE void tick();

signals:
    void sessionChanged();
    void stateChanged();
    void clockChanged();
    void promptDueChanged();
    void promptFell();
    void cueChanged();
    void subjectsChanged();
    void codingChanged();
    void eventsChanged();
    void messageChanged();
    void finalisedNow();
    void pendingChanged();
    void pendingValuesChanged();

private:
    void setMessages(std::function<QString()> error, std::function<QString()> info);
    template <typename T> bool check(const Result<T> &result);
    void afterChange();
    bool code(const observation::Behaviour &behaviour, const observation::ModifierValues &values);
    void setPending(const QString &behaviour);
    void resetPrompts();
    std::unique_ptr<observation::Sessions> sessions();
    observation::Subject chosenSubject() const;
    QString language() const;

    Session &m_session;
    AppSettings &m_settings;
    const observation::MonotonicClock &m_monotonic;
    QTimeZone m_zone;
    std::unique_ptr<observation::ObservationSession> m_current;
    QList<observation::ParticipantRefusal> m_refused;
    QString m_reopenAfterUnlock;
    QString m_subject;
    QString m_pending;
    QVariantMap m_pendingValues;
    ObservationEventsModel m_events;
    QTimer m_ticker;
    std::int64_t m_promptsSeen = 0;
    bool m_promptDue = false;
    media::PromptCue m_cue;
    std::function<QString()> m_errorText;
    std::function<QString()> m_infoText;
};

} // namespace samla::ui
