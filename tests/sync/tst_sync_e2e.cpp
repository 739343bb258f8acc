// End to end: the real samla-server on loopback, client devices syncing through it, and the network breaking.
#include "synctestsupport.h"

#include "platform/core/clock.h"
#include "sync/protocol/messages.h"
#include "sync/server/syncservice.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QImage>
#include <QSet>

#include <poll.h>

using namespace samla;
using namespace samla::sync;
using samla::test::FaultProxy;
using samla::test::MemoryJournal;
using samla::test::ServerProcess;
using samla::test::TestDevice;
using samla::test::filesContaining;

namespace {

// Sends raw bytes to the server and returns what comes back until it closes
// the connection or `waitMs` passes. `closed` says whether the server closed.
QByteArray rawExchange(std::uint16_t port, const QByteArray &bytes, int waitMs, bool *closed = nullptr)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(port);
    QByteArray out;
    if (::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0) {
        ::send(fd, bytes.constData(), size_t(bytes.size()), MSG_NOSIGNAL);
        QElapsedTimer t;
        t.start();
        for (;;) {
            const int left = waitMs - int(t.elapsed());
            if (left <= 0)
                break;
            pollfd p{fd, POLLIN, 0};
            if (::poll(&p, 1, left) <= 0)
                break;
            char buf[4096];
            const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
            if (n <= 0) {
                if (closed)
                    *closed = true;
                break;
            }
            out.append(buf, qsizetype(n));
        }
    }
    ::close(fd);
    return out;
}

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs samla-server to completion with exactly these arguments.
Run runServer(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(SAMLA_SERVER_BIN), args);
    p.waitForFinished(60'000);
    return Run{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
               p.readAllStandardError()};
}

// Trusts grants from these administrator keys only, as a device that pinned them.
GranterCheck trusting(const QList<QByteArray> &admins)
{
    return [admins](const QString &, const QByteArray &granter) { return admins.contains(granter); };
}

} // namespace

class TestSyncEndToEnd : public QObject {
    Q_OBJECT
    SystemClock m_clock;

    // A device with a client talking to `port` (the server, or a proxy in front of it).
    struct Device {
        TestDevice keys;
        std::unique_ptr<BeastTransport> transport;
        std::unique_ptr<SyncClient> client;
        MemoryJournal journal;

        // serverId: the fingerprint of the server's certificate (signed into session proofs).
        Device(std::uint16_t port, const Clock &clock, const QByteArray &serverId, SyncClientOptions options = {},
               QByteArray pin = {})
        {
            BeastTransportOptions t;
            t.timeout = std::chrono::milliseconds(5000);
            t.pinnedCertificateSha256 = pin;
            transport = std::make_unique<BeastTransport>(QStringLiteral("127.0.0.1"), port, t);
            client = std::make_unique<SyncClient>(*transport, clock, keys.sign, serverId, options);
        }
        void write(const QString &project, const QByteArray &plaintext)
        {
            journal.outbox.append(keys.op(project, plaintext));
        }
    };

    static SyncClientOptions fastRetries(int attempts = 5)
    {
        SyncClientOptions o;
        o.attempts = attempts;
        o.backoff = std::chrono::milliseconds(20);
        o.maxBackoff = std::chrono::milliseconds(200);
        return o;
    }

    static bool enrol(ServerProcess &server, Device &d, const QString &project, const char *role = "member")
    {
        auto r = d.client->enrol(server.enrolToken(project, role), d.keys.box.publicKey);
        return r.ok() && r->projectId == project;
    }

private slots:
    void initTestCase() { QVERIFY(crypto::initialize().ok()); }

    // Over TLS 1.3, each device pinning the certificate the server made at init.
    void twoDevicesOfOneProjectExchangeNotes()
    {
        ServerProcess server;
        QVERIFY(server.init());
        const QString p = server.createProject();
        const QString q = server.createProject();
        QVERIFY(!p.isEmpty() && !q.isEmpty());
        QVERIFY(server.start(0, {}, ServerProcess::Tls::On));
        const QByteArray pin = server.fingerprint();

        Device a(server.port(), m_clock, pin, {}, pin), b(server.port(), m_clock, pin, {}, pin),
            c(server.port(), m_clock, pin, {}, pin);
        QVERIFY(enrol(server, a, p));
        QVERIFY(enrol(server, b, p));
        QVERIFY(enrol(server, c, q));
        const crypto::SecureBytes projectKey = crypto::SecureBytes::random(32);
        a.client->setProjectKey(p, 1, projectKey.clone());
        b.client->setProjectKey(p, 1, projectKey.clone());
        c.client->setProjectKey(q, 1, crypto::SecureBytes::random(32));

        a.write(p, "CANARY-E2E-1 Observed the handover at 07:00");
        a.write(p, "CANARY-E2E-2 Staff discussed the new rota");
        a.write(p, "CANARY-E2E-3 Patient council met");
        QVERIFY(a.client->sync(a.journal).ok());
        QVERIFY(a.journal.outbox.isEmpty());

        QVERIFY(b.client->sync(b.journal).ok());
        QCOMPARE(b.journal.applied.size(), 3);
        for (int i = 0; i < 3; ++i) {
            const IncomingOp &op = b.journal.applied.at(i);
            QCOMPARE(op.header.authorDevice, a.keys.sign.publicKey);
            QCOMPARE(op.header.deviceSeq, i + 1);
            QVERIFY(op.plaintext.startsWith("CANARY-E2E-" + QByteArray::number(i + 1)));
        }
        QCOMPARE(b.journal.cursorValue, b.journal.applied.last().serverSeq);

        // The device of the other project sees nothing of it.
        QVERIFY(c.client->sync(c.journal).ok());
        QVERIFY(c.journal.applied.isEmpty());
        QCOMPARE(c.journal.cursorValue, 0);

        // B's next sync has nothing new.
        QVERIFY(b.client->sync(b.journal).ok());
        QCOMPARE(b.journal.applied.size(), 3);

        // The server never had the plaintext, in its store or its log.
        QVERIFY(server.terminate() == 0);
        QVERIFY(test::filesContaining(server.dataDir(), "CANARY-E2E").isEmpty());
        QVERIFY(!server.log().contains("CANARY"));
    }

