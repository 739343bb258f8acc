#include "storejournal.h"

#include "admintrust.h"

#include "attachmentrefs.h"
#include "submissionpolicy.h"
#include "sync/client/attachmentsync.h"

#include "app/store/attachmentstore.h"
#include "app/store/localstore.h"
#include "platform/core/logging.h"
#include "platform/crypto/crypto.h"
#include "platform/db/database.h"
#include "sync/protocol/attachmentmessages.h"
#include "sync/protocol/envelope.h"
#include "sync/protocol/strictcbor.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QFile>
#include <QHash>

#include <optional>

namespace samla::appsync {

namespace {

Result<std::int64_t> metaInt(store::RecordStore &records, const char *key)
{
    auto value = records.meta(key);
    if (!value.ok())
        return value.error();
    return value->isEmpty() ? 0 : value->toLongLong();
}

} // namespace

StoreJournal::StoreJournal(store::LocalStore &store) : m_store(store) {}

Status StoreJournal::numberNewOps()
{
    db::Database &db = m_store.database();
    auto scanned = metaInt(m_store.records(), kMetaScanned);
    if (!scanned.ok())
        return scanned.error();
    auto last = m_store.records().lastDeviceSeq();
    if (!last.ok())
        return last.error();
    std::int64_t from = scanned.value();
    while (from < last.value()) {
        auto batch = m_store.records().outbox(from, 500);
        if (!batch.ok())
            return batch.error();
        if (batch->isEmpty())
            break;
        db::Transaction tx(db);
        SAMLA_TRY(tx.begin());
        auto synced = db.cached("SELECT 1 FROM sync_projects WHERE project_id = ?1");
        if (!synced.ok())
            return synced.error();
        // An entry numbered before (a rescan after joining another project) keeps its number.
        auto number = db.cached("INSERT OR IGNORE INTO sync_sent(local_seq, wire_seq) "
                                "VALUES(?1, coalesce((SELECT max(wire_seq) FROM sync_sent), 0) + 1)");
        if (!number.ok())
            return number.error();
        for (const store::OutboxEntry &e : batch.value()) {
            const QString project = QCborValue::fromCbor(e.body).toMap().value(QStringLiteral("project")).toString();
            db::Statement &s = *synced.value();
            s.bind(1, project);
            auto row = s.step();
            if (!row.ok())
                return row.error();
            const bool syncs = row.value();
            s.reset();
            if (syncs) {
                number.value()->bind(1, e.deviceSeq);
                SAMLA_TRY(number.value()->run());
                number.value()->reset();
            }
            from = e.deviceSeq;
        }
        auto mark = db.cached("INSERT OR REPLACE INTO meta(key, value) VALUES(?1, ?2)");
        if (!mark.ok())
            return mark.error();
        mark.value()->bind(1, QString::fromLatin1(kMetaScanned)).bindBlob(2, QByteArray::number(qint64(from)));
        SAMLA_TRY(mark.value()->run());
        SAMLA_TRY(tx.commit());
    }
    return {};
}

namespace {

// An op that erases its record (RecordStore::erase, or one stripped by it)
// says so in its clear header, with the attachment files to delete, so the
// server deletes the ciphertext it holds of the record (serverstore.h). A
// write-only device's ops are never erasures: it reads nothing back and
// forgets what it sent on its own (localforget.cpp).
void markErasure(sync::OutgoingOp &op)
{
    const QCborMap m = protocol::decodeWhole(op.plaintext).toMap();
    if (!m.value(QStringLiteral("erased")).toBool())
        return;
    op.header.erasure = true;
    for (const QCborValue &hash : m.value(QStringLiteral("blobs")).toArray()) {
        const QByteArray name = hash.toString().toLatin1();
        if (protocol::isAttachmentName(name) && op.header.erasedBlobs.size() < protocol::kMaxErasedBlobs)
            op.header.erasedBlobs.append(QByteArray::fromHex(name));
    }
}

} // namespace

Result<QList<sync::OutgoingOp>> StoreJournal::pending(int limit)
{
    SAMLA_TRY(numberNewOps());
    db::Database &db = m_store.database();
    auto s = db.prepare(
        "SELECT t.wire_seq, o.op_id, r.id, r.kind, o.hlc, o.body, p.server_project, "
        " (SELECT max(epoch) FROM sync_keys k WHERE k.server_project = p.server_project), p.role "
        "FROM sync_sent t JOIN outbox o ON o.device_seq = t.local_seq JOIN records r ON r.rid = o.rid "
        "JOIN sync_projects p ON p.project_id = r.project_id "
        "WHERE t.acked = 0 ORDER BY t.wire_seq LIMIT ?1");
    if (!s.ok())
        return s.error();
    s->bind(1, limit);
    QList<sync::OutgoingOp> out;
    SAMLA_TRY(s->forEachRow([&] {
        sync::OutgoingOp op;
        op.header.deviceSeq = s->columnInt(0);
        op.header.opId = s->columnBlob(1);
        op.header.recordId = s->columnText(2);
        op.header.kind = s->columnText(3);
        op.header.hlc = protocol::HlcStamp::fromBytes(s->columnBlob(4));
        op.plaintext = s->columnBlob(5);
        op.header.projectId = s->columnText(6);
        op.header.keyEpoch = std::uint32_t(s->columnInt(7));
        // A write-only device seals to the project's submission key (the
        // client picks the newest epoch it was granted).
        op.header.submission = s->columnText(8) == QLatin1String(protocol::kRoleWriteOnly);
        if (!op.header.submission)
            markErasure(op);
        out.append(op);
    }));
    // Attachment keys travel opened inside the sealed op (see attachmentrefs.h),
    // and the op waits for its files to be on the server.
    for (sync::OutgoingOp &op : out) {
        RewrittenOp rewritten = rewriteAttachmentKeys(op.plaintext, m_store.attachmentKeyFor(op.header.recordId),
                                                      KeyDirection::ToWire);
        op.plaintext = std::move(rewritten.plaintext);
        op.attachments = std::move(rewritten.hashes);
    }
    return out;
}

Result<int> StoreJournal::pendingCount()
{
    SAMLA_TRY(numberNewOps());
    auto s = m_store.database().prepare("SELECT count(*) FROM sync_sent WHERE acked = 0");
    if (!s.ok())
        return s.error();
    auto row = s->step();
    if (!row.ok())
        return row.error();
    return int(s->columnInt(0));
}

Status StoreJournal::acknowledge(const QList<protocol::Receipt> &receipts)
{
    db::Database &db = m_store.database();
    db::Transaction tx(db);
    SAMLA_TRY(tx.begin());
    // By the outbox's key (device_seq), not by op_id, which has no index.
    auto s = db.cached("UPDATE sync_sent SET acked = 1 WHERE wire_seq = ?1 AND EXISTS "
                       "(SELECT 1 FROM outbox o WHERE o.device_seq = sync_sent.local_seq AND o.op_id = ?2)");
    if (!s.ok())
        return s.error();
    for (const protocol::Receipt &r : receipts) {
        s.value()->bind(1, r.deviceSeq).bindBlob(2, r.opId);
        SAMLA_TRY(s.value()->run());
        s.value()->reset();
        if (db.changes() != 1)
            return makeError(ErrorCode::Corrupt, QStringLiteral("a receipt for an op this device did not send"));
    }
    return tx.commit();
}

Result<bool> StoreJournal::renumberPendingAfter(std::int64_t serverHigh)
{
    db::Database &db = m_store.database();
    db::Transaction tx(db);
    SAMLA_TRY(tx.begin());
    auto s = db.prepare("SELECT local_seq, wire_seq FROM sync_sent WHERE acked = 0 ORDER BY wire_seq");
    if (!s.ok())
        return s.error();
    QList<std::pair<std::int64_t, std::int64_t>> unsent;
    SAMLA_TRY(s->forEachRow([&] { unsent.append({s->columnInt(0), s->columnInt(1)}); }));
    if (unsent.isEmpty() || unsent.first().second > serverHigh)
        return false;   // not the conflict a restored store makes
    // Out of the way first (wire_seq is UNIQUE), then after the server's.
    SAMLA_TRY(db.exec("UPDATE sync_sent SET wire_seq = -wire_seq WHERE acked = 0"));
    auto number = db.prepare("UPDATE sync_sent SET wire_seq = ?2 WHERE local_seq = ?1");
    if (!number.ok())
        return number.error();
    std::int64_t next = serverHigh;
    for (const auto &[local, wire] : unsent) {
        Q_UNUSED(wire);
        number->bind(1, local).bind(2, ++next);
        SAMLA_TRY(number->run());
        number->reset();
    }
    SAMLA_TRY(tx.commit());
    qCWarning(lcSync) << "sync: the server holds changes of this device that its store does not (put back from a "
                         "backup?);" << unsent.size() << "unsent change(s) renumbered after them";
    return true;
}

Result<std::int64_t> StoreJournal::cursor()
{
    return metaInt(m_store.records(), kMetaCursor);
}

Status StoreJournal::apply(const QList<sync::IncomingOp> &ops, std::int64_t newCursor)
{
    // Each server project carries exactly one local project. A member that
    // joined knows only the server's id until the first op arrives, and
    // learns the local id from it; after that, an op naming any other
    // project is skipped, so no member can write into, or link, a project
    // this device does not sync with that server.
    db::Database &db = m_store.database();
    QHash<QString, QString> localFor;   // server project -> local project
    QHash<QString, QString> waiting;    // server project -> role, local project not yet known
    {
        auto s = db.prepare("SELECT project_id, server_project, role FROM sync_projects");
        if (!s.ok())
            return s.error();
        SAMLA_TRY(s->forEachRow([&] {
            if (s->columnText(0) == s->columnText(1))
                waiting.insert(s->columnText(1), s->columnText(2));
            else
                localFor.insert(s->columnText(1), s->columnText(0));
        }));
    }
    QList<QByteArray> bodies;
    bodies.reserve(ops.size());
    int skipped = 0;
    auto wantedNow = wantedAttachments();
    if (!wantedNow.ok())
        return wantedNow.error();
    QList<sync::WantedAttachment> wanted = wantedNow.value();
    const qsizetype wantedBefore = wanted.size();
    QHash<QString, QString> wantedFor = m_wantedFor;   // "project/hash" -> the record that names it
    std::optional<AdminPins> pins;   // loaded when an endorsement comes
    {
        db::Transaction tx(db);
        SAMLA_TRY(tx.begin());
        for (const sync::IncomingOp &op : ops) {
            const QString project = protocol::decodeWhole(op.plaintext).toMap().value(QStringLiteral("project")).toString();
            const QString server = op.header.projectId;
            if (op.header.submission) {
                // A write-only device's entry: never what teaches this device
                // its project, and only of the kinds such a device may submit.
                auto accepted = acceptSubmission(op, localFor.value(server));
                if (!accepted.ok())
                    return accepted.error();
                if (!accepted.value()) {
                    ++m_refusedSubmissions;
                    ++skipped;
                    continue;
                }
            }
            if (!localFor.contains(server) && waiting.contains(server) && !project.isEmpty()) {
                // Learn it only for a project this device has no records of.
                auto known = db.prepare("SELECT 1 FROM records WHERE project_id = ?1 LIMIT 1");
                if (!known.ok())
                    return known.error();
                known->bind(1, project);
                auto row = known->step();
                if (!row.ok())
                    return row.error();
                if (!row.value() && !localFor.values().contains(project)) {
                    auto learn = db.prepare("INSERT OR IGNORE INTO sync_projects(project_id, server_project, role, "
                                            "joined_ms) SELECT ?1, server_project, role, joined_ms FROM sync_projects "
                                            "WHERE project_id = ?2 AND server_project = ?2");
                    if (!learn.ok())
                        return learn.error();
                    learn->bind(1, project).bind(2, server);
                    SAMLA_TRY(learn->run());
                    localFor.insert(server, project);
                }
            }
            if (localFor.value(server) != project || project.isEmpty()) {
                ++skipped;
                continue;
            }
            if (op.header.kind == QLatin1String(kAdminEndorsementKind)) {
                // Taken only from an administrator this device pinned (admintrust.h).
                if (!pins) {
                    auto loaded = loadPinnedAdmins(m_store.records());
                    if (!loaded.ok())
                        return loaded.error();
                    pins = loaded.value();
                }
                const QByteArray endorsed = protocol::decodeWhole(op.plaintext)
                                                .toMap()
                                                .value(QStringLiteral("body"))
                                                .toMap()
                                                .value(QStringLiteral("device"))
                                                .toByteArray();
                QList<QByteArray> &admins = (*pins)[server];
                if (op.header.submission || endorsed.size() != 32 || !admins.contains(op.header.authorDevice)) {
                    qCWarning(lcSync) << "sync: an administrator endorsement not from a pinned administrator was skipped";
                    ++skipped;
                    continue;
                }
                if (!admins.contains(endorsed)) {
                    admins.append(endorsed);
                    SAMLA_TRY(savePinnedAdmins(db, *pins));
                    m_learntAdmins = true;
                }
            }
            RewrittenOp rewritten = rewriteAttachmentKeys(op.plaintext, m_store.attachmentKeyFor(opRecordId(op.plaintext)),
                                                          KeyDirection::FromWire);
            for (const QString &hash : std::as_const(rewritten.hashes)) {
                const sync::WantedAttachment want{server, hash};
                if (!m_store.attachments().contains(hash) && !wanted.contains(want)) {
                    wanted.append(want);
                    wantedFor.insert(server + QLatin1Char('/') + hash, opRecordId(op.plaintext));
                }
            }
            bodies.append(std::move(rewritten.plaintext));
        }
        SAMLA_TRY(tx.commit());
    }
    if (skipped > 0)
        qCWarning(lcSync) << "sync: skipped" << skipped << "op(s) naming a project their server project does not carry";
    // Remembered before the records are applied: a crash in between leaves a
    // file wanted that no record names yet, never a record whose file is forgotten.
    if (wanted.size() != wantedBefore) {
        m_wantedFor = wantedFor;
        SAMLA_TRY(storeWanted(wanted));
    }
    auto report = m_store.records().applyRemote(bodies, kMetaCursor, QByteArray::number(qint64(newCursor)));
    if (!report.ok())
        return report.error();
    // Erased elsewhere: the files of the erased records go from this device
    // too, with any download of them left half done.
    for (const QString &hash : report->erasedAttachments) {
        if (!m_store.attachments().remove(hash).ok())
            qCWarning(lcSync) << "sync: the file of an erased record could not be removed";
        QFile::remove(m_store.attachments().directory() + QLatin1Char('/') + sync::AttachmentSync::partialName(hash));
    }
    m_applied.applied += report->applied;
    m_applied.merged += report->merged;
    m_applied.refused += report->refused;
    m_applied.kept += report->kept;
    m_applied.conflicts += report->conflicts;
    m_applied.erased += report->erased;
    m_applied.duplicates += report->duplicates;
    m_applied.ignored += report->ignored + skipped;
    return {};
}

Result<bool> StoreJournal::acceptSubmission(const sync::IncomingOp &op, const QString &localProject)
{
    const QCborMap m = protocol::decodeWhole(op.plaintext).toMap();
    const QString kind = m.value(QStringLiteral("kind")).toString();
    const QString recordId = m.value(QStringLiteral("id")).toString();
    // The clear header (signed) and the sealed op must say the same.
    if (localProject.isEmpty() || !submittableKind(op.header.kind) || kind != op.header.kind
        || recordId != op.header.recordId || m.value(QStringLiteral("project")).toString() != localProject
        || m.value(QStringLiteral("erased")).toBool()) {
        // The kind is the record type's name, never content: enough for an administrator to look into it.
        qCWarning(lcSync) << "sync: refused a write-only device's submission of kind"
                          << (submittableKind(op.header.kind) ? QStringLiteral("(mismatched)") : op.header.kind.left(32));
        return false;
    }
    // Which device submitted each record: a submission may change only a
    // record the same device submitted, never one written by a reader.
    db::Database &db = m_store.database();
    auto by = db.prepare("SELECT author FROM sync_submitted WHERE record_id = ?1");
    if (!by.ok())
        return by.error();
    by->bind(1, recordId);
    auto row = by->step();
    if (!row.ok())
        return row.error();
    if (row.value()) {
        const bool same = by->columnBlob(0) == op.header.authorDevice;
        if (!same)
            qCWarning(lcSync) << "sync: refused a submission that changes another device's entry";
        return same;
    }
    by->reset();
    auto exists = db.prepare("SELECT 1 FROM records WHERE id = ?1");
    if (!exists.ok())
        return exists.error();
    exists->bind(1, recordId);
    auto here = exists->step();
    if (!here.ok())
        return here.error();
    if (here.value()) {
        qCWarning(lcSync) << "sync: refused a submission that changes a record it did not submit";
        return false;
    }
    exists->reset();
    auto remember = db.prepare("INSERT INTO sync_submitted(record_id, author) VALUES(?1, ?2)");
    if (!remember.ok())
        return remember.error();
    remember->bind(1, recordId).bindBlob(2, op.header.authorDevice);
    SAMLA_TRY(remember->run());
    return true;
}

Result<QList<sync::WantedAttachment>> StoreJournal::wantedAttachments()
{
    auto raw = m_store.records().meta(kMetaWantedAttachments);
    if (!raw.ok())
        return raw.error();
    QList<sync::WantedAttachment> out;
    auto erased = m_store.database().prepare("SELECT 1 FROM erased_records WHERE id = ?1");
    if (!erased.ok())
        return erased.error();
    for (const QCborValue &v : QCborValue::fromCbor(raw.value()).toArray()) {
        const QCborArray entry = v.toArray();
        if (entry.size() != 3)
            continue;
        const sync::WantedAttachment w{entry.at(0).toString(), entry.at(1).toString()};
        const QString recordId = entry.at(2).toString();
        m_wantedFor.insert(w.projectId + QLatin1Char('/') + w.hash, recordId);
        // A file of a record erased since (an older op arriving after the
        // erasure) is not fetched: erased means gone from every device.
        erased->bind(1, recordId);
        auto row = erased->step();
        if (!row.ok())
            return row.error();
        erased->reset();
        if (!row.value())
            out.append(w);
    }
    return out;
}

Status StoreJournal::attachmentArrived(const sync::WantedAttachment &arrived)
{
    auto wanted = wantedAttachments();
    if (!wanted.ok())
        return wanted.error();
    QList<sync::WantedAttachment> left = wanted.value();
    left.removeAll(arrived);
    return storeWanted(left);
}

Status StoreJournal::storeWanted(const QList<sync::WantedAttachment> &wanted)
{
    QCborArray list;
    for (const sync::WantedAttachment &w : wanted)
        list.append(QCborArray{w.projectId, w.hash, m_wantedFor.value(w.projectId + QLatin1Char('/') + w.hash)});
    auto s = m_store.database().prepare("INSERT OR REPLACE INTO meta(key, value) VALUES(?1, ?2)");
    if (!s.ok())
        return s.error();
    s->bind(1, QString::fromLatin1(kMetaWantedAttachments)).bindBlob(2, QCborValue(list).toCbor());
    return s->run();
}

} // namespace samla::appsync
