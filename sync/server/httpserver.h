// HttpServer: Boost.Beast HTTP/1.1 in front of SyncService, with size limits, timeouts and a connection cap.
#pragma once

#include "syncservice.h"

#include "platform/core/result.h"
#include "sync/tls/tlsidentity.h"

#include <QString>

#include <chrono>
#include <cstdint>
#include <memory>

namespace samla::server {

struct HttpServerOptions {
    QString address = QStringLiteral("127.0.0.1");
    std::uint16_t port = 0;                                   // 0: the OS picks one
    std::uint64_t maxBodyBytes = protocol::kMaxMessageBytes;  // larger bodies get 413 unread
    std::uint32_t maxHeaderBytes = 16 * 1024;
    // Whole-request deadline: a client that sends slowly (or not at all) is cut off.
    std::chrono::milliseconds requestTimeout{30'000};
    int maxConnections = 512;
    // TLS 1.3 with this identity; none: plain HTTP. Plain HTTP carries sealed
    // envelopes, but also session tokens (anyone who reads one can act as the
    // device until it expires) and headers (which project, which device,
    // when: metadata), so it is served on loopback only
    // (behind a TLS proxy on the same machine) unless a test says otherwise.
    std::shared_ptr<const tls::Identity> tls;
    bool allowNonLoopback = false;
};

class HttpServer {
public:
    HttpServer(SyncService &service, HttpServerOptions options);
    ~HttpServer();
    HttpServer(const HttpServer &) = delete;
    HttpServer &operator=(const HttpServer &) = delete;

    // Binds and listens; returns the port (the chosen one when options.port is 0).
    [[nodiscard]] Result<std::uint16_t> listen();
    // Serves on the calling thread until stop() or SIGINT/SIGTERM (when handleSignals).
    void run(bool handleSignals);
    // Thread-safe: stops accepting, closes connections, makes run() return.
    void stop();

    struct Impl;   // defined in httpserver.cpp, where its connections need it

private:
    std::unique_ptr<Impl> m_impl;
};

} // namespace samla::server