    void revokedDeviceIsRefusedWhileServing()
    {
        ServerProcess server;
        QVERIFY(server.init());
        const QString p = server.createProject();
        QVERIFY(server.start());
        Device a(server.port(), m_clock, server.fingerprint()), b(server.port(), m_clock, server.fingerprint());
        QVERIFY(enrol(server, a, p));
        QVERIFY(enrol(server, b, p));
        const crypto::SecureBytes key = crypto::SecureBytes::random(32);
        a.client->setProjectKey(p, 1, key.clone());
        b.client->setProjectKey(p, 1, key.clone());
        a.write(p, "before");
        QVERIFY(a.client->sync(a.journal).ok());

        QCOMPARE(server.admin({QStringLiteral("devices"), QStringLiteral("revoke"),
                               QString::fromLatin1(a.keys.sign.publicKey.toHex())}),
                 QByteArray("revoked"));
        a.write(p, "after");
        QVERIFY(!a.client->sync(a.journal).ok());
        QCOMPARE(a.client->lastRefusal().status, 403);
        QCOMPARE(a.client->lastRefusal().reason, QStringLiteral("revoked"));
        QCOMPARE(a.journal.outbox.size(), 1);
        QVERIFY(b.client->sync(b.journal).ok());
        QCOMPARE(b.journal.applied.size(), 1);
    }

