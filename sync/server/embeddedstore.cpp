#include "embeddedstore.h"

#include "platform/db/database.h"
#include "sync/protocol/envelope.h"

#include <QFile>
#include <QFileInfo>

namespace samla::server {

namespace {

// Numbered migrations, each run once in a transaction (PRAGMA user_version).
// server_seq is AUTOINCREMENT so a number is never given out twice, even
// after ops are deleted (erasure), and a cursor can never point past data
// it later receives.
const char *const kMigrations[] = {
    R"sql(
CREATE TABLE projects (
    id TEXT PRIMARY KEY,
    created_ms INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE devices (
    id INTEGER PRIMARY KEY,
    sign_key BLOB NOT NULL UNIQUE,
    box_key BLOB NOT NULL,
    enrolled_ms INTEGER NOT NULL,
    revoked_ms INTEGER
);
CREATE TABLE memberships (
    device INTEGER NOT NULL REFERENCES devices(id),
    project TEXT NOT NULL REFERENCES projects(id),
    role TEXT NOT NULL,
    PRIMARY KEY (device, project)
) WITHOUT ROWID;
CREATE TABLE enrol_tokens (
    token_hash BLOB PRIMARY KEY,
    project TEXT NOT NULL REFERENCES projects(id),
    role TEXT NOT NULL,
    expires_ms INTEGER NOT NULL,
    used_by INTEGER REFERENCES devices(id),
    used_ms INTEGER
) WITHOUT ROWID;
CREATE TABLE nonces (
    device INTEGER NOT NULL,
    nonce BLOB NOT NULL,
    expires_ms INTEGER NOT NULL,
    PRIMARY KEY (device, nonce)
) WITHOUT ROWID;
CREATE INDEX nonces_expiry ON nonces(expires_ms);
CREATE TABLE ops (
    server_seq INTEGER PRIMARY KEY AUTOINCREMENT,
    op_id BLOB NOT NULL UNIQUE,
    device INTEGER NOT NULL REFERENCES devices(id),
    device_seq INTEGER NOT NULL,
    project TEXT NOT NULL REFERENCES projects(id),
    envelope BLOB NOT NULL,
    received_ms INTEGER NOT NULL,
    UNIQUE (device, device_seq)
);
CREATE INDEX ops_project ON ops(project, server_seq);
)sql",
    // 2: project keys sealed to devices by admin devices (opaque to the server).
    R"sql(
CREATE TABLE key_grants (
    project TEXT NOT NULL REFERENCES projects(id),
    epoch INTEGER NOT NULL,
    recipient INTEGER NOT NULL REFERENCES devices(id),
    granter BLOB NOT NULL,
    sealed BLOB NOT NULL,
    signature BLOB NOT NULL,
    created_ms INTEGER NOT NULL,
    PRIMARY KEY (project, epoch, recipient)
) WITHOUT ROWID;
CREATE INDEX key_grants_recipient ON key_grants(recipient);
)sql",
    // 3: attachment blobs (ciphertext); the bytes are files named by id (embeddedblobs.cpp).
    R"sql(
CREATE TABLE attachment_blobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    project TEXT NOT NULL REFERENCES projects(id),
    hash TEXT NOT NULL,
    size INTEGER NOT NULL,
    held INTEGER NOT NULL,
    complete INTEGER NOT NULL DEFAULT 0,
    created_ms INTEGER NOT NULL,
    UNIQUE (project, hash)
);
)sql",
    // 4: request nonces are gone with per-request signatures (session tokens
    // live in the server's memory; see sessions.h).
    R"sql(
DROP TABLE nonces;
)sql",
    // 5: each device's signature of its box key (see protocol::EnrolRequest);
    // erasure: each op's record id (from its clear header; filled in for
    // older rows by backfillRecordIds), the records and blobs erased.
    R"sql(
