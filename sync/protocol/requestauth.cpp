#include "requestauth.h"

#include "canonicalcbor.h"
#include "messages.h"
#include "strictcbor.h"

#include <QCborMap>

namespace samla::protocol {

namespace {

constexpr std::int64_t kMaxTtlMs = 24LL * 3600 * 1000;
constexpr qsizetype kMaxAuthMessage = 1024;

QCborMap versioned()
{
    QCborMap m;
    m.insert(QStringLiteral("v"), kMessageVersion);
    return m;
}

Result<QCborMap> decodeAuthMap(QByteArrayView bytes, const char *what)
{
    auto value = decodeStrict(bytes, { kMaxAuthMessage });
    if (!value.ok())
        return value.error();
    if (!value->isMap())
        return makeError(ErrorCode::Corrupt, QStringLiteral("%1 is not a map").arg(QLatin1String(what)));
    QCborMap m = value->toMap();
    auto version = MapReader(m, what).integer(QStringLiteral("v"), kMessageVersion, kMessageVersion);
    if (!version.ok())
        return version.error();
    return m;
}

} // namespace

QByteArray sessionProofBytes(
    const QByteArray &serverId, const QByteArray &device, const QByteArray &challenge)
{
    return QByteArrayLiteral("samla-session-v1") + serverId + device + challenge;
}

QByteArray ChallengeRequest::encode() const
{
    QCborMap m = versioned();
    m.insert(QStringLiteral("device"), device);
    return encodeCanonical(m);
}

Result<ChallengeRequest> ChallengeRequest::decode(QByteArrayView bytes)
{
    auto m = decodeAuthMap(bytes, "challenge request");
    if (!m.ok())
        return m.error();
    MapReader r(m.value(), "challenge request");
    SAMLA_TRY(r.onlyKeys({ "v", "device" }));
    auto device = r.bytes(QStringLiteral("device"), 32, 32);
    if (!device.ok())
        return device.error();
    return ChallengeRequest { device.value() };
}

QByteArray ChallengeResponse::encode() const
{
    QCborMap m = versioned();
    m.insert(QStringLiteral("challenge"), challenge);
    m.insert(QStringLiteral("ttl"), qint64(ttlMs));
    return encodeCanonical(m);
}

Result<ChallengeResponse> ChallengeResponse::decode(QByteArrayView bytes)
{
    auto m = decodeAuthMap(bytes, "challenge");
    if (!m.ok())
        return m.error();
    MapReader r(m.value(), "challenge");
    SAMLA_TRY(r.onlyKeys({ "v", "challenge", "ttl" }));
    auto challenge = r.bytes(QStringLiteral("challenge"), kChallengeBytes, kChallengeBytes);
    if (!challenge.ok())
        return challenge.error();
    auto ttl = r.integer(QStringLiteral("ttl"), 1, kMaxTtlMs);
    if (!ttl.ok())
        return ttl.error();
    return ChallengeResponse { challenge.value(), ttl.value() };
}

QByteArray SessionRequest::encode() const
{
    QCborMap m = versioned();
    m.insert(QStringLiteral("device"), device);
    m.insert(QStringLiteral("challenge"), challenge);
    m.insert(QStringLiteral("sig"), signature);
    return encodeCanonical(m);
}

Result<SessionRequest> SessionRequest::decode(QByteArrayView bytes)
{
    auto m = decodeAuthMap(bytes, "session request");
    if (!m.ok())
        return m.error();
    MapReader r(m.value(), "session request");
    SAMLA_TRY(r.onlyKeys({ "v", "device", "challenge", "sig" }));
    auto device = r.bytes(QStringLiteral("device"), 32, 32);
    auto challenge = r.bytes(QStringLiteral("challenge"), kChallengeBytes, kChallengeBytes);
    auto sig = r.bytes(QStringLiteral("sig"), 64, 64);
    for (const auto *field : { &device, &challenge, &sig })
        if (!field->ok())
            return field->error();
    return SessionRequest { device.value(), challenge.value(), sig.value() };
}

QByteArray SessionResponse::encode() const
{
    QCborMap m = versioned();
    m.insert(QStringLiteral("token"), token);
    m.insert(QStringLiteral("ttl"), qint64(ttlMs));
    return encodeCanonical(m);
}

Result<SessionResponse> SessionResponse::decode(QByteArrayView bytes)
{
    auto m = decodeAuthMap(bytes, "session");
    if (!m.ok())
        return m.error();
    MapReader r(m.value(), "session");
    SAMLA_TRY(r.onlyKeys({ "v", "token", "ttl" }));
    auto token = r.bytes(QStringLiteral("token"), kSessionTokenBytes, kSessionTokenBytes);
    if (!token.ok())
        return token.error();
    auto ttl = r.integer(QStringLiteral("ttl"), 1, kMaxTtlMs);
    if (!ttl.ok())
        return ttl.error();
    return SessionResponse { token.value(), ttl.value() };
}

QByteArray parseBearer(const QByteArray &authorization)
{
    const qsizetype prefix = qsizetype(sizeof kBearerPrefix) - 1;
    if (authorization.size() != prefix + 2 * kSessionTokenBytes || !authorization.startsWith(kBearerPrefix))
        return {};
    // Strict lowercase hex: QByteArray::fromHex skips junk, which would let
    // two header values name the same token.
    for (qsizetype i = prefix; i < authorization.size(); ++i) {
        const char c = authorization.at(i);
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return {};
    }
    return QByteArray::fromHex(authorization.mid(prefix));
}

} // namespace samla::protocol
