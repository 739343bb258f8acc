// Sync through a network that drops, duplicates, delays, reorders, truncates and resets:
// the real samla-server on loopback, a fault proxy in front of it for each device, and
// after the network heals every device holds every op exactly once, in each device's order.
#include "synctestsupport.h"

#include "platform/core/clock.h"
#include "sync/protocol/messages.h"

#include <QElapsedTimer>
#include <QHash>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSet>

#include <random>

using namespace samla;
using namespace samla::sync;
using samla::test::FaultProxy;
using samla::test::MemoryJournal;
using samla::test::ServerProcess;
using samla::test::TestDevice;

namespace {

using Fault = FaultProxy::Fault;

// A memory journal that also keeps the receipts the client acknowledged.
class RecordingJournal final : public sync::SyncJournal {
public:
    MemoryJournal inner;
    QList<protocol::Receipt> receipts;

    Result<QList<OutgoingOp>> pending(int limit) override { return inner.pending(limit); }
    Status acknowledge(const QList<protocol::Receipt> &r) override
    {
        SAMLA_TRY(inner.acknowledge(r));
        receipts += r;
        return {};
    }
    Result<std::int64_t> cursor() override { return inner.cursor(); }
    Status apply(const QList<IncomingOp> &ops, std::int64_t next) override { return inner.apply(ops, next); }
};

// The seed of this run, for every failure message: SAMLA_FAULT_SEED=<seed> replays it.
QString seedNote(std::uint64_t seed)
{
    return QStringLiteral(" [fault seed %1: replay with SAMLA_FAULT_SEED=%1]").arg(seed);
}

} // namespace

class TestSyncFaults : public QObject {
    Q_OBJECT
    SystemClock m_clock;

    struct Device {
        TestDevice keys;
        std::unique_ptr<FaultProxy> proxy;
        std::unique_ptr<BeastTransport> transport;
        std::unique_ptr<SyncClient> client;
        RecordingJournal journal;
        QList<QByteArray> written;   // op ids, in device_seq order

        // Writes an op for `recordId` (a new record if empty); returns its record id.
        QString write(const QString &project, const QByteArray &plaintext, QString recordId = {})
        {
            OutgoingOp op = keys.op(project, plaintext);
            if (recordId.isEmpty())
                recordId = QUuid::createUuid().toString(QUuid::WithoutBraces);
            op.header.recordId = recordId;
            journal.inner.outbox.append(op);
            written.append(op.header.opId);
            return recordId;
        }
    };

    // Devices enrolled directly, each syncing through a proxy of its own (the
    // proxy serves one connection at a time, and each client keeps one open).
    bool makeDevices(ServerProcess &server, const QString &project, int count, std::uint64_t seed, double faultRate,
                     std::vector<std::unique_ptr<Device>> *out)
    {
        const crypto::SecureBytes key = crypto::SecureBytes::random(32);
        const Clock &clock = m_clock;
        for (int i = 0; i < count; ++i) {
            auto d = std::make_unique<Device>();
            {
                BeastTransport direct(QStringLiteral("127.0.0.1"), server.port());
                SyncClient enrolClient(direct, clock, d->keys.sign, server.fingerprint());
                if (!enrolClient.enrol(server.enrolToken(project), d->keys.box.publicKey).ok())
                    return false;
            }
            d->proxy = std::make_unique<FaultProxy>(server.port());
            d->proxy->setDelayMs(150);
            if (!d->proxy->start(FaultProxy::randomPlan(seed + std::uint64_t(i) * 7919, faultRate)))
                return false;
            BeastTransportOptions t;
            t.timeout = std::chrono::milliseconds(2000);
            d->transport = std::make_unique<BeastTransport>(QStringLiteral("127.0.0.1"), d->proxy->port(), t);
            SyncClientOptions o;
            o.attempts = 3;
            o.backoff = std::chrono::milliseconds(5);
            o.maxBackoff = std::chrono::milliseconds(40);
            o.pushBatch = 3;   // several requests per sync, so faults land between batches too
            o.pullPage = 4;
            d->client = std::make_unique<SyncClient>(*d->transport, clock, d->keys.sign, server.fingerprint(), o);
            d->client->setProjectKey(project, 1, key.clone());
            out->push_back(std::move(d));
        }
        return true;
    }

