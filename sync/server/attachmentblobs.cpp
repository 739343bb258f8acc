#include "attachmentblobs.h"

#include "serverlog.h"

#include "platform/crypto/hasher.h"
#include "sync/protocol/attachmentmessages.h"
#include "sync/protocol/messages.h"

namespace samla::server {

namespace {

ServiceResponse refuse(int status, const char *reason)
{
    ServiceResponse r;
    r.status = status;
    r.reason = reason;
    r.body = protocol::ErrorResponse{QString::fromLatin1(reason)}.encode();
    return r;
}

ServiceResponse statusResponse(int status, const BlobState &state, const char *reason, const char *error = "")
{
    ServiceResponse r;
    r.status = status;
    r.reason = reason;
    r.body = protocol::AttachmentStatus{state.size, state.held, state.complete, QString::fromLatin1(error)}.encode();
    return r;
}

// The value of one query parameter, if present once.
std::optional<QByteArray> queryValue(const QByteArray &query, const char *name)
{
    std::optional<QByteArray> found;
    for (const QByteArray &pair : query.split('&')) {
        const qsizetype eq = pair.indexOf('=');
        if (eq < 0 || pair.left(eq) != name)
            continue;
        if (found)
            return std::nullopt;   // twice: ambiguous, refused by the caller as missing
        found = pair.mid(eq + 1);
    }
    return found;
}

// A small non-negative decimal, or -1.
std::int64_t queryNumber(const QByteArray &query, const char *name)
{
    const auto value = queryValue(query, name);
    if (!value || value->isEmpty() || value->size() > 12)
        return -1;
    for (char c : *value)
        if (c < '0' || c > '9')
            return -1;
    return value->toLongLong();
}

bool isProjectId(const QByteArray &id)
{
    if (id.isEmpty() || id.size() > 64)
        return false;
    for (char c : id)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_'
              || c == '.'))
            return false;
    return true;
}

struct Target {
    QString hash;
    bool status = false;   // .../<hash>/status
};

std::optional<Target> parsePath(const QByteArray &path)
{
    const QByteArray rest = path.mid(qsizetype(sizeof(protocol::kAttachmentsPath) - 1));
    const bool status = rest.endsWith("/status");
    const QByteArray name = status ? rest.chopped(7) : rest;
    if (!protocol::isAttachmentName(name))
        return std::nullopt;
    return Target{QString::fromLatin1(name), status};
}

} // namespace

bool AttachmentBlobs::methodAllowed(const QByteArray &method, const QByteArray &path)
{
    return path.endsWith("/status") ? method == "GET" : (method == "GET" || method == "PUT");
}

ServiceResponse AttachmentBlobs::handle(const ServiceRequest &request, const QByteArray &path,
                                        const QList<Membership> &memberships)
{
    const auto target = parsePath(path);
    const qsizetype q = request.target.indexOf('?');
    const QByteArray query = q < 0 ? QByteArray() : request.target.mid(q + 1);
    const auto project = queryValue(query, "project");
    if (!target || !project || !isProjectId(*project))
        return refuse(400, "malformed");
    const QString projectId = QString::fromLatin1(*project);
    const Membership *membership = nullptr;
    for (const Membership &m : memberships)
        if (m.projectId == projectId)
            membership = &m;
    if (!membership)
        return refuse(403, "forbidden-project");
    if (target->status)
        return status(projectId, target->hash);
    if (request.method == "PUT")
        return upload(request, projectId, target->hash, query);
    // Reading back is for the project's readers only: a diary device can send
    // its own photos but never fetch anyone's.
    if (!protocol::roleReads(membership->role))
        return refuse(403, "write-only");
    return download(projectId, target->hash, query);
}

ServiceResponse AttachmentBlobs::status(const QString &project, const QString &hash)
{
    auto state = m_store.blobState(project, hash);
    if (!state.ok())
        return refuse(500, "internal");
    // Every byte is here but the check did not finish (a failure or a
    // restart while hashing): check it now, so the blob neither stays
    // half-done for good nor counts as complete unchecked.
    if (state->exists && !state->complete && state->size > 0 && state->held == state->size) {
        auto matches = verify(project, hash, state->size);
        if (!matches.ok())
            return refuse(500, "internal");
        if (!matches.value())   // discarded: the uploader starts again from nothing
            return statusResponse(200, BlobState{}, "attachment-status");
        BlobState done = state.value();
        done.complete = true;
        return statusResponse(200, done, "attachment-complete");
    }
    return statusResponse(200, state.value(), "attachment-status");
}

ServiceResponse AttachmentBlobs::upload(const ServiceRequest &request, const QString &project, const QString &hash,
                                        const QByteArray &query)
{
    const std::int64_t size = queryNumber(query, "size");
    const std::int64_t offset = queryNumber(query, "offset");
    if (size < 0 || offset < 0 || request.body.isEmpty())
        return refuse(400, "malformed");
    if (size > protocol::kMaxAttachmentBytes || request.body.size() > protocol::kMaxAttachmentChunk)
        return refuse(413, "too-large");
    if (size == 0 || offset + request.body.size() > size)
        return refuse(400, "malformed");
    auto state = m_store.appendBlob(project, hash, size, offset, request.body, m_clock.nowMs());
    if (!state.ok())
        return refuse(500, "internal");
    if (state->exists && state->size != size)
        return statusResponse(409, state.value(), "size-mismatch", "size-mismatch");
    if (state->complete)
        return statusResponse(200, state.value(), "attachment-complete");
    if (state->held != offset + request.body.size())
        return statusResponse(409, state.value(), "offset", "offset");
    if (state->held < size)
        return statusResponse(200, state.value(), "attachment-chunk");
    auto matches = verify(project, hash, size);
    if (!matches.ok())
        return refuse(500, "internal");
    if (!matches.value())
        return statusResponse(422, BlobState{}, "hash-mismatch", "hash-mismatch");
    BlobState done = state.value();
    done.complete = true;
    return statusResponse(200, done, "attachment-complete");
}

Result<bool> AttachmentBlobs::verify(const QString &project, const QString &hash, std::int64_t size)
{
    crypto::Hasher hasher;
    for (std::int64_t at = 0; at < size;) {
        auto piece = m_store.readBlob(project, hash, at, protocol::kMaxAttachmentChunk);
        if (!piece.ok())
            return piece.error();
        if (piece->isEmpty())
            return makeError(ErrorCode::Corrupt, QStringLiteral("attachment blob ended early"));
        hasher.update(piece.value());
        at += piece->size();
    }
    const bool matches = QString::fromLatin1(hasher.finish().toHex()) == hash;
    SAMLA_TRY(m_store.finishBlob(project, hash, matches));
    return matches;
}

ServiceResponse AttachmentBlobs::download(const QString &project, const QString &hash, const QByteArray &query)
{
    const std::int64_t offset = queryNumber(query, "offset");
    std::int64_t length = queryNumber(query, "length");
    if (offset < 0 || length == 0)
        return refuse(400, "malformed");
    if (length < 0 || length > protocol::kMaxAttachmentChunk)
        length = protocol::kMaxAttachmentChunk;
    auto state = m_store.blobState(project, hash);
    if (!state.ok())
        return refuse(500, "internal");
    if (!state->complete)
        return refuse(404, "not-found");
    if (offset > state->size)
        return refuse(416, "range");
    auto bytes = m_store.readBlob(project, hash, offset, qsizetype(length));
    if (!bytes.ok())
        return refuse(500, "internal");
    ServiceResponse r;
    r.body = bytes.value();
    r.contentType = "application/octet-stream";
    r.reason = "attachment-bytes";
    return r;
}

} // namespace samla::server
