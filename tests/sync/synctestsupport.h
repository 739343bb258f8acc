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
#include <QUrl>
#include <QUuid>

#include <arpa/inet.h>
#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <netinet/in.h>
#include <optional>
#include <set>
#include <signal.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <utility>

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

// The *_pg instances of these tests run the server's store on PostgreSQL:
// SAMLA_TEST_STORE is the postgresql:// URL of a cluster where the tests may
// create databases, or SAMLA_TEST_STORE_FILE names a file holding it (the
// ctest fixture writes one: tests/sync/pg-cluster.sh). Neither: the embedded store.
inline QString testPostgresUrl()
{
    QString url = qEnvironmentVariable("SAMLA_TEST_STORE");
    const QString file = qEnvironmentVariable("SAMLA_TEST_STORE_FILE");
    if (url.isEmpty() && !file.isEmpty()) {
        QFile f(file);
        if (f.open(QIODevice::ReadOnly))
            url = QString::fromUtf8(f.readAll()).trimmed();
        else
            qFatal("SAMLA_TEST_STORE_FILE is set but unreadable: did the PostgreSQL fixture start?");
    }
    return url;
}

inline bool onPostgres()
{
    return !testPostgresUrl().isEmpty();
}

// A PostgreSQL client program (psql, pg_dump) of the version the fixture runs.
inline QString pgTool(const char *name)
{
#ifdef SAMLA_PG_BINDIR
    return QStringLiteral(SAMLA_PG_BINDIR "/") + QLatin1String(name);
#else
    return QLatin1String(name);
#endif
}

// Runs a PostgreSQL client program to completion: its stdout, or nullopt on failure.
inline std::optional<QByteArray> runPgTool(const char *tool, const QStringList &args, QByteArray *errors = nullptr)
{
    QProcess p;
    p.start(pgTool(tool), args);
    if (!p.waitForFinished(60'000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        if (errors)
            *errors = p.readAllStandardError();
        return std::nullopt;
    }
    return p.readAllStandardOutput();
}

inline bool psql(const QString &url, const QString &sql)
{
    QByteArray errors;
    const bool ok = runPgTool("psql", {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"),
                                       QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-d"), url,
                                       QStringLiteral("-c"), sql},
                              &errors)
                        .has_value();
    if (!ok)
        qWarning("psql: %s", errors.constData());
    return ok;
}

// A database of its own in the test cluster, dropped at the end (the cluster
// itself is deleted after the run anyway). Inactive off PostgreSQL.
class TestDatabase {
public:
    TestDatabase()
    {
        m_admin = testPostgresUrl();
        if (m_admin.isEmpty())
            return;
        const QString name = QStringLiteral("samla_t_") + QUuid::createUuid().toString(QUuid::Id128);
        if (!psql(m_admin, QStringLiteral("CREATE DATABASE ") + name))
            return;
        QUrl url(m_admin);
        url.setPath(QLatin1Char('/') + name);
        m_url = url.toString();
        m_name = name;
    }
    ~TestDatabase()
    {
        if (!m_name.isEmpty())
            (void)psql(m_admin, QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_name));
    }
    TestDatabase(const TestDatabase &) = delete;
    TestDatabase &operator=(const TestDatabase &) = delete;

    bool active() const { return !m_admin.isEmpty(); }
    // The database's URL (empty if it could not be made).
    QString url() const { return m_url; }
    // pg_dump of the whole database as SQL text (bytea values in hex).
    QByteArray dump() const
    {
        return runPgTool("pg_dump", {QStringLiteral("--no-owner"), QStringLiteral("-d"), m_url}).value_or(QByteArray());
    }

private:
    QString m_admin;
    QString m_url;
    QString m_name;
};

// Whether the bytes appear in the dump as they are or as hex (how pg_dump
// writes bytea): a plain-text check must look for both.
inline bool dumpContains(const QByteArray &dump, const QByteArray &needle)
{
    return dump.contains(needle) || dump.contains(needle.toHex());
}

// Runs samla-server (the binary CMake built) in a temporary data directory,
// with its store on PostgreSQL when the test runs there (testPostgresUrl).
class ServerProcess {
public:
    ServerProcess() { m_dataDir = m_tmp.filePath(QStringLiteral("server")); }
    ~ServerProcess() { kill(); }

    QString dataDir() const { return m_dataDir; }
    // The --store URL of this server's database; empty on the embedded store.
    QString storeUrl() const { return m_database.url(); }
    bool onPostgres() const { return m_database.active(); }
    const TestDatabase &database() const { return m_database; }
    // The options that select this server's store, for commands a test runs itself.
    QStringList storeArgs() const
    {
        return m_database.active() ? QStringList{QStringLiteral("--store"), m_database.url()} : QStringList{};
    }

