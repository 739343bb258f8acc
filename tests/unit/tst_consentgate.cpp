// ConsentGate: what a fieldworker is refused and why, reminders, session checks and the timeline.
#include "tst_consentfixture.h"

#include "platform/db/database.h"

#include <QTest>

using namespace samla;
using namespace samla::domain;

namespace {

int countConsentEvents(test::ConsentFixture &f)
{
    auto rows = f.store->records().list(ConsentLog::kKind, f.project.id, 1000);
    return rows.ok() ? int(rows->size()) : -1;
}

ConsentEvent simple(const QString &participantId, ConsentEventType type)
{
    ConsentEvent e;
    e.participantId = participantId;
    e.type = type;
    e.obtainedBy = QStringLiteral("R1");
    return e;
}

ConsentEvent withdrawal(const QString &participantId, WithdrawalScope scope)
{
    ConsentEvent e = simple(participantId, ConsentEventType::Withdrawal);
    e.scope = scope;
    return e;
}

} // namespace

class TestConsentGate : public QObject {
    Q_OBJECT

    std::unique_ptr<test::ConsentFixture> f;

private slots:
    void initTestCase() { QVERIFY(crypto::initialize().ok()); }

    void init()
    {
        f = std::make_unique<test::ConsentFixture>();
        QVERIFY(f->setUp());
    }

    void cleanup() { f.reset(); }

    void refusesDiaryWithoutConsent()
    {
        const Participant p = f->enrol();
        const Decision d = f->gate().mayCollect(p.id, Activity::Diary);
        QVERIFY(!d.allowed);
        QCOMPARE(d.reason, Reason::NoConsent);
        QVERIFY(!reasonText(d.reason).isEmpty());
    }

    void refusesAnUnknownParticipant()
    {
        const Decision d = f->gate().mayCollect(QStringLiteral("no-such-participant"), Activity::Observation);
        QVERIFY(!d.allowed);
        QCOMPARE(d.reason, Reason::NotEnrolled);
    }

    void refusesAudioWhenTheAudioItemWasDeclined()
    {
        const Participant p = f->enrol();
        auto log = f->log();
        auto taken = log.takeConsent(f->capture(p.id, {QStringLiteral("audio")}));
        QVERIFY2(taken.ok(), qPrintable(taken.ok() ? QString() : taken.error().detail));
        const Decision audio = f->gate().mayCollect(p.id, Activity::AudioRecording);
        QVERIFY(!audio.allowed);
        QCOMPARE(audio.reason, Reason::ItemDeclined);
        QVERIFY(f->gate().mayCollect(p.id, Activity::Interview).allowed);
        QVERIFY(f->gate().mayCollect(p.id, Activity::Diary).allowed);
    }

