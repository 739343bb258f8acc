// Where samla-server keeps its files, and how it gets the key of its store without ever printing it.
#pragma once

#include "platform/core/result.h"
#include "platform/crypto/securebytes.h"

#include <QString>

namespace samla::server {

// The environment variable that may carry the store key (64 hex digits)
// instead of a key file, e.g. from a systemd credential or a secret manager.
inline constexpr char kKeyEnvironment[] = "SAMLA_SERVER_KEY";

struct ServerPaths {
    QString dataDir;
    QString keyFile;   // empty: <dataDir>/server.key

    QString storePath() const;
    QString keyPath() const;
};

// The key from the environment if set (the variable is then cleared from
// the process environment), else from the key file, which must be exactly
// 32 bytes and readable by its owner only.
[[nodiscard]] Result<crypto::SecureBytes> loadServerKey(const ServerPaths &paths);
// Makes the data directory (0700) and, unless the key comes from the
// environment, a new random key file (0600). Refuses to overwrite either.
[[nodiscard]] Result<crypto::SecureBytes> initServerKey(const ServerPaths &paths);

} // namespace samla::server
