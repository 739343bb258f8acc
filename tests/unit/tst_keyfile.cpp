// The key file: two slots, a header bound as associated data, a MAC'ed counter,
// and a checksum. No changed byte may ever yield a key.
#include "testsupport.h"

#include "app/store/keyfile.h"

#include <QTest>

using namespace samla;
using namespace samla::store;

class TestKeyFile : public QObject {
    Q_OBJECT

    crypto::SecureBytes m_dbKey;
    crypto::SecureBytes m_recovery;

    KeyFile make()
    {
        auto kf = KeyFile::create(m_dbKey, test::secure("correct horse battery"), m_recovery, test::cheapKdf(), 7);
        Q_ASSERT(kf.ok());
        return kf.value();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(crypto::initialize().ok());
        m_dbKey = crypto::SecureBytes::random(32);
        m_recovery = crypto::SecureBytes::random(32);
    }

    void passphraseAndRecoveryBothOpenTheSameKey()
    {
        auto kf = KeyFile::parse(make().serialize());
        QVERIFY(kf.ok());
        auto viaPass = kf->unlockWithPassphrase(test::secure("correct horse battery"));
        QVERIFY(viaPass.ok());
        QVERIFY(viaPass->equals(m_dbKey));
        auto viaRecovery = kf->unlockWithRecoveryKey(m_recovery);
        QVERIFY(viaRecovery.ok());
        QVERIFY(viaRecovery->equals(m_dbKey));
        QCOMPARE(kf->counter(), 7u);
        QVERIFY(kf->verifyCounter(m_dbKey).ok());
    }

    void wrongSecretsAreRefused()
    {
        const KeyFile kf = make();
        QCOMPARE(kf.unlockWithPassphrase(test::secure("correct horse batterY")).code(), ErrorCode::WrongPassphrase);
        QCOMPARE(kf.unlockWithPassphrase(test::secure("")).code(), ErrorCode::WrongPassphrase);
        QCOMPARE(kf.unlockWithRecoveryKey(crypto::SecureBytes::random(32)).code(), ErrorCode::WrongRecoveryKey);
        QCOMPARE(kf.verifyCounter(crypto::SecureBytes::random(32)).code(), ErrorCode::Tampered);
    }

    void everyFlippedByteIsRefused()
    {
        const QByteArray good = make().serialize();
        for (qsizetype i = 0; i < good.size(); ++i) {
            QByteArray bad = good;
            bad[i] = char(bad[i] ^ 0x20);
            auto parsed = KeyFile::parse(bad);
            QVERIFY2(!parsed.ok(), qPrintable(QStringLiteral("byte %1 flipped was accepted").arg(i)));
            QVERIFY(parsed.code() == ErrorCode::Corrupt || parsed.code() == ErrorCode::Unsupported);
        }
    }

    // An attacker can recompute the plain checksum; then the AEAD and the MAC must still catch it.
    void everyFlippedByteWithRepairedChecksumYieldsNoKey()
    {
        const QByteArray good = make().serialize();
        const qsizetype body = good.size() - 32;
        int refusedByStructure = 0, refusedBySlots = 0, refusedByCounterMac = 0;
        for (qsizetype i = 8; i < body; ++i) {
            QByteArray bad = good.left(body);
            bad[i] = char(bad[i] ^ 0x01);
            bad += crypto::hash(bad);
            auto parsed = KeyFile::parse(bad);
            if (!parsed.ok()) {
                ++refusedByStructure;
                continue;
            }
            auto viaPass = parsed->unlockWithPassphrase(test::secure("correct horse battery"));
            auto viaRecovery = parsed->unlockWithRecoveryKey(m_recovery);
            if (!viaPass.ok() && !viaRecovery.ok()) {
                ++refusedBySlots;
                continue;
            }
            // Bytes neither slot binds (the recovery slot survives passphrase
            // changes, the counter sits outside both) must fail the counter MAC.
            const crypto::SecureBytes &key = viaPass.ok() ? viaPass.value() : viaRecovery.value();
            QVERIFY2(key.equals(m_dbKey), "a tampered slot opened to a different key");
            QVERIFY2(!parsed->verifyCounter(key).ok(), qPrintable(QStringLiteral("byte %1 undetected").arg(i)));
            ++refusedByCounterMac;
        }
        QVERIFY(refusedBySlots > 0);
        QVERIFY(refusedByCounterMac > 0);
        qInfo() << "refused by structure" << refusedByStructure << "slots" << refusedBySlots << "counter MAC"
                << refusedByCounterMac;
    }

