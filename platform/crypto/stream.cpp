// Chunked secretstream encryption, used for attachment files.
//
// Layout: "SMLA-SS1" || chunkSize (u32 BE) || secretstream header (24) || chunks,
// each chunk = ciphertext of up to chunkSize plaintext bytes + 17 bytes
// (tag byte and MAC). Only the last chunk may be short, and only it carries
// TAG_FINAL; an empty input is one FINAL chunk of 0 plaintext bytes.
//
// Error codes from decryptStream():
//   Corrupt  - not a Samla stream: bad magic, chunk size 0 or above 16 MiB,
//              shorter than its 36-byte header, or an unknown chunk tag.
//   Tampered - a chunk fails authentication (flipped byte, reordered or
//              replayed chunks, wrong key, changed chunk-size field), the
//              stream ends before its FINAL chunk (truncation: an attacker who
//              drops chunks is tampering, so it is reported as such), or
//              bytes follow the FINAL chunk.
//   Io / DiskFull - the devices failed.
// decryptStream() writes each chunk's plaintext once that chunk has
// authenticated, so on failure `plaintextOut` may hold a prefix of the
// plaintext (never the whole of it: the final chunk is written only after the
// check for trailing bytes). Callers write to a temporary file and delete it
// on any error.
#include "crypto.h"
#include "platform/core/logging.h"

#include <QFileDevice>
#include <QtEndian>

#include <array>
#include <cstring>
#include <sodium.h>
#include <utility>

namespace samla::crypto {

namespace {

using State = crypto_secretstream_xchacha20poly1305_state;
// The state holds the stream's subkey, so it lives in a SecureBytes buffer;
// sodium_malloc() gives no alignment guarantee, which is fine for a struct of
// byte arrays only.
static_assert(alignof(State) == 1);

constexpr std::array<char, 8> kMagic = { 'S', 'M', 'L', 'A', '-', 'S', 'S', '1' };
constexpr std::size_t kPrefixBytes = kMagic.size() + sizeof(std::uint32_t);
constexpr std::size_t kStreamHeaderBytes = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
constexpr std::size_t kChunkOverhead = crypto_secretstream_xchacha20poly1305_ABYTES;
// Bounds what a hostile file can make the reader allocate.
constexpr std::uint32_t kMaxChunkBytes = 16u * 1024 * 1024;
// Pipes and sockets may return 0 bytes before their end; files and buffers
// only at it.
constexpr int kReadWaitMs = 30000;

using Head = std::array<unsigned char, kPrefixBytes + kStreamHeaderBytes>;

const unsigned char kEmpty[1] = { 0 };

unsigned char *u8(QByteArray &a)
{
    return reinterpret_cast<unsigned char *>(a.data());
}

State *stateIn(SecureBytes &buffer)
{
    return reinterpret_cast<State *>(buffer.data());
}

// Reads up to `size` bytes; fewer only at the end of the device, -1 on error.
qint64 readFull(QIODevice &device, unsigned char *buffer, qint64 size)
{
    qint64 total = 0;
    while (total < size) {
        const qint64 n = device.read(reinterpret_cast<char *>(buffer) + total, size - total);
        if (n < 0)
            return -1;
        if (n == 0) {
            if (device.isSequential() && device.waitForReadyRead(kReadWaitMs))
                continue;
            break;
        }
        total += n;
    }
    return total;
}

Error readError(QIODevice &device)
{
    qCWarning(lcCrypto) << "stream read failed:" << device.errorString();
    return makeError(ErrorCode::Io, QStringLiteral("read failed: %1").arg(device.errorString()));
}

Error writeError(QIODevice &device)
{
    const QString why = device.errorString();
    qCWarning(lcCrypto) << "stream write failed:" << why;
    const ErrorCode code
        = why.contains(QLatin1String("No space"), Qt::CaseInsensitive) ? ErrorCode::DiskFull : ErrorCode::Io;
    return makeError(code, QStringLiteral("write failed: %1").arg(why));
}

Status writeAll(QIODevice &device, const unsigned char *data, qint64 size)
{
    qint64 total = 0;
    while (total < size) {
        const qint64 n = device.write(reinterpret_cast<const char *>(data) + total, size - total);
        if (n <= 0)
            return writeError(device);
        total += n;
    }
    return {};
}

// A QFile buffers writes; a full disk may only show when the buffer is flushed.
Status flushOut(QIODevice &device)
{
    if (auto *file = qobject_cast<QFileDevice *>(&device); file && !file->flush())
        return writeError(device);
    return {};
}

Status checkDevices(const SecureBytes &key, QIODevice &in, QIODevice &out)
{
    if (key.size() != kKeyBytes)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("stream key has the wrong size"));
    if (!in.isReadable() || !out.isWritable())
        return makeError(
            ErrorCode::InvalidArgument, QStringLiteral("stream devices are not open for reading/writing"));
    return {};
}

} // namespace

