// Hashing, AEAD, Argon2id, signatures and sealed boxes. Streams are in
// stream.cpp, the start-up self-test in selftest.cpp.
#include "crypto.h"

#include "platform/core/logging.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <sodium.h>

namespace samla::crypto {

static_assert(kKeyBytes == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
static_assert(kAeadNonceBytes == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
static_assert(kAeadTagBytes == crypto_aead_xchacha20poly1305_ietf_ABYTES);
static_assert(kSaltBytes == crypto_pwhash_argon2id_SALTBYTES);
static_assert(kHashBytes == crypto_generichash_BYTES);
static_assert(kKeyBytes == crypto_kdf_KEYBYTES);
static_assert(kKeyBytes == crypto_secretstream_xchacha20poly1305_KEYBYTES);

namespace {

// libsodium takes unsigned char pointers. An empty QByteArrayView may carry a
// null pointer; libsodium accepts that for zero lengths, but pointing at a
// real byte keeps every call well-defined whatever the length.
const unsigned char kEmpty[1] = { 0 };

const unsigned char *u8(QByteArrayView v)
{
    return v.isEmpty() ? kEmpty : reinterpret_cast<const unsigned char *>(v.data());
}

const unsigned char *u8(const SecureBytes &s)
{
    return s.isEmpty() ? kEmpty : s.data();
}

unsigned char *u8(QByteArray &a)
{
    return reinterpret_cast<unsigned char *>(a.data());
}

constexpr std::size_t kAeadOverhead = kAeadNonceBytes + kAeadTagBytes;

// nonce || ciphertext || tag. A random 192-bit nonce per message is safe with
// XChaCha20 for any number of messages under one key.
QByteArray sealBytes(
    const SecureBytes &key, const unsigned char *plaintext, std::size_t size, QByteArrayView ad)
{
    if (key.size() != kKeyBytes) {
        qCWarning(lcCrypto) << "aead seal refused: key has the wrong size";
        return {};
    }
    QByteArray sealed(qsizetype(kAeadOverhead + size), Qt::Uninitialized);
    unsigned char *nonce = u8(sealed);
    randombytes_buf(nonce, kAeadNonceBytes);
    unsigned long long cipherLen = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + kAeadNonceBytes, &cipherLen, plaintext, size, u8(ad),
        std::size_t(ad.size()), nullptr, nonce, key.data());
    return sealed;
}

// Decrypts into `out`, which the caller has sized to sealed.size() - overhead.
Status openBytes(const SecureBytes &key, QByteArrayView sealed, QByteArrayView ad, unsigned char *out)
{
    if (key.size() != kKeyBytes)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("aead key has the wrong size"));
    const auto *nonce = u8(sealed);
    unsigned long long plainLen = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(out, &plainLen, nullptr, nonce + kAeadNonceBytes,
            std::size_t(sealed.size()) - kAeadNonceBytes, u8(ad), std::size_t(ad.size()), nonce, key.data())
        != 0) {
        // Not logged here: a wrong passphrase ends up here too, and only the
        // caller knows which record or file it was.
        return makeError(ErrorCode::Tampered, QStringLiteral("aead authentication failed"));
    }
    return {};
}

Status checkSealedSize(QByteArrayView sealed)
{
    if (std::size_t(sealed.size()) < kAeadOverhead)
        return makeError(ErrorCode::Corrupt, QStringLiteral("aead blob shorter than nonce and tag"));
    return {};
}

} // namespace

QByteArray randomBytes(std::size_t size)
{
    QByteArray out(qsizetype(size), Qt::Uninitialized);
    if (size > 0)
        randombytes_buf(out.data(), size);
    return out;
}

QByteArray hash(QByteArrayView data)
{
    QByteArray out(qsizetype(kHashBytes), Qt::Uninitialized);
    crypto_generichash(u8(out), kHashBytes, u8(data), std::size_t(data.size()), nullptr, 0);
    return out;
}

bool equalConstantTime(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && (a.isEmpty() || sodium_memcmp(a.data(), b.data(), size_t(a.size())) == 0);
}

