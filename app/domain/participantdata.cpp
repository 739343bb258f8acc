#include "participantdata.h"
#include "identityvault.h"

#include "consentlog.h"
#include "auditlog.h"
#include "domainlog.h"
#include "participants.h"

#include "app/store/localstore.h"
#include "app/store/recordstore.h"
#include "platform/db/database.h"

#include <QCborMap>
#include <QStringList>

namespace samla::domain {

ParticipantData::ParticipantData(store::LocalStore &store, const Clock &clock) : m_store(store), m_clock(clock) {}

Result<ParticipantData::Erased> ParticipantData::erase(const QString &participantId)
{
    auto participant = Participants(m_store.records()).get(participantId);
    if (!participant.ok())
        return participant.error();
    auto rows = m_store.records().idsForParticipant(participantId);
    if (!rows.ok())
        return rows.error();
    QStringList ids;
    for (const auto &[id, kind] : rows.value()) {
        // Kept: the consent record, the pseudonymous participant record and
        // the audit trail (which must show this erasure and what came before).
        // The identity is the data manager's to erase (IdentityVault::erase),
        // so its sealed record stays until then.
        if (kind != ConsentLog::kKind && kind != Participants::kKind && kind != AuditLog::kKind
            && kind != IdentityVault::kEntryKind)
            ids << id;
    }
    Erased erased;
    if (ids.isEmpty())
        return erased;
    auto done = m_store.records().erase(ids);
    if (!done.ok())
        return done.error();
    erased.records = int(done->tombstones.size());
    // The records are erased; a file that cannot be removed now stays
    // encrypted on disk, is logged (without anything about its content) and
    // is counted as not removed.
    for (const QString &hash : done->attachmentHashes) {
        if (m_store.attachments().remove(hash).ok())
            ++erased.attachments;
        else
            qCWarning(lcDomain) << "erasure: could not remove an attachment file";
    }
    QCborMap details;
    details.insert(QStringLiteral("records"), erased.records);
    details.insert(QStringLiteral("attachments"), erased.attachments);
    auto audited = AuditLog(m_store, m_clock).append(QStringLiteral("participant_data_erased"), participant->projectId,
                                                     participantId, details);
    if (!audited.ok())
        return audited.error();
    // The audit entry went into the WAL that the erasure had emptied; empty
    // it again so the data directory holds one copy of each page.
    SAMLA_TRY(m_store.database().exec("PRAGMA wal_checkpoint(TRUNCATE)"));
    qCInfo(lcDomain) << "erased" << erased.records << "records and" << erased.attachments
                     << "attachments for participant" << participantId;
    return erased;
}

} // namespace samla::domain
