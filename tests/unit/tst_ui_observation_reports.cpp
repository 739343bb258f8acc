// What a researcher sees after sessions, over a real store: observer agreement of a
// known pair (refusals with their reasons, the figures, the stored pairing), summaries
// (interactions per patient per hour, category shares by site, time budgets,
// contributions by role) and the CSV/TSV export.
#include "app/observation/sessionagreement.h"
#include "app/observation/summary.h"
#include "app/store/localstore.h"
#include "app/ui/appmodes.h"
#include "app/ui/appservices.h"
#include "app/ui/appsettings.h"
#include "app/ui/observationagreement.h"
#include "app/ui/observationreports.h"
#include "app/ui/projecteditor.h"
#include "app/ui/session.h"
#include "platform/crypto/crypto.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace samla;
using namespace samla::ui;
using namespace samla::observation;

namespace {

constexpr std::int64_t kT0 = 1'780'000'000'000; // the pair's common start on the wall clock
const QString kCafe = QStringLiteral("heart-cafe");

// One step of a scripted session, at seconds of elapsed time since its start.
struct Step {
    std::int64_t atS = 0;
    QString what; // a behaviour code, "pause" or "resume"
    Subject subject = {};
};

struct Script {
    CodingScheme scheme = quisScheme();
    std::int64_t startWallMs = kT0;
    QString observer = QStringLiteral("AL");
    QString siteId = kCafe;
    QMap<QString, int> attendees;
    QList<Step> steps;
    std::int64_t stopS = 600;
    bool finalise = true;
};

QVariantMap entry(const QVariantList &list, const QString &field, const QString &value)
{
    for (const QVariant &v : list) {
        if (v.toMap().value(field).toString() == value)
            return v.toMap();
    }
    return {};
}

// Sitting, standing and a point event "helps" with a required role subject.
CodingScheme postureScheme()
{
    CodingScheme s;
    s.id = QStringLiteral("posture");
    s.name = { { QString(), QStringLiteral("Posture") } };
    s.roles = { SubjectRole { QStringLiteral("patient"), { { QString(), QStringLiteral("Patient") } } } };
    s.behaviours = {
        Behaviour { QStringLiteral("sit"), { { QString(), QStringLiteral("Sitting") } }, EventType::State },
        Behaviour {
            QStringLiteral("stand"), { { QString(), QStringLiteral("Standing") } }, EventType::State },
    };
    s.exclusiveGroups = { ExclusiveGroup {
        QStringLiteral("posture"), { QStringLiteral("sit"), QStringLiteral("stand") } } };
    return s;
}

} // namespace

