#include "syncclient.h"

#include "attachmentsync.h"

#include "platform/core/logging.h"
#include "sync/protocol/requestauth.h"

#include <algorithm>
#include <optional>
#include <thread>

namespace samla::sync {

namespace {

Refusal refusalFrom(const HttpResponse &response)
{
    Refusal r;
    r.status = response.status;
    auto decoded = protocol::ErrorResponse::decode(response.body);
    r.reason = decoded.ok() ? decoded->error : QStringLiteral("http-%1").arg(response.status);
    return r;
}

} // namespace

Error refusalError(const Refusal &refusal)
{
    ErrorCode code = ErrorCode::InvalidArgument;
    if (refusal.reason == QLatin1String("tampered"))
        code = ErrorCode::Tampered;
    else if (refusal.reason == QLatin1String("malformed"))
        code = ErrorCode::Corrupt;
    else if (refusal.reason == QLatin1String("unknown-device"))
        code = ErrorCode::NotFound;
    return makeError(code, QStringLiteral("server refused (%1): %2").arg(refusal.status).arg(refusal.reason));
}

SyncClient::SyncClient(Transport &transport, const Clock &clock, const crypto::SignKeyPair &device,
                       QByteArray serverId, SyncClientOptions options)
    : m_transport(transport)
    , m_clock(clock)
    , m_device(device)
    , m_serverId(std::move(serverId))
    , m_options(options)
{
}

void SyncClient::setProjectKey(const QString &projectId, std::uint32_t epoch, crypto::SecureBytes key)
{
    m_keys.insert_or_assign({projectId, epoch}, std::move(key));
}

void SyncClient::setSubmissionKey(const QString &projectId, std::uint32_t epoch, const QByteArray &publicKey)
{
    m_submissionKeys.insert_or_assign({projectId, epoch}, publicKey);
}

const crypto::SecureBytes *SyncClient::projectKey(const QString &projectId, std::uint32_t epoch) const
{
    auto it = m_keys.find({projectId, epoch});
    return it == m_keys.end() ? nullptr : &it->second;
}

Result<HttpResponse> SyncClient::send(const QByteArray &method, const QByteArray &target,
                                      const HeaderList &headers, const QByteArray &body)
{
    std::chrono::milliseconds wait = m_options.backoff;
    Error last = makeError(ErrorCode::Io, QStringLiteral("no attempt made"));
    for (int attempt = 0; attempt < std::max(1, m_options.attempts); ++attempt) {
        if (attempt > 0) {
            std::this_thread::sleep_for(wait);
            wait = std::min(wait * 2, m_options.maxBackoff);
        }
        auto response = m_transport.send(method, target, headers, body);
        if (!response.ok()) {
            last = response.error();
            qCInfo(lcSync) << "sync request failed, attempt" << attempt + 1 << errorCodeName(last.code);
            // A wrong certificate is not a glitch that a retry could fix.
            if (last.code != ErrorCode::Io)
                return last;
            continue;
        }
        if (response->status >= 500) {
            last = makeError(ErrorCode::Io, QStringLiteral("server error %1").arg(response->status));
            continue;
        }
        return response;
    }
    return last;
}

void SyncClient::endSession()
{
    m_token = {};
    m_tokenRenewAtMs = 0;
}

Status SyncClient::openSession()
{
    endSession();
    // A challenge answered once but whose answer was lost is gone on the
    // server: one more round with a fresh challenge.
    for (int round = 0; round < 2; ++round) {
        auto challenged = send("POST", "/v1/session/challenge", {},
                               protocol::ChallengeRequest{m_device.publicKey}.encode());
        if (!challenged.ok())
            return challenged.error();
        if (challenged->status != 200) {
            m_lastRefusal = refusalFrom(challenged.value());
            return refusalError(m_lastRefusal);
        }
        auto challenge = protocol::ChallengeResponse::decode(challenged->body);
        if (!challenge.ok())
            return challenge.error();
        protocol::SessionRequest req{m_device.publicKey, challenge->challenge, {}};
        const QByteArray proof = protocol::sessionProofBytes(m_serverId, m_device.publicKey, req.challenge);
        req.signature = crypto::sign(m_device.secretKey, proof);
        const std::int64_t askedMs = m_clock.nowMs();
        auto opened = send("POST", "/v1/session", {}, req.encode());
        if (!opened.ok())
            return opened.error();
        if (opened->status != 200) {
            m_lastRefusal = refusalFrom(opened.value());
            if (m_lastRefusal.reason == QLatin1String("bad-challenge") && round == 0)
                continue;
            return refusalError(m_lastRefusal);
        }
        auto session = protocol::SessionResponse::decode(opened->body);
        if (!session.ok())
            return session.error();
        m_token = crypto::SecureBytes(reinterpret_cast<const std::uint8_t *>(session->token.constData()),
                                      std::size_t(session->token.size()));
        session->token.fill('\0');
        // Renewed a little before the server's end of it, counted on this
        // device's clock from when it asked: the two clocks need not agree.
        m_tokenRenewAtMs = askedMs + session->ttlMs - std::min<std::int64_t>(60'000, session->ttlMs / 4);
        ++m_sessionsOpened;
        return {};
    }
    return refusalError(m_lastRefusal);
}

Result<HttpResponse> SyncClient::sendWithToken(const QByteArray &method, const QByteArray &target,
                                               const QByteArray &body)
{
    const crypto::SecureBytes hex = crypto::toHexSecure(m_token);
    QByteArray value = QByteArray(protocol::kBearerPrefix)
                       + QByteArray(reinterpret_cast<const char *>(hex.data()), qsizetype(hex.size()));
    auto response = send(method, target, {{"Authorization", value}}, body);
    // The header's copy of the token is wiped once sent (the transport's own
    // buffers are not reachable from here).
    value.fill('\0');
    return response;
}

Result<HttpResponse> SyncClient::request(const QByteArray &method, const QByteArray &target,
                                         const QByteArray &body, bool authenticated)
{
    if (!authenticated)
        return send(method, target, {}, body);
    for (int renewal = 0;; ++renewal) {
        if (m_token.isEmpty() || m_clock.nowMs() >= m_tokenRenewAtMs)
            SAMLA_TRY(openSession());
        auto response = sendWithToken(method, target, body);
        if (!response.ok() || response->status != 401 || renewal > 0)
            return response;
        // A token the server no longer knows (it restarted) or that ran out
        // before this device expected (the clocks differ): one new session,
        // then the request again. Any other 401 is the caller's to report.
        const QString reason = refusalFrom(response.value()).reason;
        if (reason != QLatin1String("token-expired") && reason != QLatin1String("unknown-token"))
            return response;
        qCInfo(lcSync) << "sync session ended on the server:" << reason << "- opening a new one";
        endSession();
    }
}

Result<HttpResponse> SyncClient::signedRequest(const QByteArray &method, const QByteArray &target,
                                               const QByteArray &body)
{
    return request(method, target, body, true);
}

Result<protocol::EnrolResponse> SyncClient::enrol(const QByteArray &token, const QByteArray &boxPublicKey)
{
    protocol::EnrolRequest req;
    req.token = token;
    req.signKey = m_device.publicKey;
    req.boxKey = boxPublicKey;
    req.proof = crypto::sign(m_device.secretKey, protocol::enrolProofBytes(token, m_device.publicKey, boxPublicKey));
    req.boxProof = crypto::sign(m_device.secretKey, protocol::boxKeyProofBytes(boxPublicKey));
    auto response = request("POST", "/v1/enrol", req.encode(), false);
    if (!response.ok())
        return response.error();
    if (response->status != 200) {
        m_lastRefusal = refusalFrom(response.value());
        return refusalError(m_lastRefusal);
    }
    return protocol::EnrolResponse::decode(response->body);
}

Result<PushReport> SyncClient::push(const QList<OutgoingOp> &ops)
{
    m_partialPush = {};
    PushReport &report = m_partialPush;
    const int batchSize = std::clamp(m_options.pushBatch, 1, protocol::kMaxPushBatch);
    for (qsizetype start = 0; start < ops.size(); start += batchSize) {
        const qsizetype count = std::min<qsizetype>(batchSize, ops.size() - start);
        protocol::PushRequest req;
        for (qsizetype i = start; i < start + count; ++i) {
            protocol::EnvelopeHeader header = ops.at(i).header;
            header.authorDevice = m_device.publicKey;
            if (header.submission) {
                // The newest submission key this device was granted for the project.
                const QByteArray *publicKey = nullptr;
                for (const auto &[id, pk] : m_submissionKeys)
                    if (id.first == header.projectId) {
                        header.keyEpoch = id.second;
                        publicKey = &pk;
                    }
                if (!publicKey)
                    return makeError(ErrorCode::NotFound, QStringLiteral("no submission key for this project"));
                auto sealed = protocol::sealSubmission(header, ops.at(i).plaintext, *publicKey, m_device.secretKey);
                if (!sealed.ok())
                    return sealed.error();
                req.envelopes.append(sealed->encode());
                continue;
            }
            const crypto::SecureBytes *key = projectKey(header.projectId, header.keyEpoch);
            if (!key)
                return makeError(ErrorCode::NotFound, QStringLiteral("no key for this project and epoch"));
            auto sealed = protocol::sealEnvelope(header, ops.at(i).plaintext, *key, m_device.secretKey);
            if (!sealed.ok())
                return sealed.error();
            req.envelopes.append(sealed->encode());
        }
        // Sealed once: every retry of this batch sends the same bytes.
        auto response = request("POST", "/v1/push", req.encode(), true);
        if (!response.ok())
            return response.error();
        auto answer = protocol::PushResponse::decode(response->body);
        if (!answer.ok()) {
            m_lastRefusal = refusalFrom(response.value());
            return response->status == 200 ? answer.error() : refusalError(m_lastRefusal);
        }
        // Receipts are for a prefix of the batch, in order; anything else is a
        // broken server and nothing is acknowledged from it.
        if (answer->receipts.size() > count)
            return makeError(ErrorCode::Corrupt, QStringLiteral("more receipts than ops"));
        for (qsizetype i = 0; i < answer->receipts.size(); ++i) {
            const protocol::Receipt &r = answer->receipts.at(i);
            if (r.opId != ops.at(start + i).header.opId || r.deviceSeq != ops.at(start + i).header.deviceSeq)
                return makeError(ErrorCode::Corrupt, QStringLiteral("receipt does not match its op"));
        }
        report.receipts += answer->receipts;
        report.high = answer->high;
        if (response->status != 200 || answer->receipts.size() != count) {
            m_lastRefusal = Refusal{response->status, answer->error.isEmpty() ? QStringLiteral("incomplete")
                                                                               : answer->error};
            return refusalError(m_lastRefusal);
        }
    }
    return report;
}

Result<IncomingOp> SyncClient::open(const protocol::PulledEnvelope &pulled) const
{
    auto envelope = protocol::decodeEnvelope(pulled.envelope, {protocol::kMaxEnvelopeBytes});
    if (!envelope.ok())
        return envelope.error();
    const crypto::SecureBytes *key = projectKey(envelope->header.projectId, envelope->header.keyEpoch);
    if (!key)
        return makeError(ErrorCode::NotFound, QStringLiteral("no key for this project and epoch"));
    // A write-only device's submission opens with the submission key pair
    // the reader derives from the same epoch's project key.
    auto plaintext = envelope->header.submission
                         ? protocol::openSubmission(envelope.value(), protocol::submissionKeyPair(*key))
                         : protocol::openEnvelope(envelope.value(), *key);
    if (!plaintext.ok())
        return plaintext.error();
    return IncomingOp{pulled.serverSeq, envelope->header, plaintext.value()};
}

Result<std::int64_t> SyncClient::pull(std::int64_t since, const ApplyPage &apply)
{
    const int limit = std::clamp(m_options.pullPage, 1, protocol::kMaxPullPage);
    for (;;) {
        const QByteArray target = "/v1/pull?since=" + QByteArray::number(qint64(since)) + "&limit="
                                  + QByteArray::number(limit);
        auto response = request("GET", target, {}, true);
        if (!response.ok())
            return response.error();
        if (response->status != 200) {
            m_lastRefusal = refusalFrom(response.value());
            return refusalError(m_lastRefusal);
        }
        auto page = protocol::PullResponse::decode(response->body);
        if (!page.ok())
            return page.error();
        if (page->next < since || (!page->ops.isEmpty() && page->ops.first().serverSeq <= since))
            return makeError(ErrorCode::Corrupt, QStringLiteral("pull page behind its cursor"));
        QList<IncomingOp> opened;
        opened.reserve(page->ops.size());
        for (const protocol::PulledEnvelope &p : page->ops) {
            // One envelope that does not open stops the pull before its page
            // is applied: nothing is skipped silently, and the next pull
            // starts again from the same cursor.
            auto op = open(p);
            if (!op.ok())
                return op.error();
            opened.append(std::move(op.value()));
        }
        // "More" after a page that does not move the cursor would have this
        // device ask for the same page for ever (found by fuzz_syncclient).
        if (page->more && page->next == since)
            return makeError(ErrorCode::Corrupt, QStringLiteral("pull page does not move its cursor"));
        if (page->next != since) {
            SAMLA_TRY(apply(opened, page->next));
            since = page->next;
        }
        if (!page->more)
            return since;
    }
}

Result<QList<protocol::Member>> SyncClient::members(const QString &projectId)
{
    auto response = request("GET", "/v1/members?project=" + projectId.toLatin1(), {}, true);
    if (!response.ok())
        return response.error();
    if (response->status != 200) {
        m_lastRefusal = refusalFrom(response.value());
        return refusalError(m_lastRefusal);
    }
    auto list = protocol::MemberList::decode(response->body);
    if (!list.ok())
        return list.error();
    return list->members;
}

// A key is sealed only to a box key its device signed (EnrolRequest::boxProof):
// the member list comes from the server, which must not be able to slip in
// a box key of its own next to a device's id. Nothing is granted to anyone
// when one of them fails.
Status SyncClient::checkBoxKeys(const QList<protocol::Member> &recipients)
{
    for (const protocol::Member &m : recipients)
        if (!protocol::boxKeyProven(m.signKey, m.boxKey, m.boxProof))
            return makeError(ErrorCode::Tampered, QString::fromLatin1(kUnsignedBoxKey));
    return {};
}

// A POST whose only answer that counts is 200; anything else is the refusal.
Status SyncClient::postExpectingOk(const QByteArray &target, const QByteArray &body)
{
    auto response = request("POST", target, body, true);
    if (!response.ok())
        return response.error();
    if (response->status != 200) {
        m_lastRefusal = refusalFrom(response.value());
        return refusalError(m_lastRefusal);
    }
    return {};
}

Status SyncClient::revokeDevice(const QString &projectId, const QByteArray &device)
{
    return postExpectingOk("/v1/revoke", protocol::RevokeRequest{projectId, device}.encode());
}

// Seals `content` to each recipient's box key (checked first), signs each
// grant as a project key or a submission key, and posts them in batches.
Status SyncClient::postGrants(const QString &projectId, std::uint32_t epoch, const crypto::SecureBytes &content,
                              const QList<protocol::Member> &recipients, bool submission)
{
    SAMLA_TRY(checkBoxKeys(recipients));
    protocol::GrantList req;
    for (const protocol::Member &m : recipients) {
        protocol::KeyGrant g;
        g.projectId = projectId;
        g.epoch = epoch;
        g.recipient = m.signKey;
        g.sealed = crypto::sealToPublicKey(m.boxKey, content);
        g.granter = m_device.publicKey;
        g.signature = crypto::sign(m_device.secretKey, submission ? g.submissionSignedBytes() : g.signedBytes());
        req.grants.append(g);
    }
    for (qsizetype start = 0; start < req.grants.size(); start += protocol::kMaxGrants)
        SAMLA_TRY(postExpectingOk("/v1/grants", protocol::GrantList{req.grants.mid(start, protocol::kMaxGrants)}.encode()));
    return {};
}

Status SyncClient::grantKey(const QString &projectId, std::uint32_t epoch, const crypto::SecureBytes &key,
                            const QList<protocol::Member> &recipients)
{
    if (key.size() != 32)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("a project key is 32 bytes"));
    return postGrants(projectId, epoch, key, recipients, false);
}

Status SyncClient::grantSubmissionKey(const QString &projectId, std::uint32_t epoch,
                                      const crypto::SecureBytes &projectKey, const QString &localProjectId,
                                      const QList<protocol::Member> &recipients)
{
    if (projectKey.size() != 32)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("a project key is 32 bytes"));
    const QByteArray content = protocol::encodeSubmissionContent(
        {protocol::submissionKeyPair(projectKey).publicKey, localProjectId});
    if (!protocol::decodeSubmissionContent(content).ok())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("the project id does not fit a submission grant"));
    const crypto::SecureBytes plain(reinterpret_cast<const std::uint8_t *>(content.constData()),
                                    std::size_t(content.size()));
    return postGrants(projectId, epoch, plain, recipients, true);
}

