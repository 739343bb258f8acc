// Agreement statistics checked against worked examples published in the literature.
#include "app/observation/agreement.h"

#include <QTest>

#include <cmath>

using namespace samla::observation;

namespace {

// Published figures are rounded; a computed value matches when it rounds to them.
bool roundsTo(double value, double published, int decimals)
{
    return std::abs(value - published) <= 0.5 * std::pow(10.0, -decimals) + 1e-12;
}

// Cohen, J. (1968). Weighted kappa: nominal scale agreement with provision for
// scaled disagreement or partial credit. Psychological Bulletin 70(4), 213–220.
// The 3 × 3 table of proportions of his numerical example (rows: judge A, columns: judge B).
// Cohen reports kappa = .492 and, with the disagreement weights below, weighted kappa = .348.
const Table kCohen1968 = {
    {0.44, 0.07, 0.09},
    {0.05, 0.20, 0.05},
    {0.01, 0.03, 0.06},
};
const Table kCohen1968Weights = {
    {0, 1, 3},
    {1, 0, 6},
    {3, 6, 0},
};

// Shrout, P. E. & Fleiss, J. L. (1979). Intraclass correlations: uses in
// assessing rater reliability. Psychological Bulletin 86(2), 420–428.
// Table 2: four judges rate six targets. Table 4 gives ICC(1,1) = .17,
// ICC(2,1) = .29, ICC(3,1) = .71, ICC(1,4) = .44, ICC(2,4) = .62, ICC(3,4) = .91.
const Ratings kShroutFleiss1979 = {
    {9, 2, 5, 8},
    {6, 1, 3, 2},
    {8, 4, 6, 8},
    {7, 1, 2, 6},
    {10, 5, 6, 9},
    {6, 2, 4, 7},
};

QList<CodedEvent> events(std::initializer_list<std::pair<std::int64_t, const char *>> list)
{
    QList<CodedEvent> out;
    for (const auto &[t, code] : list)
        out.append(CodedEvent{t, QString::fromLatin1(code)});
    return out;
}

} // namespace

class TestAgreement : public QObject {
    Q_OBJECT

private slots:
    void unweightedKappaMatchesCohen1968()
    {
        const auto k = cohenKappa(kCohen1968);
        QVERIFY(k);
        QVERIFY2(roundsTo(k->kappa, 0.492, 3), qPrintable(QString::number(k->kappa)));
        // p_o = .44 + .20 + .06; p_e from margins (.60, .30, .10) × (.50, .30, .20).
        QVERIFY(roundsTo(k->observed, 0.70, 6));
        QVERIFY(roundsTo(k->expected, 0.41, 6));
        QVERIFY(roundsTo(*percentAgreement(kCohen1968), 0.70, 6));
    }

    void weightedKappaMatchesCohen1968()
    {
        const auto k = weightedKappa(kCohen1968, kCohen1968Weights);
        QVERIFY(k);
        QVERIFY2(roundsTo(k->kappa, 0.348, 3), qPrintable(QString::number(k->kappa)));
    }

    void linearWeightsAgreeWithTheCollapsedTablesIdentity()
    {
        // Vanbelle, S. & Albert, A. (2009). A note on the linearly weighted kappa
        // coefficient for ordinal scales. Statistical Methodology 6, 157–163:
        // linearly weighted kappa over K ordered categories equals the average of
        // the K − 1 kappas of the 2 × 2 tables made by cutting the scale after
        // each category, each weighted by its 1 − p_e. Checked on Cohen's table.
        double numerator = 0, denominator = 0;
        for (int cut = 1; cut < 3; ++cut) {
            Table collapsed(2, QList<double>(2, 0.0));
            for (int i = 0; i < 3; ++i) {
                for (int j = 0; j < 3; ++j)
                    collapsed[i < cut ? 0 : 1][j < cut ? 0 : 1] += kCohen1968[i][j];
            }
            const auto k = cohenKappa(collapsed);
            QVERIFY(k);
            numerator += (1 - k->expected) * k->kappa;
            denominator += 1 - k->expected;
        }
        const auto linear = cohenKappa(kCohen1968, KappaWeights::Linear);
        QVERIFY(linear);
        QVERIFY(std::abs(linear->kappa - numerator / denominator) < 1e-12);
        // By hand: weights 1, .5, 0; p_o = .70 + .5 × (.07 + .05 + .05 + .03) = .80,
        // p_e = .41 + .5 × (.18 + .15 + .06 + .03) = .62, kappa = .18 / .38 = 9/19.
        QVERIFY(std::abs(linear->kappa - 9.0 / 19.0) < 1e-12);
    }

