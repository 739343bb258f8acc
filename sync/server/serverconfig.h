// Where samla-server keeps its files, and how it gets the key of its store without ever printing it.
#pragma once

#include "platform/core/result.h"
#include "platform/crypto/securebytes.h"
#include "sync/tls/tlsidentity.h"

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
    QString certificatePath() const;   // tls-certificate.pem: public, for nginx, curl and comparing by eye
    QString sealedTlsKeyPath() const;  // tls-key.sealed: the TLS private key wrapped with the store key
};

// The key from the environment if set (the variable is then cleared from
// the process environment), else from the key file, which must be exactly
// 32 bytes and readable by its owner only.
[[nodiscard]] Result<crypto::SecureBytes> loadServerKey(const ServerPaths &paths);
// Makes the data directory (0700) and, unless the key comes from the
// environment, a new random key file (0600). Refuses to overwrite either.
[[nodiscard]] Result<crypto::SecureBytes> initServerKey(const ServerPaths &paths);

// Makes the server's TLS identity at `init`: the certificate in clear (it is
// public), the private key only wrapped with the store key (XChaCha20-Poly1305),
// so a copy of the data directory without the key cannot impersonate the server.
[[nodiscard]] Status createTlsIdentity(const ServerPaths &paths, const crypto::SecureBytes &storeKey);
[[nodiscard]] Result<tls::Identity> loadTlsIdentity(const ServerPaths &paths, const crypto::SecureBytes &storeKey);

} // namespace samla::server
