// Request signatures: every sync request carries the device's Ed25519 signature over what it asks.
#pragma once

#include "platform/core/result.h"
#include "platform/crypto/securebytes.h"

#include <QByteArray>

#include <cstdint>

namespace samla::protocol {

// HTTP header names. Values are lowercase hex except the time (decimal ms).
inline constexpr char kHeaderDevice[] = "Samla-Device";       // Ed25519 public key, 64 hex
inline constexpr char kHeaderTime[] = "Samla-Time";           // sender's wall clock, ms since epoch
inline constexpr char kHeaderNonce[] = "Samla-Nonce";         // 16 random bytes, 32 hex
inline constexpr char kHeaderSignature[] = "Samla-Signature"; // 128 hex

// How far a request's time may be from the server's clock; nonces are
// remembered at least this long, so a replay is refused inside the window
// and a stale time outside it.
inline constexpr std::int64_t kRequestWindowMs = 5 * 60 * 1000;

struct RequestAuth {
    QByteArray device;    // 32 bytes
    std::int64_t timeMs = 0;
    QByteArray nonce;     // 16 bytes
    QByteArray signature; // 64 bytes
};

// What is signed: a context, the method, the full target (path and query),
// the time, the nonce and the BLAKE2b-256 of the body, so nothing of the
// request can be changed or moved to another path.
QByteArray requestSigningBytes(const QByteArray &method, const QByteArray &target, std::int64_t timeMs,
                               const QByteArray &nonce, QByteArrayView body);

// Signs a request with a fresh nonce.
RequestAuth signRequest(const QByteArray &devicePublicKey, const crypto::SecureBytes &deviceSecretKey,
                        const QByteArray &method, const QByteArray &target, std::int64_t timeMs,
                        QByteArrayView body);

// Parses the four header values; Corrupt when one is missing or malformed.
[[nodiscard]] Result<RequestAuth> parseRequestAuth(const QByteArray &device, const QByteArray &time,
                                                   const QByteArray &nonce, const QByteArray &signature);

// Only the signature; the time window and nonce are the server's to check.
bool verifyRequestSignature(const RequestAuth &auth, const QByteArray &method, const QByteArray &target,
                            QByteArrayView body);

} // namespace samla::protocol
