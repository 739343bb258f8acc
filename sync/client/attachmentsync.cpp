#include "attachmentsync.h"

#include "platform/core/files.h"
#include "platform/core/logging.h"
#include "platform/crypto/hasher.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace samla::sync {

namespace {

QByteArray projectQuery(const QString &projectId)
{
    return "project=" + projectId.toLatin1();
}

Refusal refusalOf(const HttpResponse &response)
{
    Refusal r;
    r.status = response.status;
    auto decoded = protocol::ErrorResponse::decode(response.body);
    if (decoded.ok()) {
        r.reason = decoded->error;
    } else {
        auto st = protocol::AttachmentStatus::decode(response.body);
        r.reason = st.ok() && !st->error.isEmpty() ? st->error : QStringLiteral("http-%1").arg(response.status);
    }
    return r;
}

Result<QByteArray> hashOfFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return files::errorFromFile(f, "open attachment");
    crypto::Hasher hasher;
    QByteArray buffer(256 * 1024, Qt::Uninitialized);
    for (;;) {
        const qint64 n = f.read(buffer.data(), buffer.size());
        if (n < 0)
            return files::errorFromFile(f, "read attachment");
        if (n == 0)
            break;
        hasher.update(QByteArrayView(buffer.constData(), n));
    }
    return hasher.finish().toHex();
}

} // namespace

AttachmentSync::AttachmentSync(SyncClient &client, QString directory, qsizetype chunkBytes, SyncProgress &progress,
                               std::function<void()> report)
    : m_client(client)
    , m_dir(std::move(directory))
    , m_chunk(std::clamp<qsizetype>(chunkBytes, 1, protocol::kMaxAttachmentChunk))
    , m_progress(progress)
    , m_report(std::move(report))
{
}

void AttachmentSync::moved(std::int64_t bytes)
{
    m_progress.attachmentBytesDone += bytes;
    if (m_report)
        m_report();
}

Result<protocol::AttachmentStatus> AttachmentSync::status(const QString &projectId, const QString &hash)
{
    auto response = m_client.signedRequest(
        "GET", protocol::kAttachmentsPath + hash.toLatin1() + "/status?" + projectQuery(projectId), {});
    if (!response.ok())
        return response.error();
    if (response->status != 200)
        return refusalError(refusalOf(response.value()));
    return protocol::AttachmentStatus::decode(response->body);
}

namespace {

// A refusal that sending again cannot mend: the file is over the limit, or
// its bytes on this device no longer match its name (damaged here).
bool cannotEverGo(const Error &error)
{
    return error.detail.endsWith(QLatin1String(": too-large")) || error.detail.endsWith(QLatin1String(": hash-mismatch"));
}

// The server deleted the blob for an erasure of its record, and takes it
// never again: nothing to send, nothing to fetch (the erasure op, pulled
// next, removes the record and the file here too).
bool erasedOnServer(const Error &error)
{
    return error.detail.endsWith(QLatin1String(": erased"));
}

} // namespace

Status AttachmentSync::uploadFor(const QList<OutgoingOp> &ops)
{
    for (const OutgoingOp &op : ops) {
        for (const QString &hash : op.attachments) {
            const Status sent = upload(op.header.projectId, hash);
            if (sent.ok())
                continue;
            if (!cannotEverGo(sent.error()))
                return sent;   // a dropped connection and the like: the next sync goes on from here
            // One file that can never go must not hold back everything
            // written after it: the record goes without it, and the user is told.
            qCWarning(lcSync) << "sync: an attachment cannot be sent (" << sent.error().detail
                              << "); its record goes without it";
            m_onServer.insert(op.header.projectId + QLatin1Char('/') + hash);
            ++m_progress.attachmentsSkipped;
            if (m_report)
                m_report();
        }
    }
    return {};
}

Status AttachmentSync::upload(const QString &projectId, const QString &hash)
{
    const QString key = projectId + QLatin1Char('/') + hash;
    if (m_onServer.contains(key))
        return {};
    if (!protocol::isAttachmentName(hash.toLatin1()))
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("not an attachment name"));
    QFile file(m_dir + QLatin1Char('/') + hash);
    if (!file.exists()) {
        // Removed on this device (or never here): the record goes without it.
        qCWarning(lcSync) << "sync: an attachment a record names is not on this device; sending the record without it";
        m_onServer.insert(key);
        return {};
    }
    const std::int64_t size = file.size();
    if (size <= 0 || size > protocol::kMaxAttachmentBytes)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("server refused (413): too-large"));
    auto held = status(projectId, hash);
    if (!held.ok() && erasedOnServer(held.error())) {
        m_onServer.insert(key);
        return {};
    }
    if (!held.ok())
        return held.error();
    if (held->complete) {
        m_onServer.insert(key);
        return {};
    }
    if (!file.open(QIODevice::ReadOnly))
        return files::errorFromFile(file, "open attachment");
    std::int64_t offset = held->size == size ? held->held : 0;
    m_progress.attachmentBytesTotal += size - offset;
    if (m_report)
        m_report();
    const QByteArray base = protocol::kAttachmentsPath + hash.toLatin1() + "?" + projectQuery(projectId)
                            + "&size=" + QByteArray::number(qint64(size)) + "&offset=";
    bool complete = false;
    // Answers that did not move the upload forward: a few are a lost answer
    // or a server that lost bytes; many are a server that keeps this device
    // sending the same chunk for ever (found by fuzz_syncclient).
    int stalls = 0;
    const auto stalled = [&stalls, &offset](const protocol::AttachmentStatus &a) {
        return !a.complete && a.held <= offset && ++stalls > 3;
    };
    while (offset < size) {
        if (!file.seek(offset))
            return files::errorFromFile(file, "seek attachment");
        const QByteArray chunk = file.read(std::min<std::int64_t>(m_chunk, size - offset));
        if (chunk.isEmpty())
            return files::errorFromFile(file, "read attachment");
        auto response = m_client.signedRequest("PUT", base + QByteArray::number(qint64(offset)), chunk);
        if (!response.ok())
            return response.error();   // the next sync asks the server where to go on from
        auto answer = protocol::AttachmentStatus::decode(response->body);
        if (answer.ok() && (response->status == 200 || (response->status == 409 && answer->error == QLatin1String("offset")))
            && stalled(answer.value()))
            return makeError(ErrorCode::Corrupt, QStringLiteral("the server does not take the attachment's bytes"));
        if (response->status == 200 && answer.ok()) {
            moved(answer->held - offset);
            offset = answer->held;
            if (answer->complete) {
                complete = true;
                break;
            }
            continue;
        }
        if (response->status == 409 && answer.ok() && answer->error == QLatin1String("offset")) {
            // The chunk arrived before (its answer was lost), or the server
            // holds less than we thought: go on from where the server is.
            moved(answer->held - offset);
            offset = answer->held;
            continue;
        }
        const Error refused = refusalError(refusalOf(response.value()));
        if (erasedOnServer(refused)) {
            m_onServer.insert(key);
            return {};
        }
        return refused;
    }
    if (!complete) {
        // Every byte is there but the server has not confirmed the whole:
        // asking for its state makes it check (or refuse) the blob.
        auto after = status(projectId, hash);
        if (!after.ok())
            return after.error();
        if (!after->complete)
            return makeError(ErrorCode::Io, QStringLiteral("the server has not confirmed an attachment yet"));
    }
    m_onServer.insert(key);
    return {};
}

