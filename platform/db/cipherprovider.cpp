#include "cipherprovider.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/params.h>
#include <sodium.h>
#include <sqlcipher/sqlite3.h>

#include <array>
#include <cstring>
#include <mutex>
#include <new>

// SQLCipher 3.4's provider interface. Debian ships no header for it; the
// layout is that of src/crypto.h in SQLCipher 3.4 (fips_status at 0x90 and
// get_provider_version at 0x98, as libsqlcipher.so.0's own accessors read them).
extern "C" {
struct sqlcipher_provider {
    int (*activate)(void *ctx);
    int (*deactivate)(void *ctx);
    const char *(*get_provider_name)(void *ctx);
    int (*add_random)(void *ctx, void *buffer, int length);
    int (*random)(void *ctx, void *buffer, int length);
    int (*hmac)(void *ctx, unsigned char *hmac_key, int key_sz, unsigned char *in, int in_sz, unsigned char *in2,
                int in2_sz, unsigned char *out);
    int (*kdf)(void *ctx, const unsigned char *pass, int pass_sz, unsigned char *salt, int salt_sz, int workfactor,
               int key_sz, unsigned char *key);
    int (*cipher)(void *ctx, int mode, unsigned char *key, int key_sz, unsigned char *iv, unsigned char *in, int in_sz,
                  unsigned char *out);
    int (*set_cipher)(void *ctx, const char *cipher_name);
    const char *(*get_cipher)(void *ctx);
    int (*get_key_sz)(void *ctx);
    int (*get_iv_sz)(void *ctx);
    int (*get_block_sz)(void *ctx);
    int (*get_hmac_sz)(void *ctx);
    int (*ctx_copy)(void *target_ctx, void *source_ctx);
    int (*ctx_cmp)(void *c1, void *c2);
    int (*ctx_init)(void **ctx);
    int (*ctx_free)(void **ctx);
    int (*fips_status)(void *ctx);
    const char *(*get_provider_version)(void *ctx);
};
static_assert(sizeof(sqlcipher_provider) == 20 * sizeof(void *));

int sqlcipher_register_provider(sqlcipher_provider *p);
sqlcipher_provider *sqlcipher_get_provider();
void *sqlcipher_malloc(int sz);
}

namespace samla::db {

namespace {

constexpr int kKeyBytes = 32;   // AES-256
constexpr int kIvBytes = 16;
constexpr int kBlockBytes = 16;
constexpr int kMacBytes = 20;   // HMAC-SHA1
constexpr int kEncrypt = 1;     // SQLCipher's CIPHER_ENCRYPT; CIPHER_DECRYPT is 0

struct Algorithms {
    EVP_CIPHER *aes = nullptr;
    EVP_MAC *hmac = nullptr;
};

// Fetched once for the process (OpenSSL 3 otherwise resolves them by name
// on every use). Never freed: they live as long as libcrypto.
const Algorithms &algorithms()
{
    static const Algorithms fetched = [] {
        Algorithms a;
        a.aes = EVP_CIPHER_fetch(nullptr, "AES-256-CBC", nullptr);
        a.hmac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
        return a;
    }();
    return fetched;
}

// One per SQLCipher cipher context (a connection has one for reading and one
// for writing). SQLCipher serialises the use of each. Lives in sodium_malloc
// memory (locked, guarded, wiped when freed) because it keeps a copy of the
// keys, to notice when SQLCipher hands in another one (a rekey).
struct ProviderContext {
    EVP_CIPHER_CTX *cipher[2] = {nullptr, nullptr};   // [mode]: 0 decrypts, 1 encrypts
    std::array<unsigned char, kKeyBytes> cipherKey[2] = {};
    bool cipherKeyed[2] = {false, false};
    EVP_MAC_CTX *mac = nullptr;
    std::array<unsigned char, kKeyBytes> macKey = {};
    bool macKeyed = false;

