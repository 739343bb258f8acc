#include "appservices.h"

#include "appsettings.h"
#include "attachmentimages.h"
#include "consentflow.h"
#include "consentformeditor.h"
#include "engineservices.h"
#include "identitylookup.h"
#include "idlemonitor.h"
#include "navigator.h"
#include "notebook.h"
#include "notedetailsform.h"
#include "noteeditor.h"
#include "notemedia.h"
#include "qrscanner.h"
#include "observationagreement.h"
#include "observationcorrection.h"
#include "observationlive.h"
#include "observationreports.h"
#include "observationsetup.h"
#include "participantconsent.h"
#include "participantregister.h"
#include "projecteditor.h"
#include "projectlist.h"
#include "schemeeditor.h"
#include "session.h"
#include "synccontroller.h"
#include "translations.h"

#include <QQmlEngine>

namespace samla::ui {

crypto::Argon2Params AppServices::cheapKdfForTests()
{
    return crypto::Argon2Params { 1, 8192 };
}

AppServices::AppServices(AppServicesOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    m_translations = std::make_unique<Translations>();
    m_settings = std::make_unique<AppSettings>(m_options.dataDir, m_options.systemLocale);

    Session::KdfProvider kdf;
    if (m_options.fixedKdf) {
        kdf = [params = *m_options.fixedKdf] { return params; };
    } else {
        kdf = [] { return crypto::calibrateArgon2(kCalibrationTarget); };
    }
    m_session = std::make_unique<Session>(m_options.dataDir, clock(), std::move(kdf));
    m_navigator = std::make_unique<Navigator>(nullptr);
    m_notebook = std::make_unique<Notebook>(*m_session, *m_settings);
    m_editor = std::make_unique<NoteEditor>(*m_session, *m_settings);
    m_noteMedia = std::make_unique<NoteMedia>(*m_session, *m_settings, *m_editor);
    m_qrScanner = std::make_unique<QrScanner>();
    m_participants = std::make_unique<ParticipantRegister>(*m_session, *m_settings);
    m_consentFlow = std::make_unique<ConsentFlow>(*m_session, *m_settings);
    m_identity = std::make_unique<IdentityLookup>(*m_session, *m_settings, *m_participants);
    m_participantConsent = std::make_unique<ParticipantConsent>(*m_session, *m_settings);
    m_projectEditor = std::make_unique<ProjectEditor>(*m_session);
    m_projectList = std::make_unique<ProjectList>(*m_session);
    m_consentForms = std::make_unique<ConsentFormEditor>(*m_session, *m_settings);
    m_noteDetails = std::make_unique<NoteDetailsForm>(*m_session);
    const observation::MonotonicClock &monotonic
        = m_options.monotonicClock ? *m_options.monotonicClock : m_steadyClock;
    m_observationLive
        = std::make_unique<ObservationLive>(*m_session, *m_settings, monotonic, m_options.timeZone);
    m_observationSetup = std::make_unique<ObservationSetup>(
        *m_session, *m_settings, *m_observationLive, monotonic, m_options.timeZone);
    m_observationAgreement
        = std::make_unique<ObservationAgreement>(*m_session, *m_settings, monotonic, m_options.timeZone);
    m_observationReports
        = std::make_unique<ObservationReports>(*m_session, *m_settings, monotonic, m_options.timeZone);
    m_observationCorrection
        = std::make_unique<ObservationCorrection>(*m_session, *m_settings, monotonic, m_options.timeZone);
    m_schemeEditor = std::make_unique<SchemeEditor>(*m_session, *m_settings);
    m_sync = std::make_unique<SyncController>(*m_session, *m_settings, clock());
    m_idle = std::make_unique<IdleMonitor>(m_options.application);

    m_translations->apply(m_settings->language());
    connect(m_settings.get(), &AppSettings::languageChanged, this,
        [this] { m_translations->apply(m_settings->language()); });

    // Idle lock counts only while there is something to protect.
    updateIdleTimeout();
    connect(m_settings.get(), &AppSettings::idleLockMinutesChanged, this, &AppServices::updateIdleTimeout);
    connect(m_session.get(), &Session::stateChanged, this,
        [this] { m_idle->setActive(m_session->state() == Session::Unlocked); });
    connect(m_idle.get(), &IdleMonitor::idle, m_session.get(), &Session::lock);

    // Automatic sync waits while a live observation is being coded.
    auto holdSync = [this] { m_sync->setHoldAutoSync(m_observationLive->active() && m_observationLive->editable()); };
    connect(m_observationLive.get(), &ObservationLive::sessionChanged, this, holdSync);
    connect(m_observationLive.get(), &ObservationLive::stateChanged, this, holdSync);

    // A saved or synced scheme is offered when the next session is set up.
    connect(m_schemeEditor.get(), &SchemeEditor::saved, m_observationSetup.get(), &ObservationSetup::refresh);
    connect(m_sync.get(), &SyncController::synced, m_schemeEditor.get(), &SchemeEditor::refresh);
    // Synced changes may add or change notes anywhere.
    connect(m_sync.get(), &SyncController::synced, m_notebook.get(), &Notebook::refresh);
    // ... and may bring a data-manager grant, or identities other data managers saved.
    connect(m_sync.get(), &SyncController::synced, m_participants.get(), [this] {
        m_participants->reloadVault();
        m_participants->refresh();
    });
    // A saved note changes the list and the count.
    connect(m_editor.get(), &NoteEditor::saved, m_notebook.get(), &Notebook::refresh);
    // Saved project settings (name, re-consent interval, policy…) change what the other screens show.
    connect(m_session.get(), &Session::projectChanged, m_notebook.get(), &Notebook::projectChanged);
    // Another project opened: its notes and count replace the last one's.
    connect(m_session.get(), &Session::projectChanged, m_notebook.get(), &Notebook::refresh);
    connect(m_session.get(), &Session::projectChanged, m_participants.get(), [this] {
        emit m_participants->projectChanged();
        m_participants->refresh();
        if (!m_participantConsent->participantId().isEmpty())
            m_participantConsent->reload();
    });
    // A recorded consent changes the participant's state in the list and on the timeline.
    connect(m_consentFlow.get(), &ConsentFlow::consentRecorded, this, [this](const QString &participantId) {
        m_participants->refresh();
        if (m_participantConsent->participantId() == participantId)
            m_participantConsent->reload();
    });
    connect(m_participantConsent.get(), &ParticipantConsent::eventRecorded, m_participants.get(),
        &ParticipantRegister::refresh);
    // A consent half taken (answers, a signature) is dropped on lock; after
    // unlocking the app returns to the participant list, not to an empty step.
    connect(m_session.get(), &Session::aboutToClose, this, [this] {
        if (m_navigator->screen().startsWith(QLatin1String("consent"))) {
            m_navigator->home();
            m_navigator->push(QStringLiteral("participants"));
        }
    });
    // A name shown after a look-up stays only while its screen is open.
    connect(m_navigator.get(), &Navigator::screenChanged, m_identity.get(), [this] {
        if (m_navigator->screen() != QLatin1String("identity"))
            m_identity->clear();
    });
    // Leaving the editor saves a recording still running and closes the camera.
    connect(m_navigator.get(), &Navigator::screenChanged, m_noteMedia.get(), [this] {
        if (m_navigator->screen() != QLatin1String("editor"))
            m_noteMedia->editorLeft();
    });
    // Leaving the editor keeps what was typed: save it as a version.
    connect(m_navigator.get(), &Navigator::screenChanged, this, [this] {
        const QString screen = m_navigator->screen();
        if (screen != QLatin1String("editor") && screen != QLatin1String("versions") && m_editor->dirty())
            m_editor->save();
    });
}

AppServices::~AppServices()
{
    // The editor saves a dirty draft while the store is still open.
    if (m_session->state() == Session::Unlocked)
        m_session->lock();
    m_session->waitForWorker();
}

void AppServices::updateIdleTimeout()
{
    m_idle->setTimeout(std::chrono::minutes(m_settings->idleLockMinutes()));
}

void AppServices::attachEngine(QQmlEngine &engine)
{
    provideServiceToEngine(engine, m_settings.get());
    provideServiceToEngine(engine, m_session.get());
    provideServiceToEngine(engine, m_navigator.get());
    provideServiceToEngine(engine, m_notebook.get());
    provideServiceToEngine(engine, m_editor.get());
    provideServiceToEngine(engine, m_noteMedia.get());
    provideServiceToEngine(engine, m_qrScanner.get());
    // Thumbnails of note photos, decrypted in memory by NoteMedia; the engine owns the provider.
    if (!engine.imageProvider(QStringLiteral("attachment")))
        engine.addImageProvider(QStringLiteral("attachment"), new AttachmentImages(m_noteMedia->thumbnails()));
    provideServiceToEngine(engine, m_participants.get());
    provideServiceToEngine(engine, m_consentFlow.get());
    provideServiceToEngine(engine, m_identity.get());
    provideServiceToEngine(engine, m_participantConsent.get());
    provideServiceToEngine(engine, m_projectEditor.get());
    provideServiceToEngine(engine, m_projectList.get());
    provideServiceToEngine(engine, m_consentForms.get());
    provideServiceToEngine(engine, m_noteDetails.get());
    provideServiceToEngine(engine, m_observationSetup.get());
    provideServiceToEngine(engine, m_observationLive.get());
    provideServiceToEngine(engine, m_observationAgreement.get());
    provideServiceToEngine(engine, m_observationReports.get());
    provideServiceToEngine(engine, m_observationCorrection.get());
    provideServiceToEngine(engine, m_schemeEditor.get());
    provideServiceToEngine(engine, m_sync.get());
    m_translations->attachEngine(&engine);
}

} // namespace samla::ui