    void hostileConnectionsDoNotHurtTheServer()
    {
        ServerProcess server;
        QVERIFY(server.init());
        QVERIFY(server.start(0, {QStringLiteral("--request-timeout-ms"), QStringLiteral("500"),
                                 QStringLiteral("--max-body-bytes"), QStringLiteral("4096")}));
        const QByteArray big = "POST /v1/push HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n" + QByteArray(8000, 'x');
        QVERIFY(rawExchange(server.port(), big, 3000).startsWith("HTTP/1.1 413"));
        QVERIFY(rawExchange(server.port(), "HELLO THERE\r\n\r\n", 3000).startsWith("HTTP/1.1 400"));
        QVERIFY(rawExchange(server.port(), "GET /v1/health HTTP/1.1\r\nHost: x\r\n" + QByteArray(20000, 'a') + "\r\n\r\n", 3000)
                    .startsWith("HTTP/1.1 413"));
        // A client that starts a request and stalls is cut off at the deadline.
        bool closed = false;
        QElapsedTimer t;
        t.start();
        const QByteArray stalled = rawExchange(server.port(), "GET /v1/health HTTP/1.1\r\n", 5000, &closed);
        QVERIFY(closed);
        QVERIFY(stalled.isEmpty());
        QVERIFY2(t.elapsed() < 3000, qPrintable(QString::number(t.elapsed())));
        // And it still serves.
        QVERIFY(rawExchange(server.port(), "GET /v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 3000)
                    .startsWith("HTTP/1.1 200"));
        QVERIFY(server.running());
        QCOMPARE(server.terminate(), 0);
    }

    // The server handles a push and is killed before its answer leaves; the
    // device retries after a restart: nothing lost, nothing twice.
    void resumesAfterServerKilledMidPush()
    {
        ServerProcess server;
        QVERIFY(server.init());
        const QString p = server.createProject();
        QVERIFY(server.start());
        const std::uint16_t port = server.port();

        FaultProxy proxy(port);
        std::atomic<qint64> victim{server.pid()};
        // Requests 0 and 1 open the session; 2 and 3 are the first two pushes.
        proxy.afterUpstream = [&victim](int index) {
            if (index == 3)
                ::kill(pid_t(victim.load()), SIGKILL);
        };
        QVERIFY(proxy.start([](int index) {
            return index == 3 ? FaultProxy::Fault::DropResponse : FaultProxy::Fault::Pass;
        }));

        SyncClientOptions options = fastRetries(2);
        options.pushBatch = 10;
        Device a(proxy.port(), m_clock, server.fingerprint(), options), b(port, m_clock, server.fingerprint());
        QVERIFY(enrol(server, b, p));
        // A enrols directly, then syncs through the proxy with the same keys.
        {
            auto direct = std::make_unique<BeastTransport>(QStringLiteral("127.0.0.1"), port);
            SyncClient enrolClient(*direct, m_clock, a.keys.sign, server.fingerprint());
            QVERIFY(enrolClient.enrol(server.enrolToken(p), a.keys.box.publicKey).ok());
        }
        const crypto::SecureBytes key = crypto::SecureBytes::random(32);
        a.client->setProjectKey(p, 1, key.clone());
        b.client->setProjectKey(p, 1, key.clone());
        for (int i = 1; i <= 30; ++i)
            a.write(p, "op " + QByteArray::number(i));

        // Batch 1 is stored and acknowledged; batch 2 is stored but its
        // receipt is lost with the server; the retries find no server.
        QVERIFY(!a.client->sync(a.journal).ok());
        QCOMPARE(a.journal.outbox.size(), 20);
        QCOMPARE(a.journal.outbox.first().header.deviceSeq, 11);
        server.kill();

        QVERIFY(server.start(port));
        QVERIFY(a.client->sync(a.journal).ok());
        QVERIFY(a.journal.outbox.isEmpty());

        QVERIFY(b.client->sync(b.journal).ok());
        QCOMPARE(b.journal.applied.size(), 30);
        QSet<QByteArray> opIds;
        for (int i = 0; i < 30; ++i) {
            const IncomingOp &op = b.journal.applied.at(i);
            QCOMPARE(op.header.deviceSeq, i + 1);
            QCOMPARE(op.plaintext, "op " + QByteArray::number(i + 1));
            opIds.insert(op.header.opId);
        }
        QCOMPARE(opIds.size(), 30);
        QCOMPARE(server.admin({QStringLiteral("status")}).split('\n').value(2), QByteArray("ops 30"));
        proxy.stop();
    }

    // The connection breaks while an answer is on its way (dropped, or cut
    // in half): retries neither lose nor repeat anything.
    void socketClosedMidResponse()
    {
        ServerProcess server;
        QVERIFY(server.init());
        const QString p = server.createProject();
        QVERIFY(server.start());
        FaultProxy pushProxy(server.port()), pullProxy(server.port());
        QVERIFY(pushProxy.start([](int index) {
            return index == 0 ? FaultProxy::Fault::DropResponse : FaultProxy::Fault::Pass;
        }));
        QVERIFY(pullProxy.start([](int index) {
            return index < 2 ? FaultProxy::Fault::TruncateResponse : FaultProxy::Fault::Pass;
        }));
        SyncClientOptions options = fastRetries(5);
        options.pullPage = 4;
        Device a(pushProxy.port(), m_clock, server.fingerprint(), options),
            b(pullProxy.port(), m_clock, server.fingerprint(), options);
        QVERIFY(enrol(server, a, p));
        QVERIFY(enrol(server, b, p));   // the first truncated answer hits this; enrolment retries are idempotent
        const crypto::SecureBytes key = crypto::SecureBytes::random(32);
        a.client->setProjectKey(p, 1, key.clone());
        b.client->setProjectKey(p, 1, key.clone());
        for (int i = 1; i <= 10; ++i)
            a.write(p, "note " + QByteArray::number(i));

        QVERIFY(a.client->sync(a.journal).ok());
        QVERIFY(a.journal.outbox.isEmpty());
        QVERIFY(pushProxy.requests() >= 2);

        // An apply that fails leaves the cursor where it was; the next sync resumes.
        b.journal.failApplyAfter = 1;
        QVERIFY(!b.client->sync(b.journal).ok());
        QCOMPARE(b.journal.applied.size(), 4);
        const Status resumed = b.client->sync(b.journal);
        QVERIFY2(resumed.ok(), qPrintable(resumed.ok() ? QString() : resumed.error().detail));
        QCOMPARE(b.journal.applied.size(), 10);
        for (int i = 0; i < 10; ++i)
            QCOMPARE(b.journal.applied.at(i).plaintext, "note " + QByteArray::number(i + 1));
        QCOMPARE(server.admin({QStringLiteral("status")}).split('\n').value(2), QByteArray("ops 10"));
    }

    void plainHttpOnlyOnLoopback()
    {
        ServerProcess server;
        QVERIFY(server.init());
        QVERIFY(!server.start(0, {QStringLiteral("--listen"), QStringLiteral("0.0.0.0")}));
        // With TLS, any address will do.
        QVERIFY(server.start(0, {QStringLiteral("--listen"), QStringLiteral("0.0.0.0")}, ServerProcess::Tls::On));
    }

    // A server with another certificate (another server, or someone in
    // between) is refused at the handshake, without retries and before any
    // request is sent; plain HTTP to a TLS server gets nowhere either.
    void otherCertificateIsRefused()
    {
        ServerProcess server, impostor;
        QVERIFY(server.init());
        QVERIFY(impostor.init());
        const QString p = server.createProject();
        QVERIFY(server.start(0, {}, ServerProcess::Tls::On));
        QVERIFY(impostor.start(0, {}, ServerProcess::Tls::On));
        QVERIFY(server.fingerprint() != impostor.fingerprint());

        Device honest(server.port(), m_clock, server.fingerprint(), fastRetries(3), server.fingerprint());
        QVERIFY(enrol(server, honest, p));

        Device fooled(impostor.port(), m_clock, server.fingerprint(), fastRetries(3), server.fingerprint());
        QElapsedTimer t;
        t.start();
        auto r = fooled.client->enrol(server.enrolToken(p), fooled.keys.box.publicKey);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Tampered);
        QCOMPARE(r.error().detail, QString::fromLatin1(kCertificateMismatch));
        QVERIFY2(t.elapsed() < 2000, "a certificate mismatch must not be retried with back-off");
        QVERIFY(impostor.terminate() == 0);
        QVERIFY(impostor.log().contains("tls-handshake-failed"));
        QVERIFY(!impostor.log().contains("/v1/enrol"));

        Device plain(server.port(), m_clock, server.fingerprint(), fastRetries(1));
        QVERIFY(!plain.client->enrol(server.enrolToken(p), plain.keys.box.publicKey).ok());
    }

