// Helpers for the sync tests: the real samla-server on loopback, a fault-injecting proxy, an in-memory journal.
#pragma once

#include "platform/crypto/crypto.h"
#include "sync/client/syncclient.h"
#include "sync/protocol/enrolcode.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <atomic>
#include <functional>
#include <mutex>
#include <netinet/in.h>
#include <set>
#include <signal.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace samla::test {

// Every file below dir whose bytes contain needle.
inline QStringList filesContaining(const QString &dir, const QByteArray &needle)
{
    QStringList hits;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString p = it.next();
        QFile f(p);
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            hits << p;
    }
    return hits;
}

// Runs samla-server (the binary CMake built) in a temporary data directory.
class ServerProcess {
public:
    ServerProcess() { m_dataDir = m_tmp.filePath(QStringLiteral("server")); }
    ~ServerProcess() { kill(); }

    QString dataDir() const { return m_dataDir; }

    // Runs an admin command to completion; its stdout, trimmed, or empty on failure.
    QByteArray admin(QStringList args, int *exitCode = nullptr) const
    {
        QProcess p;
        args.insert(1, QStringLiteral("--data"));
        args.insert(2, m_dataDir);
        p.start(QStringLiteral(SAMLA_SERVER_BIN), args);
        p.waitForFinished(30'000);
        if (exitCode)
            *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
            return {};
        return p.readAllStandardOutput().trimmed();
    }

    bool init() { return admin({QStringLiteral("init")}).startsWith("samla-server: initialised"); }
    QString createProject() { return QString::fromLatin1(admin({QStringLiteral("project"), QStringLiteral("create")})); }
    // `enrol` prints the enrolment code on its first line (then the QR code).
    QByteArray enrolToken(const QString &project, const char *role = "member")
    {
        const QByteArray printed = admin({QStringLiteral("enrol"), QStringLiteral("--project"), project,
                                          QStringLiteral("--server"), QStringLiteral("127.0.0.1:%1").arg(m_port ? m_port : 1),
                                          QStringLiteral("--role"), QString::fromLatin1(role)});
        auto code = protocol::EnrolCode::decode(QString::fromLatin1(printed.left(printed.indexOf('\n'))));
        return code.ok() ? code->token : QByteArray();
    }

    enum class Tls { Off, On };
    // Starts `serve`; waits for the port it prints. port 0: any free port.
    // Tls::Off serves plain HTTP on loopback (what a fault proxy can read);
    // Tls::On serves HTTPS and records the certificate fingerprint it prints.
    bool start(std::uint16_t port = 0, QStringList extra = {}, Tls tls = Tls::Off)
    {
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::SeparateChannels);
        QStringList args{QStringLiteral("serve"), QStringLiteral("--data"), m_dataDir, QStringLiteral("--port"),
                         QString::number(port)};
        if (tls == Tls::Off)
            args << QStringLiteral("--plain-http");
        m_process->start(QStringLiteral(SAMLA_SERVER_BIN), args + extra);
        if (!m_process->waitForStarted(10'000))
            return false;
        QByteArray out;
        while (out.count('\n') < 2) {
            if (!m_process->waitForReadyRead(10'000))
                return false;
            out += m_process->readAllStandardOutput();
        }
        const QList<QByteArray> lines = out.split('\n');
        const QByteArray &line = lines.at(0);
        const qsizetype colon = line.lastIndexOf(':');
        if (!line.startsWith("samla-server listening on ") || colon < 0)
            return false;
        m_port = std::uint16_t(line.mid(colon + 1).toUInt());
        m_fingerprint.clear();
        if (lines.at(1).startsWith("certificate sha256 "))
            m_fingerprint = QByteArray::fromHex(lines.at(1).mid(19).replace(':', ""));
        return m_port != 0 && (tls == Tls::Off || m_fingerprint.size() == 32);
    }
    // SHA-256 of the certificate the running server presents (Tls::On).
    QByteArray fingerprint() const { return m_fingerprint; }

    // SIGKILL: no chance to finish anything, like a power cut to the process.
    void kill()
    {
        if (m_process && m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished(10'000);
        }
    }
    // SIGTERM, and the exit code of a graceful stop.
    int terminate()
    {
        if (!m_process || m_process->state() == QProcess::NotRunning)
            return -1;
        m_process->terminate();
        if (!m_process->waitForFinished(10'000))
            return -1;
        return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
    }
    qint64 pid() const { return m_process ? m_process->processId() : 0; }
    bool running() const { return m_process && m_process->state() == QProcess::Running; }
    std::uint16_t port() const { return m_port; }
    QByteArray log() const { return m_process ? m_process->readAllStandardError() : QByteArray(); }

private:
    QTemporaryDir m_tmp;
    QString m_dataDir;
    std::unique_ptr<QProcess> m_process;
    std::uint16_t m_port = 0;
    QByteArray m_fingerprint;
};

// A TCP proxy between client and server that forwards one HTTP message at a
// time and can break the connection at chosen requests: after the server has
// handled a request but before its answer reaches the client (the case where
// a device cannot know whether its push was stored), or halfway through the
// answer. Plain POSIX sockets on its own thread, so it does not need the
// test's event loop while the client blocks.
class FaultProxy {
public:
    enum class Fault { Pass, DropResponse, TruncateResponse };
    // Decides the fault for the n-th request (0-based) that reaches the proxy.
    using Plan = std::function<Fault(int index)>;

    explicit FaultProxy(std::uint16_t upstreamPort) : m_upstream(upstreamPort) {}
    ~FaultProxy() { stop(); }

    bool start(Plan plan)
    {
        m_plan = std::move(plan);
        m_listener = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = 0;
        if (::bind(m_listener, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 || ::listen(m_listener, 16) != 0)
            return false;
        socklen_t len = sizeof addr;
        ::getsockname(m_listener, reinterpret_cast<sockaddr *>(&addr), &len);
        m_port = ntohs(addr.sin_port);
        m_thread = std::thread([this] { acceptLoop(); });
        return true;
    }
    void stop()
    {
        if (m_listener >= 0) {
            m_stopping = true;
            ::shutdown(m_listener, SHUT_RDWR);
            ::close(m_listener);
            m_listener = -1;
        }
        // A kept-alive client connection would hold the thread in recv().
        const int active = m_active.exchange(-1);
        if (active >= 0)
            ::shutdown(active, SHUT_RDWR);
        if (m_thread.joinable())
            m_thread.join();
    }
    std::uint16_t port() const { return m_port; }
    int requests() const { return m_requests.load(); }
    void setUpstreamPort(std::uint16_t port) { m_upstream = port; }
    // Runs in the proxy thread after the server answered request n and before
    // the fault applies (e.g. to SIGKILL the server at exactly that point).
    std::function<void(int)> afterUpstream;

private:
    static bool readMessage(int fd, QByteArray *buffer, QByteArray *message)
    {
        for (;;) {
            const qsizetype headEnd = buffer->indexOf("\r\n\r\n");
            if (headEnd >= 0) {
                qsizetype length = 0;
                const QByteArray head = buffer->left(headEnd).toLower();
                const qsizetype cl = head.indexOf("content-length:");
                if (cl >= 0)
                    length = head.mid(cl + 15, head.indexOf("\r\n", cl) - cl - 15).trimmed().toLongLong();
                if (buffer->size() >= headEnd + 4 + length) {
                    *message = buffer->left(headEnd + 4 + length);
                    buffer->remove(0, headEnd + 4 + length);
                    return true;
                }
            }
            char chunk[65536];
            const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
            if (n <= 0)
                return false;
            buffer->append(chunk, qsizetype(n));
        }
    }
    static bool sendAll(int fd, const char *data, qsizetype size)
    {
        while (size > 0) {
            const ssize_t n = ::send(fd, data, size_t(size), MSG_NOSIGNAL);
            if (n <= 0)
                return false;
            data += n;
            size -= n;
        }
        return true;
    }
    void acceptLoop()
    {
        while (!m_stopping) {
            const int client = ::accept(m_listener, nullptr, nullptr);
            if (client < 0)
                return;
            // One connection at a time is all the sync client uses.
            m_active = client;
            if (m_stopping)
                ::shutdown(client, SHUT_RDWR);
            serve(client);
            m_active = -1;
            ::close(client);
        }
    }
    void serve(int client)
    {
        const int server = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = htons(m_upstream);
        if (::connect(server, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
            ::close(server);
            return;
        }
        QByteArray fromClient, fromServer, request, response;
        while (readMessage(client, &fromClient, &request)) {
            const int index = m_requests++;
            if (!sendAll(server, request.constData(), request.size()) || !readMessage(server, &fromServer, &response))
                break;
            if (afterUpstream)
                afterUpstream(index);
            const Fault fault = m_plan ? m_plan(index) : Fault::Pass;
            if (fault == Fault::DropResponse)
                break;
            if (fault == Fault::TruncateResponse) {
                sendAll(client, response.constData(), response.size() / 2);
                break;
            }
            if (!sendAll(client, response.constData(), response.size()))
                break;
        }
        ::close(server);
    }

    std::uint16_t m_upstream;
    std::uint16_t m_port = 0;
    int m_listener = -1;
    std::atomic<bool> m_stopping{false};
    std::atomic<int> m_active{-1};
    std::atomic<int> m_requests{0};
    Plan m_plan;
    std::thread m_thread;
};

// A device's journal in memory: an outbox of ops and what it has applied.
class MemoryJournal final : public sync::SyncJournal {
public:
    QList<sync::OutgoingOp> outbox;                 // unacknowledged, in device_seq order
    QList<sync::IncomingOp> applied;
    std::int64_t cursorValue = 0;
    int failApplyAfter = -1;                        // fail the n-th apply call (0-based), once

    Result<QList<sync::OutgoingOp>> pending(int limit) override { return outbox.mid(0, limit); }
    Status acknowledge(const QList<protocol::Receipt> &receipts) override
    {
        for (const protocol::Receipt &r : receipts) {
            if (outbox.isEmpty() || outbox.first().header.opId != r.opId)
                return makeError(ErrorCode::Internal, QStringLiteral("receipt out of order"));
            outbox.removeFirst();
        }
        return {};
    }
    Result<std::int64_t> cursor() override { return cursorValue; }
    Status apply(const QList<sync::IncomingOp> &ops, std::int64_t newCursor) override
    {
        if (failApplyAfter == 0) {
            failApplyAfter = -1;    // one failure, then the journal works again
            return makeError(ErrorCode::Io, QStringLiteral("injected apply failure"));
        }
        if (failApplyAfter > 0)
            --failApplyAfter;
        // Applied and cursor moved together, or neither.
        applied += ops;
        cursorValue = newCursor;
        return {};
    }
};

// A device: its keys, an HLC-ish stamp source and the ops it writes.
struct TestDevice {
    crypto::SignKeyPair sign = crypto::generateSignKeyPair();
    crypto::BoxKeyPair box = crypto::generateBoxKeyPair();
    QByteArray hlcId = crypto::randomBytes(16);
    std::int64_t seq = 0;

    sync::OutgoingOp op(const QString &project, const QByteArray &plaintext, std::uint32_t epoch = 1)
    {
        sync::OutgoingOp o;
        o.header.projectId = project;
        o.header.recordId = QStringLiteral("0190f0c2-0000-7000-8000-%1").arg(seq + 1, 12, 10, QLatin1Char('0'));
        o.header.kind = QStringLiteral("note");
        o.header.keyEpoch = epoch;
        o.header.authorDevice = sign.publicKey;
        o.header.deviceSeq = ++seq;
        o.header.opId = crypto::randomBytes(16);
        o.header.hlc = protocol::HlcStamp{1'750'000'000'000 + seq, 0, hlcId};
        o.plaintext = plaintext;
        return o;
    }
};

} // namespace samla::test
