// The crypto facade: the only code in Samla that calls libsodium.
#pragma once

#include "platform/core/result.h"
#include "securebytes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QIODevice>

#include <chrono>
#include <cstdint>

namespace samla::crypto {

// Calls sodium_init() and runs the known-answer self-test. The app refuses
// to start when this fails. Safe to call more than once.
Status initialize();
// Known-answer tests for every primitive Samla uses (BLAKE2b, XChaCha20-Poly1305,
// Argon2id, Ed25519, X25519 sealed boxes, secretstream round trip).
Status selfTest();

inline constexpr std::size_t kKeyBytes = 32;          // every symmetric key
inline constexpr std::size_t kAeadNonceBytes = 24;    // XChaCha20-Poly1305-IETF
inline constexpr std::size_t kAeadTagBytes = 16;
inline constexpr std::size_t kSaltBytes = 16;         // Argon2id
inline constexpr std::size_t kHashBytes = 32;         // BLAKE2b-256

QByteArray randomBytes(std::size_t size);

// BLAKE2b-256 of data, optionally keyed (key 16..64 bytes).
QByteArray hash(QByteArrayView data);
QByteArray keyedHash(const SecureBytes &key, QByteArrayView data);
// Whether two byte strings are equal, in time that does not depend on where
// they differ (sodium_memcmp); false for different lengths.
bool equalConstantTime(QByteArrayView a, QByteArrayView b);
// Derives a subkey from a master key for a purpose (libsodium crypto_kdf;
// context is exactly 8 characters, e.g. "samlaatt").
SecureBytes deriveSubkey(const SecureBytes &master, std::uint64_t id, const char context[8]);

// --- AEAD: XChaCha20-Poly1305-IETF -----------------------------------------
// sealed = nonce(24) || ciphertext || tag(16). The associated data is
// authenticated but not encrypted; a change to any byte of sealed or ad makes
// open() fail with ErrorCode::Tampered.
QByteArray aeadSeal(const SecureBytes &key, QByteArrayView plaintext, QByteArrayView ad);
Result<QByteArray> aeadOpen(const SecureBytes &key, QByteArrayView sealed, QByteArrayView ad);
// The same, for secrets: the plaintext lives only in secure memory.
QByteArray wrapKey(const SecureBytes &kek, const SecureBytes &key, QByteArrayView ad);
Result<SecureBytes> unwrapKey(const SecureBytes &kek, QByteArrayView wrapped, QByteArrayView ad);

// --- Argon2id ---------------------------------------------------------------
struct Argon2Params {
    std::uint64_t opsLimit = 0;
    std::uint64_t memLimitBytes = 0;
    bool operator==(const Argon2Params &) const = default;
};
inline constexpr std::uint64_t kArgon2MinMemBytes = 64ull * 1024 * 1024;
// Measures this device and returns parameters that take about `target`
// (never less than minMemBytes of memory, never less than opsLimit 2).
Argon2Params calibrateArgon2(std::chrono::milliseconds target,
                             std::uint64_t minMemBytes = kArgon2MinMemBytes);
Result<SecureBytes> deriveKeyFromPassphrase(const SecureBytes &passphrase, QByteArrayView salt,
                                            const Argon2Params &params);

// --- Streams: secretstream XChaCha20-Poly1305 over fixed-size chunks ---------
// Format: magic "SMLA-SS1" (8) || chunkSize (u32 big-endian) || secretstream
// header (24) || chunks. Each chunk is chunkSize plaintext bytes (the last may
// be shorter, and is tagged FINAL). Truncation, reordering, a flipped byte or
// data after the final chunk make decrypt fail with Tampered or Corrupt.
inline constexpr std::uint32_t kDefaultChunkBytes = 64 * 1024;
Status encryptStream(const SecureBytes &key, QIODevice &plaintextIn, QIODevice &cipherOut,
                     std::uint32_t chunkBytes = kDefaultChunkBytes);
Status decryptStream(const SecureBytes &key, QIODevice &cipherIn, QIODevice &plaintextOut);

// The same format, written as the plaintext arrives (a recording in
// progress): plaintext waits in secure memory until a whole chunk is there,
// and the last chunk is pushed, tagged FINAL, by finish(). Nothing reaches
// `cipherOut` in clear. Not copyable; the device must outlive it.
class StreamEncryptor {
public:
    StreamEncryptor(const SecureBytes &key, QIODevice &cipherOut, std::uint32_t chunkBytes = kDefaultChunkBytes);
    ~StreamEncryptor();
    StreamEncryptor(const StreamEncryptor &) = delete;
    StreamEncryptor &operator=(const StreamEncryptor &) = delete;

    [[nodiscard]] Status write(const char *data, qint64 size);
    [[nodiscard]] Status finish();
    qint64 plaintextBytes() const { return m_total; }

private:
    Status pushChunk(bool last);

    QIODevice &m_out;
    std::uint32_t m_chunkBytes;
    SecureBytes m_state;
    SecureBytes m_pending;         // up to one full chunk not yet pushed
    qint64 m_pendingSize = 0;
    qint64 m_total = 0;
    QByteArray m_head;
    bool m_first = true;
    bool m_finished = false;
    Status m_error;                // the first failure; every later call returns it
};

// --- Signatures (Ed25519) and key agreement (X25519) --------------------------
struct SignKeyPair {
    QByteArray publicKey;   // 32 bytes
    SecureBytes secretKey;  // 64 bytes (libsodium's seed||public form)
};
SignKeyPair generateSignKeyPair();
// The key pair a 32-byte seed determines (crypto_sign_seed_keypair), for a
// device key derived from a key the device already keeps.
SignKeyPair signKeyPairFromSeed(const SecureBytes &seed);
QByteArray sign(const SecureBytes &secretKey, QByteArrayView message);  // detached, 64 bytes
bool verify(QByteArrayView publicKey, QByteArrayView message, QByteArrayView signature);

struct BoxKeyPair {
    QByteArray publicKey;   // 32 bytes
    SecureBytes secretKey;  // 32 bytes
};
BoxKeyPair generateBoxKeyPair();
// The same key pair every time from the same 32-byte seed (crypto_box_seed_keypair).
BoxKeyPair boxKeyPairFromSeed(const SecureBytes &seed);
// Anonymous sealed box (crypto_box_seal) of a secret to a public key.
QByteArray sealToPublicKey(QByteArrayView publicKey, const SecureBytes &secret);
Result<SecureBytes> openSealed(const BoxKeyPair &keyPair, QByteArrayView sealed);

// Hex of secret bytes into secure memory (for SQLCipher's raw-key string).
SecureBytes toHexSecure(const SecureBytes &bytes);

} // namespace samla::crypto