Result<FetchedKeys> SyncClient::fetchKeys(const crypto::BoxKeyPair &box, const GranterCheck &trusted)
{
    auto response = request("GET", "/v1/grants", {}, true);
    if (!response.ok())
        return response.error();
    if (response->status != 200) {
        m_lastRefusal = refusalFrom(response.value());
        return refusalError(m_lastRefusal);
    }
    auto list = protocol::GrantList::decode(response->body);
    if (!list.ok())
        return list.error();
    // Everything is checked before anything is installed.
    std::vector<std::pair<const protocol::KeyGrant *, crypto::SecureBytes>> opened;
    FetchedKeys out;
    for (const protocol::KeyGrant &g : list->grants) {
        if (g.recipient == m_device.publicKey && crypto::verify(g.granter, g.submissionSignedBytes(), g.signature)) {
            auto content = crypto::openSealed(box, g.sealed);
            if (!content.ok())
                return makeError(ErrorCode::Tampered, QStringLiteral("a submission grant does not open with this device's key"));
            auto decoded = protocol::decodeSubmissionContent(content->view());
            if (!decoded.ok())
                return makeError(ErrorCode::Tampered, QStringLiteral("a submission grant is malformed"));
            if (!trusted(g.projectId, g.granter)) {
                qCWarning(lcSync) << "submission grant refused: its granter is not a pinned administrator; epoch"
                                  << g.epoch << "granter" << g.granter.left(4).toHex();
                out.problems.append({KeyGrantProblem::Kind::UntrustedGranter, g.projectId, g.epoch});
                continue;
            }
            out.submissionKeys.append({g.projectId, g.epoch, decoded->publicKey, decoded->localProjectId});
            continue;
        }
        if (g.recipient != m_device.publicKey || !crypto::verify(g.granter, g.signedBytes(), g.signature))
            return makeError(ErrorCode::Tampered, QStringLiteral("a key grant is not signed by its granter"));
        auto key = crypto::openSealed(box, g.sealed);
        if (!key.ok() || key->size() != 32)
            return makeError(ErrorCode::Tampered, QStringLiteral("a key grant does not open with this device's key"));
        opened.emplace_back(&g, std::move(key.value()));
    }
    for (auto &[grant, key] : opened) {
        // Only an administrator this device pinned may hand it a key: the
        // server checks roles too, but a server that lies (or was broken
        // into) could otherwise make devices seal new data with its own key.
        if (!trusted(grant->projectId, grant->granter)) {
            qCWarning(lcSync) << "key grant refused: its granter is not a pinned administrator; epoch"
                              << grant->epoch << "granter" << grant->granter.left(4).toHex();
            out.problems.append({KeyGrantProblem::Kind::UntrustedGranter, grant->projectId, grant->epoch});
            continue;
        }
        // A key this device already holds is never replaced: a grant cannot
        // swap the key an epoch's data is sealed with. A different one is
        // reported, not dropped in silence: two keys for one epoch means an
        // administrator's device or the server is not what it should be.
        if (const crypto::SecureBytes *held = projectKey(grant->projectId, grant->epoch)) {
            if (!held->equals(key)) {
                qCWarning(lcSync) << "key grant conflicts with the key held for epoch" << grant->epoch
                                  << "- the held key is kept";
                out.problems.append({KeyGrantProblem::Kind::ConflictingKey, grant->projectId, grant->epoch});
            }
            continue;
        }
        setProjectKey(grant->projectId, grant->epoch, std::move(key));
        ++out.installed;
    }
    return out;
}

