#include "attachmentstore.h"

#include "platform/core/files.h"
#include "platform/core/logging.h"
#include "platform/crypto/crypto.h"
#include "platform/crypto/hasher.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryFile>

#include <cstring>
#include <optional>

namespace samla::store {

namespace {

const QString kTempPattern = QStringLiteral(".incoming-XXXXXX");
const QByteArray kWrapContext = QByteArrayLiteral("samla:attachment-key");

bool isHashName(const QString &hash)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    return hex.match(hash).hasMatch();
}

// Hashes the ciphertext as it is written, so the file is read once.
class HashingWriter final : public QIODevice {
public:
    explicit HashingWriter(QIODevice &target) : m_target(target) { open(QIODevice::WriteOnly); }
    QByteArray finish() { return m_hasher.finish(); }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override
    {
        const qint64 written = m_target.write(data, size);
        if (written > 0)
            m_hasher.update(QByteArrayView(data, written));
        return written;
    }

private:
    QIODevice &m_target;
    crypto::Hasher m_hasher;
};

Result<QByteArray> hashFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return files::errorFromFile(f, "open attachment");
    crypto::Hasher hasher;
    QByteArray chunk(256 * 1024, Qt::Uninitialized);
    for (;;) {
        const qint64 n = f.read(chunk.data(), chunk.size());
        if (n < 0)
            return files::errorFromFile(f, "read attachment");
        if (n == 0)
            break;
        hasher.update(QByteArrayView(chunk.constData(), n));
    }
    return hasher.finish();
}

} // namespace

QCborMap attachmentRefToCbor(const AttachmentRef &ref)
{
    QCborMap m;
    m.insert(QStringLiteral("hash"), ref.hash);
    m.insert(QStringLiteral("size"), qint64(ref.plainSize));
    m.insert(QStringLiteral("key"), QCborValue(ref.wrappedKey));
    return m;
}

std::optional<AttachmentRef> attachmentRefFromCbor(const QCborValue &value)
{
    if (!value.isMap())
        return std::nullopt;
    const QCborMap m = value.toMap();
    return AttachmentRef{m.value(QStringLiteral("hash")).toString(), m.value(QStringLiteral("size")).toInteger(),
                         m.value(QStringLiteral("key")).toByteArray()};
}

Result<crypto::SecureBytes> openAttachmentKey(const QByteArray &wrappedKey, const crypto::SecureBytes &ownerKey)
{
    return crypto::unwrapKey(ownerKey, wrappedKey, kWrapContext);
}

QByteArray wrapAttachmentKey(const crypto::SecureBytes &fileKey, const crypto::SecureBytes &ownerKey)
{
    return crypto::wrapKey(ownerKey, fileKey, kWrapContext);
}

AttachmentStore::AttachmentStore(QString directory) : m_dir(std::move(directory)) {}

struct AttachmentSink::Private {
    QString dir;
    crypto::SecureBytes fileKey;
    crypto::SecureBytes ownerKey;
    QTemporaryFile temp;
    HashingWriter writer;
    std::optional<crypto::StreamEncryptor> encryptor; // made once the file is open
    Status error;
    bool committed = false;

    Private(const QString &directory, crypto::SecureBytes key, crypto::SecureBytes owner)
        : dir(directory), fileKey(std::move(key)), ownerKey(std::move(owner)),
          temp(directory + QLatin1Char('/') + kTempPattern), writer(temp)
    {
    }
};

AttachmentSink::AttachmentSink(std::unique_ptr<Private> p) : d(std::move(p))
{
    open(QIODevice::WriteOnly | QIODevice::Unbuffered);
}

AttachmentSink::~AttachmentSink()
{
    // Not committed: the temporary file (ciphertext only) goes with the sink.
    if (d && !d->committed)
        d->temp.remove();
}

Status AttachmentSink::status() const { return d->error; }

qint64 AttachmentSink::writeData(const char *data, qint64 size)
{
    if (!d->error.ok() || d->committed)
        return -1;
    d->error = d->encryptor->write(data, size);
    if (!d->error.ok()) {
        setErrorString(d->error.error().detail);
        return -1;
    }
    return size;
}

Result<AttachmentRef> AttachmentSink::commit()
{
    if (d->committed)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("attachment already committed"));
    SAMLA_TRY(d->error);
    d->error = d->encryptor->finish();
    SAMLA_TRY(d->error);
    SAMLA_TRY(files::fsyncFile(d->temp));
    AttachmentRef ref;
    ref.hash = QString::fromLatin1(d->writer.finish().toHex());
    ref.plainSize = d->encryptor->plaintextBytes();
    ref.wrappedKey = crypto::wrapKey(d->ownerKey, d->fileKey, kWrapContext);
    const QString finalPath = d->dir + QLatin1Char('/') + ref.hash;
    QFile::remove(finalPath);
    if (!d->temp.rename(finalPath))
        return files::errorFromFile(d->temp, "rename attachment");
    d->temp.setAutoRemove(false);
    d->committed = true;
    close();
    SAMLA_TRY(files::fsyncDirectory(d->dir));
    return ref;
}

