// Fuzzes samla-server's HTTP framing: each input goes, as raw bytes on a connection of its own, to a real
// HttpServer (plain HTTP on loopback: Boost.Beast's parser with samla-server's header and body limits,
// then SyncService on an embedded store), and the connection is then half-closed.
// Contract: every answer starts with a well-formed HTTP/1.1 status line and is never a 500; the server
// answers (or closes) within the read timeout, so no input hangs a connection; and it stays up: a
// health request answers 200 (asked after every 64th input).
#include "fuzzsupport.h"

#include "sync/protocol/messages.h"
#include "sync/protocol/requestauth.h"
#include "sync/server/embeddedstore.h"
#include "sync/server/httpserver.h"
#include "sync/server/syncservice.h"

#include "platform/core/clock.h"

#include <QCoreApplication>
#include <QDir>
#include <QLoggingCategory>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <thread>

namespace samla::fuzz {

using namespace samla::protocol;
using namespace samla::server;

namespace {

const QByteArray kServerId(32, '\x5e');

struct Running {
    SystemClock clock;
    std::unique_ptr<EmbeddedStore> store;
    std::unique_ptr<SyncService> service;
    std::unique_ptr<HttpServer> http;
    std::uint16_t port = 0;
};

// Alive for the whole run: the server's threads use it until the process ends.
Running *g_running = nullptr;

QString storeDir()
{
    return QStringLiteral("/dev/shm/samla-fuzz-http-%1").arg(QCoreApplication::applicationPid());
}

void cleanUp()
{
    QDir(storeDir()).removeRecursively();
}

// Sends the bytes, half-closes, reads until the server closes. False when the
// server did not close within the timeout (it hung on the input).
bool exchange(QByteArrayView bytes, QByteArray &answer)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    SAMLA_FUZZ_CHECK(fd >= 0);
    timeval timeout{10, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(g_running->port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int connected = -1;
    do
        connected = ::connect(fd, reinterpret_cast<const sockaddr *>(&addr), sizeof addr);
    while (connected != 0 && errno == EINTR);
    SAMLA_FUZZ_CHECK(connected == 0);
    for (qsizetype sent = 0; sent < bytes.size();) {
        const ssize_t n = ::send(fd, bytes.data() + sent, size_t(bytes.size() - sent), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;   // the server stopped reading (a refusal, then close): fine
        sent += n;
    }
    ::shutdown(fd, SHUT_WR);
    bool closed = false;
    char buffer[16 * 1024];
    for (;;) {
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n > 0) {
            answer.append(buffer, qsizetype(n));
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;   // libFuzzer's own timer signal
        closed = n == 0 || errno == ECONNRESET;
        if (!closed)
            std::fprintf(stderr, "samla fuzz: no close from the server: recv errno %d after %lld bytes\n", errno,
                         (long long)answer.size());
        break;
    }
    ::close(fd);
    return closed;
}

// Each answer's status line: "HTTP/1.x NNN ", never 500.
void checkAnswers(const QByteArray &answer)
{
    SAMLA_FUZZ_CHECK(answer.isEmpty() || answer.startsWith("HTTP/1."));
    for (qsizetype at = answer.indexOf("HTTP/1."); at >= 0; at = answer.indexOf("\r\nHTTP/1.", at + 1)) {
        const qsizetype line = answer.at(at) == '\r' ? at + 2 : at;
        bool ok = false;
        const int status = answer.mid(line + 9, 3).toInt(&ok);
        SAMLA_FUZZ_CHECK(ok && status >= 100 && status < 600);
        SAMLA_FUZZ_CHECK(status != 500);
    }
}

} // namespace

void setUp()
{
    // One request line per request would drown the fuzzer's own output.
    QLoggingCategory::setFilterRules(QStringLiteral("samla.server.info=false"));
    g_running = new Running;
    QDir(storeDir()).removeRecursively();
    QDir().mkpath(storeDir());
    auto store = EmbeddedStore::open(storeDir() + QStringLiteral("/store.db"), fixedBytes(0x56), true);
    SAMLA_FUZZ_CHECK(store.ok());
    g_running->store = std::move(store.value());
    SAMLA_FUZZ_CHECK(g_running->store->createProject(QStringLiteral("0190f0c2-aaaa-7000-8000-000000000001"),
                                                     g_running->clock.nowMs()).ok());
    ServiceLimits limits;
    limits.requestsPerMinute = 1'000'000;   // loopback is not limited anyway
    g_running->service = std::make_unique<SyncService>(*g_running->store, g_running->clock, kServerId, limits);
    HttpServerOptions options;
    options.requestTimeout = std::chrono::milliseconds(2'000);
    options.maxBodyBytes = 64 * 1024;   // small, so the fuzzer reaches the limit
    options.maxHeaderBytes = 4 * 1024;
    g_running->http = std::make_unique<HttpServer>(*g_running->service, options);
    auto bound = g_running->http->listen();
    SAMLA_FUZZ_CHECK(bound.ok());
    g_running->port = bound.value();
    std::thread([] { g_running->http->run(false); }).detach();
    std::atexit(cleanUp);
}

void writeSeeds(SeedWriter &out)
{
    out.add("health", "GET /v1/health HTTP/1.1\r\nHost: samla\r\n\r\n");
    out.add("two-requests", "GET /v1/health HTTP/1.1\r\nHost: samla\r\n\r\nGET /v1/health HTTP/1.1\r\nHost: samla\r\n"
                            "Connection: close\r\n\r\n");
    const QByteArray challenge = ChallengeRequest{fixedSignKey(1).publicKey}.encode();
    out.add("challenge", "POST /v1/session/challenge HTTP/1.1\r\nHost: samla\r\nContent-Type: application/cbor\r\n"
                         "Content-Length: " + QByteArray::number(challenge.size()) + "\r\n\r\n" + challenge);
    out.add("chunked", "POST /v1/enrol HTTP/1.1\r\nHost: samla\r\nTransfer-Encoding: chunked\r\n\r\n"
                       "4\r\n\xa1\x61v\x01\r\n0\r\n\r\n");
    out.add("pull-bearer", "GET /v1/pull?since=0&limit=10 HTTP/1.1\r\nHost: samla\r\n"
                           "Authorization: Bearer 00112233445566778899aabbccddeeff\r\n\r\n");
    out.add("too-long", "POST /v1/push HTTP/1.1\r\nHost: samla\r\nContent-Length: 999999999\r\n\r\nxx");
    out.add("http10", "GET /v1/health HTTP/1.0\r\n\r\n");
}

void fuzzOne(QByteArrayView input)
{
    QByteArray answer;
    SAMLA_FUZZ_CHECK(exchange(input, answer));
    checkAnswers(answer);
    // Still up (every so often: each check is a connection of its own).
    static int runs = 0;
    if (++runs % 64 != 0)
        return;
    QByteArray health;
    SAMLA_FUZZ_CHECK(exchange("GET /v1/health HTTP/1.1\r\nHost: samla\r\nConnection: close\r\n\r\n", health));
    SAMLA_FUZZ_CHECK(health.startsWith("HTTP/1.1 200 "));
}

} // namespace samla::fuzz