    // Approval over the wire: the admin device makes the project key, seals
    // it to itself and, once the fieldworker's device has enrolled, to that
    // device; the fieldworker reads what the admin wrote. A device nobody
    // approved holds no key and reads nothing.
    void adminApprovesADeviceWithTheProjectKey()
    {
        ServerProcess server;
        QVERIFY(server.init());
        const QString p = server.createProject();
        QVERIFY(server.start(0, {}, ServerProcess::Tls::On));
        const QByteArray pin = server.fingerprint();
        Device admin(server.port(), m_clock, pin, {}, pin), field(server.port(), m_clock, pin, {}, pin),
            waiting(server.port(), m_clock, pin, {}, pin);
        QVERIFY(enrol(server, admin, p, "admin"));
        QVERIFY(enrol(server, field, p));
        QVERIFY(enrol(server, waiting, p));

        const crypto::SecureBytes key = crypto::SecureBytes::random(32);
        auto members = admin.client->members(p);
        QVERIFY(members.ok());
        QCOMPARE(members->size(), 3);
        QList<protocol::Member> approve;
        for (const protocol::Member &m : members.value())
            if (m.signKey != waiting.keys.sign.publicKey)
                approve.append(m);
        QVERIFY(admin.client->grantKey(p, 1, key, approve).ok());
        const GranterCheck byAdmin = trusting({admin.keys.sign.publicKey});
        QCOMPARE(admin.client->fetchKeys(admin.keys.box, byAdmin)->installed, 1);
        QCOMPARE(field.client->fetchKeys(field.keys.box, byAdmin)->installed, 1);
        QCOMPARE(waiting.client->fetchKeys(waiting.keys.box, byAdmin)->installed, 0);
        QVERIFY(!field.client->members(p).ok());   // not an admin

        admin.write(p, "Ward round observed");
        QVERIFY(admin.client->sync(admin.journal).ok());
        QVERIFY(field.client->sync(field.journal).ok());
        QCOMPARE(field.journal.applied.size(), 1);
        QCOMPARE(field.journal.applied.first().plaintext, QByteArray("Ward round observed"));
        // Without the key the envelope cannot be opened, so nothing is applied.
        QVERIFY(!waiting.client->sync(waiting.journal).ok());
        QVERIFY(waiting.journal.applied.isEmpty());
        QCOMPARE(waiting.journal.cursorValue, 0);
    }

