// The store's SQL, in one header so the plain-SQLite benchmark runs exactly the same statements.
#pragma once

namespace samla::store::sql {

// Migration 1: records, their versions, the full-text index and the outbox.
inline constexpr const char *kMigration1[] = {
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value NOT NULL) WITHOUT ROWID",
    "CREATE TABLE records("
    " rid INTEGER PRIMARY KEY,"
    " id TEXT NOT NULL UNIQUE,"
    " kind TEXT NOT NULL,"
    " project_id TEXT NOT NULL,"
    " participant_ref TEXT,"
    " version INTEGER NOT NULL,"
    " hlc BLOB NOT NULL,"
    " body BLOB NOT NULL,"
    " deleted INTEGER NOT NULL DEFAULT 0,"
    " created_ms INTEGER NOT NULL,"
    " updated_ms INTEGER NOT NULL)",
    "CREATE INDEX records_listing ON records(kind, project_id, deleted, updated_ms DESC)",
    "CREATE TABLE record_versions("
    " rid INTEGER NOT NULL REFERENCES records(rid),"
    " version INTEGER NOT NULL,"
    " hlc BLOB NOT NULL,"
    " body BLOB NOT NULL,"
    " saved_ms INTEGER NOT NULL,"
    " PRIMARY KEY(rid, version)) WITHOUT ROWID",
    "CREATE TABLE outbox("
    " device_seq INTEGER PRIMARY KEY,"
    " op_id BLOB NOT NULL UNIQUE,"
    " rid INTEGER NOT NULL REFERENCES records(rid),"
    " version INTEGER NOT NULL,"
    " hlc BLOB NOT NULL,"
    " body BLOB NOT NULL,"
    " created_ms INTEGER NOT NULL)",
    // unicode61 folds case for all scripts; diacritics are kept because
    // å, ä and ö are letters of their own in Swedish, not accented a and o.
    // matchinfo=fts3: no per-document size and statistics tables, which only
    // ranking functions need; two fewer pages written per save.
    "CREATE VIRTUAL TABLE search_index USING fts4("
    "title, text, matchinfo=fts3, tokenize=unicode61 \"remove_diacritics=0\")",
    "CREATE INDEX records_participant ON records(participant_ref, kind) WHERE participant_ref IS NOT NULL",
};

// Migration 2: two fewer database pages written per save (each page written
// costs SQLCipher a fresh IV, AES and HMAC set-up through OpenSSL, which is
// most of what encryption adds to a save).
// - The outbox's op_id loses its UNIQUE index. It is 16 bytes from the
//   system's CSPRNG, unique by construction, and is only ever read with its
//   row (by device_seq); the server is where duplicates are refused.
// - The search index moves from FTS4 to FTS3: the same tokenizer, queries and
//   snippets, without FTS4's %_stat row (document totals for ranking, which
//   Samla does not use), rewritten on every save.
inline constexpr const char *kMigration2[] = {
    "CREATE TABLE outbox_v2("
    " device_seq INTEGER PRIMARY KEY,"
    " op_id BLOB NOT NULL,"
    " rid INTEGER NOT NULL REFERENCES records(rid),"
    " version INTEGER NOT NULL,"
    " hlc BLOB NOT NULL,"
    " body BLOB NOT NULL,"
    " created_ms INTEGER NOT NULL)",
    "INSERT INTO outbox_v2(device_seq, op_id, rid, version, hlc, body, created_ms)"
    " SELECT device_seq, op_id, rid, version, hlc, body, created_ms FROM outbox",
    "DROP TABLE outbox",
    "ALTER TABLE outbox_v2 RENAME TO outbox",
    "CREATE VIRTUAL TABLE search_index_v2 USING fts3(title, text, tokenize=unicode61 \"remove_diacritics=0\")",
    "INSERT INTO search_index_v2(docid, title, text) SELECT docid, title, text FROM search_index",
    "DROP TABLE search_index",
    "ALTER TABLE search_index_v2 RENAME TO search_index",
};

