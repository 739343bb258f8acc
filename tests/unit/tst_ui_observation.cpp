// The observation controllers over a real store with hand-set clocks: setting up a
// session with a refused participant, tapping, state toggles, undo, pauses,
// prompts, dissent, stop and finalise, and the refusals as sentences.
#include "app/domain/consentforms.h"
#include "app/domain/consentgate.h"
#include "app/domain/consentlog.h"
#include "app/domain/projects.h"
#include "app/observation/session.h"
#include "app/ui/appmodes.h"
#include "app/ui/appservices.h"
#include "app/ui/appsettings.h"
#include "app/ui/observationlive.h"
#include "app/ui/observationsetup.h"
#include "app/ui/participantregister.h"
#include "app/ui/session.h"
#include "platform/crypto/crypto.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace samla;
using namespace samla::ui;
using namespace samla::observation;

namespace {

constexpr std::int64_t kSecond = 1000;

// Sitting and standing exclude each other; talking is a state of its own; smiling a point event.
CodingScheme postureScheme()
{
    CodingScheme s;
    s.id = QStringLiteral("posture");
    s.name = {{QString(), QStringLiteral("Posture")}};
    s.roles = {SubjectRole{QStringLiteral("patient"), {{QString(), QStringLiteral("Patient")}}}};
    s.participantSubjects = true;
    s.behaviours = {
        Behaviour{QStringLiteral("sit"), {{QString(), QStringLiteral("Sitting")}}, EventType::State},
        Behaviour{QStringLiteral("stand"), {{QString(), QStringLiteral("Standing")}}, EventType::State},
        Behaviour{QStringLiteral("talk"), {{QString(), QStringLiteral("Talking")}}, EventType::State},
        Behaviour{QStringLiteral("smile"), {{QString(), QStringLiteral("Smiles")}}, EventType::Point},
    };
    s.exclusiveGroups = {ExclusiveGroup{QStringLiteral("posture"), {QStringLiteral("sit"), QStringLiteral("stand")}}};
    // Helping is coded with how (required), what kinds, and for how many minutes.
    Modifier how{QStringLiteral("how"), {{QString(), QStringLiteral("How")}}, ModifierType::SingleChoice,
        {ModifierOption{QStringLiteral("gentle"), {{QString(), QStringLiteral("Gently")}}},
            ModifierOption{QStringLiteral("rushed"), {{QString(), QStringLiteral("Rushed")}}}}};
    how.required = true;
    Modifier kinds{QStringLiteral("kinds"), {{QString(), QStringLiteral("Kinds")}}, ModifierType::MultipleChoice,
        {ModifierOption{QStringLiteral("food"), {{QString(), QStringLiteral("Food")}}},
            ModifierOption{QStringLiteral("move"), {{QString(), QStringLiteral("Moving")}}}}};
    Modifier minutes{QStringLiteral("minutes"), {{QString(), QStringLiteral("Minutes")}}, ModifierType::Number};
    minutes.minimum = 0;
    minutes.maximum = 60;
    s.modifiers = {how, kinds, minutes};
    Behaviour help{QStringLiteral("help"), {{QString(), QStringLiteral("Helps")}}, EventType::Point};
    help.modifiers = {QStringLiteral("how"), QStringLiteral("kinds"), QStringLiteral("minutes")};
    s.behaviours.append(help);
    return s;
}

} // namespace

