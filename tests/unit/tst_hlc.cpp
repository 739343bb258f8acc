// Hybrid logical clock: stamps only ever increase, whatever the wall clock does.
#include "sync/protocol/canonicalcbor.h"
#include "sync/protocol/hlc.h"

#include <QCborArray>
#include <QTest>

#include <limits>

using namespace samla;
using namespace samla::protocol;

class TestHlc : public QObject {
    Q_OBJECT
private slots:
    void monotonicWhenClockStandsStill()
    {
        ManualClock clock(1000);
        HlcClock hlc(clock, QByteArray(16, 'a'));
        const HlcStamp a = hlc.now();
        const HlcStamp b = hlc.now();
        QVERIFY(b > a);
        QCOMPARE(b.physicalMs, 1000);
        QCOMPARE(b.counter, 1u);
    }

    void monotonicWhenClockJumpsBackwards()
    {
        ManualClock clock(50'000);
        HlcClock hlc(clock, QByteArray(16, 'a'));
        HlcStamp previous = hlc.now();
        clock.set(10'000); // NTP correction, or a user setting the date by hand
        for (int i = 0; i < 100; ++i) {
            const HlcStamp next = hlc.now();
            QVERIFY2(next > previous, qPrintable(next.toString() + QStringLiteral(" <= ") + previous.toString()));
            previous = next;
        }
        clock.set(60'000);
        const HlcStamp later = hlc.now();
        QCOMPARE(later.physicalMs, 60'000);
        QCOMPARE(later.counter, 0u);
        QVERIFY(later > previous);
    }

    void restoredClockContinuesAfterLastPersistedStamp()
    {
        ManualClock clock(90'000);
        HlcClock first(clock, QByteArray(16, 'a'));
        const HlcStamp persisted = first.now();
        clock.set(1'000); // restarted with a clock far in the past
        HlcClock second(clock, QByteArray(16, 'a'), persisted);
        QVERIFY(second.now() > persisted);
    }

    void receiveMovesPastRemoteStamps()
    {
        ManualClock clock(1000);
        HlcClock hlc(clock, QByteArray(16, 'a'));
        HlcStamp remote{5000, 7, QByteArray(16, 'b')};
        const HlcStamp merged = hlc.receive(remote);
        QVERIFY(merged > remote);
        QVERIFY(hlc.now() > merged);
    }

    // Found by fuzz_hlc: a stamp whose counter is full (any peer can send one)
    // wrapped the counter to 0, so the next stamp sorted before the remote one
    // and this device's later edits lost to an older version.
    void counterFullMovesToNextMillisecond()
    {
        ManualClock clock(1000);
        HlcClock hlc(clock, QByteArray(16, 'a'));
        const HlcStamp remote{5000, std::numeric_limits<std::uint32_t>::max(), QByteArray(16, 'b')};
        const HlcStamp received = hlc.receive(remote);
        QVERIFY2(received > remote, qPrintable(received.toString()));
        QCOMPARE(received.physicalMs, 5001);
        QCOMPARE(received.counter, 0u);
        const HlcStamp next = hlc.now();
        QVERIFY(next > received);

        HlcClock local(clock, QByteArray(16, 'c'), HlcStamp{1000, std::numeric_limits<std::uint32_t>::max(), {}});
        const HlcStamp after = local.now();
        QCOMPARE(after.physicalMs, 1001);
        QCOMPARE(after.counter, 0u);
    }

    void bytesRoundTripAndSortLikeStamps()
    {
        const HlcStamp a{1'700'000'000'000, 2, QByteArray(16, 'a')};
        const HlcStamp b{1'700'000'000'000, 10, QByteArray(16, 'a')};
        const HlcStamp c{1'700'000'000'001, 0, QByteArray(16, 'a')};
        bool ok = false;
        QCOMPARE(HlcStamp::fromBytes(a.toBytes(), &ok), a);
        QVERIFY(ok);
        QVERIFY(a.toBytes() < b.toBytes());
        QVERIFY(b.toBytes() < c.toBytes());
        HlcStamp::fromBytes(QByteArray(5, 'x'), &ok);
        QVERIFY(!ok);
    }

    void canonicalCborIgnoresInsertionOrder()
    {
        QCborMap one;
        one.insert(QStringLiteral("zeta"), 1);
        one.insert(QStringLiteral("a"), QCborMap{{QStringLiteral("y"), 2}, {QStringLiteral("b"), 3}});
        QCborMap two;
        two.insert(QStringLiteral("a"), QCborMap{{QStringLiteral("b"), 3}, {QStringLiteral("y"), 2}});
        two.insert(QStringLiteral("zeta"), 1);
        QCOMPARE(encodeCanonical(one), encodeCanonical(two));
        // RFC 8949 §4.2.1: keys ordered by their encoded bytes, so "a" (0x61 0x61) precedes "zeta".
        const QByteArray bytes = encodeCanonical(one);
        QVERIFY(bytes.indexOf("\x61\x61") < bytes.indexOf("zeta"));
        QCOMPARE(quint8(bytes.at(0)), quint8(0xa2)); // definite-length map of two
    }
};

QTEST_GUILESS_MAIN(TestHlc)
#include "tst_hlc.moc"
