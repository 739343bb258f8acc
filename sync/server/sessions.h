// Sessions: the challenges a server has issued and the session tokens it has handed out, in memory.
#pragma once

#include "platform/crypto/securebytes.h"

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
        int sessionsPerDevice = 8; // live; the oldest ends for a new one
    };

    explicit SessionTable(Limits limits)
        : m_limits(limits)
    {
    }

    const Limits &limits() const { return m_limits; }

    // A fresh challenge for this device. Nothing is kept: the challenge
    // carries its time and a MAC (under a key only this process holds) over
    // the device and its bytes, so anyone asking for challenges in another
    // device's name fills no table and cannot crowd out that device's own.
    QByteArray issueChallenge(const QByteArray &device, std::int64_t nowMs);
    // Whether this challenge was issued by this process to this device and
    // has not expired. Each can be answered once: an answered one (right or
    // wrong) is remembered until it would have expired anyway.
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
    int answeredChallengeCount() const { return int(m_answered.size()); }

private:
    struct Session {
        QByteArray device;
        std::int64_t issuedMs = 0;
    };
    void prune(std::int64_t nowMs);
    template <class Map> static void dropOldestOf(Map &map, const QByteArray &device, int keep);

    Limits m_limits;
    crypto::SecureBytes m_challengeKey = crypto::SecureBytes::random(32);
    QHash<QByteArray, std::int64_t> m_answered; // answered challenge -> when it was issued
    QHash<QByteArray, Session> m_sessions; // hash of the token -> whose it is
    std::int64_t m_lastPruneMs = 0;
};

} // namespace samla::server
