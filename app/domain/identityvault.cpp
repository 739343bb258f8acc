#include "identityvault.h"
#include "identityvaultinternal.h"

#include "auditlog.h"
#include "app/store/localstore.h"
#include "app/store/recordstore.h"
#include "app/store/schema.h"
#include "platform/core/files.h"
#include "domainlog.h"
#include "platform/db/database.h"
#include "sync/protocol/canonicalcbor.h"

#include <QCborMap>
#include <QCborValue>

#include <optional>
#include <utility>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace samla::domain {

namespace {

constexpr const char *kMetaGrant = "identity_vault_grant";
constexpr const char *kDeleteMeta = "DELETE FROM meta WHERE key = ?1";
// The grant's key-encryption key is derived from the device store under this
// purpose, so only this device (unlocked) can unwrap its grant.
const QString kGrantPurpose = QStringLiteral("samla:identity-vault-grant");
const QByteArray kGrantAd = QByteArrayLiteral("samla:identity-vault-grant:v1:");

const char *const kVaultSchema[] = {
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value NOT NULL) WITHOUT ROWID",
    "CREATE TABLE identities(participant_id TEXT PRIMARY KEY, project_id TEXT NOT NULL,"
    " body BLOB NOT NULL, updated_ms INTEGER NOT NULL) WITHOUT ROWID",
};
// Version 2: identities remember the identity record version they match, and
// the register keeps each project's identity keys (which seal the identity
// records other data-manager devices receive through sync).
const char *const kVaultSchemaV2[] = {
    "ALTER TABLE identities ADD COLUMN source_hlc BLOB",
    "CREATE TABLE project_keys(project_id TEXT NOT NULL, key_id BLOB NOT NULL, wrapped BLOB NOT NULL,"
    " created_ms INTEGER NOT NULL, granted_by BLOB, PRIMARY KEY(project_id, key_id)) WITHOUT ROWID",
};
constexpr int kVaultVersion = 2;
constexpr const char *kSelectVaultId = "SELECT value FROM meta WHERE key = 'vault_id'";
constexpr const char *kInsertVaultId = "INSERT INTO meta(key, value) VALUES('vault_id', ?1)";
constexpr const char *kUpsertIdentity =
    "INSERT OR REPLACE INTO identities(participant_id, project_id, body, updated_ms, source_hlc)"
    " VALUES(?1, ?2, ?3, ?4, ?5)";
constexpr const char *kSelectIdentity = "SELECT project_id, body FROM identities WHERE participant_id = ?1";
constexpr const char *kDeleteIdentity = "DELETE FROM identities WHERE participant_id = ?1";
constexpr const char *kCountIdentities = "SELECT count(*) FROM identities";

const QString kName = QStringLiteral("name");
const QString kContact = QStringLiteral("contact");
const QString kDateOfBirth = QStringLiteral("date_of_birth");
const QString kGuardian = QStringLiteral("guardian_or_consultee");

QString vaultPath(const store::LocalStore &store)
{
    return store.dataDir() + QLatin1Char('/') + IdentityVault::kFileName;
}

crypto::SecureBytes grantKey(const store::LocalStore &store)
{
    return crypto::deriveSubkey(store.attachmentKeyFor(kGrantPurpose), 1, "samlavlt");
}


struct Grant {
    QByteArray vaultId;
    QByteArray wrapped;
};

Result<std::optional<Grant>> readGrant(db::Database &db)
{
    auto s = db.prepare(store::sql::kGetMeta);
    if (!s.ok())
        return s.error();
    s->bind(1, kMetaGrant);
    auto row = s->step();
    if (!row.ok())
        return row.error();
    if (!row.value())
        return std::optional<Grant>();
    const QCborMap m = QCborValue::fromCbor(s->columnBlob(0)).toMap();
    return std::optional<Grant>(Grant{m.value(QStringLiteral("vault")).toByteArray(),
                                      m.value(QStringLiteral("wrapped")).toByteArray()});
}

Status writeGrant(store::LocalStore &store, const QByteArray &vaultId, const crypto::SecureBytes &vaultKey)
{
    QCborMap m;
    m.insert(QStringLiteral("vault"), QCborValue(vaultId));
    m.insert(QStringLiteral("wrapped"), QCborValue(crypto::wrapKey(grantKey(store), vaultKey, kGrantAd + vaultId)));
    auto s = store.database().prepare(store::sql::kSetMeta);
    if (!s.ok())
        return s.error();
    s->bind(1, kMetaGrant).bindBlob(2, protocol::encodeCanonical(m));
    return s->run();
}

