// ServerStore (embedded, and PostgreSQL in tst_serverstore_pg): one op once, gapless per device, server_seq in
// commit order, nothing readable without the key, clear errors that never show a password.
#include "synctestsupport.h"
#include "teststore.h"

#include "platform/db/database.h"
#include "sync/server/embeddedstore.h"
#include "sync/server/pgstore.h"

#include <QDir>
#include <QFile>

#include <atomic>
#include <thread>

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
        test::TestStore store;
        QVERIFY(store.open(path()).ok());
        ServerStore &s = *store;
        const QString p = QStringLiteral("p1");
        QVERIFY(s.createProject(p, 1).ok());
        const QByteArray token = crypto::hash("t");
        QVERIFY(s.addEnrolToken(token, p, QString::fromLatin1(protocol::kRoleMember), 100).ok());
        auto enrolled = s.enrol(token, QByteArray(32, 'a'), QByteArray(32, 'b'), {}, 2);
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
        if (test::onPostgres())
            QSKIP("the embedded store's file encryption");
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

    // A store made by a newer samla-server (a higher schema number) is
    // refused with a message that says so, not misread.
    void newerSchemaIsRefused()
    {
        if (test::onPostgres()) {
            test::TestDatabase db;
            QVERIFY(PgStore::open(db.url(), PgStore::Mode::Create).ok());
            QVERIFY(PgStore::open(db.url(), PgStore::Mode::Existing).ok());
            QVERIFY(test::psql(db.url(), QStringLiteral("UPDATE samla_schema SET version = 99")));
            auto pg = PgStore::open(db.url(), PgStore::Mode::Existing);
            QVERIFY(!pg.ok());
            QCOMPARE(pg.code(), ErrorCode::Unsupported);
            QVERIFY2(pg.error().detail.contains(QLatin1String("newer than this samla-server")),
                     qPrintable(pg.error().detail));
            return;
        }
        const crypto::SecureBytes key = crypto::SecureBytes::random(32);
        QFile::remove(path());
        {
            auto embedded = EmbeddedStore::open(path(), key, true);
            QVERIFY(embedded.ok());
            QVERIFY(embedded.value()->database().setUserVersion(99).ok());
        }
        auto again = EmbeddedStore::open(path(), key, false);
        QVERIFY(!again.ok());
        QCOMPARE(again.code(), ErrorCode::Unsupported);
    }

    void redactsPasswords_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("redacted");
        QTest::newRow("user and password") << "postgresql://samla:s3cret@db.example:5432/samla"
                                           << "postgresql://samla:***@db.example:5432/samla";
        QTest::newRow("no password") << "postgresql://samla@db.example/samla" << "postgresql://samla@db.example/samla";
        QTest::newRow("password parameter") << "postgres://db.example/samla?user=samla&password=s3cret&sslmode=require"
                                            << "postgres://db.example/samla?user=samla&password=***&sslmode=require";
        QTest::newRow("slash and at sign") << "postgresql://samla:p%40s/s3cret@db.example/samla"
                                           << "postgresql://samla:***@db.example/samla";
        QTest::newRow("both") << "postgresql://samla:s3cret@db.example/samla?password=s3cret"
                              << "postgresql://samla:***@db.example/samla?password=***";
    }

    void redactsPasswords()
    {
        QFETCH(QString, url);
        QFETCH(QString, redacted);
        QCOMPARE(redactStoreUrl(url), redacted);
        QVERIFY(isPostgresUrl(url));
    }

    // PostgreSQL down, or refusing the login: an error that says which, and
    // never the password.
    void unreachableOrRefusedIsAClearError()
    {
        auto down = PgStore::open(QStringLiteral("postgresql://samla:CANARY-PW@127.0.0.1:1/samla"),
                                  PgStore::Mode::Existing);
        QVERIFY(!down.ok());
        QCOMPARE(down.code(), ErrorCode::Io);
        QVERIFY2(down.error().detail.startsWith(QLatin1String("cannot reach PostgreSQL at "
                                                              "postgresql://samla:***@127.0.0.1:1/samla")),
                 qPrintable(down.error().detail));
        QVERIFY(!down.error().detail.contains(QLatin1String("CANARY-PW")));
        if (!test::onPostgres())
            return;
        // pg-cluster.sh asks samla_pw, and only that role, for a password.
        const QString admin = test::testPostgresUrl();
        QVERIFY(test::psql(admin, QStringLiteral("DO $$ BEGIN CREATE ROLE samla_pw LOGIN PASSWORD 'right-pw'; "
                                                 "EXCEPTION WHEN OTHERS THEN NULL; END $$")));
        QUrl wrong(admin);
        wrong.setUserName(QStringLiteral("samla_pw"));
        wrong.setPassword(QStringLiteral("CANARY-PW"));
        auto refused = PgStore::open(wrong.toString(), PgStore::Mode::Existing);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.code(), ErrorCode::InvalidArgument);
        QVERIFY2(refused.error().detail.startsWith(QLatin1String("PostgreSQL refused the login")),
                 qPrintable(refused.error().detail));
        QVERIFY(!refused.error().detail.contains(QLatin1String("CANARY-PW")));
        // An empty database is no store: open says to run init.
        test::TestDatabase empty;
        auto none = PgStore::open(empty.url(), PgStore::Mode::Existing);
        QCOMPARE(none.code(), ErrorCode::NotFound);
        QVERIFY(PgStore::checkEmpty(empty.url()).ok());
        QVERIFY(PgStore::open(empty.url(), PgStore::Mode::Create).ok());
        QCOMPARE(PgStore::checkEmpty(empty.url()).code(), ErrorCode::AlreadyExists);
        QCOMPARE(PgStore::open(empty.url(), PgStore::Mode::Create).code(), ErrorCode::AlreadyExists);
    }

    // Several devices push at once from several threads (as a multi-threaded
    // HTTP server would call the store) while another device keeps pulling
    // with its cursor: the puller gets every op exactly once, in server_seq
    // order. With numbers handed out before commit, a push committing after a
    // later-numbered one would be skipped by a cursor already past it.
    void concurrentPushesAreNeverSkippedByAPuller()
    {
        if (!test::onPostgres())
            QSKIP("the embedded store is used from one thread");
        test::TestStore store;
        QVERIFY(store.open(path(), 3).ok());   // fewer connections than threads: some wait
        ServerStore &s = *store;
        const QString p = QStringLiteral("p1");
        QVERIFY(s.createProject(p, 1).ok());
        auto enrolDevice = [&](char tag) -> std::int64_t {
            const QByteArray token = crypto::hash(QByteArray(1, tag));
            if (!s.addEnrolToken(token, p, QString::fromLatin1(protocol::kRoleMember), 100).ok())
                return 0;
            auto r = s.enrol(token, QByteArray(32, tag), QByteArray(32, 'b'), {}, 2);
            if (!r.ok() || r->outcome != EnrolOutcome::Enrolled)
                return 0;
            return s.device(QByteArray(32, tag)).value()->id;
        };
        constexpr int kPushers = 5, kBatches = 30, kBatch = 4;
        QList<std::int64_t> devices;
        for (int i = 0; i < kPushers; ++i)
            devices.append(enrolDevice(char('c' + i)));
        const std::int64_t reader = enrolDevice('r');
        QVERIFY(!devices.contains(0) && reader != 0);

        std::atomic<int> failures{0};
        std::atomic<int> pushersLeft{kPushers};
        QList<QList<QByteArray>> written(kPushers);
        std::vector<std::thread> threads;
        for (int t = 0; t < kPushers; ++t) {
            threads.emplace_back([&, t] {
                std::int64_t seq = 0;
                for (int b = 0; b < kBatches; ++b) {
                    QList<StoredOp> batch;
                    for (int i = 0; i < kBatch; ++i) {
                        batch.append(op(p, ++seq, QByteArray(64, char('A' + t))));
                        written[t].append(batch.last().opId);
                    }
                    auto r = s.push(devices.at(t), batch, 3);
                    if (!r.ok() || r->outcome != PushOutcome::Stored || r->receipts.size() != kBatch)
                        ++failures;
                }
                --pushersLeft;
            });
        }
        // The same batch pushed twice at once (a retry racing the original):
        // both succeed with the same receipts, and it is stored once.
        const std::int64_t twin = enrolDevice('t');
        const QList<StoredOp> twinBatch{op(p, 1, "t1"), op(p, 2, "t2")};
        QList<protocol::Receipt> twinReceipts[2];
        for (int t = 0; t < 2; ++t) {
            threads.emplace_back([&, t] {
                auto r = s.push(twin, twinBatch, 3);
                if (!r.ok() || r->outcome != PushOutcome::Stored)
                    ++failures;
                else
                    twinReceipts[t] = r->receipts;
            });
        }
        QList<QByteArray> pulledIds;
        QList<std::int64_t> pulledSeqs;
        std::int64_t cursor = 0;
        for (;;) {
            const bool last = pushersLeft.load() == 0;
            auto page = s.pull(reader, cursor, 50, 1 << 20);
            QVERIFY(page.ok());
            for (const protocol::PulledEnvelope &e : page->ops) {
                pulledSeqs.append(e.serverSeq);
                pulledIds.append(e.envelope);
            }
            cursor = page->next;
            if (last && !page->more)
                break;
        }
        for (std::thread &t : threads)
            t.join();
        QCOMPARE(failures.load(), 0);
        QCOMPARE(twinReceipts[0], twinReceipts[1]);
        // Drain what the twins stored after the last page.
        for (;;) {
            auto page = s.pull(reader, cursor, 50, 1 << 20);
            QVERIFY(page.ok());
            for (const protocol::PulledEnvelope &e : page->ops) {
                pulledSeqs.append(e.serverSeq);
                pulledIds.append(e.envelope);
            }
            cursor = page->next;
            if (!page->more)
                break;
        }
        const int total = kPushers * kBatches * kBatch + 2;
        QCOMPARE(s.counts()->ops, total);
        QCOMPARE(s.counts()->lastServerSeq, total);
        // Every op once: server_seq 1..total, none missing, none twice.
        QCOMPARE(pulledSeqs.size(), total);
        for (int i = 0; i < total; ++i)
            QCOMPARE(pulledSeqs.at(i), std::int64_t(i + 1));
        for (int t = 0; t < kPushers; ++t)
            QCOMPARE(pulledIds.count(QByteArray(64, char('A' + t))), kBatches * kBatch);
    }

    // Attachment blobs: bytes are taken only at the held offset, read back
    // across chunk boundaries, kept once complete or dropped whole; on the
    // embedded store, bytes a crash left past `held` are never served.
    void attachmentBlobs()
    {
        test::TestStore store;
        QVERIFY(store.open(path()).ok());
        ServerStore &s = *store;
        const QString p = QStringLiteral("p1");
        QVERIFY(s.createProject(p, 1).ok());
        const QString h = QString(64, QLatin1Char('a'));
        const QByteArray bytes = crypto::randomBytes(300);
        QVERIFY(!s.blobState(p, h)->exists);
        // Not at 0: nothing starts.
        QVERIFY(!s.appendBlob(p, h, 300, 100, bytes.mid(100, 100), 1)->exists);
        auto first = s.appendBlob(p, h, 300, 0, bytes.left(100), 1);
        QVERIFY(first.ok());
        QCOMPARE(first->held, 100);
        // A repeated chunk (its answer was lost) changes nothing.
        QCOMPARE(s.appendBlob(p, h, 300, 0, bytes.left(100), 2)->held, 100);
        if (!test::onPostgres()) {
            // A crash after the bytes were written but before `held` was: junk past held.
            QFile blob(path() + QStringLiteral(".blobs/1"));
            QVERIFY(blob.open(QIODevice::Append));
            blob.write("JUNK-PAST-HELD");
            blob.close();
        }
        QCOMPARE(s.appendBlob(p, h, 300, 100, bytes.mid(100, 100), 3)->held, 200);
        QCOMPARE(s.appendBlob(p, h, 300, 200, bytes.mid(200), 4)->held, 300);
        QVERIFY(!s.blobState(p, h)->complete);
        QCOMPARE(s.readBlob(p, h, 50, 200).value(), bytes.mid(50, 200));
        QCOMPARE(s.readBlob(p, h, 250, 1000).value(), bytes.mid(250));
        QVERIFY(s.readBlob(p, h, 300, 10)->isEmpty());
        QVERIFY(s.finishBlob(p, h, true).ok());
        QVERIFY(s.blobState(p, h)->complete);
        // Complete: no more bytes taken.
        QCOMPARE(s.appendBlob(p, h, 300, 300, "x", 5)->held, 300);

        // Another blob, discarded: gone, and starts again from nothing.
        const QString other = QString(64, QLatin1Char('b'));
        QCOMPARE(s.appendBlob(p, other, 10, 0, "0123456789", 6)->held, 10);
        QVERIFY(s.finishBlob(p, other, false).ok());
        QVERIFY(!s.blobState(p, other)->exists);
        QCOMPARE(s.appendBlob(p, other, 10, 0, "01234", 7)->held, 5);
        // Per project: the same name in another project is another blob.
        QVERIFY(s.createProject(QStringLiteral("p2"), 8).ok());
        QVERIFY(!s.blobState(QStringLiteral("p2"), h)->exists);
    }

    // Uploads never finished go after a while; finished ones, and uploads
    // that hold every byte (their hash check comes next), stay.
    void unfinishedUploadsExpire()
    {
        test::TestStore store;
        QVERIFY(store.open(path()).ok());
        ServerStore &s = *store;
        const QString p = QStringLiteral("p1");
        QVERIFY(s.createProject(p, 1).ok());
        const QString oldPartial(64, QLatin1Char('1')), oldDone(64, QLatin1Char('2')), oldFull(64, QLatin1Char('3')),
            newPartial(64, QLatin1Char('4'));
        QCOMPARE(s.appendBlob(p, oldPartial, 10, 0, "01234", 100)->held, 5);
        QCOMPARE(s.appendBlob(p, oldDone, 5, 0, "01234", 100)->held, 5);
        QVERIFY(s.finishBlob(p, oldDone, true).ok());
        QCOMPARE(s.appendBlob(p, oldFull, 5, 0, "01234", 100)->held, 5);
        QCOMPARE(s.appendBlob(p, newPartial, 10, 0, "01234", 300)->held, 5);
        auto expired = s.expireUnfinishedBlobs(200);
        QVERIFY(expired.ok());
        QCOMPARE(expired.value(), 1);
        QVERIFY(!s.blobState(p, oldPartial)->exists);
        QVERIFY(s.blobState(p, oldDone)->complete);
        QVERIFY(s.blobState(p, oldFull)->exists);
        QVERIFY(s.blobState(p, newPartial)->exists);
        // The upload starts again from nothing.
        QCOMPARE(s.appendBlob(p, oldPartial, 10, 5, "56789", 400)->held, 0);
        QCOMPARE(s.appendBlob(p, oldPartial, 10, 0, "01234", 400)->held, 5);
        QCOMPARE(s.expireUnfinishedBlobs(200).value(), 0);
    }

    // Erasure (serverstore.h): an erasure op deletes the envelopes of the
    // record's other ops and the blobs it names, in the push's transaction;
    // a later op of the record keeps its place but not its content; pulls
    // step over what is gone; receipts, device_seq and server_seq are as
    // they were. On PostgreSQL the dump shows none of it afterwards.
    void erasureDeletesTheRecordsCiphertextAndBlobs()
    {
        test::TestStore store;
        QVERIFY(store.open(path()).ok());
        ServerStore &s = *store;
        const QString p = QStringLiteral("p1");
        QVERIFY(s.createProject(p, 1).ok());
        std::int64_t dev[2] = {};
        for (int i = 0; i < 2; ++i) {
            const QByteArray token = crypto::hash(QByteArray("token") + char('0' + i));
            QVERIFY(s.addEnrolToken(token, p, QString::fromLatin1(protocol::kRoleMember), 100).ok());
            const QByteArray key(32, char('a' + i));
            QVERIFY(s.enrol(token, key, QByteArray(32, 'z'), {}, 2).ok());
            dev[i] = s.device(key).value()->id;
        }
        const QString r1 = QStringLiteral("record-1"), r2 = QStringLiteral("record-2");
        const auto opOf = [&](std::int64_t seq, const QString &record, const QByteArray &envelope) {
            StoredOp o = op(p, seq, envelope);
            o.recordId = record;
            return o;
        };
        // Device 0 writes two versions of record 1 (with a photo) and one of record 2.
        const StoredOp v1 = opOf(1, r1, "CANARY-ERASE-v1"), keep = opOf(2, r2, "record two stays"),
                       v2 = opOf(3, r1, "CANARY-ERASE-v2");
        auto first = s.push(dev[0], {v1, keep, v2}, 3);
        QVERIFY(first.ok());
        QCOMPARE(first->erasedOps, 0);
        const QString photo = QString(64, QLatin1Char('c')), other = QString(64, QLatin1Char('d'));
        for (const QString &h : {photo, other}) {
            QCOMPARE(s.appendBlob(p, h, 5, 0, "bytes", 4)->held, 5);
            QVERIFY(s.finishBlob(p, h, true).ok());
        }
        const int filesBefore = QDir(path() + QStringLiteral(".blobs")).entryList(QDir::Files).size();

        // Device 1 erases record 1.
        StoredOp erasure = opOf(1, r1, "tombstone");
        erasure.erasure = true;
        erasure.erasedBlobs = {photo};
        auto erased = s.push(dev[1], {erasure}, 5);
        QVERIFY(erased.ok());
        QCOMPARE(erased->outcome, PushOutcome::Stored);
        QCOMPARE(erased->erasedOps, 2);
        QCOMPARE(erased->erasedBlobs, 1);

        // A reader gets record 2 and the tombstone, nothing of record 1.
        auto pulled = s.pull(dev[1], 0, 100, 1 << 20);
        QVERIFY(pulled.ok());
        QList<QByteArray> envelopes;
        for (const protocol::PulledEnvelope &e : pulled->ops)
            envelopes << e.envelope;
        QCOMPARE(envelopes, (QList<QByteArray>{"record two stays", "tombstone"}));
        QCOMPARE(pulled->next, erased->receipts.at(0).serverSeq);
        QVERIFY(!pulled->more);
        // The erased blob is gone and refused from now on; the other is untouched.
        QVERIFY(!s.blobState(p, photo)->exists);
        QVERIFY(s.blobState(p, photo)->erased);
        QVERIFY(s.appendBlob(p, photo, 5, 0, "bytes", 6)->erased);
        QVERIFY(!s.blobState(p, photo)->exists);
        QVERIFY(s.blobState(p, other)->complete);
        QVERIFY(!s.blobState(p, other)->erased);
        if (!test::onPostgres())
            QCOMPARE(QDir(path() + QStringLiteral(".blobs")).entryList(QDir::Files).size(), filesBefore - 1);

        // The author retries its batch (a lost answer): the same receipts, no gap.
        auto retry = s.push(dev[0], {v1, keep, v2}, 7);
        QVERIFY(retry.ok());
        QCOMPARE(retry->outcome, PushOutcome::Stored);
        QCOMPARE(retry->receipts, first->receipts);
        QCOMPARE(s.highWaterMark(dev[0]).value(), 3);
        // An edit made offline arrives after the erasure: stored in its place, without content.
        auto late = s.push(dev[0], {opOf(4, r1, "CANARY-ERASE-late")}, 8);
        QVERIFY(late.ok());
        QCOMPARE(late->outcome, PushOutcome::Stored);
        QCOMPARE(late->high, 4);
        QCOMPARE(late->erasedOps, 1);
        auto after = s.pull(dev[1], pulled->next, 100, 1 << 20);
        QVERIFY(after.ok());
        QVERIFY(after->ops.isEmpty());
        // A second erasure of the record (another device erased it too) is kept.
        StoredOp again = opOf(5, r1, "tombstone two");
        again.erasure = true;
        QVERIFY(s.push(dev[0], {again}, 9).ok());
        QCOMPARE(s.pull(dev[1], pulled->next, 100, 1 << 20)->ops.size(), 1);
        QCOMPARE(s.counts()->ops, 6);

        if (test::onPostgres()) {
            const QByteArray dump = store.database()->dump();
            QVERIFY(dump.contains(QByteArray("record two stays").toHex()));
            QVERIFY(!dump.contains(QByteArray("CANARY-ERASE").toHex()));
            QVERIFY(!dump.contains("CANARY-ERASE"));
        }
    }
};

QTEST_GUILESS_MAIN(TestServerStore)
#include "tst_serverstore.moc"