    // The real server: every endpoint but health, enrolment and the two
    // session steps refuses a request without a session token, for every
    // method; a device opens its session by itself and opens a new one when
    // the server restarted (tokens live in the server's memory only).
    void sessionsOverTheWire()
    {
        ServerProcess server;
        QVERIFY(server.init());
        const QString p = server.createProject();
        QVERIFY(server.start(0, {}, ServerProcess::Tls::On));
        const QByteArray pin = server.fingerprint();
        Device a(server.port(), m_clock, pin, fastRetries(), pin), b(server.port(), m_clock, pin, fastRetries(), pin);
        QVERIFY(enrol(server, a, p));
        QVERIFY(enrol(server, b, p));

        BeastTransportOptions t;
        t.pinnedCertificateSha256 = pin;
        BeastTransport raw(QStringLiteral("127.0.0.1"), server.port(), t);
        for (const server::Endpoint &e : server::kEndpoints) {
            QByteArray path(e.path);
            if (path.endsWith('/'))
                path += QByteArray(64, 'a');
            int refused = 0;
            for (const QByteArray method : {"GET", "POST", "PUT", "HEAD", "DELETE"}) {
                for (const QByteArray &authorization : {QByteArray(), "Bearer " + crypto::randomBytes(32).toHex()}) {
                    HeaderList headers;
                    if (!authorization.isEmpty())
                        headers.append({"Authorization", authorization});
                    auto r = raw.send(method, path + "?since=0&project=" + p.toLatin1(), headers, {});
                    QVERIFY(r.ok());
                    if (e.open)
                        continue;
                    QVERIFY2(r->status == 401 || r->status == 405,
                             qPrintable(QStringLiteral("%1 %2: %3").arg(QString::fromLatin1(method),
                                                                        QString::fromLatin1(path)).arg(r->status)));
                    refused += r->status == 401;
                }
            }
            QVERIFY2(e.open || refused > 0, e.path);
        }
        QVERIFY(server.log().contains("401 unauthenticated"));
        QVERIFY(server.log().contains("401 unknown-token"));

        const crypto::SecureBytes key = crypto::SecureBytes::random(32);
        a.client->setProjectKey(p, 1, key.clone());
        b.client->setProjectKey(p, 1, key.clone());
        a.write(p, "before the restart");
        QVERIFY(a.client->sync(a.journal).ok());
        QCOMPARE(a.client->sessionsOpened(), 1);

        // A restart ends every session; the device notices at its next request.
        QCOMPARE(server.terminate(), 0);
        QVERIFY(server.start(server.port(), {}, ServerProcess::Tls::On));
        a.write(p, "after the restart");
        const Status synced = a.client->sync(a.journal);
        QVERIFY2(synced.ok(), qPrintable(synced.ok() ? QString() : synced.error().detail));
        QCOMPARE(a.client->sessionsOpened(), 2);
        QVERIFY(b.client->sync(b.journal).ok());
        QCOMPARE(b.journal.applied.size(), 2);

        // Revoked from the command line (another process) while its session
        // is live: refused at the very next request.
        QCOMPARE(server.admin({QStringLiteral("devices"), QStringLiteral("revoke"),
                               QString::fromLatin1(b.keys.sign.publicKey.toHex())})
                     .isEmpty(),
                 false);
        a.write(p, "after the revocation");
        QVERIFY(a.client->sync(a.journal).ok());
        QVERIFY(!b.client->sync(b.journal).ok());
        QCOMPARE(b.client->lastRefusal().status, 403);
        QCOMPARE(b.client->lastRefusal().reason, QStringLiteral("revoked"));
        QCOMPARE(b.journal.applied.size(), 2);

        // A device that signs for another server (it pinned another
        // certificate) gets no session here.
        Device elsewhere(server.port(), m_clock, crypto::randomBytes(32), fastRetries(), pin);
        QVERIFY(enrol(server, elsewhere, p));
        QVERIFY(!elsewhere.client->members(p).ok());
        QCOMPARE(elsewhere.client->lastRefusal().reason, QStringLiteral("bad-signature"));
        // Nothing of a token reaches the log.
        QVERIFY(!server.log().contains("Bearer"));
    }

