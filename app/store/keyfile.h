// KeyFile: the database key, wrapped once under the passphrase and once under the recovery key.
#pragma once

#include "platform/core/result.h"
#include "platform/crypto/crypto.h"

#include <QByteArray>
#include <QString>

#include <cstdint>

namespace samla::store {

// File layout (all integers big-endian):
//   magic "SMLAKEY1" | header | passphrase slot | recovery slot | counter | mac | checksum
//   header   = u16 format version, u16 reserved, u32 key epoch, u64 Argon2 ops,
//              u64 Argon2 memory, salt[16], database id[16]
//   slot     = u16 length, XChaCha20-Poly1305(wrapping key, database key);
//              the passphrase slot's associated data is magic | header | slot
//              name; the recovery slot's is magic | version | database id | slot
//              name, because it must survive passphrase changes
//   counter  = u64 anti-rollback counter, mirrored in the database
//   mac      = BLAKE2b-256 keyed by a subkey of the database key over everything
//              before it: once either slot has opened, no other byte can have changed
//   checksum = BLAKE2b-256 over everything before it (tells accidental damage
//              from a wrong passphrase before any key is tried)
class KeyFile {
public:
    static constexpr std::uint16_t kFormatVersion = 1;

    // Creates a key file in memory for a new random database key.
    [[nodiscard]] static Result<KeyFile> create(const crypto::SecureBytes &databaseKey, const crypto::SecureBytes &passphrase,
                          const crypto::SecureBytes &recoveryKey, const crypto::Argon2Params &kdf,
                          std::uint64_t counter);

    [[nodiscard]] static Result<KeyFile> parse(const QByteArray &bytes);
    [[nodiscard]] static Result<KeyFile> load(const QString &path);
    // Atomic: temporary file, fsync, rename, fsync of the directory.
    [[nodiscard]] Status save(const QString &path) const;
    QByteArray serialize() const;

    [[nodiscard]] Result<crypto::SecureBytes> unlockWithPassphrase(const crypto::SecureBytes &passphrase) const;
    [[nodiscard]] Result<crypto::SecureBytes> unlockWithRecoveryKey(const crypto::SecureBytes &recoveryKey) const;
    // Checks the MAC over the whole file; Tampered if any byte changed or the key is another.
    [[nodiscard]] Status verifyCounter(const crypto::SecureBytes &databaseKey) const;

    // Re-wraps the database key under a new passphrase (fresh salt, new epoch).
    [[nodiscard]] Status setPassphrase(const crypto::SecureBytes &databaseKey, const crypto::SecureBytes &passphrase,
                       const crypto::Argon2Params &kdf);
    void setCounter(const crypto::SecureBytes &databaseKey, std::uint64_t counter);

    std::uint64_t counter() const { return m_counter; }
    std::uint32_t keyEpoch() const { return m_keyEpoch; }
    QByteArray databaseId() const { return m_databaseId; }
    crypto::Argon2Params kdf() const { return m_kdf; }

    // The recovery key as people write it down: 52 base32 characters in
    // groups of four. parse accepts any case, spaces, dashes, O for 0 and I/L for 1.
    static crypto::SecureBytes formatRecoveryKey(const crypto::SecureBytes &key);
    [[nodiscard]] static Result<crypto::SecureBytes> parseRecoveryKey(const crypto::SecureBytes &text);

private:
    QByteArray headerBytes() const;
    QByteArray recoveryAd() const;
    QByteArray macedBytes() const;
    void resealCounter(const crypto::SecureBytes &databaseKey);

    std::uint32_t m_keyEpoch = 1;
    crypto::Argon2Params m_kdf;
    QByteArray m_salt;
    QByteArray m_databaseId;
    QByteArray m_passphraseSlot;
    QByteArray m_recoverySlot;
    std::uint64_t m_counter = 0;
    QByteArray m_mac;
};

} // namespace samla::store
