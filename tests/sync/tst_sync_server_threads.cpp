// samla-server under load from several devices at once (the real binary on loopback, both stores):
// a large attachment being checked holds up nobody else's sync, and the device that sent it
// (and anyone asking about it meanwhile) gets the same answers as before; pushes that arrive
// together are stored together, every op once and each device's sequence without a gap.
#include "platform/crypto/hasher.h"
#include "sync/protocol/attachmentmessages.h"
#include "synctestsupport.h"

#include <chrono>
#include <cstring>
#include <future>

using namespace samla;
using namespace samla::sync;
using samla::test::MemoryJournal;
using samla::test::ServerProcess;
using samla::test::TestDevice;

namespace {

using Steady = std::chrono::steady_clock;

struct Device {
    TestDevice keys;
    std::unique_ptr<BeastTransport> transport;
    std::unique_ptr<SyncClient> client;

    Device(const ServerProcess &server, const samla::Clock &clock)
    {
        BeastTransportOptions t;
        t.timeout = std::chrono::milliseconds(60'000);
        transport = std::make_unique<BeastTransport>(QStringLiteral("127.0.0.1"), server.port(), t);
        SyncClientOptions o;
        o.pushBatch = 1;
        client = std::make_unique<SyncClient>(*transport, clock, keys.sign, server.fingerprint(), o);
    }
};

} // namespace

class TestSyncServerThreads : public QObject {
    Q_OBJECT
    SystemClock m_clock;

    static bool enrol(ServerProcess &server, Device &d, const QString &project)
    {
        auto r = d.client->enrol(server.enrolToken(project), d.keys.box.publicKey);
        return r.ok() && r->projectId == project;
    }

private slots:
    void initTestCase() { QVERIFY(crypto::initialize().ok()); }

    // A fieldworker's long recording finishes uploading: the server hashes
    // the whole blob (hundreds of MB take a while) before it says complete.
    // Meanwhile another fieldworker's sync is answered at once, not after
    // the hash; the uploader and a status request about the same blob both
    // get "complete" once it is checked.
    void aLargeBlobBeingCheckedHoldsUpNobodyElse()
    {
        ServerProcess server;
        QVERIFY(server.init());
        const QString project = server.createProject();
        QVERIFY(!project.isEmpty());
        QVERIFY(server.start());
        Device uploader(server, m_clock), asker(server, m_clock), other(server, m_clock);
        QVERIFY(enrol(server, uploader, project));
        QVERIFY(enrol(server, other, project));
        const crypto::SecureBytes key = crypto::SecureBytes::random(32);
        other.client->setProjectKey(project, 1, key.clone());
        // The same device on a second connection.
        asker.keys.sign.publicKey = uploader.keys.sign.publicKey;
        asker.keys.sign.secretKey = uploader.keys.sign.secretKey.clone();
        // Sessions open and connections up before the race starts.
        QCOMPARE(uploader.client->signedRequest("GET", "/v1/grants", {})->status, 200);
        QCOMPARE(asker.client->signedRequest("GET", "/v1/grants", {})->status, 200);
        QCOMPARE(other.client->signedRequest("GET", "/v1/grants", {})->status, 200);

        // All but the last byte go up first; the last chunk is one byte, so
        // it arrives at once and the server is hashing from then on.
        const qsizetype size = 160 * 1024 * 1024 + 1;
        QByteArray blob(size, Qt::Uninitialized);
        for (qsizetype at = 0; at < size; at += 1024 * 1024) {
            const QByteArray piece
                = crypto::randomBytes(std::size_t(std::min<qsizetype>(1024 * 1024, size - at)));
            std::memcpy(blob.data() + at, piece.constData(), std::size_t(piece.size()));
        }
        crypto::Hasher hasher;
        hasher.update(blob);
        const QByteArray name = hasher.finish().toHex();
        const QByteArray base = protocol::kAttachmentsPath + name + "?project=" + project.toLatin1()
            + "&size=" + QByteArray::number(size) + "&offset=";
        for (qsizetype at = 0; at < size - 1; at += protocol::kMaxAttachmentChunk) {
            const qsizetype n = std::min<qsizetype>(protocol::kMaxAttachmentChunk, size - 1 - at);
            auto r = uploader.client->signedRequest("PUT", base + QByteArray::number(at), blob.mid(at, n));
            QVERIFY(r.ok());
            QCOMPARE(r->status, 200);
        }

        auto lastChunk = std::async(std::launch::async, [&] {
            auto r
                = uploader.client->signedRequest("PUT", base + QByteArray::number(size - 1), blob.right(1));
            return std::make_pair(std::move(r), Steady::now());
        });
        std::this_thread::sleep_for(std::chrono::milliseconds(30));
        auto statusAsked = std::async(std::launch::async, [&] {
            return asker.client->signedRequest(
                "GET", protocol::kAttachmentsPath + name + "/status?project=" + project.toLatin1(), {});
        });
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        auto pushed = other.client->push({ other.keys.op(project, "a note written meanwhile") });
        const auto pushedAt = Steady::now();
        QVERIFY(pushed.ok());
        QCOMPARE(pushed->receipts.size(), 1);

        auto [completed, completedAt] = lastChunk.get();
        QVERIFY(completed.ok());
        QCOMPARE(completed->status, 200);
        auto answer = protocol::AttachmentStatus::decode(completed->body);
        QVERIFY(answer.ok());
        QVERIFY(answer->complete);
        QCOMPARE(answer->held, std::int64_t(size));
        // The other device's push was not held up until the hash was done.
        QVERIFY2(pushedAt < completedAt, "a push waited for another device's attachment to be hashed");

        auto status = statusAsked.get();
        QVERIFY(status.ok());
        QCOMPARE(status->status, 200);
        auto held = protocol::AttachmentStatus::decode(status->body);
        QVERIFY(held.ok());
        QVERIFY(held->complete);

        // And the blob is served, byte for byte.
        auto first = uploader.client->signedRequest("GET",
            protocol::kAttachmentsPath + name + "?project=" + project.toLatin1() + "&offset=0&length=1024",
            {});
        QVERIFY(first.ok());
        QCOMPARE(first->status, 200);
        QCOMPARE(first->body, blob.left(1024));
    }