    // Runs an admin command to completion; its stdout, trimmed, or empty on failure.
    QByteArray admin(QStringList args, int *exitCode = nullptr) const
    {
        QProcess p;
        args.insert(1, QStringLiteral("--data"));
        args.insert(2, m_dataDir);
        const QStringList store = storeArgs();
        for (qsizetype i = 0; i < store.size(); ++i)
            args.insert(3 + i, store.at(i));
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
    // A code for this server on loopback, as a device pastes or scans it.
    protocol::EnrolCode enrolCode(const QString &project, const char *role = "member")
    {
        protocol::EnrolCode code;
        code.host = QStringLiteral("127.0.0.1");
        code.port = port();
        code.fingerprint = fingerprint();
        code.token = enrolToken(project, role);
        return code;
    }

    enum class Tls { Off, On };
    // Starts `serve`; waits for the port it prints. port 0: any free port.
    // Tls::Off serves plain HTTP on loopback (what a fault proxy can read);
    // Tls::On serves HTTPS and records the certificate fingerprint it prints.
    bool start(std::uint16_t port = 0, QStringList extra = {}, Tls tls = Tls::Off)
    {
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::SeparateChannels);
        // The log goes to a file, not a pipe: a pipe nobody reads while the
        // test blocks elsewhere fills up (64 KiB) and stalls the server.
        m_process->setStandardErrorFile(logPath(), QIODevice::Append);
        QStringList args{QStringLiteral("serve"), QStringLiteral("--data"), m_dataDir, QStringLiteral("--port"),
                         QString::number(port)};
        if (tls == Tls::Off)
            args << QStringLiteral("--plain-http");
        args << storeArgs();
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
        return m_port != 0 && m_fingerprint.size() == 32;
    }
    // SHA-256 of the server's certificate: what it presents (Tls::On), and
    // its id in session proofs either way.
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
    // Everything the server processes started here have logged.
    QByteArray log() const
    {
        QFile f(logPath());
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private:
    QString logPath() const { return m_tmp.filePath(QStringLiteral("server.log")); }

    QTemporaryDir m_tmp;
    TestDatabase m_database;
    QString m_dataDir;
    std::unique_ptr<QProcess> m_process;
    std::uint16_t m_port = 0;
    QByteArray m_fingerprint;
};

// A TCP proxy between client and server that forwards one HTTP message at a
// time and breaks the exchange at chosen requests. Plain POSIX sockets on
// its own thread, so it does not need the test's event loop while the
// client blocks. The faults, for the n-th request that reaches the proxy:
//   DropRequest        the request never reaches the server; the connection closes
//   ResetBeforeServer  half the request reaches the server, then both sockets
//                      are reset (RST): the server never sees a whole request
//   DropResponse       the server handles it; its answer is lost (the case
//                      where a device cannot know whether its push was stored)
//   TruncateResponse   half the answer arrives, then the connection closes
//   ResetMidResponse   a third of the answer arrives, then the connection is reset
//   DuplicateRequest   the server gets the same bytes twice; the client the
//                      first answer (the duplicate's answer is recorded)
//   Delay              the request is held delayMs before it goes on
//   Reorder            the request is held back and the client's connection
//                      reset; the client's next request (its retry) goes
//                      first and the held one reaches the server
//                      after it: an old request arriving late. The sync client
//                      sends one request at a time on one connection, so this
//                      is what reordering can do to it.
// What the server answered to the copies only the proxy sent (duplicates and
// late requests) is kept in strayAnswers() for the test to check.
class FaultProxy {
public:
    enum class Fault {
        Pass,
        DropResponse,
        TruncateResponse,
        DropRequest,
        ResetBeforeServer,
        ResetMidResponse,
        DuplicateRequest,
        Delay,
        Reorder,
    };
    // Decides the fault for the n-th request (0-based) that reaches the proxy.
    using Plan = std::function<Fault(int index)>;

