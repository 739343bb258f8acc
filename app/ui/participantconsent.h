// ParticipantConsent: one participant's consent timeline and state, and the events recorded from it.
#pragma once

#include "consentmodels.h"
#include "errortext.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

#include <functional>

class QQmlEngine;
class QJSEngine;

namespace samla::ui {

class Session;
class AppSettings;

// Everything shown comes from ConsentGate::timeline (derived, never stored);
// everything recorded goes through ConsentLog, whose refusals are shown with
// their reason.
class ParticipantConsent : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString participantId READ participantId NOTIFY changed)
    Q_PROPERTY(QString code READ code NOTIFY changed)
    Q_PROPERTY(QString category READ category NOTIFY changed)
    Q_PROPERTY(QString ageBand READ ageBand NOTIFY changed)
    Q_PROPERTY(QString capacityNotes READ capacityNotes NOTIFY changed)
    Q_PROPERTY(QString routeText READ routeText NOTIFY changed)
    // Another participant of the project has the same code (never merged); empty if not.
    Q_PROPERTY(QString duplicateCodeText READ duplicateCodeText NOTIFY changed)
    Q_PROPERTY(QString summary READ summary NOTIFY changed)
    Q_PROPERTY(bool withdrawn READ withdrawn NOTIFY changed)
    Q_PROPERTY(bool paused READ paused NOTIFY changed)
    Q_PROPERTY(QString reminder READ reminder NOTIFY changed)
    Q_PROPERTY(bool erasureAllowed READ erasureAllowed NOTIFY changed)
    Q_PROPERTY(QString withdrawalPolicyText READ withdrawalPolicyText NOTIFY changed)
    Q_PROPERTY(QString recordedBy READ recordedBy WRITE setRecordedBy NOTIFY recordedByChanged)
    Q_PROPERTY(samla::ui::ConsentTimelineModel *timeline READ timeline CONSTANT)
    Q_PROPERTY(samla::ui::ActivityStatesModel *activities READ activities CONSTANT)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(bool messageIsError READ messageIsError NOTIFY messageChanged)
    Q_PROPERTY(
        QString exportDirectory READ exportDirectory WRITE setExportDirectory NOTIFY exportDirectoryChanged)
    Q_PROPERTY(QString lastExportPath READ lastExportPath NOTIFY messageChanged)
public:
    enum Outcome { Confirmed, Hesitant, DissentObserved };
    Q_ENUM(Outcome)
    enum Scope { NoMoreContact, NoNewData, RemoveExistingData };
    Q_ENUM(Scope)

    ParticipantConsent(Session &session, AppSettings &settings, QObject *parent = nullptr);
    static ParticipantConsent *create(QQmlEngine *qml, QJSEngine *js);

    QString participantId() const { return m_timeline.participant.id; }
    QString code() const { return m_timeline.participant.code; }
    QString category() const;
    QString ageBand() const;
    QString capacityNotes() const { return m_timeline.participant.profile.capacityNotes; }
    QString routeText() const;
    QString summary() const;
    bool withdrawn() const { return m_timeline.state.withdrawal.has_value(); }
    bool paused() const { return m_timeline.state.paused; }
    // Why consent should be checked again now (lapsed interval, every session, hesitant); empty if not.
    QString reminder() const;
    bool erasureAllowed() const { return m_erasureAllowed; }
    QString withdrawalPolicyText() const;
    QString recordedBy() const { return m_recordedBy; }
    void setRecordedBy(const QString &who);
    ConsentTimelineModel *timeline() { return &m_timelineModel; }
    ActivityStatesModel *activities() { return &m_activities; }
    QString message() const { return m_messageText ? m_messageText() : QString(); }
    bool messageIsError() const { return m_messageIsError; }
    QString exportDirectory() const { return m_exportDirectory; }
    void setExportDirectory(const QString &dir);
    QString lastExportPath() const { return m_lastExportPath; }

    Q_INVOKABLE bool open(const QString &participantId);
    Q_INVOKABLE void reload();
    QString duplicateCodeText() const;
    Q_INVOKABLE bool recheck(samla::ui::ParticipantConsent::Outcome outcome);
    // One tap: the participant objects now. Recorded at once, nothing asked.
    Q_INVOKABLE bool dissent();
    Q_INVOKABLE bool pause();
    Q_INVOKABLE bool resume();
    Q_INVOKABLE bool withdraw(samla::ui::ParticipantConsent::Scope scope);
    // Writes the participant's consent history as a FHIR R4 Bundle of Consent
    // resources into exportDirectory; the message says where, or what went wrong.
    Q_INVOKABLE bool exportFhir();
    // A participant sharing its code with another (see duplicateCodeText) gets a new one.
    Q_INVOKABLE bool giveNewCode();
    Q_INVOKABLE void clearMessage();

signals:
    void changed();
    void recordedByChanged();
    void messageChanged();
    void exportDirectoryChanged();
    void eventRecorded();

private:
    bool recordEvent(const domain::ConsentEvent &event, std::function<QString()> confirmation);
    void setMessage(bool error, std::function<QString()> text);
    void setProblem(const Error &error);
    void clear();

    Session &m_session;
    AppSettings &m_settings;
    domain::ConsentTimeline m_timeline;
    domain::SessionCheck m_check;
    bool m_erasureAllowed = false;
    std::int64_t m_nowMs = 0;
    QString m_recordedBy;
    int m_sameCodeCount = 0; // other participants under this participant's code
    ConsentTimelineModel m_timelineModel;
    ActivityStatesModel m_activities;
    std::function<QString()> m_messageText;
    bool m_messageIsError = false;
    QString m_exportDirectory;
    QString m_lastExportPath;
};

} // namespace samla::ui
