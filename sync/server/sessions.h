// Sessions: the challenges a server has issued and the session tokens it has handed out, in memory.
#pragma once

#include <QByteArray>
#include <QHash>

#include <cstdint>
#include <optional>

namespace samla::server {

// Kept in memory, not in the store: a token is worth something only while
// the process that issued it runs, so a restart just makes every device
// open a new session (the client does that by itself); no token hash
// reaches the disk, a backup or a database dump; and both store backends
// behave the same. Only a hash of each token is kept, so a memory dump of
// the server does not hand out sessions either. Revocation does not depend
// on this table: the service reads the device from the store on every request.
class SessionTable {
public:
    struct Limits {
        std::int64_t challengeTtlMs = 60'000;
        std::int64_t sessionTtlMs = 15 * 60'000;
        int challengesPerDevice = 4; // outstanding; the oldest is dropped for a new one
        int sessionsPerDevice = 8; // live; the oldest ends for a new one
    };

    explicit SessionTable(Limits limits)
        : m_limits(limits)
    {
    }

    const Limits &limits() const { return m_limits; }

    // A fresh random challenge for this device.
    QByteArray issueChallenge(const QByteArray &device, std::int64_t nowMs);
    // Whether this challenge was issued to this device and has not expired.
    // Always forgets it: each challenge can be answered once, right or wrong.
    bool takeChallenge(const QByteArray &device, const QByteArray &challenge, std::int64_t nowMs);

    // A new session token for the device (returned once; only its hash is kept).
    QByteArray openSession(const QByteArray &device, std::int64_t nowMs);

    enum class Lookup { Valid, Expired, Unknown };
    struct Found {
        Lookup state = Lookup::Unknown;
        QByteArray device;
    };
    Found lookup(const QByteArray &token, std::int64_t nowMs);

    int sessionCount() const { return int(m_sessions.size()); }
    int challengeCount() const { return int(m_challenges.size()); }

private:
    struct Challenge {
        QByteArray device;
        std::int64_t issuedMs = 0;
    };
    struct Session {
        QByteArray device;
        std::int64_t issuedMs = 0;
    };
    void prune(std::int64_t nowMs);
    template <class Map> static void dropOldestOf(Map &map, const QByteArray &device, int keep);

    Limits m_limits;
    QHash<QByteArray, Challenge> m_challenges; // challenge -> who may answer it
    QHash<QByteArray, Session> m_sessions; // hash of the token -> whose it is
    std::int64_t m_lastPruneMs = 0;
};

} // namespace samla::server