    // A device takes project keys only from the administrators it pinned
    // when it joined (the enrolment answer names them), and keeps the key
    // it holds for an epoch when offered another.
    void grantsOnlyFromPinnedAdmins()
    {
        ServerProcess server;
        QVERIFY(server.init());
        const QString p = server.createProject();
        QVERIFY(server.start(0, {}, ServerProcess::Tls::On));
        const QByteArray pin = server.fingerprint();
        Device admin(server.port(), m_clock, pin, {}, pin), field(server.port(), m_clock, pin, {}, pin),
            later(server.port(), m_clock, pin, {}, pin);
        QVERIFY(enrol(server, admin, p, "admin"));
        auto joined = field.client->enrol(server.enrolToken(p), field.keys.box.publicKey);
        QVERIFY(joined.ok());
        QCOMPARE(joined->admins, QList<QByteArray>{admin.keys.sign.publicKey});
        // Another admin device the fieldworker's device never learnt of.
        QVERIFY(enrol(server, later, p, "admin"));
        const GranterCheck pinned = trusting(joined->admins);

        auto members = admin.client->members(p);
        QVERIFY(members.ok());
        QList<protocol::Member> fieldOnly;
        for (const protocol::Member &m : members.value())
            if (m.signKey == field.keys.sign.publicKey)
                fieldOnly.append(m);
        QCOMPARE(fieldOnly.size(), 1);
        const crypto::SecureBytes epoch1 = crypto::SecureBytes::random(32);
        const crypto::SecureBytes foreign = crypto::SecureBytes::random(32);
        QVERIFY(admin.client->grantKey(p, 1, epoch1, fieldOnly).ok());
        // The server accepts the other admin's grant (it is an admin there)…
        QVERIFY(later.client->grantKey(p, 2, foreign, fieldOnly).ok());
        // …but the device does not.
        auto fetched = field.client->fetchKeys(field.keys.box, pinned);
        QVERIFY(fetched.ok());
        QCOMPARE(fetched->installed, 1);
        QCOMPARE(fetched->problems.size(), 1);
        QCOMPARE(fetched->problems.first().kind, KeyGrantProblem::Kind::UntrustedGranter);
        QCOMPARE(fetched->problems.first().epoch, 2u);
        QVERIFY(field.client->projectKey(p, 1) && field.client->projectKey(p, 1)->equals(epoch1));
        QVERIFY(!field.client->projectKey(p, 2));

        // A server that offers another key for epoch 1, signed by the pinned
        // administrator: reported, and the key held is kept.
        BeastTransportOptions t;
        t.pinnedCertificateSha256 = pin;
        BeastTransport direct(QStringLiteral("127.0.0.1"), server.port(), t);
        test::LyingGrantsTransport lying(direct);
        SyncClient misled(lying, m_clock, field.keys.sign, pin);
        QVERIFY(misled.fetchKeys(field.keys.box, pinned)->installed == 1);
        const crypto::SecureBytes other = crypto::SecureBytes::random(32);
        lying.extra = {test::signedGrant(admin.keys.sign, field.keys.sign.publicKey, field.keys.box.publicKey, p, 1, other)};
        auto conflicting = misled.fetchKeys(field.keys.box, pinned);
        QVERIFY(conflicting.ok());
        QCOMPARE(conflicting->installed, 0);
        QCOMPARE(conflicting->problems.size(), 2);   // the untrusted epoch 2 again, and the conflict
        QCOMPARE(conflicting->problems.last().kind, KeyGrantProblem::Kind::ConflictingKey);
        QCOMPARE(conflicting->problems.last().epoch, 1u);
        QVERIFY(misled.projectKey(p, 1)->equals(epoch1));
        // The same key offered again is no problem.
        lying.extra = {test::signedGrant(admin.keys.sign, field.keys.sign.publicKey, field.keys.box.publicKey, p, 1, epoch1)};
        QCOMPARE(misled.fetchKeys(field.keys.box, pinned)->problems.size(), 1);
    }

    // `enrol` prints a code that carries the server's address and pinned
    // fingerprint, a QR code of it for the terminal, and the same QR as PNG;
    // a device that follows the code alone syncs over TLS.
    void enrolmentCodeCarriesEverythingADeviceNeeds()
    {
        ServerProcess server;
        QVERIFY(server.init());
        const QString p = server.createProject();
        QVERIFY(server.start(0, {}, ServerProcess::Tls::On));
        const QString png = QDir(server.dataDir()).filePath(QStringLiteral("enrol.png"));
        const QByteArray printed = server.admin({QStringLiteral("enrol"), QStringLiteral("--project"), p,
                                                 QStringLiteral("--server"),
                                                 QStringLiteral("127.0.0.1:%1").arg(server.port()),
                                                 QStringLiteral("--png"), png});
        const QList<QByteArray> lines = printed.split('\n');
        QVERIFY(lines.size() > 20);
        auto code = protocol::EnrolCode::decode(QString::fromLatin1(lines.at(0)));
        QVERIFY(code.ok());
        QCOMPARE(code->fingerprint, server.fingerprint());
        QCOMPARE(code->port, server.port());
        QVERIFY(QString::fromUtf8(printed).contains(QChar(0x2580)));   // the terminal QR code
        QImage image(png);
        QVERIFY(!image.isNull());
        QCOMPARE(image.width(), image.height());
        QVERIFY(image.width() >= 200);

        BeastTransportOptions t;
        t.pinnedCertificateSha256 = code->fingerprint;
        BeastTransport transport(code->host, code->port, t);
        TestDevice keys;
        SyncClient client(transport, m_clock, keys.sign, code->fingerprint);
        auto joined = client.enrol(code->token, keys.box.publicKey);
        QVERIFY(joined.ok());
        QCOMPARE(joined->projectId, p);
        // One code, one device.
        TestDevice other;
        SyncClient second(transport, m_clock, other.sign, code->fingerprint);
        QVERIFY(!second.enrol(code->token, other.box.publicKey).ok());

        int exit = 0;
        server.admin({QStringLiteral("enrol"), QStringLiteral("--project"), p}, &exit);
        QCOMPARE(exit, 2);   // no --server: refused, nothing issued
    }

