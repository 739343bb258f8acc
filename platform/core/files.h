// Durable file writes: temporary name, fsync, rename, fsync of the directory.
#pragma once

#include "result.h"

#include <QByteArray>
#include <QFileDevice>
#include <QString>

namespace samla::files {

// Writes bytes to path so that a crash leaves either the old or the new file.
[[nodiscard]] Status writeAtomically(const QString &path, const QByteArray &bytes);
[[nodiscard]] Status fsyncFile(QFileDevice &file);
[[nodiscard]] Status fsyncDirectory(const QString &dir);
// Maps a failed QFileDevice operation (and errno) to an Error.
Error errorFromFile(const QFileDevice &file, const char *what);
Error errorFromErrno(int err, const char *what);

} // namespace samla::files
