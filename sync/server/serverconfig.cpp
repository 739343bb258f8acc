#include "serverconfig.h"

#include "platform/core/files.h"
#include "platform/crypto/crypto.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstdlib>

namespace samla::server {

namespace {

Result<crypto::SecureBytes> keyFromEnvironment()
{
    QByteArray hex = qgetenv(kKeyEnvironment);
    // Children (and /proc/<pid>/environ readers after this point) do not get it.
    qunsetenv(kKeyEnvironment);
    crypto::SecureBytes hexSecure = crypto::SecureBytes::fromUtf8AndWipe(hex);
    if (hexSecure.size() != 64)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("%1 must be 64 hex digits").arg(QLatin1String(kKeyEnvironment)));
    crypto::SecureBytes key(32);
    auto nibble = [](std::uint8_t c) -> int {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    };
    for (std::size_t i = 0; i < 32; ++i) {
        const int hi = nibble(hexSecure.data()[2 * i]);
        const int lo = nibble(hexSecure.data()[2 * i + 1]);
        if (hi < 0 || lo < 0)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("%1 must be 64 hex digits").arg(QLatin1String(kKeyEnvironment)));
        key.data()[i] = std::uint8_t(hi << 4 | lo);
    }
    return key;
}

} // namespace

QString ServerPaths::storePath() const
{
    return QDir(dataDir).filePath(QStringLiteral("server.db"));
}

QString ServerPaths::keyPath() const
{
    return keyFile.isEmpty() ? QDir(dataDir).filePath(QStringLiteral("server.key")) : keyFile;
}

QString ServerPaths::certificatePath() const
{
    return QDir(dataDir).filePath(QStringLiteral("tls-certificate.pem"));
}

QString ServerPaths::sealedTlsKeyPath() const
{
    return QDir(dataDir).filePath(QStringLiteral("tls-key.sealed"));
}

namespace {
// Binds the wrapped key to its purpose: the store key wraps nothing else this way.
constexpr char kTlsKeyAd[] = "samla-server tls private key v1";
}

Status createTlsIdentity(const ServerPaths &paths, const crypto::SecureBytes &storeKey)
{
    auto identity = tls::generateIdentity(QStringLiteral("samla-server"), 3650);
    if (!identity.ok())
        return identity.error();
    const QByteArray wrapped = crypto::wrapKey(storeKey, identity->privateKeyDer, kTlsKeyAd);
    SAMLA_TRY(files::writeAtomically(paths.sealedTlsKeyPath(), wrapped));
    QFile::setPermissions(paths.sealedTlsKeyPath(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return files::writeAtomically(paths.certificatePath(), tls::certificatePem(identity->certificateDer));
}

Result<tls::Identity> loadTlsIdentity(const ServerPaths &paths, const crypto::SecureBytes &storeKey)
{
    QFile cert(paths.certificatePath()), sealed(paths.sealedTlsKeyPath());
    if (!cert.exists() || !sealed.exists())
        return makeError(ErrorCode::NotFound, QStringLiteral("no TLS identity in the data directory (run `samla-server "
                                                             "init`, or serve with --plain-http behind a proxy)"));
    if (!cert.open(QIODevice::ReadOnly))
        return files::errorFromFile(cert, "open certificate");
    if (!sealed.open(QIODevice::ReadOnly))
        return files::errorFromFile(sealed, "open sealed TLS key");
    auto der = tls::certificateDerFromPem(cert.read(64 * 1024));
    if (!der.ok())
        return der.error();
    auto key = crypto::unwrapKey(storeKey, sealed.read(64 * 1024), kTlsKeyAd);
    if (!key.ok())
        return makeError(key.error().code, QStringLiteral("the sealed TLS key does not open with this store key"));
    return tls::Identity{der.value(), std::move(key.value())};
}

Result<crypto::SecureBytes> loadServerKey(const ServerPaths &paths)
{
    if (qEnvironmentVariableIsSet(kKeyEnvironment))
        return keyFromEnvironment();
    QFile f(paths.keyPath());
    if (!f.exists())
        return makeError(ErrorCode::NotFound, QStringLiteral("no key file (run `samla-server init` first)"));
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup
                                            | QFileDevice::ReadOther | QFileDevice::WriteOther;
    if (f.permissions() & others)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the key file is readable by others; make it owner-only (chmod 600)"));
    if (!f.open(QIODevice::ReadOnly))
        return files::errorFromFile(f, "open key file");
    if (f.size() != 32)
        return makeError(ErrorCode::Corrupt, QStringLiteral("the key file must hold exactly 32 bytes"));
    QByteArray raw = f.readAll();
    if (raw.size() != 32)
        return makeError(ErrorCode::Io, QStringLiteral("could not read the key file"));
    return crypto::SecureBytes::fromUtf8AndWipe(raw);
}

Result<crypto::SecureBytes> initServerKey(const ServerPaths &paths)
{
    QDir dir(paths.dataDir);
    if (!dir.exists() && !QDir().mkpath(paths.dataDir))
        return makeError(ErrorCode::Io, QStringLiteral("cannot create the data directory"));
    QFile::setPermissions(paths.dataDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    if (QFileInfo::exists(paths.storePath()))
        return makeError(ErrorCode::AlreadyExists, QStringLiteral("a server store already exists there"));
    if (qEnvironmentVariableIsSet(kKeyEnvironment))
        return keyFromEnvironment();
    if (QFileInfo::exists(paths.keyPath()))
        return makeError(ErrorCode::AlreadyExists, QStringLiteral("a key file already exists there"));
    crypto::SecureBytes key = crypto::SecureBytes::random(32);
    // Created owner-only before the first byte is written.
    QFile f(paths.keyPath());
    if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return files::errorFromFile(f, "create key file");
    if (f.write(reinterpret_cast<const char *>(key.data()), qint64(key.size())) != qint64(key.size()))
        return files::errorFromFile(f, "write key file");
    SAMLA_TRY(files::fsyncFile(f));
    f.close();
    SAMLA_TRY(files::fsyncDirectory(QFileInfo(paths.keyPath()).absolutePath()));
    return key;
}

} // namespace samla::server