    void quadraticWeights()
    {
        // No published quadratic value for this table was verified, so this is
        // the arithmetic, shown: weights 1, .75, 0; p_o = .70 + .75 × .20 = .85,
        // p_e = .41 + .75 × .42 = .725, kappa = .125 / .275 = 5/11.
        const auto q = cohenKappa(kCohen1968, KappaWeights::Quadratic);
        QVERIFY(q);
        QVERIFY(std::abs(q->observed - 0.85) < 1e-12);
        QVERIFY(std::abs(q->expected - 0.725) < 1e-12);
        QVERIFY(std::abs(q->kappa - 5.0 / 11.0) < 1e-12);
        // With two categories every weighting is plain kappa.
        const Table two = {{20, 5}, {10, 15}};
        QVERIFY(std::abs(cohenKappa(two, KappaWeights::Quadratic)->kappa - cohenKappa(two)->kappa) < 1e-12);
        QVERIFY(std::abs(cohenKappa(two, KappaWeights::Linear)->kappa - cohenKappa(two)->kappa) < 1e-12);
    }

    void iccMatchesShroutAndFleiss1979_data()
    {
        QTest::addColumn<IccForm>("form");
        QTest::addColumn<double>("published");
        QTest::newRow("ICC(1,1)") << IccForm::Icc1_1 << 0.17;
        QTest::newRow("ICC(2,1)") << IccForm::Icc2_1 << 0.29;
        QTest::newRow("ICC(3,1)") << IccForm::Icc3_1 << 0.71;
        QTest::newRow("ICC(1,4)") << IccForm::Icc1_k << 0.44;
        QTest::newRow("ICC(2,4)") << IccForm::Icc2_k << 0.62;
        QTest::newRow("ICC(3,4)") << IccForm::Icc3_k << 0.91;
    }

    void iccMatchesShroutAndFleiss1979()
    {
        QFETCH(IccForm, form);
        QFETCH(double, published);
        const auto r = icc(kShroutFleiss1979, form);
        QVERIFY(r);
        QVERIFY2(roundsTo(r->icc, published, 2), qPrintable(QString::number(r->icc)));
        QCOMPARE(r->targets, 6);
        QCOMPARE(r->raters, 4);
    }

    void degenerateInputsGiveNoValue()
    {
        QVERIFY(!cohenKappa({}));
        QVERIFY(!cohenKappa({{1, 2}, {3}}));
        QVERIFY(!cohenKappa({{5, 0}, {0, 0}}));   // one category only: p_e = 1
        QVERIFY(!icc({{1, 2}}, IccForm::Icc2_1));
        QVERIFY(!icc({{1, 2}, {3}}, IccForm::Icc2_1));
        QVERIFY(!percentAgreement({{0, 0}, {0, 0}}));
    }

    void timeSlicesLabelEachSliceOnce()
    {
        AgreementOptions o;
        o.scale = {QStringLiteral("ps"), QStringLiteral("pc"), QStringLiteral("n")};
        o.sliceMs = 10'000;
        o.startMs = 0;
        o.endMs = 40'000;
        const auto a = events({{1'000, "ps"}, {12'000, "pc"}, {25'000, "n"}, {27'000, "ps"}, {31'000, "other"}});
        const auto b = events({{2'000, "ps"}, {15'000, "n"}, {26'000, "n"}});
        const Paired p = pairBySlices(a, b, o);
        // Slice 3 (20–30 s) is left out: A coded two categories in it.
        QCOMPARE(p.excluded, 1);
        QCOMPARE(p.a, (QList<int>{0, 1, -1}));
        QCOMPARE(p.b, (QList<int>{0, 2, -1}));
        const Table t = tableOf(p, 3, true);
        QCOMPARE(t[0][0], 1.0);
        QCOMPARE(t[1][2], 1.0);
        QCOMPARE(t[3][3], 1.0);
        QVERIFY(roundsTo(*percentAgreement(t), 2.0 / 3.0, 6));
        const Ratings counts = countsBySlices(a, b, o);
        QCOMPARE(counts.size(), 4);
        QCOMPARE(counts[2], (QList<double>{2, 1}));
        QVERIFY(!describeSlices(KappaWeights::Linear, p, o.sliceMs).isEmpty());
    }

    void matchedEventsPairNearestWithinTolerance()
    {
        AgreementOptions o;
        o.scale = {QStringLiteral("ps"), QStringLiteral("pc"), QStringLiteral("n")};
        o.toleranceMs = 3'000;
        const auto a = events({{1'000, "ps"}, {10'000, "pc"}, {30'000, "n"}});
        const auto b = events({{2'500, "ps"}, {9'000, "n"}, {50'000, "pc"}});
        const Paired p = pairByEvents(a, b, o);
        QCOMPARE(p.a, (QList<int>{0, 1, 2, -1}));
        QCOMPARE(p.b, (QList<int>{0, 2, -1, 1}));
        const Paired both = bothCoded(p);
        QCOMPARE(both.a.size(), 2);
        QCOMPARE(both.excluded, 2);
    }
};

QTEST_GUILESS_MAIN(TestAgreement)
#include "tst_agreement.moc"