    static quint64 seedFromEnvironmentOr(quint64 fallback)
    {
        bool ok = false;
        const quint64 s = qEnvironmentVariable("SAMLA_FAULT_SEED").toULongLong(&ok);
        return ok ? s : fallback;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(crypto::initialize().ok());
        // Each retried request logs a line; hundreds of them hide the summary.
        QLoggingCategory::setFilterRules(QStringLiteral("samla.sync.info=false"));
    }

    // Three devices write for many rounds through networks that break at
    // random (a fixed seed, and a new one each run: both printed), one
    // erases a record another wrote; then the network heals and they sync
    // until quiet.
    void devicesConvergeAfterRandomFaults_data()
    {
        QTest::addColumn<quint64>("seed");
        QTest::newRow("fixed seed") << seedFromEnvironmentOr(20261201);
        QTest::newRow("new seed") << seedFromEnvironmentOr(QRandomGenerator::system()->generate64() >> 1);
    }
    void devicesConvergeAfterRandomFaults()
    {
        QFETCH(quint64, seed);
        qInfo("fault seed %llu (replay with SAMLA_FAULT_SEED=%llu)", (unsigned long long)seed,
              (unsigned long long)seed);
        const QString why = seedNote(seed);
        QElapsedTimer timer;
        timer.start();

        ServerProcess server;
        QVERIFY(server.init());
        const QString p = server.createProject();
        QVERIFY(server.start());
        std::vector<std::unique_ptr<Device>> devices;
        QVERIFY(makeDevices(server, p, 3, seed, 0.3, &devices));

        std::mt19937_64 rng(seed);
        const int rounds = 20;
        int failedSyncs = 0, syncs = 0;
        QString erasedRecord;
        QByteArray erasureOp;
        QString target;   // device 0's record that device 1 erases
        for (int round = 0; round < rounds; ++round) {
            std::vector<int> order{0, 1, 2};
            std::shuffle(order.begin(), order.end(), rng);
            for (int i : order) {
                Device &d = *devices[std::size_t(i)];
                const int n = 1 + int(rng() % 3);
                for (int k = 0; k < n; ++k) {
                    const QString rid = d.write(p, QByteArray("d") + QByteArray::number(i) + " r"
                                                       + QByteArray::number(round) + " k" + QByteArray::number(k));
                    if (i == 0 && target.isEmpty())
                        target = rid;
                }
                // Device 1 edits and erases device 0's first record once it has it;
                // device 0 edits that record later, not yet knowing.
                if (i == 1 && erasedRecord.isEmpty() && round >= rounds / 3) {
                    for (const IncomingOp &op : d.journal.inner.applied)
                        if (op.header.recordId == target) {
                            // An edit, then the erasure: if the edit could
                            // arrive after the erasure, it would undo it.
                            d.write(p, "edited before the erasure", target);
                            erasedRecord = d.write(p, "erase", target);
                            erasureOp = d.written.last();
                            break;
                        }
                }
                if (i == 0 && !erasedRecord.isEmpty() && round == rounds - 2)
                    d.write(p, "edit after the erasure", target);
                ++syncs;
                if (!d.client->sync(d.journal).ok())
                    ++failedSyncs;
            }
        }
        QVERIFY2(!erasedRecord.isEmpty(), qPrintable("device 1 never received the record to erase" + why));

        // Heal, and sync until a whole pass brings nothing new.
        for (auto &d : devices)
            d->proxy->setPlan([](int) { return Fault::Pass; });
        int passes = 0;
        for (bool quiet = false; !quiet; ++passes) {
            QVERIFY2(passes < 6, qPrintable("no quiet pass after healing" + why));
            quiet = true;
            for (auto &d : devices) {
                const qsizetype before = d->journal.inner.applied.size();
                const Status s = d->client->sync(d->journal);
                QVERIFY2(s.ok(), qPrintable((s.ok() ? QString() : s.error().detail) + why));
                QVERIFY(d->journal.inner.outbox.isEmpty());
                quiet = quiet && d->journal.inner.applied.size() == before;
            }
        }

        // Every op, from every device, exactly once on every device.
        QHash<QByteArray, std::pair<int, std::int64_t>> author;   // op id -> (device, device_seq)
        for (int i = 0; i < 3; ++i)
            for (qsizetype k = 0; k < devices[std::size_t(i)]->written.size(); ++k)
                author.insert(devices[std::size_t(i)]->written.at(k), {i, k + 1});
        const qsizetype total = author.size();
        QHash<QByteArray, std::int64_t> serverSeqOf;
        for (int i = 0; i < 3; ++i) {
            const MemoryJournal &j = devices[std::size_t(i)]->journal.inner;
            QCOMPARE(j.applied.size(), total);
            QSet<QByteArray> seen;
            std::int64_t lastServerSeq = 0;
            std::map<QByteArray, std::int64_t> lastSeqOfAuthor;
            bool erased = false, erasureSeen = false;
            for (const IncomingOp &op : j.applied) {
                QVERIFY2(!seen.contains(op.header.opId), qPrintable("an op applied twice" + why));
                seen.insert(op.header.opId);
                QVERIFY2(author.contains(op.header.opId), qPrintable("an op nobody wrote" + why));
                // Per-device order: each author's ops arrive as 1, 2, 3, …
                std::int64_t &last = lastSeqOfAuthor[op.header.authorDevice];
                QVERIFY2(op.header.deviceSeq == last + 1, qPrintable("out of device order or a gap" + why));
                last = op.header.deviceSeq;
                QCOMPARE(op.header.deviceSeq, author.value(op.header.opId).second);
                // One server order, the same on every device.
                QVERIFY(op.serverSeq > lastServerSeq);
                lastServerSeq = op.serverSeq;
                auto known = serverSeqOf.constFind(op.header.opId);
                if (known == serverSeqOf.constEnd())
                    serverSeqOf.insert(op.header.opId, op.serverSeq);
                else
                    QCOMPARE(op.serverSeq, known.value());
                // Nothing the eraser wrote to the record before erasing it
                // arrives after the erasure (it would bring the words back).
                if (op.header.recordId == erasedRecord) {
                    if (op.header.opId == erasureOp)
                        erased = erasureSeen = true;
                    else if (erasureSeen)
                        QVERIFY2(author.value(op.header.opId).first != 1,
                                 qPrintable("an op the eraser wrote before the erasure came after it" + why));
                }
            }
            QVERIFY2(erased, qPrintable("the erasure did not reach a device" + why));
            QCOMPARE(j.cursorValue, lastServerSeq);
            for (int a = 0; a < 3; ++a)
                QCOMPARE(lastSeqOfAuthor[devices[std::size_t(a)]->keys.sign.publicKey],
                         std::int64_t(devices[std::size_t(a)]->written.size()));
        }
        // The server holds each op once, and every receipt a device was given
        // names the op's one place in the server's order.
        QCOMPARE(server.admin({QStringLiteral("status")}).split('\n').value(2), QByteArray("ops ") + QByteArray::number(total));
        for (auto &d : devices) {
            QCOMPARE(d->journal.receipts.size(), d->written.size());
            for (const protocol::Receipt &r : d->journal.receipts)
                QCOMPARE(r.serverSeq, serverSeqOf.value(r.opId));
        }
        // Duplicates and late copies were answered without storing anything
        // again: given the op's first receipts, or (a session's signed
        // challenge) refused as used.
        std::map<Fault, int> counts;
        int strays = 0, strayReceipts = 0;
        for (auto &d : devices) {
            for (const auto &[f, n] : d->proxy->faultCounts())
                counts[f] += n;
            for (const FaultProxy::StrayAnswer &a : d->proxy->strayAnswers()) {
                ++strays;
                if (a.status == 401) {
                    auto e = protocol::ErrorResponse::decode(a.body);
                    QVERIFY2(a.target == "/v1/session" && e.ok() && e->error == QLatin1String("bad-challenge"),
                             qPrintable(QString::fromLatin1(a.target + ' ' + a.body) + why));
                    continue;
                }
                QVERIFY2(a.status == 200, qPrintable(QStringLiteral("a stray copy got %1").arg(a.status) + why));
                if (a.target != "/v1/push")
                    continue;
                auto answer = protocol::PushResponse::decode(a.body);
                QVERIFY(answer.ok());
                for (const protocol::Receipt &r : answer->receipts) {
                    QCOMPARE(r.serverSeq, serverSeqOf.value(r.opId));
                    ++strayReceipts;
                }
            }
        }
        QString summary;
        for (const auto &[f, n] : counts)
            summary += QStringLiteral(" %1=%2").arg(QLatin1String(FaultProxy::faultName(f))).arg(n);
        qInfo("seed %llu: %d rounds, %lld ops, %d syncs (%d failed under faults), %d passes to quiet, "
              "%d stray copies (%d receipts re-sent), %lld ms; faults:%s",
              (unsigned long long)seed, rounds, (long long)total, syncs, failedSyncs, passes, strays, strayReceipts,
              (long long)timer.elapsed(), qPrintable(summary));
        int injected = 0;
        for (const auto &[f, n] : counts)
            injected += f == Fault::Pass ? 0 : n;
        QVERIFY2(injected >= 20, qPrintable(QStringLiteral("only %1 faults injected").arg(injected) + why));
    }