ALTER TABLE devices ADD COLUMN box_proof BLOB;
ALTER TABLE ops ADD COLUMN record_id TEXT;
ALTER TABLE ops ADD COLUMN erasure INTEGER NOT NULL DEFAULT 0;
CREATE INDEX ops_record ON ops(project, record_id);
CREATE TABLE erased_records (
    project TEXT NOT NULL REFERENCES projects(id),
    record_id TEXT NOT NULL,
    erased_ms INTEGER NOT NULL,
    PRIMARY KEY (project, record_id)
) WITHOUT ROWID;
CREATE TABLE erased_blobs (
    project TEXT NOT NULL REFERENCES projects(id),
    hash TEXT NOT NULL,
    erased_ms INTEGER NOT NULL,
    PRIMARY KEY (project, hash)
) WITHOUT ROWID;
)sql",
};

// Migration 5 added ops.record_id: the ops stored before it get theirs from
// their own clear headers.
Status backfillRecordIds(db::Database &db)
{
    auto s = db.prepare("SELECT server_seq, envelope FROM ops WHERE record_id IS NULL");
    if (!s.ok())
        return s.error();
    QList<std::pair<std::int64_t, QString>> found;
    SAMLA_TRY(s->forEachRow([&] {
        auto envelope = protocol::decodeEnvelope(s->columnBlob(1), {protocol::kMaxEnvelopeBytes});
        if (envelope.ok())
            found.append({s->columnInt(0), envelope->header.recordId});
    }));
    auto set = db.prepare("UPDATE ops SET record_id = ?2 WHERE server_seq = ?1");
    if (!set.ok())
        return set.error();
    for (const auto &[seq, recordId] : found) {
        set->bind(1, seq).bind(2, recordId);
        SAMLA_TRY(set->run());
        set->reset();
    }
    return {};
}

DeviceInfo deviceFromRow(const db::Statement &s)
{
    DeviceInfo d;
    d.id = s.columnInt(0);
    d.signKey = s.columnBlob(1);
    d.boxKey = s.columnBlob(2);
    d.enrolledMs = s.columnInt(3);
    if (!s.columnIsNull(4))
        d.revokedMs = s.columnInt(4);
    return d;
}

} // namespace

EmbeddedStore::EmbeddedStore(std::unique_ptr<db::Database> db) : m_db(std::move(db)) {}
EmbeddedStore::~EmbeddedStore() = default;

Result<std::unique_ptr<EmbeddedStore>> EmbeddedStore::open(const QString &path, const crypto::SecureBytes &key,
                                                            bool create)
{
    // Created empty and owner-only first, so SQLite's -wal and -shm files
    // (which copy the database file's mode) are owner-only too.
    if (create && !QFileInfo::exists(path)) {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
            return makeError(ErrorCode::Io, QStringLiteral("cannot create the server store"));
    }
    db::Database::Options options;
    options.create = create;
    // The server reads envelopes once and forwards them; a small cache is enough.
    options.cacheSizeKiB = 16 * 1024;
    auto db = db::Database::open(path, key, options);
    if (!db.ok())
        return db.error();
    // A receipt promises the op is kept: the device may then prune it. WAL
    // with synchronous=NORMAL can lose the last commits on power loss, so the
    // server syncs every commit.
    SAMLA_TRY(db.value()->exec("PRAGMA synchronous = FULL"));
    // Erasure deletes envelopes: their freed pages are zeroed, not left in the file.
    SAMLA_TRY(db.value()->exec("PRAGMA secure_delete = ON"));
    std::unique_ptr<EmbeddedStore> store(new EmbeddedStore(std::move(db.value())));
    store->m_blobDir = path + QStringLiteral(".blobs");
    SAMLA_TRY(store->migrate());
    return store;
}

Status EmbeddedStore::migrate()
{
    auto version = m_db->userVersion();
    if (!version.ok())
        return version.error();
    const int known = int(std::size(kMigrations));
    if (version.value() > known)
        return makeError(ErrorCode::Unsupported, QStringLiteral("server store is newer than this samla-server"));
    for (int v = version.value(); v < known; ++v) {
        db::Transaction tx(*m_db);
        SAMLA_TRY(tx.begin());
        SAMLA_TRY(m_db->exec(kMigrations[v]));
        if (v + 1 == 5)
            SAMLA_TRY(backfillRecordIds(*m_db));
        SAMLA_TRY(m_db->setUserVersion(v + 1));
        SAMLA_TRY(tx.commit());
    }
    return {};
}