Result<QByteArray> readVaultId(db::Database &db)
{
    auto s = db.prepare(kSelectVaultId);
    if (!s.ok())
        return s.error();
    auto row = s->step();
    if (!row.ok())
        return row.error();
    if (!row.value())
        return makeError(ErrorCode::Corrupt, QStringLiteral("vault has no id"));
    return s->columnBlob(0);
}

Status prepareConnection(db::Database &db)
{
    // Erased identities must not linger in free pages.
    SAMLA_TRY(db.exec("PRAGMA secure_delete = ON"));
    auto version = db.userVersion();
    if (!version.ok())
        return version.error();
    if (version.value() >= kVaultVersion)
        return {};
    db::Transaction tx(db);
    SAMLA_TRY(tx.begin());
    if (version.value() < 2) {
        for (const char *statement : kVaultSchemaV2)
            SAMLA_TRY(db.exec(statement));
    }
    SAMLA_TRY(db.setUserVersion(kVaultVersion));
    return tx.commit();
}

} // namespace

QString lookupPurposeKey(LookupPurpose p)
{
    switch (p) {
    case LookupPurpose::Contact: return QStringLiteral("contact");
    case LookupPurpose::Reconsent: return QStringLiteral("reconsent");
    case LookupPurpose::SubjectAccess: return QStringLiteral("subject_access");
    case LookupPurpose::Erasure: return QStringLiteral("erasure");
    case LookupPurpose::DataManagement: return QStringLiteral("data_management");
    }
    return QStringLiteral("unknown");
}

std::optional<LookupPurpose> lookupPurposeFromKey(const QString &key)
{
    for (LookupPurpose p : kAllLookupPurposes) {
        if (lookupPurposeKey(p) == key)
            return p;
    }
    return std::nullopt;
}

QString vaultRefusalText(VaultRefusal refusal)
{
    switch (refusal) {
    case VaultRefusal::None:
        return {};
    case VaultRefusal::NotCreated:
        return QCoreApplication::translate("VaultRefusal",
                                           "There is no identity register on this device yet. "
                                           "A data manager can create one.");
    case VaultRefusal::NotGranted:
        return QCoreApplication::translate("VaultRefusal",
                                           "This device has not been granted the data-manager role, so names "
                                           "and contact details cannot be opened here. Ask your data manager.");
    case VaultRefusal::GrantInvalid:
        return QCoreApplication::translate("VaultRefusal",
                                           "This device's access to the identity register is not valid for this "
                                           "register. Nothing was opened. Ask your data manager to grant access again.");
    case VaultRefusal::Damaged:
        return QCoreApplication::translate("VaultRefusal",
                                           "The identity register on this device is damaged and cannot be read. "
                                           "Nothing was changed. Contact your data manager.");
    }
    return {};
}

Result<std::optional<std::pair<QString, QCborMap>>> IdentityVault::Private::readIdentity(const QString &participantId)
{
    auto s = db->prepare(kSelectIdentity);
    if (!s.ok())
        return s.error();
    s->bind(1, participantId);
    auto row = s->step();
    if (!row.ok())
        return row.error();
    if (!row.value())
        return std::optional<std::pair<QString, QCborMap>>();
    return std::optional(std::pair(s->columnText(0), QCborValue::fromCbor(s->columnBlob(1)).toMap()));
}

Status IdentityVault::Private::writeIdentity(const QString &participantId, const QString &projectId,
                                             const QCborMap &body, QByteArrayView sourceHlc)
{
    auto s = db->prepare(kUpsertIdentity);
    if (!s.ok())
        return s.error();
    s->bind(1, participantId).bind(2, projectId).bindBlob(3, protocol::encodeCanonical(body));
    s->bind(4, clock.nowMs()).bindBlob(5, sourceHlc.toByteArray());
    return s->run();
}

Status IdentityVault::Private::deleteIdentity(const QString &participantId)
{
    auto s = db->prepare(kDeleteIdentity);
    if (!s.ok())
        return s.error();
    s->bind(1, participantId);
    return s->run();
}

