// Known-answer self-test run once at start-up: refuses to run on a libsodium
// that is broken, miscompiled or swapped for an incompatible build.
//
// Where the vectors come from:
//   BLAKE2b-512("abc")        RFC 7693, Appendix A.
//   BLAKE2b-256("abc")        BLAKE2 reference; cross-checked with Python's
//                             independent hashlib.blake2b.
//   keyed BLAKE2b-512         BLAKE2 reference KAT (blake2b-kat.txt, key
//                             00..3f, empty input).
//   crypto_kdf                libsodium test/default/kdf.exp ("KDF test",
//                             master 00..1f, id 32, 32 bytes).
//   XChaCha20-Poly1305-IETF   draft-irtf-cfrg-xchacha-03, Appendix A.3.1.
//   Argon2id                  libsodium test/default/pwhash_argon2id.exp
//                             (t=3 and t=1 cases; p=1 as libsodium uses).
//   Ed25519                   RFC 8032 section 7.1, TEST 1 and TEST 2.
//   X25519                    RFC 7748 section 6.1.
// Sealed boxes and secretstream have random parts, so they get round trips
// plus a tamper check; their primitives are covered by the vectors above.
#include "crypto.h"
#include "platform/core/logging.h"

#include <atomic>
#include <cstring>
#include <mutex>
#include <sodium.h>
#include <string_view>
#include <vector>

