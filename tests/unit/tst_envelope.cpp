// Envelopes: what the server sees is only the header; every change to any byte is refused.
#include "testsupport.h"

#include "sync/protocol/canonicalcbor.h"
#include "sync/protocol/envelope.h"
#include "sync/protocol/strictcbor.h"

#include <QCborArray>
#include <QCborMap>
#include <QTest>

using namespace samla;
using namespace samla::protocol;
using samla::crypto::BoxKeyPair;

namespace {

EnvelopeHeader sampleHeader(const QByteArray &device)
{
    EnvelopeHeader h;
    h.projectId = QStringLiteral("5f0e9a3c-1111-4c2a-9d7e-000000000001");
    h.recordId = QStringLiteral("5f0e9a3c-2222-4c2a-9d7e-000000000002");
    h.kind = QStringLiteral("note");
    h.participantRef = QByteArray(32, '\x07');
    h.keyEpoch = 3;
    h.authorDevice = device;
    h.deviceSeq = 42;
    h.opId = QByteArray(16, '\x09');
    h.hlc = HlcStamp{1'750'000'000'123, 4, QByteArray(16, '\x05')};
    return h;
}

} // namespace

class TestEnvelope : public QObject {
    Q_OBJECT
    crypto::SignKeyPair m_device;
    crypto::SecureBytes m_projectKey;

private slots:
    void initTestCase()
    {
        QVERIFY(crypto::initialize().ok());
        m_device = crypto::generateSignKeyPair();
        m_projectKey = crypto::SecureBytes::random(32);
    }

