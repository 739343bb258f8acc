#include "files.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace samla::files {

Error errorFromErrno(int err, const char *what)
{
    const QString detail = QStringLiteral("%1: %2").arg(QLatin1String(what), QLatin1String(std::strerror(err)));
    switch (err) {
    case ENOSPC:
    case EDQUOT: return makeError(ErrorCode::DiskFull, detail);
    case EROFS:
    case EACCES:
    case EPERM: return makeError(ErrorCode::ReadOnly, detail);
    case ENOENT: return makeError(ErrorCode::NotFound, detail);
    default: return makeError(ErrorCode::Io, detail);
    }
}

Error errorFromFile(const QFileDevice &file, const char *what)
{
    // QFileDevice keeps no errno; errno is still that of the failed call.
    const int err = errno;
    if (err != 0)
        return errorFromErrno(err, what);
    const QString detail = QStringLiteral("%1: %2").arg(QLatin1String(what), file.errorString());
    if (file.error() == QFileDevice::PermissionsError || file.error() == QFileDevice::OpenError)
        return makeError(ErrorCode::ReadOnly, detail);
    return makeError(ErrorCode::Io, detail);
}

Status fsyncFile(QFileDevice &file)
{
    if (!file.flush())
        return errorFromFile(file, "flush");
    if (::fsync(file.handle()) != 0)
        return errorFromErrno(errno, "fsync");
    return {};
}

Status fsyncDirectory(const QString &dir)
{
    const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return errorFromErrno(errno, "open directory");
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0)
        return errorFromErrno(err, "fsync directory");
    return {};
}

Status writeAtomically(const QString &path, const QByteArray &bytes)
{
    errno = 0;
    QSaveFile file(path);
    file.setDirectWriteFallback(false);
    if (!file.open(QIODevice::WriteOnly))
        return errorFromFile(file, "open for write");
    // Only the owner may read what Samla writes.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (file.write(bytes) != bytes.size()) {
        Error e = errorFromFile(file, "write");
        file.cancelWriting();
        return e;
    }
    if (!file.flush() || ::fsync(file.handle()) != 0) {
        Error e = errorFromErrno(errno ? errno : EIO, "fsync");
        file.cancelWriting();
        return e;
    }
    if (!file.commit())
        return errorFromFile(file, "rename");
    return fsyncDirectory(QFileInfo(path).absolutePath());
}

} // namespace samla::files
