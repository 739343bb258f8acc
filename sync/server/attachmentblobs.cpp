#include "attachmentblobs.h"

#include "serverlog.h"

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
    // Named by an erasure: gone for good (the uploader stops sending it).
    if (state->erased)
        return statusResponse(410, BlobState{}, "erased", "erased");
    // Every byte is here but the check did not finish (a failure or a
    // restart while hashing): check it now, so the blob neither stays
    // half-done for good nor counts as complete unchecked.
    if (state->exists && !state->complete && state->size > 0 && state->held == state->size)
        return check(project, hash, state.value(), false);
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
    if (state->erased)
        return statusResponse(410, BlobState{}, "erased", "erased");
    if (state->exists && state->size != size)
        return statusResponse(409, state.value(), "size-mismatch", "size-mismatch");
    if (state->complete)
        return statusResponse(200, state.value(), "attachment-complete");
    if (state->held != offset + request.body.size())
        return statusResponse(409, state.value(), "offset", "offset");
    if (state->held < size)
        return statusResponse(200, state.value(), "attachment-chunk");
    return check(project, hash, state.value(), true);
}

namespace {

// The answer to the chunk that completed a blob (upload) or to a status
// request, once the blob was hashed: kept (complete) or discarded.
ServiceResponse checkedAnswer(bool upload, const BlobState &state, const Result<bool> &matches)
{
    if (!matches.ok())
        return refuse(500, "internal");
    if (!matches.value())   // discarded: the uploader starts again from nothing
        return upload ? statusResponse(422, BlobState{}, "hash-mismatch", "hash-mismatch")
                      : statusResponse(200, BlobState{}, "attachment-status");
    BlobState done = state;
    done.complete = true;
    return statusResponse(200, done, "attachment-complete");
}

// The hash against the name, and the blob kept or discarded accordingly.
Result<bool> finish(ServerStore &store, const QString &project, const QString &hash,
                    const Result<QByteArray> &digest)
{
    if (!digest.ok())
        return digest.error();
    const bool matches = QString::fromLatin1(digest->toHex()) == hash;
    SAMLA_TRY(store.finishBlob(project, hash, matches));
    return matches;
}

} // namespace

ServiceResponse AttachmentBlobs::check(const QString &project, const QString &hash, const BlobState &state,
                                       bool upload)
{
    if (!m_checks || !m_checks->offload) {
        auto job = m_store.blobHashJob(project, hash, state.size);
        return checkedAnswer(upload, state, job.ok() ? finish(m_store, project, hash, job.value()()) : job.error());
    }
    // One check per blob: a status request while the blob is hashed waits
    // for the same result instead of hashing it again (or discarding a blob
    // that another check has already let a new upload begin).
    const QString key = project + QLatin1Char('/') + hash;
    ServiceResponse r;
    r.later = std::make_shared<ServiceResponse::Later>();
    auto underway = m_checks->underway.find(key);
    if (underway != m_checks->underway.end()) {
        underway->append({r.later, upload});
        return r;
    }
    auto job = m_store.blobHashJob(project, hash, state.size);
    if (!job.ok())
        return refuse(500, "internal");
    m_checks->underway.insert(key, {{r.later, upload}});
    auto digest = std::make_shared<Result<QByteArray>>(makeError(ErrorCode::Internal, QStringLiteral("not hashed")));
    ServerStore &store = m_store;
    BlobChecks &checks = *m_checks;
    m_checks->offload([job = std::move(job.value()), digest] { *digest = job(); },
                     [&store, &checks, key, project, hash, state, digest] {
                         const QList<BlobChecks::Waiter> waiters = checks.underway.take(key);
                         const Result<bool> matches = finish(store, project, hash, *digest);
                         for (const BlobChecks::Waiter &w : waiters)
                             if (w.later->deliver)
                                 w.later->deliver(checkedAnswer(w.upload, state, matches));
                     });
    return r;
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
    if (state->erased)
        return refuse(410, "erased");
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