Status EmbeddedStore::createProject(const QString &projectId, std::int64_t nowMs)
{
    db::Transaction tx(*m_db);
    SAMLA_TRY(tx.begin());
    auto exists = m_db->prepare("SELECT 1 FROM projects WHERE id = ?1");
    if (!exists.ok())
        return exists.error();
    auto found = exists->bind(1, projectId).step();
    if (!found.ok())
        return found.error();
    if (found.value())
        return makeError(ErrorCode::AlreadyExists, QStringLiteral("project exists"));
    auto s = m_db->prepare("INSERT INTO projects (id, created_ms) VALUES (?1, ?2)");
    if (!s.ok())
        return s.error();
    s->bind(1, projectId).bind(2, nowMs);
    SAMLA_TRY(s->run());
    return tx.commit();
}

Result<QList<QString>> EmbeddedStore::projects()
{
    auto s = m_db->prepare("SELECT id FROM projects ORDER BY id");
    if (!s.ok())
        return s.error();
    QList<QString> out;
    SAMLA_TRY(s->forEachRow([&] { out.append(s->columnText(0)); }));
    return out;
}

Status EmbeddedStore::addEnrolToken(const QByteArray &tokenHash, const QString &projectId, const QString &role,
                                    std::int64_t expiresMs)
{
    auto exists = m_db->prepare("SELECT 1 FROM projects WHERE id = ?1");
    if (!exists.ok())
        return exists.error();
    auto found = exists->bind(1, projectId).step();
    if (!found.ok())
        return found.error();
    if (!found.value())
        return makeError(ErrorCode::NotFound, QStringLiteral("no such project"));
    auto s = m_db->prepare("INSERT INTO enrol_tokens (token_hash, project, role, expires_ms) VALUES (?1, ?2, ?3, ?4)");
    if (!s.ok())
        return s.error();
    s->bindBlob(1, tokenHash).bind(2, projectId).bind(3, role).bind(4, expiresMs);
    return s->run();
}

Result<EnrolResult> EmbeddedStore::enrol(const QByteArray &tokenHash, const QByteArray &signKey,
                                         const QByteArray &boxKey, const QByteArray &boxProof, std::int64_t nowMs)
{
    db::Transaction tx(*m_db);
    SAMLA_TRY(tx.begin());
    auto t = m_db->prepare("SELECT project, role, expires_ms, used_by FROM enrol_tokens WHERE token_hash = ?1");
    if (!t.ok())
        return t.error();
    auto tokenRow = t->bindBlob(1, tokenHash).step();
    if (!tokenRow.ok())
        return tokenRow.error();
    if (!tokenRow.value())
        return EnrolResult{EnrolOutcome::BadToken, {}};
    const Membership membership{t->columnText(0), t->columnText(1)};
    const std::int64_t expiresMs = t->columnInt(2);
    const std::optional<std::int64_t> usedBy = t->columnIsNull(3) ? std::nullopt
                                                                  : std::optional<std::int64_t>(t->columnInt(3));

    auto existing = device(signKey);
    if (!existing.ok())
        return existing.error();
    if (existing->has_value() && existing->value().revokedMs)
        return EnrolResult{EnrolOutcome::Revoked, {}};
    if (usedBy) {
        // The same device asking again (its first answer was lost) gets the same answer.
        if (existing->has_value() && existing->value().id == *usedBy)
            return EnrolResult{EnrolOutcome::Enrolled, membership};
        return EnrolResult{EnrolOutcome::BadToken, {}};
    }
    if (expiresMs < nowMs)
        return EnrolResult{EnrolOutcome::BadToken, {}};

    std::int64_t deviceId = 0;
    if (existing->has_value()) {
        deviceId = existing->value().id;
        // A device enrolled before box keys were signed gets its signature now.
        auto proof = m_db->prepare("UPDATE devices SET box_proof = ?1 WHERE id = ?2 AND box_proof IS NULL AND box_key = ?3");
        if (!proof.ok())
            return proof.error();
        proof->bindBlob(1, boxProof).bind(2, deviceId).bindBlob(3, boxKey);
        SAMLA_TRY(proof->run());
    } else {
        auto ins = m_db->prepare("INSERT INTO devices (sign_key, box_key, enrolled_ms, box_proof) VALUES (?1, ?2, ?3, ?4)");
        if (!ins.ok())
            return ins.error();
        ins->bindBlob(1, signKey).bindBlob(2, boxKey).bind(3, nowMs).bindBlob(4, boxProof);
        SAMLA_TRY(ins->run());
        deviceId = m_db->lastInsertRowId();
    }
    // SQLite 3.15 (Debian's SQLCipher) has no upsert; a later token for the
    // same project replaces the role.
    auto mem = m_db->prepare("INSERT OR REPLACE INTO memberships (device, project, role) VALUES (?1, ?2, ?3)");
    if (!mem.ok())
        return mem.error();
    mem->bind(1, deviceId).bind(2, membership.projectId).bind(3, membership.role);
    SAMLA_TRY(mem->run());
    auto use = m_db->prepare("UPDATE enrol_tokens SET used_by = ?1, used_ms = ?2 WHERE token_hash = ?3");
    if (!use.ok())
        return use.error();
    use->bind(1, deviceId).bind(2, nowMs).bindBlob(3, tokenHash);
    SAMLA_TRY(use->run());
    SAMLA_TRY(tx.commit());
    return EnrolResult{EnrolOutcome::Enrolled, membership};
}

