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
    int applied = 0;      // became the record's current state (a new record, or a later version)
    int kept = 0;         // an earlier version seen late: kept in the history only
    int conflicts = 0;    // edited on two devices at once: both versions kept, the conflict listed
    int erased = 0;       // an erasure: the record's content is gone here too
    int duplicates = 0;   // already here (this device's own op coming back, or a repeat)
    int ignored = 0;      // a change to a record already erased here, which erasure outlives
    // Attachment files the erased records referred to (in any version): the
    // caller removes them once the transaction is committed.
    QStringList erasedAttachments;
};

// Two versions of a record made at once on different devices. The later
// (by HLC) is the current one; the other stays in the history. Listed until
// a user has looked at both and resolved it.
struct SyncConflict {
    std::int64_t id = 0;
    QString recordId;
    QString kind;
    protocol::HlcStamp kept;
    protocol::HlcStamp other;
    std::int64_t createdMs = 0;
};

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
    // history; two versions made at once both stay and are listed as a
    // conflict; an erasure always wins and no later op brings the content
    // back. The HLC clock moves past every stamp it sees.
    [[nodiscard]] Result<RemoteApplyReport> applyRemote(const QList<QByteArray> &ops, const char *metaKey,
                                                        const QByteArray &metaValue);
    [[nodiscard]] Result<QList<SyncConflict>> openConflicts() const;
    [[nodiscard]] Status resolveConflict(std::int64_t id);

    [[nodiscard]] Result<QList<OutboxEntry>> outbox(std::int64_t afterSeq, int limit) const;
    [[nodiscard]] Result<std::int64_t> lastDeviceSeq() const;

private:
    Result<Record> write(const RecordChange &change, bool erasing);
    Status applyOne(const QByteArray &op, RemoteApplyReport &report);
    Status indexRow(std::int64_t rid, const QString &kind, const QCborMap &body, bool deleted, bool replace);

    db::Database &m_db;
    const Clock &m_clock;
    protocol::HlcClock &m_hlc;
    QHash<QString, SearchExtractor> m_extractors;
};

} // namespace samla::store