class TestUiObservation : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    ManualClock m_wall{1'780'000'000'000};
    ManualMonotonicClock m_mono{1'000};
    std::unique_ptr<AppServices> m_services;

    AppServices &services() { return *m_services; }
    ObservationSetup &setup() { return services().observationSetup(); }
    ObservationLive &live() { return services().observationLive(); }

    void pass(std::int64_t ms)
    {
        m_wall.advance(ms);
        m_mono.advance(ms);
        live().tick();
    }

    struct Enrolled {
        QString id;
        QString code;
    };

    // Enrols a patient; with consent to everything on the project's form when `consent`.
    Enrolled enrol(bool consent)
    {
        ParticipantRegister &reg = services().participants();
        if (!reg.enrol(QStringLiteral("patient"), QStringLiteral("65+"), {}, true, {}, {}, {}, {}, {}))
            return {};
        const Enrolled e{reg.lastEnrolledId(), reg.lastEnrolledCode()};
        if (consent) {
            store::LocalStore *store = services().session().store();
            auto forms = domain::ConsentForms(store->records()).forms(services().session().projectId());
            if (!forms.ok() || forms->isEmpty())
                return {};
            domain::ConsentCapture capture;
            capture.participantId = e.id;
            capture.formVersionId = forms->constFirst().id;
            capture.language = QStringLiteral("en");
            for (const auto &item : forms->constFirst().content.items)
                capture.answers.insert(item.id, true);
            capture.method = domain::ConsentMethod::VerbalWithWitness;
            capture.witness = QStringLiteral("KB");
            capture.obtainedBy = QStringLiteral("AL");
            capture.effectiveMs = m_wall.nowMs();
            if (!domain::ConsentLog(*store, m_wall).takeConsent(capture).ok())
                return {};
        }
        return e;
    }

    QVariantMap entry(const QVariantList &list, const QString &field, const QString &value)
    {
        for (const QVariant &v : list) {
            if (v.toMap().value(field).toString() == value)
                return v.toMap();
        }
        return {};
    }

    QVariantMap behaviour(const QString &code)
    {
        for (const QVariant &c : live().categories()) {
            const QVariantMap found = entry(c.toMap().value(QStringLiteral("behaviours")).toList(),
                QStringLiteral("code"), code);
            if (!found.isEmpty())
                return found;
        }
        return {};
    }

    bool startWith(const QString &schemeId, const QStringList &codes = {}, int promptMinutes = 0)
    {
        setup().reset();
        setup().setSchemeId(schemeId);
        setup().setObserver(QStringLiteral("AL"));
        setup().setPromptMinutes(promptMinutes);
        for (const QString &code : codes)
            setup().toggleParticipant(code);
        return setup().start();
    }

private slots:
    void initTestCase();
    void startLeavesOutARefusedParticipantAndSaysWhy();
    void aTapIsAnEventInTheStore();
    void stateButtonsToggleAndExcludeEachOther();
    void undoTakesBackTheLastEvent();
    void pausedTimeIsNotObservationTime();
    void promptsFallDueOnObservationTime();
    void dissentStopsTagging();
    void stopAndFinaliseMakeTheSessionReadOnly();
    void refusalsAreSentencesInSwedish();
    void lockPausesAndUnlockReopens();
    void openingTheLiveSessionKeepsItRunning();
    void aQuickNoteIsTimestamped();
    void modifiersAreAskedForBeforeLogging();
    void consentIsCheckedAgainAtTheStartOfASession();
};

void TestUiObservation::initTestCase()
{
    QVERIFY(crypto::initialize().ok());
    QVERIFY(m_dir.isValid());
    AppServicesOptions options;
    options.dataDir = m_dir.path();
    options.systemLocale = QLocale(QLocale::English, QLocale::UnitedKingdom);
    options.fixedKdf = AppServices::cheapKdfForTests();
    options.application = qApp;
    options.clock = &m_wall;
    options.monotonicClock = &m_mono;
    options.timeZone = QTimeZone("Europe/Stockholm");
    m_services = std::make_unique<AppServices>(options);
    QString error;
    QVERIFY2(createUnlockedDemoStore(*m_services, QStringLiteral("blue tractor umbrella 42"), &error), qPrintable(error));
    setup().addScheme(postureScheme());
}

