// SyncService: samla-server's endpoints as plain functions of a request, so every refusal is testable without a socket.
#pragma once

#include "serverstore.h"
#include "sessions.h"

#include "platform/core/clock.h"

#include <QByteArray>
#include <QHash>

#include <functional>
#include <memory>

namespace samla::server {

// Every path the service answers (a path ending in '/' covers those below
// it), and whether it is open without a session token. A path not listed is
// 404 before anything else, so an endpoint cannot be added without saying
// here whether it needs a session (tst_syncservice checks every one).
struct Endpoint {
    const char *path;
    bool open;
};
inline constexpr Endpoint kEndpoints[] = {
    {"/v1/health", true},
    {"/v1/enrol", true},              // the one-time enrolment token is its authentication
    {"/v1/session/challenge", true},
    {"/v1/session", true},            // the signed challenge is its authentication
    {"/v1/push", false},
    {"/v1/pull", false},
    {"/v1/grants", false},
    {"/v1/members", false},
    {"/v1/revoke", false},
    {"/v1/attachments/", false},
};
// The endpoint a path belongs to, or null.
const Endpoint *endpointOf(const QByteArray &path);

// A request as the HTTP layer hands it over: only what the service reads.
struct ServiceRequest {
    QByteArray method;      // "GET", "POST", …
    QByteArray target;      // path and query
    QByteArray authorization;   // the Authorization header, raw ("Bearer <hex>"); never logged
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
    // Set when the answer comes later (a whole attachment blob being hashed
    // off the service's thread): the HTTP layer sets `deliver`, which the
    // service calls once, on the thread that calls handle(). The rest of this
    // response is then only the log's (deviceTag).
    struct Later {
        std::function<void(ServiceResponse)> deliver;
    };
    std::shared_ptr<Later> later;
};

// Runs `work` on another thread, then `then` on the thread that calls
// SyncService::handle() (samla-server's HTTP layer provides it).
using Offload = std::function<void(std::function<void()> work, std::function<void()> then)>;

// The hash checks of whole attachment blobs under way, one per blob however
// many requests wait for it (see AttachmentBlobs); the service's thread only.
struct BlobChecks {
    Offload offload;   // unset: blobs are hashed inline
    struct Waiter {
        std::shared_ptr<ServiceResponse::Later> later;
        bool upload = false;   // the chunk that completed the blob, or a status request
    };
    QHash<QString, QList<Waiter>> underway;   // "project/hash"
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
    // How long challenges and sessions last, and live sessions per device.
    SessionTable::Limits sessions;
    // Attachment uploads started this long ago and never finished are
    // deleted (looked for at most once an hour, while requests come).
    std::int64_t unfinishedUploadMs = 14LL * 24 * 3600 * 1000;
};

class SyncService {
public:
    // serverId: the SHA-256 of this server's certificate, which devices pin
    // and sign into their session proofs.
    SyncService(ServerStore &store, const Clock &clock, QByteArray serverId, ServiceLimits limits = {});

    // Never throws; anything unexpected is a 500 with reason "internal".
    ServiceResponse handle(const ServiceRequest &request);
    // Requests that arrived together (samla-server's service thread takes
    // every request waiting): each is handled as handle() would, but the
    // pushes among them are stored as one group (ServerStore::pushGroup), so
    // one commit, one fsync, covers all of them; no answer is given before
    // that commit. Answers in the order of the requests.
    QList<ServiceResponse> handleMany(const QList<ServiceRequest> &requests);
    // With an offload, a blob whose last byte arrived is hashed on another
    // thread and the requests that wait for it are answered later
    // (ServiceResponse::later); without one (tests calling handle()), inline.
    void setOffload(Offload offload) { m_blobChecks.offload = std::move(offload); }
    const SessionTable &sessions() const { return m_sessions; }

private:
    struct Caller;
    ServiceResponse enrol(const ServiceRequest &request);
    ServiceResponse push(const ServiceRequest &request, const Caller &caller);
    void expireUnfinishedUploads();
    ServiceResponse pushAnswer(int status, const char *reason, const PushResult &stored);
    ServiceResponse pull(const ServiceRequest &request, const Caller &caller);
    ServiceResponse putGrants(const ServiceRequest &request, const Caller &caller);
    ServiceResponse getGrants(const Caller &caller);
    ServiceResponse members(const ServiceRequest &request, const Caller &caller);
    ServiceResponse revoke(const ServiceRequest &request, const Caller &caller);
    ServiceResponse challenge(const ServiceRequest &request);
    ServiceResponse openSession(const ServiceRequest &request);
    // Authenticates a request by its session token and reads the device's
    // current status and memberships from the store: the caller, or the refusal to send.
    bool authenticate(const ServiceRequest &request, Caller *caller, ServiceResponse *refusal);

    struct Bucket {
        double tokens = 0;
        std::int64_t lastMs = 0;
    };
    bool admit(QHash<QByteArray, Bucket> &buckets, const QByteArray &key, int perMinute, int burst);

    ServerStore &m_store;
    const Clock &m_clock;
    QByteArray m_serverId;
    ServiceLimits m_limits;
    SessionTable m_sessions;
    QHash<QByteArray, Bucket> m_buckets;            // per client address
    std::int64_t m_nextExpiryMs = 0;                // when to look for unfinished uploads again
    BlobChecks m_blobChecks;
    // While handleMany() runs: the pushes it stores as one group, each with
    // the index of its request.
    struct GroupedPush {
        qsizetype request = 0;
        std::int64_t deviceId = 0;
        QList<StoredOp> ops;
        int status = 200;
        const char *reason = "";
    };
    QList<GroupedPush> *m_group = nullptr;
    qsizetype m_groupRequest = 0;
    std::int64_t m_lastPruneMs = 0;
};

} // namespace samla::server
