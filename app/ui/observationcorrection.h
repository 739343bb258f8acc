// ObservationCorrection: correcting a finalised session as a new version, and the history of its versions.
#pragma once

#include "app/observation/session.h"
#include "app/observation/sessionclock.h"

#include <QObject>
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

// Every rule (which version may be corrected, offsets in the observed time,
// consent, pairs of state events) is the domain's (Sessions::correct,
// ObservationSession::insertAt/change/retract); this controller keeps the
// correction being edited, a draft of the event being changed or added, and
// turns refusals into sentences. The history lists every version of the
// session shown, with why and by whom each correction was made.
class ObservationCorrection : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    // The session shown on the view screen, and its versions.
    Q_PROPERTY(QString shownId READ shownId NOTIFY historyChanged)
    // [{id, versionNo, title, stateText, detail, reason, shown, inForce}], oldest first
    Q_PROPERTY(QVariantList versions READ versions NOTIFY historyChanged)
    Q_PROPERTY(bool canCorrect READ canCorrect NOTIFY historyChanged)
    Q_PROPERTY(bool hasOpenCorrection READ hasOpenCorrection NOTIFY historyChanged)
    Q_PROPERTY(QString versionNote READ versionNote NOTIFY historyChanged)
    Q_PROPERTY(QString newestId READ newestId NOTIFY historyChanged)
    // The correction being edited.
    Q_PROPERTY(bool active READ active NOTIFY correctionChanged)
    Q_PROPERTY(QString correctionId READ correctionId NOTIFY correctionChanged)
    Q_PROPERTY(QString title READ title NOTIFY correctionChanged)
    Q_PROPERTY(QString reasonText READ reasonText NOTIFY correctionChanged)
    Q_PROPERTY(QString observedText READ observedText NOTIFY correctionChanged)
    // [{id, offset, localTime, kind, what, subject, modifiers, comment, color, changeable, removable, mark, problem}]
    Q_PROPERTY(QVariantList rows READ rows NOTIFY rowsChanged)
    Q_PROPERTY(int changeCount READ changeCount NOTIFY rowsChanged)
    Q_PROPERTY(QString unpairedText READ unpairedText NOTIFY rowsChanged)
    // The event being changed ("change") or added ("add"), or none ("").
    Q_PROPERTY(QString draftMode READ draftMode NOTIFY draftChanged)
    Q_PROPERTY(QString draftTitle READ draftTitle NOTIFY draftChanged)
    Q_PROPERTY(QVariantList behaviourChoices READ behaviourChoices NOTIFY draftChanged) // [{key, label, isState}]
    Q_PROPERTY(QString draftBehaviour READ draftBehaviour WRITE setDraftBehaviour NOTIFY draftChanged)
    Q_PROPERTY(bool draftIsState READ draftIsState NOTIFY draftChanged)
    Q_PROPERTY(bool draftIsNote READ draftIsNote NOTIFY draftChanged)
    Q_PROPERTY(QVariantList subjectChoices READ subjectChoices NOTIFY draftChanged) // [{key, label, taggable, reason}]
    Q_PROPERTY(QString draftSubject READ draftSubject WRITE setDraftSubject NOTIFY draftChanged)
    Q_PROPERTY(QVariantList draftModifiers READ draftModifiers NOTIFY draftChanged)
    Q_PROPERTY(QVariantMap draftValues READ draftValues NOTIFY draftValuesChanged)
    Q_PROPERTY(QString draftComment READ draftComment WRITE setDraftComment NOTIFY draftValuesChanged)
    // Adding: "offset" (observed time, as the list shows it) or "clock" (time of day).
    Q_PROPERTY(QString timeMode READ timeMode WRITE setTimeMode NOTIFY draftValuesChanged)
    Q_PROPERTY(QString draftTime READ draftTime WRITE setDraftTime NOTIFY draftValuesChanged)
    Q_PROPERTY(QString draftEndTime READ draftEndTime WRITE setDraftEndTime NOTIFY draftValuesChanged)
    Q_PROPERTY(QString draftTimeText READ draftTimeText NOTIFY draftChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY messageChanged)
    Q_PROPERTY(QString infoString READ infoString NOTIFY messageChanged)