// Migration 3: sync state on the device.
// - sync_projects: which local project syncs with which server project, and
//   this device's role there.
// - sync_keys: project keys per epoch, wrapped with a key derived from the
//   database key (LocalStore::wrapSecret).
// - sync_sent: the wire sequence each outbox entry of a synced project got,
//   consecutive per device as the server requires (entries of projects that
//   do not sync get none); `acked` once the server's receipt came back.
// - sync_conflicts: concurrent changes found while applying remote ops,
//   listed for the user until resolved. Nothing is dropped: both versions
//   stay in the record's history.
// - erased_records: records erased here or by an erasure op, which no later
//   or concurrent op may bring back.
inline constexpr const char *kMigration3[] = {
    "CREATE TABLE sync_projects("
    " project_id TEXT PRIMARY KEY,"
    " server_project TEXT NOT NULL,"
    " role TEXT NOT NULL,"
    " joined_ms INTEGER NOT NULL) WITHOUT ROWID",
    "CREATE TABLE sync_keys("
    " server_project TEXT NOT NULL,"
    " epoch INTEGER NOT NULL,"
    " wrapped BLOB NOT NULL,"
    " PRIMARY KEY(server_project, epoch)) WITHOUT ROWID",
    "CREATE TABLE sync_sent("
    " local_seq INTEGER PRIMARY KEY,"
    " wire_seq INTEGER NOT NULL UNIQUE,"
    " acked INTEGER NOT NULL DEFAULT 0)",
    "CREATE TABLE sync_conflicts("
    " id INTEGER PRIMARY KEY,"
    " record_id TEXT NOT NULL,"
    " kind TEXT NOT NULL,"
    " kept_hlc BLOB NOT NULL,"
    " other_hlc BLOB NOT NULL,"
    " created_ms INTEGER NOT NULL,"
    " resolved_ms INTEGER)",
    "CREATE TABLE erased_records(id TEXT PRIMARY KEY) WITHOUT ROWID",
};

// Migration 4: the listing index in ascending time order. New and edited
// records carry the newest updated_ms, so they now go to the end of their
// (kind, project) run, where a full page is split by moving the new entry to
// a fresh page, instead of to its front, where SQLite rebalances the page
// with its neighbours: about 0.7 of a page fewer written per save.
// The list reads the index backwards (newest first, as before) and no
// longer sorts rows of the same millisecond by rid on the side.
inline constexpr const char *kMigration4[] = {
    "DROP INDEX records_listing",
    "CREATE INDEX records_listing ON records(kind, project_id, deleted, updated_ms)",
};

// Migration 5: conflicts say which policy listed them (ARCHITECTURE.md §3):
// "keep_both" (both versions kept, the later current), "fields" (per-field
// merge; `fields` names the fields both sides changed, one path a line) or
// "review" (a finalised record met another version).
inline constexpr const char *kMigration5[] = {
    "ALTER TABLE sync_conflicts ADD COLUMN policy TEXT NOT NULL DEFAULT 'keep_both'",
    "ALTER TABLE sync_conflicts ADD COLUMN fields TEXT NOT NULL DEFAULT ''",
    "CREATE INDEX sync_conflicts_record ON sync_conflicts(record_id)",
};

// Which write-only device submitted each record (a submission may change only
// a record the same device submitted).
inline constexpr const char *kMigration6[] = {
    "CREATE TABLE sync_submitted(record_id TEXT PRIMARY KEY, author BLOB NOT NULL) WITHOUT ROWID",
};

inline constexpr const char *kRememberErased = "INSERT OR IGNORE INTO erased_records(id) VALUES(?1)";
inline constexpr const char *kIsErased = "SELECT 1 FROM erased_records WHERE id = ?1";

inline constexpr const char *kSelectRecordForWrite =
    "SELECT rid, kind, version, created_ms, hlc FROM records WHERE id = ?1";
inline constexpr const char *kSelectRecordById =
    "SELECT id, kind, project_id, participant_ref, version, hlc, body, deleted, created_ms, updated_ms"
    " FROM records WHERE id = ?1";
inline constexpr const char *kSelectVersions =
    "SELECT v.version, v.hlc, v.body, v.saved_ms FROM record_versions v JOIN records r ON r.rid = v.rid"
    " WHERE r.id = ?1 ORDER BY v.version DESC";
inline constexpr const char *kSelectOutbox =
    "SELECT o.device_seq, o.op_id, r.id, r.kind, o.version, o.hlc, o.body FROM outbox o"
    " JOIN records r ON r.rid = o.rid WHERE o.device_seq > ?1 ORDER BY o.device_seq LIMIT ?2";