    // On PostgreSQL, the database holds envelopes and their clear headers and
    // nothing else: a canary a device wrote is in no table, as text or as
    // the hex pg_dump writes bytea in, while the ops themselves are there.
    void canaryNeverInThePostgresDump()
    {
        if (!test::onPostgres())
            QSKIP("runs in tst_sync_e2e_pg");
        ServerProcess server;
        QVERIFY(server.onPostgres());
        QVERIFY(server.init());
        const QString p = server.createProject();
        QVERIFY(!p.isEmpty());
        QVERIFY(server.start(0, {}, ServerProcess::Tls::On));
        const QByteArray pin = server.fingerprint();
        Device a(server.port(), m_clock, pin, {}, pin), b(server.port(), m_clock, pin, {}, pin);
        QVERIFY(enrol(server, a, p));
        QVERIFY(enrol(server, b, p));
        const crypto::SecureBytes projectKey = crypto::SecureBytes::random(32);
        a.client->setProjectKey(p, 1, projectKey.clone());
        b.client->setProjectKey(p, 1, projectKey.clone());
        for (int i = 0; i < 20; ++i)
            a.write(p, "CANARY-PG-DUMP participant said the night shift was short-staffed " + QByteArray::number(i));
        const QByteArray firstOpId = a.journal.outbox.first().header.opId;
        QVERIFY(a.client->sync(a.journal).ok());
        QVERIFY(b.client->sync(b.journal).ok());
        QCOMPARE(b.journal.applied.size(), 20);
        QVERIFY(b.journal.applied.first().plaintext.startsWith("CANARY-PG-DUMP"));
        QVERIFY(server.terminate() == 0);

        const QByteArray dump = server.database().dump();
        // The dump is of this server's data: its project and, in hex, its ops.
        QVERIFY(dump.contains(p.toLatin1()));
        QVERIFY(dump.contains(firstOpId.toHex()));
        QVERIFY(!test::dumpContains(dump, "CANARY-PG-DUMP"));
        QVERIFY(!test::dumpContains(dump, "short-staffed"));
        QVERIFY(filesContaining(server.dataDir(), "CANARY-PG-DUMP").isEmpty());
        QVERIFY(!server.log().contains("CANARY"));
    }

