// Observation sessions: clock arithmetic, state events, undo, daylight saving, consent, dissent, finalising.
#include "tst_consentfixture.h"

#include "app/observation/session.h"

#include <QTest>

using namespace samla;
using namespace samla::observation;

namespace {

constexpr std::int64_t kSecond = 1000;
constexpr std::int64_t kMinute = 60 * kSecond;

QString detail(const Error &e)
{
    return e.detail;
}

template <typename T>
QString why(const Result<T> &r)
{
    return r.ok() ? QString() : detail(r.error());
}

// Sitting and standing exclude each other; smiling is a point event.
CodingScheme postureScheme()
{
    CodingScheme s;
    s.id = QStringLiteral("posture");
    s.name = {{QString(), QStringLiteral("Posture")}};
    s.roles = {SubjectRole{QStringLiteral("patient"), {{QString(), QStringLiteral("Patient")}}},
               SubjectRole{QStringLiteral("staff"), {{QString(), QStringLiteral("Staff")}}}};
    s.participantSubjects = true;
    Behaviour sit{QStringLiteral("sit"), {{QString(), QStringLiteral("Sitting")}}, EventType::State};
    Behaviour stand{QStringLiteral("stand"), {{QString(), QStringLiteral("Standing")}}, EventType::State};
    Behaviour talk{QStringLiteral("talk"), {{QString(), QStringLiteral("Talking")}}, EventType::State};
    Behaviour smile{QStringLiteral("smile"), {{QString(), QStringLiteral("Smiles")}}, EventType::Point};
    s.behaviours = {sit, stand, talk, smile};
    s.exclusiveGroups = {ExclusiveGroup{QStringLiteral("posture"), {QStringLiteral("sit"), QStringLiteral("stand")}}};
    return s;
}

} // namespace

class TestObservationSession : public QObject {
    Q_OBJECT

    std::unique_ptr<test::ConsentFixture> f;
    ManualMonotonicClock mono{5'000};
    std::unique_ptr<Sessions> sessions;

    SessionSetup setup(const CodingScheme &scheme, const QStringList &codes = {})
    {
        SessionSetup s;
        s.projectId = f->project.id;
        s.siteId = QStringLiteral("cafe");
        s.setting = QStringLiteral("ward area");
        s.observers = {QStringLiteral("R1"), QStringLiteral("R2")};
        s.observer = QStringLiteral("R1");
        s.participantCodes = codes;
        s.attendeesByRole = {{QStringLiteral("staff"), 3}, {QStringLiteral("visitor"), 1}};
        s.scheme = scheme;
        return s;
    }

    std::unique_ptr<ObservationSession> begin(const SessionSetup &s, QList<ParticipantRefusal> *refused = nullptr)
    {
        auto started = sessions->start(s, refused);
        if (!started.ok())
            qWarning() << started.error().detail;
        return started.ok() ? std::move(started).value() : nullptr;
    }

    // Advances both clocks, as real time passing does.
    void pass(std::int64_t ms)
    {
        mono.advance(ms);
        f->clock.advance(ms);
    }

    domain::Participant consented()
    {
        const domain::Participant p = f->enrol();
        auto log = f->log();
        auto taken = log.takeConsent(f->capture(p.id));
        if (!taken.ok())
            qWarning() << taken.error().detail;
        return p;
    }

private slots:
    void initTestCase() { QVERIFY(crypto::initialize().ok()); }

    void init()
    {
        f = std::make_unique<test::ConsentFixture>();
        QVERIFY(f->setUp());
        sessions = std::make_unique<Sessions>(*f->store, f->clock, mono, QTimeZone("Europe/Stockholm"));
    }

    void cleanup()
    {
        sessions.reset();
        f.reset();
    }

    void offsetsLeavePausedTimeOut()
    {
        auto s = begin(setup(postureScheme()));
        QVERIFY(s);
        pass(10 * kSecond);
        auto first = s->logPoint(QStringLiteral("smile"));
        QVERIFY2(first.ok(), qPrintable(why(first)));
        QCOMPARE(first->offsetMs, 10 * kSecond);
        pass(5 * kSecond);
        QVERIFY(s->pause().ok());
        QCOMPARE(s->state(), SessionState::Paused);
        pass(20 * kSecond);
        QCOMPARE(s->offsetMs(), 15 * kSecond);   // the clock stands still while paused
        auto refused = s->logPoint(QStringLiteral("smile"));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().detail, QStringLiteral("paused"));
        QVERIFY(s->resume().ok());
        pass(5 * kSecond);
        auto second = s->logPoint(QStringLiteral("smile"));
        QVERIFY(second.ok());
        QCOMPARE(second->offsetMs, 20 * kSecond);
        QCOMPARE(second->elapsedMs, 40 * kSecond);
        QCOMPARE(second->wallMs - first->wallMs, 30 * kSecond);
        QCOMPARE(s->pauses(), (QList<PauseSpan>{PauseSpan{15 * kSecond, 35 * kSecond}}));
        // The pure function agrees, including a pause still running.
        QCOMPARE(activeOffsetMs(40 * kSecond, {{15 * kSecond, 35 * kSecond}}), 20 * kSecond);
        QCOMPARE(activeOffsetMs(40 * kSecond, {{15 * kSecond, 35 * kSecond}, {38 * kSecond, -1}}), 18 * kSecond);
        QCOMPARE(activeOffsetMs(10 * kSecond, {{15 * kSecond, 35 * kSecond}}), 10 * kSecond);
    }