void TestUiObservation::startLeavesOutARefusedParticipantAndSaysWhy()
{
    const Enrolled present = enrol(true);
    const Enrolled objects = enrol(true);
    const Enrolled unconsented = enrol(false);
    QVERIFY(!present.id.isEmpty() && !objects.id.isEmpty() && !unconsented.id.isEmpty());
    setup().reset();
    setup().setSchemeId(QStringLiteral("quis"));

    // The form shows the gate's answer before anyone is chosen.
    const QVariantMap refused = entry(setup().participants(), QStringLiteral("code"), unconsented.code);
    QCOMPARE(refused.value(QStringLiteral("allowed")).toBool(), false);
    QCOMPARE(refused.value(QStringLiteral("reason")).toString(), domain::reasonText(domain::Reason::NoConsent));
    setup().toggleParticipant(unconsented.code);
    QVERIFY(!entry(setup().participants(), QStringLiteral("code"), unconsented.code).value(QStringLiteral("chosen")).toBool());
    QCOMPARE(setup().errorString(),
        QStringLiteral("%1 cannot be observed: %2").arg(unconsented.code, domain::reasonText(domain::Reason::NoConsent)));

    setup().toggleParticipant(present.code);
    setup().toggleParticipant(objects.code);
    QVERIFY(setup().errorString().isEmpty());
    // Consent changes elsewhere between choosing and starting: the domain checks again.
    store::LocalStore *store = services().session().store();
    QVERIFY(domain::ConsentLog(*store, m_wall).dissent(objects.id, domain::Activity::Observation, QStringLiteral("KB")).ok());

    // No observer: refused with a sentence, not a key.
    QVERIFY(!setup().start());
    QCOMPARE(setup().errorString(), QStringLiteral("Write your initials as the observer on this device."));
    QVERIFY(!live().active());

    setup().setObserver(QStringLiteral("AL"));
    const int before = setup().sessionCount();
    QVERIFY(setup().start());
    QVERIFY(live().active());
    QCOMPARE(setup().sessionCount(), before + 1);
    QCOMPARE(live().stateKey(), QStringLiteral("running"));
    const domain::Decision gate = domain::ConsentGate(store->records(), m_wall).mayCollect(objects.id, domain::Activity::Observation);
    QVERIFY(!gate.allowed);
    QCOMPARE(live().infoString(), QStringLiteral("%1 was left out: %2").arg(objects.code, domain::reasonText(gate.reason)));
    const QVariantMap left = entry(live().subjects(), QStringLiteral("key"), QStringLiteral("p:") + objects.code);
    QCOMPARE(left.value(QStringLiteral("taggable")).toBool(), false);
    QCOMPARE(left.value(QStringLiteral("reason")).toString(), domain::reasonText(gate.reason));
    QVERIFY(entry(live().subjects(), QStringLiteral("key"), QStringLiteral("p:") + present.code).value(QStringLiteral("taggable")).toBool());
    QVERIFY(entry(live().subjects(), QStringLiteral("key"), QStringLiteral("p:") + unconsented.code).isEmpty());
    QVERIFY(live().stop());
}