    // Many devices push at once, one op a request: the pushes that wait while
    // the server commits are stored together; every op is stored exactly
    // once, each device's sequence has no gap, and every device reads all.
    void devicesPushingAtOnceLoseNothing()
    {
        ServerProcess server;
        QVERIFY(server.init());
        const QString project = server.createProject();
        QVERIFY(server.start());
        const crypto::SecureBytes key = crypto::SecureBytes::random(32);
        constexpr int kDevices = 8, kOps = 25;
        std::vector<std::unique_ptr<Device>> devices;
        for (int i = 0; i < kDevices; ++i) {
            devices.push_back(std::make_unique<Device>(server, m_clock));
            QVERIFY(enrol(server, *devices.back(), project));
            devices.back()->client->setProjectKey(project, 1, key.clone());
        }
        std::vector<std::future<QString>> runs;
        for (auto &d : devices)
            runs.push_back(std::async(std::launch::async, [&d, &project]() -> QString {
                for (int n = 0; n < kOps; ++n) {
                    auto pushed = d->client->push({ d->keys.op(project, QByteArray::number(n)) });
                    if (!pushed.ok())
                        return pushed.error().detail;
                    if (pushed->receipts.size() != 1 || pushed->high != n + 1)
                        return QStringLiteral("receipt or high-water mark wrong at %1").arg(n);
                }
                return {};
            }));
        for (auto &r : runs)
            QCOMPARE(r.get(), QString());

        MemoryJournal journal;
        QVERIFY(devices.front()->client->sync(journal).ok());
        QCOMPARE(journal.applied.size(), kDevices * kOps);
        std::map<QByteArray, std::int64_t> lastSeq;
        QSet<QByteArray> ops;
        std::int64_t lastServerSeq = 0;
        for (const IncomingOp &op : journal.applied) {
            QVERIFY(op.serverSeq > lastServerSeq);
            lastServerSeq = op.serverSeq;
            QVERIFY(!ops.contains(op.header.opId));
            ops.insert(op.header.opId);
            // Per device, in order and without a gap.
            QCOMPARE(op.header.deviceSeq, lastSeq[op.header.authorDevice] + 1);
            lastSeq[op.header.authorDevice] = op.header.deviceSeq;
        }
        QCOMPARE(int(lastSeq.size()), kDevices);
    }
};

QTEST_GUILESS_MAIN(TestSyncServerThreads)
#include "tst_sync_server_threads.moc"
