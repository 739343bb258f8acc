// RecordStore::applyRemote: other devices' changes into this device's records, never losing a version.
#include "conflictpolicy.h"
#include "recordrows.h"
#include "recordstore.h"
#include "schema.h"

#include "platform/core/logging.h"
#include "platform/db/database.h"
#include "sync/protocol/canonicalcbor.h"
#include "sync/protocol/strictcbor.h"

#include <QCborArray>
#include <QScopeGuard>

namespace samla::store {

using detail::decodeBody;
using detail::packBody;

namespace {

// How far ahead of this device's clock a remote stamp may be (devices' clocks drift, and are set by hand).
constexpr std::int64_t kMaxFutureSkewMs = 24LL * 60 * 60 * 1000;
// Remote ops stamped further ahead than that, held back until the clock catches up (CBOR array of ops).
constexpr char kMetaHeldOps[] = "sync_held_ops";

// An op map as RecordStore::write puts it in the outbox.
struct RemoteChange {
    QString id;
    QString kind;
    QString projectId;
    QString participantRef;
    int version = 0;
    protocol::HlcStamp hlc;
    std::optional<protocol::HlcStamp> base;   // the version it replaced on its device
    bool deleted = false;
    bool erased = false;
    QCborMap body;
};

Result<RemoteChange> parseOp(const QByteArray &cbor)
{
    // A damaged op is not a map (never the fields read before the damage).
    const QCborValue v = protocol::decodeWhole(cbor);
    auto bad = [](const char *what) {
        return makeError(ErrorCode::Corrupt, QStringLiteral("remote op: %1").arg(QLatin1String(what)));
    };
    if (!v.isMap())
        return bad("not a map");
    const QCborMap m = v.toMap();
    RemoteChange c;
    c.id = m.value(QStringLiteral("id")).toString();
    c.kind = m.value(QStringLiteral("kind")).toString();
    c.projectId = m.value(QStringLiteral("project")).toString();
    c.participantRef = m.value(QStringLiteral("participant")).toString();
    const QCborValue version = m.value(QStringLiteral("version"));
    bool hlcOk = false;
    c.hlc = protocol::HlcStamp::fromBytes(m.value(QStringLiteral("hlc")).toByteArray(), &hlcOk);
    if (const QCborValue base = m.value(QStringLiteral("base")); base.isByteArray()) {
        bool baseOk = false;
        c.base = protocol::HlcStamp::fromBytes(base.toByteArray(), &baseOk);
        if (!baseOk)
            return bad("base");
    }
    c.deleted = m.value(QStringLiteral("deleted")).toBool();
    c.erased = m.value(QStringLiteral("erased")).toBool();
    const QCborValue body = m.value(QStringLiteral("body"));
    if (c.id.size() != 36 || c.kind.isEmpty() || c.kind.size() > 64 || c.projectId.isEmpty())
        return bad("id, kind or project");
    if (!version.isInteger() || version.toInteger() < 1 || version.toInteger() > (1 << 30))
        return bad("version");
    c.version = int(version.toInteger());
    if (!hlcOk || c.hlc.isNull())
        return bad("hlc");
    // An op whose record was erased before it was sent carries no body.
    if (!body.isMap() && !(body.isUndefined() && (c.deleted || c.erased)))
        return bad("body");
    c.body = body.toMap();
    return c;
}

struct LocalRow {
    std::int64_t rid = 0;
    QString kind;
    int version = 0;
    protocol::HlcStamp hlc;
    QByteArray storedBody;
    std::int64_t updatedMs = 0;
    bool deleted = false;
};

} // namespace

Status RecordStore::indexRow(std::int64_t rid, const QString &kind, const QCborMap &body, bool deleted, bool replace)
{
    auto extractor = m_extractors.find(kind);
    if (extractor == m_extractors.end())
        return {};
    if (replace) {
        auto del = m_db.cached(sql::kDeleteSearch);
        if (!del.ok())
            return del.error();
        del.value()->bind(1, rid);
        SAMLA_TRY(del.value()->run());
    }
    if (deleted)
        return {};
    const SearchText text = (*extractor)(body);
    auto ins = m_db.cached(sql::kInsertSearch);
    if (!ins.ok())
        return ins.error();
    ins.value()->bind(1, rid).bind(2, text.title).bind(3, text.text);
    return ins.value()->run();
}

Status RecordStore::applyOne(const QByteArray &op, RemoteApplyReport &report)
{
    // An op that cannot be applied (malformed, or stamped implausibly far in
    // the future, which would drag every clock along and win every later
    // comparison) is skipped and counted: refusing the page would stop every
    // device's sync at it for good.
    auto parsed = parseOp(op);
    const std::int64_t now = m_clock.nowMs();
    if (!parsed.ok()) {
        qCWarning(lcStore) << "remote op skipped: malformed";
        ++report.ignored;
        return {};
    }
    // One stamped too far ahead is held back, not dropped: the cursor moves
    // past it, so skipping it would lose it on this device for good.
    // applyRemote keeps it and applies it once this clock has caught up.
    if (parsed->hlc.physicalMs > now + kMaxFutureSkewMs) {
        ++report.deferred;
        return {};
    }
    const RemoteChange &c = parsed.value();
    m_hlc.receive(c.hlc);

    auto erasedCheck = m_db.cached(sql::kIsErased);
    if (!erasedCheck.ok())
        return erasedCheck.error();
    erasedCheck.value()->bind(1, c.id);
    auto erasedRow = erasedCheck.value()->step();
    if (!erasedRow.ok())
        return erasedRow.error();
    const bool alreadyErased = erasedRow.value();
    erasedCheck.value()->reset();
    if (alreadyErased) {
        ++report.ignored;
        return {};
    }

    std::optional<LocalRow> local;
    {
        auto s = m_db.prepare("SELECT rid, kind, version, hlc, body, updated_ms, deleted FROM records WHERE id = ?1");
        if (!s.ok())
            return s.error();
        s->bind(1, c.id);
        auto row = s->step();
        if (!row.ok())
            return row.error();
        if (row.value())
            local = LocalRow{s->columnInt(0), s->columnText(1), int(s->columnInt(2)),
                             protocol::HlcStamp::fromBytes(s->columnBlob(3)), s->columnBlob(4), s->columnInt(5),
                             s->columnInt(6) != 0};
    }
    if (local && local->kind != c.kind) {
        qCWarning(lcStore) << "remote op skipped: it changes a record's kind";
        ++report.ignored;
        return {};
    }

    const QString participant = c.participantRef.isEmpty() ? QString() : c.participantRef;
    const QByteArray hlcBytes = c.hlc.toBytes();

    if (c.erased) {
        // Erasure wins over everything, before and after it: the content
        // goes, the id is remembered, and the row stays as an empty tombstone.
        std::int64_t rid = local ? local->rid : 0;
        if (local) {
            // The files its versions referred to go too (after the commit).
            detail::collectAttachmentHashes(QCborValue(detail::decodeBody(local->storedBody)), report.erasedAttachments);
            auto history = versions(c.id);
            if (!history.ok())
                return history.error();
            for (const RecordVersion &v : history.value())
                detail::collectAttachmentHashes(QCborValue(v.body), report.erasedAttachments);
            for (const char *sqlText : {"DELETE FROM record_versions WHERE rid = ?1",
                                        "DELETE FROM search_index WHERE docid = ?1"}) {
                auto s = m_db.prepare(sqlText);
                if (!s.ok())
                    return s.error();
                s->bind(1, rid);
                SAMLA_TRY(s->run());
            }
            // This device's own ops for the record lose their content too,
            // sent or not: the erased words must not stay in the outbox.
            SAMLA_TRY(stripOutboxOf(rid));
            auto s = m_db.prepare("UPDATE records SET version = ?2, hlc = ?3, body = ?4, deleted = 1, updated_ms = ?5 "
                                  "WHERE rid = ?1");
            if (!s.ok())
                return s.error();
            s->bind(1, rid).bind(2, std::max(local->version, c.version) + 1).bindBlob(3, hlcBytes);
            s->bindBlob(4, protocol::encodeCanonical(QCborMap())).bind(5, now);
            SAMLA_TRY(s->run());
        } else {
            auto s = m_db.cached(sql::kInsertRecord);
            if (!s.ok())
                return s.error();
            s.value()->bind(1, c.id).bind(2, c.kind).bind(3, c.projectId).bind(4, participant);
            s.value()->bind(5, c.version).bindBlob(6, hlcBytes).bindBlob(7, protocol::encodeCanonical(QCborMap()));
            s.value()->bind(8, 1).bind(9, now).bind(10, now);
            SAMLA_TRY(s.value()->run());
        }
        auto remember = m_db.cached(sql::kRememberErased);
        if (!remember.ok())
            return remember.error();
        remember.value()->bind(1, c.id);
        SAMLA_TRY(remember.value()->run());
        // Nothing is left to choose between: a conflict listed here before the
        // erasure arrived is closed, as on the device that erased it.
        SAMLA_TRY(closeConflictsOf(c.id));
        ++report.erased;
        return {};
    }

    const QByteArray body = packBody(protocol::encodeCanonical(c.body));
    if (!local) {
        auto s = m_db.cached(sql::kInsertRecord);
        if (!s.ok())
            return s.error();
        s.value()->bind(1, c.id).bind(2, c.kind).bind(3, c.projectId).bind(4, participant);
        s.value()->bind(5, c.version).bindBlob(6, hlcBytes).bindBlob(7, body);
        s.value()->bind(8, c.deleted ? 1 : 0).bind(9, now).bind(10, now);
        SAMLA_TRY(s.value()->run());
        SAMLA_TRY(indexRow(m_db.lastInsertRowId(), c.kind, c.body, c.deleted, false));
        if (c.kind == kResolutionKind && !c.deleted)
            SAMLA_TRY(closeResolvedConflict(c.body));
        ++report.applied;
        return {};
    }

    // Already here: the current row, or a version in the history.
    if (local->hlc == c.hlc) {
        ++report.duplicates;
        return {};
    }
    {
        auto s = m_db.prepare("SELECT 1 FROM record_versions WHERE rid = ?1 AND hlc = ?2");
        if (!s.ok())
            return s.error();
        s->bind(1, local->rid).bindBlob(2, hlcBytes);
        auto row = s->step();
        if (!row.ok())
            return row.error();
        if (row.value()) {
            ++report.duplicates;
            return {};
        }
    }

    auto archiveCurrent = [&]() -> Status {
        auto archive = m_db.cached(sql::kArchiveCurrentVersion);
        if (!archive.ok())
            return archive.error();
        archive.value()->bind(1, local->rid);
        return archive.value()->run();
    };
    auto setCurrent = [&](int version, const QByteArray &hlc, const QByteArray &stored, bool deleted) -> Status {
        auto s = m_db.cached(sql::kUpdateRecord);
        if (!s.ok())
            return s.error();
        s.value()->bind(1, local->rid).bind(2, c.projectId).bind(3, participant).bind(4, version);
        s.value()->bindBlob(5, hlc).bindBlob(6, stored).bind(7, deleted ? 1 : 0).bind(8, now);
        return s.value()->run();
    };
    auto insertHistory = [&](int version, const QByteArray &hlc, const QByteArray &stored,
                             std::int64_t savedMs) -> Status {
        auto s = m_db.prepare("INSERT INTO record_versions(rid, version, hlc, body, saved_ms) VALUES(?1, ?2, ?3, ?4, ?5)");
        if (!s.ok())
            return s.error();
        s->bind(1, local->rid).bind(2, version).bindBlob(3, hlc).bindBlob(4, stored).bind(5, savedMs);
        return s->run();
    };
    auto listConflict = [&](const protocol::HlcStamp &kept, const protocol::HlcStamp &other, ConflictPolicy kindRule,
                            const QStringList &fields) -> Status {
        auto s = m_db.prepare("INSERT INTO sync_conflicts(record_id, kind, kept_hlc, other_hlc, created_ms, policy, "
                              "fields) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        if (!s.ok())
            return s.error();
        s->bind(1, c.id).bind(2, c.kind).bindBlob(3, kept.toBytes()).bindBlob(4, other.toBytes()).bind(5, now);
        // Not NULL when no field is named (an empty join is a null string, bound as NULL).
        s->bind(6, conflictPolicyKey(kindRule)).bind(7, fields.isEmpty() ? QStringLiteral("") : fields.join(QLatin1Char('\n')));
        return s->run();
    };
    // A change the kind's policy forbids: the sender broke the protocol.
    // Nothing of it is kept or listed; the report counts it.
    auto refuse = [&](const char *why) -> Status {
        qCWarning(lcStore) << "remote op refused:" << why << "(" << c.kind << ")";
        ++report.refused;
        ++report.ignored;
        return {};
    };

    const KindPolicy rule = kindPolicy(c.kind);
    if (rule.policy == ConflictPolicy::AppendOnly)
        return refuse("a second version of an append-only record");
    const QCborMap localBody = decodeBody(local->storedBody);
    const bool localFinal = rule.policy == ConflictPolicy::Finalisable && rule.isFinal && !local->deleted
                            && rule.isFinal(localBody);

    // A later version of what is here: made from it (its base is the
    // version here), or, for an op without a base, numbered after it.
    const bool successor = c.base ? *c.base == local->hlc : c.version > local->version;
    if (successor && localFinal)
        return refuse("a change made from a finalised version");
    if (successor && c.hlc > local->hlc) {
        SAMLA_TRY(archiveCurrent());
        // Numbered after everything kept here: after a conflict the two
        // devices' numbers differ, and the author's may already be taken.
        SAMLA_TRY(setCurrent(std::max(c.version, local->version + 1), hlcBytes, body, c.deleted));
        SAMLA_TRY(indexRow(local->rid, c.kind, c.body, c.deleted, true));
        ++report.applied;
        return {};
    }
    // Fields merge against the version the op was made from, when this
    // device has it (in the history: the op's branch and this one's meet there).
    std::optional<QCborMap> baseBody;
    if (rule.policy == ConflictPolicy::MergeFields && c.base) {
        auto s = m_db.prepare("SELECT body FROM record_versions WHERE rid = ?1 AND hlc = ?2");
        if (!s.ok())
            return s.error();
        s->bind(1, local->rid).bindBlob(2, c.base->toBytes());
        auto row = s->step();
        if (!row.ok())
            return row.error();
        if (row.value())
            baseBody = decodeBody(s->columnBlob(0));
    }
    if (c.version < local->version && c.hlc < local->hlc && !baseBody) {
        // An earlier version that arrives late (its successor came first):
        // it belongs in the history, under a number of its own.
        auto s = m_db.prepare("SELECT 1 FROM record_versions WHERE rid = ?1 AND version = ?2");
        if (!s.ok())
            return s.error();
        s->bind(1, local->rid).bind(2, c.version);
        auto taken = s->step();
        if (!taken.ok())
            return taken.error();
        if (!taken.value()) {
            SAMLA_TRY(insertHistory(c.version, hlcBytes, body, now));
            ++report.kept;
            return {};
        }
    }
    // Made at the same time as the version here (neither saw the other).
    if (rule.policy == ConflictPolicy::MergeFields && !c.deleted && !local->deleted) {
        // Per field: a change on one side only is taken, a field both
        // changed takes the later change and is listed. The merge is a
        // version of its own, current, with a stamp derived from both sides,
        // so every device that has both has the same current version, in
        // whichever order they came; it is written here and sent nowhere.
        const bool remoteLater = c.hlc > local->hlc;
        const FieldMergeResult merge = mergeFields(baseBody.value_or(QCborMap()), remoteLater ? localBody : c.body,
                                                   remoteLater ? c.body : localBody, rule.mergeField);
        const protocol::HlcStamp mergedHlc = mergedStamp(local->hlc, c.hlc, merge.body);
        m_hlc.receive(mergedHlc);
        SAMLA_TRY(archiveCurrent());
        SAMLA_TRY(insertHistory(local->version + 1, hlcBytes, body, now));
        SAMLA_TRY(setCurrent(local->version + 2, mergedHlc.toBytes(), packBody(protocol::encodeCanonical(merge.body)),
                             false));
        SAMLA_TRY(indexRow(local->rid, c.kind, merge.body, false, true));
        if (merge.conflicting.isEmpty()) {
            ++report.applied;
            ++report.merged;
            return {};
        }
        SAMLA_TRY(listConflict(std::max(c.hlc, local->hlc), std::min(c.hlc, local->hlc), ConflictPolicy::MergeFields,
                               merge.conflicting));
        ++report.conflicts;
        return {};
    }
    // Both versions stay, the user is told, and the later stamp is current
    // (the other right below it in the history), except that a finalised
    // version met by one that is not stays in force: both are flagged for review.
    bool remoteInForce = c.hlc > local->hlc;
    ConflictPolicy listedAs = ConflictPolicy::KeepBoth;
    if (rule.policy == ConflictPolicy::Finalisable && rule.isFinal) {
        const bool remoteFinal = !c.deleted && rule.isFinal(c.body);
        if (localFinal != remoteFinal)
            remoteInForce = remoteFinal;
        if (localFinal || remoteFinal)
            listedAs = ConflictPolicy::Finalisable;
    }
    if (remoteInForce) {
        SAMLA_TRY(archiveCurrent());   // the version here, under its own number
        SAMLA_TRY(setCurrent(local->version + 1, hlcBytes, body, c.deleted));
        SAMLA_TRY(indexRow(local->rid, c.kind, c.body, c.deleted, true));
        SAMLA_TRY(listConflict(c.hlc, local->hlc, listedAs, {}));
    } else {
        SAMLA_TRY(insertHistory(local->version + 1, hlcBytes, body, now));
        auto bump = m_db.prepare("UPDATE records SET version = ?2 WHERE rid = ?1");
        if (!bump.ok())
            return bump.error();
        bump->bind(1, local->rid).bind(2, local->version + 2);
        SAMLA_TRY(bump->run());
        SAMLA_TRY(listConflict(local->hlc, c.hlc, listedAs, {}));
    }
    ++report.conflicts;
    return {};
}

Result<RemoteApplyReport> RecordStore::applyRemote(const QList<QByteArray> &ops, const char *metaKey,
                                                   const QByteArray &metaValue)
{
    RemoteApplyReport report;
    // Ops held back before (stamped too far ahead) come first: they arrived earlier.
    auto heldBefore = meta(kMetaHeldOps);
    if (!heldBefore.ok())
        return heldBefore.error();
    QList<QByteArray> all;
    for (const QCborValue &held : QCborValue::fromCbor(heldBefore.value()).toArray())
        all.append(held.toByteArray());
    if (all.isEmpty() && ops.isEmpty() && !metaKey)
        return report;
    all += ops;
    bool erasing = false;
    for (const QByteArray &op : std::as_const(all))
        erasing = erasing || protocol::decodeWhole(op).toMap().value(QStringLiteral("erased")).toBool();
    // An erasure zeroes what it frees, as RecordStore::erase does.
    if (erasing)
        SAMLA_TRY(m_db.exec("PRAGMA secure_delete = ON"));
    auto restore = qScopeGuard([this, erasing] {
        if (erasing)
            (void)m_db.exec("PRAGMA secure_delete = OFF");
    });
    const protocol::HlcStamp hlcBefore = m_hlc.last();
    QCborArray stillHeld;
    {
        db::Transaction tx(m_db);
        SAMLA_TRY(tx.begin());
        for (const QByteArray &op : std::as_const(all)) {
            const int deferredBefore = report.deferred;
            if (auto applied = applyOne(op, report); !applied.ok()) {
                m_hlc.restore(hlcBefore);
                return applied.error();
            }
            if (report.deferred != deferredBefore)
                stillHeld.append(op);
        }
        if (!stillHeld.isEmpty() || !heldBefore->isEmpty()) {
            if (!stillHeld.isEmpty())
                qCWarning(lcStore) << "remote ops held back, stamped more than a day ahead of this device's clock:"
                                   << stillHeld.size();
            auto s = m_db.cached(sql::kSetMeta);
            if (!s.ok()) {
                m_hlc.restore(hlcBefore);
                return s.error();
            }
            s.value()->bind(1, QString::fromLatin1(kMetaHeldOps))
                .bindBlob(2, stillHeld.isEmpty() ? QByteArray() : QCborValue(stillHeld).toCbor());
            if (auto ran = s.value()->run(); !ran.ok()) {
                m_hlc.restore(hlcBefore);
                return ran.error();
            }
        }
        // The clock's position moves with the data: after a restart, local
        // edits still come after everything this device has seen.
        for (const auto &[key, value] : {std::pair<const char *, QByteArray>{"hlc_last", m_hlc.last().toBytes()},
                                         std::pair<const char *, QByteArray>{metaKey, metaValue}}) {
            if (!key)
                continue;
            auto s = m_db.cached(sql::kSetMeta);
            if (!s.ok()) {
                m_hlc.restore(hlcBefore);
                return s.error();
            }
            s.value()->bind(1, QString::fromLatin1(key)).bindBlob(2, value);
            if (auto ran = s.value()->run(); !ran.ok()) {
                m_hlc.restore(hlcBefore);
                return ran.error();
            }
        }
        if (auto committed = tx.commit(); !committed.ok()) {
            m_hlc.restore(hlcBefore);
            return committed.error();
        }
    }
    if (erasing) {
        SAMLA_TRY(m_db.exec("INSERT INTO search_index(search_index) VALUES('optimize')"));
        SAMLA_TRY(m_db.exec("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    return report;
}

Result<int> RecordStore::heldRemoteOps() const
{
    auto held = meta(kMetaHeldOps);
    if (!held.ok())
        return held.error();
    return int(QCborValue::fromCbor(held.value()).toArray().size());
}

Result<QList<SyncConflict>> RecordStore::openConflicts() const
{
    auto s = m_db.prepare("SELECT id, record_id, kind, kept_hlc, other_hlc, created_ms, policy, fields "
                          "FROM sync_conflicts WHERE resolved_ms IS NULL ORDER BY id");
    if (!s.ok())
        return s.error();
    QList<SyncConflict> out;
    SAMLA_TRY(s->forEachRow([&] {
        SyncConflict c{s->columnInt(0), s->columnText(1), s->columnText(2),
                       protocol::HlcStamp::fromBytes(s->columnBlob(3)),
                       protocol::HlcStamp::fromBytes(s->columnBlob(4)), s->columnInt(5), s->columnText(6), {}};
        c.fields = s->columnText(7).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        out.append(c);
    }));
    return out;
}

namespace {

// Sets (or, for an undefined value, removes) the field at a path such as "settings.code_prefix".
void setField(QCborMap &body, QStringView path, const QCborValue &value)
{
    const qsizetype dot = path.indexOf(QLatin1Char('.'));
    const QString key = (dot < 0 ? path : path.left(dot)).toString();
    if (dot < 0) {
        if (value.isUndefined())
            body.remove(key);
        else
            body.insert(key, value);
        return;
    }
    QCborMap inner = body.value(key).toMap();
    setField(inner, path.mid(dot + 1), value);
    body.insert(key, inner);
}

QCborValue fieldAt(const QCborMap &body, QStringView path)
{
    const qsizetype dot = path.indexOf(QLatin1Char('.'));
    if (dot < 0)
        return body.value(path.toString());
    return fieldAt(body.value(path.left(dot).toString()).toMap(), path.mid(dot + 1));
}

} // namespace

Status RecordStore::closeResolvedConflict(const QCborMap &resolution)
{
    // Closed here as on the device where the user resolved it: the same
    // record, the same two versions (every device lists the same pair).
    auto s = m_db.prepare("UPDATE sync_conflicts SET resolved_ms = ?4 WHERE record_id = ?1 AND kept_hlc = ?2 "
                          "AND other_hlc = ?3 AND resolved_ms IS NULL");
    if (!s.ok())
        return s.error();
    s->bind(1, resolution.value(QStringLiteral("record")).toString());
    s->bindBlob(2, resolution.value(QStringLiteral("kept")).toByteArray());
    s->bindBlob(3, resolution.value(QStringLiteral("other")).toByteArray());
    s->bind(4, m_clock.nowMs());
    return s->run();
}

Status RecordStore::resolveConflict(std::int64_t id, ConflictChoice choice)
{
    std::optional<SyncConflict> conflict;
    auto open = openConflicts();
    if (!open.ok())
        return open.error();
    for (const SyncConflict &c : open.value())
        if (c.id == id)
            conflict = c;
    if (!conflict)
        return makeError(ErrorCode::NotFound, QStringLiteral("no open conflict with this id"));
    auto current = get(conflict->recordId);
    if (!current.ok())
        return current.error();
    const bool review = conflict->policy == conflictPolicyKey(ConflictPolicy::Finalisable);
    if (choice == ConflictChoice::UseOther && review)
        return makeError(ErrorCode::ReadOnly, QStringLiteral("a finalised record is corrected by a new record"));

    db::Transaction tx(m_db);
    SAMLA_TRY(tx.begin());
    if (choice == ConflictChoice::UseOther) {
        auto history = versions(conflict->recordId);
        if (!history.ok())
            return history.error();
        const RecordVersion *other = nullptr;
        for (const RecordVersion &v : history.value())
            if (v.hlc == conflict->other && !other)
                other = &v;
        if (!other)
            return makeError(ErrorCode::NotFound, QStringLiteral("the other version is no longer here"));
        RecordChange change;
        change.id = current->id;
        change.kind = current->kind;
        change.projectId = current->projectId;
        change.participantRef = current->participantRef;
        if (conflict->policy == conflictPolicyKey(ConflictPolicy::MergeFields)) {
            // Only the fields both changed go back to the other side; the
            // rest of the merge stays.
            change.body = current->body;
            for (const QString &path : conflict->fields)
                setField(change.body, path, fieldAt(other->body, path));
        } else {
            change.body = other->body;
        }
        auto written = write(change, false);
        if (!written.ok())
            return written.error();
    }
    RecordChange resolution;
    resolution.kind = kResolutionKind;
    resolution.projectId = current->projectId;
    // No participant reference: it holds ids and stamps only, nothing about anyone.
    resolution.body.insert(QStringLiteral("record"), conflict->recordId);
    resolution.body.insert(QStringLiteral("kept"), QCborValue(conflict->kept.toBytes()));
    resolution.body.insert(QStringLiteral("other"), QCborValue(conflict->other.toBytes()));
    resolution.body.insert(QStringLiteral("choice"), choice == ConflictChoice::UseOther ? QStringLiteral("other")
                                                                                        : QStringLiteral("current"));
    auto written = write(resolution, false);
    if (!written.ok())
        return written.error();
    SAMLA_TRY(closeResolvedConflict(written->body));
    return tx.commit();
}

} // namespace samla::store
