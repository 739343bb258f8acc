// Session authentication: a device proves its Ed25519 key once (challenge-response) and sends a short-lived
// bearer token.
#pragma once

#include "platform/core/result.h"

#include <QByteArray>

#include <cstdint>

namespace samla::protocol {

// POST /v1/session/challenge {device} -> {challenge, ttl}
// POST /v1/session {device, challenge, sig} -> {token, ttl}
// then every other request (but /v1/health and /v1/enrol) carries
//   Authorization: Bearer <64 lowercase hex>
inline constexpr qsizetype kChallengeBytes = 32;
inline constexpr qsizetype kSessionTokenBytes = 32;
inline constexpr char kBearerPrefix[] = "Bearer ";

// What a device signs to open a session: a context, the id of the server it
// believes it talks to (the SHA-256 of the certificate it pinned), its own
// key and the server's challenge. A signature made for one server is
// worthless to another, and for any other Samla signature (envelopes, grants,
// enrolment proofs), whose contexts differ.
QByteArray sessionProofBytes(
    const QByteArray &serverId, const QByteArray &device, const QByteArray &challenge);

struct ChallengeRequest {
    QByteArray device; // Ed25519 public key, 32 bytes

    QByteArray encode() const;
    [[nodiscard]] static Result<ChallengeRequest> decode(QByteArrayView bytes);
};

struct ChallengeResponse {
    QByteArray challenge; // 32 random bytes, single use
    std::int64_t ttlMs = 0; // how long it may be answered

    QByteArray encode() const;
    [[nodiscard]] static Result<ChallengeResponse> decode(QByteArrayView bytes);
};

struct SessionRequest {
    QByteArray device; // 32 bytes
    QByteArray challenge; // 32 bytes, as issued to this device
    QByteArray signature; // 64 bytes over sessionProofBytes()

    QByteArray encode() const;
    [[nodiscard]] static Result<SessionRequest> decode(QByteArrayView bytes);
};

// The token travels once in this answer, then only in Authorization headers.
// Its lifetime is relative (ttlMs), so device and server clocks need not agree.
struct SessionResponse {
    QByteArray token; // 32 random bytes
    std::int64_t ttlMs = 0;

    QByteArray encode() const;
    [[nodiscard]] static Result<SessionResponse> decode(QByteArrayView bytes);
};

// The token of an Authorization header value ("Bearer " and exactly 64
// lowercase hex digits); empty when it is missing or malformed.
QByteArray parseBearer(const QByteArray &authorization);

} // namespace samla::protocol
