// Helpers shared by the unit tests.
#pragma once

#include "platform/crypto/crypto.h"

#include <QByteArray>
#include <QDirIterator>
#include <QFile>
#include <QStringList>

namespace samla::test {

// The cheapest Argon2id libsodium allows: tests exercise the logic, not the cost.
inline crypto::Argon2Params cheapKdf()
{
    return {1, 64 * 1024};
}

inline crypto::SecureBytes secure(const char *text)
{
    QByteArray copy(text);
    return crypto::SecureBytes::fromUtf8AndWipe(copy);
}

// Every file below dir whose bytes contain needle.
inline QStringList filesContaining(const QString &dir, const QByteArray &needle)
{
    QStringList hits;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            hits << path;
    }
    return hits;
}

inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

} // namespace samla::test