inline constexpr const char *kInsertRecord =
    "INSERT INTO records(id, kind, project_id, participant_ref, version, hlc, body, deleted, created_ms, updated_ms)"
    " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
inline constexpr const char *kUpdateRecord =
    "UPDATE records SET project_id = ?2, participant_ref = ?3, version = ?4, hlc = ?5, body = ?6, deleted = ?7,"
    " updated_ms = ?8 WHERE rid = ?1";
// record_versions holds every version but the current one, which is the
// records row itself: a new record writes no version row, an edit moves the
// row it replaces into the history.
inline constexpr const char *kArchiveCurrentVersion =
    "INSERT INTO record_versions(rid, version, hlc, body, saved_ms)"
    " SELECT rid, version, hlc, body, updated_ms FROM records WHERE rid = ?1";
inline constexpr const char *kDeleteSearch = "DELETE FROM search_index WHERE docid = ?1";
inline constexpr const char *kInsertSearch = "INSERT INTO search_index(docid, title, text) VALUES(?1, ?2, ?3)";
inline constexpr const char *kInsertOutbox =
    "INSERT INTO outbox(device_seq, op_id, rid, version, hlc, body, created_ms) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)";
inline constexpr const char *kGetMeta = "SELECT value FROM meta WHERE key = ?1";
// The last device_seq issued: the newest outbox row, or the high-water mark
// kept in meta when sent rows are pruned (the pruning step writes it).
inline constexpr const char *kLastDeviceSeq =
    "SELECT max(coalesce((SELECT max(device_seq) FROM outbox), 0),"
    " coalesce((SELECT value FROM meta WHERE key = 'pruned_device_seq'), 0))";
inline constexpr const char *kLastOutboxHlc = "SELECT hlc FROM outbox ORDER BY device_seq DESC LIMIT 1";
inline constexpr const char *kSetMeta = "INSERT OR REPLACE INTO meta(key, value) VALUES(?1, ?2)";
inline constexpr const char *kListRecords =
    "SELECT id, kind, project_id, participant_ref, version, hlc, body, deleted, created_ms, updated_ms"
    " FROM records WHERE kind = ?1 AND project_id = ?2 AND deleted = 0"
    " ORDER BY updated_ms DESC, rid DESC LIMIT ?3 OFFSET ?4";
inline constexpr const char *kListKind =
    "SELECT id, kind, project_id, participant_ref, version, hlc, body, deleted, created_ms, updated_ms"
    " FROM records WHERE kind = ?1 AND deleted = 0 ORDER BY updated_ms DESC, rid DESC LIMIT ?2";
// Oldest first: consent and audit events are read as a log.
inline constexpr const char *kListForParticipant =
    "SELECT id, kind, project_id, participant_ref, version, hlc, body, deleted, created_ms, updated_ms"
    " FROM records WHERE kind = ?1 AND participant_ref = ?2 AND deleted = 0 ORDER BY rid LIMIT ?3";
inline constexpr const char *kIdsForParticipant =
    "SELECT id, kind FROM records WHERE participant_ref = ?1 AND deleted = 0 ORDER BY rid";
inline constexpr const char *kCountRecords =
    "SELECT count(*) FROM records WHERE kind = ?1 AND project_id = ?2 AND deleted = 0";
// The page of matches, newest first. The full-text query runs once: the
// highlighted title and snippet are made in C++ from the rows of this page
// (FTS3's snippet() would need the MATCH evaluated a second time). CROSS JOIN
// keeps the index's matches as the outer loop: with the listing index in
// time order, SQLite would otherwise walk every record of the project in
// that order and run the full-text query once for each.
inline constexpr const char *kSearch =
    "SELECT id, kind, project_id, participant_ref, version, hlc, body, deleted, created_ms, updated_ms"
    " FROM records WHERE rid IN ("
    "  SELECT r.rid FROM search_index s CROSS JOIN records r ON r.rid = s.docid"
    "  WHERE s.search_index MATCH ?1 AND r.kind = ?2 AND r.project_id = ?3 AND r.deleted = 0"
    "  ORDER BY r.updated_ms DESC, r.rid DESC LIMIT ?4)"
    " ORDER BY updated_ms DESC, rid DESC";

} // namespace samla::store::sql
