// LocalStore: one device's encrypted data directory (key file, database, attachments).
#pragma once

#include "platform/core/clock.h"
#include "platform/core/result.h"
#include "platform/crypto/crypto.h"
#include "keyfile.h"

#include <QString>

#include <memory>

namespace samla::db { class Database; }

namespace samla::store {

class RecordStore;
class AttachmentStore;

// Layout of a data directory:
//   samla.keys       key file: the database key wrapped by passphrase and recovery key
//   samla.db (+-wal, -shm)  SQLCipher database
//   attachments/     encrypted attachment files named by content hash
class LocalStore {
public:
    struct Created;
    struct Private;   // opaque; defined in localstore.cpp
    ~LocalStore();

    static bool exists(const QString &dataDir);

    // Creates a new store. The recovery key is returned once, formatted for
    // reading aloud and writing down (groups of base32 characters); it is never stored.
    [[nodiscard]] static Result<Created> create(const QString &dataDir, const crypto::SecureBytes &passphrase,
                                                const crypto::Argon2Params &kdf, const Clock &clock);
    // Opens the store. Wrong passphrase: ErrorCode::WrongPassphrase and no file changes.
    [[nodiscard]] static Result<std::unique_ptr<LocalStore>> unlock(const QString &dataDir,
                                                                    const crypto::SecureBytes &passphrase,
                                                                    const Clock &clock);
    // Opens the store with the recovery key and sets a new passphrase.
    [[nodiscard]] static Result<std::unique_ptr<LocalStore>> recover(const QString &dataDir,
                                                                     const crypto::SecureBytes &recoveryKey,
                                                                     const crypto::SecureBytes &newPassphrase,
                                                                     const Clock &clock);

    // Rewrites the key file only; the database key does not change.
    [[nodiscard]] Status changePassphrase(const crypto::SecureBytes &currentPassphrase,
                                          const crypto::SecureBytes &newPassphrase);

    // The same in two steps, so that the Argon2id work (a second or more) can
    // run off the GUI thread: prepare and commit on the store's thread,
    // PassphraseChange::run on any. The change touches no file until commit,
    // which refuses if the key file moved on in between (a lock and unlock).
    struct PassphraseChange {
        KeyFile keyFile;                  // a copy, re-wrapped by run()
        crypto::SecureBytes databaseKey;
        std::uint64_t counterAtStart = 0;
        Status result = makeError(ErrorCode::Internal, QStringLiteral("passphrase change not run"));
        void run(const crypto::SecureBytes &currentPassphrase, const crypto::SecureBytes &newPassphrase);
    };
    [[nodiscard]] std::unique_ptr<PassphraseChange> preparePassphraseChange() const;
    [[nodiscard]] Status commitPassphraseChange(const PassphraseChange &change);

    // The key that wraps the file keys of a record's attachments. Derived from
    // the database key for now; sync moves it under the participant/project keys.
    crypto::SecureBytes attachmentKeyFor(const QString &recordId) const;
    // This device's Ed25519 key for signing its audit entries (and, with
    // sync, its requests): derived from the database key, so it lives as long
    // as this data directory and is never stored.
    crypto::SignKeyPair deviceSigningKey() const;
    // The device's X25519 key pair, to which project keys are sealed; also
    // derived from the database key, so it lives as long as the device's data.
    crypto::BoxKeyPair deviceBoxKey() const;
    // Wraps and unwraps secrets kept in the database (project keys), so they
    // leave SQLite only as ciphertext and are opened into secure memory.
    QByteArray wrapSecret(const crypto::SecureBytes &secret, QByteArrayView purpose) const;
    [[nodiscard]] Result<crypto::SecureBytes> unwrapSecret(QByteArrayView wrapped, QByteArrayView purpose) const;

    // Another connection to this store's database, for one other thread (the
    // sync worker): SQLite serialises its writes with this connection's. It
    // shares this store's HLC clock and search extractors, and its close()
    // leaves the anti-rollback counter to this store. Close it before this one.
    [[nodiscard]] Result<std::unique_ptr<LocalStore>> openConnection() const;

    RecordStore &records();
    AttachmentStore &attachments();
    db::Database &database();
    QString dataDir() const;

    // Flushes and closes; bumps the anti-rollback counter. Called by the destructor too.
    void close();

private:
    explicit LocalStore(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

struct LocalStore::Created {
    std::unique_ptr<LocalStore> store;
    crypto::SecureBytes recoveryKeyText; // UTF-8, e.g. "ABCD-EFGH-…"
};

} // namespace samla::store