    void intervalPromptsFallOnObservationTime()
    {
        QCOMPARE(promptOffsets(60 * kSecond, 0, 3), (QList<std::int64_t>{60 * kSecond, 120 * kSecond, 180 * kSecond}));
        QCOMPARE(promptOffsets(60 * kSecond, 60 * kSecond, 1), QList<std::int64_t>{120 * kSecond});
        QCOMPARE(promptOffsets(60 * kSecond, 59'999, 1), QList<std::int64_t>{60 * kSecond});
        QVERIFY(promptOffsets(0, 0, 3).isEmpty());
        QCOMPARE(msUntilNextPrompt(30 * kSecond, 45 * kSecond), 15 * kSecond);
        QCOMPARE(msUntilNextPrompt(0, 45 * kSecond), -1);

        SessionSetup quis = setup(quisScheme());
        auto s = begin(quis);
        QVERIFY(s);
        QCOMPARE(s->info().promptIntervalS, 15 * 60);   // the scheme's default
        pass(14 * kMinute);
        QCOMPARE(s->msUntilNextPrompt(), kMinute);
        QVERIFY(s->pause().ok());
        pass(30 * kMinute);
        QCOMPARE(s->msUntilNextPrompt(), kMinute);      // no prompt is due during a pause
        QVERIFY(s->resume().ok());
        pass(kMinute + kSecond);
        QCOMPARE(s->nextPromptOffsetMs(), 30 * kMinute);

        quis.promptIntervalS = 0;
        auto none = begin(quis);
        QVERIFY(none);
        QCOMPARE(none->nextPromptOffsetMs(), -1);
    }

    void startingAStateClosesItsExclusivePartner()
    {
        auto s = begin(setup(postureScheme()));
        QVERIFY(s);
        pass(kSecond);
        auto sit = s->toggleState(QStringLiteral("sit"), Subject::role(QStringLiteral("patient")));
        QVERIFY2(sit.ok(), qPrintable(why(sit)));
        auto staffSits = s->toggleState(QStringLiteral("sit"), Subject::role(QStringLiteral("staff")));
        QVERIFY(staffSits.ok());
        auto talk = s->toggleState(QStringLiteral("talk"), Subject::role(QStringLiteral("patient")));
        QVERIFY(talk.ok());
        pass(4 * kSecond);
        auto stand = s->toggleState(QStringLiteral("stand"), Subject::role(QStringLiteral("patient")));
        QVERIFY(stand.ok());
        QCOMPARE(stand->kind, EventKind::Start);
        // One record both starts standing and ends sitting, for this subject only.
        QCOMPARE(stand->closes, QStringList{sit->id});
        QCOMPARE(s->runningStates().size(), 3);
        const QList<StateInterval> all = s->intervals();
        const auto patientSat = std::find_if(all.begin(), all.end(), [&](const StateInterval &i) { return i.startId == sit->id; });
        QVERIFY(patientSat != all.end());
        QVERIFY(!patientSat->running);
        QCOMPARE(patientSat->startOffsetMs, kSecond);
        QCOMPARE(patientSat->endOffsetMs, 5 * kSecond);
        // Toggling a running state stops it.
        pass(kSecond);
        auto stopTalk = s->toggleState(QStringLiteral("talk"), Subject::role(QStringLiteral("patient")));
        QVERIFY(stopTalk.ok());
        QCOMPARE(stopTalk->kind, EventKind::Stop);
        QCOMPARE(stopTalk->target, talk->id);
        QVERIFY(!s->toggleState(QStringLiteral("smile")).ok());
        QVERIFY(!s->logPoint(QStringLiteral("sit")).ok());
    }

    void unpairedStatesAreClosedAtStop()
    {
        auto s = begin(setup(postureScheme()));
        QVERIFY(s);
        pass(kSecond);
        auto sit = s->toggleState(QStringLiteral("sit"));
        QVERIFY(sit.ok());
        pass(9 * kSecond);
        auto summary = s->stop();
        QVERIFY2(summary.ok(), qPrintable(why(summary)));
        QCOMPARE(summary->closedAtStop.size(), 1);
        QCOMPARE(summary->closedAtStop.first().startId, sit->id);
        QCOMPARE(summary->closedAtStop.first().endOffsetMs, 10 * kSecond);
        QVERIFY(summary->flaggedForReview.isEmpty());
        // Reopened from the store it reads the same.
        auto again = sessions->open(s->id());
        QVERIFY(again.ok());
        QCOMPARE(again.value()->state(), SessionState::Stopped);
        QCOMPARE(again.value()->intervals().first().closedAtStop, true);
    }

    void unpairedStatesCanBeFlaggedForReview()
    {
        SessionSetup flag = setup(postureScheme());
        flag.unpaired = UnpairedPolicy::FlagForReview;
        auto s = begin(flag);
        QVERIFY(s);
        auto sit = s->toggleState(QStringLiteral("sit"));
        QVERIFY(sit.ok());
        auto talk = s->toggleState(QStringLiteral("talk"));
        QVERIFY(s->toggleState(QStringLiteral("talk")).ok());   // stopped: paired
        pass(3 * kSecond);
        auto summary = s->stop();
        QVERIFY(summary.ok());
        QVERIFY(summary->closedAtStop.isEmpty());
        QCOMPARE(summary->flaggedForReview.size(), 1);
        QCOMPARE(summary->flaggedForReview.first().startId, sit->id);
        QVERIFY(summary->flaggedForReview.first().needsReview);
        QCOMPARE(s->info().flaggedForReview, QStringList{sit->id});
        Q_UNUSED(talk);
    }

    void undoTakesBackTheLastEventsInTurn()
    {
        auto s = begin(setup(postureScheme()));
        QVERIFY(s);
        auto sit = s->toggleState(QStringLiteral("sit"));
        QVERIFY(sit.ok());
        auto smile = s->logPoint(QStringLiteral("smile"));
        QVERIFY(smile.ok());
        auto stand = s->toggleState(QStringLiteral("stand"));
        QVERIFY(stand.ok());
        QCOMPARE(s->runningStates().size(), 1);
        // Undoing the start of standing reopens sitting, which it had closed.
        auto undo = s->undoLast();
        QVERIFY(undo.ok());
        QCOMPARE(undo->target, stand->id);
        QCOMPARE(s->runningStates().size(), 1);
        QCOMPARE(s->runningStates().first().startId, sit->id);
        QVERIFY(s->undoLast().ok());
        QVERIFY(s->undoLast().ok());
        QVERIFY(s->events().isEmpty());
        auto nothing = s->undoLast();
        QVERIFY(!nothing.ok());
        QCOMPARE(nothing.error().detail, QStringLiteral("nothing_to_undo"));
        // Undo is a record too: the log keeps what was taken back.
        QCOMPARE(s->log().size(), 6);
        auto reopened = sessions->open(s->id());
        QVERIFY(reopened.ok());
        QVERIFY(reopened.value()->events().isEmpty());
    }

    void notesAreTimestamped()
    {
        auto s = begin(setup(postureScheme()));
        QVERIFY(s);
        pass(42 * kSecond);
        auto n = s->note(QStringLiteral("Lunch trolley arrives; two patients asleep."));
        QVERIFY(n.ok());
        QCOMPARE(n->kind, EventKind::Note);
        QCOMPARE(n->offsetMs, 42 * kSecond);
        QVERIFY(!s->note(QStringLiteral("  ")).ok());
    }

    void eventsLineUpAcrossADaylightSavingChange()
    {
        // Sweden leaves summer time on 2026-10-25: 03:00 CEST becomes 02:00 CET at 01:00 UTC.
        const std::int64_t start = QDateTime(QDate(2026, 10, 25), QTime(0, 30), Qt::UTC).toMSecsSinceEpoch();
        f->clock.set(start);
        auto s = begin(setup(postureScheme()));
        QVERIFY(s);
        QCOMPARE(s->info().timeZone, QStringLiteral("Europe/Stockholm"));
        QCOMPARE(s->info().startUtcOffsetS, 2 * 3600);
        pass(20 * kMinute);
        auto before = s->logPoint(QStringLiteral("smile"));
        pass(20 * kMinute);
        auto after = s->logPoint(QStringLiteral("smile"));
        QVERIFY(before.ok() && after.ok());
        QCOMPARE(before->utcOffsetS, 2 * 3600);
        QCOMPARE(after->utcOffsetS, 3600);
        QCOMPARE(before->localTime(), QStringLiteral("2026-10-25T02:50:00.000+02:00"));
        QCOMPARE(after->localTime(), QStringLiteral("2026-10-25T02:10:00.000+01:00"));
        // Local clock times go backwards; offsets and UTC do not.
        QVERIFY(after->offsetMs > before->offsetMs);
        QCOMPARE(after->offsetMs - before->offsetMs, 20 * kMinute);
        QCOMPARE(after->wallMs - before->wallMs, 20 * kMinute);
        QCOMPARE(after->wallMs - s->info().startedWallMs, after->offsetMs);
        // A wall clock set back by hand cannot reorder the offsets either.
        f->clock.advance(-3600 * kSecond);
        mono.advance(kSecond);
        auto later = s->logPoint(QStringLiteral("smile"));
        QVERIFY(later.ok());
        QCOMPARE(later->offsetMs, 40 * kMinute + kSecond);
    }

    void aFinalisedSessionCannotChange()
    {
        auto s = begin(setup(postureScheme()));
        QVERIFY(s);
        auto smile = s->logPoint(QStringLiteral("smile"));
        QVERIFY(smile.ok());
        auto early = s->finalise();
        QVERIFY(!early.ok());
        QCOMPARE(early.error().detail, QStringLiteral("not_stopped"));
        QVERIFY(s->stop().ok());
        QVERIFY(s->finalise().ok());
        QCOMPARE(s->state(), SessionState::Finalised);
        QCOMPARE(s->logPoint(QStringLiteral("smile")).code(), ErrorCode::ReadOnly);
        QCOMPARE(s->toggleState(QStringLiteral("sit")).code(), ErrorCode::ReadOnly);
        QCOMPARE(s->note(QStringLiteral("late")).code(), ErrorCode::ReadOnly);
        QCOMPARE(s->undoLast().code(), ErrorCode::ReadOnly);
        QCOMPARE(s->retract(smile->id).code(), ErrorCode::ReadOnly);
        QCOMPARE(s->finalise().code(), ErrorCode::ReadOnly);

        auto stored = sessions->open(s->id());
        QVERIFY(stored.ok());
        QCOMPARE(stored.value()->state(), SessionState::Finalised);
        QCOMPARE(stored.value()->logPoint(QStringLiteral("smile")).code(), ErrorCode::ReadOnly);

        // A correction is a new version; the finalised one stays as it was.
        QCOMPARE(sessions->correct(s->id(), QStringLiteral("  "), QStringLiteral("R2")).error().detail,
                 QStringLiteral("reason_required"));
        auto correction = sessions->correct(s->id(), QStringLiteral("Smile was coded for the wrong bed"),
                                            QStringLiteral("R2"));
        QVERIFY2(correction.ok(), qPrintable(why(correction)));
        ObservationSession &v2 = *correction.value();
        QCOMPARE(v2.info().versionNo, 2);
        QCOMPARE(v2.info().supersedes, s->id());
        QVERIFY(v2.id() != s->id());
        QCOMPARE(v2.events().size(), 1);
        QVERIFY(v2.retract(smile->id).ok());
        QVERIFY(v2.events().isEmpty());
        QVERIFY(v2.finalise().ok());
        auto original = sessions->open(s->id());
        QVERIFY(original.ok());
        QCOMPARE(original.value()->events().size(), 1);
        auto corrected = sessions->open(v2.id());
        QVERIFY(corrected.ok());
        QVERIFY(corrected.value()->events().isEmpty());
        // A later correction corrects the latest version.
        QCOMPARE(sessions->correct(s->id(), QStringLiteral("again"), QStringLiteral("R2")).error().detail,
                 QStringLiteral("superseded"));
        auto third = sessions->correct(v2.id(), QStringLiteral("One more"), QStringLiteral("R1"));
        QVERIFY(third.ok());
        QCOMPARE(third.value()->info().versionNo, 3);
        QVERIFY(third.value()->events().isEmpty());
        QCOMPARE(sessions->correct(third.value()->id(), QStringLiteral("x"), QStringLiteral("R1")).error().detail,
                 QStringLiteral("not_finalised"));
        QCOMPARE(sessions->correct(v2.id(), QStringLiteral("x"), QStringLiteral("R1")).error().detail,
                 QStringLiteral("correction_open"));
    }

    // A finalised session coded live: smile at 1:00 (patient), sitting 2:00-5:00
    // (patient), a pause from 6:00 to 8:00 on the elapsed clock, smile at 9:00
    // elapsed (7:00 observed), stopped at 10:00 elapsed (8:00 observed).
    std::unique_ptr<ObservationSession> codedAndFinalised(const QStringList &codes = {})
    {
        auto s = begin(setup(postureScheme(), codes));
        if (!s)
            return nullptr;
        pass(kMinute);
        const Subject patient = Subject::role(QStringLiteral("patient"));
        bool ok = s->logPoint(QStringLiteral("smile"), patient).ok();
        pass(kMinute);
        ok = ok && s->toggleState(QStringLiteral("sit"), patient).ok();
        pass(3 * kMinute);
        ok = ok && s->toggleState(QStringLiteral("sit"), patient).ok();
        pass(kMinute);
        ok = ok && s->pause().ok();
        pass(2 * kMinute);
        ok = ok && s->resume().ok();
        pass(kMinute);
        ok = ok && s->logPoint(QStringLiteral("smile"), patient).ok();
        pass(kMinute);
        ok = ok && s->stop().ok() && s->finalise().ok();
        return ok ? std::move(s) : nullptr;
    }

    void correctionsAreRefusedOutsideAnUnfinalisedCorrection()
    {
        auto done = codedAndFinalised();
        QVERIFY(done);
        const QString smile = done->events().constFirst().id;
        QCOMPARE(done->insertAt(kMinute, QStringLiteral("smile")).code(), ErrorCode::ReadOnly);
        QCOMPARE(done->change(smile, QStringLiteral("smile")).code(), ErrorCode::ReadOnly);
        QCOMPARE(done->retract(smile).code(), ErrorCode::ReadOnly);
        QCOMPARE(done->insertStopAt(kMinute, smile).code(), ErrorCode::ReadOnly);

        // A session being coded changes by coding, not by corrections.
        auto running = begin(setup(postureScheme()));
        QVERIFY(running);
        pass(kMinute);
        auto tap = running->logPoint(QStringLiteral("smile"));
        QVERIFY(tap.ok());
        QCOMPARE(running->insertAt(0, QStringLiteral("smile")).error().detail, QStringLiteral("running"));
        QCOMPARE(running->change(tap->id, QStringLiteral("smile")).error().detail, QStringLiteral("running"));
        QVERIFY(running->pause().ok());
        QCOMPARE(running->insertAt(0, QStringLiteral("smile")).error().detail, QStringLiteral("running"));
        // Stopped but never finalised: the first version is checked and finalised, not corrected.
        QVERIFY(running->stop().ok());
        QCOMPARE(running->insertAt(0, QStringLiteral("smile")).error().detail, QStringLiteral("not_a_correction"));
        QCOMPARE(running->change(tap->id, QStringLiteral("smile")).error().detail, QStringLiteral("not_a_correction"));
        QCOMPARE(sessions->correct(running->id(), QStringLiteral("why"), QStringLiteral("R1")).error().detail,
                 QStringLiteral("not_finalised"));

        // Once a correction is finalised it refuses changes like any finalised version.
        auto v2 = sessions->correct(done->id(), QStringLiteral("Checked against the paper notes"),
                                    QStringLiteral("R2"));
        QVERIFY2(v2.ok(), qPrintable(why(v2)));
        QCOMPARE(sessions->correct(done->id(), QStringLiteral("again"), QStringLiteral("R2")).error().detail,
                 QStringLiteral("correction_open"));
        QVERIFY(v2.value()->finalise().ok());
        QCOMPARE(v2.value()->insertAt(kMinute, QStringLiteral("smile")).code(), ErrorCode::ReadOnly);
        QCOMPARE(v2.value()->change(smile, QStringLiteral("smile")).code(), ErrorCode::ReadOnly);
        QCOMPARE(v2.value()->retract(smile).code(), ErrorCode::ReadOnly);
        QCOMPARE(sessions->discard(v2.value()->id()).code(), ErrorCode::ReadOnly);
    }

    void aCorrectionInsertsAMissedEventOnTheSessionsTimeLine()
    {
        auto done = codedAndFinalised();
        QVERIFY(done);
        const SessionInfo &v1 = done->info();
        pass(24 * 60 * kMinute);   // the next day
        auto opened = sessions->correct(done->id(), QStringLiteral("A smile at 0:30 was missed"),
                                        QStringLiteral("R2"));
        QVERIFY2(opened.ok(), qPrintable(why(opened)));
        ObservationSession &v2 = *opened.value();
        QCOMPARE(v2.info().correctionReason, QStringLiteral("A smile at 0:30 was missed"));
        QCOMPARE(v2.info().correctedBy, QStringLiteral("R2"));
        QCOMPARE(v2.info().correctedWallMs, f->clock.nowMs());

        const Subject staff = Subject::role(QStringLiteral("staff"));
        auto early = v2.insertAt(30 * kSecond, QStringLiteral("smile"), staff, {}, QStringLiteral("from notes"));
        QVERIFY2(early.ok(), qPrintable(why(early)));
        QCOMPARE(early->offsetMs, 30 * kSecond);
        QCOMPARE(early->elapsedMs, 30 * kSecond);
        QCOMPARE(early->wallMs, v1.startedWallMs + 30 * kSecond);     // then, not now
        QCOMPARE(early->utcOffsetS, done->events().constFirst().utcOffsetS);
        QCOMPARE(early->observer, QStringLiteral("R1"));
        // After the pause: 7:30 observed is 9:30 on the elapsed clock, and on the wall.
        auto late = v2.insertAt(7 * kMinute + 30 * kSecond, QStringLiteral("smile"), staff);
        QVERIFY(late.ok());
        QCOMPARE(late->elapsedMs, 9 * kMinute + 30 * kSecond);
        QCOMPARE(late->wallMs, v1.startedWallMs + 9 * kMinute + 30 * kSecond);
        // Where the pause began, the event sits just before it.
        auto atPause = v2.insertAt(6 * kMinute, QStringLiteral("smile"), staff);
        QVERIFY(atPause.ok());
        QCOMPARE(atPause->elapsedMs, 6 * kMinute);
        // A missed state, with its end.
        auto talk = v2.insertAt(3 * kMinute, QStringLiteral("talk"), staff);
        QVERIFY(talk.ok());
        QCOMPARE(talk->kind, EventKind::Start);
        QCOMPARE(v2.unpaired().size(), 1);
        QCOMPARE(v2.insertStopAt(2 * kMinute, talk->id).error().detail, QStringLiteral("before_start"));
        QVERIFY(v2.insertStopAt(4 * kMinute, talk->id).ok());
        QCOMPARE(v2.insertStopAt(5 * kMinute, talk->id).error().detail, QStringLiteral("already_ended"));
        QVERIFY(v2.unpaired().isEmpty());
        // A note.
        QVERIFY(v2.insertAt(kMinute, QString(), {}, {}, QStringLiteral("Lunch trolley arrives")).ok());

        // Refusals, each with its reason.
        QCOMPARE(v2.insertAt(-1, QStringLiteral("smile")).error().detail, QStringLiteral("outside_session"));
        QCOMPARE(v2.insertAt(8 * kMinute + 1, QStringLiteral("smile")).error().detail,
                 QStringLiteral("outside_session"));
        QCOMPARE(v2.insertAt(kMinute, QStringLiteral("wave")).error().detail, QStringLiteral("unknown_behaviour"));
        QCOMPARE(v2.insertAt(kMinute, QStringLiteral("smile"), Subject::role(QStringLiteral("cat"))).error().detail,
                 QStringLiteral("unknown_role"));
        QCOMPARE(v2.insertAt(kMinute, QString()).error().detail, QStringLiteral("empty_note"));

        // In time order, the new events among the old.
        const QList<ObservationEvent> events = v2.events();
        QCOMPARE(events.size(), 10);
        for (qsizetype i = 1; i < events.size(); ++i)
            QVERIFY(events[i - 1].offsetMs <= events[i].offsetMs);
        QCOMPARE(events.constFirst().id, early->id);
        QList<StateInterval> talking;
        for (const StateInterval &i : v2.intervals()) {
            if (i.behaviour == QStringLiteral("talk"))
                talking << i;
        }
        QCOMPARE(talking.size(), 1);
        QCOMPARE(talking.constFirst().startOffsetMs, 3 * kMinute);
        QCOMPARE(talking.constFirst().endOffsetMs, 4 * kMinute);
        QVERIFY(!talking.constFirst().needsReview);

        // Stored: reopened, the correction reads the same; the original is as it was.
        QVERIFY(v2.finalise().ok());
        auto again = sessions->open(v2.id());
        QVERIFY(again.ok());
        QCOMPARE(again.value()->events().size(), 10);
        QCOMPARE(again.value()->info().correctionReason, QStringLiteral("A smile at 0:30 was missed"));
        auto original = sessions->open(done->id());
        QVERIFY(original.ok());
        QCOMPARE(original.value()->events().size(), 4);
    }

    void aChangeKeepsTheTimeAndTheStatePairs()
    {
        auto done = codedAndFinalised();
        QVERIFY(done);
        const QList<ObservationEvent> before = done->events();
        QCOMPARE(before.size(), 4);
        const ObservationEvent smile = before[0];
        const ObservationEvent sit = before[1];
        const ObservationEvent sitEnd = before[2];
        QCOMPARE(sit.kind, EventKind::Start);
        QCOMPARE(sitEnd.kind, EventKind::Stop);
        pass(60 * kMinute);
        auto opened = sessions->correct(done->id(), QStringLiteral("Sitting was standing; smile was staff"),
                                        QStringLiteral("R2"));
        QVERIFY(opened.ok());
        ObservationSession &v2 = *opened.value();

        const Subject staff = Subject::role(QStringLiteral("staff"));
        auto changed = v2.change(smile.id, QStringLiteral("smile"), staff, {}, QStringLiteral("nurse"));
        QVERIFY2(changed.ok(), qPrintable(why(changed)));
        QCOMPARE(changed->offsetMs, smile.offsetMs);
        QCOMPARE(changed->elapsedMs, smile.elapsedMs);
        QCOMPARE(changed->wallMs, smile.wallMs);
        QCOMPARE(changed->replaces, smile.id);
        QCOMPARE(v2.events().size(), 4);
        QCOMPARE(v2.events().constFirst().id, changed->id);
        QCOMPARE(v2.events().constFirst().subject, staff);
        QCOMPARE(v2.events().constFirst().comment, QStringLiteral("nurse"));
        // The old one is gone from the correction; changing it again is refused.
        QCOMPARE(v2.change(smile.id, QStringLiteral("smile")).error().detail, QStringLiteral("unknown_event"));
        QCOMPARE(v2.change(changed->id, QStringLiteral("talk")).error().detail, QStringLiteral("kind_mismatch"));
        QCOMPARE(v2.change(sitEnd.id, QStringLiteral("sit")).error().detail, QStringLiteral("not_changeable"));

        // A start changed: its end follows, the interval keeps its times.
        auto standing = v2.change(sit.id, QStringLiteral("stand"), Subject::role(QStringLiteral("patient")));
        QVERIFY2(standing.ok(), qPrintable(why(standing)));
        QVERIFY(v2.unpaired().isEmpty());
        const QList<StateInterval> intervals = v2.intervals();
        QCOMPARE(intervals.size(), 1);
        QCOMPARE(intervals.constFirst().behaviour, QStringLiteral("stand"));
        QCOMPARE(intervals.constFirst().startOffsetMs, 2 * kMinute);
        QCOMPARE(intervals.constFirst().endOffsetMs, 5 * kMinute);
        QVERIFY(!intervals.constFirst().needsReview);
        const ObservationEvent end = v2.events()[2];
        QCOMPARE(end.kind, EventKind::Stop);
        QCOMPARE(end.behaviour, QStringLiteral("stand"));
        QCOMPARE(end.target, standing->id);

        // Removing the end leaves the start unpaired, and says so; a new end pairs it again.
        QVERIFY(v2.retract(sitEnd.id).ok());
        QCOMPARE(v2.unpaired().size(), 1);
        QCOMPARE(v2.unpaired().constFirst().kind, UnpairedEvent::Kind::StartWithoutEnd);
        QCOMPARE(v2.unpaired().constFirst().eventId, standing->id);
        QVERIFY(v2.intervals().constFirst().needsReview);
        QCOMPARE(v2.intervals().constFirst().endOffsetMs, 8 * kMinute);
        QVERIFY(v2.insertStopAt(4 * kMinute, standing->id).ok());
        QVERIFY(v2.unpaired().isEmpty());
        QCOMPARE(v2.intervals().constFirst().endOffsetMs, 4 * kMinute);
        // Removing a start takes its end with it: nothing is left unpaired.
        auto removed = v2.retract(standing->id);
        QVERIFY(removed.ok());
        QVERIFY(v2.unpaired().isEmpty());
        QVERIFY(v2.intervals().isEmpty());
        QCOMPARE(v2.events().size(), 2);

        // Stored as records: reopened, the same.
        auto again = sessions->open(v2.id());
        QVERIFY(again.ok());
        QCOMPARE(again.value()->events().size(), 2);
        QCOMPARE(again.value()->events().constFirst().subject, staff);
        QVERIFY(again.value()->intervals().isEmpty());
        // The finalised original is unchanged.
        auto original = sessions->open(done->id());
        QVERIFY(original.ok());
        QCOMPARE(original.value()->events().size(), 4);
        QCOMPARE(original.value()->events().constFirst().subject, Subject::role(QStringLiteral("patient")));
        QCOMPARE(original.value()->intervals().constFirst().behaviour, QStringLiteral("sit"));
    }

    void aWallTimeMapsToTheObservationTimeOrSaysWhyNot()
    {
        auto done = codedAndFinalised();
        QVERIFY(done);
        auto opened = sessions->correct(done->id(), QStringLiteral("times"), QStringLiteral("R2"));
        QVERIFY(opened.ok());
        const ObservationSession &v2 = *opened.value();
        const std::int64_t t0 = done->info().startedWallMs;
        QCOMPARE(v2.offsetAtWall(t0 + 90 * kSecond).value(), 90 * kSecond);
        QCOMPARE(v2.offsetAtWall(t0 + 9 * kMinute).value(), 7 * kMinute);
        QCOMPARE(v2.offsetAtWall(t0 - 1).error().detail, QStringLiteral("before_start"));
        QCOMPARE(v2.offsetAtWall(t0 + 7 * kMinute).error().detail, QStringLiteral("in_pause"));
        const auto pause = v2.pauseAtWall(t0 + 7 * kMinute);
        QVERIFY(pause.has_value());
        QCOMPARE(pause->first, t0 + 6 * kMinute);
        QCOMPARE(pause->second, t0 + 8 * kMinute);
        QCOMPARE(v2.offsetAtWall(t0 + 10 * kMinute + 1).error().detail, QStringLiteral("after_stop"));
    }

    void aCorrectionCannotTagWhoTheGateRefuses()
    {
        const domain::Participant p = consented();
        const domain::Participant absent = consented();
        auto done = codedAndFinalised({p.code});
        QVERIFY(done);
        auto opened = sessions->correct(done->id(), QStringLiteral("tags"), QStringLiteral("R2"));
        QVERIFY(opened.ok());
        ObservationSession &v2 = *opened.value();
        // Present and consenting: tagged.
        auto tagged = v2.insertAt(kMinute, QStringLiteral("smile"), Subject::participant(p.code));
        QVERIFY2(tagged.ok(), qPrintable(why(tagged)));
        // Not present at the session.
        QCOMPARE(v2.insertAt(kMinute, QStringLiteral("smile"), Subject::participant(absent.code)).error().detail,
                 QStringLiteral("participant_not_present"));
        const QString smile = done->events().constFirst().id;
        QCOMPARE(v2.change(smile, QStringLiteral("smile"), Subject::participant(absent.code)).error().detail,
                 QStringLiteral("participant_not_present"));
        // Consent withdrawn since the session: no new tag, by insert or change.
        domain::ConsentEvent withdrawal;
        withdrawal.participantId = p.id;
        withdrawal.type = domain::ConsentEventType::Withdrawal;
        withdrawal.scope = domain::WithdrawalScope::NoNewData;
        withdrawal.obtainedBy = QStringLiteral("R2");
        auto log = f->log();
        QVERIFY(log.record(withdrawal).ok());
        QCOMPARE(v2.insertAt(2 * kMinute, QStringLiteral("smile"), Subject::participant(p.code)).error().detail,
                 QStringLiteral("consent_refused: withdrawn"));
        QCOMPARE(v2.change(smile, QStringLiteral("smile"), Subject::participant(p.code)).error().detail,
                 QStringLiteral("consent_refused: withdrawn"));
        // Taking a tag away is always possible.
        QVERIFY(v2.retract(tagged->id).ok());
    }

    void versionsListAndAnUnfinishedCorrectionCanBeDiscarded()
    {
        auto done = codedAndFinalised();
        QVERIFY(done);
        auto v2 = sessions->correct(done->id(), QStringLiteral("first"), QStringLiteral("R2"));
        QVERIFY(v2.ok());
        const QString v2Id = v2.value()->id();
        auto all = sessions->list(f->project.id);
        QVERIFY(all.ok());
        // Being made, it replaces nothing and is not in force itself.
        QVERIFY(!replacedByCorrection(all.value(), done->id()));
        QCOMPARE(sessionsInForce(all.value()).size(), 1);
        QCOMPARE(sessionsInForce(all.value()).constFirst().id, done->id());
        QCOMPARE(openCorrectionOf(all.value(), done->id())->id, v2Id);
        QCOMPARE(versionHistory(all.value(), done->id()).size(), 2);

        QCOMPARE(sessions->discard(done->id()).error().code, ErrorCode::ReadOnly);
        QVERIFY(sessions->discard(v2Id).ok());
        all = sessions->list(f->project.id);
        QCOMPARE(all->size(), 1);
        QVERIFY(!sessions->open(v2Id).ok());
        QVERIFY(!openCorrectionOf(all.value(), done->id()));

        // Corrected again, finalised, and corrected once more: version 3.
        auto second = sessions->correct(done->id(), QStringLiteral("second"), QStringLiteral("R2"));
        QVERIFY(second.ok());
        QVERIFY(second.value()->retract(done->events().constFirst().id).ok());
        QVERIFY(second.value()->finalise().ok());
        auto third = sessions->correct(second.value()->id(), QStringLiteral("third"), QStringLiteral("R1"));
        QVERIFY(third.ok());
        QVERIFY(third.value()->insertAt(0, QStringLiteral("smile")).ok());
        QVERIFY(third.value()->finalise().ok());
        all = sessions->list(f->project.id);
        const QList<SessionInfo> history = versionHistory(all.value(), third.value()->id());
        QCOMPARE(history.size(), 3);
        QCOMPARE(history[0].id, done->id());
        QCOMPARE(history[1].correctionReason, QStringLiteral("second"));
        QCOMPARE(history[2].versionNo, 3);
        QCOMPARE(history[2].correctionReason, QStringLiteral("third"));
        QCOMPARE(versionHistory(all.value(), done->id()).size(), 3);
        const QList<SessionInfo> inForce = sessionsInForce(all.value());
        QCOMPARE(inForce.size(), 1);
        QCOMPARE(inForce.constFirst().versionNo, 3);
        auto v3 = sessions->open(third.value()->id());
        QVERIFY(v3.ok());
        QCOMPARE(v3.value()->events().size(), 4);   // one removed in 2, one added in 3
    }

    void onlyConsentedParticipantsCanBeTagged()
    {
        const domain::Participant yes = consented();
        const domain::Participant none = f->enrol();                     // enrolled, no consent
        const domain::Participant declined = f->enrol();
        auto log = f->log();
        QVERIFY(log.takeConsent(f->capture(declined.id, {QStringLiteral("observation")})).ok());

        QList<ParticipantRefusal> refused;
        auto s = begin(setup(quisScheme(), {yes.code, none.code, declined.code, QStringLiteral("LC-999")}), &refused);
        QVERIFY(s);
        QCOMPARE(s->taggableCodes(), QStringList{yes.code});
        QCOMPARE(refused.size(), 3);
        QCOMPARE(refused[0].code, none.code);
        QCOMPARE(refused[0].reason, domain::Reason::NoConsent);
        QCOMPARE(refused[1].reason, domain::Reason::RequiredItemDeclined);
        QCOMPARE(refused[2].reason, domain::Reason::NotEnrolled);
        QVERIFY(!domain::reasonText(refused[0].reason).isEmpty());

        auto ok = s->logPoint(QStringLiteral("ps"), Subject::participant(yes.code));
        QVERIFY2(ok.ok(), qPrintable(why(ok)));
        // The event is the participant's: erasure finds it by reference.
        auto record = f->store->records().get(ok->id);
        QVERIFY(record.ok());
        QCOMPARE(record->participantRef, yes.id);
        auto notPresent = s->logPoint(QStringLiteral("ps"), Subject::participant(none.code));
        QVERIFY(!notPresent.ok());
        QCOMPARE(notPresent.error().detail, QStringLiteral("participant_not_present"));
        QVERIFY(s->logPoint(QStringLiteral("ps"), Subject::role(QStringLiteral("patient"))).ok());
        QCOMPARE(s->logPoint(QStringLiteral("ps"), Subject::role(QStringLiteral("doctor"))).error().detail,
                 QStringLiteral("unknown_role"));
    }

    void aWithdrawalDuringTheSessionStopsTagging()
    {
        const domain::Participant p = consented();
        auto s = begin(setup(quisScheme(), {p.code}));
        QVERIFY(s);
        QVERIFY(s->logPoint(QStringLiteral("pc"), Subject::participant(p.code)).ok());
        domain::ConsentEvent withdrawal;
        withdrawal.participantId = p.id;
        withdrawal.type = domain::ConsentEventType::Withdrawal;
        withdrawal.scope = domain::WithdrawalScope::NoNewData;
        withdrawal.obtainedBy = QStringLiteral("R2");
        auto log = f->log();
        QVERIFY(log.record(withdrawal).ok());
        auto refused = s->logPoint(QStringLiteral("pc"), Subject::participant(p.code));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().detail, QStringLiteral("consent_refused: withdrawn"));
    }

    void dissentStopsFurtherTagging()
    {
        const domain::Participant p = consented();
        const domain::Participant other = consented();
        auto s = begin(setup(postureScheme(), {p.code, other.code}));
        QVERIFY(s);
        auto sits = s->toggleState(QStringLiteral("sit"), Subject::participant(p.code));
        QVERIFY2(sits.ok(), qPrintable(why(sits)));
        QVERIFY(s->toggleState(QStringLiteral("sit"), Subject::participant(other.code)).ok());
        pass(30 * kSecond);
        auto dissent = s->recordDissent(p.code);
        QVERIFY2(dissent.ok(), qPrintable(why(dissent)));
        // Their running state ends with the dissent; the other participant's does not.
        QCOMPARE(dissent->closes, QStringList{sits->id});
        QCOMPARE(s->runningStates().size(), 1);
        QCOMPARE(s->taggableCodes(), QStringList{other.code});
        auto refused = s->logPoint(QStringLiteral("smile"), Subject::participant(p.code));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().detail, QStringLiteral("participant_dissented"));
        QVERIFY(s->logPoint(QStringLiteral("smile"), Subject::participant(other.code)).ok());
        // The dissent is a consent event: the gate refuses them everywhere now.
        const domain::Decision d = f->gate().mayCollect(p.id, domain::Activity::Observation);
        QVERIFY(!d.allowed);
        QCOMPARE(d.reason, domain::Reason::Dissent);
        // And the session remembers after a restart.
        auto reopened = sessions->open(s->id());
        QVERIFY(reopened.ok());
        QCOMPARE(reopened.value()->taggableCodes(), QStringList{other.code});
    }