Result<std::optional<DeviceInfo>> EmbeddedStore::device(const QByteArray &signKey)
{
    auto s = m_db->cached("SELECT id, sign_key, box_key, enrolled_ms, revoked_ms FROM devices WHERE sign_key = ?1");
    if (!s.ok())
        return s.error();
    db::Statement &st = *s.value();
    auto row = st.bindBlob(1, signKey).step();
    if (!row.ok())
        return row.error();
    // A cached statement left on a row would hold its read snapshot open, and
    // the server would not see a revocation made by `samla-server devices`.
    std::optional<DeviceInfo> out;
    if (row.value())
        out = deviceFromRow(st);
    st.reset();
    return out;
}

Result<QList<DeviceInfo>> EmbeddedStore::devices()
{
    auto s = m_db->prepare("SELECT id, sign_key, box_key, enrolled_ms, revoked_ms FROM devices ORDER BY id");
    if (!s.ok())
        return s.error();
    QList<DeviceInfo> out;
    SAMLA_TRY(s->forEachRow([&] { out.append(deviceFromRow(s.value())); }));
    return out;
}

Result<QList<Membership>> EmbeddedStore::memberships(std::int64_t deviceId)
{
    auto s = m_db->cached("SELECT project, role FROM memberships WHERE device = ?1 ORDER BY project");
    if (!s.ok())
        return s.error();
    db::Statement &st = *s.value();
    st.bind(1, deviceId);
    QList<Membership> out;
    SAMLA_TRY(st.forEachRow([&] { out.append(Membership{st.columnText(0), st.columnText(1)}); }));
    return out;
}

Status EmbeddedStore::revokeDevice(const QByteArray &signKey, std::int64_t nowMs)
{
    auto s = m_db->prepare("UPDATE devices SET revoked_ms = ?1 WHERE sign_key = ?2 AND revoked_ms IS NULL");
    if (!s.ok())
        return s.error();
    s->bind(1, nowMs).bindBlob(2, signKey);
    SAMLA_TRY(s->run());
    if (m_db->changes() == 0) {
        auto d = device(signKey);
        if (!d.ok())
            return d.error();
        if (!d->has_value())
            return makeError(ErrorCode::NotFound, QStringLiteral("no such device"));
    }
    return {};
}

Result<std::int64_t> EmbeddedStore::highIn(std::int64_t deviceId)
{
    auto s = m_db->cached("SELECT coalesce(max(device_seq), 0) FROM ops WHERE device = ?1");
    if (!s.ok())
        return s.error();
    auto row = s.value()->bind(1, deviceId).step();
    if (!row.ok())
        return row.error();
    const std::int64_t high = s.value()->columnInt(0);
    s.value()->reset();
    return high;
}

Result<std::int64_t> EmbeddedStore::highWaterMark(std::int64_t deviceId)
{
    return highIn(deviceId);
}

Result<PushResult> EmbeddedStore::push(std::int64_t deviceId, const QList<StoredOp> &ops, std::int64_t nowMs)
{
    db::Transaction tx(*m_db);
    SAMLA_TRY(tx.begin());
    m_erasedBlobFiles.clear();
    auto result = pushIn(deviceId, ops, nowMs);
    if (!result.ok())
        return result.error();
    SAMLA_TRY(tx.commit());
    removeErasedBlobFiles();
    return result;
}