QCborMap vault::identityToCbor(const IdentityDetails &identity)
{
    QCborMap body;
    body.insert(kName, identity.name);
    body.insert(kContact, identity.contact);
    body.insert(kDateOfBirth, identity.dateOfBirth);
    body.insert(kGuardian, identity.guardianOrConsultee);
    return body;
}

IdentityDetails vault::identityFromCbor(const QCborMap &body)
{
    IdentityDetails out;
    out.name = body.value(kName).toString();
    out.contact = body.value(kContact).toString();
    out.dateOfBirth = body.value(kDateOfBirth).toString();
    out.guardianOrConsultee = body.value(kGuardian).toString();
    return out;
}

IdentityVault::IdentityVault(std::unique_ptr<Private> p) : d(std::move(p)) {}
IdentityVault::~IdentityVault() = default;

QString IdentityVault::path() const { return d->db->path(); }

bool IdentityVault::exists(const store::LocalStore &store)
{
    return QFileInfo::exists(vaultPath(store));
}

bool IdentityVault::hasGrant(store::LocalStore &store)
{
    auto g = readGrant(store.database());
    return g.ok() && g.value().has_value();
}

Result<std::unique_ptr<IdentityVault>> IdentityVault::create(store::LocalStore &store, const Clock &clock)
{
    const QString path = vaultPath(store);
    if (QFileInfo::exists(path))
        return makeError(ErrorCode::AlreadyExists, QStringLiteral("a vault exists in this data directory"));
    {
        // Owner-only from the first byte, like the device database.
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly))
            return files::errorFromFile(f, "create vault file");
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    auto removeFiles = [&path] {
        for (const QString &ext : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(path + ext);
    };
    crypto::SecureBytes vaultKey = crypto::SecureBytes::random(crypto::kKeyBytes);
    const QByteArray vaultId = crypto::randomBytes(16);
    db::Database::Options options;
    options.create = true;
    auto opened = db::Database::open(path, vaultKey, options);
    if (!opened.ok()) {
        removeFiles();
        return opened.error();
    }
    std::unique_ptr<db::Database> db = std::move(opened.value());
    auto setUp = [&]() -> Status {
        SAMLA_TRY(db->exec("PRAGMA secure_delete = ON"));
        db::Transaction tx(*db);
        SAMLA_TRY(tx.begin());
        for (const char *statement : kVaultSchema)
            SAMLA_TRY(db->exec(statement));
        auto s = db->prepare(kInsertVaultId);
        if (!s.ok())
            return s.error();
        s->bindBlob(1, vaultId);
        SAMLA_TRY(s->run());
        SAMLA_TRY(db->setUserVersion(1));
        SAMLA_TRY(tx.commit());
        SAMLA_TRY(prepareConnection(*db));   // brings the new register to the current version
        // The grant is written last: a vault nobody holds a key to is removed, not kept.
        return writeGrant(store, vaultId, vaultKey);
    };
    if (auto s = setUp(); !s.ok()) {
        db.reset();
        removeFiles();
        return s.error();
    }
    qCInfo(lcDomain) << "identity vault created and granted to this device";
    return std::unique_ptr<IdentityVault>(
        new IdentityVault(std::make_unique<Private>(Private{store, clock, std::move(db), std::move(vaultKey)})));
}