QByteArray keyedHash(const SecureBytes &key, QByteArrayView data)
{
    if (key.size() < crypto_generichash_KEYBYTES_MIN || key.size() > crypto_generichash_KEYBYTES_MAX) {
        qCWarning(lcCrypto) << "keyed hash refused: key size out of range";
        return {};
    }
    QByteArray out(qsizetype(kHashBytes), Qt::Uninitialized);
    crypto_generichash(u8(out), kHashBytes, u8(data), std::size_t(data.size()), key.data(), key.size());
    return out;
}

SecureBytes deriveSubkey(const SecureBytes &master, std::uint64_t id, const char context[8])
{
    if (master.size() != crypto_kdf_KEYBYTES || !context) {
        qCWarning(lcCrypto) << "subkey derivation refused: bad master key or context";
        return {};
    }
    SecureBytes subkey(kKeyBytes);
    crypto_kdf_derive_from_key(subkey.data(), subkey.size(), id, context, master.data());
    return subkey;
}

// --- AEAD ---------------------------------------------------------------------

QByteArray aeadSeal(const SecureBytes &key, QByteArrayView plaintext, QByteArrayView ad)
{
    return sealBytes(key, u8(plaintext), std::size_t(plaintext.size()), ad);
}

Result<QByteArray> aeadOpen(const SecureBytes &key, QByteArrayView sealed, QByteArrayView ad)
{
    SAMLA_TRY(checkSealedSize(sealed));
    QByteArray plain(sealed.size() - qsizetype(kAeadOverhead), Qt::Uninitialized);
    // Point at a real byte even for an empty plaintext.
    unsigned char scratch = 0;
    SAMLA_TRY(openBytes(key, sealed, ad, plain.isEmpty() ? &scratch : u8(plain)));
    return plain;
}

QByteArray wrapKey(const SecureBytes &kek, const SecureBytes &key, QByteArrayView ad)
{
    return sealBytes(kek, u8(key), key.size(), ad);
}

Result<SecureBytes> unwrapKey(const SecureBytes &kek, QByteArrayView wrapped, QByteArrayView ad)
{
    SAMLA_TRY(checkSealedSize(wrapped));
    // Decrypt straight into secure memory: the key never exists in a QByteArray.
    SecureBytes key(std::size_t(wrapped.size()) - kAeadOverhead);
    unsigned char scratch = 0;
    SAMLA_TRY(openBytes(kek, wrapped, ad, key.isEmpty() ? &scratch : key.data()));
    return key;
}

// --- Argon2id -----------------------------------------------------------------

namespace {

constexpr std::uint64_t kMiB = 1024 * 1024;
// Upper bound for calibration: a phone must still run the app next to it.
constexpr std::uint64_t kCalibrationMemCap = 256 * kMiB;
constexpr auto kCalibrationBudget = std::chrono::seconds(3);

std::uint64_t maxMemBytes()
{
    return std::min<std::uint64_t>(
        crypto_pwhash_argon2id_MEMLIMIT_MAX, std::numeric_limits<std::size_t>::max());
}

bool paramsInRange(const Argon2Params &p)
{
    return p.opsLimit >= crypto_pwhash_argon2id_OPSLIMIT_MIN
        && p.opsLimit <= crypto_pwhash_argon2id_OPSLIMIT_MAX
        && p.memLimitBytes >= crypto_pwhash_argon2id_MEMLIMIT_MIN && p.memLimitBytes <= maxMemBytes();
}

// Runs one derivation with throwaway inputs; nullopt when it could not run
// (in practice: the memory could not be allocated).
std::optional<std::chrono::steady_clock::duration> timeDerivation(const Argon2Params &p)
{
    const SecureBytes passphrase = SecureBytes::random(16);
    const QByteArray salt = randomBytes(kSaltBytes);
    const auto start = std::chrono::steady_clock::now();
    const auto key = deriveKeyFromPassphrase(passphrase, salt, p);
    if (!key.ok())
        return std::nullopt;
    return std::chrono::steady_clock::now() - start;
}

} // namespace

