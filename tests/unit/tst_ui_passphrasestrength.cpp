// The passphrase strength estimator: what a person typing a new passphrase is told.
#include "app/ui/passphrasestrength.h"

#include <QSignalSpy>
#include <QTest>

using namespace samla::ui;

class TestPassphraseStrength : public QObject {
    Q_OBJECT
private slots:
    void scores_data();
    void scores();
    void acceptable_data();
    void acceptable();
    void elementFollowsPassphrase();
};

void TestPassphraseStrength::scores_data()
{
    QTest::addColumn<QString>("passphrase");
    QTest::addColumn<int>("minScore");
    QTest::addColumn<int>("maxScore");
    QTest::addColumn<int>("reason");

    const int any = -1;
    QTest::newRow("empty") << "" << 0 << 0 << int(StrengthReason::Empty);
    QTest::newRow("common password") << "password" << 0 << 0 << int(StrengthReason::Common);
    QTest::newRow("common Swedish password") << "lösenord" << 0 << 0 << int(StrengthReason::Common);
    QTest::newRow("common word with year") << "Sommar2024" << 0 << 1 << int(StrengthReason::Common);
    QTest::newRow("common word with symbols") << "Password123!" << 0 << 1 << int(StrengthReason::Common);
    QTest::newRow("one repeated letter") << "aaaaaaaaaaaaaaaa" << 0 << 1 << int(StrengthReason::Repetitive);
    QTest::newRow("repeated chunk") << "hejhejhejhej" << 0 << 1 << any;
    QTest::newRow("alphabet run") << "abcdefghijkl" << 0 << 1 << int(StrengthReason::Sequential);
    QTest::newRow("digit run") << "1234567890" << 0 << 1 << any;
    QTest::newRow("keyboard row") << "qwertyuiop" << 0 << 0 << int(StrengthReason::Common);
    QTest::newRow("keyboard row not in list") << "asdfghjklö" << 0 << 1 << int(StrengthReason::Sequential);
    QTest::newRow("short but mixed") << "Xk9#mQ" << 0 << 1 << int(StrengthReason::TooShort);
    QTest::newRow("ten random lowercase") << "kwpqmzrtfx" << 2 << 2 << any;
    QTest::newRow("four words") << "correct horse battery staple" << 4 << 4 << int(StrengthReason::Good);
    QTest::newRow("Swedish words") << "tulpan kaffe hamnen" << 3 << 4 << int(StrengthReason::Good);
    QTest::newRow("mixed classes") << "Tr0ub4dor&3x" << 3 << 4 << int(StrengthReason::Good);
}

void TestPassphraseStrength::scores()
{
    QFETCH(QString, passphrase);
    QFETCH(int, minScore);
    QFETCH(int, maxScore);
    QFETCH(int, reason);
    const StrengthEstimate estimate = estimatePassphraseStrength(passphrase);
    QVERIFY2(estimate.score >= minScore && estimate.score <= maxScore,
        qPrintable(QStringLiteral("score %1 (%2 bits)").arg(estimate.score).arg(estimate.bits)));
    if (reason >= 0)
        QCOMPARE(int(estimate.reason), reason);
}

void TestPassphraseStrength::acceptable_data()
{
    QTest::addColumn<QString>("passphrase");
    QTest::addColumn<bool>("acceptable");
    QTest::newRow("too short even if random") << "Xk9#mQ2" << false;
    QTest::newRow("long but common") << "password123" << false;
    QTest::newRow("long but repeated") << "abababababab" << false;
    QTest::newRow("ten random letters") << "kwpqmzrtfx" << true;
    QTest::newRow("a few words") << "blue tractor umbrella" << true;
}

void TestPassphraseStrength::acceptable()
{
    QFETCH(QString, passphrase);
    QFETCH(bool, acceptable);
    QCOMPARE(isAcceptablePassphrase(passphrase), acceptable);
}

void TestPassphraseStrength::elementFollowsPassphrase()
{
    PassphraseStrength element;
    QSignalSpy spy(&element, &PassphraseStrength::resultChanged);
    QVERIFY(element.empty());
    QVERIFY(element.label().isEmpty());
    QVERIFY(!element.hint().isEmpty()); // says what a good passphrase looks like before typing

    element.setPassphrase(QStringLiteral("password"));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(element.score(), 0);
    QCOMPARE(element.label(), QStringLiteral("Very weak"));
    QVERIFY(!element.acceptable());
    QVERIFY(element.hint().contains(QLatin1String("common")));

    element.setPassphrase(QStringLiteral("correct horse battery staple"));
    QCOMPARE(spy.count(), 2);
    QCOMPARE(element.label(), QStringLiteral("Very strong"));
    QVERIFY(element.acceptable());

    element.setPassphrase(QStringLiteral("correct horse battery staple"));
    QCOMPARE(spy.count(), 2); // no change, no signal
}

QTEST_GUILESS_MAIN(TestPassphraseStrength)
#include "tst_ui_passphrasestrength.moc"
