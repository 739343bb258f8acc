#include "syncservice.h"

#include "attachmentblobs.h"
#include "serverlog.h"

#include "platform/crypto/crypto.h"
#include "sync/protocol/attachmentmessages.h"
#include "sync/protocol/envelope.h"
#include "sync/protocol/requestauth.h"

#include <algorithm>
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

// Which devices may use a challenge: enrolled and not revoked. Unknown keys
// get nothing to sign, so the table holds challenges for real devices only.
ServiceResponse deviceRefusal(const Result<std::optional<DeviceInfo>> &device, const QByteArray &tag)
{
    if (!device.ok())
        return refuse(500, "internal", tag);
    if (!device->has_value())
        return refuse(401, "unknown-device", tag);
    if (device->value().revokedMs)
        return refuse(403, "revoked", tag);
    return {};
}

} // namespace

const Endpoint *endpointOf(const QByteArray &path)
{
    for (const Endpoint &e : kEndpoints) {
        const QByteArrayView p(e.path);
        if (p.endsWith('/') ? path.startsWith(p) && path.size() > p.size() : path == p)
            return &e;
    }
    return nullptr;
}

SyncService::SyncService(ServerStore &store, const Clock &clock, QByteArray serverId, ServiceLimits limits)
    : m_store(store)
    , m_clock(clock)
    , m_serverId(std::move(serverId))
    , m_limits(limits)
    , m_sessions(limits.sessions)
{
}

// Once an hour at most, on the service thread between requests: uploads
// left unfinished past ServiceLimits::unfinishedUploadMs are deleted.
void SyncService::expireUnfinishedUploads()
{
    const std::int64_t now = m_clock.nowMs();
    if (now < m_nextExpiryMs)
        return;
    m_nextExpiryMs = now + 3600LL * 1000;
    auto expired = m_store.expireUnfinishedBlobs(now - m_limits.unfinishedUploadMs);
    if (!expired.ok())
        qCWarning(lcServer).noquote() << "expiring unfinished uploads failed:" << expired.error().detail;
    else if (expired.value() > 0)
        qCInfo(lcServer).noquote() << "expired unfinished uploads:" << expired.value();
}