Status SyncClient::sync(SyncJournal &journal, bool receive)
{
    SyncProgress progress;
    auto report = [this, &progress] {
        if (m_options.progress)
            m_options.progress(progress);
    };
    std::optional<AttachmentSync> attachments;
    if (!m_options.attachmentDirectory.isEmpty())
        attachments.emplace(*this, m_options.attachmentDirectory, m_options.attachmentChunk, progress, report);
    bool renumbered = false;
    for (;;) {
        auto pending = journal.pending(m_options.pushBatch);
        if (!pending.ok())
            return pending.error();
        if (pending->isEmpty())
            break;
        // A record counts as sent only with its attachments: they go first,
        // so no device ever receives a record whose files the server lacks.
        if (attachments)
            SAMLA_TRY(attachments->uploadFor(pending.value()));
        auto pushed = push(pending.value());
        // Receipts the server gave before a refusal are acknowledged too.
        const QList<protocol::Receipt> receipts = pushed.ok() ? pushed->receipts : partialPush().receipts;
        if (!receipts.isEmpty()) {
            SAMLA_TRY(journal.acknowledge(receipts));
            progress.sent += int(receipts.size());
            report();
        }
        if (!pushed.ok()) {
            // Once per sync: a store put back from a backup numbers its
            // unsent ops after what the server already holds from it.
            if (!renumbered && m_lastRefusal.reason == QLatin1String("seq-conflict")) {
                auto moved = journal.renumberPendingAfter(partialPush().high);
                if (!moved.ok())
                    return moved.error();
                if (moved.value()) {
                    renumbered = true;
                    continue;
                }
            }
            return pushed.error();
        }
    }
    if (!receive)
        return {};
    auto cursor = journal.cursor();
    if (!cursor.ok())
        return cursor.error();
    auto pulled = pull(cursor.value(), [&](const QList<IncomingOp> &ops, std::int64_t next) -> Status {
        SAMLA_TRY(journal.apply(ops, next));
        progress.received += int(ops.size());
        report();
        return Status();
    });
    if (!pulled.ok())
        return pulled.error();
    if (attachments)
        SAMLA_TRY(attachments->downloadWanted(journal));
    return {};
}

} // namespace samla::sync
