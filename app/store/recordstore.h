// RecordStore: the single write path for records, their versions, search index and outbox.
#pragma once

#include "platform/core/clock.h"
#include "platform/core/result.h"
#include "sync/protocol/hlc.h"

#include <QByteArray>
#include <QCborMap>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <limits>
#include <optional>

namespace samla::db { class Database; }

namespace samla::store {

struct Record {
    QString id;              // UUID, lowercase, no braces
    QString kind;            // "note", "project", …
    QString projectId;
    QString participantRef;  // pseudonymous reference or empty
    int version = 0;         // 1 for the first save
    protocol::HlcStamp hlc;
    QCborMap body;
    bool deleted = false;
    std::int64_t createdMs = 0;
    std::int64_t updatedMs = 0;
};

struct RecordVersion {
    int version = 0;
    protocol::HlcStamp hlc;
    QCborMap body;
    std::int64_t savedMs = 0;
};

struct RecordChange {
    QString id;              // empty: a new record gets a fresh UUID
    QString kind;
    QString projectId;
    QString participantRef;
    QCborMap body;
    bool deleted = false;
};

struct OutboxEntry {
    std::int64_t deviceSeq = 0; // gapless, starts at 1
    QByteArray opId;            // 16 random bytes, the idempotency key
    QString recordId;
    QString kind;
    int version = 0;
    protocol::HlcStamp hlc;
    QByteArray body;            // canonical CBOR of the op
};

struct SearchHit {
    Record record;
    QString titleHighlighted;   // matches wrapped in \x02 … \x03 for the UI to style
    QString snippetHighlighted;
};

// What RecordStore::erase did: the tombstones it wrote, and the attachment
// files the erased bodies referred to (the caller removes those files).
struct Erasure {
    QList<Record> tombstones;
    QStringList attachmentHashes;
};

// What applying other devices' ops did (RecordStore::applyRemote).
struct RemoteApplyReport {
    int applied = 0;      // became the record's current state (a new record, a later version, a merge)
    int merged = 0;       // of `applied`: fields changed on two devices at once merged into one version
    int kept = 0;         // an earlier version seen late: kept in the history only
    int conflicts = 0;    // edited on two devices at once: both versions kept, the conflict listed
    int erased = 0;       // an erasure: the record's content is gone here too
    int duplicates = 0;   // already here (this device's own op coming back, or a repeat)
    int ignored = 0;      // a change to a record already erased here, which erasure outlives, or refused
    // Of `ignored`: a change its kind's policy forbids (a second version of
    // an append-only record, a change made from a finalised version). A
    // protocol error of the sending device, reported, never listed.
    int refused = 0;
    // Stamped more than a day ahead of this device's clock: held back on this
    // device (meta sync_held_ops), not applied and not lost; applyRemote
    // tries them again each time, and applies them once the clock has caught up.
    int deferred = 0;     // how many are held back after this apply
    // Attachment files the erased records referred to (in any version): the
    // caller removes them once the transaction is committed.
    QStringList erasedAttachments;
};

// Two versions of a record made at once on different devices, listed by the
// kind's policy (conflictpolicy.h) until a user has looked at both and
// resolved it. `kept` is the side in force (the later by HLC, or the
// finalised one), `other` the side that gave way; both stay in the history.
// For merged fields the current version is the merge, and `fields` names
// the fields both sides changed (where `kept`'s value is in force).
struct SyncConflict {
    std::int64_t id = 0;
    QString recordId;
    QString kind;
    protocol::HlcStamp kept;
    protocol::HlcStamp other;
    std::int64_t createdMs = 0;
    QString policy;        // conflictPolicyKey(): "keep_both", "fields", "review"
    QStringList fields;    // "fields": paths such as "site" or "settings.code_prefix"
};

enum class ConflictChoice { KeepCurrent, UseOther };

// What goes into the full-text index for a record of a kind.
struct SearchText {
    QString title;
    QString text;
};
using SearchExtractor = std::function<SearchText(const QCborMap &body)>;

// The canonical CBOR of a body column of records or record_versions, which
// may be stored compressed (see recordstore.cpp). For code that inspects the
// tables directly, such as tests that look for data that must not be there.
QByteArray storedBodyToCbor(const QByteArray &stored);

class RecordStore {
public:
    RecordStore(db::Database &db, const Clock &clock, protocol::HlcClock &hlc);

    // Registers which text of a kind is searchable. Kinds without one are not indexed.
    void setSearchExtractor(const QString &kind, SearchExtractor extractor);
    // Indexes like `other` (a second connection's store: same kinds, same text).
    void shareSearchExtractors(const RecordStore &other) { m_extractors = other.m_extractors; }

    // Writes the record's current row, a version row, its search rows and one
    // outbox entry, in one transaction. Either all of it happens or none.
    [[nodiscard]] Result<Record> put(const RecordChange &change);
    // put(), and in the same transaction sets the meta value `metaKey` (a
    // chain head or counter that must move with the record, or not at all).
    // A null metaKey sets nothing.
    [[nodiscard]] Result<Record> putWithMeta(const RecordChange &change, const char *metaKey,
                                             const QByteArray &metaValue);
    // A meta value; empty if unset.
    [[nodiscard]] Result<QByteArray> meta(const char *key) const;
    // Sets a meta value of this device alone (never synced), e.g. which project is open.
    [[nodiscard]] Status setMeta(const char *key, const QByteArray &value);