public:
    ObservationCorrection(Session &session, AppSettings &settings, const observation::MonotonicClock &monotonic,
        const QTimeZone &zone, QObject *parent = nullptr);
    ~ObservationCorrection() override;
    static ObservationCorrection *create(QQmlEngine *qml, QJSEngine *js);

    QString shownId() const { return m_shownId; }
    QVariantList versions() const;
    bool canCorrect() const;
    bool hasOpenCorrection() const;
    QString versionNote() const;
    QString newestId() const;

    bool active() const { return m_current != nullptr; }
    QString correctionId() const;
    QString title() const;
    QString reasonText() const;
    QString observedText() const;
    QVariantList rows() const;
    int changeCount() const;
    QString unpairedText() const;

    QString draftMode() const { return m_draftMode; }
    QString draftTitle() const;
    QVariantList behaviourChoices() const;
    QString draftBehaviour() const { return m_draftBehaviour; }
    void setDraftBehaviour(const QString &code);
    bool draftIsState() const;
    bool draftIsNote() const;
    QVariantList subjectChoices() const;
    QString draftSubject() const { return m_draftSubject; }
    void setDraftSubject(const QString &key);
    QVariantList draftModifiers() const;
    QVariantMap draftValues() const { return m_draftValues; }
    QString draftComment() const { return m_draftComment; }
    void setDraftComment(const QString &text);
    QString timeMode() const { return m_timeMode; }
    void setTimeMode(const QString &mode);
    QString draftTime() const { return m_draftTime; }
    void setDraftTime(const QString &text);
    QString draftEndTime() const { return m_draftEndTime; }
    void setDraftEndTime(const QString &text);
    QString draftTimeText() const;
    QString errorString() const { return m_errorText ? m_errorText() : QString(); }
    QString infoString() const { return m_infoText ? m_infoText() : QString(); }

    const observation::ObservationSession *current() const { return m_current.get(); }

    // The versions of a session (any version of it), for the view screen.
    Q_INVOKABLE void showHistory(const QString &sessionId);
    // Starts a correction of the shown finalised session, with why and by whom.
    Q_INVOKABLE bool begin(const QString &reason, const QString &correctedBy);
    // Opens the shown session's unfinished correction to go on with it.
    Q_INVOKABLE bool continueCorrection();
    // Drops the shown session's unfinished correction (or the one being edited).
    Q_INVOKABLE bool discard();
    Q_INVOKABLE bool remove(const QString &eventId);
    Q_INVOKABLE void startChange(const QString &eventId);
    Q_INVOKABLE void startAdd();
    Q_INVOKABLE void cancelDraft();
    Q_INVOKABLE void setModifierValue(const QString &modifier, const QString &value);
    Q_INVOKABLE void toggleModifierOption(const QString &modifier, const QString &option);
    Q_INVOKABLE bool saveDraft();
    // Finalises the correction: it becomes the session's record. Returns its id in newestId.
    Q_INVOKABLE bool finalise();
    Q_INVOKABLE void close();
    Q_INVOKABLE void clearMessages();

    // "m:ss", "h:mm:ss" or "hh:mm[:ss]" as milliseconds, or -1 (exposed for tests).
    static std::int64_t parseClock(const QString &text);

signals:
    void historyChanged();
    void correctionChanged();
    void rowsChanged();
    void draftChanged();
    void draftValuesChanged();
    void messageChanged();
    void finalisedNow();

private:
    void setMessages(std::function<QString()> error, std::function<QString()> info);
    template <typename T> bool check(const Result<T> &result);
    bool checkStatus(const Status &status);
    std::unique_ptr<observation::Sessions> sessions() const;
    void reloadHistory();
    void adopt(std::unique_ptr<observation::ObservationSession> session);
    void afterChange();
    QString language() const;
    // The offset typed in the draft's time field (either mode), or an error message.
    std::optional<std::int64_t> typedOffset(const QString &text, bool end);
    observation::ModifierValues typedModifiers(const observation::Behaviour &b) const;

    Session &m_session;
    AppSettings &m_settings;
    const observation::MonotonicClock &m_monotonic;
    QTimeZone m_zone;
    QString m_shownId;
    QList<observation::SessionInfo> m_history;
    QList<observation::SessionInfo> m_all;
    std::unique_ptr<observation::ObservationSession> m_current;
    int m_changes = 0;
    QString m_draftMode;
    QString m_draftEventId;
    QString m_draftBehaviour;
    QString m_draftSubject;
    QVariantMap m_draftValues;
    QString m_draftComment;
    QString m_timeMode = QStringLiteral("offset");
    QString m_draftTime;
    QString m_draftEndTime;
    std::function<QString()> m_errorText;
    std::function<QString()> m_infoText;
};

} // namespace samla::ui
