#include "sessions.h"

#include "platform/crypto/crypto.h"
#include "sync/protocol/requestauth.h"

#include <QtEndian>

namespace samla::server {

template <class Map> void SessionTable::dropOldestOf(Map &map, const QByteArray &device, int keep)
{
    // Per-device caps are small (a handful), so a scan is cheap next to a
    // signature check, and the table stays bounded by devices x cap.
    for (;;) {
        int count = 0;
        auto oldest = map.end();
        for (auto it = map.begin(); it != map.end(); ++it) {
            if (it->device != device)
                continue;
            ++count;
            if (oldest == map.end() || it->issuedMs < oldest->issuedMs)
                oldest = it;
        }
        if (count < keep || oldest == map.end())
            return;
        map.erase(oldest);
    }
}

void SessionTable::prune(std::int64_t nowMs)
{
    if (nowMs - m_lastPruneMs < 60'000 && nowMs >= m_lastPruneMs)
        return;
    m_lastPruneMs = nowMs;
    for (auto it = m_answered.begin(); it != m_answered.end();)
        it = nowMs - it.value() > m_limits.challengeTtlMs ? m_answered.erase(it) : std::next(it);
    // Expired sessions are kept one more lifetime, so a device that comes
    // back late is told its token expired rather than that it is unknown.
    for (auto it = m_sessions.begin(); it != m_sessions.end();)
        it = nowMs - it->issuedMs > 2 * m_limits.sessionTtlMs ? m_sessions.erase(it) : std::next(it);
}

namespace {

constexpr qsizetype kTimeBytes = 8;
constexpr qsizetype kNonceBytes = 8;
constexpr qsizetype kMacBytes = protocol::kChallengeBytes - kTimeBytes - kNonceBytes;   // 16

QByteArray challengeMac(const crypto::SecureBytes &key, const QByteArray &device, QByteArrayView timeAndNonce)
{
    return crypto::keyedHash(key, QByteArrayLiteral("samla-challenge-v1") + device + timeAndNonce.toByteArray())
        .left(kMacBytes);
}

} // namespace

QByteArray SessionTable::issueChallenge(const QByteArray &device, std::int64_t nowMs)
{
    prune(nowMs);
    QByteArray challenge(kTimeBytes, '\0');
    qToBigEndian<qint64>(nowMs, challenge.data());
    challenge += crypto::randomBytes(kNonceBytes);
    challenge += challengeMac(m_challengeKey, device, challenge);
    return challenge;
}

bool SessionTable::takeChallenge(const QByteArray &device, const QByteArray &challenge, std::int64_t nowMs)
{
    prune(nowMs);
    if (challenge.size() != protocol::kChallengeBytes)
        return false;
    const QByteArrayView timeAndNonce = QByteArrayView(challenge).first(kTimeBytes + kNonceBytes);
    const QByteArray mac = challengeMac(m_challengeKey, device, timeAndNonce);
    if (!crypto::equalConstantTime(mac, QByteArrayView(challenge).last(kMacBytes)))
        return false;   // not issued by this process, or for another device
    const std::int64_t issuedMs = qFromBigEndian<qint64>(challenge.constData());
    if (nowMs < issuedMs || nowMs - issuedMs > m_limits.challengeTtlMs)
        return false;
    if (m_answered.contains(challenge))
        return false;
    m_answered.insert(challenge, issuedMs);
    return true;
}

QByteArray SessionTable::openSession(const QByteArray &device, std::int64_t nowMs)
{
    prune(nowMs);
    dropOldestOf(m_sessions, device, m_limits.sessionsPerDevice);
    const QByteArray token = crypto::randomBytes(protocol::kSessionTokenBytes);
    m_sessions.insert(crypto::hash(token), Session { device, nowMs });
    return token;
}

SessionTable::Found SessionTable::lookup(const QByteArray &token, std::int64_t nowMs)
{
    prune(nowMs);
    auto it = m_sessions.constFind(crypto::hash(token));
    if (it == m_sessions.constEnd())
        return {};
    // A clock that went back counts as expired too: the token cannot be
    // kept alive by moving the server's clock.
    if (nowMs < it->issuedMs || nowMs - it->issuedMs >= m_limits.sessionTtlMs)
        return { Lookup::Expired, it->device };
    return { Lookup::Valid, it->device };
}

} // namespace samla::server