IdentityVault::Opened IdentityVault::open(store::LocalStore &store, const Clock &clock)
{
    Opened out;
    auto refuse = [&out](VaultRefusal refusal, Error error) {
        out.refusal = refusal;
        out.error = std::move(error);
        qCWarning(lcDomain) << "identity vault not opened:" << errorCodeName(out.error.code) << out.error.detail;
        return std::move(out);
    };
    if (!exists(store))
        return refuse(VaultRefusal::NotCreated, makeError(ErrorCode::NotFound, QStringLiteral("no vault file")));
    auto grant = readGrant(store.database());
    if (!grant.ok())
        return refuse(VaultRefusal::Damaged, grant.error());
    if (!grant.value())
        return refuse(VaultRefusal::NotGranted, makeError(ErrorCode::NotFound, QStringLiteral("no vault grant")));
    const Grant &g = *grant.value();
    auto vaultKey = crypto::unwrapKey(grantKey(store), g.wrapped, kGrantAd + g.vaultId);
    if (!vaultKey.ok())
        return refuse(VaultRefusal::GrantInvalid, vaultKey.error());
    db::Database::Options options;
    auto opened = db::Database::open(vaultPath(store), vaultKey.value(), options);
    if (!opened.ok())
        return refuse(opened.error().code == ErrorCode::WrongKey ? VaultRefusal::GrantInvalid : VaultRefusal::Damaged,
                      opened.error());
    auto id = readVaultId(*opened.value());
    if (!id.ok())
        return refuse(VaultRefusal::Damaged, id.error());
    if (id.value() != g.vaultId)
        return refuse(VaultRefusal::GrantInvalid, makeError(ErrorCode::WrongKey, QStringLiteral("grant is for another vault")));
    if (auto s = prepareConnection(*opened.value()); !s.ok())
        return refuse(VaultRefusal::Damaged, s.error());
    out.vault.reset(new IdentityVault(
        std::make_unique<Private>(Private{store, clock, std::move(opened.value()), std::move(vaultKey.value())})));
    // Brings the register and the identity records of synced projects level:
    // what other data managers saved or erased arrives here, what this
    // device saved before it could share goes out. A failure leaves the
    // register as it was and is retried at the next opening.
    if (auto s = out.vault->reconcile(); !s.ok())
        qCWarning(lcDomain) << "identity register not brought up to date:" << errorCodeName(s.code());
    return out;
}

Status IdentityVault::revokeGrant(store::LocalStore &store)
{
    auto s = store.database().prepare(kDeleteMeta);
    if (!s.ok())
        return s.error();
    s->bind(1, kMetaGrant);
    SAMLA_TRY(s->run());
    qCInfo(lcDomain) << "identity vault grant revoked on this device";
    return {};
}

Status IdentityVault::audit(const QString &action, const QString &participantId, const QString &projectId,
                            const QString &purpose)
{
    // Pseudonymous ids only: what was done, to which participant record, when,
    // as a signed entry of the device's hash-chained audit trail.
    QCborMap details;
    if (!purpose.isEmpty())
        details.insert(QStringLiteral("purpose"), purpose);
    auto r = AuditLog(d->store, d->clock).append(action, projectId, participantId, details);
    if (!r.ok())
        return r.error();
    return {};
}

Status IdentityVault::save(const QString &participantId, const QString &projectId, const IdentityDetails &identity)
{
    if (participantId.isEmpty() || projectId.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("identity needs a participant and a project"));
    const QCborMap body = vault::identityToCbor(identity);
    // The sealed record first: if the register's write then fails, the next
    // opening takes the identity back from the record.
    auto hlc = putEntry(participantId, projectId, body);
    if (!hlc.ok())
        return hlc.error();
    SAMLA_TRY(d->writeIdentity(participantId, projectId, body, hlc.value()));
    return audit(QStringLiteral("identity_saved"), participantId, projectId, {});
}

Result<IdentityDetails> IdentityVault::lookup(const QString &participantId, LookupPurpose purpose)
{
    auto row = d->readIdentity(participantId);
    if (!row.ok())
        return row.error();
    if (!row->has_value())
        return makeError(ErrorCode::NotFound, QStringLiteral("no identity for participant %1").arg(participantId));
    const auto &[projectId, body] = **row;
    SAMLA_TRY(audit(QStringLiteral("identity_lookup"), participantId, projectId, lookupPurposeKey(purpose)));
    return vault::identityFromCbor(body);
}

Status IdentityVault::erase(const QString &participantId)
{
    auto row = d->readIdentity(participantId);
    if (!row.ok())
        return row.error();
    if (!row->has_value())
        return {};
    const QString projectId = (*row)->first;
    // The record's erasure reaches every other data manager's register.
    SAMLA_TRY(eraseEntry(participantId));
    SAMLA_TRY(d->deleteIdentity(participantId));
    return audit(QStringLiteral("identity_erased"), participantId, projectId, {});
}

Result<int> IdentityVault::count() const
{
    auto s = d->db->prepare(kCountIdentities);
    if (!s.ok())
        return s.error();
    auto row = s->step();
    if (!row.ok())
        return row.error();
    return int(s->columnInt(0));
}

} // namespace samla::domain
