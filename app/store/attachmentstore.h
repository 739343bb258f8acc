// AttachmentStore: encrypted attachment files, written atomically and named by content hash.
#pragma once

#include "platform/core/result.h"
#include "platform/crypto/securebytes.h"

#include <QByteArray>
#include <QCborMap>
#include <QCborValue>
#include <QIODevice>
#include <QString>

#include <memory>
#include <optional>

namespace samla::store {

// What a record keeps to find and open one attachment.
struct AttachmentRef {
    QString hash;            // hex BLAKE2b-256 of the encrypted file; also its name
    std::int64_t plainSize = 0;
    QByteArray wrappedKey;   // the file key, wrapped under the owning record's key
};

// How a record's body keeps a reference: {"hash", "size", "key"}.
QCborMap attachmentRefToCbor(const AttachmentRef &ref);
std::optional<AttachmentRef> attachmentRefFromCbor(const QCborValue &value);

// The file key of a reference, opened with (or wrapped under) the owning
// record's key. Sync carries the opened key inside the record's sealed
// envelope and wraps it again under the receiving device's record key.
[[nodiscard]] Result<crypto::SecureBytes> openAttachmentKey(const QByteArray &wrappedKey,
                                                            const crypto::SecureBytes &ownerKey);
QByteArray wrapAttachmentKey(const crypto::SecureBytes &fileKey, const crypto::SecureBytes &ownerKey);

class AttachmentStore;

// An attachment written while it is being made (an audio recording, a photo
// encoded in memory): a write-only device whose bytes are encrypted in
// secure memory before any reach the disk, into a temporary file in the
// attachments directory. commit() finishes, fsyncs and names the file by its
// hash; a sink destroyed without commit() removes what it wrote.
class AttachmentSink final : public QIODevice {
public:
    ~AttachmentSink() override;
    [[nodiscard]] Result<AttachmentRef> commit();
    // The first failure while writing (a full disk), if any.
    [[nodiscard]] Status status() const;
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override;

private:
    friend class AttachmentStore;
    struct Private;
    explicit AttachmentSink(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

class AttachmentStore {
public:
    explicit AttachmentStore(QString directory);

    // Encrypts everything `plaintext` yields with a fresh file key (libsodium
    // secretstream), to a temporary name in the attachments directory (never
    // a clear temporary file anywhere), fsyncs, and renames it to its hash.
    [[nodiscard]] Result<AttachmentRef> write(QIODevice &plaintext, const crypto::SecureBytes &ownerKey);
    // The same, for plaintext that arrives bit by bit (see AttachmentSink).
    [[nodiscard]] Result<std::unique_ptr<AttachmentSink>> begin(const crypto::SecureBytes &ownerKey);
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
