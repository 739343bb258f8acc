#include "keyfile.h"

#include "platform/core/files.h"
#include "platform/core/logging.h"

#include <QFile>
#include <QtEndian>

#include <cstring>

namespace samla::store {

namespace {

const QByteArray kMagic = QByteArrayLiteral("SMLAKEY1");
const QByteArray kPassphraseSlotName = QByteArrayLiteral("slot:passphrase");
const QByteArray kRecoverySlotName = QByteArrayLiteral("slot:recovery");
constexpr qsizetype kHeaderBytes = 2 + 2 + 4 + 8 + 8 + 16 + 16;
constexpr qsizetype kMaxSlotBytes = 256;
constexpr std::uint64_t kSubkeyCounterMac = 1;
constexpr std::uint64_t kSubkeyRecovery = 1;
// Refuse Argon2 costs no device of ours would choose: a damaged or hostile
// header must not make unlocking allocate gigabytes or run for hours.
constexpr std::uint64_t kMaxArgonMem = 4ull * 1024 * 1024 * 1024;
constexpr std::uint64_t kMaxArgonOps = 64;
// Crockford's base32: no I, L, O, U, so a handwritten key cannot be misread.
constexpr char kBase32[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr std::size_t kRecoveryChars = 52;   // ceil(256 / 5)

template <typename T>
void appendBig(QByteArray &out, T value)
{
    char buf[sizeof(T)];
    qToBigEndian<T>(value, buf);
    out.append(buf, sizeof(T));
}

class Reader {
public:
    explicit Reader(const QByteArray &bytes) : m_bytes(bytes) {}
    template <typename T>
    bool read(T &value)
    {
        if (m_pos + qsizetype(sizeof(T)) > m_bytes.size())
            return false;
        value = qFromBigEndian<T>(m_bytes.constData() + m_pos);
        m_pos += sizeof(T);
        return true;
    }
    bool read(QByteArray &out, qsizetype size)
    {
        if (size < 0 || m_pos + size > m_bytes.size())
            return false;
        out = m_bytes.mid(m_pos, size);
        m_pos += size;
        return true;
    }
    qsizetype pos() const { return m_pos; }
    bool atEnd() const { return m_pos == m_bytes.size(); }

private:
    const QByteArray &m_bytes;
    qsizetype m_pos = 0;
};

crypto::SecureBytes recoveryWrappingKey(const crypto::SecureBytes &recoveryKey)
{
    return crypto::deriveSubkey(recoveryKey, kSubkeyRecovery, "samlarec");
}

crypto::SecureBytes counterMacKey(const crypto::SecureBytes &databaseKey)
{
    return crypto::deriveSubkey(databaseKey, kSubkeyCounterMac, "samlakfc");
}

} // namespace

Result<KeyFile> KeyFile::create(const crypto::SecureBytes &databaseKey, const crypto::SecureBytes &passphrase,
                        const crypto::SecureBytes &recoveryKey, const crypto::Argon2Params &kdf,
                        std::uint64_t counter)
{
    KeyFile file;
    file.m_databaseId = crypto::randomBytes(16);
    file.m_keyEpoch = 0;
    SAMLA_TRY(file.setPassphrase(databaseKey, passphrase, kdf)); // epoch becomes 1
    file.m_recoverySlot = crypto::wrapKey(recoveryWrappingKey(recoveryKey), databaseKey, file.recoveryAd());
    file.setCounter(databaseKey, counter);
    return file;
}

QByteArray KeyFile::headerBytes() const
{
    QByteArray header;
    appendBig<quint16>(header, kFormatVersion);
    appendBig<quint16>(header, 0);
    appendBig<quint32>(header, m_keyEpoch);
    appendBig<quint64>(header, m_kdf.opsLimit);
    appendBig<quint64>(header, m_kdf.memLimitBytes);
    header.append(m_salt);
    header.append(m_databaseId);
    return header;
}

QByteArray KeyFile::recoveryAd() const
{
    // The recovery slot outlives passphrase changes (new salt, cost and
    // epoch), so it binds only what never changes: format and database id.
    QByteArray ad = kMagic;
    appendBig<quint16>(ad, kFormatVersion);
    ad.append(m_databaseId);
    ad.append(kRecoverySlotName);
    return ad;
}

QByteArray KeyFile::macedBytes() const
{
    QByteArray out = kMagic + headerBytes();
    appendBig<quint16>(out, quint16(m_passphraseSlot.size()));
    out.append(m_passphraseSlot);
    appendBig<quint16>(out, quint16(m_recoverySlot.size()));
    out.append(m_recoverySlot);
    appendBig<quint64>(out, m_counter);
    return out;
}

QByteArray KeyFile::serialize() const
{
    QByteArray out = macedBytes();
    out.append(m_mac);
    out.append(crypto::hash(out));
    return out;
}

Result<KeyFile> KeyFile::parse(const QByteArray &bytes)
{
    const auto corrupt = [](const char *why) {
        return makeError(ErrorCode::Corrupt, QStringLiteral("key file: %1").arg(QLatin1String(why)));
    };
    if (bytes.size() < kMagic.size() + kHeaderBytes + qsizetype(crypto::kHashBytes) || !bytes.startsWith(kMagic))
        return corrupt("not a Samla key file");
    const QByteArray body = bytes.left(bytes.size() - crypto::kHashBytes);
    if (crypto::hash(body) != bytes.right(crypto::kHashBytes))
        return corrupt("checksum mismatch");

    KeyFile file;
    Reader r(body);
    QByteArray magic;
    quint16 version = 0, reserved = 0, slotSize = 0;
    quint32 epoch = 0;
    quint64 ops = 0, mem = 0, counter = 0;
    if (!r.read(magic, kMagic.size()) || !r.read(version) || !r.read(reserved))
        return corrupt("short header");
    if (version != kFormatVersion)
        return makeError(ErrorCode::Unsupported, QStringLiteral("key file format %1").arg(version));
    if (reserved != 0)
        return corrupt("reserved bits set");
    if (!r.read(epoch) || !r.read(ops) || !r.read(mem) || !r.read(file.m_salt, crypto::kSaltBytes)
        || !r.read(file.m_databaseId, 16))
        return corrupt("short header");
    if (ops < 1 || ops > kMaxArgonOps || mem < 8192 || mem > kMaxArgonMem)
        return corrupt("implausible key derivation cost");
    file.m_keyEpoch = epoch;
    file.m_kdf = {ops, mem};
    if (!r.read(slotSize) || slotSize > kMaxSlotBytes || !r.read(file.m_passphraseSlot, slotSize))
        return corrupt("bad passphrase slot");
    if (!r.read(slotSize) || slotSize > kMaxSlotBytes || !r.read(file.m_recoverySlot, slotSize))
        return corrupt("bad recovery slot");
    if (!r.read(counter) || !r.read(file.m_mac, crypto::kHashBytes) || !r.atEnd())
        return corrupt("bad trailer");
    file.m_counter = counter;
    return file;
}

Result<KeyFile> KeyFile::load(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return f.exists() ? files::errorFromFile(f, "open key file")
                          : makeError(ErrorCode::NotFound, QStringLiteral("no key file"));
    // A key file is a few hundred bytes; anything large is not ours.
    if (f.size() > 4096)
        return makeError(ErrorCode::Corrupt, QStringLiteral("key file: too large"));
    return parse(f.readAll());
}

Status KeyFile::save(const QString &path) const
{
    return files::writeAtomically(path, serialize());
}

Result<crypto::SecureBytes> KeyFile::unlockWithPassphrase(const crypto::SecureBytes &passphrase) const
{
    auto wrappingKey = crypto::deriveKeyFromPassphrase(passphrase, m_salt, m_kdf);
    if (!wrappingKey.ok())
        return wrappingKey.error();
    auto key = crypto::unwrapKey(wrappingKey.value(), m_passphraseSlot, kMagic + headerBytes() + kPassphraseSlotName);
    if (!key.ok())
        return makeError(ErrorCode::WrongPassphrase, QStringLiteral("passphrase slot did not open"));
    return key;
}

Result<crypto::SecureBytes> KeyFile::unlockWithRecoveryKey(const crypto::SecureBytes &recoveryKey) const
{
    if (recoveryKey.size() != crypto::kKeyBytes)
        return makeError(ErrorCode::WrongRecoveryKey, QStringLiteral("recovery key has the wrong length"));
    auto key = crypto::unwrapKey(recoveryWrappingKey(recoveryKey), m_recoverySlot, recoveryAd());
    if (!key.ok())
        return makeError(ErrorCode::WrongRecoveryKey, QStringLiteral("recovery slot did not open"));
    return key;
}

Status KeyFile::verifyCounter(const crypto::SecureBytes &databaseKey) const
{
    const QByteArray expected = crypto::keyedHash(counterMacKey(databaseKey), macedBytes());
    if (expected.size() != m_mac.size() || !std::equal(expected.begin(), expected.end(), m_mac.begin()))
        return makeError(ErrorCode::Tampered, QStringLiteral("key file counter MAC mismatch"));
    return {};
}

Status KeyFile::setPassphrase(const crypto::SecureBytes &databaseKey, const crypto::SecureBytes &passphrase,
                            const crypto::Argon2Params &kdf)
{
    const QByteArray salt = crypto::randomBytes(crypto::kSaltBytes);
    auto wrappingKey = crypto::deriveKeyFromPassphrase(passphrase, salt, kdf);
    if (!wrappingKey.ok())
        return wrappingKey.error();
    m_keyEpoch += 1;
    m_kdf = kdf;
    m_salt = salt;
    m_passphraseSlot = crypto::wrapKey(wrappingKey.value(), databaseKey, kMagic + headerBytes() + kPassphraseSlotName);
    if (!m_mac.isEmpty())
        resealCounter(databaseKey);
    return {};
}

void KeyFile::setCounter(const crypto::SecureBytes &databaseKey, std::uint64_t counter)
{
    m_counter = counter;
    resealCounter(databaseKey);
}

void KeyFile::resealCounter(const crypto::SecureBytes &databaseKey)
{
    m_mac = crypto::keyedHash(counterMacKey(databaseKey), macedBytes());
}

crypto::SecureBytes KeyFile::formatRecoveryKey(const crypto::SecureBytes &key)
{
    // 52 characters in 13 groups of 4, separated by '-'.
    crypto::SecureBytes text(kRecoveryChars + kRecoveryChars / 4 - 1);
    std::size_t out = 0;
    std::uint32_t buffer = 0;
    int bits = 0;
    std::size_t written = 0;
    auto put = [&](std::uint32_t index) {
        if (written > 0 && written % 4 == 0)
            text.data()[out++] = '-';
        text.data()[out++] = std::uint8_t(kBase32[index & 31]);
        ++written;
    };
    for (std::size_t i = 0; i < key.size(); ++i) {
        buffer = (buffer << 8) | key.data()[i];
        bits += 8;
        while (bits >= 5) {
            put(buffer >> (bits - 5));
            bits -= 5;
        }
    }
    if (bits > 0)
        put(buffer << (5 - bits));
    buffer = 0;
    return text;
}

Result<crypto::SecureBytes> KeyFile::parseRecoveryKey(const crypto::SecureBytes &text)
{
    crypto::SecureBytes key(crypto::kKeyBytes);
    std::uint32_t buffer = 0;
    int bits = 0;
    std::size_t outBytes = 0, chars = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = char(text.data()[i]);
        if (c == '-' || c == ' ' || c == '\t' || c == '\n' || c == '\r')
            continue;
        if (c >= 'a' && c <= 'z')
            c = char(c - 'a' + 'A');
        if (c == 'O')
            c = '0';
        if (c == 'I' || c == 'L')
            c = '1';
        const char *pos = std::strchr(kBase32, c);
        if (!pos || c == '\0')
            return makeError(ErrorCode::WrongRecoveryKey, QStringLiteral("recovery key has a character outside base32"));
        if (++chars > kRecoveryChars)
            return makeError(ErrorCode::WrongRecoveryKey, QStringLiteral("recovery key too long"));
        buffer = (buffer << 5) | std::uint32_t(pos - kBase32);
        bits += 5;
        if (bits >= 8) {
            if (outBytes < key.size())
                key.data()[outBytes++] = std::uint8_t(buffer >> (bits - 8));
            bits -= 8;
        }
    }
    buffer = 0;
    if (chars != kRecoveryChars)
        return makeError(ErrorCode::WrongRecoveryKey, QStringLiteral("recovery key too short"));
    return key;
}

} // namespace samla::store
