// AppServices: builds the UI's services for one data directory and hands them to QML engines.
#pragma once

#include "app/observation/sessionclock.h"
#include "platform/core/clock.h"
#include "platform/crypto/crypto.h"

#include <QLocale>
#include <QObject>
#include <QString>
#include <QTimeZone>

#include <memory>
#include <optional>

class QQmlEngine;

namespace samla::ui {

class AppSettings;
class ConsentFlow;
class ConsentFormEditor;
class IdentityLookup;
class IdleMonitor;
class Navigator;
class NoteEditor;
class NoteMedia;
class QrScanner;
class Notebook;
class ParticipantConsent;
class ParticipantRegister;
class ProjectEditor;
class ProjectList;
class NoteDetailsForm;
class ObservationLive;
class ObservationAgreement;
class ObservationCorrection;
class ObservationReports;
class ObservationSetup;
class SchemeEditor;
class Session;
class SyncController;
class Translations;

struct AppServicesOptions {
    QString dataDir;
    QLocale systemLocale = QLocale::system();
    // Unset: calibrate Argon2id on this device (~700 ms). Set: use these
    // (cheap parameters are allowed only for tests and --screenshots).
    std::optional<crypto::Argon2Params> fixedKdf;
    // Input events reset the idle-lock timer through a filter on this object.
    QObject *application = nullptr;
    // Unset: the system's clocks. Tests set their own, so observation times are exact.
    const Clock *clock = nullptr;
    const observation::MonotonicClock *monotonicClock = nullptr;
    // The zone observation events record their local time in.
    QTimeZone timeZone = QTimeZone::systemTimeZone();
};

// main() and the test set-ups build exactly this, so tests run the real wiring.
class AppServices : public QObject {
    Q_OBJECT
public:
    explicit AppServices(AppServicesOptions options, QObject *parent = nullptr);
    ~AppServices() override;

    // Makes the QML singletons of Samla.Core resolve to these services in
    // `engine`, and re-translates it on a language switch.
    void attachEngine(QQmlEngine &engine);

    AppSettings &settings() { return *m_settings; }
    Session &session() { return *m_session; }
    Navigator &navigator() { return *m_navigator; }
    Notebook &notebook() { return *m_notebook; }
    NoteEditor &editor() { return *m_editor; }
    NoteMedia &noteMedia() { return *m_noteMedia; }
    QrScanner &qrScanner() { return *m_qrScanner; }
    ParticipantRegister &participants() { return *m_participants; }
    ConsentFlow &consentFlow() { return *m_consentFlow; }
    IdentityLookup &identityLookup() { return *m_identity; }
    ParticipantConsent &participantConsent() { return *m_participantConsent; }
    ProjectEditor &projectEditor() { return *m_projectEditor; }
    ProjectList &projectList() { return *m_projectList; }
    ConsentFormEditor &consentForms() { return *m_consentForms; }
    NoteDetailsForm &noteDetails() { return *m_noteDetails; }
    ObservationSetup &observationSetup() { return *m_observationSetup; }
    ObservationLive &observationLive() { return *m_observationLive; }
    ObservationAgreement &observationAgreement() { return *m_observationAgreement; }
    ObservationReports &observationReports() { return *m_observationReports; }
    ObservationCorrection &observationCorrection() { return *m_observationCorrection; }
    SchemeEditor &schemeEditor() { return *m_schemeEditor; }
    SyncController &sync() { return *m_sync; }
    IdleMonitor &idleMonitor() { return *m_idle; }
    Translations &translations() { return *m_translations; }
    const Clock &clock() const { return m_options.clock ? *m_options.clock : m_clock; }

    // libsodium's minimum Argon2id cost: for tests and screenshots only.
    static crypto::Argon2Params cheapKdfForTests();
    static constexpr std::chrono::milliseconds kCalibrationTarget { 700 };

private:
    void updateIdleTimeout();

    AppServicesOptions m_options;
    SystemClock m_clock;
    observation::SteadyClock m_steadyClock;
    std::unique_ptr<Translations> m_translations;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<Navigator> m_navigator;
    std::unique_ptr<Notebook> m_notebook;
    std::unique_ptr<NoteEditor> m_editor;
    std::unique_ptr<NoteMedia> m_noteMedia;
    std::unique_ptr<QrScanner> m_qrScanner;
    std::unique_ptr<ParticipantRegister> m_participants;
    std::unique_ptr<ConsentFlow> m_consentFlow;
    std::unique_ptr<IdentityLookup> m_identity;
    std::unique_ptr<ParticipantConsent> m_participantConsent;
    std::unique_ptr<ProjectEditor> m_projectEditor;
    std::unique_ptr<ProjectList> m_projectList;
    std::unique_ptr<ConsentFormEditor> m_consentForms;
    std::unique_ptr<NoteDetailsForm> m_noteDetails;
    std::unique_ptr<ObservationLive> m_observationLive;
    std::unique_ptr<ObservationSetup> m_observationSetup;
    std::unique_ptr<ObservationAgreement> m_observationAgreement;
    std::unique_ptr<ObservationReports> m_observationReports;
    std::unique_ptr<ObservationCorrection> m_observationCorrection;
    std::unique_ptr<SchemeEditor> m_schemeEditor;
    std::unique_ptr<SyncController> m_sync;
    std::unique_ptr<IdleMonitor> m_idle;
};

} // namespace samla::ui
