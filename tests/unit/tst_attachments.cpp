// Encrypted attachment files: content-addressed, atomic, tamper-evident, never in clear.
#include "testsupport.h"

#include "app/store/attachmentstore.h"

#include <QBuffer>
#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace samla;
using namespace samla::store;

namespace {

QByteArray sample(int size)
{
    QByteArray out;
    out.reserve(size);
    for (int i = 0; i < size; ++i)
        out.append(char((i * 131 + i / 7) & 0xff));
    return out;
}

Result<AttachmentRef> put(AttachmentStore &s, QByteArray bytes, const crypto::SecureBytes &key)
{
    QBuffer in(&bytes);
    in.open(QIODevice::ReadOnly);
    return s.write(in, key);
}

Result<QByteArray> load(const AttachmentStore &s, const AttachmentRef &ref, const crypto::SecureBytes &key)
{
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    auto st = s.read(ref, key, buffer);
    if (!st.ok())
        return st.error();
    return out;
}

} // namespace

class TestAttachments : public QObject {
    Q_OBJECT
    crypto::SecureBytes m_owner;

private slots:
    void initTestCase()
    {
        QVERIFY(crypto::initialize().ok());
        m_owner = crypto::SecureBytes::random(32);
    }

    void roundTrip_data()
    {
        QTest::addColumn<int>("size");
        QTest::newRow("empty") << 0;
        QTest::newRow("small") << 100;
        QTest::newRow("one chunk") << 64 * 1024;
        QTest::newRow("chunk plus one") << 64 * 1024 + 1;
        QTest::newRow("photo sized") << 3 * 1024 * 1024 + 17;
    }
    void roundTrip()
    {
        QFETCH(int, size);
        QTemporaryDir dir;
        AttachmentStore s(dir.filePath(QStringLiteral("attachments")));
        const QByteArray plain = sample(size);
        auto ref = put(s, plain, m_owner);
        QVERIFY(ref.ok());
        QCOMPARE(ref->plainSize, size);
        QVERIFY(s.contains(ref->hash));
        // Named by the hash of what is on disk.
        QCOMPARE(QString::fromLatin1(crypto::hash(test::readFile(s.pathFor(ref->hash))).toHex()), ref->hash);
        QCOMPARE(load(s, ref.value(), m_owner).value(), plain);
        // Only the final file remains; no temporaries.
        QCOMPARE(QDir(s.directory()).entryList(QDir::Files | QDir::Hidden), QStringList({ref->hash}));
    }

    void sameContentTwiceGivesTwoIndependentFiles()
    {
        QTemporaryDir dir;
        AttachmentStore s(dir.path());
        auto a = put(s, sample(1000), m_owner);
        auto b = put(s, sample(1000), m_owner);
        QVERIFY(a->hash != b->hash); // fresh key and nonce per file
    }

    void tamperedFilesAreRefused()
    {
        QTemporaryDir dir;
        AttachmentStore s(dir.path());
        auto ref = put(s, sample(200 * 1024), m_owner);
        const QString path = s.pathFor(ref->hash);
        const QByteArray good = test::readFile(path);

        QByteArray flipped = good;
        flipped[good.size() / 2] = char(flipped[good.size() / 2] ^ 1);
        QVERIFY(test::writeFile(path, flipped));
        QCOMPARE(load(s, ref.value(), m_owner).code(), ErrorCode::Tampered);

        QVERIFY(test::writeFile(path, good.left(good.size() - 100)));
        QCOMPARE(load(s, ref.value(), m_owner).code(), ErrorCode::Tampered);

        QVERIFY(test::writeFile(path, good));
        QCOMPARE(load(s, ref.value(), crypto::SecureBytes::random(32)).code(), ErrorCode::Tampered);
        AttachmentRef badKey = ref.value();
        badKey.wrappedKey[30] = char(badKey.wrappedKey[30] ^ 1);
        QCOMPARE(load(s, badKey, m_owner).code(), ErrorCode::Tampered);
        QVERIFY(load(s, ref.value(), m_owner).ok());

        AttachmentRef traversal = ref.value();
        traversal.hash = QStringLiteral("../samla.keys");
        QCOMPARE(load(s, traversal, m_owner).code(), ErrorCode::InvalidArgument);
    }

    void noClearBytesOnDisk()
    {
        QTemporaryDir dir;
        AttachmentStore s(dir.path());
        const QByteArray canary = QByteArray("AUDIO-CANARY-0091 ").repeated(20000);
        QVERIFY(put(s, canary, m_owner).ok());
        QVERIFY(test::filesContaining(dir.path(), "AUDIO-CANARY-0091").isEmpty());
    }

    void staleTemporariesAreCleanedUp()
    {
        QTemporaryDir dir;
        AttachmentStore s(dir.path());
        QVERIFY(test::writeFile(dir.filePath(QStringLiteral(".incoming-abc123")), "partial"));
        s.removeStaleTemporaries();
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral(".incoming-abc123"))));
    }
};

QTEST_GUILESS_MAIN(TestAttachments)
#include "tst_attachments.moc"
