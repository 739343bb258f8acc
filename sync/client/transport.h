// Transport: one HTTP request and its answer, behind an interface so tests can break the network on demand.
#pragma once

#include "platform/core/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <chrono>
#include <cstdint>
#include <memory>
#include <utility>

namespace samla::sync {

struct HttpResponse {
    int status = 0;
    QByteArray body;
};

using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

class Transport {
public:
    virtual ~Transport() = default;
    // ErrorCode::Io when the request may or may not have reached the server
    // (refused, reset, timed out, truncated answer): the caller retries, which
    // every sync request allows.
    [[nodiscard]] virtual Result<HttpResponse> send(const QByteArray &method, const QByteArray &target,
                                                    const HeaderList &headers, const QByteArray &body) = 0;
};

struct BeastTransportOptions {
    std::chrono::milliseconds timeout{30'000};       // per request: connect, write and read together
    std::uint64_t maxResponseBytes = 16 * 1024 * 1024;
    // SHA-256 of the server certificate's DER (32 bytes), from the enrolment
    // code: the connection uses TLS 1.3 and accepts that certificate only,
    // whoever signed it. Empty: plain HTTP (loopback tests and proxies only).
    QByteArray pinnedCertificateSha256;
};

// A server that presented a certificate other than the pinned one: never
// retried (it is not a network glitch), and reported as such to the user.
inline constexpr char kCertificateMismatch[] = "server certificate does not match the pinned fingerprint";
// A member list naming a box key its device did not sign (SyncClient::checkBoxKeys).
inline constexpr char kUnsignedBoxKey[] = "the server named a device key that the device did not sign";

// HTTP/1.1 over TCP (or TLS 1.3) with Boost.Beast, one keep-alive connection
// reused and rebuilt after any error. Blocking: the sync engine runs on its
// own thread.
class BeastTransport final : public Transport {
public:
    BeastTransport(QString host, std::uint16_t port, BeastTransportOptions options = {});
    ~BeastTransport() override;

    Result<HttpResponse> send(const QByteArray &method, const QByteArray &target, const HeaderList &headers,
                              const QByteArray &body) override;
    // Drops the connection; the next send() connects again.
    void disconnect();
    void setPort(std::uint16_t port);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace samla::sync
