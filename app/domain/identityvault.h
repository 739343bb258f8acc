// IdentityVault: names and contact details, in their own SQLCipher file under their own key.
#pragma once

#include "platform/core/clock.h"
#include "platform/core/result.h"
#include "platform/crypto/crypto.h"

#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace samla::db { class Database; }
namespace samla::store { class LocalStore; }

namespace samla::domain {

// Everything that identifies a participant. Research data holds only the code.
struct IdentityDetails {
    QString name;
    QString contact;               // phone, e-mail or address
    QString dateOfBirth;           // as written on the form, e.g. "1948-03-02"
    QString guardianOrConsultee;   // name and contact of a guardian or consultee, if any
    bool operator==(const IdentityDetails &) const = default;
};

// Why the vault cannot be opened on this device. The UI shows vaultRefusalText().
enum class VaultRefusal {
    None,
    NotCreated,      // there is no vault file in this data directory
    NotGranted,      // this device holds no grant (it is not a data-manager device, or it was revoked)
    GrantInvalid,    // the grant does not open this vault (another vault's grant, or changed)
    Damaged,         // the vault file cannot be read
};
QString vaultRefusalText(VaultRefusal refusal);

// Why an identity is looked up; recorded in the audit log (a reason, never a name).
enum class LookupPurpose { Contact, Reconsent, SubjectAccess, Erasure, DataManagement };
inline constexpr LookupPurpose kAllLookupPurposes[] = {
    LookupPurpose::Contact, LookupPurpose::Reconsent, LookupPurpose::SubjectAccess,
    LookupPurpose::Erasure, LookupPurpose::DataManagement,
};
QString lookupPurposeKey(LookupPurpose p);   // "contact", "reconsent", "subject_access", …
std::optional<LookupPurpose> lookupPurposeFromKey(const QString &key);

// Pseudonymisation (GDPR Art 4(5)): the key linking codes to people is kept
// apart from research data. The vault is `vault.db` beside the device
// database, keyed with its own random 32-byte key. That key reaches a device
// only as a grant (the key wrapped under a key derived from the device store),
// kept in the device database's meta table: a device without the grant cannot
// open the vault, and the device database key does not open it either.
// Every lookup is audited through RecordStore with pseudonymous ids only.
class IdentityVault {
public:
    static inline const QString kFileName = QStringLiteral("vault.db");
    static inline const QString kAuditKind = QStringLiteral("audit");

    struct Opened {
        std::unique_ptr<IdentityVault> vault;
        VaultRefusal refusal = VaultRefusal::None;
        Error error;   // for logs
        bool ok() const { return vault != nullptr; }
    };

    ~IdentityVault();
    IdentityVault(const IdentityVault &) = delete;
    IdentityVault &operator=(const IdentityVault &) = delete;

    static bool exists(const store::LocalStore &store);
    static bool hasGrant(store::LocalStore &store);

    // Creates the vault and grants it to this device (the data manager's).
    [[nodiscard]] static Result<std::unique_ptr<IdentityVault>> create(store::LocalStore &store, const Clock &clock);
    [[nodiscard]] static Opened open(store::LocalStore &store, const Clock &clock);
    // Removes this device's grant. The vault then cannot be opened here; a
    // vault already open keeps working until it is closed.
    [[nodiscard]] static Status revokeGrant(store::LocalStore &store);

    // --- Sharing the register with the project's other data-manager devices ---
    //
    // Each identity is also kept as a record of kind kEntryKind in its
    // project, its content sealed (XChaCha20-Poly1305, padded) with the
    // project's identity key, which only the registers of data-manager
    // devices hold. The record syncs like any other; devices without the key
    // carry it sealed and cannot open it. A data manager hands the key to
    // another device with a grant record (kGrantKind): the key sealed to that
    // device's X25519 key and signed by the granting device.
    static inline const QString kEntryKind = QStringLiteral("identity_entry");
    static inline const QString kGrantKind = QStringLiteral("identity_grant");

    struct GrantInfo {
        QString recordId;
        QString projectId;
        QByteArray recipient;   // Ed25519 public key of the device granted the role
        QByteArray granter;     // Ed25519 public key of the device that granted it
        std::int64_t grantedMs = 0;
    };
    // Grants of a project's data-manager role this device knows of (its own and synced ones).
    [[nodiscard]] static Result<QList<GrantInfo>> grants(store::LocalStore &store, const QString &projectId);

    // Grants the data-manager role for a project to another device (its
    // Ed25519 and X25519 public keys, as the sync server lists members).
    // Audited. The device receives it with its next sync.
    [[nodiscard]] Status grantTo(const QString &projectId, QByteArrayView recipientSignKey,
                                 QByteArrayView recipientBoxKey);

    // Whether a grant's signer may hand out the role in a project: the app
    // trusts the project administrator's key this device pinned when it joined.
    using TrustedGranter = std::function<bool(const QString &projectId, QByteArrayView granterSignKey)>;
    // Takes up grants that reached this device through sync: creates this
    // device's register if there is none (or replaces one whose key this
    // device no longer holds, which nothing can open), keeps the project
    // keys, and fills the register from the identity records. Returns how
    // many projects' keys were newly received (0: nothing for this device).
    [[nodiscard]] static Result<int> acceptGrants(store::LocalStore &store, const Clock &clock,
                                                  const TrustedGranter &trusted);

    [[nodiscard]] Status save(const QString &participantId, const QString &projectId, const IdentityDetails &identity);
    // Audited: the audit record is written first, and no identity is returned without it.
    [[nodiscard]] Result<IdentityDetails> lookup(const QString &participantId, LookupPurpose purpose);
    // Removes the identity (secure_delete overwrites the freed pages). Audited.
    [[nodiscard]] Status erase(const QString &participantId);
    [[nodiscard]] Result<int> count() const;

    QString path() const;

    struct Private;   // identityvaultinternal.h

private:
    explicit IdentityVault(std::unique_ptr<Private> d);
    Result<QByteArray> putEntry(const QString &participantId, const QString &projectId, const QCborMap &identity);
    Status eraseEntry(const QString &participantId);
    Status reconcile();
    Result<int> takeGrants(const TrustedGranter &trusted);
    Status audit(const QString &action, const QString &participantId, const QString &projectId,
                 const QString &purpose);
    std::unique_ptr<Private> d;
};

} // namespace samla::domain
