// Tests for the crypto facade: secure memory, AEAD, key wrapping, Argon2id,
// streams, signatures and sealed boxes.
#include "platform/crypto/crypto.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QtEndian>

#include <atomic>
#include <thread>
#include <vector>

Q_DECLARE_METATYPE(samla::ErrorCode)

namespace samla {
// Found by QCOMPARE through ADL: failures print "tampered", not a number.
char *toString(ErrorCode code)
{
    return qstrdup(errorCodeName(code));
}
} // namespace samla

using namespace samla;
using namespace samla::crypto;

namespace {

SecureBytes secureFrom(const QByteArray &bytes)
{
    return SecureBytes(reinterpret_cast<const std::uint8_t *>(bytes.constData()), std::size_t(bytes.size()));
}

QByteArray bytesOf(const SecureBytes &s)
{
    return s.view().toByteArray();
}

QByteArray pattern(qsizetype size)
{
    QByteArray out(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        out[i] = char((i * 131 + 7) & 0xff);
    return out;
}

QByteArray flipBit(QByteArray bytes, qsizetype index, int bit = 0)
{
    bytes[index] = char(bytes[index] ^ (1 << bit));
    return bytes;
}

// --- stream helpers ---
constexpr qsizetype kStreamHead = 8 + 4 + 24;
constexpr qsizetype kChunkOverhead = 17;

qsizetype chunkCount(qsizetype plainSize, qsizetype chunk)
{
    return plainSize == 0 ? 1 : (plainSize + chunk - 1) / chunk;
}

QByteArray encryptBytes(const SecureBytes &key, const QByteArray &plain, std::uint32_t chunk)
{
    QBuffer in;
    in.setData(plain);
    in.open(QIODevice::ReadOnly);
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    const Status status = encryptStream(key, in, out, chunk);
    return status.ok() ? out.data() : QByteArray();
}

struct Decrypted {
    Status status;
    QByteArray plain;
};

Decrypted decryptBytes(const SecureBytes &key, const QByteArray &cipher)
{
    QBuffer in;
    in.setData(cipher);
    in.open(QIODevice::ReadOnly);
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    Status status = decryptStream(key, in, out);
    return { std::move(status), out.data() };
}

// A device that accepts `limit` bytes and then fails like a full or broken disk.
class FailingDevice : public QIODevice {
public:
    FailingDevice(QString why, qint64 limit)
        : m_why(std::move(why))
        , m_limit(limit)
    {
    }

protected:
    qint64 readData(char *, qint64) override
    {
        setErrorString(m_why);
        return -1;
    }
    qint64 writeData(const char *, qint64 size) override
    {
        if (m_written + size > m_limit) {
            setErrorString(m_why);
            return -1;
        }
        m_written += size;
        return size;
    }

private:
    QString m_why;
    qint64 m_limit;
    qint64 m_written = 0;
};

} // namespace

class TestCrypto : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(initialize().ok()); }
    // An unexpected warning is a failure; tests that expect one say so.
    void init() { QTest::failOnWarning(QRegularExpression(QStringLiteral("."))); }

    void selfTestPasses()
    {
        const Status status = selfTest();
        QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().detail));
    }

    void initializeIsIdempotentAndThreadSafe()
    {
        QVERIFY(initialize().ok());
        QVERIFY(initialize().ok());
        std::atomic<int> failures { 0 };
        std::vector<std::thread> threads;
        for (int i = 0; i < 4; ++i)
            threads.emplace_back([&failures] {
                if (!initialize().ok())
                    ++failures;
            });
        for (auto &t : threads)
            t.join();
        QCOMPARE(failures.load(), 0);
    }

    // --- SecureBytes --------------------------------------------------------
    void secureBytesZeroSizeAllocatesNothing()
    {
        for (const SecureBytes &s :
            { SecureBytes(), SecureBytes(0), SecureBytes::random(0), SecureBytes().clone() }) {
            QVERIFY(s.isEmpty());
            QCOMPARE(s.size(), std::size_t(0));
            QVERIFY(s.data() == nullptr);
        }
        QVERIFY(SecureBytes().equals(SecureBytes(0)));
    }

    void secureBytesSizedIsZeroFilledAndCopies()
    {
        QCOMPARE(bytesOf(SecureBytes(48)), QByteArray(48, '\0'));
        const QByteArray source = pattern(40);
        QCOMPARE(bytesOf(secureFrom(source)), source);
    }

    void secureBytesMove()
    {
        SecureBytes a = secureFrom("secret key bytes");
        const std::uint8_t *buffer = a.data();
        SecureBytes b(std::move(a));
        QVERIFY(a.isEmpty()
            && a.data() == nullptr); // NOLINT(bugprone-use-after-move): the moved-from state is the point
        QVERIFY(b.data() == buffer);
        QCOMPARE(bytesOf(b), QByteArray("secret key bytes"));
        SecureBytes c = SecureBytes::random(8);
        c = std::move(b);
        QVERIFY(b.isEmpty()); // NOLINT(bugprone-use-after-move)
        QVERIFY(c.data() == buffer);
        QCOMPARE(bytesOf(c), QByteArray("secret key bytes"));
    }

    void secureBytesEquals_data()
    {
        QTest::addColumn<QByteArray>("a");
        QTest::addColumn<QByteArray>("b");
        QTest::addColumn<bool>("equal");
        const QByteArray key = pattern(32);
        QTest::newRow("same") << key << key << true;
        QTest::newRow("last byte differs") << key << flipBit(key, 31) << false;
        QTest::newRow("first byte differs") << key << flipBit(key, 0, 7) << false;
        QTest::newRow("prefix") << key << key.left(31) << false;
        QTest::newRow("longer") << key << key + 'x' << false;
        QTest::newRow("empty vs non-empty") << QByteArray() << key << false;
        QTest::newRow("both empty") << QByteArray() << QByteArray() << true;
    }

    void secureBytesEquals()
    {
        QFETCH(QByteArray, a);
        QFETCH(QByteArray, b);
        QFETCH(bool, equal);
        QCOMPARE(secureFrom(a).equals(secureFrom(b)), equal);
        QCOMPARE(secureFrom(b).equals(secureFrom(a)), equal);
    }

    void secureBytesCloneIsIndependent()
    {
        const SecureBytes original = secureFrom(pattern(32));
        SecureBytes copy = original.clone();
        QVERIFY(copy.equals(original));
        QVERIFY(copy.data() != original.data());
        copy.data()[0] ^= 1;
        QVERIFY(!copy.equals(original));
        QCOMPARE(bytesOf(original), pattern(32));
    }

    void secureBytesRandom()
    {
        const SecureBytes a = SecureBytes::random(32);
        const SecureBytes b = SecureBytes::random(32);
        QCOMPARE(a.size(), std::size_t(32));
        QVERIFY(!a.equals(b));
        QVERIFY(bytesOf(a) != QByteArray(32, '\0'));
    }

    void fromUtf8AndWipe_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("ascii") << QByteArray("correct horse battery staple");
        QTest::newRow("non-ascii") << QStringLiteral(u"pässwörd ✓ 密码").toUtf8();
        QTest::newRow("empty") << QByteArray();
    }

    void fromUtf8AndWipe()
    {
        QFETCH(QByteArray, text);
        const QByteArray expected(text.constData(), text.size()); // a deep copy
        const SecureBytes secret = SecureBytes::fromUtf8AndWipe(text);
        QCOMPARE(bytesOf(secret), expected);
        QCOMPARE(text.size(), expected.size());
        QCOMPARE(text, QByteArray(expected.size(), '\0'));
    }

    void fromUtf8AndWipeDetachesSharedCopies()
    {
        // Wiping through a shared buffer would corrupt the other owner's copy.
        const QByteArray other("shared passphrase");
        QByteArray text = other;
        const SecureBytes secret = SecureBytes::fromUtf8AndWipe(text);
        QCOMPARE(other, QByteArray("shared passphrase"));
        QCOMPARE(text, QByteArray(other.size(), '\0'));
        QCOMPARE(bytesOf(secret), other);
    }

    // --- hashing, subkeys, hex ----------------------------------------------
    void hashKnownAnswers_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QByteArray>("expected");
        // BLAKE2b-256, cross-checked with Python's hashlib.blake2b(digest_size=32).
        QTest::newRow("abc") << QByteArray(
            "abc") << QByteArray::fromHex("bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
        QTest::newRow("empty") << QByteArray()
                               << QByteArray::fromHex(
                                      "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
    }

    void hashKnownAnswers()
    {
        QFETCH(QByteArray, data);
        QFETCH(QByteArray, expected);
        QCOMPARE(hash(data), expected);
    }

    void keyedHash()
    {
        const SecureBytes key = secureFrom(QByteArray::fromHex("000102030405060708090a0b0c0d0e0f"
                                                               "101112131415161718191a1b1c1d1e1f"));
        // hashlib.blake2b(b"abc", digest_size=32, key=bytes(range(32)))
        QCOMPARE(crypto::keyedHash(key, "abc"),
            QByteArray::fromHex("d63a32d3e44738d7907f964316c241adaba0abfeabc32349677578a15a203f7f"));
        QVERIFY(crypto::keyedHash(SecureBytes::random(32), "abc") != crypto::keyedHash(key, "abc"));
        QCOMPARE(crypto::keyedHash(SecureBytes::random(16), "abc").size(), 32);
        QCOMPARE(crypto::keyedHash(SecureBytes::random(64), "abc").size(), 32);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("keyed hash refused")));
        QVERIFY(crypto::keyedHash(SecureBytes::random(15), "abc").isEmpty());
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("keyed hash refused")));
        QVERIFY(crypto::keyedHash(SecureBytes::random(65), "abc").isEmpty());
    }

    void deriveSubkey()
    {
        SecureBytes master(32);
        for (std::size_t i = 0; i < master.size(); ++i)
            master.data()[i] = std::uint8_t(i);
        // libsodium test/default/kdf.exp: context "KDF test", id 32, 32 bytes.
        const SecureBytes subkey = crypto::deriveSubkey(master, 32, "KDF test");
        QCOMPARE(bytesOf(subkey),
            QByteArray::fromHex("154b291f11196737f8b7f491e4ca11764e0227d34f94295408a869f007aa8618"));
        QVERIFY(crypto::deriveSubkey(master, 32, "KDF test").equals(subkey));
        QVERIFY(!crypto::deriveSubkey(master, 33, "KDF test").equals(subkey));
        QVERIFY(!crypto::deriveSubkey(master, 32, "samlaatt").equals(subkey));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("subkey derivation refused")));
        QVERIFY(crypto::deriveSubkey(SecureBytes::random(16), 1, "samlaatt").isEmpty());
    }

    void toHexSecure_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("three") << QByteArray::fromHex("00ff10");
        QTest::newRow("key") << pattern(32);
    }

    void toHexSecure()
    {
        QFETCH(QByteArray, bytes);
        const SecureBytes hex = crypto::toHexSecure(secureFrom(bytes));
        QCOMPARE(hex.size(), std::size_t(bytes.size()) * 2);
        QCOMPARE(bytesOf(hex), bytes.toHex());
    }

    void randomBytes()
    {
        QVERIFY(crypto::randomBytes(0).isEmpty());
        QCOMPARE(crypto::randomBytes(24).size(), 24);
        QVERIFY(crypto::randomBytes(32) != crypto::randomBytes(32));
    }

    // --- AEAD -------------------------------------------------------------------
    void aeadRoundTrip_data()
    {
        QTest::addColumn<QByteArray>("plaintext");
        QTest::addColumn<QByteArray>("ad");
        QTest::newRow("empty") << QByteArray() << QByteArray();
        QTest::newRow("one byte") << QByteArray("x") << QByteArray();
        QTest::newRow("with ad") << QByteArray("visit 3: blood pressure 120/80")
                                 << QByteArray("record:42|v1");
        QTest::newRow("64 KiB") << pattern(64 * 1024) << QByteArray("header");
    }

    void aeadRoundTrip()
    {
        QFETCH(QByteArray, plaintext);
        QFETCH(QByteArray, ad);
        const SecureBytes key = SecureBytes::random(kKeyBytes);
        const QByteArray sealed = aeadSeal(key, plaintext, ad);
        QCOMPARE(sealed.size(), plaintext.size() + qsizetype(kAeadNonceBytes + kAeadTagBytes));
        QVERIFY(plaintext.size() < 16 || !sealed.contains(plaintext));
        const auto opened = aeadOpen(key, sealed, ad);
        QVERIFY(opened.ok());
        QCOMPARE(opened.value(), plaintext);
    }

    void aeadNonceIsFreshPerSeal()
    {
        const SecureBytes key = SecureBytes::random(kKeyBytes);
        const QByteArray a = aeadSeal(key, "same", "ad");
        const QByteArray b = aeadSeal(key, "same", "ad");
        QVERIFY(a.left(kAeadNonceBytes) != b.left(kAeadNonceBytes));
        QVERIFY(a != b);
    }

    void aeadEveryBitFlipIsTampered()
    {
        const SecureBytes key = SecureBytes::random(kKeyBytes);
        const QByteArray sealed = aeadSeal(key, "participant 17 withdrew consent", "record:17");
        for (qsizetype i = 0; i < sealed.size(); ++i)
            for (int bit = 0; bit < 8; ++bit)
                QCOMPARE(aeadOpen(key, flipBit(sealed, i, bit), "record:17").code(), ErrorCode::Tampered);
    }

    void aeadChangedAdIsTampered()
    {
        const SecureBytes key = SecureBytes::random(kKeyBytes);
        const QByteArray ad("v1|project:7|record:42");
        const QByteArray sealed = aeadSeal(key, "body", ad);
        for (qsizetype i = 0; i < ad.size(); ++i)
            QCOMPARE(aeadOpen(key, sealed, flipBit(ad, i)).code(), ErrorCode::Tampered);
        QCOMPARE(aeadOpen(key, sealed, QByteArray()).code(), ErrorCode::Tampered);
        QCOMPARE(aeadOpen(key, sealed, ad + '\0').code(), ErrorCode::Tampered);
        QCOMPARE(aeadOpen(key, sealed, ad.chopped(1)).code(), ErrorCode::Tampered);
    }

    void aeadTruncatedBlob()
    {
        const SecureBytes key = SecureBytes::random(kKeyBytes);
        const QByteArray sealed = aeadSeal(key, "twelve bytes", "");
        const auto overhead = qsizetype(kAeadNonceBytes + kAeadTagBytes);
        for (qsizetype size = 0; size < sealed.size(); ++size) {
            const ErrorCode expected = size < overhead ? ErrorCode::Corrupt : ErrorCode::Tampered;
            QCOMPARE(aeadOpen(key, sealed.left(size), "").code(), expected);
        }
    }

    void aeadWrongKey()
    {
        const SecureBytes key = SecureBytes::random(kKeyBytes);
        const QByteArray sealed = aeadSeal(key, "body", "ad");
        QCOMPARE(aeadOpen(SecureBytes::random(kKeyBytes), sealed, "ad").code(), ErrorCode::Tampered);
        QCOMPARE(aeadOpen(SecureBytes::random(16), sealed, "ad").code(), ErrorCode::InvalidArgument);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("aead seal refused")));
        QVERIFY(aeadSeal(SecureBytes::random(31), "body", "ad").isEmpty());
    }

    void wrapUnwrapRoundTrip()
    {
        const SecureBytes kek = SecureBytes::random(kKeyBytes);
        const SecureBytes key = SecureBytes::random(kKeyBytes);
        const QByteArray wrapped = wrapKey(kek, key, "keyfile-v1");
        QCOMPARE(wrapped.size(), qsizetype(kKeyBytes + kAeadNonceBytes + kAeadTagBytes));
        QVERIFY(!wrapped.contains(bytesOf(key)));
        const auto unwrapped = unwrapKey(kek, wrapped, "keyfile-v1");
        QVERIFY(unwrapped.ok());
        QVERIFY(unwrapped.value().equals(key));
    }

    void wrapKeyTamperIsRefused()
    {
        const SecureBytes kek = SecureBytes::random(kKeyBytes);
        const SecureBytes key = SecureBytes::random(kKeyBytes);
        const QByteArray wrapped = wrapKey(kek, key, "keyfile-v1");
        for (qsizetype i = 0; i < wrapped.size(); ++i)
            QCOMPARE(
                unwrapKey(kek, flipBit(wrapped, i, int(i % 8)), "keyfile-v1").code(), ErrorCode::Tampered);
        QCOMPARE(unwrapKey(kek, wrapped, "keyfile-v2").code(), ErrorCode::Tampered);
        QCOMPARE(
            unwrapKey(SecureBytes::random(kKeyBytes), wrapped, "keyfile-v1").code(), ErrorCode::Tampered);
        QCOMPARE(unwrapKey(kek, wrapped.left(39), "keyfile-v1").code(), ErrorCode::Corrupt);
    }

    // --- Argon2id ---------------------------------------------------------------
    void argon2IsDeterministic()
    {
        const Argon2Params params { 2, 1024 * 1024 };
        const QByteArray salt = QByteArray::fromHex("000102030405060708090a0b0c0d0e0f");
        QByteArray text("correct horse battery staple");
        const SecureBytes passphrase = SecureBytes::fromUtf8AndWipe(text);
        const auto a = deriveKeyFromPassphrase(passphrase, salt, params);
        const auto b = deriveKeyFromPassphrase(passphrase, salt, params);
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(a.value().size(), kKeyBytes);
        QVERIFY(a.value().equals(b.value()));
        // Pinned with a direct crypto_pwhash(ALG_ARGON2ID13) call written
        // separately: catches a changed algorithm or argument mix-up.
        QCOMPARE(bytesOf(a.value()),
            QByteArray::fromHex("58782fc96f06a6d7fcec4728099f6a788ee98a04f4cd8fa0a27af6db8b7a46b8"));
    }

    void argon2DependsOnEveryInput()
    {
        const Argon2Params params { 2, 1024 * 1024 };
        const QByteArray salt = crypto::randomBytes(kSaltBytes);
        const SecureBytes passphrase = secureFrom("passphrase");
        const auto base = deriveKeyFromPassphrase(passphrase, salt, params);
        QVERIFY(base.ok());
        const auto otherSalt = deriveKeyFromPassphrase(passphrase, flipBit(salt, 15), params);
        const auto otherPass = deriveKeyFromPassphrase(secureFrom("passphrasf"), salt, params);
        const auto otherOps = deriveKeyFromPassphrase(passphrase, salt, { 3, 1024 * 1024 });
        const auto otherMem = deriveKeyFromPassphrase(passphrase, salt, { 2, 2 * 1024 * 1024 });
        for (const auto *other : { &otherSalt, &otherPass, &otherOps, &otherMem }) {
            QVERIFY(other->ok());
            QVERIFY(!other->value().equals(base.value()));
        }
    }

    void argon2RefusesBadInput_data()
    {
        QTest::addColumn<int>("saltSize");
        QTest::addColumn<qulonglong>("ops");
        QTest::addColumn<qulonglong>("mem");
        QTest::newRow("empty salt") << 0 << 2ull << 1048576ull;
        QTest::newRow("salt 15") << 15 << 2ull << 1048576ull;
        QTest::newRow("salt 17") << 17 << 2ull << 1048576ull;
        QTest::newRow("salt 32") << 32 << 2ull << 1048576ull;
        QTest::newRow("ops 0") << 16 << 0ull << 1048576ull;
        QTest::newRow("mem 0") << 16 << 2ull << 0ull;
        QTest::newRow("mem below minimum") << 16 << 2ull << 8191ull;
    }

    void argon2RefusesBadInput()
    {
        QFETCH(int, saltSize);
        QFETCH(qulonglong, ops);
        QFETCH(qulonglong, mem);
        const auto key = deriveKeyFromPassphrase(secureFrom("pass"), QByteArray(saltSize, 's'), { ops, mem });
        QCOMPARE(key.code(), ErrorCode::InvalidArgument);
    }

    void calibrateArgon2MeetsFloor()
    {
        QElapsedTimer timer;
        timer.start();
        const Argon2Params params = calibrateArgon2(std::chrono::milliseconds(200));
        QVERIFY2(
            params.memLimitBytes >= kArgon2MinMemBytes, QByteArray::number(params.memLimitBytes).constData());
        QVERIFY2(params.opsLimit >= 2, QByteArray::number(params.opsLimit).constData());
        QVERIFY2(timer.elapsed() < 5000, QByteArray::number(timer.elapsed()).constData()); // budget is ~3 s
    }

    void calibrateArgon2HonoursHigherMinimum()
    {
        // A target the floor already exceeds: the floor itself comes back.
        const std::uint64_t minimum = 96ull * 1024 * 1024;
        const Argon2Params params = calibrateArgon2(std::chrono::milliseconds(1), minimum);
        QCOMPARE(params.memLimitBytes, minimum);
        QCOMPARE(params.opsLimit, std::uint64_t(2));
    }

    // --- streams ----------------------------------------------------------------
    void streamRoundTrip_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<uint>("chunk");
        QTest::newRow("empty") << 0 << 1024u;
        QTest::newRow("one byte") << 1 << 1024u;
        QTest::newRow("exactly one chunk") << 1024 << 1024u;
        QTest::newRow("chunk plus one") << 1025 << 1024u;
        QTest::newRow("exactly three chunks") << 3072 << 1024u;
        QTest::newRow("several chunks") << 5000 << 1024u;
        QTest::newRow("default chunk, 300 KB") << 300 * 1000 << uint(kDefaultChunkBytes);
        QTest::newRow("default chunk, empty") << 0 << uint(kDefaultChunkBytes);
    }

    void streamRoundTrip()
    {
        QFETCH(int, size);
        QFETCH(uint, chunk);
        const SecureBytes key = SecureBytes::random(kKeyBytes);
        const QByteArray plain = pattern(size);
        const QByteArray cipher = encryptBytes(key, plain, chunk);
        // The documented layout: magic, big-endian chunk size, header, chunks.
        QCOMPARE(cipher.left(8), QByteArray("SMLA-SS1"));
        QCOMPARE(cipher.mid(8, 4), QByteArray::fromHex(QByteArray::number(chunk, 16).rightJustified(8, '0')));
        QCOMPARE(cipher.size(), kStreamHead + size + chunkCount(size, chunk) * kChunkOverhead);
        const Decrypted result = decryptBytes(key, cipher);
        QVERIFY2(
            result.status.ok(), qPrintable(result.status.ok() ? QString() : result.status.error().detail));
        QCOMPARE(result.plain, plain);
    }

    void streamEveryByteFlipIsRefused_data()
    {
        QTest::addColumn<int>("size");
        QTest::newRow("three chunks") << 2500;
        // One short chunk: only the authenticated prefix catches a changed chunk size.
        QTest::newRow("one short chunk") << 100;
    }

    void streamEveryByteFlipIsRefused()
    {
        QFETCH(int, size);
        constexpr std::uint32_t chunk = 1024;
        const SecureBytes key = SecureBytes::random(kKeyBytes);
        const QByteArray plain = pattern(size);
        const QByteArray cipher = encryptBytes(key, plain, chunk);
        for (qsizetype i = 0; i < cipher.size(); ++i) {
            for (int bit : { 0, 2, 7 }) {
                const QByteArray tampered = flipBit(cipher, i, bit);
                ErrorCode expected = ErrorCode::Tampered;
                if (i < 8) {
                    expected = ErrorCode::Corrupt;
                } else if (i < 12) {
                    const auto newChunk = qFromBigEndian<quint32>(tampered.constData() + 8);
                    if (newChunk == 0 || newChunk > 16u * 1024 * 1024)
                        expected = ErrorCode::Corrupt;
                }
                const Decrypted result = decryptBytes(key, tampered);
                QCOMPARE(result.status.code(), expected);
                QVERIFY(!result.status.ok());
                // Nothing from the damaged chunk or after it is written.
                const qsizetype damagedChunk
                    = i < kStreamHead ? 0 : (i - kStreamHead) / (chunk + kChunkOverhead);
                QVERIFY(result.plain.size() <= damagedChunk * qsizetype(chunk));
            }
        }
    }

    void streamTruncationIsRefused_data()
    {
        QTest::addColumn<int>("keep");
        QTest::addColumn<ErrorCode>("expected");
        // 5000 bytes in 1024-byte chunks: four full chunks of 1041 bytes, one of 921.
        const int full = 1024 + 17;
        const int total = int(kStreamHead) + 4 * full + 904 + 17;
        QTest::newRow("nothing") << 0 << ErrorCode::Corrupt;
        QTest::newRow("inside magic") << 5 << ErrorCode::Corrupt;
        QTest::newRow("inside chunk size") << 10 << ErrorCode::Corrupt;
        QTest::newRow("inside header") << 20 << ErrorCode::Corrupt;
        QTest::newRow("header only") << int(kStreamHead) << ErrorCode::Tampered;
        QTest::newRow("after first chunk") << int(kStreamHead) + full << ErrorCode::Tampered;
        QTest::newRow("middle of second chunk") << int(kStreamHead) + full + 500 << ErrorCode::Tampered;
        QTest::newRow("final chunk dropped") << int(kStreamHead) + 4 * full << ErrorCode::Tampered;
        QTest::newRow("inside final chunk") << total - 17 << ErrorCode::Tampered;
        QTest::newRow("last byte missing") << total - 1 << ErrorCode::Tampered;
    }

    void streamTruncationIsRefused()
    {
        QFETCH(int, keep);
        QFETCH(ErrorCode, expected);
        const SecureBytes key = SecureBytes::random(kKeyBytes);
        const QByteArray plain = pattern(5000);
        const QByteArray cipher = encryptBytes(key, plain, 1024);
        QVERIFY(keep < cipher.size());
        const Decrypted result = decryptBytes(key, cipher.left(keep));
        QCOMPARE(result.status.code(), expected);
        QVERIFY(result.plain.size() < plain.size());
    }

    void streamReorderedOrReplayedChunksAreRefused()
    {
        const SecureBytes key = SecureBytes::random(kKeyBytes);
        const QByteArray plain = pattern(5000);
        const QByteArray cipher = encryptBytes(key, plain, 1024);
        const qsizetype full = 1024 + kChunkOverhead;
        auto chunkAt = [&](int i) { return cipher.mid(kStreamHead + i * full, full); };
        const QByteArray head = cipher.left(kStreamHead);
        const QByteArray tail = cipher.mid(kStreamHead + 3 * full);
        const QByteArray swapped = head + chunkAt(0) + chunkAt(2) + chunkAt(1) + tail;
        const QByteArray swappedFirst = head + chunkAt(1) + chunkAt(0) + chunkAt(2) + tail;
        const QByteArray replayed = head + chunkAt(0) + chunkAt(1) + chunkAt(1) + chunkAt(2) + tail;
        const QByteArray dropped = head + chunkAt(0) + chunkAt(2) + tail;
        for (const QByteArray &tampered : { swapped, swappedFirst, replayed, dropped }) {
            const Decrypted result = decryptBytes(key, tampered);
            QCOMPARE(result.status.code(), ErrorCode::Tampered);
            QVERIFY(result.plain.size() < plain.size());
        }
    }

    void streamDataAfterFinalIsRefused_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<QByteArray>("extra");
        // A short final chunk is read together with what follows it; a full
        // one is read alone, so only the explicit end-of-stream check sees
        // the extra bytes.
        for (int size : { 3000, 3072, 0 }) {
            const QByteArray name = QByteArray::number(size) + " bytes, ";
            QTest::newRow(name + "one byte after") << size << QByteArray(1, '\0');
            QTest::newRow(name + "17 bytes after") << size << QByteArray(17, 'x');
            QTest::newRow(name + "a whole chunk after") << size << pattern(1024 + 17);
        }
    }

    void streamDataAfterFinalIsRefused()
    {
        QFETCH(int, size);
        QFETCH(QByteArray, extra);
        const SecureBytes key = SecureBytes::random(kKeyBytes);
        const QByteArray plain = pattern(size);
        const QByteArray cipher = encryptBytes(key, plain, 1024);
        const Decrypted result = decryptBytes(key, cipher + extra);
        QCOMPARE(result.status.code(), ErrorCode::Tampered);
        QVERIFY(result.plain.size() < plain.size() || plain.isEmpty());
    }

    void streamWrongKeyIsRefused()
    {
        const QByteArray plain = pattern(3000);
        const QByteArray cipher = encryptBytes(SecureBytes::random(kKeyBytes), plain, 1024);
        const Decrypted result = decryptBytes(SecureBytes::random(kKeyBytes), cipher);
        QCOMPARE(result.status.code(), ErrorCode::Tampered);
        QVERIFY(result.plain.isEmpty());
    }

    void streamRefusesBadArguments()
    {
        const SecureBytes key = SecureBytes::random(kKeyBytes);
        QBuffer in;
        in.open(QIODevice::ReadOnly);
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        QCOMPARE(encryptStream(key, in, out, 0).code(), ErrorCode::InvalidArgument);
        QCOMPARE(encryptStream(key, in, out, 16u * 1024 * 1024 + 1).code(), ErrorCode::InvalidArgument);
        QCOMPARE(encryptStream(SecureBytes::random(16), in, out).code(), ErrorCode::InvalidArgument);
        QBuffer closed;
        QCOMPARE(encryptStream(key, closed, out).code(), ErrorCode::InvalidArgument);
        QVERIFY(out.data().isEmpty());
        // A reader must not trust a hostile chunk size.
        QByteArray cipher = encryptBytes(key, "x", 1024);
        qToBigEndian<quint32>(16u * 1024 * 1024 + 1, cipher.data() + 8);
        QCOMPARE(decryptBytes(key, cipher).status.code(), ErrorCode::Corrupt);
    }

    void streamDeviceFailures_data()
    {
        QTest::addColumn<QString>("why");
        QTest::addColumn<int>("limit");
        QTest::addColumn<ErrorCode>("expected");
        QTest::newRow("disk full at header")
            << QStringLiteral("No space left on device") << 0 << ErrorCode::DiskFull;
        QTest::newRow("disk full later")
            << QStringLiteral("No space left on device") << 2000 << ErrorCode::DiskFull;
        QTest::newRow("other write error") << QStringLiteral("Input/output error") << 100 << ErrorCode::Io;
    }

    void streamDeviceFailures()
    {
        QFETCH(QString, why);
        QFETCH(int, limit);
        QFETCH(ErrorCode, expected);
        const SecureBytes key = SecureBytes::random(kKeyBytes);
        const QByteArray plain = pattern(5000);
        QBuffer in;
        in.setData(plain);
        in.open(QIODevice::ReadOnly);
        FailingDevice encryptOut(why, limit);
        encryptOut.open(QIODevice::WriteOnly);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("stream write failed")));
        QCOMPARE(encryptStream(key, in, encryptOut, 1024).code(), expected);

        QBuffer cipherIn;
        cipherIn.setData(encryptBytes(key, plain, 1024));
        cipherIn.open(QIODevice::ReadOnly);
        FailingDevice decryptOut(why, limit);
        decryptOut.open(QIODevice::WriteOnly);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("stream write failed")));
        QCOMPARE(decryptStream(key, cipherIn, decryptOut).code(), expected);

        FailingDevice brokenIn(QStringLiteral("Input/output error"), 0);
        brokenIn.open(QIODevice::ReadOnly);
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("stream read failed")));
        QCOMPARE(decryptStream(key, brokenIn, out).code(), ErrorCode::Io);
    }

    void streamToFullDiskFile()
    {
        // QFile buffers writes, so ENOSPC from /dev/full shows only on flush.
        QFile full(QStringLiteral("/dev/full"));
        if (!full.open(QIODevice::WriteOnly))
            QSKIP("no /dev/full on this system");
        QBuffer in;
        in.setData(pattern(3000));
        in.open(QIODevice::ReadOnly);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("stream write failed")));
        QCOMPARE(encryptStream(SecureBytes::random(kKeyBytes), in, full, 1024).code(), ErrorCode::DiskFull);
    }

    // --- Ed25519 ----------------------------------------------------------------
    void ed25519Rfc8032_data()
    {
        QTest::addColumn<QByteArray>("seed");
        QTest::addColumn<QByteArray>("publicKey");
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QByteArray>("signature");
        QTest::newRow("TEST 1")
            << QByteArray::fromHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
            << QByteArray::fromHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
            << QByteArray()
            << QByteArray::fromHex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                                   "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        QTest::newRow("TEST 2")
            << QByteArray::fromHex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb")
            << QByteArray::fromHex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c")
            << QByteArray::fromHex("72")
            << QByteArray::fromHex("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                                   "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
    }

    void ed25519Rfc8032()
    {
        QFETCH(QByteArray, seed);
        QFETCH(QByteArray, publicKey);
        QFETCH(QByteArray, message);
        QFETCH(QByteArray, signature);
        const SecureBytes secretKey = secureFrom(seed + publicKey); // libsodium's seed||public form
        QCOMPARE(sign(secretKey, message), signature);
        // The same key pair from the seed alone (device keys are derived so).
        const SignKeyPair fromSeed = signKeyPairFromSeed(secureFrom(seed));
        QCOMPARE(fromSeed.publicKey, publicKey);
        QCOMPARE(sign(fromSeed.secretKey, message), signature);
        QVERIFY(verify(publicKey, message, signature));
        for (qsizetype i = 0; i < signature.size(); ++i)
            QVERIFY(!verify(publicKey, message, flipBit(signature, i, int(i % 8))));
        QVERIFY(!verify(publicKey, message + 'x', signature));
        QVERIFY(!verify(flipBit(publicKey, 0), message, signature));
        QVERIFY(!verify(publicKey.left(31), message, signature));
        QVERIFY(!verify(publicKey, message, signature.left(63)));
    }

    void ed25519GeneratedKeys()
    {
        const SignKeyPair a = generateSignKeyPair();
        const SignKeyPair b = generateSignKeyPair();
        QCOMPARE(a.publicKey.size(), 32);
        QCOMPARE(a.secretKey.size(), std::size_t(64));
        QVERIFY(a.publicKey != b.publicKey);
        const QByteArray signature = sign(a.secretKey, "audit entry 1");
        QCOMPARE(signature.size(), 64);
        QVERIFY(verify(a.publicKey, "audit entry 1", signature));
        QVERIFY(!verify(b.publicKey, "audit entry 1", signature)); // wrong public key
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("sign refused")));
        QVERIFY(sign(SecureBytes::random(32), "x").isEmpty());
    }

    // --- sealed boxes -----------------------------------------------------------
    void sealedBoxRoundTrip()
    {
        const BoxKeyPair recipient = generateBoxKeyPair();
        QCOMPARE(recipient.publicKey.size(), 32);
        QCOMPARE(recipient.secretKey.size(), std::size_t(32));
        const SecureBytes projectKey = SecureBytes::random(kKeyBytes);
        const QByteArray sealed = sealToPublicKey(recipient.publicKey, projectKey);
        QCOMPARE(sealed.size(), 48 + 32);
        const auto opened = openSealed(recipient, sealed);
        QVERIFY(opened.ok());
        QVERIFY(opened.value().equals(projectKey));
    }

    void sealedBoxTamperIsRefused()
    {
        const BoxKeyPair recipient = generateBoxKeyPair();
        const QByteArray sealed = sealToPublicKey(recipient.publicKey, SecureBytes::random(kKeyBytes));
        for (qsizetype i = 0; i < sealed.size(); ++i)
            QCOMPARE(openSealed(recipient, flipBit(sealed, i, int(i % 8))).code(), ErrorCode::Tampered);
        QCOMPARE(openSealed(generateBoxKeyPair(), sealed).code(), ErrorCode::Tampered);
        QCOMPARE(openSealed(recipient, sealed.left(47)).code(), ErrorCode::Corrupt);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("sealed box refused")));
        QVERIFY(sealToPublicKey(recipient.publicKey.left(31), SecureBytes::random(8)).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCrypto)
#include "tst_crypto.moc"
