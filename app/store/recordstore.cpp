#include "recordstore.h"
#include "recordrows.h"

#include "schema.h"

#include "platform/core/logging.h"
#include "platform/crypto/crypto.h"
#include "platform/db/database.h"
#include "sync/protocol/canonicalcbor.h"
#include "sync/protocol/envelope.h"

#include <QCborArray>
#include <QCborValue>
#include <QScopeGuard>
#include <QRegularExpression>
#include <QUuid>

#include <algorithm>

namespace samla::store {

namespace detail {

// Bodies of current rows and versions are stored zlib-compressed when that
// makes them smaller (field notes shrink to about a third): fewer pages to
// read, decrypt and keep in the page cache. A stored body is either the
// canonical CBOR map itself (first byte 0xa0–0xbf) or qCompress output (a
// big-endian length, whose first byte is below 0xa0 for any body under
// 2.5 GiB, then the zlib stream). The outbox keeps the canonical CBOR of the
// op as it will be sealed.
QByteArray packBody(const QByteArray &cbor)
{
    QByteArray packed = qCompress(cbor, 1);
    return packed.size() < cbor.size() ? packed : cbor;
}

QCborMap decodeBody(const QByteArray &bytes)
{
    return QCborValue::fromCbor(storedBodyToCbor(bytes)).toMap();
}

// Reads the columns id … updated_ms starting at `first`.
Record readRecord(const db::Statement &s, int first)
{
    Record r;
    r.id = s.columnText(first + 0);
    r.kind = s.columnText(first + 1);
    r.projectId = s.columnText(first + 2);
    r.participantRef = s.columnText(first + 3);
    r.version = int(s.columnInt(first + 4));
    r.hlc = protocol::HlcStamp::fromBytes(s.columnBlob(first + 5));
    r.body = decodeBody(s.columnBlob(first + 6));
    r.deleted = s.columnInt(first + 7) != 0;
    r.createdMs = s.columnInt(first + 8);
    r.updatedMs = s.columnInt(first + 9);
    return r;
}

} // namespace detail

using detail::decodeBody;
using detail::packBody;
using detail::readRecord;

QByteArray storedBodyToCbor(const QByteArray &stored)
{
    if (stored.isEmpty())
        return {};
    const auto first = static_cast<unsigned char>(stored.front());
    if (first >= 0xa0 && first <= 0xbf)
        return stored;
    return qUncompress(stored);
}

namespace {

Result<QList<Record>> collectRecords(db::Statement &s)
{
    QList<Record> out;
    for (;;) {
        auto row = s.step();
        if (!row.ok())
            return row.error();
        if (!row.value())
            break;
        out.append(readRecord(s));
    }
    s.reset();
    return out;
}

// UUID version 7 (RFC 9562): time-ordered, so new rows land at the end of the
// id index instead of on a random page. The time it reveals is already in
// the record's HLC stamp.
QString newRecordId(std::int64_t nowMs)
{
    QByteArray bytes = crypto::randomBytes(16);
    const auto ms = quint64(nowMs);
    for (int i = 0; i < 6; ++i)
        bytes[i] = char((ms >> (8 * (5 - i))) & 0xff);
    bytes[6] = char((bytes[6] & 0x0f) | 0x70);
    bytes[8] = char((bytes[8] & 0x3f) | 0x80);
    return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
}

const QRegularExpression &nonWord()
{
    // unicode61 splits on everything that is not a letter or a digit.
    static const QRegularExpression re(QStringLiteral("[^\\p{L}\\p{N}]+"));
    return re;
}

const QRegularExpression &word()
{
    static const QRegularExpression re(QStringLiteral("[\\p{L}\\p{N}]+"));
    return re;
}

// Turns what a person types into an FTS3 query: every word must match, as a
// prefix, so results appear while the word is still being typed.
QString ftsQuery(const QString &input)
{
    QStringList terms;
    for (const QString &w : input.split(nonWord(), Qt::SkipEmptyParts))
        terms << QLatin1Char('"') + w + QStringLiteral("*\"");
    return terms.join(QLatin1Char(' '));
}

// The words of a query as unicode61 compares them: case folded, diacritics kept.
QStringList queryPrefixes(const QString &input)
{
    QStringList out;
    for (const QString &w : input.split(nonWord(), Qt::SkipEmptyParts))
        out << w.toCaseFolded();
    return out;
}

// Whether every prefix starts some word of the title or the text (the same
// test the index applies to each word of a query).
bool containsAllPrefixes(const SearchText &text, const QStringList &prefixes)
{
    QList<bool> found(prefixes.size(), false);
    qsizetype missing = prefixes.size();
    for (const QString *field : {&text.title, &text.text}) {
        for (auto it = word().globalMatch(*field); it.hasNext() && missing > 0;) {
            const QString folded = it.next().captured().toCaseFolded();
            for (qsizetype i = 0; i < prefixes.size(); ++i) {
                if (!found[i] && folded.startsWith(prefixes[i])) {
                    found[i] = true;
                    --missing;
                }
            }
        }
    }
    return missing == 0;
}

struct Highlighted {
    QString text;
    bool matched = false;
};

// Wraps every word that starts with one of the prefixes in \x02 … \x03. With
// maxWords > 0, keeps only a window of that many words, starting a little
// before the first match, with "…" where text was cut.
Highlighted highlight(const QString &text, const QStringList &prefixes, int maxWords)
{
    struct Word {
        qsizetype start, end;
        bool match;
    };
    QList<Word> words;
    int firstMatch = -1;
    for (auto it = word().globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString folded = m.captured().toCaseFolded();
        const bool match = std::any_of(prefixes.begin(), prefixes.end(),
                                       [&](const QString &p) { return folded.startsWith(p); });
        if (match && firstMatch < 0)
            firstMatch = int(words.size());
        words.append(Word{m.capturedStart(), m.capturedEnd(), match});
    }
    int from = 0;
    int to = int(words.size());
    if (maxWords > 0 && words.size() > maxWords) {
        from = std::clamp(firstMatch < 0 ? 0 : firstMatch - 3, 0, int(words.size()) - maxWords);
        to = from + maxWords;
    }
    Highlighted out;
    out.matched = firstMatch >= 0;
    if (words.isEmpty()) {
        out.text = maxWords > 0 ? text.left(200) : text;
        return out;
    }
    qsizetype at = from == 0 ? 0 : words[from].start;
    if (from > 0)
        out.text += QStringLiteral("…");
    for (int i = from; i < to; ++i) {
        out.text += text.mid(at, words[i].start - at);
        if (words[i].match)
            out.text += QLatin1Char('\x02') + text.mid(words[i].start, words[i].end - words[i].start)
                        + QLatin1Char('\x03');
        else
            out.text += text.mid(words[i].start, words[i].end - words[i].start);
        at = words[i].end;
    }
    if (to < words.size())
        out.text += QStringLiteral("…");
    else
        out.text += text.mid(at);
    return out;
}

} // namespace

RecordStore::RecordStore(db::Database &db, const Clock &clock, protocol::HlcClock &hlc)
    : m_db(db), m_clock(clock), m_hlc(hlc)
{
}

void RecordStore::setSearchExtractor(const QString &kind, SearchExtractor extractor)
{
    m_extractors.insert(kind, std::move(extractor));
}

Result<Record> RecordStore::put(const RecordChange &change)
{
    return putWithMeta(change, nullptr, {});
}

Result<Record> RecordStore::putWithMeta(const RecordChange &change, const char *metaKey, const QByteArray &metaValue)
{
    if (change.kind.isEmpty() || change.projectId.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("record needs a kind and a project"));
    db::Transaction tx(m_db);
    SAMLA_TRY(tx.begin());
    auto record = write(change, false);
    if (!record.ok())
        return record.error();
    if (metaKey) {
        auto s = m_db.cached(sql::kSetMeta);
        if (!s.ok())
            return s.error();
        s.value()->bind(1, QString::fromLatin1(metaKey)).bindBlob(2, metaValue);
        SAMLA_TRY(s.value()->run());
    }
    SAMLA_TRY(tx.commit());
    return record;
}

Result<QByteArray> RecordStore::meta(const char *key) const
{
    auto s = m_db.cached(sql::kGetMeta);
    if (!s.ok())
        return s.error();
    s.value()->bind(1, QString::fromLatin1(key));
    auto row = s.value()->step();
    if (!row.ok())
        return row.error();
    QByteArray value = row.value() ? s.value()->columnBlob(0) : QByteArray();
    s.value()->reset();
    return value;
}

Status RecordStore::setMeta(const char *key, const QByteArray &value)
{
    auto s = m_db.cached(sql::kSetMeta);
    if (!s.ok())
        return s.error();
    s.value()->bind(1, QString::fromLatin1(key)).bindBlob(2, value);
    return s.value()->run();
}

Result<Record> RecordStore::write(const RecordChange &change, bool erasing, const QStringList &erasedBlobs)
{
    Record record;
    record.id = change.id.isEmpty() ? newRecordId(m_clock.nowMs()) : change.id;
    record.kind = change.kind;
    record.projectId = change.projectId;
    record.participantRef = change.participantRef;
    record.body = change.body;
    record.deleted = change.deleted;
    record.updatedMs = m_clock.nowMs();

    std::int64_t rid = 0;
    QByteArray baseHlc;   // the version this write replaces, so other devices can tell an edit from a concurrent one
    {
        auto existing = m_db.cached(sql::kSelectRecordForWrite);
        if (!existing.ok())
            return existing.error();
        db::Statement &s = *existing.value();
        s.bind(1, record.id);
        auto row = s.step();
        if (!row.ok())
            return row.error();
        if (row.value()) {
            if (s.columnText(1) != change.kind)
                return makeError(ErrorCode::InvalidArgument, QStringLiteral("record kind cannot change"));
            rid = s.columnInt(0);
            record.version = int(s.columnInt(2)) + 1;
            record.createdMs = s.columnInt(3);
            baseHlc = s.columnBlob(4);
        } else {
            record.version = 1;
            record.createdMs = record.updatedMs;
        }
        s.reset();
    }

    record.hlc = m_hlc.now();
    const QByteArray hlcBytes = record.hlc.toBytes();
    const QByteArray body = packBody(protocol::encodeCanonical(record.body));

    if (rid == 0) {
        auto s = m_db.cached(sql::kInsertRecord);
        if (!s.ok())
            return s.error();
        s.value()->bind(1, record.id).bind(2, record.kind).bind(3, record.projectId);
        s.value()->bind(4, record.participantRef.isEmpty() ? QString() : record.participantRef);
        s.value()->bind(5, record.version).bindBlob(6, hlcBytes).bindBlob(7, body);
        s.value()->bind(8, record.deleted ? 1 : 0).bind(9, record.createdMs).bind(10, record.updatedMs);
        SAMLA_TRY(s.value()->run());
        rid = m_db.lastInsertRowId();
    } else {
        auto archive = m_db.cached(sql::kArchiveCurrentVersion);
        if (!archive.ok())
            return archive.error();
        archive.value()->bind(1, rid);
        SAMLA_TRY(archive.value()->run());
        auto s = m_db.cached(sql::kUpdateRecord);
        if (!s.ok())
            return s.error();
        s.value()->bind(1, rid).bind(2, record.projectId);
        s.value()->bind(3, record.participantRef.isEmpty() ? QString() : record.participantRef);
        s.value()->bind(4, record.version).bindBlob(5, hlcBytes).bindBlob(6, body);
        s.value()->bind(7, record.deleted ? 1 : 0).bind(8, record.updatedMs);
        SAMLA_TRY(s.value()->run());
    }

    if (auto extractor = m_extractors.find(record.kind); extractor != m_extractors.end()) {
        if (record.version > 1) {
            auto del = m_db.cached(sql::kDeleteSearch);
            if (!del.ok())
                return del.error();
            del.value()->bind(1, rid);
            SAMLA_TRY(del.value()->run());
        }
        if (!record.deleted) {
            const SearchText text = (*extractor)(record.body);
            auto ins = m_db.cached(sql::kInsertSearch);
            if (!ins.ok())
                return ins.error();
            ins.value()->bind(1, rid).bind(2, text.title).bind(3, text.text);
            SAMLA_TRY(ins.value()->run());
        }
    }

    // The outbox: one entry per write, numbered without gaps. Its newest row
    // also carries the device's last HLC stamp, so no other row is written.
    auto lastSeq = lastDeviceSeq();
    if (!lastSeq.ok())
        return lastSeq.error();
    const std::int64_t seq = lastSeq.value() + 1;
    OutboxEntry op;
    op.deviceSeq = seq;
    op.opId = crypto::randomBytes(16);
    QCborMap opMap;
    opMap.insert(QStringLiteral("op"), QCborValue(op.opId));
    opMap.insert(QStringLiteral("seq"), qint64(seq));
    opMap.insert(QStringLiteral("id"), record.id);
    opMap.insert(QStringLiteral("kind"), record.kind);
    opMap.insert(QStringLiteral("project"), record.projectId);
    if (!record.participantRef.isEmpty())
        opMap.insert(QStringLiteral("participant"), record.participantRef);
    opMap.insert(QStringLiteral("version"), record.version);
    opMap.insert(QStringLiteral("hlc"), QCborValue(hlcBytes));
    if (!baseHlc.isEmpty())
        opMap.insert(QStringLiteral("base"), QCborValue(baseHlc));
    opMap.insert(QStringLiteral("deleted"), record.deleted);
    if (erasing) {
        opMap.insert(QStringLiteral("erased"), true);
        if (!erasedBlobs.isEmpty())
            opMap.insert(QStringLiteral("blobs"), QCborArray::fromStringList(erasedBlobs));
    }
    opMap.insert(QStringLiteral("body"), record.body);
    {
        auto s = m_db.cached(sql::kInsertOutbox);
        if (!s.ok())
            return s.error();
        s.value()->bind(1, seq).bindBlob(2, op.opId).bind(3, rid).bind(4, record.version);
        s.value()->bindBlob(5, hlcBytes).bindBlob(6, protocol::encodeCanonical(opMap));
        s.value()->bind(7, record.updatedMs);
        SAMLA_TRY(s.value()->run());
    }
    return record;
}

// Attachment references inside a body, wherever they are: maps with a
// "hash" of 64 hex digits (the shape AttachmentRef is stored in).
void detail::collectAttachmentHashes(const QCborValue &value, QStringList &out)
{
    static const QRegularExpression hexHash(QStringLiteral("^[0-9a-f]{64}$"));
    if (value.isMap()) {
        const QCborMap map = value.toMap();
        const QCborValue hash = map.value(QStringLiteral("hash"));
        if (hash.isString() && hexHash.match(hash.toString()).hasMatch())
            out << hash.toString();
        for (auto it = map.constBegin(); it != map.constEnd(); ++it)
            collectAttachmentHashes(it.value(), out);
    } else if (value.isArray()) {
        for (const QCborValue &item : value.toArray())
            collectAttachmentHashes(item, out);
    }
}

// Turns the op stored in an outbox row into one that carries no content.
QByteArray detail::strippedOp(const QByteArray &opCbor)
{
    QCborMap op = QCborValue::fromCbor(opCbor).toMap();
    op.insert(QStringLiteral("body"), QCborMap());
    op.insert(QStringLiteral("erased"), true);
    return protocol::encodeCanonical(op);
}

using detail::strippedOp;

// The record's ops in the outbox (below `beforeVersion`) keep their
// sequence numbers, so the wire sequence stays gapless, but lose their
// content (detail::strippedOp).
Status RecordStore::stripOutboxOf(std::int64_t rid, int beforeVersion)
{
    auto ops = m_db.prepare("SELECT device_seq, body FROM outbox WHERE rid = ?1 AND version < ?2");
    if (!ops.ok())
        return ops.error();
    ops->bind(1, rid).bind(2, beforeVersion);
    QList<std::pair<std::int64_t, QByteArray>> stripped;
    SAMLA_TRY(ops->forEachRow([&] { stripped.append({ops->columnInt(0), strippedOp(ops->columnBlob(1))}); }));
    auto strip = m_db.prepare("UPDATE outbox SET body = ?2 WHERE device_seq = ?1");
    if (!strip.ok())
        return strip.error();
    for (const auto &[seq, body] : stripped) {
        strip->bind(1, seq).bindBlob(2, body);
        SAMLA_TRY(strip->run());
        strip->reset();
    }
    return {};
}

Result<QList<std::pair<QString, QString>>> RecordStore::idsForParticipant(const QString &participantRef) const
{
    auto s = m_db.cached(sql::kIdsForParticipant);
    if (!s.ok())
        return s.error();
    s.value()->bind(1, participantRef);
    QList<std::pair<QString, QString>> out;
    for (;;) {
        auto row = s.value()->step();
        if (!row.ok())
            return row.error();
        if (!row.value())
            break;
        out.append({s.value()->columnText(0), s.value()->columnText(1)});
    }
    s.value()->reset();
    return out;
}

Result<Erasure> RecordStore::erase(const QStringList &ids)
{
    Erasure result;
    // secure_delete zeroes every cell and page this transaction frees, so
    // the erased bytes are not left in the file's free space.
    SAMLA_TRY(m_db.exec("PRAGMA secure_delete = ON"));
    auto restore = qScopeGuard([this] { (void)m_db.exec("PRAGMA secure_delete = OFF"); });
    {
        db::Transaction tx(m_db);
        SAMLA_TRY(tx.begin());
        for (const QString &id : ids) {
            auto current = get(id);
            if (!current.ok())
                return current.error();
            QStringList hashes;
            detail::collectAttachmentHashes(QCborValue(current->body), hashes);
            auto history = versions(id);
            if (!history.ok())
                return history.error();
            for (const RecordVersion &v : *history)
                detail::collectAttachmentHashes(QCborValue(v.body), hashes);
            hashes.removeDuplicates();
            result.attachmentHashes += hashes;

            // The tombstone: an empty body, deleted, and an op that tells
            // other devices, and the server, to erase the record too. It
            // names the record's attachment files, which the server then
            // deletes; one op names at most protocol::kMaxErasedBlobs, so a
            // record with more gets a tombstone for each batch.
            RecordChange tombstone;
            tombstone.id = id;
            tombstone.kind = current->kind;
            tombstone.projectId = current->projectId;
            tombstone.participantRef = current->participantRef;
            tombstone.deleted = true;
            std::optional<Record> written;
            qsizetype from = 0;
            do {
                auto w = write(tombstone, true, hashes.mid(from, protocol::kMaxErasedBlobs));
                if (!w.ok())
                    return w.error();
                written = std::move(w.value());
                from += protocol::kMaxErasedBlobs;
            } while (from < hashes.size());

            auto rid = m_db.prepare("SELECT rid FROM records WHERE id = ?1");
            if (!rid.ok())
                return rid.error();
            rid->bind(1, id);
            auto found = rid->step();
            if (!found.ok())
                return found.error();
            const std::int64_t rowId = rid->columnInt(0);
            rid->reset();

            auto dropHistory = m_db.prepare("DELETE FROM record_versions WHERE rid = ?1");
            if (!dropHistory.ok())
                return dropHistory.error();
            dropHistory->bind(1, rowId);
            SAMLA_TRY(dropHistory->run());
            // Its open sync conflicts go with it (as where the erasure arrives).
            SAMLA_TRY(closeConflictsOf(id));

            // Ops not yet sent keep their place in the sequence (no gaps)
            // but lose their content: it must never leave the device.
            SAMLA_TRY(stripOutboxOf(rowId, written->version));
            auto remember = m_db.cached(sql::kRememberErased);
            if (!remember.ok())
                return remember.error();
            remember.value()->bind(1, id);
            SAMLA_TRY(remember.value()->run());
            result.tombstones.append(*written);
        }
        // FTS3 keeps a deleted document's words in older index segments
        // until they are merged; merging everything now drops them.
        SAMLA_TRY(m_db.exec("INSERT INTO search_index(search_index) VALUES('optimize')"));
        SAMLA_TRY(tx.commit());
    }
    // Copy the erased state into the database file and empty the WAL, which
    // still holds the pages as they were before.
    SAMLA_TRY(m_db.exec("PRAGMA wal_checkpoint(TRUNCATE)"));
    result.attachmentHashes.removeDuplicates();
    return result;
}

Result<Record> RecordStore::get(const QString &id) const
{
    auto s = m_db.cached(sql::kSelectRecordById);
    if (!s.ok())
        return s.error();
    s.value()->bind(1, id);
    auto row = s.value()->step();
    if (!row.ok())
        return row.error();
    if (!row.value())
        return makeError(ErrorCode::NotFound, QStringLiteral("no record %1").arg(id));
    Record r = readRecord(*s.value());
    s.value()->reset();
    return r;
}

Result<QList<Record>> RecordStore::list(const QString &kind, const QString &projectId, int limit, int offset) const
{
    auto s = m_db.cached(sql::kListRecords);
    if (!s.ok())
        return s.error();
    s.value()->bind(1, kind).bind(2, projectId).bind(3, limit).bind(4, offset);
    return collectRecords(*s.value());
}

Result<QList<Record>> RecordStore::listKind(const QString &kind, int limit) const
{
    auto s = m_db.cached(sql::kListKind);
    if (!s.ok())
        return s.error();
    s.value()->bind(1, kind).bind(2, limit);
    return collectRecords(*s.value());
}

Result<QList<Record>> RecordStore::listForParticipant(const QString &kind, const QString &participantRef,
                                                     int limit) const
{
    auto s = m_db.cached(sql::kListForParticipant);
    if (!s.ok())
        return s.error();
    s.value()->bind(1, kind).bind(2, participantRef).bind(3, limit);
    return collectRecords(*s.value());
}

Result<int> RecordStore::count(const QString &kind, const QString &projectId) const
{
    auto s = m_db.cached(sql::kCountRecords);
    if (!s.ok())
        return s.error();
    s.value()->bind(1, kind).bind(2, projectId);
    auto row = s.value()->step();
    if (!row.ok())
        return row.error();
    const int n = int(s.value()->columnInt(0));
    s.value()->reset();
    return n;
}

Result<QList<SearchHit>> RecordStore::search(const QString &kind, const QString &projectId, const QString &query,
                                             int limit) const
{
    const QStringList prefixes = queryPrefixes(query);
    if (prefixes.isEmpty() || limit < 1)
        return QList<SearchHit>();
    const auto extractor = m_extractors.find(kind);
    const bool canCheck = extractor != m_extractors.end();
    auto hitFrom = [&](Record record, const SearchText *text) {
        SearchHit hit;
        hit.record = std::move(record);
        if (text) {
            hit.titleHighlighted = highlight(text->title, prefixes, 0).text;
            hit.snippetHighlighted = highlight(text->text, prefixes, 16).text;
        }
        return hit;
    };

    // FTS3 reads the whole doclist of every term a prefix matches, so a short
    // common word ("d", "pati") costs tens of milliseconds over 100,000 notes,
    // and an AND of several such words costs their sum. With several words,
    // the longest (the most selective, as a rule) goes to the index alone,
    // and the others are checked here, with unicode61's word rules, on the
    // newest candidates until the page is full. Only when too few of those
    // candidates pass does the index evaluate every word.
    if (prefixes.size() > 1 && canCheck) {
        const QString driver = *std::max_element(prefixes.begin(), prefixes.end(), [](const QString &a, const QString &b) {
            return a.size() < b.size();
        });
        const int candidates = std::max(100, 4 * limit);
        auto s = m_db.cached(sql::kSearch);
        if (!s.ok())
            return s.error();
        s.value()->bind(1, ftsQuery(driver)).bind(2, kind).bind(3, projectId).bind(4, candidates);
        QList<SearchHit> out;
        int seen = 0;
        for (;;) {
            auto row = s.value()->step();
            if (!row.ok()) {
                s.value()->reset();
                return row.error();
            }
            if (!row.value())
                break;
            ++seen;
            Record record = readRecord(*s.value());
            const SearchText text = (*extractor)(record.body);
            if (!containsAllPrefixes(text, prefixes))
                continue;
            out.append(hitFrom(std::move(record), &text));
            if (out.size() == limit)
                break;
        }
        s.value()->reset();
        // Complete: the page is full, or every candidate the index had was checked.
        if (out.size() == limit || seen < candidates)
            return out;
    }

    auto s = m_db.cached(sql::kSearch);
    if (!s.ok())
        return s.error();
    s.value()->bind(1, ftsQuery(query)).bind(2, kind).bind(3, projectId).bind(4, limit);
    QList<SearchHit> out;
    for (;;) {
        auto row = s.value()->step();
        if (!row.ok()) {
            s.value()->reset();
            return row.error();
        }
        if (!row.value())
            break;
        Record record = readRecord(*s.value());
        if (canCheck) {
            const SearchText text = (*extractor)(record.body);
            out.append(hitFrom(std::move(record), &text));
        } else {
            out.append(hitFrom(std::move(record), nullptr));
        }
    }
    s.value()->reset();
    return out;
}

Result<QList<RecordVersion>> RecordStore::versions(const QString &id) const
{
    auto current = get(id);
    if (!current.ok())
        return current.error();
    QList<RecordVersion> out{RecordVersion{current->version, current->hlc, current->body, current->updatedMs}};
    auto s = m_db.cached(sql::kSelectVersions);
    if (!s.ok())
        return s.error();
    s.value()->bind(1, id);
    for (;;) {
        auto row = s.value()->step();
        if (!row.ok())
            return row.error();
        if (!row.value())
            break;
        RecordVersion v;
        v.version = int(s.value()->columnInt(0));
        v.hlc = protocol::HlcStamp::fromBytes(s.value()->columnBlob(1));
        v.body = decodeBody(s.value()->columnBlob(2));
        v.savedMs = s.value()->columnInt(3);
        out.append(v);
    }
    s.value()->reset();
    return out;
}

Result<QList<OutboxEntry>> RecordStore::outbox(std::int64_t afterSeq, int limit) const
{
    auto s = m_db.cached(sql::kSelectOutbox);
    if (!s.ok())
        return s.error();
    s.value()->bind(1, afterSeq).bind(2, limit);
    QList<OutboxEntry> out;
    for (;;) {
        auto row = s.value()->step();
        if (!row.ok())
            return row.error();
        if (!row.value())
            break;
        OutboxEntry e;
        e.deviceSeq = s.value()->columnInt(0);
        e.opId = s.value()->columnBlob(1);
        e.recordId = s.value()->columnText(2);
        e.kind = s.value()->columnText(3);
        e.version = int(s.value()->columnInt(4));
        e.hlc = protocol::HlcStamp::fromBytes(s.value()->columnBlob(5));
        e.body = s.value()->columnBlob(6);
        out.append(e);
    }
    s.value()->reset();
    return out;
}

Result<std::int64_t> RecordStore::lastDeviceSeq() const
{
    auto s = m_db.cached(sql::kLastDeviceSeq);
    if (!s.ok())
        return s.error();
    auto row = s.value()->step();
    if (!row.ok())
        return row.error();
    const std::int64_t seq = s.value()->columnInt(0);
    s.value()->reset();
    return seq;
}

Status RecordStore::closeConflictsOf(const QString &recordId)
{
    auto s = m_db.prepare("UPDATE sync_conflicts SET resolved_ms = ?2 WHERE record_id = ?1 AND resolved_ms IS NULL");
    if (!s.ok())
        return s.error();
    s->bind(1, recordId).bind(2, m_clock.nowMs());
    return s->run();
}

} // namespace samla::store