class TestUiObservationReports : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    ManualClock m_wall { kT0 + 86'400'000 };
    observation::ManualMonotonicClock m_mono { 1'000 };
    std::unique_ptr<AppServices> m_services;

    AppServices &services() { return *m_services; }
    ObservationAgreement &agreement() { return services().observationAgreement(); }
    ObservationReports &reports() { return services().observationReports(); }
    QLocale locale() { return services().settings().locale(); }

    // Runs a session from a script on clocks of its own, so two observers'
    // sessions can overlap on the wall clock. Returns its id.
    QString record(const Script &script)
    {
        ManualClock wall(script.startWallMs);
        observation::ManualMonotonicClock mono(1'000);
        Sessions sessions(*services().session().store(), wall, mono, QTimeZone("Europe/Stockholm"));
        SessionSetup setup;
        setup.projectId = services().session().projectId();
        setup.siteId = script.siteId;
        setup.setting = QStringLiteral("ward area");
        setup.observer = script.observer;
        setup.observers = { script.observer };
        setup.scheme = script.scheme;
        setup.attendeesByRole = script.attendees;
        setup.promptIntervalS = 0;
        auto started = sessions.start(setup);
        if (!started.ok()) {
            qWarning() << "start:" << started.error().detail;
            return {};
        }
        ObservationSession &s = *started.value();
        std::int64_t now = 0;
        auto moveTo = [&](std::int64_t atS) {
            const std::int64_t d = atS * 1000 - now;
            wall.advance(d);
            mono.advance(d);
            now = atS * 1000;
        };
        for (const Step &step : script.steps) {
            moveTo(step.atS);
            bool ok = false;
            if (step.what == QLatin1String("pause"))
                ok = s.pause().ok();
            else if (step.what == QLatin1String("resume"))
                ok = s.resume().ok();
            else if (script.scheme.behaviour(step.what)->type == EventType::State)
                ok = s.toggleState(step.what, step.subject).ok();
            else
                ok = s.logPoint(step.what, step.subject).ok();
            if (!ok) {
                qWarning() << "step failed at" << step.atS << step.what;
                return {};
            }
        }
        moveTo(script.stopS);
        if (!s.stop().ok() || (script.finalise && !s.finalise().ok()))
            return {};
        return s.id();
    }

    // The known pair: ten slices of 60 s from the later start; A codes 8 s
    // into each slice, B (who started 2 s later) 10 s in. They disagree in
    // slices 1 (ps/pc) and 4 (n/np); neither codes in slice 8.
    QString m_pairA;
    QString m_pairB;

    Script pairScript(
        const QStringList &codes, std::int64_t startWallMs, std::int64_t offsetS, const QString &observer)
    {
        Script s;
        s.startWallMs = startWallMs;
        s.observer = observer;
        for (int i = 0; i < codes.size(); ++i) {
            if (!codes[i].isEmpty())
                s.steps.append(Step { offsetS + 60 * i, codes[i] });
        }
        // Both stop together, 600 s after B's start.
        s.stopS = (kT0 + 2'000 + 600'000 - startWallMs) / 1000;
        return s;
    }

private slots:
    void initTestCase();
    void aPairThatCannotBeComparedSaysWhy();
    void figuresOnScreenAreTheDomainsForAKnownPair();
    void matchedEventsPairEachCodingWithItsNearestPartner();
    void timeEitherObserverPausedIsLeftOut();
    void aMarkedPairIsStoredAndOpensAgain();
    void quisSessionGivesInteractionsPerPatientHour();
    void acrossSessionsTheRateIsPooledBySite();
    void sitesWithStudyArmsAreComparedByArm();
    void stateEventsGiveATimeBudget();
    void meetingsGiveContributionsByRoleAndType();
    void exportWritesOneRowPerEvent();
    void exportToAFolderThatCannotBeWrittenSaysSo();
    void refusalsAreInSwedish();
    void aSummaryChangesWhenACorrectionIsFinalised();
};

void TestUiObservationReports::initTestCase()
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
    QVERIFY2(createUnlockedDemoStore(*m_services, QStringLiteral("blue tractor umbrella 42"), &error),
        qPrintable(error));

    const QString ps = QStringLiteral("ps"), pc = QStringLiteral("pc"), n = QStringLiteral("n"),
                  np = QStringLiteral("np"), nr = QStringLiteral("nr");
    m_pairA
        = record(pairScript({ ps, ps, pc, n, n, np, nr, ps, QString(), pc }, kT0, 10, QStringLiteral("AL")));
    m_pairB = record(
        pairScript({ ps, pc, pc, n, np, np, nr, ps, QString(), pc }, kT0 + 2'000, 10, QStringLiteral("KB")));
    QVERIFY(!m_pairA.isEmpty() && !m_pairB.isEmpty());
}

void TestUiObservationReports::aPairThatCannotBeComparedSaysWhy()
{
    Script stoppedOnly = pairScript({ QStringLiteral("ps") }, kT0, 10, QStringLiteral("KB"));
    stoppedOnly.finalise = false;
    const QString notFinalised = record(stoppedOnly);
    Script meeting;
    meeting.scheme = coproductionScheme();
    meeting.steps = { Step { 30, QStringLiteral("idea"), Subject::role(QStringLiteral("staff")) } };
    const QString otherScheme = record(meeting);
    Script later = pairScript({ QStringLiteral("ps") }, kT0, 10, QStringLiteral("KB"));
    later.startWallMs = kT0 + 3'600'000;
    const QString noOverlap = record(later);
    QVERIFY(!notFinalised.isEmpty() && !otherScheme.isEmpty() && !noOverlap.isEmpty());
    agreement().refresh();

    const auto refusedWith = [&](const QString &a, const QString &b, PairProblem expected) {
        agreement().clearChoice();
        agreement().setSessionA(a);
        agreement().setSessionB(b);
        QCOMPARE(agreement().problem(), pairProblemText(expected));
        QVERIFY(!agreement().hasResult());
        QVERIFY(agreement().figures().isEmpty());
    };
    refusedWith(m_pairA, m_pairA, PairProblem::SameSession);
    refusedWith(m_pairA, notFinalised, PairProblem::NotFinalised);
    refusedWith(otherScheme, m_pairB, PairProblem::DifferentSchemes);
    refusedWith(m_pairA, noOverlap, PairProblem::NoOverlap);
    QVERIFY(agreement().problem().contains(QStringLiteral("not observing at the same time")));

    // A corrected session is no longer the record: its correction is.
    Script corrected
        = pairScript({ QStringLiteral("ps"), QStringLiteral("pc") }, kT0 + 1'000, 10, QStringLiteral("KB"));
    const QString original = record(corrected);
    QVERIFY(!original.isEmpty());
    {
        Sessions sessions(*services().session().store(), m_wall, m_mono, QTimeZone("Europe/Stockholm"));
        auto correction = sessions.correct(original, QStringLiteral("Second code was misread"), QStringLiteral("KB"));
        QVERIFY(correction.ok());
        // A correction still being made replaces nothing yet.
        agreement().refresh();
        agreement().clearChoice();
        agreement().setSessionA(m_pairA);
        agreement().setSessionB(original);
        QVERIFY(agreement().problem() != pairProblemText(PairProblem::Superseded));
        QVERIFY(correction.value()->finalise().ok());
    }
    agreement().refresh();
    refusedWith(m_pairA, original, PairProblem::Superseded);

    // The sessions list shows which sessions are finalised.
    QCOMPARE(entry(agreement().sessions(), QStringLiteral("id"), notFinalised)
                 .value(QStringLiteral("finalised"))
                 .toBool(),
        false);
    agreement().clearChoice();
}

void TestUiObservationReports::figuresOnScreenAreTheDomainsForAKnownPair()
{
    agreement().refresh();
    agreement().setMethod(QStringLiteral("slices"));
    agreement().setSliceSeconds(60);
    // Tapping chooses A, then B.
    agreement().choose(m_pairA);
    agreement().choose(m_pairB);
    QCOMPARE(agreement().sessionA(), m_pairA);
    QCOMPARE(agreement().sessionB(), m_pairB);
    QCOMPARE(
        entry(agreement().sessions(), QStringLiteral("id"), m_pairB).value(QStringLiteral("side")).toString(),
        QStringLiteral("B"));
    QVERIFY2(agreement().problem().isEmpty(), qPrintable(agreement().problem()));
    QVERIFY(agreement().hasResult());
    QVERIFY(agreement().ordered());
    const PairAgreement &r = *agreement().result();
    const QVariantList figures = agreement().figures();
    const auto shown = [&](const QString &key) {
        return entry(figures, QStringLiteral("key"), key).value(QStringLiteral("value")).toString();
    };

    // By hand: 8 of 10 slices agree; margins A (3,2,2,1,1,1) and B (2,3,1,2,1,1)
    // over ps, pc, n, np, nr, nothing give p_e = 18/100, so kappa = 0.62 / 0.82.
    QCOMPARE(r.units, 10);
    QCOMPARE(r.excluded, 0);
    QVERIFY(qAbs(r.kappa->kappa - 0.62 / 0.82) < 1e-9);
    QCOMPARE(shown(QStringLiteral("kappa")), QStringLiteral("0.76"));
    QCOMPARE(shown(QStringLiteral("percent")), QStringLiteral("80.0%"));
    QCOMPARE(shown(QStringLiteral("units")), QStringLiteral("10"));
    // Both observers coded one event in every slice but the ninth: the counts agree perfectly.
    QCOMPARE(shown(QStringLiteral("icc")), QStringLiteral("1.00"));

    // The weighted kappas on screen are the domain's, over the 9 slices both coded.
    QCOMPARE(r.bothCoded, 9);
    const Table both
        = { { 2, 1, 0, 0, 0 }, { 0, 2, 0, 0, 0 }, { 0, 0, 1, 1, 0 }, { 0, 0, 0, 1, 0 }, { 0, 0, 0, 0, 1 } };
    QCOMPARE(shown(QStringLiteral("linear")),
        locale().toString(cohenKappa(both, KappaWeights::Linear)->kappa, 'f', 2));
    QCOMPARE(shown(QStringLiteral("quadratic")),
        locale().toString(cohenKappa(both, KappaWeights::Quadratic)->kappa, 'f', 2));

    // The method is stated on screen.
    QVERIFY2(agreement().methodText().contains(QStringLiteral("10 time slices of 60 s")),
        qPrintable(agreement().methodText()));
    QVERIFY(agreement().methodText().contains(QStringLiteral("ICC(2,1)")));
    QVERIFY2(agreement().spanText().contains(QStringLiteral("10:00")), qPrintable(agreement().spanText()));
    QCOMPARE(agreement().scaleText(),
        QStringLiteral("Categories compared, in order: Positive social, Positive care, "
                       "Neutral, Negative protective, Negative restrictive"));

    // Slices of two minutes put two codings in one slice for some: fewer units, some left out.
    agreement().setSliceSeconds(120);
    QCOMPARE(agreement().result()->units + agreement().result()->excluded, 5);
    QVERIFY(agreement().methodText().contains(QStringLiteral("of 120 s")));
    agreement().setSliceSeconds(60);
}

void TestUiObservationReports::matchedEventsPairEachCodingWithItsNearestPartner()
{
    agreement().setSessionA(m_pairA);
    agreement().setSessionB(m_pairB);
    agreement().setMethod(QStringLiteral("events"));
    agreement().setToleranceSeconds(5);
    QVERIFY(agreement().hasResult());
    const QVariantList figures = agreement().figures();
    // Nine codings each, 2 s apart: nine pairs, two of them disagreeing.
    QCOMPARE(entry(figures, QStringLiteral("key"), QStringLiteral("units"))
                 .value(QStringLiteral("value"))
                 .toString(),
        QStringLiteral("9"));
    QCOMPARE(entry(figures, QStringLiteral("key"), QStringLiteral("percent"))
                 .value(QStringLiteral("value"))
                 .toString(),
        QStringLiteral("77.8%"));
    QVERIFY(agreement().methodText().contains(QStringLiteral("9 matched events")));
    QVERIFY(agreement().methodText().contains(QStringLiteral("within 5 s")));

    // With a tolerance under the 2 s between them, nothing matches: every coding is unpaired.
    agreement().setToleranceSeconds(1);
    QCOMPARE(agreement().result()->units, 18);
    QCOMPARE(entry(agreement().figures(), QStringLiteral("key"), QStringLiteral("percent"))
                 .value(QStringLiteral("value"))
                 .toString(),
        QStringLiteral("0.0%"));
    agreement().setToleranceSeconds(5);
    agreement().setMethod(QStringLiteral("slices"));
}

void TestUiObservationReports::timeEitherObserverPausedIsLeftOut()
{
    // B pauses from 3:02 to 5:02 after its start: slices 3 and 4 of the pair's timeline were not observed by
    // B.
    Script paused = pairScript({ QStringLiteral("ps"), QStringLiteral("pc"), QStringLiteral("pc") },
        kT0 + 2'000, 10, QStringLiteral("KB"));
    paused.steps.append(Step { 182, QStringLiteral("pause") });
    paused.steps.append(Step { 302, QStringLiteral("resume") });
    paused.steps.append(Step { 310, QStringLiteral("np") });
    const QString b = record(paused);
    QVERIFY(!b.isEmpty());
    agreement().refresh();
    agreement().clearChoice();
    agreement().setMethod(QStringLiteral("slices"));
    agreement().setSessionA(m_pairA);
    agreement().setSessionB(b);
    QVERIFY2(agreement().hasResult(), qPrintable(agreement().problem()));
    // 600 s in common less B's 120 s pause; of the ten slices on the grid, the
    // three the pause cuts into or covers (3, 4 and 5) are left out.
    QCOMPARE(agreement().result()->comparedMs, 480'000);
    QCOMPARE(agreement().result()->units, 7);
    QVERIFY2(agreement().spanText().contains(QStringLiteral("08:00")), qPrintable(agreement().spanText()));
    agreement().setMethod(QStringLiteral("events"));
    // A's codings at 4:10 and 5:10 fall in B's pause: 7 of A's are compared, 4 of B's.
    QCOMPARE(agreement().result()->units, 7);
    agreement().setMethod(QStringLiteral("slices"));
    agreement().clearChoice();
}

void TestUiObservationReports::aMarkedPairIsStoredAndOpensAgain()
{
    agreement().clearChoice();
    QVERIFY(!agreement().markPair()); // nothing chosen
    QVERIFY(!agreement().errorString().isEmpty());
    agreement().setSessionA(m_pairA);
    agreement().setSessionB(m_pairB);
    agreement().setMethod(QStringLiteral("events"));
    agreement().setToleranceSeconds(4);
    QVERIFY(!agreement().marked());
    QVERIFY(agreement().markPair());
    QVERIFY(agreement().marked());
    QCOMPARE(agreement().pairs().size(), 1);

    // In the store as a project record, with the method.
    auto stored = ObserverPairs(*services().session().store(), m_wall).list(services().session().projectId());
    QVERIFY(stored.ok());
    QCOMPARE(stored->size(), 1);
    QCOMPARE(stored->constFirst().sessionA, m_pairA);
    QCOMPARE(stored->constFirst().options.method, AgreementMethod::MatchedEvents);
    QCOMPARE(stored->constFirst().options.toleranceMs, 4'000);

    // Marking the same two again (in the other order) keeps one pair.
    agreement().setSessionA(m_pairB);
    agreement().setSessionB(m_pairA);
    QVERIFY(agreement().marked());
    QVERIFY(agreement().markPair());
    QCOMPARE(agreement().pairs().size(), 1);

    agreement().clearChoice();
    agreement().setMethod(QStringLiteral("slices"));
    const QString pairId = entry(agreement().pairs(), QStringLiteral("title"),
        agreement().pairs().constFirst().toMap().value(QStringLiteral("title")).toString())
                               .value(QStringLiteral("id"))
                               .toString();
    agreement().openPair(pairId);
    QCOMPARE(agreement().sessionA(), m_pairB);
    QCOMPARE(agreement().method(), QStringLiteral("events"));
    QCOMPARE(agreement().toleranceSeconds(), 4);
    QVERIFY(agreement().hasResult());

    // An id the list does not show (another project's pair, a stale one) changes nothing.
    QVERIFY(!agreement().unmarkPair(QStringLiteral("00000000-0000-4000-8000-000000000000")));
    QCOMPARE(agreement().pairs().size(), 1);
    QVERIFY(agreement().unmarkPair(pairId));
    QVERIFY(agreement().pairs().isEmpty());
    QVERIFY(!agreement().marked());
    agreement().setMethod(QStringLiteral("slices"));
    agreement().setToleranceSeconds(5);
}

void TestUiObservationReports::quisSessionGivesInteractionsPerPatientHour()
{
    // Two patients in view, 30 minutes observed (a 5-minute pause not counted),
    // 12 interactions: 12 / (2 × 0.5 h) = 12 per patient per hour.
    Script s;
    s.startWallMs = kT0 + 10 * 3'600'000;
    s.attendees = { { QStringLiteral("patient"), 2 }, { QStringLiteral("staff"), 3 } };
    const char *codes[] = { "ps", "ps", "ps", "ps", "ps", "ps", "pc", "pc", "pc", "n", "np", "nr" };
    std::int64_t at = 60;
    for (const char *c : codes) {
        s.steps.append(Step { at, QString::fromLatin1(c) });
        at += 120;
    }
    s.steps.append(Step { at, QStringLiteral("pause") });
    s.steps.append(Step { at + 300, QStringLiteral("resume") });
    s.stopS = 35 * 60;
    s.finalise = false;
    const QString id = record(s);
    QVERIFY(!id.isEmpty());

    reports().showSession(id);
    QVERIFY(!reports().acrossSessions());
    const QVariantList headline = reports().headline();
    const auto value = [&](const QString &key) {
        return entry(headline, QStringLiteral("key"), key).value(QStringLiteral("value")).toString();
    };
    QCOMPARE(value(QStringLiteral("observed")), QStringLiteral("30:00"));
    QCOMPARE(value(QStringLiteral("patients")), QStringLiteral("2"));
    QCOMPARE(value(QStringLiteral("interactions")), QStringLiteral("12"));
    QCOMPARE(value(QStringLiteral("rate")), QStringLiteral("12.0"));

    const QVariantMap shares = entry(reports().charts(), QStringLiteral("key"), QStringLiteral("shares"));
    QVERIFY(!shares.isEmpty());
    const QVariantList rows = shares.value(QStringLiteral("groups"))
                                  .toList()
                                  .constFirst()
                                  .toMap()
                                  .value(QStringLiteral("rows"))
                                  .toList();
    QCOMPARE(rows.size(), 5);
    QCOMPARE(rows[0].toMap().value(QStringLiteral("label")).toString(), QStringLiteral("Positive social"));
    QCOMPARE(rows[0].toMap().value(QStringLiteral("value")).toString(), QStringLiteral("6 (50%)"));
    QCOMPARE(rows[0].toMap().value(QStringLiteral("fraction")).toDouble(), 0.5);
    QCOMPARE(rows[1].toMap().value(QStringLiteral("value")).toString(), QStringLiteral("3 (25%)"));
    QCOMPARE(rows[4].toMap().value(QStringLiteral("value")).toString(), QStringLiteral("1 (8%)"));
}

void TestUiObservationReports::acrossSessionsTheRateIsPooledBySite()
{
    reports().showAll();
    reports().setSchemeId(QStringLiteral("quis"));
    QVERIFY(reports().acrossSessions());
    // Every stopped or finalised QuIS session in force is included.
    const int before = int(reports().summaries().size());
    QVERIFY(before > 0);
    double interactions = 0, patientHours = 0;
    for (const SessionSummary &s : reports().summaries()) {
        interactions += s.interactions;
        patientHours += patientHoursOf(s);
    }

    // One more session with no site: 1 patient, 60 minutes, 3 interactions = 3.0 per patient per hour.
    Script s;
    s.startWallMs = kT0 + 20 * 3'600'000;
    s.siteId.clear();
    s.attendees = { { QStringLiteral("patient"), 1 } };
    s.steps = { Step { 100, QStringLiteral("ps") }, Step { 200, QStringLiteral("n") },
        Step { 300, QStringLiteral("nr") } };
    s.stopS = 3600;
    QVERIFY(!record(s).isEmpty());
    reports().refresh();
    QCOMPARE(reports().summaries().size(), before + 1);

    const QVariantMap rate = entry(reports().charts(), QStringLiteral("key"), QStringLiteral("rate"));
    QVERIFY(!rate.isEmpty());
    QVERIFY(rate.value(QStringLiteral("note"))
                .toString()
                .contains(QStringLiteral("no intervention or control arm")));
    const QVariantList rows = rate.value(QStringLiteral("groups"))
                                  .toList()
                                  .constFirst()
                                  .toMap()
                                  .value(QStringLiteral("rows"))
                                  .toList();
    const QVariantMap noSite = entry(rows, QStringLiteral("label"), QStringLiteral("No site"));
    QCOMPARE(noSite.value(QStringLiteral("value")).toString(),
        QStringLiteral("3.0 (3 interactions, 1.0 patient-hours)"));
    const QVariantMap all = entry(rows, QStringLiteral("label"), QStringLiteral("All sites"));
    const double pooled = (interactions + 3) / (patientHours + 1.0);
    QVERIFY2(all.value(QStringLiteral("value"))
                 .toString()
                 .startsWith(locale().toString(pooled, 'f', 1) + QLatin1Char(' ')),
        qPrintable(all.value(QStringLiteral("value")).toString()));
    QVERIFY(!entry(rows, QStringLiteral("label"), QStringLiteral("Heart café, cardiology outpatient clinic"))
                 .isEmpty());

    // Shares: one group for all sites and one per site.
    const QVariantMap shares = entry(reports().charts(), QStringLiteral("key"), QStringLiteral("shares"));
    const QVariantList groups = shares.value(QStringLiteral("groups")).toList();
    QCOMPARE(groups.size(), 3);
    const QVariantList noSiteShares = entry(groups, QStringLiteral("title"), QStringLiteral("No site"))
                                          .value(QStringLiteral("rows"))
                                          .toList();
    QCOMPARE(entry(noSiteShares, QStringLiteral("label"), QStringLiteral("Neutral"))
                 .value(QStringLiteral("value"))
                 .toString(),
        QStringLiteral("1 (33%)"));
}

void TestUiObservationReports::sitesWithStudyArmsAreComparedByArm()
{
    reports().showAll();
    reports().setSchemeId(QStringLiteral("quis"));
    // Without arms there is no grouping by arm.
    QVERIFY(entry(reports().charts(), QStringLiteral("key"), QStringLiteral("rateByArm")).isEmpty());
    QVERIFY(entry(reports().charts(), QStringLiteral("key"), QStringLiteral("sharesByArm")).isEmpty());
    double cafeInteractions = 0, cafePatientHours = 0;
    int cafeSessions = 0;
    for (const SessionSummary &s : reports().summaries()) {
        if (s.siteId == kCafe) {
            ++cafeSessions;
            cafeInteractions += s.interactions;
            cafePatientHours += patientHoursOf(s);
        }
    }
    QVERIFY(cafeSessions > 0);

    // In the project settings the café becomes the intervention site and a new site the control.
    ProjectEditor &editor = services().projectEditor();
    editor.load();
    QCOMPARE(editor.sites().size(), 1);
    QCOMPARE(editor.sites().constFirst().toMap().value(QStringLiteral("arm")).toString(), QStringLiteral("none"));
    editor.setSiteArm(0, QStringLiteral("intervention"));
    editor.addSite();
    editor.setSiteName(1, QStringLiteral("Second café"));
    editor.setSiteArm(1, QStringLiteral("control"));
    QVERIFY2(editor.save(), qPrintable(editor.errorString()));
    editor.load();
    QCOMPARE(editor.sites().at(0).toMap().value(QStringLiteral("arm")).toString(), QStringLiteral("intervention"));
    QCOMPARE(editor.sites().at(1).toMap().value(QStringLiteral("arm")).toString(), QStringLiteral("control"));
    const QString control = editor.sites().at(1).toMap().value(QStringLiteral("id")).toString();
    QVERIFY(!control.isEmpty());

    // A control session: 2 patients, 30 minutes, 4 interactions = 4.0 per patient per hour.
    Script s;
    s.startWallMs = kT0 + 30 * 3'600'000;
    s.siteId = control;
    s.attendees = { { QStringLiteral("patient"), 2 } };
    s.steps = { Step { 100, QStringLiteral("ps") }, Step { 200, QStringLiteral("ps") },
        Step { 300, QStringLiteral("n") }, Step { 400, QStringLiteral("nr") } };
    s.stopS = 1800;
    QVERIFY(!record(s).isEmpty());
    reports().refresh();

    const QVariantMap rate = entry(reports().charts(), QStringLiteral("key"), QStringLiteral("rateByArm"));
    QVERIFY(!rate.isEmpty());
    QCOMPARE(rate.value(QStringLiteral("title")).toString(),
        QStringLiteral("Interactions per patient per hour, by study arm"));
    const QVariantList rows
        = rate.value(QStringLiteral("groups")).toList().constFirst().toMap().value(QStringLiteral("rows")).toList();
    // Intervention first, then control, then the sessions without a site (from the test before).
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows.at(0).toMap().value(QStringLiteral("label")).toString(), QStringLiteral("Intervention"));
    QCOMPARE(rows.at(1).toMap().value(QStringLiteral("label")).toString(), QStringLiteral("Control"));
    QCOMPARE(rows.at(2).toMap().value(QStringLiteral("label")).toString(), QStringLiteral("No arm"));
    QCOMPARE(rows.at(1).toMap().value(QStringLiteral("value")).toString(),
        QStringLiteral("4.0 (1 session, 0.5 hours observed, 4 interactions, 1.0 patient-hours)"));
    const QString intervention = rows.at(0).toMap().value(QStringLiteral("value")).toString();
    QVERIFY2(intervention.startsWith(locale().toString(cafeInteractions / cafePatientHours, 'f', 1)
                 + QStringLiteral(" (%1 session").arg(cafeSessions)),
        qPrintable(intervention));
    QCOMPARE(rows.at(2).toMap().value(QStringLiteral("value")).toString(),
        QStringLiteral("3.0 (1 session, 1.0 hours observed, 3 interactions, 1.0 patient-hours)"));
    // The site chart no longer says the project has no arms.
    QVERIFY(!entry(reports().charts(), QStringLiteral("key"), QStringLiteral("rate"))
                 .value(QStringLiteral("note"))
                 .toString()
                 .contains(QStringLiteral("no intervention or control arm")));

    // Shares per arm.
    const QVariantMap shares = entry(reports().charts(), QStringLiteral("key"), QStringLiteral("sharesByArm"));
    const QVariantList groups = shares.value(QStringLiteral("groups")).toList();
    QCOMPARE(groups.size(), 3);
    const QVariantList controlShares
        = entry(groups, QStringLiteral("title"), QStringLiteral("Control")).value(QStringLiteral("rows")).toList();
    QCOMPARE(entry(controlShares, QStringLiteral("label"), QStringLiteral("Positive social"))
                 .value(QStringLiteral("value"))
                 .toString(),
        QStringLiteral("2 (50%)"));

    // In Swedish.
    services().settings().setLanguage(QStringLiteral("sv"));
    const QVariantList svRows = entry(reports().charts(), QStringLiteral("key"), QStringLiteral("rateByArm"))
                                    .value(QStringLiteral("groups"))
                                    .toList()
                                    .constFirst()
                                    .toMap()
                                    .value(QStringLiteral("rows"))
                                    .toList();
    services().settings().setLanguage(QStringLiteral("en"));
    QCOMPARE(svRows.size(), 3);
    QCOMPARE(svRows.at(0).toMap().value(QStringLiteral("label")).toString(), QStringLiteral("Intervention"));
    QCOMPARE(svRows.at(1).toMap().value(QStringLiteral("label")).toString(), QStringLiteral("Kontroll"));
    QCOMPARE(svRows.at(2).toMap().value(QStringLiteral("label")).toString(), QStringLiteral("Ingen arm"));

    // Back to one site without an arm for the tests after this one.
    editor.load();
    editor.removeSite(1);
    editor.setSiteArm(0, QStringLiteral("none"));
    QVERIFY(editor.save());
}

void TestUiObservationReports::stateEventsGiveATimeBudget()
{
    // 20 minutes: sitting 0–10 min, standing 10–15, then nothing.
    Script s;
    s.scheme = postureScheme();
    s.startWallMs = kT0 + 30 * 3'600'000;
    const Subject patient = Subject::role(QStringLiteral("patient"));
    s.steps = { Step { 0, QStringLiteral("sit"), patient }, Step { 600, QStringLiteral("stand"), patient },
        Step { 900, QStringLiteral("stand"), patient } };
    s.stopS = 1200;
    const QString id = record(s);
    QVERIFY(!id.isEmpty());
    reports().showSession(id);
    const QVariantMap budget = entry(reports().charts(), QStringLiteral("key"), QStringLiteral("timeBudget"));
    QVERIFY(!budget.isEmpty());
    const QVariantList rows = budget.value(QStringLiteral("groups"))
                                  .toList()
                                  .constFirst()
                                  .toMap()
                                  .value(QStringLiteral("rows"))
                                  .toList();
    QCOMPARE(entry(rows, QStringLiteral("label"), QStringLiteral("Sitting · Patient"))
                 .value(QStringLiteral("value"))
                 .toString(),
        QStringLiteral("10:00 (50% of observed time)"));
    QCOMPARE(entry(rows, QStringLiteral("label"), QStringLiteral("Standing · Patient"))
                 .value(QStringLiteral("value"))
                 .toString(),
        QStringLiteral("05:00 (25% of observed time)"));
}

void TestUiObservationReports::meetingsGiveContributionsByRoleAndType()
{
    Script s;
    s.scheme = coproductionScheme();
    s.startWallMs = kT0 + 40 * 3'600'000;
    s.steps = { Step { 10, QStringLiteral("idea"), Subject::role(QStringLiteral("staff")) },
        Step { 20, QStringLiteral("idea"), Subject::role(QStringLiteral("staff")) },
        Step { 30, QStringLiteral("question"), Subject::role(QStringLiteral("patient")) },
        Step { 40, QStringLiteral("decision"), Subject::role(QStringLiteral("manager")) } };
    s.stopS = 1800;
    const QString id = record(s);
    QVERIFY(!id.isEmpty());
    reports().showSession(id);
    const auto rowsOf = [&](const QString &key, int group = 0) {
        return entry(reports().charts(), QStringLiteral("key"), key)
            .value(QStringLiteral("groups"))
            .toList()
            .value(group)
            .toMap()
            .value(QStringLiteral("rows"))
            .toList();
    };
    QCOMPARE(entry(rowsOf(QStringLiteral("roles")), QStringLiteral("label"), QStringLiteral("Staff"))
                 .value(QStringLiteral("value"))
                 .toString(),
        QStringLiteral("2 (50%)"));
    QCOMPARE(entry(rowsOf(QStringLiteral("roles")), QStringLiteral("label"), QStringLiteral("Family"))
                 .value(QStringLiteral("value"))
                 .toString(),
        QStringLiteral("0 (0%)"));
    QCOMPARE(entry(rowsOf(QStringLiteral("types")), QStringLiteral("label"), QStringLiteral("Idea"))
                 .value(QStringLiteral("value"))
                 .toString(),
        QStringLiteral("2 (50%)"));
    // Per role and type: the manager's one contribution is a decision.
    const QVariantList cross = entry(reports().charts(), QStringLiteral("key"), QStringLiteral("roleTypes"))
                                   .value(QStringLiteral("groups"))
                                   .toList();
    const QVariantList manager = entry(cross, QStringLiteral("title"), QStringLiteral("Manager"))
                                     .value(QStringLiteral("rows"))
                                     .toList();
    QCOMPARE(entry(manager, QStringLiteral("label"), QStringLiteral("Decision"))
                 .value(QStringLiteral("value"))
                 .toString(),
        QStringLiteral("1 (100%)"));
    QCOMPARE(entry(reports().headline(), QStringLiteral("key"), QStringLiteral("perHour"))
                 .value(QStringLiteral("value"))
                 .toString(),
        QStringLiteral("8.0"));
}

void TestUiObservationReports::exportWritesOneRowPerEvent()
{
    // The default folder is the data directory's exports folder.
    QCOMPARE(reports().exportDirectory(), QDir(m_dir.path()).filePath(QStringLiteral("exports")));
    reports().showSession(m_pairA);
    QVERIFY2(reports().exportEvents(QStringLiteral("csv")), qPrintable(reports().errorString()));
    const QString path = reports().lastExportPath();
    QVERIFY(path.startsWith(reports().exportDirectory()));
    QVERIFY(path.endsWith(QStringLiteral(".csv")));
    QVERIFY(reports().infoString().contains(QDir::toNativeSeparators(path)));
    QVERIFY(reports().infoString().contains(QStringLiteral("9 events")));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines
        = QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 10); // header and nine codings
    QCOMPARE(lines[0],
        QStringLiteral("session,version,observer,offset_s,wall_time,time_zone,subject,behaviour,type,"
                       "modifiers,comment"));
    QVERIFY2(lines[1].startsWith(m_pairA + QStringLiteral(",1,AL,10.000,")), qPrintable(lines[1]));
    QVERIFY(lines[1].contains(QStringLiteral(",Europe/Stockholm,,ps,point,,")));
    QVERIFY(lines[9].contains(QStringLiteral(",pc,point,")));

    // All sessions of the project, as TSV: one header, every session's events.
    reports().showAll();
    QVERIFY(reports().exportEvents(QStringLiteral("tsv")));
    QVERIFY(reports().lastExportPath().endsWith(QStringLiteral(".tsv")));
    QFile all(reports().lastExportPath());
    QVERIFY(all.open(QIODevice::ReadOnly));
    const QStringList rows
        = QString::fromUtf8(all.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QVERIFY(rows[0].startsWith(QStringLiteral("session\tversion\tobserver\t")));
    QCOMPARE(rows.filter(QStringLiteral("session\t")).size(), 1);
    QCOMPARE(rows.filter(m_pairA + QLatin1Char('\t')).size(), 9);
    QCOMPARE(rows.filter(m_pairB + QLatin1Char('\t')).size(), 9);
}

void TestUiObservationReports::exportToAFolderThatCannotBeWrittenSaysSo()
{
    // A folder inside a regular file can never be made.
    const QString blocker = QDir(m_dir.path()).filePath(QStringLiteral("not-a-folder"));
    QFile block(blocker);
    QVERIFY(block.open(QIODevice::WriteOnly));
    block.close();
    const QString dir = blocker + QStringLiteral("/exports");
    reports().setExportDirectory(dir);
    reports().showSession(m_pairA);
    QVERIFY(!reports().exportEvents(QStringLiteral("csv")));
    QVERIFY(reports().lastExportPath().isEmpty());
    QCOMPARE(reports().errorString(), ObservationReports::exportErrorText(ErrorCode::Io, dir));
    QVERIFY(reports().errorString().contains(dir));
    // A full disk and a read-only folder each say what to do.
    QVERIFY(ObservationReports::exportErrorText(ErrorCode::DiskFull, dir)
                .contains(QStringLiteral("disk is full")));
    QVERIFY(ObservationReports::exportErrorText(ErrorCode::ReadOnly, dir)
                .contains(QStringLiteral("cannot be written")));
    reports().setExportDirectory(QDir(m_dir.path()).filePath(QStringLiteral("exports")));
}

void TestUiObservationReports::refusalsAreInSwedish()
{
    agreement().clearChoice();
    agreement().setSessionA(m_pairA);
    agreement().setSessionB(m_pairA);
    const QString english = agreement().problem();
    const QString fullDisk = ObservationReports::exportErrorText(ErrorCode::DiskFull, QStringLiteral("/x"));
    services().settings().setLanguage(QStringLiteral("sv"));
    QVERIFY(agreement().problem() != english);
    QVERIFY2(agreement().problem().contains(QStringLiteral("session")), qPrintable(agreement().problem()));
    QVERIFY(ObservationReports::exportErrorText(ErrorCode::DiskFull, QStringLiteral("/x")) != fullDisk);
    agreement().setSessionB(m_pairB);
    QVERIFY(agreement().hasResult());
    QVERIFY2(agreement().methodText().contains(QStringLiteral("10 tidsintervall om 60 s")),
        qPrintable(agreement().methodText()));
    // Swedish decimals have a comma.
    QCOMPARE(entry(agreement().figures(), QStringLiteral("key"), QStringLiteral("kappa"))
                 .value(QStringLiteral("value"))
                 .toString(),
        QStringLiteral("0,76"));
    services().settings().setLanguage(QStringLiteral("en"));
    agreement().clearChoice();
}

void TestUiObservationReports::aSummaryChangesWhenACorrectionIsFinalised()
{
    // A scheme of its own, so the sessions of the other tests do not count here.
    Script script;
    script.scheme.id = QStringLiteral("quis-corrected");
    script.attendees = { { QStringLiteral("patient"), 2 } };
    script.steps = { Step { 30, QStringLiteral("ps") }, Step { 90, QStringLiteral("n") },
        Step { 150, QStringLiteral("n") } };
    const QString original = record(script);
    QVERIFY(!original.isEmpty());
    const auto shown = [&] {
        reports().showAll();
        reports().setSchemeId(QStringLiteral("quis-corrected"));
        return reports().summaries();
    };
    QCOMPARE(shown().size(), 1);
    QCOMPARE(shown().constFirst().sessionId, original);
    QCOMPARE(shown().constFirst().pointCounts.value(QStringLiteral("n")), 2);
    QCOMPARE(shown().constFirst().interactions, 3);

    Sessions sessions(*services().session().store(), m_wall, m_mono, QTimeZone("Europe/Stockholm"));
    auto opened = sessions.correct(original, QStringLiteral("1:30 was positive care"), QStringLiteral("AL"));
    QVERIFY(opened.ok());
    ObservationSession &v2 = *opened.value();
    const ObservationEvent second = v2.events()[1];
    QVERIFY(v2.change(second.id, QStringLiteral("pc")).ok());
    QVERIFY(v2.insertAt(200'000, QStringLiteral("ps")).ok());

    // Until it is finalised the correction changes nothing anyone reads.
    QCOMPARE(shown().size(), 1);
    QCOMPARE(shown().constFirst().sessionId, original);
    QCOMPARE(shown().constFirst().interactions, 3);

    QVERIFY(v2.finalise().ok());
    QCOMPARE(shown().size(), 1);
    QCOMPARE(shown().constFirst().sessionId, v2.id());
    QCOMPARE(shown().constFirst().interactions, 4);
    QCOMPARE(shown().constFirst().pointCounts.value(QStringLiteral("ps")), 2);
    QCOMPARE(shown().constFirst().pointCounts.value(QStringLiteral("pc")), 1);
    QCOMPARE(shown().constFirst().pointCounts.value(QStringLiteral("n")), 1);
    const QVariantList headline = reports().headline();
    QCOMPARE(entry(headline, QStringLiteral("key"), QStringLiteral("interactions")).value(QStringLiteral("value")).toString(),
        QStringLiteral("4"));

    // The export of all sessions has the newest version only, with its number.
    QVERIFY(reports().exportEvents(QStringLiteral("csv")));
    QFile all(reports().lastExportPath());
    QVERIFY(all.open(QIODevice::ReadOnly));
    const QStringList rows = QString::fromUtf8(all.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(rows.filter(original + QLatin1Char(',')).size(), 0);
    QCOMPARE(rows.filter(v2.id() + QStringLiteral(",2,AL,")).size(), 4);
    // The original is still there, unchanged, for anyone who opens it.
    reports().showSession(original);
    QCOMPARE(reports().summaries().constFirst().interactions, 3);
}

QTEST_MAIN(TestUiObservationReports)
#include "tst_ui_observation_reports.moc"