    void sealDecodeOpenRoundTrip()
    {
        const QByteArray body = "CANARY field note body: Åsa said the coffee helped";
        auto sealed = sealEnvelope(sampleHeader(m_device.publicKey), body, m_projectKey, m_device.secretKey);
        QVERIFY(sealed.ok());
        const QByteArray wire = sealed->encode();
        QVERIFY2(!wire.contains("CANARY"), "the body travels in clear");
        QVERIFY(!wire.contains("coffee"));

        auto decoded = decodeEnvelope(wire);
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->header, sampleHeader(m_device.publicKey));
        QVERIFY(verifyEnvelope(decoded.value()).ok());
        QCOMPARE(openEnvelope(decoded.value(), m_projectKey).value(), body);
        // Re-encoding is byte-identical: the server can store and forward exactly what it got.
        QCOMPARE(decoded->encode(), wire);
    }

    void everyFlippedByteIsRefused()
    {
        auto sealed = sealEnvelope(sampleHeader(m_device.publicKey), QByteArray(300, 'x'), m_projectKey,
                                   m_device.secretKey);
        const QByteArray wire = sealed->encode();
        for (qsizetype i = 0; i < wire.size(); ++i) {
            QByteArray bad = wire;
            bad[i] = char(bad[i] ^ 0x01);
            auto decoded = decodeEnvelope(bad);
            if (!decoded.ok())
                continue; // structure refused it
            QVERIFY2(!openEnvelope(decoded.value(), m_projectKey).ok(),
                     qPrintable(QStringLiteral("flipped byte %1 accepted").arg(i)));
        }
    }

    void wrongKeysAreRefused()
    {
        auto sealed = sealEnvelope(sampleHeader(m_device.publicKey), "body", m_projectKey, m_device.secretKey);
        QCOMPARE(openEnvelope(sealed.value(), crypto::SecureBytes::random(32)).code(), ErrorCode::Tampered);
        // A header naming another device's key: the signature no longer verifies.
        Envelope forged = sealed.value();
        forged.header.authorDevice = crypto::generateSignKeyPair().publicKey;
        QCOMPARE(verifyEnvelope(forged).code(), ErrorCode::Tampered);
    }

    void malformedInputIsRefused_data()
    {
        QTest::addColumn<QByteArray>("wire");
        auto sealed = sealEnvelope(sampleHeader(m_device.publicKey), "body", m_projectKey, m_device.secretKey);
        const QByteArray good = sealed->encode();
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("truncated") << good.left(good.size() - 1);
        QTest::newRow("trailing byte") << good + '\x00';
        QTest::newRow("not a map") << encodeCanonical(QCborValue(QCborArray{1, 2}));
        QTest::newRow("float") << QByteArray::fromHex("a1617afb3ff0000000000000");
        QTest::newRow("indefinite map") << QByteArray::fromHex("bf617601ff");
        QTest::newRow("non-shortest integer") << QByteArray::fromHex("a161761801");
        QTest::newRow("unsorted keys") << QByteArray::fromHex("a261760161610a");
        QTest::newRow("duplicate keys") << QByteArray::fromHex("a26176016176 01");
        QTest::newRow("tag") << QByteArray::fromHex("c11a5f000000");
        QCborMap extra = QCborValue::fromCbor(good).toMap();
        extra.insert(QStringLiteral("x"), 1);
        QTest::newRow("unknown field") << encodeCanonical(extra);
        QCborMap shortSig = QCborValue::fromCbor(good).toMap();
        shortSig.insert(QStringLiteral("s"), QByteArray(63, 's'));
        QTest::newRow("short signature") << encodeCanonical(shortSig);
        QCborMap v2 = QCborValue::fromCbor(good).toMap();
        v2.insert(QStringLiteral("v"), 2);
        QTest::newRow("future version") << encodeCanonical(v2);
        QTest::newRow("deep nesting") << QByteArray(5000, '\x81') + '\x01';
        QTest::newRow("huge length claim") << QByteArray::fromHex("5bffffffffffffffff");
    }
    void malformedInputIsRefused()
    {
        QFETCH(QByteArray, wire);
        wire.replace(' ', QByteArray());
        auto decoded = decodeEnvelope(wire);
        QVERIFY(!decoded.ok());
        QCOMPARE(decoded.code(), ErrorCode::Corrupt);
    }

    void oversizedInputIsRefusedBeforeParsing()
    {
        auto sealed = sealEnvelope(sampleHeader(m_device.publicKey), QByteArray(10'000, 'b'), m_projectKey,
                                   m_device.secretKey);
        auto decoded = decodeEnvelope(sealed->encode(), DecodeLimits{4096});
        QCOMPARE(decoded.code(), ErrorCode::Corrupt);
        QVERIFY(decoded.error().detail.contains(QStringLiteral("larger")));
    }

    void headerFieldsAreRangeChecked()
    {
        EnvelopeHeader h = sampleHeader(m_device.publicKey);
        h.deviceSeq = 0; // sequences start at 1
        QCOMPARE(sealEnvelope(h, "b", m_projectKey, m_device.secretKey).code(), ErrorCode::Corrupt);
        h = sampleHeader(m_device.publicKey);
        h.opId = QByteArray(15, 'o');
        QCOMPARE(sealEnvelope(h, "b", m_projectKey, m_device.secretKey).code(), ErrorCode::Corrupt);
        h = sampleHeader(m_device.publicKey);
        h.kind.clear();
        QCOMPARE(sealEnvelope(h, "b", m_projectKey, m_device.secretKey).code(), ErrorCode::Corrupt);
    }

    // A write-only device's submission: sealed to the submission public key,
    // opened only with the key pair a reader derives from the project key;
    // the sender holds nothing that opens it, every changed byte is refused,
    // and a submission cannot pass for a project-key envelope or back.
    void submissionsOpenOnlyWithTheDerivedKey()
    {
        const BoxKeyPair pair = submissionKeyPair(m_projectKey);
        QCOMPARE(submissionKeyPair(m_projectKey).publicKey, pair.publicKey);   // the same for every reader
        QVERIFY(submissionKeyPair(crypto::SecureBytes::random(32)).publicKey != pair.publicKey);
        EnvelopeHeader h = sampleHeader(m_device.publicKey);
        h.submission = true;
        const QByteArray body = "CANARY diary: slept badly, walked to the shop";
        auto sealed = sealSubmission(h, body, pair.publicKey, m_device.secretKey);
        QVERIFY(sealed.ok());
        const QByteArray wire = sealed->encode();
        QVERIFY(!wire.contains("CANARY"));
        auto decoded = decodeEnvelope(wire);
        QVERIFY(decoded.ok());
        QVERIFY(decoded->header.submission);
        QCOMPARE(decoded->header, h);
        QCOMPARE(openSubmission(decoded.value(), pair).value(), body);
        QCOMPARE(decoded->encode(), wire);
        // Neither the project key itself nor another key pair opens it.
        QVERIFY(!openEnvelope(decoded.value(), m_projectKey).ok());
        QCOMPARE(openSubmission(decoded.value(), crypto::generateBoxKeyPair()).code(), ErrorCode::Tampered);
        // Two submissions of the same text differ (a fresh key per op).
        QVERIFY(sealSubmission(h, body, pair.publicKey, m_device.secretKey)->body != sealed->body);
        for (qsizetype i = 0; i < wire.size(); ++i) {
            QByteArray bad = wire;
            bad[i] = char(bad[i] ^ 0x01);
            auto changed = decodeEnvelope(bad);
            if (!changed.ok())
                continue;
            QVERIFY2(!openSubmission(changed.value(), pair).ok(), qPrintable(QStringLiteral("flipped byte %1 accepted").arg(i)));
        }
        // The header says which it is, and the sealers hold to it.
        QCOMPARE(sealEnvelope(h, body, m_projectKey, m_device.secretKey).code(), ErrorCode::InvalidArgument);
        QCOMPARE(sealSubmission(sampleHeader(m_device.publicKey), body, pair.publicKey, m_device.secretKey).code(),
                 ErrorCode::InvalidArgument);
        // Only "sub": 1 is a submission mark; any other value is refused.
        QCborMap header = QCborValue::fromCbor(encodeHeader(h)).toMap();
        header.insert(QStringLiteral("sub"), 0);
        QCOMPARE(decodeHeader(encodeCanonical(header)).code(), ErrorCode::Corrupt);
    }

    // An erasure says so in the clear header, with the attachment blobs the
    // server must delete; the mark is signed like the rest of the header.
    void erasureMarkRoundTripsAndIsChecked()
    {
        EnvelopeHeader h = sampleHeader(m_device.publicKey);
        h.erasure = true;
        h.erasedBlobs = {QByteArray(32, '\x01'), QByteArray(32, '\x02')};
        auto sealed = sealEnvelope(h, "{}", m_projectKey, m_device.secretKey);
        QVERIFY(sealed.ok());
        auto decoded = decodeEnvelope(sealed->encode());
        QVERIFY(decoded.ok());
        QVERIFY(decoded->header.erasure);
        QCOMPARE(decoded->header.erasedBlobs, h.erasedBlobs);
        QCOMPARE(decoded->header, h);
        QVERIFY(verifyEnvelope(decoded.value()).ok());
        // Without the mark, the header has no "era" at all.
        QVERIFY(!QCborValue::fromCbor(encodeHeader(sampleHeader(m_device.publicKey))).toMap().contains(QStringLiteral("era")));

        const QCborMap good = QCborValue::fromCbor(encodeHeader(h)).toMap();
        const auto refusedWith = [&](auto change) {
            QCborMap bad = good;
            change(bad);
            return decodeHeader(encodeCanonical(bad)).code();
        };
        // "era" only as 1; blobs only with "era", 32 bytes each, 1 to kMaxErasedBlobs of them.
        QCOMPARE(refusedWith([](QCborMap &m) { m.insert(QStringLiteral("era"), 2); }), ErrorCode::Corrupt);
        QCOMPARE(refusedWith([](QCborMap &m) { m.remove(QStringLiteral("era")); }), ErrorCode::Corrupt);
        QCOMPARE(refusedWith([](QCborMap &m) { m.insert(QStringLiteral("eblobs"), QCborArray{QByteArray(31, 'x')}); }),
                 ErrorCode::Corrupt);
        QCOMPARE(refusedWith([](QCborMap &m) { m.insert(QStringLiteral("eblobs"), QCborArray{QStringLiteral("ab")}); }),
                 ErrorCode::Corrupt);
        QCOMPARE(refusedWith([](QCborMap &m) { m.insert(QStringLiteral("eblobs"), QCborArray()); }), ErrorCode::Corrupt);
        QCOMPARE(refusedWith([](QCborMap &m) {
                     QCborArray many;
                     for (int i = 0; i <= kMaxErasedBlobs; ++i)
                         many.append(QByteArray(32, 'x'));
                     m.insert(QStringLiteral("eblobs"), many);
                 }),
                 ErrorCode::Corrupt);
        // A write-only device's submission can never erase.
        QCOMPARE(refusedWith([](QCborMap &m) { m.insert(QStringLiteral("sub"), 1); }), ErrorCode::Corrupt);
        QVERIFY(decodeHeader(encodeCanonical(good)).ok());
    }
};

QTEST_GUILESS_MAIN(TestEnvelope)
#include "tst_envelope.moc"