Status encryptStream(
    const SecureBytes &key, QIODevice &plaintextIn, QIODevice &cipherOut, std::uint32_t chunkBytes)
{
    SAMLA_TRY(checkDevices(key, plaintextIn, cipherOut));
    if (chunkBytes == 0 || chunkBytes > kMaxChunkBytes)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("chunk size must be 1..16 MiB"));

    Head head {};
    std::memcpy(head.data(), kMagic.data(), kMagic.size());
    qToBigEndian(chunkBytes, head.data() + kMagic.size());
    SecureBytes stateBuffer(sizeof(State));
    State *state = stateIn(stateBuffer);
    crypto_secretstream_xchacha20poly1305_init_push(state, head.data() + kPrefixBytes, key.data());
    SAMLA_TRY(writeAll(cipherOut, head.data(), qint64(head.size())));

    // One chunk of read-ahead tells whether the current chunk is the last,
    // which must be tagged FINAL when it is pushed.
    SecureBytes current(chunkBytes);
    SecureBytes next(chunkBytes);
    QByteArray cipher(qsizetype(chunkBytes + kChunkOverhead), Qt::Uninitialized);
    qint64 currentSize = readFull(plaintextIn, current.data(), chunkBytes);
    if (currentSize < 0)
        return readError(plaintextIn);
    for (bool first = true;; first = false) {
        qint64 nextSize = 0;
        if (currentSize == qint64(chunkBytes)) {
            nextSize = readFull(plaintextIn, next.data(), chunkBytes);
            if (nextSize < 0)
                return readError(plaintextIn);
        }
        const bool last = nextSize == 0;
        // The prefix is authenticated with the first chunk: a changed chunk
        // size then fails even when every chunk would still parse.
        unsigned long long cipherSize = 0;
        crypto_secretstream_xchacha20poly1305_push(state, u8(cipher), &cipherSize, current.data(),
            std::size_t(currentSize), first ? head.data() : kEmpty, first ? kPrefixBytes : 0,
            last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL
                 : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
        SAMLA_TRY(writeAll(cipherOut, u8(cipher), qint64(cipherSize)));
        if (last)
            break;
        std::swap(current, next);
        currentSize = nextSize;
    }
    return flushOut(cipherOut);
}

Status decryptStream(const SecureBytes &key, QIODevice &cipherIn, QIODevice &plaintextOut)
{
    SAMLA_TRY(checkDevices(key, cipherIn, plaintextOut));

    Head head {};
    const qint64 headSize = readFull(cipherIn, head.data(), qint64(head.size()));
    if (headSize < 0)
        return readError(cipherIn);
    if (headSize < qint64(kMagic.size()) || std::memcmp(head.data(), kMagic.data(), kMagic.size()) != 0)
        return makeError(ErrorCode::Corrupt, QStringLiteral("not a Samla stream (bad magic)"));
    if (headSize < qint64(head.size()))
        return makeError(ErrorCode::Corrupt, QStringLiteral("stream shorter than its header"));
    const auto chunkBytes = qFromBigEndian<std::uint32_t>(head.data() + kMagic.size());
    if (chunkBytes == 0 || chunkBytes > kMaxChunkBytes)
        return makeError(ErrorCode::Corrupt, QStringLiteral("unreasonable chunk size %1").arg(chunkBytes));

    SecureBytes stateBuffer(sizeof(State));
    State *state = stateIn(stateBuffer);
    if (crypto_secretstream_xchacha20poly1305_init_pull(state, head.data() + kPrefixBytes, key.data()) != 0)
        return makeError(ErrorCode::Corrupt, QStringLiteral("invalid stream header"));

    SecureBytes plain(chunkBytes);
    QByteArray cipher(qsizetype(chunkBytes + kChunkOverhead), Qt::Uninitialized);
    for (qint64 index = 0;; ++index) {
        const qint64 cipherSize = readFull(cipherIn, u8(cipher), cipher.size());
        if (cipherSize < 0)
            return readError(cipherIn);
        if (cipherSize < qint64(kChunkOverhead)) {
            return makeError(ErrorCode::Tampered,
                QStringLiteral("stream truncated before its final chunk (chunk %1)").arg(index));
        }
        unsigned long long plainSize = 0;
        unsigned char tag = 0;
        const bool first = index == 0;
        if (crypto_secretstream_xchacha20poly1305_pull(state, plain.data(), &plainSize, &tag, u8(cipher),
                std::size_t(cipherSize), first ? head.data() : kEmpty, first ? kPrefixBytes : 0)
            != 0) {
            return makeError(
                ErrorCode::Tampered, QStringLiteral("chunk %1 failed authentication").arg(index));
        }
        if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
            // Check for trailing bytes before writing the last plaintext, so a
            // refused stream never leaves a complete plaintext behind.
            unsigned char extra = 0;
            const qint64 extraSize = readFull(cipherIn, &extra, 1);
            if (extraSize < 0)
                return readError(cipherIn);
            if (extraSize > 0)
                return makeError(ErrorCode::Tampered, QStringLiteral("data after the final chunk"));
            SAMLA_TRY(writeAll(plaintextOut, plain.data(), qint64(plainSize)));
            return flushOut(plaintextOut);
        }
        // Our writer only uses MESSAGE and FINAL; PUSH/REKEY come from some
        // other writer and are not part of this format.
        if (tag != crypto_secretstream_xchacha20poly1305_TAG_MESSAGE)
            return makeError(ErrorCode::Corrupt, QStringLiteral("unexpected tag in chunk %1").arg(index));
        SAMLA_TRY(writeAll(plaintextOut, plain.data(), qint64(plainSize)));
    }
}

