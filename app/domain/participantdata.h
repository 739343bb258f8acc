// Erasing what a participant gave, when they withdraw and ask for their data to be removed.
#pragma once

#include "platform/core/clock.h"
#include "platform/core/result.h"

#include <QString>

namespace samla::store { class LocalStore; }

namespace samla::domain {

class ParticipantData {
public:
    ParticipantData(store::LocalStore &store, const Clock &clock);

    struct Erased {
        int records = 0;
        int attachments = 0;
    };

    // Erases, on this device, every record about the participant except the
    // consent events (the proof of consent and of the withdrawal, which the
    // project must be able to show: GDPR Art 7(1) and 5(2)), the audit
    // entries and the pseudonymous participant record itself, then deletes the attachment
    // files those records referred to. Other devices erase on sync (the
    // tombstones carry "erased"). The audit trail gets a pseudonymous
    // tombstone: who (the participant's record id), when, how many records
    // and files. Idempotent: run again, it finds nothing.
    // The caller checks the project's policy (ConsentLog does, for a
    // withdrawal with scope RemoveExistingData). The identity in the vault is
    // erased separately by a data manager (IdentityVault::erase).
    [[nodiscard]] Result<Erased> erase(const QString &participantId);

private:
    store::LocalStore &m_store;
    const Clock &m_clock;
};

} // namespace samla::domain
