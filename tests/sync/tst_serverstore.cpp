// EmbeddedStore: one op once, gapless per device, server_seq never reused, nothing readable without the key.
#include "synctestsupport.h"

#include "sync/server/embeddedstore.h"

#include <QFile>

using namespace samla;
using namespace samla::server;

class TestServerStore : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    QString path() const { return m_dir.filePath(QStringLiteral("server.db")); }

    StoredOp op(const QString &project, std::int64_t seq, const QByteArray &envelope)
    {
        return StoredOp{crypto::randomBytes(16), seq, project, envelope};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(crypto::initialize().ok());
        QVERIFY(m_dir.isValid());
    }

    void cleanup() { QFile::remove(path()); }

    void gaplessAndIdempotent()
    {
        auto store = EmbeddedStore::open(path(), crypto::SecureBytes::random(32), true);
        QVERIFY(store.ok());
        auto &s = *store.value();
        const QString p = QStringLiteral("p1");
        QVERIFY(s.createProject(p, 1).ok());
        const QByteArray token = crypto::hash("t");
        QVERIFY(s.addEnrolToken(token, p, QString::fromLatin1(protocol::kRoleMember), 100).ok());
        auto enrolled = s.enrol(token, QByteArray(32, 'a'), QByteArray(32, 'b'), 2);
        QVERIFY(enrolled.ok() && enrolled->outcome == EnrolOutcome::Enrolled);
        const std::int64_t dev = s.device(QByteArray(32, 'a')).value()->id;

        const StoredOp o1 = op(p, 1, "e1"), o2 = op(p, 2, "e2"), o3 = op(p, 3, "e3");
        auto r = s.push(dev, {o1, o2}, 3);
        QVERIFY(r.ok());
        QCOMPARE(r->outcome, PushOutcome::Stored);
        QCOMPARE(r->high, 2);
        // The retry of 2 plus a new 3 in one batch: 2 keeps its number, 3 gets the next.
        auto again = s.push(dev, {o2, o3}, 4);
        QVERIFY(again.ok());
        QCOMPARE(again->outcome, PushOutcome::Stored);
        QCOMPARE(again->receipts.at(0), r->receipts.at(1));
        QCOMPARE(again->receipts.at(1).serverSeq, r->receipts.at(1).serverSeq + 1);
        auto gap = s.push(dev, {op(p, 5, "e5")}, 5);
        QCOMPARE(gap->outcome, PushOutcome::Gap);
        QCOMPARE(gap->high, 3);
        QCOMPARE(s.counts()->ops, 3);
    }

    void wrongKeyIsRefusedAndNoPlaintextOnDisk()
    {
        crypto::SecureBytes key = crypto::SecureBytes::random(32);
        {
            auto store = EmbeddedStore::open(path(), key, true);
            QVERIFY(store.ok());
            QVERIFY(store.value()->createProject(QStringLiteral("CANARYPROJECT"), 1).ok());
        }
        QVERIFY(test::filesContaining(m_dir.path(), "CANARYPROJECT").isEmpty());
        QCOMPARE(QFile(path()).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup), QFileDevice::Permissions());
        auto wrong = EmbeddedStore::open(path(), crypto::SecureBytes::random(32), false);
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.code(), ErrorCode::WrongKey);
        auto right = EmbeddedStore::open(path(), key, false);
        QVERIFY(right.ok());
        QCOMPARE(right.value()->projects().value(), QList<QString>{QStringLiteral("CANARYPROJECT")});
    }
};

QTEST_GUILESS_MAIN(TestServerStore)
#include "tst_serverstore.moc"