Result<std::unique_ptr<AttachmentSink>> AttachmentStore::begin(const crypto::SecureBytes &ownerKey)
{
    if (!QDir().mkpath(m_dir))
        return makeError(ErrorCode::ReadOnly, QStringLiteral("cannot create attachments directory"));
    crypto::SecureBytes owner(ownerKey.size());
    std::memcpy(owner.data(), ownerKey.data(), ownerKey.size());
    auto p = std::make_unique<AttachmentSink::Private>(m_dir, crypto::SecureBytes::random(crypto::kKeyBytes),
                                                       std::move(owner));
    errno = 0;
    if (!p->temp.open())
        return files::errorFromFile(p->temp, "create temporary attachment");
    p->encryptor.emplace(p->fileKey, p->writer);
    SAMLA_TRY(p->encryptor->write(nullptr, 0)); // reports a failed header write
    return std::unique_ptr<AttachmentSink>(new AttachmentSink(std::move(p)));
}

QString AttachmentStore::pathFor(const QString &hash) const
{
    return m_dir + QLatin1Char('/') + hash;
}

Result<AttachmentRef> AttachmentStore::write(QIODevice &plaintext, const crypto::SecureBytes &ownerKey)
{
    if (!QDir().mkpath(m_dir))
        return makeError(ErrorCode::ReadOnly, QStringLiteral("cannot create attachments directory"));

    const crypto::SecureBytes fileKey = crypto::SecureBytes::random(crypto::kKeyBytes);
    QTemporaryFile temp(m_dir + QLatin1Char('/') + kTempPattern);
    errno = 0;
    if (!temp.open())
        return files::errorFromFile(temp, "create temporary attachment");

    qint64 plainSize = 0;
    QByteArray hash;
    {
        // Count plaintext bytes through a pass-through so the size is exact.
        struct CountingReader final : QIODevice {
            QIODevice &source;
            qint64 &count;
            CountingReader(QIODevice &s, qint64 &c) : source(s), count(c) { open(QIODevice::ReadOnly); }
            qint64 readData(char *data, qint64 max) override
            {
                const qint64 n = source.read(data, max);
                if (n > 0)
                    count += n;
                return n;
            }
            qint64 writeData(const char *, qint64) override { return -1; }
            bool atEnd() const override { return source.atEnd(); }
        } counting(plaintext, plainSize);
        HashingWriter writer(temp);
        SAMLA_TRY(crypto::encryptStream(fileKey, counting, writer));
        hash = writer.finish();
    }
    SAMLA_TRY(files::fsyncFile(temp));

    AttachmentRef ref;
    ref.hash = QString::fromLatin1(hash.toHex());
    ref.plainSize = plainSize;
    ref.wrappedKey = crypto::wrapKey(ownerKey, fileKey, kWrapContext);

    const QString finalPath = pathFor(ref.hash);
    QFile::remove(finalPath); // same hash means the same bytes; replacing is harmless
    if (!temp.rename(finalPath))
        return files::errorFromFile(temp, "rename attachment");
    temp.setAutoRemove(false);
    SAMLA_TRY(files::fsyncDirectory(m_dir));
    return ref;
}

Status AttachmentStore::read(const AttachmentRef &ref, const crypto::SecureBytes &ownerKey, QIODevice &out) const
{
    if (!isHashName(ref.hash))
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("not an attachment name"));
    const QString path = pathFor(ref.hash);
    if (!QFile::exists(path))
        return makeError(ErrorCode::NotFound, QStringLiteral("attachment missing"));
    auto actual = hashFile(path);
    if (!actual.ok())
        return actual.error();
    if (QString::fromLatin1(actual.value().toHex()) != ref.hash)
        return makeError(ErrorCode::Tampered, QStringLiteral("attachment does not match its hash"));

    auto fileKey = crypto::unwrapKey(ownerKey, ref.wrappedKey, kWrapContext);
    if (!fileKey.ok())
        return fileKey.error();
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        return files::errorFromFile(in, "open attachment");
    return crypto::decryptStream(fileKey.value(), in, out);
}

bool AttachmentStore::contains(const QString &hash) const
{
    return isHashName(hash) && QFile::exists(pathFor(hash));
}

Status AttachmentStore::remove(const QString &hash)
{
    if (!isHashName(hash))
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("not an attachment name"));
    QFile f(pathFor(hash));
    if (f.exists() && !f.remove())
        return files::errorFromFile(f, "remove attachment");
    return {};
}

void AttachmentStore::removeStaleTemporaries()
{
    QDir dir(m_dir);
    const QStringList stale = dir.entryList({QStringLiteral(".incoming-*")}, QDir::Files | QDir::Hidden);
    for (const QString &name : stale)
        dir.remove(name);
}

} // namespace samla::store