    // A plan that picks a fault for each request from the seed and the
    // request's index alone, with probability faultRate (else Pass): the same
    // seed replays the same faults for the same sequence of requests.
    static Plan randomPlan(std::uint64_t seed, double faultRate)
    {
        return [seed, faultRate](int index) {
            std::uint64_t x = seed ^ (std::uint64_t(index + 1) * 0x9E3779B97F4A7C15ull);
            // splitmix64
            x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
            x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
            x ^= x >> 31;
            if (double(x % 1'000'000) / 1'000'000.0 >= faultRate)
                return Fault::Pass;
            static constexpr Fault faults[] = {Fault::DropResponse,      Fault::TruncateResponse, Fault::DropRequest,
                                               Fault::ResetBeforeServer, Fault::ResetMidResponse, Fault::DuplicateRequest,
                                               Fault::Delay,             Fault::Reorder};
            return faults[(x >> 20) % std::size(faults)];
        };
    }
    static const char *faultName(Fault f)
    {
        switch (f) {
        case Fault::Pass: return "Pass";
        case Fault::DropResponse: return "DropResponse";
        case Fault::TruncateResponse: return "TruncateResponse";
        case Fault::DropRequest: return "DropRequest";
        case Fault::ResetBeforeServer: return "ResetBeforeServer";
        case Fault::ResetMidResponse: return "ResetMidResponse";
        case Fault::DuplicateRequest: return "DuplicateRequest";
        case Fault::Delay: return "Delay";
        case Fault::Reorder: return "Reorder";
        }
        return "?";
    }

    // An answer to a copy the proxy sent on its own: its status and body.
    struct StrayAnswer {
        Fault cause;
        QByteArray target;   // e.g. "/v1/push"
        int status = 0;      // 0: no answer came
        QByteArray body;
    };

    explicit FaultProxy(std::uint16_t upstreamPort) : m_upstream(upstreamPort) {}
    ~FaultProxy() { stop(); }