    void aRunningSessionReopensPausedAtItsLastEvent()
    {
        auto s = begin(setup(postureScheme()));
        QVERIFY(s);
        pass(10 * kSecond);
        QVERIFY(s->logPoint(QStringLiteral("smile")).ok());
        const QString id = s->id();
        s.reset();
        pass(5 * kMinute);   // the app was closed
        auto reopened = sessions->open(id);
        QVERIFY2(reopened.ok(), qPrintable(why(reopened)));
        ObservationSession &again = *reopened.value();
        QCOMPARE(again.state(), SessionState::Paused);
        QCOMPARE(again.offsetMs(), 10 * kSecond);
        QVERIFY(again.resume().ok());
        pass(kSecond);
        auto next = again.logPoint(QStringLiteral("smile"));
        QVERIFY(next.ok());
        QCOMPARE(next->offsetMs, 11 * kSecond);
        QCOMPARE(again.events().size(), 2);
    }

    void startRefusesABrokenSetup()
    {
        CodingScheme broken = postureScheme();
        broken.exclusiveGroups.first().behaviours = {QStringLiteral("sit"), QStringLiteral("smile")};
        auto bad = sessions->start(setup(broken));
        QVERIFY(!bad.ok());
        QVERIFY(bad.error().detail.startsWith(QStringLiteral("bad_scheme: bad_exclusive_group")));
        SessionSetup noObserver = setup(postureScheme());
        noObserver.observer.clear();
        QVERIFY(!sessions->start(noObserver).ok());
        SessionSetup wrongSite = setup(postureScheme());
        wrongSite.siteId = QStringLiteral("elsewhere");
        QCOMPARE(sessions->start(wrongSite).error().detail, QStringLiteral("unknown_site"));
    }
};

QTEST_MAIN(TestObservationSession)
#include "tst_observation_session.moc"