    void forgetKeys()
    {
        for (int mode = 0; mode < 2; ++mode) {
            EVP_CIPHER_CTX_free(cipher[mode]);   // cleanses the key schedule
            cipher[mode] = nullptr;
            cipherKeyed[mode] = false;
            sodium_memzero(cipherKey[mode].data(), cipherKey[mode].size());
        }
        EVP_MAC_CTX_free(mac);                    // cleanses the HMAC states
        mac = nullptr;
        macKeyed = false;
        sodium_memzero(macKey.data(), macKey.size());
    }
};

int status(bool ok) { return ok ? SQLITE_OK : SQLITE_ERROR; }

int activate(void *) { return SQLITE_OK; }
int deactivate(void *) { return SQLITE_OK; }
const char *providerName(void *) { return kCipherProviderName; }
// Entropy comes from the operating system (below); nothing to add to.
int addRandom(void *, void *, int) { return SQLITE_OK; }

// Fills each page's IV (and the rest of its reserved bytes) from the
// operating system's CSPRNG.
int randomBytes(void *, void *buffer, int length)
{
    if (!buffer || length < 0)
        return SQLITE_ERROR;
    randombytes_buf(buffer, std::size_t(length));
    return SQLITE_OK;
}

// HMAC-SHA1 over in || in2. The keyed inner and outer states are computed
// once per key; each page restarts from them.
int pageHmac(void *vctx, unsigned char *key, int keySize, unsigned char *in, int inSize, unsigned char *in2,
             int in2Size, unsigned char *out)
{
    auto *c = static_cast<ProviderContext *>(vctx);
    if (!c || !key || keySize != kKeyBytes || !in || inSize < 0 || in2Size < 0 || !out)
        return SQLITE_ERROR;
    if (!c->macKeyed || CRYPTO_memcmp(c->macKey.data(), key, kKeyBytes) != 0) {
        c->macKeyed = false;
        if (!c->mac)
            c->mac = EVP_MAC_CTX_new(algorithms().hmac);
        char digest[] = "SHA1";
        const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                                     OSSL_PARAM_construct_end()};
        if (!c->mac || EVP_MAC_init(c->mac, key, kKeyBytes, params) != 1)
            return SQLITE_ERROR;
        std::memcpy(c->macKey.data(), key, kKeyBytes);
        c->macKeyed = true;
    } else if (EVP_MAC_init(c->mac, nullptr, 0, nullptr) != 1) {   // back to the keyed start
        return SQLITE_ERROR;
    }
    std::size_t written = 0;
    return status(EVP_MAC_update(c->mac, in, std::size_t(inSize)) == 1
                  && (!in2 || EVP_MAC_update(c->mac, in2, std::size_t(in2Size)) == 1)
                  && EVP_MAC_final(c->mac, out, &written, kMacBytes) == 1 && written == kMacBytes);
}

// Only used when a key is set: SQLCipher derives the HMAC key from the
// database key with PBKDF2-HMAC-SHA1 (2 iterations for a raw key).
int kdf(void *, const unsigned char *pass, int passSize, unsigned char *salt, int saltSize, int workfactor,
        int keySize, unsigned char *key)
{
    return status(PKCS5_PBKDF2_HMAC(reinterpret_cast<const char *>(pass), passSize, salt, saltSize, workfactor,
                                    EVP_sha1(), keySize, key)
                  == 1);
}

// AES-256-CBC without padding over whole blocks. The key schedule is made
// once per key and direction; each page only loads its IV.
int pageCipher(void *vctx, int mode, unsigned char *key, int keySize, unsigned char *iv, unsigned char *in,
               int inSize, unsigned char *out)
{
    auto *c = static_cast<ProviderContext *>(vctx);
    if (!c || !key || keySize != kKeyBytes || !iv || !in || !out || (mode != 0 && mode != kEncrypt) || inSize <= 0
        || inSize % kBlockBytes != 0)
        return SQLITE_ERROR;
    EVP_CIPHER_CTX *&e = c->cipher[mode];
    if (!c->cipherKeyed[mode] || CRYPTO_memcmp(c->cipherKey[mode].data(), key, kKeyBytes) != 0) {
        c->cipherKeyed[mode] = false;
        if (!e)
            e = EVP_CIPHER_CTX_new();
        if (!e || EVP_CipherInit_ex2(e, algorithms().aes, key, iv, mode, nullptr) != 1
            || EVP_CIPHER_CTX_set_padding(e, 0) != 1)
            return SQLITE_ERROR;
        std::memcpy(c->cipherKey[mode].data(), key, kKeyBytes);
        c->cipherKeyed[mode] = true;
    } else if (EVP_CipherInit_ex2(e, nullptr, nullptr, iv, mode, nullptr) != 1
               || EVP_CIPHER_CTX_set_padding(e, 0) != 1) {   // never pad past the page's data
        return SQLITE_ERROR;
    }
    int n = 0;
    int tail = 0;
    return status(EVP_CipherUpdate(e, out, &n, in, inSize) == 1 && EVP_CipherFinal_ex(e, out + n, &tail) == 1
                  && n + tail == inSize);
}

// AES-256-CBC is the only cipher (SQLCipher's default, and what the file says).
int setCipher(void *, const char *name) { return status(name && sqlite3_stricmp(name, "aes-256-cbc") == 0); }
const char *cipherName(void *) { return "aes-256-cbc"; }
int keySize(void *) { return kKeyBytes; }
int ivSize(void *) { return kIvBytes; }
int blockSize(void *) { return kBlockBytes; }
int hmacSize(void *) { return kMacBytes; }

int contextCopy(void *target, void *)
{
    // No settings to copy; the keys are SQLCipher's and come with each call.
    static_cast<ProviderContext *>(target)->forgetKeys();
    return SQLITE_OK;
}

int contextCompare(void *, void *) { return 1; }   // always the same cipher

int contextInit(void **ctx)
{
    void *memory = sodium_malloc(sizeof(ProviderContext));
    if (!memory)
        return SQLITE_NOMEM;
    *ctx = new (memory) ProviderContext;
    return SQLITE_OK;
}

int contextFree(void **ctx)
{
    if (auto *c = static_cast<ProviderContext *>(*ctx)) {
        c->forgetKeys();
        c->~ProviderContext();
        sodium_free(c);
    }
    *ctx = nullptr;
    return SQLITE_OK;
}

int fipsStatus(void *) { return EVP_default_properties_is_fips_enabled(nullptr); }
const char *providerVersion(void *) { return OpenSSL_version(OPENSSL_VERSION); }

const sqlcipher_provider kProvider = {
    activate,    deactivate,   providerName, addRandom,   randomBytes,    pageHmac,       kdf,
    pageCipher,  setCipher,    cipherName,   keySize,     ivSize,         blockSize,      hmacSize,
    contextCopy, contextCompare, contextInit, contextFree, fipsStatus,    providerVersion,
};

// Known answers before first use: pages this provider writes must be what
// SQLCipher's own provider (a fresh OpenSSL context per page) writes, and
// reading back must work, including after the contexts were reused.
bool selfTest()
{
    const Algorithms &a = algorithms();
    if (!a.aes || !a.hmac)
        return false;
    unsigned char key[kKeyBytes];
    unsigned char macKey[kKeyBytes];
    unsigned char plain[256];
    unsigned char iv[2][kIvBytes];
    for (int i = 0; i < kKeyBytes; ++i) {
        key[i] = static_cast<unsigned char>(i * 7 + 1);
        macKey[i] = static_cast<unsigned char>(0xa5 ^ i);
    }
    for (int i = 0; i < int(sizeof plain); ++i)
        plain[i] = static_cast<unsigned char>(i * 13);
    for (int i = 0; i < kIvBytes; ++i) {
        iv[0][i] = static_cast<unsigned char>(i);
        iv[1][i] = static_cast<unsigned char>(0xf0 - i);
    }
    void *ctx = nullptr;
    if (contextInit(&ctx) != SQLITE_OK)
        return false;
    bool ok = true;
    unsigned char pgno[4] = {3, 0, 0, 0};
    for (int round = 0; round < 2 && ok; ++round) {   // the second round reuses the keyed contexts
        unsigned char sealed[sizeof plain];
        unsigned char opened[sizeof plain];
        unsigned char expected[sizeof plain];
        unsigned char mac[kMacBytes];
        unsigned char expectedMac[EVP_MAX_MD_SIZE];
        unsigned int expectedMacSize = 0;
        int n = 0;
        int tail = 0;
        EVP_CIPHER_CTX *fresh = EVP_CIPHER_CTX_new();
        ok = fresh && EVP_CipherInit_ex2(fresh, a.aes, key, iv[round], kEncrypt, nullptr) == 1
             && EVP_CIPHER_CTX_set_padding(fresh, 0) == 1
             && EVP_CipherUpdate(fresh, expected, &n, plain, int(sizeof plain)) == 1
             && EVP_CipherFinal_ex(fresh, expected + n, &tail) == 1;
        EVP_CIPHER_CTX_free(fresh);
        unsigned char macInput[sizeof plain + sizeof pgno];
        std::memcpy(macInput, expected, sizeof plain);
        std::memcpy(macInput + sizeof plain, pgno, sizeof pgno);
        ok = ok && HMAC(EVP_sha1(), macKey, kKeyBytes, macInput, sizeof macInput, expectedMac, &expectedMacSize)
             && expectedMacSize == kMacBytes;
        ok = ok && pageCipher(ctx, kEncrypt, key, kKeyBytes, iv[round], plain, int(sizeof plain), sealed) == SQLITE_OK
             && std::memcmp(sealed, expected, sizeof plain) == 0
             && pageHmac(ctx, macKey, kKeyBytes, sealed, int(sizeof sealed), pgno, int(sizeof pgno), mac) == SQLITE_OK
             && std::memcmp(mac, expectedMac, kMacBytes) == 0
             && pageCipher(ctx, 0, key, kKeyBytes, iv[round], sealed, int(sizeof sealed), opened) == SQLITE_OK
             && std::memcmp(opened, plain, sizeof plain) == 0;
    }
    contextFree(&ctx);
    sodium_memzero(key, sizeof key);
    sodium_memzero(macKey, sizeof macKey);
    return ok;
}

// The provider Samla registered last. Compared, never dereferenced: SQLCipher
// frees its registered provider when its last keyed connection closes.
sqlcipher_provider *g_registered = nullptr;

} // namespace

std::mutex &cipherProviderMutex()
{
    static std::mutex mutex;
    return mutex;
}

Status installCipherProviderLocked()
{
    static const bool passed = selfTest();
    if (!passed)
        return makeError(ErrorCode::Internal, QStringLiteral("page encryption self-test failed"));
    if (g_registered && sqlcipher_get_provider() == g_registered)
        return {};
    if (sqlite3_initialize() != SQLITE_OK)
        return makeError(ErrorCode::Internal, QStringLiteral("SQLCipher did not initialise"));
    // SQLCipher frees the registered provider with sqlcipher_free, so it must
    // come from sqlcipher_malloc.
    auto *p = static_cast<sqlcipher_provider *>(sqlcipher_malloc(int(sizeof(sqlcipher_provider))));
    if (!p)
        return makeError(ErrorCode::Internal, QStringLiteral("out of memory"));
    *p = kProvider;
    sqlcipher_register_provider(p);
    g_registered = p;
    return {};
}

Status installCipherProvider()
{
    std::lock_guard lock(cipherProviderMutex());
    return installCipherProviderLocked();
}

} // namespace samla::db
