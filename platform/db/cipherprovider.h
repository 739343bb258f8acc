// Samla's page-crypto provider for SQLCipher: the same page format, with keys set up once per connection.
#pragma once

#include "platform/core/result.h"

#include <mutex>

namespace samla::db {

// What PRAGMA cipher_provider answers on a connection that uses it.
inline constexpr const char *kCipherProviderName = "samla-openssl";

// Makes SQLCipher use Samla's provider for every connection keyed after this
// call. Safe to call from any thread, and again before each open: SQLCipher
// forgets its provider when its last keyed connection closes.
//
// The page format does not change (AES-256-CBC with a random IV per page
// write, HMAC-SHA1 over ciphertext, IV and page number, PBKDF2-HMAC-SHA1 for
// the HMAC key), so Debian's sqlcipher shell and SQLCipher's own provider
// read what this one writes and the other way round. What changes is the
// work around each page: SQLCipher 3.4's OpenSSL provider creates an
// EVP_CIPHER_CTX and an HMAC_CTX for every page and sets up both keys
// (AES key schedule, HMAC inner and outer SHA-1 states) from scratch, and
// OpenSSL 3 looks the algorithms up again each time. This provider looks
// them up once, keeps one keyed cipher context per direction and one keyed
// HMAC state per connection, and only loads the page's IV.
[[nodiscard]] Status installCipherProvider();

// For Database: held while a connection is keyed (SQLCipher takes up the
// registered provider) or closed (the last close frees it), so that
// registering never races either. installCipherProviderLocked() expects it held.
std::mutex &cipherProviderMutex();
[[nodiscard]] Status installCipherProviderLocked();

} // namespace samla::db