Status AttachmentSync::downloadWanted(SyncJournal &journal)
{
    auto wanted = journal.wantedAttachments();
    if (!wanted.ok())
        return wanted.error();
    // The directory is synced once for every file renamed into it, and
    // only then are they marked arrived: a power cut before that costs a
    // download again, never a file the journal has let go of.
    QList<WantedAttachment> arrived;
    Status outcome;
    for (const WantedAttachment &w : wanted.value()) {
        auto here = fetch(w.projectId, w.hash, false);
        if (!here.ok()) {
            outcome = here.error();
            break;
        }
        if (here.value())
            arrived.append(w);
    }
    if (!arrived.isEmpty()) {
        SAMLA_TRY(files::fsyncDirectory(m_dir));
        for (const WantedAttachment &w : arrived)
            SAMLA_TRY(journal.attachmentArrived(w));
    }
    return outcome;
}

Result<bool> AttachmentSync::download(const QString &projectId, const QString &hash)
{
    return fetch(projectId, hash, true);
}

Result<bool> AttachmentSync::fetch(const QString &projectId, const QString &hash, bool syncDirectory)
{
    if (!protocol::isAttachmentName(hash.toLatin1()))
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("not an attachment name"));
    const QString finalPath = m_dir + QLatin1Char('/') + hash;
    if (QFileInfo::exists(finalPath))
        return true;
    auto held = status(projectId, hash);
    if (!held.ok())
        return erasedOnServer(held.error()) ? Result<bool>(false) : Result<bool>(held.error());
    if (!held->complete)
        return false;   // its device has not finished sending it
    const std::int64_t size = held->size;
    if (!QDir().mkpath(m_dir))
        return makeError(ErrorCode::ReadOnly, QStringLiteral("cannot create attachments directory"));
    QFile partial(m_dir + QLatin1Char('/') + partialName(hash));
    if (!partial.open(QIODevice::ReadWrite))
        return files::errorFromFile(partial, "open partial attachment");
    std::int64_t offset = partial.size();
    if (offset > size) {
        if (!partial.resize(0))
            return files::errorFromFile(partial, "cut partial attachment");
        offset = 0;
    }
    m_progress.attachmentBytesTotal += size - offset;
    if (m_report)
        m_report();
    const QByteArray base = protocol::kAttachmentsPath + hash.toLatin1() + "?" + projectQuery(projectId) + "&length="
                            + QByteArray::number(qint64(m_chunk)) + "&offset=";
    while (offset < size) {
        auto response = m_client.signedRequest("GET", base + QByteArray::number(qint64(offset)), {});
        if (!response.ok())
            return response.error();   // what arrived stays in the partial file
        if (response->status != 200) {
            const Error refused = refusalError(refusalOf(response.value()));
            return erasedOnServer(refused) ? Result<bool>(false) : Result<bool>(refused);
        }
        if (response->body.isEmpty() || offset + response->body.size() > size)
            return makeError(ErrorCode::Corrupt, QStringLiteral("attachment download of the wrong length"));
        if (!partial.seek(offset) || partial.write(response->body) != response->body.size() || !partial.flush())
            return files::errorFromFile(partial, "write partial attachment");
        offset += response->body.size();
        moved(response->body.size());
    }
    SAMLA_TRY(files::fsyncFile(partial));
    partial.close();
    auto actual = hashOfFile(partial.fileName());
    if (!actual.ok())
        return actual.error();
    if (QString::fromLatin1(actual.value()) != hash) {
        // Bytes that are not the attachment: start again next time.
        partial.remove();
        return makeError(ErrorCode::Tampered, QStringLiteral("a downloaded attachment does not match its hash"));
    }
    if (!partial.rename(finalPath))
        return files::errorFromFile(partial, "rename attachment");
    if (syncDirectory)
        SAMLA_TRY(files::fsyncDirectory(m_dir));
    return true;
}

} // namespace samla::sync