ServiceResponse SyncService::handle(const ServiceRequest &request)
{
    try {
        expireUnfinishedUploads();
        if (!request.peer.isEmpty()
            && !admit(m_buckets, request.peer, m_limits.requestsPerMinute, m_limits.requestBurst))
            return refuse(429, "rate-limited");
        if (request.body.size() > m_limits.maxBodyBytes)
            return refuse(413, "too-large");
        const qsizetype q = request.target.indexOf('?');
        const QByteArray path = q < 0 ? request.target : request.target.left(q);
        if (!endpointOf(path))
            return refuse(404, "not-found");

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
        if (path == "/v1/session/challenge" || path == "/v1/session") {
            if (request.method != "POST")
                return refuse(405, "method");
            return path == "/v1/session" ? openSession(request) : challenge(request);
        }
        if (path.startsWith(protocol::kAttachmentsPath)) {
            if (!AttachmentBlobs::methodAllowed(request.method, path))
                return refuse(405, "method");
            Caller caller;
            ServiceResponse refusal;
            if (!authenticate(request, &caller, &refusal))
                return refusal;
            ServiceResponse r =
                AttachmentBlobs(m_store, m_clock, &m_blobChecks).handle(request, path, caller.memberships);
            r.deviceTag = tagOf(caller.device.signKey);
            return r;
        }
        // Endpoints that need a session token: the method each accepts.
        const bool isPush = path == "/v1/push", isPull = path == "/v1/pull", isGrants = path == "/v1/grants",
                   isMembers = path == "/v1/members", isRevoke = path == "/v1/revoke";
        if (!isPush && !isPull && !isGrants && !isMembers && !isRevoke)
            return refuse(404, "not-found");
        if (((isPush || isRevoke) && request.method != "POST") || ((isPull || isMembers) && request.method != "GET")
            || (isGrants && request.method != "GET" && request.method != "POST"))
            return refuse(405, "method");
        Caller caller;
        ServiceResponse refusal;
        if (!authenticate(request, &caller, &refusal))
            return refusal;
        ServiceResponse r = isPush                         ? push(request, caller)
                            : isPull                       ? pull(request, caller)
                            : isMembers                    ? members(request, caller)
                            : isRevoke                     ? revoke(request, caller)
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

QList<ServiceResponse> SyncService::handleMany(const QList<ServiceRequest> &requests)
{
    QList<ServiceResponse> out;
    out.reserve(requests.size());
    QList<GroupedPush> group;
    m_group = &group;
    for (qsizetype i = 0; i < requests.size(); ++i) {
        m_groupRequest = i;
        out.append(handle(requests.at(i)));
    }
    m_group = nullptr;
    if (group.isEmpty())
        return out;
    QList<ServerStore::PushItem> items;
    items.reserve(group.size());
    for (const GroupedPush &g : group)
        items.append({g.deviceId, g.ops});
    Result<QList<PushResult>> stored = makeError(ErrorCode::Internal, QStringLiteral("not stored"));
    try {
        stored = m_store.pushGroup(items, m_clock.nowMs());
    } catch (const std::exception &) {
    }
    for (qsizetype k = 0; k < group.size(); ++k) {
        ServiceResponse &r = out[group.at(k).request];
        const QByteArray tag = r.deviceTag;
        r = stored.ok() && stored->size() == group.size()
                ? pushAnswer(group.at(k).status, group.at(k).reason, stored->at(k))
                : refuse(500, "internal");
        r.deviceTag = tag;
    }
    return out;
}

bool SyncService::admit(QHash<QByteArray, Bucket> &buckets, const QByteArray &key, int perMinute, int burst)
{
    const std::int64_t now = m_clock.nowMs();
    const double perMs = double(perMinute) / 60'000.0;
    // Forget keys whose bucket has long been full again.
    if (now - m_lastPruneMs > 60'000) {
        m_lastPruneMs = now;
        for (auto it = m_buckets.begin(); it != m_buckets.end();)
            it = now - it->lastMs > 600'000 ? m_buckets.erase(it) : std::next(it);
    }
    auto it = buckets.find(key);
    if (it == buckets.end())
        it = buckets.insert(key, Bucket{double(burst), now});
    Bucket &b = it.value();
    b.tokens = std::min(double(burst), b.tokens + double(std::max<std::int64_t>(0, now - b.lastMs)) * perMs);
    b.lastMs = now;
    if (b.tokens < 1.0)
        return false;
    b.tokens -= 1.0;
    return true;
}

bool SyncService::authenticate(const ServiceRequest &request, Caller *caller, ServiceResponse *refusal)
{
    const QByteArray token = protocol::parseBearer(request.authorization);
    if (token.isEmpty()) {
        *refusal = refuse(401, "unauthenticated");
        return false;
    }
    const std::int64_t now = m_clock.nowMs();
    const SessionTable::Found session = m_sessions.lookup(token, now);
    if (session.state == SessionTable::Lookup::Unknown) {
        *refusal = refuse(401, "unknown-token");
        return false;
    }
    const QByteArray tag = tagOf(session.device);
    if (session.state == SessionTable::Lookup::Expired) {
        *refusal = refuse(401, "token-expired", tag);
        return false;
    }
    // The device's status is read on every request, not remembered with the
    // session: a revocation (by `samla-server devices revoke`, another
    // process) stops a device's token at its next request.
    auto device = m_store.device(session.device);
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
    auto memberships = m_store.memberships(device->value().id);
    if (!memberships.ok()) {
        *refusal = refuse(500, "internal", tag);
        return false;
    }
    caller->device = device->value();
    caller->memberships = memberships.value();
    return true;
}

ServiceResponse SyncService::challenge(const ServiceRequest &request)
{
    auto req = protocol::ChallengeRequest::decode(request.body);
    if (!req.ok())
        return refuse(400, "malformed");
    const QByteArray tag = tagOf(req->device);
    // Limited by address like every request, not per device: a limit per
    // device could be used up by anyone who knows a device's public key.
    // A challenge costs a keyed hash and keeps nothing on the server.
    ServiceResponse refusal = deviceRefusal(m_store.device(req->device), tag);
    if (refusal.status != 200)
        return refusal;
    ServiceResponse r;
    r.body = protocol::ChallengeResponse{m_sessions.issueChallenge(req->device, m_clock.nowMs()),
                                         m_sessions.limits().challengeTtlMs}
                 .encode();
    r.reason = "challenge";
    r.deviceTag = tag;
    return r;
}

ServiceResponse SyncService::openSession(const ServiceRequest &request)
{
    auto req = protocol::SessionRequest::decode(request.body);
    if (!req.ok())
        return refuse(400, "malformed");
    const QByteArray tag = tagOf(req->device);
    const std::int64_t now = m_clock.nowMs();
    // Taken (forgotten) before the signature is checked: a challenge gets
    // one answer, so a signature cannot be guessed at or replayed.
    if (!m_sessions.takeChallenge(req->device, req->challenge, now))
        return refuse(401, "bad-challenge", tag);
    if (!crypto::verify(req->device, protocol::sessionProofBytes(m_serverId, req->device, req->challenge),
                        req->signature))
        return refuse(401, "bad-signature", tag);
    ServiceResponse refusal = deviceRefusal(m_store.device(req->device), tag);
    if (refusal.status != 200)
        return refusal;
    ServiceResponse r;
    const QByteArray token = m_sessions.openSession(req->device, now);
    r.body = protocol::SessionResponse{token, m_sessions.limits().sessionTtlMs}.encode();
    r.reason = "session";
    r.deviceTag = tag;
    return r;
}

ServiceResponse SyncService::enrol(const ServiceRequest &request)
{
    auto req = protocol::EnrolRequest::decode(request.body);
    if (!req.ok())
        return refuse(400, "malformed");
    const QByteArray tag = tagOf(req->signKey);
    if (!crypto::verify(req->signKey, protocol::enrolProofBytes(req->token, req->signKey, req->boxKey), req->proof))
        return refuse(401, "bad-signature", tag);
    // The box key administrators will seal project keys to, vouched for by
    // the device; they check it again themselves (SyncClient::grantKey).
    if (!protocol::boxKeyProven(req->signKey, req->boxKey, req->boxProof))
        return refuse(401, "bad-box-proof", tag);
    auto result = m_store.enrol(crypto::hash(req->token), req->signKey, req->boxKey, req->boxProof, m_clock.nowMs());
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
    // The project's administrators as of now: the devices this one will
    // accept project keys from (it pins them; a server that later lies
    // cannot hand it a key of its own making).
    protocol::EnrolResponse answer{result->membership.projectId, result->membership.role, {}};
    auto members = m_store.members(answer.projectId);
    if (!members.ok())
        return refuse(500, "internal", tag);
    for (const protocol::Member &m : members.value())
        if (m.role == QLatin1String(protocol::kRoleAdmin) && !m.revoked)
            answer.admins.append(m.signKey);
    ServiceResponse r;
    r.body = answer.encode();
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
        // A write-only device holds no project key: it can only submit (sealed
        // to the submission key), and a reader never submits.
        if (h.submission != (m->role == QLatin1String(protocol::kRoleWriteOnly))) {
            status = 403;
            reason = "forbidden-seal";
            break;
        }
        if (!protocol::verifyEnvelope(envelope.value()).ok()) {
            status = 400;
            reason = "tampered";
            break;
        }
        StoredOp op{h.opId, h.deviceSeq, h.projectId, wire, h.recordId, h.erasure, {}};
        for (const QByteArray &hash : h.erasedBlobs)
            op.erasedBlobs.append(QString::fromLatin1(hash.toHex()));
        valid.append(std::move(op));
    }

    if (!valid.isEmpty()) {
        if (m_group) {
            // handleMany() stores it with the other pushes that came with it
            // and answers it after their one commit.
            m_group->append(GroupedPush{m_groupRequest, caller.device.id, valid, status, reason});
            return {};
        }
        auto stored = m_store.push(caller.device.id, valid, m_clock.nowMs());
        if (!stored.ok())
            return refuse(500, "internal");
        return pushAnswer(status, reason, stored.value());
    }
    auto high = m_store.highWaterMark(caller.device.id);
    if (!high.ok())
        return refuse(500, "internal");
    PushResult none;
    none.high = high.value();
    return pushAnswer(status, reason, none);
}

ServiceResponse SyncService::pushAnswer(int status, const char *reason, const PushResult &stored)
{
    protocol::PushResponse answer;
    answer.receipts = stored.receipts;
    answer.high = stored.high;
    if (stored.outcome != PushOutcome::Stored) {
        // The store stopped earlier in the batch than the first invalid envelope.
        status = 409;
        reason = pushRefusalReason(stored.outcome);
    }
    answer.error = QString::fromLatin1(reason);
    ServiceResponse r;
    r.status = status;
    r.reason = status == 200 ? QByteArray("pushed ") + QByteArray::number(answer.receipts.size()) : QByteArray(reason);
    // Counts only: which records were erased is nobody's business in a log.
    if (stored.erasedOps > 0 || stored.erasedBlobs > 0)
        r.reason += " erased-envelopes " + QByteArray::number(stored.erasedOps) + " erased-blobs "
                    + QByteArray::number(stored.erasedBlobs);
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
    QHash<QString, QHash<QByteArray, QString>> roles;   // project -> device -> role
    for (const protocol::KeyGrant &g : req->grants) {
        // Only an admin of the project approves devices, and only in its own name.
        if (!caller.isAdmin(g.projectId))
            return refuse(403, "not-admin");
        if (g.granter != caller.device.signKey)
            return refuse(403, "forbidden-granter");
        if (!roles.contains(g.projectId)) {
            auto members = m_store.members(g.projectId);
            if (!members.ok())
                return refuse(500, "internal");
            QHash<QByteArray, QString> &byDevice = roles[g.projectId];
            for (const protocol::Member &m : members.value())
                byDevice.insert(m.signKey, m.role);
        }
        // A write-only device gets only a submission grant (the public key it
        // seals to), never a project key; a reader never gets a submission grant.
        const bool writeOnly = roles.value(g.projectId).value(g.recipient) == QLatin1String(protocol::kRoleWriteOnly);
        if (!crypto::verify(g.granter, g.signedBytes(), g.signature)
            && !crypto::verify(g.granter, g.submissionSignedBytes(), g.signature))
            return refuse(400, "tampered");
        if (crypto::verify(g.granter, writeOnly ? g.signedBytes() : g.submissionSignedBytes(), g.signature))
            return refuse(403, writeOnly ? "write-only" : "not-write-only");
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

ServiceResponse SyncService::revoke(const ServiceRequest &request, const Caller &caller)
{
    auto req = protocol::RevokeRequest::decode(request.body);
    if (!req.ok())
        return refuse(400, "malformed");
    if (!caller.isAdmin(req->projectId))
        return refuse(403, "not-admin");
    if (req->device == caller.device.signKey)
        return refuse(400, "self");
    auto target = m_store.device(req->device);
    if (!target.ok())
        return refuse(500, "internal");
    if (!target->has_value())
        return refuse(404, "unknown-device");
    auto memberships = m_store.memberships(target->value().id);
    if (!memberships.ok())
        return refuse(500, "internal");
    // Revocation is of the device, in every project it is in: so the caller
    // must administer each of them, or one project's admin could cut a
    // device off from another's.
    const auto &all = memberships.value();
    if (std::none_of(all.cbegin(), all.cend(), [&](const Membership &m) { return m.projectId == req->projectId; }))
        return refuse(404, "unknown-device");
    for (const Membership &m : all)
        if (!caller.isAdmin(m.projectId))
            return refuse(403, "other-projects");
    if (!m_store.revokeDevice(req->device, m_clock.nowMs()).ok())
        return refuse(500, "internal");
    ServiceResponse r;
    r.reason = "revoked " + tagOf(req->device);
    r.body = protocol::ErrorResponse{QString()}.encode();
    return r;
}

} // namespace samla::server