Result<QList<PushResult>> EmbeddedStore::pushGroup(const QList<PushItem> &items, std::int64_t nowMs)
{
    // One commit (and so one fsync at synchronous=FULL) for every device's
    // batch: nobody gets a receipt before the commit that keeps their ops.
    db::Transaction tx(*m_db);
    SAMLA_TRY(tx.begin());
    m_erasedBlobFiles.clear();
    QList<PushResult> out;
    out.reserve(items.size());
    for (const PushItem &item : items) {
        auto result = pushIn(item.deviceId, item.ops, nowMs);
        if (!result.ok())
            return result.error();
        out.append(std::move(result.value()));
    }
    SAMLA_TRY(tx.commit());
    removeErasedBlobFiles();
    return out;
}

// After the commit that deleted their rows: a crash in between leaves an
// orphan file (ciphertext whose keys the devices destroyed), never a row
// without bytes.
void EmbeddedStore::removeErasedBlobFiles()
{
    for (std::int64_t id : std::as_const(m_erasedBlobFiles))
        QFile::remove(m_blobDir + QLatin1Char('/') + QString::number(id));
    m_erasedBlobFiles.clear();
}

Result<bool> EmbeddedStore::recordErased(const QString &projectId, const QString &recordId)
{
    auto s = m_db->cached("SELECT 1 FROM erased_records WHERE project = ?1 AND record_id = ?2");
    if (!s.ok())
        return s.error();
    auto row = s.value()->bind(1, projectId).bind(2, recordId).step();
    if (!row.ok())
        return row.error();
    const bool erased = row.value();
    s.value()->reset();
    return erased;
}

// Inside the push transaction, after the erasure op (serverSeq) is stored.
Status EmbeddedStore::eraseIn(const StoredOp &op, std::int64_t serverSeq, std::int64_t nowMs, PushResult &result)
{
    auto mark = m_db->cached("INSERT OR IGNORE INTO erased_records (project, record_id, erased_ms) VALUES (?1, ?2, ?3)");
    if (!mark.ok())
        return mark.error();
    mark.value()->bind(1, op.projectId).bind(2, op.recordId).bind(3, nowMs);
    SAMLA_TRY(mark.value()->run());
    auto strip = m_db->cached("UPDATE ops SET envelope = X'' WHERE project = ?1 AND record_id = ?2 "
                              "AND erasure = 0 AND server_seq <> ?3 AND length(envelope) > 0");
    if (!strip.ok())
        return strip.error();
    strip.value()->bind(1, op.projectId).bind(2, op.recordId).bind(3, serverSeq);
    SAMLA_TRY(strip.value()->run());
    result.erasedOps += int(m_db->changes());
    for (const QString &hash : op.erasedBlobs) {
        auto find = m_db->cached("SELECT id FROM attachment_blobs WHERE project = ?1 AND hash = ?2");
        if (!find.ok())
            return find.error();
        auto row = find.value()->bind(1, op.projectId).bind(2, hash).step();
        if (!row.ok())
            return row.error();
        if (row.value()) {
            const std::int64_t id = find.value()->columnInt(0);
            find.value()->reset();
            auto drop = m_db->cached("DELETE FROM attachment_blobs WHERE id = ?1");
            if (!drop.ok())
                return drop.error();
            drop.value()->bind(1, id);
            SAMLA_TRY(drop.value()->run());
            m_erasedBlobFiles.append(id);
            ++result.erasedBlobs;
        } else {
            find.value()->reset();
        }
        auto gone = m_db->cached("INSERT OR IGNORE INTO erased_blobs (project, hash, erased_ms) VALUES (?1, ?2, ?3)");
        if (!gone.ok())
            return gone.error();
        gone.value()->bind(1, op.projectId).bind(2, hash).bind(3, nowMs);
        SAMLA_TRY(gone.value()->run());
    }
    return {};
}

