#include "requestauth.h"

#include "platform/crypto/crypto.h"

namespace samla::protocol {

namespace {

// Strict lowercase hex of an exact size: QByteArray::fromHex skips junk,
// which would let two different header values mean the same key.
bool strictHex(const QByteArray &text, qsizetype bytes, QByteArray *out)
{
    if (text.size() != bytes * 2)
        return false;
    for (char c : text)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    *out = QByteArray::fromHex(text);
    return true;
}

} // namespace

QByteArray requestSigningBytes(const QByteArray &method, const QByteArray &target, std::int64_t timeMs,
                               const QByteArray &nonce, QByteArrayView body)
{
    QByteArray m = QByteArrayLiteral("samla-request-v1\n");
    m += method + '\n' + target + '\n' + QByteArray::number(qint64(timeMs)) + '\n' + nonce.toHex() + '\n'
        + crypto::hash(body).toHex();
    return m;
}

RequestAuth signRequest(const QByteArray &devicePublicKey, const crypto::SecureBytes &deviceSecretKey,
                        const QByteArray &method, const QByteArray &target, std::int64_t timeMs,
                        QByteArrayView body)
{
    RequestAuth a;
    a.device = devicePublicKey;
    a.timeMs = timeMs;
    a.nonce = crypto::randomBytes(16);
    a.signature = crypto::sign(deviceSecretKey, requestSigningBytes(method, target, timeMs, a.nonce, body));
    return a;
}

Result<RequestAuth> parseRequestAuth(const QByteArray &device, const QByteArray &time, const QByteArray &nonce,
                                     const QByteArray &signature)
{
    RequestAuth a;
    if (!strictHex(device, 32, &a.device) || !strictHex(nonce, 16, &a.nonce)
        || !strictHex(signature, 64, &a.signature))
        return makeError(ErrorCode::Corrupt, QStringLiteral("request authentication headers malformed"));
    if (time.isEmpty() || time.size() > 15)
        return makeError(ErrorCode::Corrupt, QStringLiteral("request time malformed"));
    for (char c : time)
        if (c < '0' || c > '9')
            return makeError(ErrorCode::Corrupt, QStringLiteral("request time malformed"));
    a.timeMs = time.toLongLong();
    return a;
}

bool verifyRequestSignature(const RequestAuth &auth, const QByteArray &method, const QByteArray &target,
                            QByteArrayView body)
{
    return crypto::verify(auth.device, requestSigningBytes(method, target, auth.timeMs, auth.nonce, body),
                          auth.signature);
}

} // namespace samla::protocol