    bool start(Plan plan)
    {
        setPlan(std::move(plan));
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
    // A new plan from the next request on (e.g. Pass to heal the network).
    void setPlan(Plan plan)
    {
        std::lock_guard lock(m_mutex);
        m_plan = std::move(plan);
    }
    std::uint16_t port() const { return m_port; }
    int requests() const { return m_requests.load(); }
    void setUpstreamPort(std::uint16_t port) { m_upstream = port; }
    // How long Delay holds a request.
    void setDelayMs(int ms) { m_delayMs = ms; }
    // How many times each fault was applied so far.
    std::map<Fault, int> faultCounts() const
    {
        std::lock_guard lock(m_mutex);
        return m_counts;
    }
    QList<StrayAnswer> strayAnswers() const
    {
        std::lock_guard lock(m_mutex);
        return m_strays;
    }
    // Runs in the proxy thread after the server answered request n and before
    // the fault applies (e.g. to SIGKILL the server at exactly that point).
    std::function<void(int)> afterUpstream;
    // Requests whose path (without the query) this accepts pass untouched
    // and are not counted as requests for the plan.
    void setPassThrough(std::function<bool(const QByteArray &path)> accept)
    {
        std::lock_guard lock(m_mutex);
        m_passThrough = std::move(accept);
    }

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
    // Closes with a TCP reset instead of an orderly FIN.
    static void reset(int fd)
    {
        linger l{1, 0};
        ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
    }
    int connectUpstream() const
    {
        const int server = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = htons(m_upstream);
        if (::connect(server, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
            ::close(server);
            return -1;
        }
        return server;
    }
    static int statusOf(const QByteArray &response)
    {
        // "HTTP/1.1 200 OK"
        return response.startsWith("HTTP/1.") ? response.mid(9, 3).toInt() : 0;
    }
    static QByteArray bodyOf(const QByteArray &message)
    {
        const qsizetype headEnd = message.indexOf("\r\n\r\n");
        return headEnd < 0 ? QByteArray() : message.mid(headEnd + 4);
    }
    static QByteArray targetOf(const QByteArray &request)
    {
        const qsizetype a = request.indexOf(' ');
        const qsizetype b = request.indexOf(' ', a + 1);
        QByteArray t = request.mid(a + 1, b - a - 1);
        const qsizetype q = t.indexOf('?');
        return q < 0 ? t : t.left(q);
    }
    // Sends a copy of a request the client did not (re)send, on a connection
    // of its own, and keeps the server's answer.
    void sendStray(Fault cause, const QByteArray &request)
    {
        StrayAnswer a{cause, targetOf(request), 0, {}};
        const int server = connectUpstream();
        if (server >= 0) {
            QByteArray buffer, response;
            if (sendAll(server, request.constData(), request.size()) && readMessage(server, &buffer, &response)) {
                a.status = statusOf(response);
                a.body = bodyOf(response);
            }
            ::close(server);
        }
        std::lock_guard lock(m_mutex);
        m_strays.append(a);
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
    // Forwards the request that was held back (Reorder), late.
    void releaseHeld()
    {
        if (m_held.isEmpty())
            return;
        const QByteArray held = std::exchange(m_held, QByteArray());
        sendStray(Fault::Reorder, held);
    }
    void serve(int client)
    {
        const int server = connectUpstream();
        if (server < 0)
            return;
        QByteArray fromClient, fromServer, request, response;
        while (readMessage(client, &fromClient, &request)) {
            bool pass = false;
            {
                std::lock_guard lock(m_mutex);
                pass = m_passThrough && m_passThrough(targetOf(request));
            }
            if (pass) {
                if (!sendAll(server, request.constData(), request.size()) || !readMessage(server, &fromServer, &response)
                    || !sendAll(client, response.constData(), response.size()))
                    break;
                continue;
            }
            const int index = m_requests++;
            Fault fault;
            {
                std::lock_guard lock(m_mutex);
                fault = m_plan ? m_plan(index) : Fault::Pass;
                ++m_counts[fault];
            }
            // Faults that act before the server has the request.
            if (fault == Fault::DropRequest) {
                releaseHeld();
                break;
            }
            if (fault == Fault::ResetBeforeServer) {
                sendAll(server, request.constData(), request.size() / 2);
                reset(server);
                reset(client);
                releaseHeld();
                break;
            }
            if (fault == Fault::Reorder && m_held.isEmpty()) {
                m_held = request;
                reset(client);
                break;
            }
            if (fault == Fault::Delay)
                std::this_thread::sleep_for(std::chrono::milliseconds(m_delayMs.load()));
            if (!sendAll(server, request.constData(), request.size()) || !readMessage(server, &fromServer, &response))
                break;
            if (fault == Fault::DuplicateRequest)
                sendStray(fault, request);
            // The held request arrives after the one that overtook it.
            releaseHeld();
            if (afterUpstream)
                afterUpstream(index);
            if (fault == Fault::DropResponse)
                break;
            if (fault == Fault::TruncateResponse) {
                sendAll(client, response.constData(), response.size() / 2);
                break;
            }
            if (fault == Fault::ResetMidResponse) {
                sendAll(client, response.constData(), response.size() / 3);
                reset(client);
                break;
            }
            if (!sendAll(client, response.constData(), response.size()))
                break;
        }
        ::close(server);
    }

    std::atomic<std::uint16_t> m_upstream;
    std::uint16_t m_port = 0;
    int m_listener = -1;
    std::atomic<bool> m_stopping{false};
    std::atomic<int> m_active{-1};
    std::atomic<int> m_requests{0};
    std::atomic<int> m_delayMs{200};
    mutable std::mutex m_mutex;
    Plan m_plan;
    std::function<bool(const QByteArray &)> m_passThrough;
    std::map<Fault, int> m_counts;
    QList<StrayAnswer> m_strays;
    QByteArray m_held;   // proxy thread only
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

// A transport whose server lies about grants: the answer to GET /v1/grants
// gets extra grants appended (a server broken into, or restored from a copy
// where an epoch was granted differently). Everything else passes through.
class LyingGrantsTransport final : public sync::Transport {
public:
    explicit LyingGrantsTransport(sync::Transport &inner) : m_inner(inner) {}
    explicit LyingGrantsTransport(std::unique_ptr<sync::Transport> inner)
        : m_inner(*inner), m_owned(std::move(inner))
    {
    }
    Result<sync::HttpResponse> send(const QByteArray &method, const QByteArray &target,
                                    const sync::HeaderList &headers, const QByteArray &body) override
    {
        auto response = m_inner.send(method, target, headers, body);
        if (!response.ok() || target != "/v1/grants" || method != "GET" || response->status != 200 || extra.isEmpty())
            return response;
        auto list = protocol::GrantList::decode(response->body);
        if (!list.ok())
            return response;
        list->grants += extra;
        response->body = list->encode();
        return response;
    }
    QList<protocol::KeyGrant> extra;

private:
    sync::Transport &m_inner;
    std::unique_ptr<sync::Transport> m_owned;
};

// A key grant as an administrator's device makes it: the key sealed to the
// recipient's box key, signed by `by`.
inline protocol::KeyGrant signedGrant(const crypto::SignKeyPair &by, const QByteArray &toSignKey,
                                      const QByteArray &toBoxKey, const QString &project, std::uint32_t epoch,
                                      const crypto::SecureBytes &key)
{
    protocol::KeyGrant g;
    g.projectId = project;
    g.epoch = epoch;
    g.recipient = toSignKey;
    g.sealed = crypto::sealToPublicKey(toBoxKey, key);
    g.granter = by.publicKey;
    g.signature = crypto::sign(by.secretKey, g.signedBytes());
    return g;
}

} // namespace samla::test