    // PostgreSQL drops the server's connections (a database restart or
    // failover): the requests in flight fail, the server keeps running and
    // reconnects, and the devices' retries store every op once.
    void survivesLostDatabaseConnections()
    {
        if (!test::onPostgres())
            QSKIP("runs in tst_sync_e2e_pg");
        ServerProcess server;
        QVERIFY(server.init());
        const QString p = server.createProject();
        QVERIFY(server.start());
        Device a(server.port(), m_clock, server.fingerprint(), fastRetries(10));
        QVERIFY(enrol(server, a, p));
        a.client->setProjectKey(p, 1, crypto::SecureBytes::random(32));
        const QString name = QUrl(server.storeUrl()).path().mid(1);
        const QString cut = QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                           "WHERE datname = '%1' AND pid <> pg_backend_pid()")
                                .arg(name);
        for (int round = 0; round < 3; ++round) {
            for (int i = 0; i < 5; ++i)
                a.write(p, "note " + QByteArray::number(round * 5 + i));
            QVERIFY(test::psql(test::testPostgresUrl(), cut));
            QVERIFY(a.client->sync(a.journal).ok());
            QVERIFY(a.journal.outbox.isEmpty());
            QVERIFY(server.running());
        }
        QCOMPARE(a.journal.applied.size(), 15);
        QCOMPARE(server.admin({QStringLiteral("status")}).split('\n').value(2), QByteArray("ops 15"));
        QVERIFY(server.terminate() == 0);
        QVERIFY2(server.log().contains("lost the connection to PostgreSQL"), server.log());
    }

    // --store: PostgreSQL unreachable, a refused login, a data directory used
    // with the wrong store: each a clear message and exit code 1, and a
    // password in the URL is never printed, logged or written down.
    void storeErrorsAreClearAndNeverShowThePassword()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("server"));
        Run down = runServer({QStringLiteral("init"), QStringLiteral("--data"), dir, QStringLiteral("--store"),
                              QStringLiteral("postgresql://samla:CANARY-PW@127.0.0.1:1/samla")});
        QCOMPARE(down.exitCode, 1);
        QVERIFY2(down.err.contains("cannot reach PostgreSQL at postgresql://samla:***@127.0.0.1:1/samla"), down.err);
        QVERIFY(!(down.out + down.err).contains("CANARY-PW"));
        QVERIFY(!QFileInfo::exists(dir));   // nothing written before the store answered
        Run notPg = runServer({QStringLiteral("status"), QStringLiteral("--data"), dir, QStringLiteral("--store"),
                               QStringLiteral("mysql://samla@127.0.0.1/samla")});
        QCOMPARE(notPg.exitCode, 1);
        QVERIFY(notPg.err.contains("--store takes a postgresql://"));

        if (!test::onPostgres()) {
            // An embedded data directory with --store is refused, not served from elsewhere.
            ServerProcess embedded;
            QVERIFY(embedded.init());
            Run mixed = runServer({QStringLiteral("status"), QStringLiteral("--data"), embedded.dataDir(),
                                   QStringLiteral("--store"), QStringLiteral("postgresql://samla@127.0.0.1:1/samla")});
            QCOMPARE(mixed.exitCode, 1);
            QVERIFY2(mixed.err.contains("holds an embedded store"), mixed.err);
            return;
        }
        // The fixture's cluster trusts the samla role, so a password in its
        // URL is accepted and ignored: the URL still carries it everywhere.
        test::TestDatabase db;
        QUrl withPassword(db.url());
        withPassword.setPassword(QStringLiteral("CANARY-PW"));
        const QString url = withPassword.toString();
        QVERIFY(url.contains(QLatin1String("CANARY-PW")));
        QByteArray everything;
        Run init = runServer({QStringLiteral("init"), QStringLiteral("--data"), dir, QStringLiteral("--store"), url});
        QCOMPARE(init.exitCode, 0);
        everything += init.out + init.err;
        Run project = runServer({QStringLiteral("project"), QStringLiteral("create"), QStringLiteral("--data"), dir,
                                 QStringLiteral("--store"), url});
        QCOMPARE(project.exitCode, 0);
        everything += project.out + project.err;
        {
            QProcess serve;
            serve.start(QStringLiteral(SAMLA_SERVER_BIN), {QStringLiteral("serve"), QStringLiteral("--data"), dir,
                                                             QStringLiteral("--store"), url,
                                                             QStringLiteral("--plain-http")});
            QVERIFY(serve.waitForStarted(10'000));
            QByteArray out;
            while (!out.contains("plain HTTP") && serve.waitForReadyRead(10'000))
                out += serve.readAllStandardOutput();
            QVERIFY2(out.contains("samla-server listening on"), out);
            serve.terminate();
            QVERIFY(serve.waitForFinished(10'000));
            everything += out + serve.readAllStandardOutput() + serve.readAllStandardError();
        }
        // The store URL was logged, without the password.
        QVERIFY2(everything.contains(":***@127.0.0.1"), everything);
        Run status = runServer({QStringLiteral("status"), QStringLiteral("--data"), dir, QStringLiteral("--store"), url});
        QCOMPARE(status.exitCode, 0);
        QVERIFY(status.out.contains("projects 1\n"));
        everything += status.out + status.err;
        QVERIFY(!everything.contains("CANARY-PW"));
        QVERIFY(filesContaining(dir, "CANARY-PW").isEmpty());

        // Without --store, the data directory says where its store is.
        Run forgot = runServer({QStringLiteral("status"), QStringLiteral("--data"), dir});
        QCOMPARE(forgot.exitCode, 1);
        QVERIFY2(forgot.err.contains("this server's store is on PostgreSQL (postgresql://samla:***@"), forgot.err);
        QVERIFY(!forgot.err.contains("CANARY-PW"));
        // init again on the same database: refused before anything is written.
        const QString other = tmp.filePath(QStringLiteral("other"));
        Run twice = runServer({QStringLiteral("init"), QStringLiteral("--data"), other, QStringLiteral("--store"), url});
        QCOMPARE(twice.exitCode, 1);
        QVERIFY2(twice.err.contains("already holds a samla-server store"), twice.err);
        QVERIFY(!QFileInfo::exists(other));

        // A refused login (pg-cluster.sh asks samla_pw for a password).
        QVERIFY(test::psql(test::testPostgresUrl(),
                           QStringLiteral("DO $$ BEGIN CREATE ROLE samla_pw LOGIN PASSWORD 'right-pw'; "
                                          "EXCEPTION WHEN OTHERS THEN NULL; END $$")));
        QUrl wrong(url);
        wrong.setUserName(QStringLiteral("samla_pw"));
        Run refused = runServer({QStringLiteral("status"), QStringLiteral("--data"), dir, QStringLiteral("--store"),
                                 wrong.toString()});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("PostgreSQL refused the login"), refused.err);
        QVERIFY(!(refused.out + refused.err).contains("CANARY-PW"));
    }

    // The TLS private key is on disk only wrapped with the store key.
    void tlsKeyIsSealedAtRest()
    {
        ServerProcess server;
        QVERIFY(server.init());
        QDir dir(server.dataDir());
        QVERIFY(dir.exists(QStringLiteral("tls-certificate.pem")));
        QVERIFY(dir.exists(QStringLiteral("tls-key.sealed")));
        QVERIFY(filesContaining(server.dataDir(), "PRIVATE KEY").isEmpty());
        QFile sealed(dir.filePath(QStringLiteral("tls-key.sealed")));
        QCOMPARE(int(sealed.permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup)), 0);
        // A flipped byte in the sealed key: serve refuses to start with TLS.
        QVERIFY(sealed.open(QIODevice::ReadWrite));
        QByteArray bytes = sealed.readAll();
        bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x01);
        sealed.seek(0);
        sealed.write(bytes);
        sealed.close();
        QVERIFY(!server.start(0, {}, ServerProcess::Tls::On));
    }
};

QTEST_GUILESS_MAIN(TestSyncEndToEnd)
#include "tst_sync_e2e.moc"
