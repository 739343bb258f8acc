// Benchmark: sync throughput through the real samla-server on loopback (run by tests/bench/sync.sh).
//   bench_sync exchange [--records N] [--record-bytes N] [--attachments N] [--attachment-bytes N]
//                       [--push-batch N] [--pg URL]
//       Two devices exchange records and attachments over HTTPS (device A syncs them up, device B
//       syncs them down), then curl sends the same payload bytes through the same server's
//       attachment endpoints (up, then down) in the same run: the ratio is Samla / curl.
//   bench_sync devices [--devices N] [--ops N] [--op-bytes N] [--pg URL]
//       N devices, enrolled beforehand, push ops of about op-bytes at once, one op per request:
//       accepted ops/s, p50 and p99 push latency, the server's peak RSS.
//   bench_sync smoke
//       Both, tiny, on the embedded store, with every result checked (a ctest).
// --pg URL puts the server's store on PostgreSQL (a database of its own is made in that cluster).
// Figures are printed as key=value; nothing here passes or fails but the smoke mode.
#include "platform/core/clock.h"
#include "platform/crypto/crypto.h"
#include "platform/crypto/hasher.h"
#include "platform/db/database.h"
#include "sync/client/transport.h"
#include "sync/protocol/attachmentmessages.h"
#include "sync/protocol/requestauth.h"
#include "sync/server/embeddedstore.h"
#include "sync/server/pgstore.h"
#include "sync/server/serverconfig.h"
#include "synctestsupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <barrier>
#include <cstdio>
#include <map>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace samla;
using samla::test::ServerProcess;
using samla::test::TestDevice;

namespace {

struct Options {
    int records = 10'000;
    int recordBytes = 1024;
    int attachments = 100;
    qint64 attachmentBytes = 2'000'000; // 100 x 2 MB = 200 MB
    int devices = 500;
    int ops = 20;
    int opBytes = 10 * 1024; // a 250-question questionnaire response
    int pushBatch = sync::SyncClientOptions {}.pushBatch; // the exchange's; the app's default
    QString pg;
};

bool g_failed = false;

void fail(const char *what, const QString &detail = {})
{
    std::fprintf(stderr, "bench_sync: %s%s%s\n", what, detail.isEmpty() ? "" : ": ", qPrintable(detail));
    g_failed = true;
}

double seconds(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e9;
}

// The server process's peak resident set (VmHWM) and CPU time so far.
struct ProcessFigures {
    qint64 peakRssKiB = 0;
    double cpuSeconds = 0;
};

ProcessFigures processFigures(qint64 pid)
{
    ProcessFigures out;
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (status.open(QIODevice::ReadOnly))
        for (const QByteArray &line : status.readAll().split('\n'))
            if (line.startsWith("VmHWM:"))
                out.peakRssKiB = line.mid(6).trimmed().split(' ').first().toLongLong();
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (stat.open(QIODevice::ReadOnly)) {
        const QByteArray all = stat.readAll();
        // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
        const QList<QByteArray> f = all.mid(all.lastIndexOf(')') + 2).split(' ');
        if (f.size() > 12)
            out.cpuSeconds
                = double(f.at(11).toLongLong() + f.at(12).toLongLong()) / double(sysconf(_SC_CLK_TCK));
    }
    return out;
}

QString storeName(const Options &o)
{
    return o.pg.isEmpty() ? QStringLiteral("embedded") : QStringLiteral("postgresql");
}

QByteArray hashHex(QByteArrayView bytes)
{
    crypto::Hasher h;
    h.update(bytes);
    return h.finish().toHex();
}

// A journal in memory for the exchange: the outbox, what arrived, and the
// attachments the arrived records name ("att:<hash>\n" at the start of a body).
class ExchangeJournal final : public sync::SyncJournal {
public:
    QList<sync::OutgoingOp> outbox;
    qint64 applied = 0;
    std::int64_t cursorValue = 0;
    QList<sync::WantedAttachment> wanted;

