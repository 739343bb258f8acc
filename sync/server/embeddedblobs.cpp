// EmbeddedStore's attachment blobs: the state in the store, the bytes in files next to it.
//
// Why files and not rows: a blob may be 512 MiB; kept in the SQLCipher file
// it would be encrypted a second time page by page (it is ciphertext
// already), pass through the WAL at synchronous=FULL, and leave the store
// file as large after the blob is gone. A file per blob streams, and the
// store file stays small enough to copy for a backup. Files are named by
// the blob's row id, so the directory shows neither projects nor hashes.
//
// The store is the truth: `held` is committed only after the bytes before
// it are written and fsynced, and a chunk is written at `held` after
// cutting the file there, so bytes left past `held` by a crash are
// overwritten, never served.
#include "embeddedstore.h"

#include "platform/core/files.h"
#include "platform/crypto/hasher.h"
#include "platform/db/database.h"

#include <QDir>
#include <QFile>

namespace samla::server {

namespace {

struct BlobRow {
    std::int64_t id = 0;
    BlobState state;
};

Result<std::optional<BlobRow>> findBlob(db::Database &db, const QString &projectId, const QString &hash)
{
    auto s = db.cached("SELECT id, size, held, complete FROM attachment_blobs WHERE project = ?1 AND hash = ?2");
    if (!s.ok())
        return s.error();
    db::Statement &q = *s.value();
    q.bind(1, projectId).bind(2, hash);
    auto row = q.step();
    if (!row.ok()) {
        q.reset();
        return row.error();
    }
    std::optional<BlobRow> out;
    if (row.value())
        out = BlobRow{q.columnInt(0), BlobState{true, q.columnInt(1), q.columnInt(2), q.columnInt(3) != 0}};
    q.reset();
    return out;
}

Result<bool> blobErased(db::Database &db, const QString &projectId, const QString &hash)
{
    auto s = db.cached("SELECT 1 FROM erased_blobs WHERE project = ?1 AND hash = ?2");
    if (!s.ok())
        return s.error();
    auto row = s.value()->bind(1, projectId).bind(2, hash).step();
    if (!row.ok())
        return row.error();
    const bool erased = row.value();
    s.value()->reset();
    return erased;
}

BlobState erasedBlob()
{
    BlobState state;
    state.erased = true;
    return state;
}

} // namespace

Result<BlobState> EmbeddedStore::blobState(const QString &projectId, const QString &hash)
{
    auto found = findBlob(*m_db, projectId, hash);
    if (!found.ok())
        return found.error();
    if (found->has_value())
        return found->value().state;
    auto erased = blobErased(*m_db, projectId, hash);
    if (!erased.ok())
        return erased.error();
    return erased.value() ? erasedBlob() : BlobState{};
}

Result<BlobState> EmbeddedStore::appendBlob(const QString &projectId, const QString &hash, std::int64_t size,
                                            std::int64_t offset, const QByteArray &bytes, std::int64_t nowMs)
{
    db::Transaction tx(*m_db);
    SAMLA_TRY(tx.begin());
    auto erased = blobErased(*m_db, projectId, hash);
    if (!erased.ok())
        return erased.error();
    if (erased.value())
        return erasedBlob();
    auto found = findBlob(*m_db, projectId, hash);
    if (!found.ok())
        return found.error();
    BlobRow blob;
    if (found->has_value()) {
        blob = found->value();
    } else {
        if (offset != 0)
            return BlobState{};
        auto insert = m_db->prepare("INSERT INTO attachment_blobs (project, hash, size, held, complete, created_ms) "
                                    "VALUES (?1, ?2, ?3, 0, 0, ?4)");
        if (!insert.ok())
            return insert.error();
        insert->bind(1, projectId).bind(2, hash).bind(3, size).bind(4, nowMs);
        SAMLA_TRY(insert->run());
        blob = BlobRow{m_db->lastInsertRowId(), BlobState{true, size, 0, false}};
    }
    if (blob.state.complete || blob.state.size != size || offset != blob.state.held || bytes.isEmpty()
        || blob.state.held + bytes.size() > blob.state.size) {
        SAMLA_TRY(tx.commit());   // a new, empty blob row is kept
        return blob.state;
    }
    if (!QDir().mkpath(m_blobDir))
        return makeError(ErrorCode::Io, QStringLiteral("cannot create the attachment directory"));
    QFile file(m_blobDir + QLatin1Char('/') + QString::number(blob.id));
    const bool isNew = !file.exists();
    if (!file.open(QIODevice::ReadWrite))
        return files::errorFromFile(file, "open attachment blob");
    if (!file.resize(blob.state.held) || !file.seek(blob.state.held))
        return files::errorFromFile(file, "cut attachment blob");
    if (file.write(bytes) != bytes.size())
        return files::errorFromFile(file, "write attachment blob");
    SAMLA_TRY(files::fsyncFile(file));
    file.close();
    if (isNew)
        SAMLA_TRY(files::fsyncDirectory(m_blobDir));
    auto update = m_db->prepare("UPDATE attachment_blobs SET held = ?1 WHERE id = ?2");
    if (!update.ok())
        return update.error();
    blob.state.held += bytes.size();
    update->bind(1, blob.state.held).bind(2, blob.id);
    SAMLA_TRY(update->run());
    SAMLA_TRY(tx.commit());
    return blob.state;
}

Result<QByteArray> EmbeddedStore::readBlob(const QString &projectId, const QString &hash, std::int64_t offset,
                                           qsizetype maxBytes)
{
    auto found = findBlob(*m_db, projectId, hash);
    if (!found.ok())
        return found.error();
    if (!found->has_value())
        return makeError(ErrorCode::NotFound, QStringLiteral("no such attachment blob"));
    const BlobRow &blob = found->value();
    if (offset < 0 || offset >= blob.state.held || maxBytes <= 0)
        return QByteArray();
    QFile file(m_blobDir + QLatin1Char('/') + QString::number(blob.id));
    if (!file.open(QIODevice::ReadOnly))
        return files::errorFromFile(file, "open attachment blob");
    if (!file.seek(offset))
        return files::errorFromFile(file, "seek attachment blob");
    const qint64 want = std::min<std::int64_t>(maxBytes, blob.state.held - offset);
    QByteArray out = file.read(want);
    if (out.size() != want)
        return makeError(ErrorCode::Corrupt, QStringLiteral("attachment blob shorter than its state"));
    return out;
}

Status EmbeddedStore::finishBlob(const QString &projectId, const QString &hash, bool keep)
{
    db::Transaction tx(*m_db);
    SAMLA_TRY(tx.begin());
    auto found = findBlob(*m_db, projectId, hash);
    if (!found.ok())
        return found.error();
    if (!found->has_value())
        return makeError(ErrorCode::NotFound, QStringLiteral("no such attachment blob"));
    const std::int64_t id = found->value().id;
    if (keep) {
        auto s = m_db->prepare("UPDATE attachment_blobs SET complete = 1 WHERE id = ?1 AND held = size");
        if (!s.ok())
            return s.error();
        s->bind(1, id);
        SAMLA_TRY(s->run());
        return tx.commit();
    }
    auto s = m_db->prepare("DELETE FROM attachment_blobs WHERE id = ?1");
    if (!s.ok())
        return s.error();
    s->bind(1, id);
    SAMLA_TRY(s->run());
    SAMLA_TRY(tx.commit());
    // After the row is gone: a crash in between leaves an orphan file, never a row without bytes.
    QFile::remove(m_blobDir + QLatin1Char('/') + QString::number(id));
    return {};
}

Result<int> EmbeddedStore::expireUnfinishedBlobs(std::int64_t createdBeforeMs)
{
    QList<std::int64_t> ids;
    {
        db::Transaction tx(*m_db);
        SAMLA_TRY(tx.begin());
        auto s = m_db->prepare("SELECT id FROM attachment_blobs WHERE complete = 0 AND held < size AND created_ms < ?1");
        if (!s.ok())
            return s.error();
        s->bind(1, createdBeforeMs);
        SAMLA_TRY(s->forEachRow([&] { ids.append(s->columnInt(0)); }));
        auto drop = m_db->prepare("DELETE FROM attachment_blobs WHERE id = ?1");
        if (!drop.ok())
            return drop.error();
        for (std::int64_t id : std::as_const(ids)) {
            drop->bind(1, id);
            SAMLA_TRY(drop->run());
            drop->reset();
        }
        SAMLA_TRY(tx.commit());
    }
    // After the rows are gone (as in finishBlob).
    for (std::int64_t id : std::as_const(ids))
        QFile::remove(m_blobDir + QLatin1Char('/') + QString::number(id));
    return int(ids.size());
}

Result<ServerStore::BlobHashJob> EmbeddedStore::blobHashJob(const QString &projectId, const QString &hash,
                                                             std::int64_t size)
{
    auto found = findBlob(*m_db, projectId, hash);
    if (!found.ok())
        return found.error();
    if (!found->has_value())
        return makeError(ErrorCode::NotFound, QStringLiteral("no such attachment blob"));
    // The file alone: the job never touches the database connection, which
    // stays the serving thread's.
    const QString path = m_blobDir + QLatin1Char('/') + QString::number(found->value().id);
    return BlobHashJob([path, size]() -> Result<QByteArray> {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return files::errorFromFile(file, "open attachment blob");
        crypto::Hasher hasher;
        QByteArray buffer(1024 * 1024, Qt::Uninitialized);
        for (std::int64_t at = 0; at < size;) {
            const qint64 n = file.read(buffer.data(), std::min<std::int64_t>(buffer.size(), size - at));
            if (n < 0)
                return files::errorFromFile(file, "read attachment blob");
            if (n == 0)
                return makeError(ErrorCode::Corrupt, QStringLiteral("attachment blob ended early"));
            hasher.update(QByteArrayView(buffer.constData(), n));
            at += n;
        }
        return hasher.finish();
    });
}

} // namespace samla::server