    // Each fault alone, at every other request: one device pushes and pulls
    // 12 ops through it; what the fault did is visible, and nothing is lost
    // or stored twice.
    void eachFaultAloneLosesAndRepeatsNothing_data()
    {
        QTest::addColumn<int>("fault");
        for (Fault f : {Fault::DropRequest, Fault::ResetBeforeServer, Fault::DropResponse, Fault::TruncateResponse,
                        Fault::ResetMidResponse, Fault::DuplicateRequest, Fault::Delay, Fault::Reorder})
            QTest::newRow(FaultProxy::faultName(f)) << int(f);
    }
    void eachFaultAloneLosesAndRepeatsNothing()
    {
        QFETCH(int, fault);
        const Fault f = Fault(fault);
        ServerProcess server;
        QVERIFY(server.init());
        const QString p = server.createProject();
        QVERIFY(server.start());
        std::vector<std::unique_ptr<Device>> devices;
        QVERIFY(makeDevices(server, p, 1, 0, 0.0, &devices));
        Device &d = *devices.front();
        // A session takes two answers in a row (a challenge, then the signed
        // answer, which the server takes once): were every other answer
        // lost, it could never open. So the signed answer passes here; the
        // random faults above hit it too.
        d.proxy->setPassThrough([](const QByteArray &path) { return path == "/v1/session"; });
        d.proxy->setPlan([f](int index) { return index % 2 == 0 ? f : Fault::Pass; });
        for (int i = 0; i < 12; ++i)
            d.write(p, "op " + QByteArray::number(i));
        for (int attempt = 0; attempt < 10 && (!d.journal.inner.outbox.isEmpty() || d.journal.inner.applied.size() < 12);
             ++attempt)
            (void)d.client->sync(d.journal);
        QVERIFY(d.journal.inner.outbox.isEmpty());
        QCOMPARE(d.journal.inner.applied.size(), 12);
        for (int i = 0; i < 12; ++i) {
            QCOMPARE(d.journal.inner.applied.at(i).header.deviceSeq, i + 1);
            QCOMPARE(d.journal.inner.applied.at(i).plaintext, "op " + QByteArray::number(i));
        }
        QCOMPARE(server.admin({QStringLiteral("status")}).split('\n').value(2), QByteArray("ops 12"));
        QVERIFY(d.proxy->faultCounts()[f] >= 3);
        const QList<FaultProxy::StrayAnswer> strays = d.proxy->strayAnswers();
        if (f == Fault::DuplicateRequest) {
            // The same bytes twice: a push is answered with the receipts the
            // first got (nothing stored twice); a signed challenge opens one
            // session only.
            QVERIFY(!strays.isEmpty());
            int duplicatePushes = 0;
            for (const FaultProxy::StrayAnswer &a : strays) {
                if (a.target == "/v1/session") {
                    QCOMPARE(a.status, 401);
                    QCOMPARE(protocol::ErrorResponse::decode(a.body)->error, QStringLiteral("bad-challenge"));
                    continue;
                }
                QCOMPARE(a.status, 200);
                if (a.target != "/v1/push")
                    continue;
                ++duplicatePushes;
                auto answer = protocol::PushResponse::decode(a.body);
                QVERIFY(answer.ok());
                for (const protocol::Receipt &r : answer->receipts)
                    QVERIFY(d.journal.receipts.contains(r));
            }
            QVERIFY(duplicatePushes > 0);
        } else if (f == Fault::Reorder) {
            // The held request arrived after the client's retry overtook it:
            // a late push is answered with the receipts its retry got, a
            // late signed challenge is refused as used.
            int latePushes = 0;
            for (const FaultProxy::StrayAnswer &a : strays) {
                if (a.target == "/v1/session" && a.status == 401)
                    continue;
                QCOMPARE(a.status, 200);
                if (a.target != "/v1/push")
                    continue;
                ++latePushes;
                auto answer = protocol::PushResponse::decode(a.body);
                QVERIFY(answer.ok());
                QVERIFY(!answer->receipts.isEmpty());
                for (const protocol::Receipt &r : answer->receipts)
                    QVERIFY(d.journal.receipts.contains(r));
            }
            QVERIFY(latePushes > 0);
        } else {
            QVERIFY(strays.isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(TestSyncFaults)
#include "tst_sync_faults.moc"
