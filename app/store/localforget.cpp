// RecordStore::forgetSent: a write-only device forgets what it has handed to the server.
#include "recordrows.h"
#include "recordstore.h"
#include "schema.h"

#include "platform/db/database.h"
#include "sync/protocol/canonicalcbor.h"

#include <QScopeGuard>

namespace samla::store {

Result<QStringList> RecordStore::forgetSent(const QStringList &ids)
{
    QStringList attachments;
    if (ids.isEmpty())
        return attachments;
    // Zeroed as an erasure is: a tablet shared at home must not keep the
    // words in the file's free pages either.
    SAMLA_TRY(m_db.exec("PRAGMA secure_delete = ON"));
    auto restore = qScopeGuard([this] { (void)m_db.exec("PRAGMA secure_delete = OFF"); });
    {
        db::Transaction tx(m_db);
        SAMLA_TRY(tx.begin());
        for (const QString &id : ids) {
            auto row = m_db.prepare("SELECT rid, body FROM records WHERE id = ?1");
            if (!row.ok())
                return row.error();
            row->bind(1, id);
            auto found = row->step();
            if (!found.ok())
                return found.error();
            if (!found.value())
                continue;
            const std::int64_t rid = row->columnInt(0);
            detail::collectAttachmentHashes(QCborValue(detail::decodeBody(row->columnBlob(1))), attachments);
            row->reset();
            auto history = versions(id);
            if (!history.ok())
                return history.error();
            for (const RecordVersion &v : history.value())
                detail::collectAttachmentHashes(QCborValue(v.body), attachments);
            for (const char *sqlText : {"DELETE FROM record_versions WHERE rid = ?1",
                                        "DELETE FROM search_index WHERE docid = ?1"}) {
                auto s = m_db.prepare(sqlText);
                if (!s.ok())
                    return s.error();
                s->bind(1, rid);
                SAMLA_TRY(s->run());
            }
            // The outbox keeps its sequence numbers (the wire sequence is
            // gapless) but not the content it sent.
            SAMLA_TRY(stripOutboxOf(rid));
            // An empty, deleted row: no list or search shows it, and no op is written.
            auto s = m_db.prepare("UPDATE records SET body = ?2, deleted = 1, updated_ms = ?3 WHERE rid = ?1");
            if (!s.ok())
                return s.error();
            s->bind(1, rid).bindBlob(2, detail::packBody(protocol::encodeCanonical(QCborMap()))).bind(3, m_clock.nowMs());
            SAMLA_TRY(s->run());
        }
        SAMLA_TRY(tx.commit());
    }
    SAMLA_TRY(m_db.exec("INSERT INTO search_index(search_index) VALUES('optimize')"));
    SAMLA_TRY(m_db.exec("PRAGMA wal_checkpoint(TRUNCATE)"));
    attachments.removeDuplicates();
    return attachments;
}

} // namespace samla::store