    // Erases records' content from this device, in one transaction: each
    // gets an empty, deleted current row and an op marked "erased" that tells
    // other devices to do the same; its earlier versions and search rows go;
    // ops not yet sent keep their sequence number but lose their body. Freed
    // space is zeroed, the search index is merged so no old segment keeps the
    // words, and the WAL is emptied into the database file.
    [[nodiscard]] Result<Erasure> erase(const QStringList &ids);
    // A write-only device, once the server holds them: the records' content
    // leaves this device only (no op is written, other devices keep theirs):
    // each becomes an empty, deleted row, its versions, search rows and sent
    // ops' bodies go, freed space is zeroed. Returns the attachment files
    // they referred to (the caller removes those files).
    [[nodiscard]] Result<QStringList> forgetSent(const QStringList &ids);

    [[nodiscard]] Result<Record> get(const QString &id) const;
    // Newest first by last update. Deleted records are left out.
    [[nodiscard]] Result<QList<Record>> list(const QString &kind, const QString &projectId, int limit,
                                             int offset = 0) const;
    // Every record of a kind across projects, newest first (for small kinds such as projects).
    [[nodiscard]] Result<QList<Record>> listKind(const QString &kind, int limit) const;
    // Every record of a kind about one participant (participantRef), oldest first.
    [[nodiscard]] Result<QList<Record>> listForParticipant(const QString &kind, const QString &participantRef,
                                                           int limit) const;
    // Ids and kinds of every live record about one participant, of any kind.
    [[nodiscard]] Result<QList<std::pair<QString, QString>>> idsForParticipant(const QString &participantRef) const;
    [[nodiscard]] Result<int> count(const QString &kind, const QString &projectId) const;
    // Full-text search (prefix match on each word, case-insensitive, Swedish letters kept distinct).
    [[nodiscard]] Result<QList<SearchHit>> search(const QString &kind, const QString &projectId,
                                                  const QString &query, int limit) const;
    [[nodiscard]] Result<QList<RecordVersion>> versions(const QString &id) const;

    // Applies other devices' ops (each the canonical CBOR op map their
    // RecordStore wrote to its outbox), in order, in ONE transaction together
    // with the meta value (the sync cursor): all of it or none of it. Writes
    // no outbox entries. Per record: a later version becomes current (the
    // earlier kept in the history); an earlier one seen late goes into the
    // history; two versions made at once meet by their kind's policy
    // (conflictpolicy.h: both kept and listed, merged per field, refused,
    // or the finalised one in force); an erasure always wins and no later op
    // brings the content back. The HLC clock moves past every stamp it sees. Ops held back
    // before (stamped too far ahead) are tried again first, also when `ops`
    // is empty.
    [[nodiscard]] Result<RemoteApplyReport> applyRemote(const QList<QByteArray> &ops, const char *metaKey,
                                                        const QByteArray &metaValue);
    // Remote ops held back because they were stamped too far ahead (see RemoteApplyReport::deferred).
    [[nodiscard]] Result<int> heldRemoteOps() const;
    [[nodiscard]] Result<QList<SyncConflict>> openConflicts() const;
    // Resolves a listed conflict in one transaction. UseOther makes the other
    // side current again as a new version (for merged fields, only the
    // listed fields take its values), sent like any edit. Either way a
    // resolution record (kResolutionKind) goes to the other devices, which
    // close the same conflict when it arrives.
    [[nodiscard]] Status resolveConflict(std::int64_t id, ConflictChoice choice = ConflictChoice::KeepCurrent);

    // The device part of this device's HLC stamps (tells its own versions from others').
    QByteArray hlcDeviceId() const { return m_hlc.deviceId(); }

    [[nodiscard]] Result<QList<OutboxEntry>> outbox(std::int64_t afterSeq, int limit) const;
    [[nodiscard]] Result<std::int64_t> lastDeviceSeq() const;

private:
    // erasedBlobs: with erasing, the attachment files the op tells the server to delete.
    Status stripOutboxOf(std::int64_t rid, int beforeVersion = std::numeric_limits<int>::max());
    Result<Record> write(const RecordChange &change, bool erasing, const QStringList &erasedBlobs = {});
    Status applyOne(const QByteArray &op, RemoteApplyReport &report);
    // Marks the record's open sync conflicts resolved (it was erased).
    Status closeConflictsOf(const QString &recordId);
    Status indexRow(std::int64_t rid, const QString &kind, const QCborMap &body, bool deleted, bool replace);
    // Closes the open conflict a resolution record (kResolutionKind) names.
    Status closeResolvedConflict(const QCborMap &resolution);

    db::Database &m_db;
    const Clock &m_clock;
    protocol::HlcClock &m_hlc;
    QHash<QString, SearchExtractor> m_extractors;
};

} // namespace samla::store