void TestUiObservation::aTapIsAnEventInTheStore()
{
    const Enrolled p = enrol(true);
    QVERIFY(startWith(QStringLiteral("quis"), {p.code}));
    QAbstractItemModelTester tester(live().events(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    live().setSubject(QStringLiteral("p:") + p.code);
    QCOMPARE(live().subject(), QStringLiteral("p:") + p.code);
    QCOMPARE(live().eventCount(), 0);

    pass(12 * kSecond);
    QCOMPARE(live().clockText(), QStringLiteral("00:12"));
    QVERIFY(live().tap(QStringLiteral("ps")));
    QCOMPARE(live().eventCount(), 1);
    QCOMPARE(live().lastEventText(), QStringLiteral("Last: Positive social · %1 at 00:12").arg(p.code));
    const QModelIndex row = live().events()->index(0);
    QCOMPARE(row.data(ObservationEventsModel::OffsetRole).toString(), QStringLiteral("00:12"));
    QCOMPARE(row.data(ObservationEventsModel::WhatRole).toString(), QStringLiteral("Positive social"));
    QCOMPARE(row.data(ObservationEventsModel::SubjectRole).toString(), p.code);
    // Wall time in the session's zone (Stockholm, summer: UTC+2).
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(m_wall.nowMs(), QTimeZone("Europe/Stockholm"));
    QCOMPARE(row.data(ObservationEventsModel::LocalTimeRole).toString(), local.toString(QStringLiteral("HH:mm:ss")));

    // In the store: another reader opening the session sees the event.
    Sessions reader(*services().session().store(), m_wall, m_mono);
    auto opened = reader.open(live().sessionId());
    QVERIFY(opened.ok());
    const QList<ObservationEvent> stored = opened.value()->events();
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.first().behaviour, QStringLiteral("ps"));
    QCOMPARE(stored.first().subject, Subject::participant(p.code));
    QCOMPARE(stored.first().offsetMs, 12 * kSecond);
    opened.value().reset();
    QVERIFY(live().stop());
}

void TestUiObservation::stateButtonsToggleAndExcludeEachOther()
{
    QVERIFY(startWith(QStringLiteral("posture")));
    live().setSubject(QStringLiteral("r:patient"));
    QCOMPARE(behaviour(QStringLiteral("sit")).value(QStringLiteral("isState")).toBool(), true);
    QCOMPARE(behaviour(QStringLiteral("smile")).value(QStringLiteral("isState")).toBool(), false);
    QCOMPARE(live().runningCodes().contains(QStringLiteral("sit")), false);

    pass(kSecond);
    QVERIFY(live().tap(QStringLiteral("sit")));
    QCOMPARE(live().runningCodes().contains(QStringLiteral("sit")), true);
    QCOMPARE(live().runningText(), QStringLiteral("Running now: Sitting (Patient)"));
    // For another subject nothing is running.
    live().setSubject(QString());
    QCOMPARE(live().runningCodes().contains(QStringLiteral("sit")), false);
    live().setSubject(QStringLiteral("r:patient"));

    pass(kSecond);
    QVERIFY(live().tap(QStringLiteral("stand")));
    QCOMPARE(live().runningCodes().contains(QStringLiteral("sit")), false);
    QCOMPARE(live().runningCodes().contains(QStringLiteral("stand")), true);
    pass(kSecond);
    QVERIFY(live().tap(QStringLiteral("stand")));
    QCOMPARE(live().runningCodes().contains(QStringLiteral("stand")), false);
    QVERIFY(live().runningText().isEmpty());
    QCOMPARE(live().events()->index(live().eventCount() - 1).data(ObservationEventsModel::WhatRole).toString(),
        QStringLiteral("Standing ended"));
    QVERIFY(live().stop());
}

void TestUiObservation::undoTakesBackTheLastEvent()
{
    QVERIFY(startWith(QStringLiteral("posture")));
    QVERIFY(!live().undo());
    QCOMPARE(live().errorString(), QStringLiteral("There is nothing to undo."));
    pass(kSecond);
    QVERIFY(live().tap(QStringLiteral("smile")));
    QVERIFY(live().errorString().isEmpty());
    QVERIFY(live().tap(QStringLiteral("talk")));
    QCOMPARE(live().eventCount(), 2);
    QVERIFY(live().runningCodes().contains(QStringLiteral("talk")));

    QVERIFY(live().undo());
    QCOMPARE(live().eventCount(), 1);
    QVERIFY(!live().runningCodes().contains(QStringLiteral("talk")));
    QVERIFY(live().undo());
    QCOMPARE(live().eventCount(), 0);
    QVERIFY(live().lastEventText().isEmpty());

    // Undone in the store too.
    Sessions reader(*services().session().store(), m_wall, m_mono);
    auto opened = reader.open(live().sessionId());
    QVERIFY(opened.ok());
    QCOMPARE(opened.value()->events().size(), 0);
    opened.value().reset();
    QVERIFY(live().stop());
}

void TestUiObservation::pausedTimeIsNotObservationTime()
{
    QVERIFY(startWith(QStringLiteral("posture")));
    QVERIFY(live().pausedText().isEmpty());
    pass(10 * kSecond);
    QCOMPARE(live().clockText(), QStringLiteral("00:10"));
    QVERIFY(live().pause());
    QVERIFY(live().paused());
    QCOMPARE(live().stateText(), QStringLiteral("Paused"));
    pass(20 * kSecond);
    QCOMPARE(live().clockText(), QStringLiteral("00:10"));
    QCOMPARE(live().pausedText(), QStringLiteral("Paused: the clock is stopped, and paused time is not observation time."));
    QVERIFY(!live().tap(QStringLiteral("smile")));
    QCOMPARE(live().errorString(), QStringLiteral("The session is paused. Resume it to code again."));
    QCOMPARE(live().eventCount(), 0);

    QVERIFY(live().resume());
    pass(5 * kSecond);
    QCOMPARE(live().clockText(), QStringLiteral("00:15"));
    QCOMPARE(live().pausedText(), QStringLiteral("00:20 paused in all, not counted as observation time"));
    QVERIFY(live().tap(QStringLiteral("smile")));
    QCOMPARE(live().events()->index(0).data(ObservationEventsModel::OffsetRole).toString(), QStringLiteral("00:15"));
    pass(3600 * kSecond);
    QCOMPARE(live().clockText(), QStringLiteral("1:00:15"));
    QVERIFY(live().stop());
}

void TestUiObservation::promptsFallDueOnObservationTime()
{
    QVERIFY(startWith(QStringLiteral("quis"), {}, 1));
    QVERIFY(live().hasPrompts());
    QSignalSpy fell(&live(), &ObservationLive::promptFell);
    pass(50 * kSecond);
    QCOMPARE(live().promptText(), QStringLiteral("Next prompt in 00:10 (every 01:00)"));
    QVERIFY(!live().promptDue());
    // A pause moves the prompt later in wall time.
    QVERIFY(live().pause());
    pass(30 * kSecond);
    QVERIFY(!live().promptDue());
    QVERIFY(live().resume());
    pass(9 * kSecond);
    QVERIFY(!live().promptDue());
    pass(2 * kSecond);
    QVERIFY(live().promptDue());
    QCOMPARE(fell.count(), 1);
    live().acknowledgePrompt();
    QVERIFY(!live().promptDue());
    pass(10 * kSecond);
    QVERIFY(!live().promptDue());
    QCOMPARE(fell.count(), 1);
    QVERIFY(live().stop());
    QVERIFY(live().promptText().isEmpty());
}

void TestUiObservation::dissentStopsTagging()
{
    const Enrolled p = enrol(true);
    QVERIFY(startWith(QStringLiteral("posture"), {p.code}));
    live().setSubject(QStringLiteral("p:") + p.code);
    QVERIFY(live().tap(QStringLiteral("talk")));
    QVERIFY(!live().runningText().isEmpty());

    pass(kSecond);
    QVERIFY(live().dissent(p.code));
    // Their running state ended; they are no longer the subject and cannot be chosen.
    QVERIFY(live().runningText().isEmpty());
    QCOMPARE(live().subject(), QString());
    const QString reason = QStringLiteral("Objected to being observed during this session: cannot be tagged.");
    const QVariantMap subject = entry(live().subjects(), QStringLiteral("key"), QStringLiteral("p:") + p.code);
    QCOMPARE(subject.value(QStringLiteral("taggable")).toBool(), false);
    QCOMPARE(subject.value(QStringLiteral("reason")).toString(), reason);
    live().setSubject(QStringLiteral("p:") + p.code);
    QCOMPARE(live().subject(), QString());
    QCOMPARE(live().errorString(), QStringLiteral("%1 cannot be tagged: %2").arg(p.code, reason));
    // The message on screen follows a language switch, reason included.
    services().settings().setLanguage(QStringLiteral("sv"));
    QCOMPARE(live().errorString(),
        QStringLiteral("%1 kan inte taggas: Avböjde att bli observerad under sessionen: kan inte taggas.").arg(p.code));
    services().settings().setLanguage(QStringLiteral("en"));
    // A second tap on dissent is refused in words.
    QVERIFY(!live().dissent(p.code));
    QCOMPARE(live().errorString(),
        QStringLiteral("This participant has objected to being observed. They can no longer be tagged in this session."));
    // The consent record says so everywhere.
    const domain::Decision d = domain::ConsentGate(services().session().store()->records(), m_wall)
                                   .mayCollect(p.id, domain::Activity::Observation);
    QVERIFY(!d.allowed);
    QCOMPARE(live().events()->index(live().eventCount() - 1).data(ObservationEventsModel::KindRole).toString(),
        QStringLiteral("dissent"));
    QVERIFY(live().stop());
}

void TestUiObservation::stopAndFinaliseMakeTheSessionReadOnly()
{
    QVERIFY(startWith(QStringLiteral("posture")));
    const QString id = live().sessionId();
    pass(5 * kSecond);
    QVERIFY(live().tap(QStringLiteral("talk")));
    QVERIFY(live().tap(QStringLiteral("smile")));
    QVERIFY(!live().finalise());
    QCOMPARE(live().errorString(), QStringLiteral("Stop the session before you finalise it."));
    pass(5 * kSecond);

    QVERIFY(live().stop());
    QVERIFY(live().stopped());
    QVERIFY(!live().editable());
    QCOMPARE(live().summaryText(),
        QStringLiteral("Stopped after 00:10 of observation time; 2 events in force.\nEnded at the stop: Talking"));
    QVERIFY(!live().tap(QStringLiteral("smile")));
    QCOMPARE(live().errorString(), QStringLiteral("The session has stopped, so nothing more can be coded."));

    QVERIFY(live().finalise());
    QVERIFY(live().finalised());
    QCOMPARE(live().infoString(), QStringLiteral("The session is finalised. It can be read but no longer changed."));
    const QString finalisedText
        = QStringLiteral("This session is finalised and can no longer be changed. A correction is made as a new version.");
    QVERIFY(!live().tap(QStringLiteral("smile")));
    QCOMPARE(live().errorString(), finalisedText);
    QVERIFY(!live().undo());
    QCOMPARE(live().errorString(), finalisedText);
    QVERIFY(!live().addNote(QStringLiteral("late")));
    QVERIFY(!live().finalise());
    QCOMPARE(live().eventCount(), 2);

    // Opened again from the list: still finalised, with its events.
    setup().refresh();
    int row = -1;
    for (int r = 0; r < setup().sessions()->rowCount(); ++r) {
        if (setup().sessions()->index(r).data(ObservationSessionsModel::IdRole).toString() == id)
            row = r;
    }
    QVERIFY(row >= 0);
    QCOMPARE(setup().sessions()->index(row).data(ObservationSessionsModel::StateKeyRole).toString(),
        QStringLiteral("finalised"));
    QCOMPARE(setup().sessions()->index(row).data(ObservationSessionsModel::StateRole).toString(), QStringLiteral("Finalised"));
    live().close();
    QVERIFY(setup().openSession(id));
    QVERIFY(live().finalised());
    QVERIFY(!live().editable());
    QCOMPARE(live().eventCount(), 2);
    QVERIFY(!live().tap(QStringLiteral("smile")));
    QCOMPARE(live().errorString(), finalisedText);
}

void TestUiObservation::refusalsAreSentencesInSwedish()
{
    QVERIFY(startWith(QStringLiteral("posture")));
    QVERIFY(!live().undo());
    const QString english = live().errorString();
    services().settings().setLanguage(QStringLiteral("sv"));
    const QString swedish = live().errorString();
    QVERIFY2(!swedish.isEmpty() && swedish != english, qPrintable(swedish));
    QVERIFY(!swedish.contains(QStringLiteral("nothing_to_undo")));
    QCOMPARE(live().stateText(), QStringLiteral("Pågår"));
    services().settings().setLanguage(QStringLiteral("en"));
    QCOMPARE(live().errorString(), english);
    QVERIFY(live().stop());
}

void TestUiObservation::lockPausesAndUnlockReopens()
{
    QVERIFY(startWith(QStringLiteral("posture")));
    const QString id = live().sessionId();
    pass(7 * kSecond);
    QVERIFY(live().tap(QStringLiteral("smile")));
    services().session().lock();
    QVERIFY(!live().active());
    pass(60 * kSecond);
    services().session().unlock(QStringLiteral("blue tractor umbrella 42"));
    services().session().waitForWorker();
    QTRY_VERIFY(services().session().state() == Session::Unlocked);
    QTRY_VERIFY(live().active());
    QCOMPARE(live().sessionId(), id);
    QVERIFY(live().paused());
    QCOMPARE(live().clockText(), QStringLiteral("00:07"));
    QCOMPARE(live().eventCount(), 1);
    QVERIFY(live().resume());
    pass(3 * kSecond);
    QCOMPARE(live().clockText(), QStringLiteral("00:10"));
    QVERIFY(live().stop());
}

void TestUiObservation::openingTheLiveSessionKeepsItRunning()
{
    QVERIFY(startWith(QStringLiteral("posture")));
    const QString id = live().sessionId();
    pass(4 * kSecond);
    // Back to the list and into the same session: still the running one, not a reopened copy.
    QAbstractItemModelTester tester(setup().sessions(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    setup().refresh();
    QCOMPARE(setup().sessions()->index(0).data(ObservationSessionsModel::IdRole).toString(), id);
    QCOMPARE(setup().sessions()->index(0).data(ObservationSessionsModel::StateKeyRole).toString(), QStringLiteral("running"));
    QVERIFY(setup().openSession(id));
    QVERIFY(!live().paused());
    pass(2 * kSecond);
    QCOMPARE(live().clockText(), QStringLiteral("00:06"));

    // Starting another one pauses this one: its unwatched time is not observation time.
    QVERIFY(startWith(QStringLiteral("quis")));
    const QString other = live().sessionId();
    pass(30 * kSecond);
    QVERIFY(setup().openSession(id));
    QVERIFY(live().paused());
    QCOMPARE(live().clockText(), QStringLiteral("00:06"));
    QVERIFY(live().stop());
    QVERIFY(setup().openSession(other));
    QVERIFY(live().stop());
}

void TestUiObservation::aQuickNoteIsTimestamped()
{
    QVERIFY(startWith(QStringLiteral("posture")));
    QVERIFY(!live().addNote(QStringLiteral("   ")));
    QCOMPARE(live().errorString(), QStringLiteral("Write something in the note first."));
    QCOMPARE(live().eventCount(), 0);
    pass(83 * kSecond);
    QVERIFY(live().addNote(QStringLiteral(" Lunch trolley arrives ")));
    QVERIFY(live().errorString().isEmpty());
    QCOMPARE(live().eventCount(), 1);
    const QModelIndex row = live().events()->index(0);
    QCOMPARE(row.data(ObservationEventsModel::KindRole).toString(), QStringLiteral("note"));
    QCOMPARE(row.data(ObservationEventsModel::WhatRole).toString(), QStringLiteral("Note"));
    QCOMPARE(row.data(ObservationEventsModel::CommentRole).toString(), QStringLiteral("Lunch trolley arrives"));
    QCOMPARE(row.data(ObservationEventsModel::OffsetRole).toString(), QStringLiteral("01:23"));
    // Undo takes a note back like any other event.
    QVERIFY(live().undo());
    QCOMPARE(live().eventCount(), 0);
    QVERIFY(live().stop());
}

void TestUiObservation::modifiersAreAskedForBeforeLogging()
{
    QVERIFY(startWith(QStringLiteral("posture")));
    pass(5 * kSecond);
    // The tap asks for the modifiers; nothing is logged yet.
    QVERIFY(live().tap(QStringLiteral("help")));
    QCOMPARE(live().pendingBehaviour(), QStringLiteral("help"));
    QCOMPARE(live().pendingLabel(), QStringLiteral("Helps"));
    const QVariantList modifiers = live().pendingModifiers();
    QCOMPARE(modifiers.size(), 3);
    QCOMPARE(modifiers[0].toMap().value(QStringLiteral("type")).toString(), QStringLiteral("single"));
    QCOMPARE(modifiers[0].toMap().value(QStringLiteral("required")).toBool(), true);
    QCOMPARE(modifiers[1].toMap().value(QStringLiteral("type")).toString(), QStringLiteral("multiple"));
    QCOMPARE(modifiers[2].toMap().value(QStringLiteral("type")).toString(), QStringLiteral("number"));
    QCOMPARE(live().eventCount(), 0);

    // A required one missing: refused by its label, and still waiting.
    QVERIFY(!live().confirmModifiers());
    QCOMPARE(live().errorString(), QStringLiteral("\"How\" is missing or not one of the allowed values."));
    QCOMPARE(live().pendingBehaviour(), QStringLiteral("help"));
    live().setModifierValue(QStringLiteral("how"), QStringLiteral("gentle"));
    live().toggleModifierOption(QStringLiteral("kinds"), QStringLiteral("food"));
    live().toggleModifierOption(QStringLiteral("kinds"), QStringLiteral("move"));
    live().toggleModifierOption(QStringLiteral("kinds"), QStringLiteral("food"));
    live().setModifierValue(QStringLiteral("minutes"), QStringLiteral("75"));
    QVERIFY(!live().confirmModifiers());
    QCOMPARE(live().errorString(), QStringLiteral("\"Minutes\" is missing or not one of the allowed values."));
    live().setModifierValue(QStringLiteral("minutes"), QStringLiteral("2.5"));
    QVERIFY(live().confirmModifiers());
    QVERIFY(live().pendingBehaviour().isEmpty());
    QCOMPARE(live().eventCount(), 1);
    QCOMPARE(live().events()->index(0).data(ObservationEventsModel::ModifiersRole).toString(),
        QStringLiteral("How: Gently; Kinds: Moving; Minutes: 2.5"));

    // Swedish numbers have a decimal comma.
    services().settings().setLanguage(QStringLiteral("sv"));
    QVERIFY(live().tap(QStringLiteral("help")));
    live().setModifierValue(QStringLiteral("how"), QStringLiteral("rushed"));
    live().setModifierValue(QStringLiteral("minutes"), QStringLiteral("1,5"));
    QVERIFY(live().confirmModifiers());
    services().settings().setLanguage(QStringLiteral("en"));
    Sessions reader(*services().session().store(), m_wall, m_mono);
    auto opened = reader.open(live().sessionId());
    QVERIFY(opened.ok());
    const QList<ObservationEvent> stored = opened.value()->events();
    QCOMPARE(stored.size(), 2);
    QCOMPARE(stored[1].modifiers.value(QStringLiteral("minutes")).toDouble(), 1.5);
    QCOMPARE(stored[1].modifiers.value(QStringLiteral("how")).toString(), QStringLiteral("rushed"));
    opened.value().reset();

    // Cancel drops the tap.
    QVERIFY(live().tap(QStringLiteral("help")));
    live().cancelModifiers();
    QVERIFY(live().pendingBehaviour().isEmpty());
    QCOMPARE(live().eventCount(), 2);
    QVERIFY(live().stop());
}

QTEST_MAIN(TestUiObservation)
#include "tst_ui_observation.moc"

// A project that checks consent at every session: the setup screen asks for the
// re-check of each participant present, refuses to start until it is recorded,
// and a dissent recorded there stops them being ticked at all.
void TestUiObservation::consentIsCheckedAgainAtTheStartOfASession()
{
    store::LocalStore *store = services().session().store();
    domain::Projects projects(store->records());
    auto project = projects.get(services().session().projectId());
    QVERIFY(project.ok());
    project->settings.recheckEverySession = true;
    QVERIFY(projects.update(project.value()).ok());
    const Enrolled agrees = enrol(true);
    const Enrolled objects = enrol(true);
    QVERIFY(!agrees.id.isEmpty() && !objects.id.isEmpty());
    pass(60 * kSecond);   // the session starts after their consent was given

    setup().reset();
    setup().setSchemeId(QStringLiteral("quis"));
    setup().setObserver(QStringLiteral("AL"));
    QVariantMap row = entry(setup().participants(), QStringLiteral("code"), agrees.code);
    QVERIFY(row.value(QStringLiteral("allowed")).toBool());
    QVERIFY(row.value(QStringLiteral("recheckNeeded")).toBool());
    QCOMPARE(row.value(QStringLiteral("recheck")).toString(), domain::recheckWhyText(domain::RecheckWhy::EverySession));
    setup().toggleParticipant(agrees.code);
    QVERIFY(!setup().start());
    QCOMPARE(setup().errorString(),
        QStringLiteral("Check consent again with %1 before the session starts, or untick them.").arg(agrees.code));

    // A dissent at the check: the participant can no longer be ticked, and the timeline has it.
    QVERIFY(setup().recordRecheck(objects.id, 2));
    row = entry(setup().participants(), QStringLiteral("code"), objects.code);
    QVERIFY(!row.value(QStringLiteral("allowed")).toBool());
    auto timeline = domain::ConsentGate(store->records(), m_wall).timeline(objects.id);
    QVERIFY(timeline.ok());
    QCOMPARE(timeline->entries.constLast().event.type, domain::ConsentEventType::Recheck);
    QCOMPARE(timeline->entries.constLast().event.outcome, domain::RecheckOutcome::DissentObserved);
    QCOMPARE(timeline->entries.constLast().event.obtainedBy, QStringLiteral("AL"));

    // Still agrees: recorded, and the session starts with them.
    QVERIFY(setup().recordRecheck(agrees.id, 0));
    row = entry(setup().participants(), QStringLiteral("code"), agrees.code);
    QVERIFY(!row.value(QStringLiteral("recheckNeeded")).toBool());
    QVERIFY(row.value(QStringLiteral("recheck")).toString().isEmpty());
    QVERIFY(row.value(QStringLiteral("chosen")).toBool());
    QVERIFY2(setup().start(), qPrintable(setup().errorString()));
    QCOMPARE(live().participants().size(), 1);
    QCOMPARE(live().participants().constFirst().toMap().value(QStringLiteral("code")).toString(), agrees.code);

    project->settings.recheckEverySession = false;
    QVERIFY(projects.update(project.value()).ok());
}
