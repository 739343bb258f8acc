// AttachmentStore: encrypted attachment files, written atomically and named by content hash.
#pragma once

#include "platform/core/result.h"
#include "platform/crypto/securebytes.h"

#include <QByteArray>
#include <QIODevice>
#include <QString>

namespace samla::store {

// What a record keeps to find and open one attachment.
struct AttachmentRef {
    QString hash;            // hex BLAKE2b-256 of the encrypted file; also its name
    std::int64_t plainSize = 0;
    QByteArray wrappedKey;   // the file key, wrapped under the owning record's key
};

class AttachmentStore {
public:
    explicit AttachmentStore(QString directory);

    // Encrypts everything `plaintext` yields with a fresh file key (libsodium
    // secretstream), to a temporary name in the attachments directory (never
    // a clear temporary file anywhere), fsyncs, and renames it to its hash.
    [[nodiscard]] Result<AttachmentRef> write(QIODevice &plaintext, const crypto::SecureBytes &ownerKey);
    // Checks the file against its name, then decrypts into `out`. A changed,
    // truncated or reordered file is refused before any plaintext is written.
    [[nodiscard]] Status read(const AttachmentRef &ref, const crypto::SecureBytes &ownerKey, QIODevice &out) const;
    bool contains(const QString &hash) const;
    [[nodiscard]] Status remove(const QString &hash);
    // Removes temporary files left by a crash during write().
    void removeStaleTemporaries();

    QString directory() const { return m_dir; }
    QString pathFor(const QString &hash) const;

private:
    QString m_dir;
};

} // namespace samla::store