    void truncatedAndForeignFilesAreRefused()
    {
        const QByteArray good = make().serialize();
        for (qsizetype n : {qsizetype(0), qsizetype(7), qsizetype(40), good.size() - 1})
            QCOMPARE(KeyFile::parse(good.left(n)).code(), ErrorCode::Corrupt);
        QCOMPARE(KeyFile::parse(good + "x").code(), ErrorCode::Corrupt);
        QCOMPARE(KeyFile::parse(QByteArray("SQLite format 3\0", 16) + QByteArray(200, '\0')).code(), ErrorCode::Corrupt);
    }

    void passphraseChangeKeepsRecoveryWorking()
    {
        KeyFile kf = make();
        const quint32 epoch = kf.keyEpoch();
        QVERIFY(kf.setPassphrase(m_dbKey, test::secure("a new and better passphrase"), test::cheapKdf()).ok());
        auto reparsed = KeyFile::parse(kf.serialize());
        QVERIFY(reparsed.ok());
        QCOMPARE(reparsed->keyEpoch(), epoch + 1);
        QCOMPARE(reparsed->unlockWithPassphrase(test::secure("correct horse battery")).code(), ErrorCode::WrongPassphrase);
        QVERIFY(reparsed->unlockWithPassphrase(test::secure("a new and better passphrase"))->equals(m_dbKey));
        QVERIFY(reparsed->unlockWithRecoveryKey(m_recovery)->equals(m_dbKey));
        QVERIFY(reparsed->verifyCounter(m_dbKey).ok());
    }

    void recoveryKeyTextRoundTripsAndForgivesHandwriting()
    {
        const crypto::SecureBytes text = KeyFile::formatRecoveryKey(m_recovery);
        const QByteArray shown(reinterpret_cast<const char *>(text.data()), qsizetype(text.size()));
        QCOMPARE(shown.size(), 52 + 12);
        QCOMPARE(shown.count('-'), 12);
        QVERIFY(!shown.contains('I') && !shown.contains('L') && !shown.contains('O') && !shown.contains('U'));
        auto parsed = KeyFile::parseRecoveryKey(text);
        QVERIFY(parsed.ok());
        QVERIFY(parsed->equals(m_recovery));

        QByteArray sloppy = shown.toLower();
        sloppy.replace('-', ' ');
        sloppy.replace('0', 'o');
        sloppy.replace('1', 'l');
        QVERIFY(KeyFile::parseRecoveryKey(test::secure(sloppy.constData()))->equals(m_recovery));

        QCOMPARE(KeyFile::parseRecoveryKey(test::secure(shown.left(20).constData())).code(), ErrorCode::WrongRecoveryKey);
        QByteArray withU = shown;
        withU[0] = 'U';
        QCOMPARE(KeyFile::parseRecoveryKey(test::secure(withU.constData())).code(), ErrorCode::WrongRecoveryKey);
    }

    void implausibleCostIsRefusedBeforeDerivation()
    {
        // A header that asks for 1 TiB of memory must not be tried.
        KeyFile kf = make();
        QByteArray bytes = kf.serialize();
        const qsizetype memOffset = 8 + 2 + 2 + 4 + 8;
        for (int i = 0; i < 8; ++i)
            bytes[memOffset + i] = char(i < 3 ? 0x01 : 0x00);
        bytes = bytes.left(bytes.size() - 32);
        bytes += crypto::hash(bytes);
        QCOMPARE(KeyFile::parse(bytes).code(), ErrorCode::Corrupt);
    }
};

QTEST_GUILESS_MAIN(TestKeyFile)
#include "tst_keyfile.moc"
