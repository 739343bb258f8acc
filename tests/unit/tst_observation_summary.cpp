// Session summaries pooled by study arm: QuIS interactions per patient per hour and
// category shares for the intervention sites, the control sites and sites without an arm.
#include "app/observation/summary.h"

#include <QTest>

using namespace samla;
using namespace samla::observation;

namespace {

constexpr std::int64_t kHour = 3'600'000;

SessionSummary session(const QString &siteId, int patients, std::int64_t observedMs, QMap<QString, int> counts)
{
    SessionSummary s;
    s.sessionId = QStringLiteral("s-") + siteId + QString::number(observedMs);
    s.siteId = siteId;
    s.patients = patients;
    s.observedMs = observedMs;
    s.pointCounts = counts;
    for (int n : counts)
        s.interactions += n;
    return s;
}

QList<domain::Site> wards()
{
    using domain::Jurisdiction;
    using domain::StudyArm;
    return { domain::Site { QStringLiteral("a"), QStringLiteral("Ward A"), Jurisdiction::England, StudyArm::Intervention },
        domain::Site { QStringLiteral("b"), QStringLiteral("Ward B"), Jurisdiction::England, StudyArm::Control },
        domain::Site { QStringLiteral("c"), QStringLiteral("Ward C"), Jurisdiction::England, StudyArm::Intervention },
        domain::Site { QStringLiteral("d"), QStringLiteral("Day room"), Jurisdiction::England, StudyArm::None } };
}

} // namespace

class TestObservationSummary : public QObject {
    Q_OBJECT

private slots:
    void sessionsArePooledByTheArmOfTheirSite()
    {
        const QString ps = QStringLiteral("ps"), n = QStringLiteral("n");
        // Intervention: ward A (2 patients × 1 h, 8 interactions) and ward C (4 patients × 0.5 h, 4).
        // Control: ward B (3 patients × 2 h, 6). No arm: the day room and a session without a site.
        const QList<SessionSummary> all = {
            session(QStringLiteral("b"), 3, 2 * kHour, { { ps, 2 }, { n, 4 } }),
            session(QStringLiteral("a"), 2, kHour, { { ps, 6 }, { n, 2 } }),
            session(QStringLiteral("d"), 1, kHour, { { ps, 1 } }),
            session(QStringLiteral("c"), 4, kHour / 2, { { ps, 3 }, { n, 1 } }),
            session(QString(), 2, kHour, { { n, 3 } }),
        };
        const QList<ArmSummary> arms = poolByArm(all, wards());
        QCOMPARE(arms.size(), 3);

        QCOMPARE(arms.at(0).arm, domain::StudyArm::Intervention);
        const PooledSummary &i = arms.at(0).pooled;
        QCOMPARE(i.sessions, 2);
        QCOMPARE(i.observedMs, kHour + kHour / 2);
        QCOMPARE(i.interactions, 12);
        QCOMPARE(i.patientHours, 4.0);
        QCOMPARE(*interactionsPerPatientHour(i.interactions, i.patientHours), 3.0);
        QCOMPARE(i.pointCounts.value(ps), 9);
        QCOMPARE(i.pointCounts.value(n), 3);

        QCOMPARE(arms.at(1).arm, domain::StudyArm::Control);
        const PooledSummary &c = arms.at(1).pooled;
        QCOMPARE(c.sessions, 1);
        QCOMPARE(c.observedMs, 2 * kHour);
        QCOMPARE(*interactionsPerPatientHour(c.interactions, c.patientHours), 1.0);
        QCOMPARE(c.pointCounts.value(ps), 2);

        QCOMPARE(arms.at(2).arm, domain::StudyArm::None);
        const PooledSummary &none = arms.at(2).pooled;
        QCOMPARE(none.sessions, 2);
        QCOMPARE(none.interactions, 4);
        QCOMPARE(none.patientHours, 3.0);
    }

    void onlyArmsWithSessionsAreListed()
    {
        const QList<SessionSummary> controlOnly = {
            session(QStringLiteral("b"), 1, kHour, { { QStringLiteral("ps"), 1 } }),
        };
        const QList<ArmSummary> arms = poolByArm(controlOnly, wards());
        QCOMPARE(arms.size(), 1);
        QCOMPARE(arms.at(0).arm, domain::StudyArm::Control);
        QVERIFY(poolByArm({}, wards()).isEmpty());
    }

    void aSiteNotInTheProjectCountsAsNoArm()
    {
        const QList<ArmSummary> arms
            = poolByArm({ session(QStringLiteral("gone"), 1, kHour, { { QStringLiteral("ps"), 2 } }) }, wards());
        QCOMPARE(arms.size(), 1);
        QCOMPARE(arms.at(0).arm, domain::StudyArm::None);
        QCOMPARE(arms.at(0).pooled.interactions, 2);
    }
};

QTEST_APPLESS_MAIN(TestObservationSummary)
#include "tst_observation_summary.moc"