Argon2Params calibrateArgon2(std::chrono::milliseconds target, std::uint64_t minMemBytes)
{
    using Clock = std::chrono::steady_clock;
    using Seconds = std::chrono::duration<double>;
    const auto started = Clock::now();

    // Never below the architecture's 64 MiB floor, nor below opslimit 2,
    // whatever the caller or the device's speed suggests.
    const std::uint64_t memFloor = std::clamp<std::uint64_t>(
        std::max({ minMemBytes, kArgon2MinMemBytes, std::uint64_t(crypto_pwhash_argon2id_MEMLIMIT_MIN) }), 0,
        maxMemBytes());
    const std::uint64_t opsFloor = std::max<std::uint64_t>(2, crypto_pwhash_argon2id_OPSLIMIT_MIN);
    std::uint64_t memCeiling = std::max(memFloor, std::min(kCalibrationMemCap, maxMemBytes()));

    Argon2Params best { opsFloor, memFloor };
    auto measured = timeDerivation(best);
    if (!measured) {
        qCWarning(lcCrypto) << "argon2 calibration: the minimum parameters could not run; using them anyway";
        return best;
    }
    const double targetSeconds = Seconds(target).count();

    // Argon2's cost is close to linear in opsLimit * memLimit, so each round
    // predicts the parameters for the target and measures them. Memory grows
    // first (it is what makes GPU/ASIC guessing expensive), then passes.
    for (int round = 0; round < 8; ++round) {
        const double seconds = Seconds(*measured).count();
        if (seconds >= 0.85 * targetSeconds || seconds <= 0.0)
            break;
        const double ratio = targetSeconds / seconds;
        Argon2Params next = best;
        if (best.memLimitBytes < memCeiling) {
            const double mem = std::ceil(double(best.memLimitBytes) * ratio / double(kMiB)) * double(kMiB);
            next.memLimitBytes = std::clamp<std::uint64_t>(
                std::uint64_t(std::min(mem, double(memCeiling))), best.memLimitBytes, memCeiling);
        } else {
            const auto ops = std::uint64_t(std::llround(double(best.opsLimit) * ratio));
            next.opsLimit = std::min<std::uint64_t>(ops, crypto_pwhash_argon2id_OPSLIMIT_MAX);
        }
        if (next == best)
            break;

        const double predicted = seconds * (double(next.opsLimit) * double(next.memLimitBytes))
            / (double(best.opsLimit) * double(best.memLimitBytes));
        if (Seconds(Clock::now() - started).count() + predicted > Seconds(kCalibrationBudget).count()) {
            // No time left to confirm: trust the linear model, which errs by
            // tens of percent at most.
            return next;
        }
        const auto nextMeasured = timeDerivation(next);
        if (!nextMeasured) {
            // Probably out of memory at this size: keep the last size that
            // worked and add passes instead.
            memCeiling = best.memLimitBytes;
            continue;
        }
        best = next;
        measured = nextMeasured;
    }
    return best;
}

Result<SecureBytes> deriveKeyFromPassphrase(
    const SecureBytes &passphrase, QByteArrayView salt, const Argon2Params &params)
{
    if (std::size_t(salt.size()) != kSaltBytes)
        return makeError(
            ErrorCode::InvalidArgument, QStringLiteral("argon2 salt must be %1 bytes").arg(kSaltBytes));
    if (!paramsInRange(params))
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("argon2 parameters out of range"));
    if (passphrase.size() > crypto_pwhash_argon2id_PASSWD_MAX)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("passphrase too long"));

    SecureBytes key(kKeyBytes);
    if (crypto_pwhash(key.data(), key.size(), reinterpret_cast<const char *>(u8(passphrase)),
            passphrase.size(), u8(salt), params.opsLimit, std::size_t(params.memLimitBytes),
            crypto_pwhash_ALG_ARGON2ID13)
        != 0) {
        // With the inputs checked above, the only failure left is allocating
        // the memory.
        qCWarning(lcCrypto) << "argon2id failed; memLimitBytes" << params.memLimitBytes;
        return makeError(ErrorCode::Internal,
            QStringLiteral("argon2id failed (out of memory for %1 MiB?)").arg(params.memLimitBytes / kMiB));
    }
    return key;
}

// --- Signatures and sealed boxes ----------------------------------------------

SignKeyPair generateSignKeyPair()
{
    SignKeyPair pair { QByteArray(crypto_sign_PUBLICKEYBYTES, Qt::Uninitialized),
        SecureBytes(crypto_sign_SECRETKEYBYTES) };
    crypto_sign_keypair(u8(pair.publicKey), pair.secretKey.data());
    return pair;
}