namespace samla::crypto {

namespace {

std::vector<unsigned char> fromHex(std::string_view hex)
{
    std::vector<unsigned char> out(hex.size() / 2);
    if (out.empty())
        return out; // sodium_hex2bin() must not be given a null buffer
    std::size_t written = 0;
    if (sodium_hex2bin(out.data(), out.size(), hex.data(), hex.size(), nullptr, &written, nullptr) != 0
        || written != out.size())
        out.clear(); // a malformed constant makes its check fail, never pass
    return out;
}

bool same(const unsigned char *actual, const std::vector<unsigned char> &expected, std::size_t size)
{
    return !expected.empty() && expected.size() == size && sodium_memcmp(actual, expected.data(), size) == 0;
}

bool checkBlake2b()
{
    const auto *abc = reinterpret_cast<const unsigned char *>("abc");
    unsigned char out[64];
    crypto_generichash(out, 64, abc, 3, nullptr, 0);
    if (!same(out,
            fromHex("ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
                    "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923"),
            64))
        return false;
    crypto_generichash(out, 32, abc, 3, nullptr, 0);
    if (!same(out, fromHex("bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319"), 32))
        return false;
    // The facade's own entry point must agree.
    const QByteArray viaFacade = hash(QByteArrayView("abc"));
    if (!same(reinterpret_cast<const unsigned char *>(viaFacade.constData()),
            fromHex("bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319"),
            std::size_t(viaFacade.size())))
        return false;
    unsigned char key[64];
    for (unsigned i = 0; i < sizeof key; ++i)
        key[i] = static_cast<unsigned char>(i);
    crypto_generichash(out, 64, nullptr, 0, key, sizeof key);
    return same(out,
        fromHex("10ebb67700b1868efb4417987acf4690ae9d972fb7a590c2f02871799aaa4786"
                "b5e996e8f0f4eb981fc214b005f42d2ff4233499391653df7aefcbc13fc51568"),
        64);
}

bool checkKdf()
{
    unsigned char master[crypto_kdf_KEYBYTES];
    for (unsigned i = 0; i < sizeof master; ++i)
        master[i] = static_cast<unsigned char>(i);
    unsigned char subkey[32];
    if (crypto_kdf_derive_from_key(subkey, sizeof subkey, 32, "KDF test", master) != 0)
        return false;
    return same(subkey, fromHex("154b291f11196737f8b7f491e4ca11764e0227d34f94295408a869f007aa8618"), 32);
}

bool checkXChaCha20Poly1305()
{
    unsigned char key[32];
    unsigned char nonce[24];
    for (unsigned i = 0; i < sizeof key; ++i)
        key[i] = static_cast<unsigned char>(0x80 + i);
    for (unsigned i = 0; i < sizeof nonce; ++i)
        nonce[i] = static_cast<unsigned char>(0x40 + i);
    const auto ad = fromHex("50515253c0c1c2c3c4c5c6c7");
    const std::string_view plaintext
        = "Ladies and Gentlemen of the class of '99: If I could offer you only one "
          "tip for the future, sunscreen would be it.";
    const auto expected = fromHex("bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb"
                                  "731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b452"
                                  "2f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff9"
                                  "21f9664c97637da9768812f615c68b13b52e"
                                  "c0875924c1c7987947deafd8780acf49"); // tag
    std::vector<unsigned char> cipher(plaintext.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES);
    unsigned long long cipherSize = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(cipher.data(), &cipherSize,
        reinterpret_cast<const unsigned char *>(plaintext.data()), plaintext.size(), ad.data(), ad.size(),
        nullptr, nonce, key);
    if (!same(cipher.data(), expected, std::size_t(cipherSize)))
        return false;
    std::vector<unsigned char> decrypted(plaintext.size());
    unsigned long long decryptedSize = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(decrypted.data(), &decryptedSize, nullptr, cipher.data(),
            cipher.size(), ad.data(), ad.size(), nonce, key)
            != 0
        || decryptedSize != plaintext.size()
        || std::memcmp(decrypted.data(), plaintext.data(), plaintext.size()) != 0)
        return false;
    cipher.back() ^= 1; // a flipped tag bit must be refused
    return crypto_aead_xchacha20poly1305_ietf_decrypt(decrypted.data(), &decryptedSize, nullptr,
               cipher.data(), cipher.size(), ad.data(), ad.size(), nonce, key)
        != 0;
}

struct Argon2Vector {
    std::string_view passwordHex;
    std::string_view saltHex; // libsodium reads the first 16 bytes
    unsigned long long opsLimit;
    std::size_t memLimit;
    std::string_view expectedHex;
};

bool checkArgon2id()
{
    static constexpr Argon2Vector vectors[] = {
        { "4a857e2ee8aa9b6056f2424e84d24a72473378906ee04a46cb05311502d5250b82ad86b83c8f20a23dbb74f6da60b0b6ec"
          "ffd6"
          "7134d45946ac8ebfb3064294bc097d43ced68642bfb8bbbdd0f50b30118f5e",
            "39d82eef32010b8b79cc5ba88ed539fbaba741100f2edbeca7cc171ffeabf258", 3, 1432947,
            "08d8cd330c57e1b4643241d05bb468ba4ee4e932cd0858816be9ef15360b27bbd06a87130ee92222be267a29b81f5ae8"
            "fe8613"
            "324cfc4832dc49387fd0602f1c57b4d0f3855db94fb7e12eb05f9a484aed4a4307abf586cd3d55c809bc081541e00b68"
            "2772fb"
            "2066504ff935b8ebc551a2083882f874bc0fae68e56848ae34c91097c3bf0cca8e75c0797eef3efde3f75e005815018d"
            "b3cf7c"
            "109a812264c4de69dcb22322dbbcfa447f5b00ecd1b04a7be1569c8e556adb7bba48adf81d" },
        { "b540beb016a5366524d4605156493f9874514a5aa58818cd0c6dfffaa9e90205f17b",
            "44071f6d181561670bda728d43fb79b443bb805afdebaf98622b5165e01b15fb", 1, 1631659,
            "7fb72409b0987f8190c3729710e98c3f80c5a8727d425fdcde7f3644d467fe973f5b5fee683bd3fce812cb9ae5e9921a"
            "2d06c2"
            "f1905e4e839692f2b934b682f11a2fe2b90482ea5dd234863516dba6f52dc0702d324ec77d860c2e181f84472bd7104f"
            "edce07"
            "1ffa93c5309494ad51623d214447a7b2b1462dc7d5d55a1f6fd5b54ce024118d86f0c6489d16545aaa87b6689dad9f2f"
            "b47fda"
            "9894f8e12b87d978b483ccd4cc5fd9595cdc7a818452f915ce2f7df95ec12b1c72e3788d473441d884f9748eb14703c2"
            "1b45d8"
            "2fd667b85f5b2d98c13303b3fe76285531a826b6fc0fe8e3dddecf" },
    };
    for (const auto &v : vectors) {
        const auto password = fromHex(v.passwordHex);
        const auto salt = fromHex(v.saltHex);
        const auto expected = fromHex(v.expectedHex);
        if (password.empty() || salt.size() < crypto_pwhash_argon2id_SALTBYTES || expected.empty())
            return false;
        std::vector<unsigned char> out(expected.size());
        if (crypto_pwhash(out.data(), out.size(), reinterpret_cast<const char *>(password.data()),
                password.size(), salt.data(), v.opsLimit, v.memLimit, crypto_pwhash_ALG_ARGON2ID13)
            != 0)
            return false;
        if (!same(out.data(), expected, out.size()))
            return false;
    }
    return true;
}

struct Ed25519Vector {
    std::string_view seedHex;
    std::string_view publicHex;
    std::string_view messageHex;
    std::string_view signatureHex;
};

bool checkEd25519()
{
    static constexpr Ed25519Vector vectors[] = {
        { "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46b"
            "d25bf5f0"
            "595bbe24655141438e7a100b" },
        { "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
            "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c"
            "387b2eae"
            "b4302aeeb00d291612bb0c00" },
    };
    for (const auto &v : vectors) {
        const auto seed = fromHex(v.seedHex);
        const auto expectedPublic = fromHex(v.publicHex);
        const auto message = fromHex(v.messageHex);
        const auto expectedSignature = fromHex(v.signatureHex);
        if (seed.size() != crypto_sign_SEEDBYTES)
            return false;
        unsigned char publicKey[crypto_sign_PUBLICKEYBYTES];
        SecureBytes secretKey(crypto_sign_SECRETKEYBYTES);
        crypto_sign_seed_keypair(publicKey, secretKey.data(), seed.data());
        if (!same(publicKey, expectedPublic, sizeof publicKey))
            return false;
        // Through the facade, so its size checks and argument order are covered too.
        const QByteArrayView messageView(
            reinterpret_cast<const char *>(message.data()), qsizetype(message.size()));
        const QByteArray signature = sign(secretKey, messageView);
        if (!same(reinterpret_cast<const unsigned char *>(signature.constData()), expectedSignature,
                std::size_t(signature.size())))
            return false;
        const QByteArrayView publicView(reinterpret_cast<const char *>(publicKey), sizeof publicKey);
        if (!verify(publicView, messageView, signature))
            return false;
        QByteArray forged = signature;
        forged[0] = char(forged[0] ^ 1);
        if (verify(publicView, messageView, forged))
            return false;
    }
    return true;
}

bool checkX25519()
{
    const auto alicePrivate = fromHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
    const auto alicePublic = fromHex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
    const auto bobPrivate = fromHex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
    const auto bobPublic = fromHex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
    const auto shared = fromHex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
    if (alicePrivate.size() != 32 || bobPrivate.size() != 32 || alicePublic.size() != 32
        || bobPublic.size() != 32)
        return false;
    unsigned char out[32];
    if (crypto_scalarmult_base(out, alicePrivate.data()) != 0 || !same(out, alicePublic, 32))
        return false;
    if (crypto_scalarmult_base(out, bobPrivate.data()) != 0 || !same(out, bobPublic, 32))
        return false;
    if (crypto_scalarmult(out, alicePrivate.data(), bobPublic.data()) != 0 || !same(out, shared, 32))
        return false;
    return crypto_scalarmult(out, bobPrivate.data(), alicePublic.data()) == 0 && same(out, shared, 32);
}

bool checkSealedBox()
{
    const BoxKeyPair recipient = generateBoxKeyPair();
    const SecureBytes secret = SecureBytes::random(kKeyBytes);
    QByteArray sealed = sealToPublicKey(recipient.publicKey, secret);
    const auto opened = openSealed(recipient, sealed);
    if (!opened.ok() || !opened.value().equals(secret))
        return false;
    sealed[sealed.size() - 1] = char(sealed[sealed.size() - 1] ^ 1);
    return openSealed(recipient, sealed).code() == ErrorCode::Tampered;
}

bool checkSecretStream()
{
    using State = crypto_secretstream_xchacha20poly1305_state;
    constexpr auto kAbytes = crypto_secretstream_xchacha20poly1305_ABYTES;
    const SecureBytes key = SecureBytes::random(crypto_secretstream_xchacha20poly1305_KEYBYTES);
    const unsigned char first[] = "first chunk";
    const unsigned char last[] = "last";
    unsigned char header[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
    unsigned char c1[sizeof first + kAbytes];
    unsigned char c2[sizeof last + kAbytes];
    State push;
    crypto_secretstream_xchacha20poly1305_init_push(&push, header, key.data());
    crypto_secretstream_xchacha20poly1305_push(&push, c1, nullptr, first, sizeof first, nullptr, 0,
        crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
    crypto_secretstream_xchacha20poly1305_push(
        &push, c2, nullptr, last, sizeof last, nullptr, 0, crypto_secretstream_xchacha20poly1305_TAG_FINAL);
    sodium_memzero(&push, sizeof push);

    State pull;
    unsigned char m1[sizeof first];
    unsigned char m2[sizeof last];
    unsigned char tag1 = 0;
    unsigned char tag2 = 0;
    bool ok = crypto_secretstream_xchacha20poly1305_init_pull(&pull, header, key.data()) == 0
        && crypto_secretstream_xchacha20poly1305_pull(&pull, m1, nullptr, &tag1, c1, sizeof c1, nullptr, 0)
            == 0
        && crypto_secretstream_xchacha20poly1305_pull(&pull, m2, nullptr, &tag2, c2, sizeof c2, nullptr, 0)
            == 0
        && tag1 == crypto_secretstream_xchacha20poly1305_TAG_MESSAGE
        && tag2 == crypto_secretstream_xchacha20poly1305_TAG_FINAL
        && std::memcmp(m1, first, sizeof first) == 0 && std::memcmp(m2, last, sizeof last) == 0;
    // Chunks out of order must be refused.
    ok = ok && crypto_secretstream_xchacha20poly1305_init_pull(&pull, header, key.data()) == 0
        && crypto_secretstream_xchacha20poly1305_pull(&pull, m2, nullptr, &tag2, c2, sizeof c2, nullptr, 0)
            != 0;
    sodium_memzero(&pull, sizeof pull);
    return ok;
}

bool checkRandom()
{
    // Catches a random source that returns a constant (e.g. all zeros).
    unsigned char a[32];
    unsigned char b[32];
    randombytes_buf(a, sizeof a);
    randombytes_buf(b, sizeof b);
    return std::memcmp(a, b, sizeof a) != 0 && !sodium_is_zero(a, sizeof a);
}

} // namespace

Status selfTest()
{
    struct Check {
        const char *name;
        bool (*run)();
    };
    static constexpr Check checks[] = {
        { "random", checkRandom },
        { "blake2b", checkBlake2b },
        { "kdf", checkKdf },
        { "xchacha20poly1305", checkXChaCha20Poly1305 },
        { "argon2id", checkArgon2id },
        { "ed25519", checkEd25519 },
        { "x25519", checkX25519 },
        { "sealed-box", checkSealedBox },
        { "secretstream", checkSecretStream },
    };
    if (sodium_init() < 0) {
        qCWarning(lcCrypto) << "crypto self-test failed: sodium_init";
        return makeError(ErrorCode::CryptoSelfTestFailed, QStringLiteral("sodium_init"));
    }
    for (const Check &check : checks) {
        if (!check.run()) {
            qCWarning(lcCrypto) << "crypto self-test failed:" << check.name;
            return makeError(ErrorCode::CryptoSelfTestFailed, QString::fromLatin1(check.name));
        }
    }
    return {};
}

Status initialize()
{
    static std::atomic<bool> passed { false };
    static std::mutex mutex;
    if (passed.load(std::memory_order_acquire))
        return {};
    // Serialised so concurrent first callers run the test once; a failure is
    // not cached, so a transient one (memory for Argon2id) can be retried.
    const std::lock_guard lock(mutex);
    if (passed.load(std::memory_order_relaxed))
        return {};
    if (sodium_init() < 0) {
        qCWarning(lcCrypto) << "sodium_init failed";
        return makeError(ErrorCode::CryptoSelfTestFailed, QStringLiteral("sodium_init"));
    }
    const Status status = selfTest();
    if (status.ok())
        passed.store(true, std::memory_order_release);
    return status;
}

} // namespace samla::crypto