Result<PushResult> EmbeddedStore::pushIn(std::int64_t deviceId, const QList<StoredOp> &ops, std::int64_t nowMs)
{
    auto high = highIn(deviceId);
    if (!high.ok())
        return high.error();
    PushResult result;
    result.high = high.value();
    for (const StoredOp &op : ops) {
        auto find = m_db->cached("SELECT device, device_seq, server_seq FROM ops WHERE op_id = ?1");
        if (!find.ok())
            return find.error();
        db::Statement &f = *find.value();
        auto row = f.bindBlob(1, op.opId).step();
        if (!row.ok())
            return row.error();
        if (row.value()) {
            const bool sameOp = f.columnInt(0) == deviceId && f.columnInt(1) == op.deviceSeq;
            const std::int64_t serverSeq = f.columnInt(2);
            f.reset();
            if (!sameOp) {
                result.outcome = PushOutcome::OpConflict;
                break;
            }
            result.receipts.append(protocol::Receipt{op.opId, op.deviceSeq, serverSeq});
            continue;
        }
        if (op.deviceSeq <= result.high) {
            result.outcome = PushOutcome::SeqConflict;
            break;
        }
        if (op.deviceSeq != result.high + 1) {
            result.outcome = PushOutcome::Gap;
            break;
        }
        // An op of a record erased already keeps its place, not its content.
        bool keep = true;
        if (!op.erasure) {
            auto erased = recordErased(op.projectId, op.recordId);
            if (!erased.ok())
                return erased.error();
            keep = !erased.value();
            if (!keep)
                ++result.erasedOps;
        }
        auto ins = m_db->cached("INSERT INTO ops (op_id, device, device_seq, project, envelope, received_ms, "
                                "record_id, erasure) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
        if (!ins.ok())
            return ins.error();
        ins.value()->bindBlob(1, op.opId).bind(2, deviceId).bind(3, op.deviceSeq).bind(4, op.projectId);
        ins.value()->bindBlob(5, keep ? op.envelope : QByteArray("")).bind(6, nowMs);
        ins.value()->bind(7, op.recordId).bind(8, op.erasure ? 1 : 0);
        SAMLA_TRY(ins.value()->run());
        const std::int64_t serverSeq = m_db->lastInsertRowId();
        if (op.erasure)
            SAMLA_TRY(eraseIn(op, serverSeq, nowMs, result));
        result.receipts.append(protocol::Receipt{op.opId, op.deviceSeq, serverSeq});
        result.high = op.deviceSeq;
    }
    return result;
}

Result<protocol::PullResponse> EmbeddedStore::pull(std::int64_t deviceId, std::int64_t since, int limit,
                                                   qsizetype maxBytes)
{
    // Erased envelopes (empty) are stepped over.
    auto s = m_db->cached("SELECT server_seq, envelope FROM ops WHERE server_seq > ?1 AND project IN "
                          "(SELECT project FROM memberships WHERE device = ?2 AND role IN ('member', 'admin')) "
                          "AND length(envelope) > 0 ORDER BY server_seq LIMIT ?3");
    if (!s.ok())
        return s.error();
    db::Statement &st = *s.value();
    // One more than asked, to know whether another page waits.
    st.bind(1, since).bind(2, deviceId).bind(3, limit + 1);
    protocol::PullResponse out;
    out.next = since;
    qsizetype bytes = 0;
    for (;;) {
        auto row = st.step();
        if (!row.ok())
            return row.error();
        if (!row.value())
            break;
        QByteArray envelope = st.columnBlob(1);
        if (out.ops.size() == limit || (!out.ops.isEmpty() && bytes + envelope.size() > maxBytes)) {
            out.more = true;
            break;
        }
        bytes += envelope.size();
        out.next = st.columnInt(0);
        out.ops.append(protocol::PulledEnvelope{out.next, std::move(envelope)});
    }
    st.reset();
    return out;
}

Result<ServerStore::Counts> EmbeddedStore::counts()
{
    auto s = m_db->prepare("SELECT (SELECT count(*) FROM projects), (SELECT count(*) FROM devices), "
                           "(SELECT count(*) FROM devices WHERE revoked_ms IS NOT NULL), (SELECT count(*) FROM ops), "
                           "(SELECT coalesce(max(server_seq), 0) FROM ops), "
                           "(SELECT count(*) FROM ops WHERE length(envelope) = 0), "
                           "(SELECT count(*) FROM (SELECT device FROM ops GROUP BY device "
                           " HAVING count(*) <> max(device_seq) OR min(device_seq) <> 1))");
    if (!s.ok())
        return s.error();
    auto row = s->step();
    if (!row.ok())
        return row.error();
    return Counts{s->columnInt(0), s->columnInt(1), s->columnInt(2), s->columnInt(3), s->columnInt(4),
                  s->columnInt(5), s->columnInt(6)};
}

Result<ServerStore::GrantOutcome> EmbeddedStore::putGrants(const QList<protocol::KeyGrant> &grants,
                                                           std::int64_t nowMs)
{
    db::Transaction tx(*m_db);
    SAMLA_TRY(tx.begin());
    auto member = m_db->cached("SELECT d.id FROM devices d JOIN memberships m ON m.device = d.id "
                               "WHERE d.sign_key = ?1 AND m.project = ?2 AND d.revoked_ms IS NULL "
                               "AND m.role IN ('member', 'admin', 'writeonly')");
    if (!member.ok())
        return member.error();
    auto insert = m_db->cached("INSERT OR IGNORE INTO key_grants (project, epoch, recipient, granter, sealed, "
                               "signature, created_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!insert.ok())
        return insert.error();
    for (const protocol::KeyGrant &g : grants) {
        db::Statement &m = *member.value();
        m.bindBlob(1, g.recipient).bind(2, g.projectId);
        auto row = m.step();
        if (!row.ok())
            return row.error();
        if (!row.value()) {
            m.reset();
            return GrantOutcome::NotMember;
        }
        const std::int64_t recipient = m.columnInt(0);
        m.reset();
        db::Statement &ins = *insert.value();
        ins.bind(1, g.projectId).bind(2, std::int64_t(g.epoch)).bind(3, recipient).bindBlob(4, g.granter)
            .bindBlob(5, g.sealed).bindBlob(6, g.signature).bind(7, nowMs);
        SAMLA_TRY(ins.run());
        ins.reset();
    }
    SAMLA_TRY(tx.commit());
    return GrantOutcome::Stored;
}

Result<QList<protocol::KeyGrant>> EmbeddedStore::grantsFor(std::int64_t deviceId)
{
    auto s = m_db->cached("SELECT g.project, g.epoch, d.sign_key, g.sealed, g.granter, g.signature "
                          "FROM key_grants g JOIN devices d ON d.id = g.recipient "
                          "WHERE g.recipient = ?1 ORDER BY g.project, g.epoch");
    if (!s.ok())
        return s.error();
    db::Statement &st = *s.value();
    st.bind(1, deviceId);
    QList<protocol::KeyGrant> out;
    SAMLA_TRY(st.forEachRow([&] {
        out.append(protocol::KeyGrant{st.columnText(0), std::uint32_t(st.columnInt(1)), st.columnBlob(2),
                                      st.columnBlob(3), st.columnBlob(4), st.columnBlob(5)});
    }));
    st.reset();
    return out;
}

Result<QList<protocol::Member>> EmbeddedStore::members(const QString &projectId)
{
    auto s = m_db->prepare("SELECT d.sign_key, d.box_key, m.role, d.revoked_ms IS NOT NULL, "
                           "(SELECT group_concat(epoch) FROM (SELECT epoch FROM key_grants g "
                           " WHERE g.project = m.project AND g.recipient = d.id ORDER BY epoch)), d.box_proof "
                           "FROM memberships m JOIN devices d ON d.id = m.device "
                           "WHERE m.project = ?1 ORDER BY d.enrolled_ms, d.id");
    if (!s.ok())
        return s.error();
    s->bind(1, projectId);
    QList<protocol::Member> out;
    SAMLA_TRY(s->forEachRow([&] {
        protocol::Member m{s->columnBlob(0), s->columnBlob(1), s->columnText(2), s->columnInt(3) != 0, {},
                           s->columnBlob(5)};
        const QString epochs = s->columnText(4);
        for (const QString &e : epochs.split(QLatin1Char(','), Qt::SkipEmptyParts))
            m.grantedEpochs.append(e.toUInt());
        out.append(m);
    }));
    return out;
}

} // namespace samla::server
