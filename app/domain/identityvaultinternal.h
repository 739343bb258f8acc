// Shared between identityvault.cpp (the local register) and identityvaultsharing.cpp (its records and grants).
#pragma once

#include "identityvault.h"

#include "platform/db/database.h"

#include <QCborMap>

#include <optional>
#include <utility>

namespace samla::domain {

struct IdentityVault::Private {
    store::LocalStore &store;
    const Clock &clock;
    std::unique_ptr<db::Database> db;
    crypto::SecureBytes vaultKey;   // wraps the project identity keys kept in the register

    // The project and identity body of one participant, or nothing when the vault holds none.
    Result<std::optional<std::pair<QString, QCborMap>>> readIdentity(const QString &participantId);
    // Writes one identity row; sourceHlc is the identity record's version it came from.
    Status writeIdentity(const QString &participantId, const QString &projectId, const QCborMap &body,
                         QByteArrayView sourceHlc);
    Status deleteIdentity(const QString &participantId);
};

namespace vault {

QCborMap identityToCbor(const IdentityDetails &identity);
IdentityDetails identityFromCbor(const QCborMap &body);

// The record id of a participant's identity entry: the same on every device,
// so two data managers editing one participant edit one record.
QString entryRecordId(const QString &participantId);

} // namespace vault
} // namespace samla::domain