    Result<QList<sync::OutgoingOp>> pending(int limit) override { return outbox.mid(0, limit); }
    Status acknowledge(const QList<protocol::Receipt> &receipts) override
    {
        outbox.remove(0, std::min(outbox.size(), receipts.size()));
        return {};
    }
    Result<std::int64_t> cursor() override { return cursorValue; }
    Status apply(const QList<sync::IncomingOp> &ops, std::int64_t newCursor) override
    {
        for (const sync::IncomingOp &op : ops)
            if (op.plaintext.startsWith("att:"))
                wanted.append({ op.header.projectId, QString::fromLatin1(op.plaintext.mid(4, 64)) });
        applied += ops.size();
        cursorValue = newCursor;
        return {};
    }
    Result<QList<sync::WantedAttachment>> wantedAttachments() override { return wanted; }
    Status attachmentArrived(const sync::WantedAttachment &w) override
    {
        wanted.removeAll(w);
        return {};
    }
};

// Times each request by kind (push, pull, attachment chunk…), for the
// breakdown printed after the exchange: where the time goes.
class TimedTransport final : public sync::Transport {
public:
    explicit TimedTransport(std::unique_ptr<sync::Transport> inner)
        : m_inner(std::move(inner))
    {
    }
    Result<sync::HttpResponse> send(const QByteArray &method, const QByteArray &target,
        const sync::HeaderList &headers, const QByteArray &body) override
    {
        QByteArray kind = target.left(target.indexOf('?') < 0 ? target.size() : target.indexOf('?'));
        if (kind.startsWith(protocol::kAttachmentsPath))
            kind = kind.endsWith("/status") ? "attachment-status" : "attachment";
        kind = method + ' ' + kind;
        QElapsedTimer t;
        t.start();
        auto r = m_inner->send(method, target, headers, body);
        Figure &f = figures[kind];
        ++f.count;
        f.seconds += seconds(t);
        return r;
    }
    struct Figure {
        int count = 0;
        double seconds = 0;
    };
    std::map<QByteArray, Figure> figures;

private:
    std::unique_ptr<sync::Transport> m_inner;
};

// A session token opened by hand (challenge, signed proof), for curl.
QByteArray openToken(sync::Transport &t, const crypto::SignKeyPair &device, const QByteArray &serverId)
{
    auto c = t.send(
        "POST", "/v1/session/challenge", {}, protocol::ChallengeRequest { device.publicKey }.encode());
    if (!c.ok() || c->status != 200)
        return {};
    auto challenge = protocol::ChallengeResponse::decode(c->body);
    if (!challenge.ok())
        return {};
    protocol::SessionRequest req { device.publicKey, challenge->challenge, {} };
    req.signature = crypto::sign(
        device.secretKey, protocol::sessionProofBytes(serverId, device.publicKey, req.challenge));
    auto s = t.send("POST", "/v1/session", {}, req.encode());
    if (!s.ok() || s->status != 200)
        return {};
    auto session = protocol::SessionResponse::decode(s->body);
    return session.ok() ? session->token.toHex() : QByteArray();
}

bool startServer(ServerProcess &server, const Options &o)
{
    if (!o.pg.isEmpty() && !server.onPostgres()) {
        fail("no PostgreSQL database for the server", o.pg);
        return false;
    }
    if (!server.init()) {
        fail("samla-server init failed");
        return false;
    }
    return true;
}

sync::BeastTransportOptions pinned(const ServerProcess &server)
{
    sync::BeastTransportOptions t;
    t.timeout = std::chrono::milliseconds(120'000);
    t.pinnedCertificateSha256 = server.fingerprint();
    return t;
}

// curl with a config file; the HTTP status of each transfer, in order.
struct CurlRun {
    bool ok = false;
    double seconds = 0;
    QList<int> statuses;
};

CurlRun runCurl(const QString &curl, const QString &config)
{
    CurlRun out;
    QProcess p;
    QElapsedTimer t;
    t.start();
    p.start(curl,
        { QStringLiteral("-sS"), QStringLiteral("-k"), QStringLiteral("--http1.1"), QStringLiteral("-K"),
            config, QStringLiteral("-w"), QStringLiteral("%{http_code}\\n") });
    if (!p.waitForFinished(600'000) || p.exitStatus() != QProcess::NormalExit) {
        fail("curl did not finish");
        return out;
    }
    out.seconds = seconds(t);
    for (const QByteArray &line : p.readAllStandardOutput().split('\n'))
        if (!line.isEmpty())
            out.statuses.append(line.toInt());
    out.ok = p.exitCode() == 0;
    if (!out.ok)
        fail("curl failed", QString::fromLocal8Bit(p.readAllStandardError()));
    return out;
}

int runExchange(const Options &o)
{
    QTemporaryDir work;
    ServerProcess server;
    if (!startServer(server, o))
        return 1;
    const QString project = server.createProject();
    if (project.isEmpty() || !server.start(0, {}, ServerProcess::Tls::On)) {
        fail("samla-server did not start");
        return 1;
    }
    const QString dirA = work.filePath(QStringLiteral("a")), dirB = work.filePath(QStringLiteral("b"));
    QDir().mkpath(dirA);
    QDir().mkpath(dirB);

    // The attachments: random bytes (ciphertext looks like that), named by their hash.
    QList<QString> names;
    for (int i = 0; i < o.attachments; ++i) {
        const QByteArray bytes = crypto::randomBytes(std::size_t(o.attachmentBytes));
        const QString name = QString::fromLatin1(hashHex(bytes));
        QFile f(dirA + QLatin1Char('/') + name);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size()) {
            fail("cannot write an attachment");
            return 1;
        }
        names.append(name);
    }
    SystemClock clock;
    const crypto::SecureBytes key = crypto::SecureBytes::random(32);
    struct Device {
        TestDevice keys;
        std::unique_ptr<TimedTransport> transport;
        std::unique_ptr<sync::SyncClient> client;
        ExchangeJournal journal;
    } a, b;
    for (auto [d, dir] : { std::pair { &a, dirA }, std::pair { &b, dirB } }) {
        d->transport = std::make_unique<TimedTransport>(std::make_unique<sync::BeastTransport>(
            QStringLiteral("127.0.0.1"), server.port(), pinned(server)));
        sync::SyncClientOptions options;
        options.attachmentDirectory = dir;
        options.pushBatch = o.pushBatch;
        d->client = std::make_unique<sync::SyncClient>(
            *d->transport, clock, d->keys.sign, server.fingerprint(), options);
        auto enrolled = d->client->enrol(server.enrolToken(project), d->keys.box.publicKey);
        if (!enrolled.ok()) {
            fail("enrolment failed", enrolled.error().detail);
            return 1;
        }
        d->client->setProjectKey(project, 1, key.clone());
        d->transport->figures.clear(); // enrolment is set-up
    }
    // Records: every (records / attachments)-th names one attachment.
    const int every = o.attachments > 0 ? std::max(1, o.records / o.attachments) : o.records + 1;
    int named = 0;
    for (int i = 0; i < o.records; ++i) {
        QByteArray body;
        QList<QString> attached;
        if (i % every == 0 && named < o.attachments) {
            attached.append(names.at(named++));
            body = "att:" + attached.first().toLatin1() + '\n';
        }
        body += crypto::randomBytes(std::size_t(std::max<qsizetype>(0, o.recordBytes - body.size())))
                    .toBase64()
                    .left(std::max<qsizetype>(0, o.recordBytes - body.size()));
        sync::OutgoingOp op = a.keys.op(project, body);
        op.attachments = attached;
        a.journal.outbox.append(op);
    }
    const qint64 payload = qint64(o.records) * o.recordBytes + qint64(o.attachments) * o.attachmentBytes;
    const double mb = double(payload) / 1e6;

    QElapsedTimer total, phase;
    total.start();
    phase.start();
    Status up = a.client->sync(a.journal);
    const double upSeconds = seconds(phase);
    phase.restart();
    Status down = b.client->sync(b.journal);
    const double downSeconds = seconds(phase);
    const double samlaSeconds = seconds(total);
    if (!up.ok())
        fail("device A's sync failed", up.error().detail);
    if (!down.ok())
        fail("device B's sync failed", down.error().detail);
    if (!a.journal.outbox.isEmpty() || b.journal.applied != o.records || !b.journal.wanted.isEmpty())
        fail("the exchange is incomplete",
            QStringLiteral("outbox %1, received %2 of %3, files wanted %4")
                .arg(a.journal.outbox.size())
                .arg(b.journal.applied)
                .arg(o.records)
                .arg(b.journal.wanted.size()));
    for (const QString &name : names) {
        QFile f(dirB + QLatin1Char('/') + name);
        if (!f.open(QIODevice::ReadOnly) || QString::fromLatin1(hashHex(f.readAll())) != name)
            fail("device B lacks an attachment or it does not match its name");
    }
    const ProcessFigures afterSamla = processFigures(server.pid());
    std::printf(
        "exchange store=%s records=%d record_bytes=%d attachments=%d attachment_bytes=%lld payload_mb=%.1f "
        "up_s=%.2f down_s=%.2f total_s=%.2f records_per_s=%.0f mb_per_s=%.1f server_cpu_s=%.2f\n",
        qPrintable(storeName(o)), o.records, o.recordBytes, o.attachments, qint64(o.attachmentBytes), mb,
        upSeconds, downSeconds, samlaSeconds, double(o.records) / samlaSeconds, mb / samlaSeconds,
        afterSamla.cpuSeconds);
    // Where the time went: each kind of request, its count and the time
    // from sending to the whole answer (the rest is the devices' own work).
    for (auto [d, who] : { std::pair { &a, "A" }, std::pair { &b, "B" } }) {
        double inRequests = 0;
        for (const auto &[kind, f] : d->transport->figures) {
            std::printf("  requests device=%s kind=\"%s\" n=%d total_s=%.2f mean_ms=%.1f\n", who,
                kind.constData(), f.count, f.seconds, 1000.0 * f.seconds / std::max(1, f.count));
            inRequests += f.seconds;
        }
        std::printf("  device=%s in_requests_s=%.2f own_work_s=%.2f\n", who, inRequests,
            (d == &a ? upSeconds : downSeconds) - inRequests);
        d->transport->figures.clear();
    }
    std::fflush(stdout);

    // The baseline: the same payload bytes as one blob, up and down through
    // the attachment endpoints with curl, chunk for chunk as the client sends.
    const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
    if (curl.isEmpty()) {
        std::printf("curl store=%s skipped (no curl)\n", qPrintable(storeName(o)));
        return g_failed ? 1 : 0;
    }
    const qint64 chunk = sync::SyncClientOptions {}.attachmentChunk;
    const QString chunkDir = work.filePath(QStringLiteral("curl"));
    QDir().mkpath(chunkDir);
    crypto::Hasher hasher;
    int chunks = 0;
    for (qint64 at = 0; at < payload; at += chunk, ++chunks) {
        const QByteArray bytes = crypto::randomBytes(std::size_t(std::min(chunk, payload - at)));
        hasher.update(bytes);
        QFile f(chunkDir + QStringLiteral("/up.%1").arg(chunks));
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size()) {
            fail("cannot write a curl chunk");
            return 1;
        }
    }
    const QByteArray blob = hasher.finish().toHex();
    const QByteArray token = openToken(*a.transport, a.keys.sign, server.fingerprint());
    if (token.isEmpty()) {
        fail("cannot open a session for curl");
        return 1;
    }
    const QByteArray base = "https://127.0.0.1:" + QByteArray::number(server.port()) + "/v1/attachments/"
        + blob + "?project=" + project.toLatin1();
    auto writeConfig = [&](const QString &path, bool upload) {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
            return false;
        f.write("header = \"Authorization: Bearer " + token + "\"\nheader = \"Expect:\"\n");
        for (int i = 0; i < chunks; ++i) {
            const QByteArray offset = QByteArray::number(qint64(i) * chunk);
            if (upload) {
                f.write("url = \"" + base + "&size=" + QByteArray::number(payload) + "&offset=" + offset
                    + "\"\n");
                f.write("upload-file = \"" + (chunkDir + QStringLiteral("/up.%1").arg(i)).toUtf8() + "\"\n");
                f.write("output = \"/dev/null\"\n");
            } else {
                f.write("url = \"" + base + "&offset=" + offset + "&length=" + QByteArray::number(chunk)
                    + "\"\n");
                f.write("output = \"" + (chunkDir + QStringLiteral("/down.%1").arg(i)).toUtf8() + "\"\n");
            }
        }
        return true;
    };
    const QString upConfig = chunkDir + QStringLiteral("/up.conf");
    const QString downConfig = chunkDir + QStringLiteral("/down.conf");
    if (!writeConfig(upConfig, true) || !writeConfig(downConfig, false)) {
        fail("cannot write the curl configuration");
        return 1;
    }
    const CurlRun curlUp = runCurl(curl, upConfig);
    const CurlRun curlDown = runCurl(curl, downConfig);
    const auto allOk = [&](const CurlRun &r) {
        return r.ok && r.statuses.size() == chunks
            && std::all_of(r.statuses.begin(), r.statuses.end(), [](int s) { return s == 200; });
    };
    if (!allOk(curlUp) || !allOk(curlDown))
        fail("a curl transfer was refused");
    const double curlSeconds = curlUp.seconds + curlDown.seconds;
    std::printf(
        "curl store=%s bytes=%lld chunk=%lld requests=%d up_s=%.2f down_s=%.2f total_s=%.2f mb_per_s=%.1f\n",
        qPrintable(storeName(o)), payload, chunk, chunks * 2, curlUp.seconds, curlDown.seconds, curlSeconds,
        mb / curlSeconds);
    std::printf("ratio store=%s samla/curl=%.2f (up %.2f, down %.2f)\n", qPrintable(storeName(o)),
        samlaSeconds / curlSeconds, upSeconds / curlUp.seconds, downSeconds / curlDown.seconds);
    const ProcessFigures end = processFigures(server.pid());
    std::printf(
        "server store=%s peak_rss_mb=%.1f\n", qPrintable(storeName(o)), double(end.peakRssKiB) / 1024.0);
    return g_failed ? 1 : 0;
}

// A questionnaire response of about `bytes`: 250 answers as JSON text.
QByteArray questionnaire(int bytes)
{
    QByteArray out = "{";
    const int answers = 250;
    const int each = std::max(8, bytes / answers - 14);
    for (int q = 1; q <= answers; ++q) {
        out += "\"q" + QByteArray::number(q).rightJustified(3, '0') + "\":\"";
        out += crypto::randomBytes(std::size_t(each)).toBase64().left(each);
        out += q < answers ? "\"," : "\"";
    }
    out += "}";
    return out;
}

int runDevices(const Options &o)
{
    ServerProcess server;
    if (!startServer(server, o))
        return 1;
    const QString project = server.createProject();
    if (project.isEmpty()) {
        fail("cannot create a project");
        return 1;
    }
    SystemClock clock;
    std::vector<TestDevice> devices(std::size_t(o.devices));
    // Set-up outside the measurement: every device enrolled straight in the
    // store (what `samla-server enrol` and /v1/enrol do, without a process
    // and a request per device), before the server starts.
    {
        QElapsedTimer t;
        t.start();
        const server::ServerPaths paths { server.dataDir(), {} };
        auto storeKey = server::loadServerKey(paths);
        if (!storeKey.ok()) {
            fail("cannot read the server key", storeKey.error().detail);
            return 1;
        }
        std::unique_ptr<server::ServerStore> store;
        if (o.pg.isEmpty()) {
            auto embedded = server::EmbeddedStore::open(paths.storePath(), storeKey.value(), false);
            if (!embedded.ok() || !embedded.value()->database().exec("PRAGMA synchronous = OFF").ok()) {
                fail("cannot open the server store");
                return 1;
            }
            store = std::move(embedded.value());
        } else {
            auto pg = server::PgStore::open(server.storeUrl(), server::PgStore::Mode::Existing);
            if (!pg.ok()) {
                fail("cannot open the server store", pg.error().detail);
                return 1;
            }
            store = std::move(pg.value());
        }
        const std::int64_t now = clock.nowMs();
        for (const TestDevice &d : devices) {
            const QByteArray tokenHash = crypto::hash(crypto::randomBytes(32));
            if (!store->addEnrolToken(tokenHash, project, QStringLiteral("member"), now + 3'600'000).ok()) {
                fail("cannot add an enrolment token");
                return 1;
            }
            auto enrolled = store->enrol(tokenHash, d.sign.publicKey, d.box.publicKey,
                                         crypto::sign(d.sign.secretKey, protocol::boxKeyProofBytes(d.box.publicKey)), now);
            if (!enrolled.ok() || enrolled->outcome != server::EnrolOutcome::Enrolled) {
                fail("cannot enrol a device");
                return 1;
            }
        }
        std::printf(
            "setup store=%s devices=%d enrolled_s=%.1f\n", qPrintable(storeName(o)), o.devices, seconds(t));
    }
    if (!server.start(0, {}, ServerProcess::Tls::On)) {
        fail("samla-server did not start");
        return 1;
    }
    const crypto::SecureBytes key = crypto::SecureBytes::random(32);
    std::vector<std::vector<double>> latencies(devices.size());
    std::vector<int> accepted(devices.size(), 0);
    std::vector<QString> errors(devices.size());
    // Everyone connects and opens a session, then all push at once.
    std::barrier ready(std::ptrdiff_t(devices.size() + 1));
    std::barrier done(std::ptrdiff_t(devices.size() + 1));
    std::vector<std::thread> threads;
    threads.reserve(devices.size());
    for (std::size_t i = 0; i < devices.size(); ++i) {
        threads.emplace_back([&, i] {
            TestDevice &d = devices[i];
            sync::BeastTransport transport(QStringLiteral("127.0.0.1"), server.port(), pinned(server));
            sync::SyncClientOptions options;
            options.pushBatch = 1;
            options.attempts = 3;
            sync::SyncClient client(transport, clock, d.sign, server.fingerprint(), options);
            client.setProjectKey(project, 1, key.clone());
            QList<sync::OutgoingOp> ops;
            for (int n = 0; n < o.ops; ++n)
                ops.append(d.op(project, questionnaire(o.opBytes)));
            auto warm = client.signedRequest("GET", "/v1/grants", {});
            if (!warm.ok() || warm->status != 200)
                errors[i] = QStringLiteral("session: ")
                    + (warm.ok() ? QString::number(warm->status) : warm.error().detail);
            ready.arrive_and_wait();
            for (const sync::OutgoingOp &op : ops) {
                if (!errors[i].isEmpty())
                    break;
                QElapsedTimer t;
                t.start();
                auto pushed = client.push({ op });
                latencies[i].push_back(double(t.nsecsElapsed()) / 1e6);
                if (!pushed.ok() || pushed->receipts.size() != 1)
                    errors[i] = pushed.ok() ? QStringLiteral("no receipt") : pushed.error().detail;
                else
                    ++accepted[i];
            }
            done.arrive_and_wait();
        });
    }
    ready.arrive_and_wait();
    QElapsedTimer wall;
    wall.start();
    done.arrive_and_wait();
    const double elapsed = seconds(wall);
    for (std::thread &t : threads)
        t.join();
    const ProcessFigures figures = processFigures(server.pid());

    std::vector<double> all;
    int total = 0, failedDevices = 0;
    for (std::size_t i = 0; i < devices.size(); ++i) {
        all.insert(all.end(), latencies[i].begin(), latencies[i].end());
        total += accepted[i];
        if (!errors[i].isEmpty()) {
            if (failedDevices++ == 0)
                fail("a device failed", errors[i]);
        }
    }
    std::sort(all.begin(), all.end());
    const auto pct = [&](double p) {
        return all.empty() ? 0.0 : all[std::min(all.size() - 1, std::size_t(double(all.size()) * p))];
    };
    const double opsPerSecond = double(total) / elapsed;
    std::printf(
        "devices store=%s devices=%d ops_each=%d op_bytes=%d accepted=%d failed_devices=%d wall_s=%.2f "
        "ops_per_s=%.0f p50_ms=%.1f p99_ms=%.1f server_peak_rss_mb=%.1f server_cpu_s=%.2f\n",
        qPrintable(storeName(o)), o.devices, o.ops, o.opBytes, total, failedDevices, elapsed, opsPerSecond,
        pct(0.50), pct(0.99), double(figures.peakRssKiB) / 1024.0, figures.cpuSeconds);
    std::printf("odk store=%s accepted_per_s=%.0f odk_central=41 target=410 x_odk=%.1f %s\n",
        qPrintable(storeName(o)), opsPerSecond, opsPerSecond / 41.0,
        opsPerSecond >= 410 ? "meets-target" : "below-target");
    if (total != o.devices * o.ops)
        fail("not every op was accepted", QStringLiteral("%1 of %2").arg(total).arg(o.devices * o.ops));
    return g_failed ? 1 : 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (!crypto::initialize().ok())
        return 1;
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_sync exchange|devices|smoke [options]\n");
        return 2;
    }
    Options o;
    for (qsizetype i = 2; i + 1 < args.size(); i += 2) {
        const QString name = args.at(i), value = args.at(i + 1);
        if (name == QLatin1String("--records"))
            o.records = value.toInt();
        else if (name == QLatin1String("--record-bytes"))
            o.recordBytes = value.toInt();
        else if (name == QLatin1String("--attachments"))
            o.attachments = value.toInt();
        else if (name == QLatin1String("--attachment-bytes"))
            o.attachmentBytes = value.toLongLong();
        else if (name == QLatin1String("--devices"))
            o.devices = value.toInt();
        else if (name == QLatin1String("--ops"))
            o.ops = value.toInt();
        else if (name == QLatin1String("--op-bytes"))
            o.opBytes = value.toInt();
        else if (name == QLatin1String("--push-batch"))
            o.pushBatch = value.toInt();
        else if (name == QLatin1String("--pg"))
            o.pg = value;
        else {
            std::fprintf(stderr, "bench_sync: unknown option %s\n", qPrintable(name));
            return 2;
        }
    }
    // ServerProcess puts the store on PostgreSQL when this names a cluster.
    qputenv("SAMLA_TEST_STORE", o.pg.toUtf8());
    const QString mode = args.at(1);
    if (mode == QLatin1String("exchange"))
        return runExchange(o);
    if (mode == QLatin1String("devices"))
        return runDevices(o);
    if (mode == QLatin1String("smoke")) {
        Options small = o;
        small.records = 60;
        small.attachments = 3;
        small.attachmentBytes = 300'000;
        small.devices = 5;
        small.ops = 20;
        const int exchanged = runExchange(small);
        const int pushed = runDevices(small);
        return exchanged || pushed ? 1 : 0;
    }
    std::fprintf(stderr, "bench_sync: unknown mode\n");
    return 2;
}