StreamEncryptor::StreamEncryptor(const SecureBytes &key, QIODevice &cipherOut, std::uint32_t chunkBytes)
    : m_out(cipherOut), m_chunkBytes(chunkBytes), m_state(sizeof(State)), m_pending(chunkBytes ? chunkBytes : 1)
{
    if (key.size() != kKeyBytes || chunkBytes == 0 || chunkBytes > kMaxChunkBytes || !cipherOut.isWritable()) {
        m_error = makeError(ErrorCode::InvalidArgument, QStringLiteral("stream encryptor needs a key, 1..16 MiB chunks "
                                                                       "and a writable device"));
        return;
    }
    Head head {};
    std::memcpy(head.data(), kMagic.data(), kMagic.size());
    qToBigEndian(chunkBytes, head.data() + kMagic.size());
    crypto_secretstream_xchacha20poly1305_init_push(stateIn(m_state), head.data() + kPrefixBytes, key.data());
    m_head = QByteArray(reinterpret_cast<const char *>(head.data()), qsizetype(head.size()));
    m_error = writeAll(m_out, head.data(), qint64(head.size()));
}

StreamEncryptor::~StreamEncryptor() = default;

Status StreamEncryptor::pushChunk(bool last)
{
    QByteArray cipher(qsizetype(m_pendingSize + qint64(kChunkOverhead)), Qt::Uninitialized);
    unsigned long long cipherSize = 0;
    // As in encryptStream(): the prefix is authenticated with the first chunk.
    const auto *prefix = reinterpret_cast<const unsigned char *>(m_head.constData());
    crypto_secretstream_xchacha20poly1305_push(stateIn(m_state), u8(cipher), &cipherSize, m_pending.data(),
        std::size_t(m_pendingSize), m_first ? prefix : kEmpty, m_first ? kPrefixBytes : 0,
        last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
    m_first = false;
    m_pendingSize = 0;
    return writeAll(m_out, u8(cipher), qint64(cipherSize));
}

Status StreamEncryptor::write(const char *data, qint64 size)
{
    if (!m_error.ok())
        return m_error;
    if (m_finished)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("stream already finished"));
    while (size > 0) {
        // A full chunk is pushed only when more data follows it: the last
        // chunk must carry FINAL, and only finish() knows which one that is.
        if (m_pendingSize == qint64(m_chunkBytes)) {
            m_error = pushChunk(false);
            if (!m_error.ok())
                return m_error;
        }
        const qint64 n = std::min(size, qint64(m_chunkBytes) - m_pendingSize);
        std::memcpy(m_pending.data() + m_pendingSize, data, std::size_t(n));
        m_pendingSize += n;
        m_total += n;
        data += n;
        size -= n;
    }
    return {};
}

Status StreamEncryptor::finish()
{
    if (!m_error.ok())
        return m_error;
    if (m_finished)
        return {};
    m_finished = true;
    m_error = pushChunk(true);
    if (!m_error.ok())
        return m_error;
    m_error = flushOut(m_out);
    return m_error;
}

} // namespace samla::crypto