    void refusesAllNewDataAfterWithdrawal()
    {
        const Participant p = f->enrol();
        auto log = f->log();
        QVERIFY(log.takeConsent(f->capture(p.id)).ok());
        f->clock.advance(60'000);
        QVERIFY(log.record(withdrawal(p.id, WithdrawalScope::NoNewData)).ok());
        for (Activity a : {Activity::Observation, Activity::Interview, Activity::AudioRecording, Activity::Diary,
                           Activity::Questionnaires, Activity::FutureContact}) {
            const Decision d = f->gate().mayCollect(p.id, a);
            QVERIFY2(!d.allowed, qPrintable(activityKey(a)));
            QCOMPARE(d.reason, Reason::Withdrawn);
        }
        // Stop and retain: what was given before stays usable.
        QVERIFY(f->gate().mayCollect(p.id, Activity::Quotes).allowed);
    }

    void refusesEverythingAfterDissentUntilReconsent()
    {
        const Participant p = f->enrol();
        auto log = f->log();
        QVERIFY(log.takeConsent(f->capture(p.id)).ok());
        f->clock.advance(60'000);
        QVERIFY(log.dissent(p.id, Activity::Observation, QStringLiteral("R1")).ok());
        for (Activity a : kAllActivities) {
            const Decision d = f->gate().mayCollect(p.id, a);
            QVERIFY2(!d.allowed, qPrintable(activityKey(a)));
            QCOMPARE(d.reason, Reason::Dissent);
        }
        f->clock.advance(60'000);
        ConsentEvent recheck = simple(p.id, ConsentEventType::Recheck);
        recheck.outcome = RecheckOutcome::Confirmed;
        QVERIFY(log.record(recheck).ok());
        QVERIFY(f->gate().mayCollect(p.id, Activity::Observation).allowed);
    }

    void refusesWhenTheConsulteeAdvisedAgainst()
    {
        ParticipantProfile lacking;
        lacking.ageBand = AgeBand::Age65Plus;
        lacking.understandsConsent = false;
        lacking.capacityNotes = QStringLiteral("Advanced dementia; assessed by ward consultant.");
        const Participant p = f->enrol(lacking);
        auto log = f->log();
        QCOMPARE(f->gate().mayCollect(p.id, Activity::Observation).reason, Reason::ConsulteeAdviceMissing);
        ConsentEvent against = simple(p.id, ConsentEventType::ConsulteeAdvice);
        against.advice = ConsulteeOpinion::Against;
        against.role = QStringLiteral("personal_consultee");
        QVERIFY(log.record(against).ok());
        const Decision d = f->gate().mayCollect(p.id, Activity::Observation);
        QVERIFY(!d.allowed);
        QCOMPARE(d.reason, Reason::ConsulteeAdvisedAgainst);
    }

    void consulteeAdviceForOpensTheGateAndAnObjectionWithdraws()
    {
        ParticipantProfile lacking;
        lacking.ageBand = AgeBand::Age65Plus;
        lacking.understandsConsent = false;
        const Participant p = f->enrol(lacking);
        auto log = f->log();
        ConsentCapture advice = f->capture(p.id, {QStringLiteral("audio")});
        advice.type = ConsentEventType::ConsulteeAdvice;
        advice.role = QStringLiteral("personal_consultee");
        QVERIFY(log.takeConsent(advice).ok());
        QVERIFY(f->gate().mayCollect(p.id, Activity::Observation).allowed);
        QCOMPARE(f->gate().mayCollect(p.id, Activity::AudioRecording).reason, Reason::ItemDeclined);
        f->clock.advance(60'000);
        QVERIFY(log.dissent(p.id, Activity::Observation, QStringLiteral("R1")).ok());
        QCOMPARE(f->gate().mayCollect(p.id, Activity::Observation).reason, Reason::Withdrawn);
    }

    void eraseIsRefusedUnderStopAndRetain()
    {
        const Participant p = f->enrol();
        auto log = f->log();
        QVERIFY(log.takeConsent(f->capture(p.id)).ok());
        const int before = countConsentEvents(*f);
        auto refused = log.record(withdrawal(p.id, WithdrawalScope::RemoveExistingData));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.code(), ErrorCode::InvalidArgument);
        QCOMPARE(refused.error().detail, captureProblemKey(CaptureProblem::EraseNotAllowedByPolicy));
        QVERIFY(captureProblemText(CaptureProblem::EraseNotAllowedByPolicy).contains(QLatin1String("stop and retain")));
        QCOMPARE(countConsentEvents(*f), before);
        QVERIFY(f->gate().mayCollect(p.id, Activity::Diary).allowed);

        // A stop-and-erase project accepts it, and then even existing data may not be used.
        Project erase = f->project;
        erase.settings.withdrawalPolicy = WithdrawalPolicy::StopAndErase;
        QVERIFY(Projects(f->store->records()).update(erase).ok());
        QVERIFY(log.record(withdrawal(p.id, WithdrawalScope::RemoveExistingData)).ok());
        QCOMPARE(f->gate().mayCollect(p.id, Activity::Quotes).reason, Reason::Withdrawn);
    }

    void rejoiningAfterWithdrawalMustNameIt()
    {
        const Participant p = f->enrol();
        auto log = f->log();
        QVERIFY(log.takeConsent(f->capture(p.id)).ok());
        f->clock.advance(60'000);
        auto w = log.record(withdrawal(p.id, WithdrawalScope::NoNewData));
        QVERIFY(w.ok());
        f->clock.advance(60'000);
        auto plain = log.takeConsent(f->capture(p.id));
        QVERIFY(!plain.ok());
        QCOMPARE(plain.error().detail, captureProblemKey(CaptureProblem::WithdrawnNeedsReinstatement));

        auto state = f->gate().state(p.id);
        QVERIFY(state.ok());
        QCOMPARE(state->activeWithdrawalIds, QStringList{w->id});
        ConsentCapture rejoin = f->capture(p.id);
        rejoin.reinstates = state->activeWithdrawalIds;
        QVERIFY(log.takeConsent(rejoin).ok());
        QVERIFY(f->gate().mayCollect(p.id, Activity::Diary).allowed);
    }

    void captureProblems_data()
    {
        QTest::addColumn<QString>("problem");
        QTest::newRow("item unanswered") << "answers_incomplete";
        QTest::newRow("answer to no item") << "answers_incomplete";
        QTest::newRow("no signature") << "signature_missing";
        QTest::newRow("verbal without witness") << "witness_missing";
        QTest::newRow("language not in form") << "language_not_in_form";
        QTest::newRow("nobody obtained it") << "obtained_by_missing";
        QTest::newRow("form of another project") << "form_not_in_project";
        QTest::newRow("not enrolled") << "not_enrolled";
        QTest::newRow("dated in the future") << "effective_time_in_future";
    }

    void captureProblems()
    {
        QFETCH(QString, problem);
        const Participant p = f->enrol();
        ConsentCapture c = f->capture(p.id);
        const QString row = QString::fromLatin1(QTest::currentDataTag());
        if (row == QLatin1String("item unanswered")) {
            c.answers.remove(QStringLiteral("diary"));
        } else if (row == QLatin1String("answer to no item")) {
            c.answers.insert(QStringLiteral("skydiving"), true);
        } else if (row == QLatin1String("no signature")) {
            c.signature = QImage();
        } else if (row == QLatin1String("verbal without witness")) {
            c.method = ConsentMethod::VerbalWithWitness;
        } else if (row == QLatin1String("language not in form")) {
            c.language = QStringLiteral("de");
        } else if (row == QLatin1String("nobody obtained it")) {
            c.obtainedBy = QStringLiteral("  ");
        } else if (row == QLatin1String("form of another project")) {
            auto other = Projects(f->store->records()).create(QStringLiteral("Other"), test::cafeSettings(), false);
            c.formVersionId = ConsentForms(f->store->records()).publish(other->id, QString(), test::cafeConsentForm())->id;
        } else if (row == QLatin1String("not enrolled")) {
            c.participantId = QStringLiteral("nobody");
        } else if (row == QLatin1String("dated in the future")) {
            c.effectiveMs = f->clock.nowMs() + test::kFixtureDayMs;
        }
        const int before = countConsentEvents(*f);
        const QStringList attachmentsBefore = QDir(f->store->attachments().directory()).entryList(QDir::Files);
        auto r = f->log().takeConsent(c);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().detail, problem);
        QCOMPARE(countConsentEvents(*f), before);
        QCOMPARE(QDir(f->store->attachments().directory()).entryList(QDir::Files), attachmentsBefore);
        QCOMPARE(f->gate().mayCollect(p.id, Activity::Observation).allowed, false);
    }

    void verbalConsentWithAWitnessNeedsNoSignature()
    {
        const Participant p = f->enrol();
        ConsentCapture c = f->capture(p.id, {}, QStringLiteral("sv"));
        c.method = ConsentMethod::VerbalWithWitness;
        c.signature = QImage();
        c.witness = QStringLiteral("Nurse N2");
        auto r = f->log().takeConsent(c);
        QVERIFY(r.ok());
        QVERIFY(!r->signature.has_value());
        QVERIFY(r->pdf.has_value());
        QVERIFY(f->gate().mayCollect(p.id, Activity::Observation).allowed);
    }

    void remindersListWhoIsDue()
    {
        auto log = f->log();
        const std::int64_t day0 = f->clock.nowMs();
        const Participant a = f->enrol();
        const Participant b = f->enrol();
        const Participant c = f->enrol();
        const Participant never = f->enrol();
        QVERIFY(log.takeConsent(f->capture(a.id)).ok());
        QVERIFY(log.takeConsent(f->capture(c.id)).ok());
        f->clock.set(day0 + 100 * test::kFixtureDayMs);
        QVERIFY(log.takeConsent(f->capture(b.id)).ok());
        QVERIFY(log.record(withdrawal(c.id, WithdrawalScope::NoNewData)).ok());

        f->clock.set(day0 + 170 * test::kFixtureDayMs);   // the interval is 180 days
        auto soon = f->gate().reconsentDue(f->project.id, 14);
        QVERIFY(soon.ok());
        QCOMPARE(soon->size(), 1);
        QCOMPARE(soon->first().code, a.code);
        QVERIFY(!soon->first().overdue);
        QCOMPARE(f->gate().reconsentDue(f->project.id, 5)->size(), 0);

        f->clock.set(day0 + 181 * test::kFixtureDayMs);
        auto due = f->gate().reconsentDue(f->project.id, 0);
        QCOMPARE(due->size(), 1);
        QVERIFY(due->first().overdue);
        QCOMPARE(f->gate().mayCollect(a.id, Activity::Diary).reason, Reason::Expired);
        QVERIFY(f->gate().mayCollect(b.id, Activity::Diary).allowed);
        Q_UNUSED(never);

        ConsentEvent recheck = simple(a.id, ConsentEventType::Recheck);
        recheck.outcome = RecheckOutcome::Confirmed;
        QVERIFY(log.record(recheck).ok());
        QCOMPARE(f->gate().reconsentDue(f->project.id, 0)->size(), 0);
        QVERIFY(f->gate().mayCollect(a.id, Activity::Diary).allowed);
    }

    void sessionStartCheck()
    {
        auto log = f->log();
        const Participant p = f->enrol();
        QVERIFY(log.takeConsent(f->capture(p.id)).ok());
        const std::int64_t consentAt = f->clock.nowMs();
        auto gate = f->gate();

        // The café does not re-check every session: a session a day later needs nothing.
        auto check = gate.sessionStartCheck(p.id, consentAt + test::kFixtureDayMs);
        QVERIFY(check.ok());
        QVERIFY(!check->recheckRequired);
        // Within 30 days of the due date it does, when the caller asks so.
        check = gate.sessionStartCheck(p.id, consentAt + 160 * test::kFixtureDayMs, 30);
        QCOMPARE(check->why, RecheckWhy::DueSoon);
        check = gate.sessionStartCheck(p.id, consentAt + 181 * test::kFixtureDayMs);
        QCOMPARE(check->why, RecheckWhy::Lapsed);

        // The ward's rule: every session starts with a re-check.
        Project ward = f->project;
        ward.settings.recheckEverySession = true;
        QVERIFY(Projects(f->store->records()).update(ward).ok());
        const std::int64_t session = consentAt + 2 * test::kFixtureDayMs;
        check = gate.sessionStartCheck(p.id, session);
        QVERIFY(check->recheckRequired);
        QCOMPARE(check->why, RecheckWhy::EverySession);
        f->clock.set(session + 60'000);
        ConsentEvent recheck = simple(p.id, ConsentEventType::Recheck);
        recheck.outcome = RecheckOutcome::Confirmed;
        QVERIFY(log.record(recheck).ok());
        QVERIFY(!gate.sessionStartCheck(p.id, session)->recheckRequired);

        ConsentEvent hesitant = simple(p.id, ConsentEventType::Recheck);
        hesitant.outcome = RecheckOutcome::Hesitant;
        QVERIFY(log.record(hesitant).ok());
        QCOMPARE(gate.sessionStartCheck(p.id, session)->why, RecheckWhy::Hesitant);
    }

    void timelineIsInDerivationOrderWithTheCurrentState()
    {
        auto log = f->log();
        const Participant p = f->enrol();
        const std::int64_t t0 = f->clock.nowMs();
        ConsentCapture c = f->capture(p.id, {QStringLiteral("diary")});
        c.effectiveMs = t0 - 3 * test::kFixtureDayMs;   // written up three days after it was given on paper
        c.method = ConsentMethod::Written;
        QVERIFY(log.takeConsent(c).ok());
        ConsentEvent pause = simple(p.id, ConsentEventType::Pause);
        pause.effectiveMs = t0 - 2 * test::kFixtureDayMs;
        ConsentEvent dissent = simple(p.id, ConsentEventType::Dissent);
        dissent.effectiveMs = t0 - 5 * test::kFixtureDayMs;   // noted on paper before the consent
        QVERIFY(log.record(pause).ok());
        QVERIFY(log.record(dissent).ok());

        auto timeline = f->gate().timeline(p.id);
        QVERIFY(timeline.ok());
        QCOMPARE(timeline->participant.code, p.code);
        QCOMPARE(timeline->entries.size(), 3);
        QCOMPARE(timeline->entries.at(0).event.type, ConsentEventType::Dissent);
        QCOMPARE(timeline->entries.at(1).event.type, ConsentEventType::ConsentGiven);
        QCOMPARE(timeline->entries.at(2).event.type, ConsentEventType::Pause);
        QCOMPARE(timeline->state.activities.size(), int(std::size(kAllActivities)));
        QCOMPARE(timeline->state.forActivity(Activity::Interview).reason, Reason::Paused);
        QCOMPARE(timeline->state.forActivity(Activity::Quotes).reason, Reason::None);
        QVERIFY(!timeline->state.dissent);   // the later consent lifted the earlier dissent
    }

    void theGateFailsClosed()
    {
        const Participant p = f->enrol();
        QVERIFY(f->log().takeConsent(f->capture(p.id)).ok());
        QVERIFY(f->gate().mayCollect(p.id, Activity::Observation).allowed);
        f->store->database().failAfter(0);
        const Decision d = f->gate().mayCollect(p.id, Activity::Observation);
        f->store->database().failAfter(-1);
        QVERIFY(!d.allowed);
        QCOMPARE(d.reason, Reason::CheckFailed);
    }

    void everyReasonHasASentence()
    {
        for (int r = int(Reason::NotEnrolled); r <= int(Reason::CheckFailed); ++r) {
            QVERIFY2(!reasonText(Reason(r)).isEmpty(), qPrintable(reasonKey(Reason(r))));
            QVERIFY(!reasonKey(Reason(r)).isEmpty());
        }
        QVERIFY(reasonText(Reason::None).isEmpty());
        for (int p = int(CaptureProblem::NotEnrolled); p <= int(CaptureProblem::EffectiveTimeInFuture); ++p)
            QVERIFY2(!captureProblemText(CaptureProblem(p)).isEmpty(), qPrintable(captureProblemKey(CaptureProblem(p))));
        for (RecheckWhy why : {RecheckWhy::EverySession, RecheckWhy::Lapsed, RecheckWhy::DueSoon, RecheckWhy::Hesitant})
            QVERIFY(!recheckWhyText(why).isEmpty());
    }
};

QTEST_MAIN(TestConsentGate)
#include "tst_consentgate.moc"
