#include "sessions.h"

#include "platform/crypto/crypto.h"
#include "sync/protocol/requestauth.h"

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
    for (auto it = m_challenges.begin(); it != m_challenges.end();)
        it = nowMs - it->issuedMs > m_limits.challengeTtlMs ? m_challenges.erase(it) : std::next(it);
    // Expired sessions are kept one more lifetime, so a device that comes
    // back late is told its token expired rather than that it is unknown.
    for (auto it = m_sessions.begin(); it != m_sessions.end();)
        it = nowMs - it->issuedMs > 2 * m_limits.sessionTtlMs ? m_sessions.erase(it) : std::next(it);
}

QByteArray SessionTable::issueChallenge(const QByteArray &device, std::int64_t nowMs)
{
    prune(nowMs);
    dropOldestOf(m_challenges, device, m_limits.challengesPerDevice);
    const QByteArray challenge = crypto::randomBytes(protocol::kChallengeBytes);
    m_challenges.insert(challenge, Challenge { device, nowMs });
    return challenge;
}

bool SessionTable::takeChallenge(const QByteArray &device, const QByteArray &challenge, std::int64_t nowMs)
{
    auto it = m_challenges.find(challenge);
    if (it == m_challenges.end())
        return false;
    const Challenge c = it.value();
    m_challenges.erase(it);
    return c.device == device && nowMs >= c.issuedMs && nowMs - c.issuedMs <= m_limits.challengeTtlMs;
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
