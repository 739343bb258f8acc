#include "participantdata.h"

#include "consentlog.h"
#include "domainlog.h"
#include "identityvault.h"
#include "participants.h"

#include "app/store/localstore.h"
#include "app/store/recordstore.h"

#include <QStringList>

namespace samla::domain {

ParticipantData::ParticipantData(store::LocalStore &store) : m_store(store) {}

Result<ParticipantData::Erased> ParticipantData::erase(const QString &participantId)
{
    auto rows = m_store.records().idsForParticipant(participantId);
    if (!rows.ok())
        return rows.error();
    QStringList ids;
    for (const auto &[id, kind] : rows.value()) {
        // Kept: the consent record, the pseudonymous participant record and
        // the audit trail (which must show this erasure and what came before).
        if (kind != ConsentLog::kKind && kind != Participants::kKind && kind != IdentityVault::kAuditKind)
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
    qCInfo(lcDomain) << "erased" << erased.records << "records and" << erased.attachments
                     << "attachments for participant" << participantId;
    return erased;
}

} // namespace samla::domain
