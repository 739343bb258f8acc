#include "syncservice.h"

#include "serverlog.h"

#include "platform/crypto/crypto.h"
#include "sync/protocol/envelope.h"
#include "sync/protocol/requestauth.h"

#include <exception>

namespace samla::server {

struct SyncService::Caller {
    DeviceInfo device;
    QList<Membership> memberships;

    const Membership *membership(const QString &projectId) const
    {
        for (const Membership &m : memberships)
            if (m.projectId == projectId)
                return &m;
        return nullptr;
    }
    bool isAdmin(const QString &projectId) const;
};

namespace {

ServiceResponse refuse(int status, const char *reason, const QByteArray &deviceTag = {})
{
    ServiceResponse r;
    r.status = status;
    r.reason = reason;
    r.body = protocol::ErrorResponse{QString::fromLatin1(reason)}.encode();
    r.deviceTag = deviceTag;
    return r;
}

QByteArray tagOf(const QByteArray &device)
{
    return device.left(4).toHex();
}

// Query values are small decimal integers; anything else is refused rather than guessed.
bool queryInteger(const QByteArray &query, const QByteArray &name, std::int64_t max, std::int64_t *out)
{
    for (const QByteArray &pair : query.split('&')) {
        const qsizetype eq = pair.indexOf('=');
        if (eq < 0 || pair.left(eq) != name)
            continue;
        const QByteArray value = pair.mid(eq + 1);
        if (value.isEmpty() || value.size() > 18)
            return false;
        for (char c : value)
            if (c < '0' || c > '9')
                return false;
        *out = value.toLongLong();
        return *out <= max;
    }
    return true;   // absent: keep the default
}

const char *pushRefusalReason(PushOutcome outcome)
{
    switch (outcome) {
    case PushOutcome::Gap:
        return "gap";
    case PushOutcome::SeqConflict:
        return "seq-conflict";
    case PushOutcome::OpConflict:
        return "op-conflict";
    case PushOutcome::Stored:
        break;
    }
    return "";
}

} // namespace

SyncService::SyncService(ServerStore &store, const Clock &clock, ServiceLimits limits)
    : m_store(store), m_clock(clock), m_limits(limits)
{
}

ServiceResponse SyncService::handle(const ServiceRequest &request)
{
    try {
        if (!request.peer.isEmpty() && !admit(request.peer))
            return refuse(429, "rate-limited");
        if (request.body.size() > m_limits.maxBodyBytes)
            return refuse(413, "too-large");
        const qsizetype q = request.target.indexOf('?');
        const QByteArray path = q < 0 ? request.target : request.target.left(q);

        if (path == "/v1/health") {
            if (request.method != "GET")
                return refuse(405, "method");
            ServiceResponse r;
            r.body = "ok\n";
            r.contentType = "text/plain";
            return r;
        }
        if (path == "/v1/enrol") {
            if (request.method != "POST")
                return refuse(405, "method");
            return enrol(request);
        }
        // Signed endpoints: the method each accepts.
        const bool isPush = path == "/v1/push", isPull = path == "/v1/pull", isGrants = path == "/v1/grants",
                   isMembers = path == "/v1/members";
        if (!isPush && !isPull && !isGrants && !isMembers)
            return refuse(404, "not-found");
        if ((isPush && request.method != "POST") || ((isPull || isMembers) && request.method != "GET")
            || (isGrants && request.method != "GET" && request.method != "POST"))
            return refuse(405, "method");
        Caller caller;
        ServiceResponse refusal;
        if (!authenticate(request, &caller, &refusal))
            return refusal;
        ServiceResponse r = isPush                         ? push(request, caller)
                            : isPull                       ? pull(request, caller)
                            : isMembers                    ? members(request, caller)
                            : request.method == "POST"     ? putGrants(request, caller)
                                                           : getGrants(caller);
        r.deviceTag = tagOf(caller.device.signKey);
        return r;
    } catch (const std::exception &) {
        // Qt containers and the store do not throw in normal operation; this
        // keeps a bad_alloc on one hostile request from ending the server.
        return refuse(500, "internal");
    }
}

bool SyncService::admit(const QByteArray &peer)
{
    const std::int64_t now = m_clock.nowMs();
    const double perMs = double(m_limits.requestsPerMinute) / 60'000.0;
    // Forget addresses whose bucket has long been full again.
    if (now - m_lastPruneMs > 60'000) {
        m_lastPruneMs = now;
        for (auto it = m_buckets.begin(); it != m_buckets.end();)
            it = now - it->lastMs > 600'000 ? m_buckets.erase(it) : std::next(it);
    }
    auto it = m_buckets.find(peer);
    if (it == m_buckets.end())
        it = m_buckets.insert(peer, Bucket{double(m_limits.requestBurst), now});
    Bucket &b = it.value();
    b.tokens = std::min(double(m_limits.requestBurst), b.tokens + double(std::max<std::int64_t>(0, now - b.lastMs)) * perMs);
    b.lastMs = now;
    if (b.tokens < 1.0)
        return false;
    b.tokens -= 1.0;
    return true;
}

bool SyncService::authenticate(const ServiceRequest &request, Caller *caller, ServiceResponse *refusal)
{
    if (request.device.isEmpty() || request.time.isEmpty() || request.nonce.isEmpty()
        || request.signature.isEmpty()) {
        *refusal = refuse(401, "unauthenticated");
        return false;
    }
    auto auth = protocol::parseRequestAuth(request.device, request.time, request.nonce, request.signature);
    if (!auth.ok()) {
        *refusal = refuse(401, "unauthenticated");
        return false;
    }
    const QByteArray tag = tagOf(auth->device);
    // The signature first: nothing about devices is looked up (or revealed)
    // for a request its sender cannot sign.
    if (!protocol::verifyRequestSignature(auth.value(), request.method, request.target, request.body)) {
        *refusal = refuse(401, "bad-signature", tag);
        return false;
    }
    const std::int64_t now = m_clock.nowMs();
    if (auth->timeMs < now - protocol::kRequestWindowMs || auth->timeMs > now + protocol::kRequestWindowMs) {
        *refusal = refuse(401, "stale-time", tag);
        return false;
    }
    auto device = m_store.device(auth->device);
    if (!device.ok()) {
        *refusal = refuse(500, "internal", tag);
        return false;
    }
    if (!device->has_value()) {
        *refusal = refuse(401, "unknown-device", tag);
        return false;
    }
    if (device->value().revokedMs) {
        *refusal = refuse(403, "revoked", tag);
        return false;
    }
    // Remembered past the end of the window on both sides, so the same
    // request can be neither replayed inside it nor re-timed to fall outside.
    auto fresh = m_store.rememberNonce(device->value().id, auth->nonce,
                                       auth->timeMs + 2 * protocol::kRequestWindowMs, now);
    if (!fresh.ok()) {
        *refusal = refuse(500, "internal", tag);
        return false;
    }
    if (!fresh.value()) {
        *refusal = refuse(401, "replayed", tag);
        return false;
    }
    auto memberships = m_store.memberships(device->value().id);
    if (!memberships.ok()) {
        *refusal = refuse(500, "internal", tag);
        return false;
    }
    caller->device = device->value();
    caller->memberships = memberships.value();
    return true;
}

ServiceResponse SyncService::enrol(const ServiceRequest &request)
{
    auto req = protocol::EnrolRequest::decode(request.body);
    if (!req.ok())
        return refuse(400, "malformed");
    const QByteArray tag = tagOf(req->signKey);
    if (!crypto::verify(req->signKey, protocol::enrolProofBytes(req->token, req->signKey, req->boxKey), req->proof))
        return refuse(401, "bad-signature", tag);
    auto result = m_store.enrol(crypto::hash(req->token), req->signKey, req->boxKey, m_clock.nowMs());
    if (!result.ok())
        return refuse(500, "internal", tag);
    switch (result->outcome) {
    case EnrolOutcome::BadToken:
        return refuse(403, "bad-token", tag);
    case EnrolOutcome::Revoked:
        return refuse(403, "revoked", tag);
    case EnrolOutcome::Enrolled:
        break;
    }
    ServiceResponse r;
    r.body = protocol::EnrolResponse{result->membership.projectId, result->membership.role}.encode();
    r.reason = "enrolled";
    r.deviceTag = tag;
    return r;
}

ServiceResponse SyncService::push(const ServiceRequest &request, const Caller &caller)
{
    auto req = protocol::PushRequest::decode(request.body);
    if (!req.ok())
        return refuse(400, "malformed");

    // Check every envelope before storing any; the ops before the first bad
    // one are still stored, so a device is never stuck behind one bad op
    // without knowing which.
    QList<StoredOp> valid;
    int status = 200;
    const char *reason = "";
    for (const QByteArray &wire : req->envelopes) {
        auto envelope = protocol::decodeEnvelope(wire, {protocol::kMaxEnvelopeBytes});
        if (!envelope.ok()) {
            status = 400;
            reason = "malformed";
            break;
        }
        const protocol::EnvelopeHeader &h = envelope->header;
        if (h.authorDevice != caller.device.signKey) {
            status = 403;
            reason = "forbidden-author";
            break;
        }
        const Membership *m = caller.membership(h.projectId);
        if (!m || (!protocol::roleReads(m->role) && m->role != QLatin1String(protocol::kRoleWriteOnly))) {
            status = 403;
            reason = "forbidden-project";
            break;
        }
        if (!protocol::verifyEnvelope(envelope.value()).ok()) {
            status = 400;
            reason = "tampered";
            break;
        }
        valid.append(StoredOp{h.opId, h.deviceSeq, h.projectId, wire});
    }

    protocol::PushResponse answer;
    if (!valid.isEmpty()) {
        auto stored = m_store.push(caller.device.id, valid, m_clock.nowMs());
        if (!stored.ok())
            return refuse(500, "internal");
        answer.receipts = stored->receipts;
        answer.high = stored->high;
        if (stored->outcome != PushOutcome::Stored) {
            // The store stopped earlier in the batch than the first invalid envelope.
            status = 409;
            reason = pushRefusalReason(stored->outcome);
        }
    } else {
        auto high = m_store.highWaterMark(caller.device.id);
        if (!high.ok())
            return refuse(500, "internal");
        answer.high = high.value();
    }
    answer.error = QString::fromLatin1(reason);
    ServiceResponse r;
    r.status = status;
    r.reason = status == 200 ? QByteArray("pushed ") + QByteArray::number(answer.receipts.size()) : QByteArray(reason);
    r.body = answer.encode();
    return r;
}

ServiceResponse SyncService::pull(const ServiceRequest &request, const Caller &caller)
{
    bool reader = false;
    for (const Membership &m : caller.memberships)
        reader = reader || protocol::roleReads(m.role);
    if (!reader)
        return refuse(403, "write-only");
    const qsizetype q = request.target.indexOf('?');
    const QByteArray query = q < 0 ? QByteArray() : request.target.mid(q + 1);
    std::int64_t since = 0;
    std::int64_t limit = m_limits.maxPullPage;
    if (!queryInteger(query, "since", std::numeric_limits<std::int64_t>::max() / 2, &since)
        || !queryInteger(query, "limit", m_limits.maxPullPage, &limit) || limit < 1)
        return refuse(400, "malformed");
    auto page = m_store.pull(caller.device.id, since, int(limit), m_limits.maxPullBytes);
    if (!page.ok())
        return refuse(500, "internal");
    ServiceResponse r;
    r.reason = QByteArray("pulled ") + QByteArray::number(page->ops.size());
    r.body = page->encode();
    return r;
}

bool SyncService::Caller::isAdmin(const QString &projectId) const
{
    const Membership *m = membership(projectId);
    return m && m->role == QLatin1String(protocol::kRoleAdmin);
}

ServiceResponse SyncService::putGrants(const ServiceRequest &request, const Caller &caller)
{
    auto req = protocol::GrantList::decode(request.body);
    if (!req.ok() || req->grants.isEmpty())
        return refuse(400, "malformed");
    for (const protocol::KeyGrant &g : req->grants) {
        // Only an admin of the project approves devices, and only in its own name.
        if (!caller.isAdmin(g.projectId))
            return refuse(403, "not-admin");
        if (g.granter != caller.device.signKey)
            return refuse(403, "forbidden-granter");
        if (!crypto::verify(g.granter, g.signedBytes(), g.signature))
            return refuse(400, "tampered");
    }
    auto stored = m_store.putGrants(req->grants, m_clock.nowMs());
    if (!stored.ok())
        return refuse(500, "internal");
    if (stored.value() == ServerStore::GrantOutcome::NotMember)
        return refuse(409, "not-member");
    ServiceResponse r;
    r.reason = QByteArray("granted ") + QByteArray::number(req->grants.size());
    r.body = protocol::GrantList{}.encode();
    return r;
}

ServiceResponse SyncService::getGrants(const Caller &caller)
{
    auto grants = m_store.grantsFor(caller.device.id);
    if (!grants.ok())
        return refuse(500, "internal");
    ServiceResponse r;
    r.reason = QByteArray("grants ") + QByteArray::number(grants->size());
    r.body = protocol::GrantList{grants.value()}.encode();
    return r;
}

ServiceResponse SyncService::members(const ServiceRequest &request, const Caller &caller)
{
    const qsizetype q = request.target.indexOf('?');
    const QByteArray query = q < 0 ? QByteArray() : request.target.mid(q + 1);
    if (!query.startsWith("project=") || query.size() > 8 + 64 || query.contains('&'))
        return refuse(400, "malformed");
    const QString projectId = QString::fromLatin1(query.mid(8));
    if (!caller.isAdmin(projectId))
        return refuse(403, "not-admin");
    auto list = m_store.members(projectId);
    if (!list.ok())
        return refuse(500, "internal");
    ServiceResponse r;
    r.reason = QByteArray("members ") + QByteArray::number(list->size());
    r.body = protocol::MemberList{list.value()}.encode();
    return r;
}

} // namespace samla::server