SignKeyPair signKeyPairFromSeed(const SecureBytes &seed)
{
    SignKeyPair pair { QByteArray(crypto_sign_PUBLICKEYBYTES, Qt::Uninitialized),
        SecureBytes(crypto_sign_SECRETKEYBYTES) };
    if (seed.size() != crypto_sign_SEEDBYTES) {
        qCWarning(lcCrypto) << "sign key refused: seed has the wrong size";
        return {};
    }
    crypto_sign_seed_keypair(u8(pair.publicKey), pair.secretKey.data(), seed.data());
    return pair;
}

QByteArray sign(const SecureBytes &secretKey, QByteArrayView message)
{
    if (secretKey.size() != crypto_sign_SECRETKEYBYTES) {
        qCWarning(lcCrypto) << "sign refused: secret key has the wrong size";
        return {};
    }
    QByteArray signature(crypto_sign_BYTES, Qt::Uninitialized);
    crypto_sign_detached(u8(signature), nullptr, u8(message), std::size_t(message.size()), secretKey.data());
    return signature;
}

bool verify(QByteArrayView publicKey, QByteArrayView message, QByteArrayView signature)
{
    if (publicKey.size() != crypto_sign_PUBLICKEYBYTES || signature.size() != crypto_sign_BYTES)
        return false;
    return crypto_sign_verify_detached(u8(signature), u8(message), std::size_t(message.size()), u8(publicKey))
        == 0;
}

BoxKeyPair generateBoxKeyPair()
{
    BoxKeyPair pair { QByteArray(crypto_box_PUBLICKEYBYTES, Qt::Uninitialized),
        SecureBytes(crypto_box_SECRETKEYBYTES) };
    crypto_box_keypair(u8(pair.publicKey), pair.secretKey.data());
    return pair;
}

BoxKeyPair boxKeyPairFromSeed(const SecureBytes &seed)
{
    if (seed.size() != crypto_box_SEEDBYTES) {
        qCWarning(lcCrypto) << "box key refused: seed has the wrong size";
        return {};
    }
    BoxKeyPair pair { QByteArray(crypto_box_PUBLICKEYBYTES, Qt::Uninitialized),
        SecureBytes(crypto_box_SECRETKEYBYTES) };
    crypto_box_seed_keypair(u8(pair.publicKey), pair.secretKey.data(), seed.data());
    return pair;
}

QByteArray sealToPublicKey(QByteArrayView publicKey, const SecureBytes &secret)
{
    if (publicKey.size() != crypto_box_PUBLICKEYBYTES) {
        qCWarning(lcCrypto) << "sealed box refused: public key has the wrong size";
        return {};
    }
    QByteArray sealed(qsizetype(crypto_box_SEALBYTES + secret.size()), Qt::Uninitialized);
    if (crypto_box_seal(u8(sealed), u8(secret), secret.size(), u8(publicKey)) != 0) {
        // Only a public key that is a low-order point gets here.
        qCWarning(lcCrypto) << "sealed box failed: unusable public key";
        return {};
    }
    return sealed;
}

Result<SecureBytes> openSealed(const BoxKeyPair &keyPair, QByteArrayView sealed)
{
    if (keyPair.publicKey.size() != crypto_box_PUBLICKEYBYTES
        || keyPair.secretKey.size() != crypto_box_SECRETKEYBYTES)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("box key pair has the wrong size"));
    if (std::size_t(sealed.size()) < crypto_box_SEALBYTES)
        return makeError(ErrorCode::Corrupt, QStringLiteral("sealed box shorter than its overhead"));
    SecureBytes secret(std::size_t(sealed.size()) - crypto_box_SEALBYTES);
    unsigned char scratch = 0;
    if (crypto_box_seal_open(secret.isEmpty() ? &scratch : secret.data(), u8(sealed),
            std::size_t(sealed.size()), u8(keyPair.publicKey), keyPair.secretKey.data())
        != 0) {
        return makeError(ErrorCode::Tampered, QStringLiteral("sealed box authentication failed"));
    }
    return secret;
}

SecureBytes toHexSecure(const SecureBytes &bytes)
{
    if (bytes.isEmpty())
        return {};
    // sodium_bin2hex() writes a trailing NUL, so it needs one more byte than
    // the result; both buffers are secure memory.
    SecureBytes withNul(bytes.size() * 2 + 1);
    sodium_bin2hex(reinterpret_cast<char *>(withNul.data()), withNul.size(), bytes.data(), bytes.size());
    return SecureBytes(withNul.data(), bytes.size() * 2);
}

} // namespace samla::crypto
