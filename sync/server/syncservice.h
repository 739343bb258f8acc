// SyncService: samla-server's endpoints as plain functions of a request, so every refusal is testable without a socket.
#pragma once

#include "serverstore.h"

#include "platform/core/clock.h"

#include <QByteArray>
#include <QHash>

namespace samla::server {

// A request as the HTTP layer hands it over: only what the service reads.
struct ServiceRequest {
    QByteArray method;      // "GET", "POST", …
    QByteArray target;      // path and query, as signed
    QByteArray device;      // the Samla-* authentication headers, raw
    QByteArray time;
    QByteArray nonce;
    QByteArray signature;
    QByteArray body;
    QByteArray peer;        // the client's address, for rate limiting only (never logged); empty: not limited
};

struct ServiceResponse {
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/cbor";
    // For the access log only: a reason code and a short device tag (the
    // first 8 hex digits of its public key), never content.
    QByteArray reason;
    QByteArray deviceTag;
};

struct ServiceLimits {
    qsizetype maxBodyBytes = protocol::kMaxMessageBytes;
    int maxPullPage = protocol::kMaxPullPage;
    qsizetype maxPullBytes = 4 * 1024 * 1024;
    // Requests per client address: a bucket of `burst` refilled at `perMinute`.
    // A device syncing thousands of ops uses a few dozen requests; a client
    // guessing tokens or flooding gets 429 long before it matters.
    int requestsPerMinute = 600;
    int requestBurst = 120;
};

class SyncService {
public:
    SyncService(ServerStore &store, const Clock &clock, ServiceLimits limits = {});

    // Never throws; anything unexpected is a 500 with reason "internal".
    ServiceResponse handle(const ServiceRequest &request);

private:
    struct Caller;
    ServiceResponse enrol(const ServiceRequest &request);
    ServiceResponse push(const ServiceRequest &request, const Caller &caller);
    ServiceResponse pull(const ServiceRequest &request, const Caller &caller);
    ServiceResponse putGrants(const ServiceRequest &request, const Caller &caller);
    ServiceResponse getGrants(const Caller &caller);
    ServiceResponse members(const ServiceRequest &request, const Caller &caller);
    // Authenticates a signed request: the caller, or the refusal to send.
    bool authenticate(const ServiceRequest &request, Caller *caller, ServiceResponse *refusal);

    bool admit(const QByteArray &peer);

    ServerStore &m_store;
    const Clock &m_clock;
    ServiceLimits m_limits;
    struct Bucket {
        double tokens = 0;
        std::int64_t lastMs = 0;
    };
    QHash<QByteArray, Bucket> m_buckets;
    std::int64_t m_lastPruneMs = 0;
};

} // namespace samla::server
