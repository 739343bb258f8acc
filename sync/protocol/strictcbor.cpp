#include "strictcbor.h"

#include "canonicalcbor.h"

#include <QCborArray>

namespace samla::protocol {

namespace {

// Only the types the protocol uses; no floats (their width would make
// encodings ambiguous), no tags, no undefined or other simple values.
bool allowedTypes(const QCborValue &v, int depth)
{
    if (depth > 16)
        return false;
    switch (v.type()) {
    case QCborValue::Integer:
    case QCborValue::ByteArray:
    case QCborValue::String:
    case QCborValue::False:
    case QCborValue::True:
    case QCborValue::Null:
        return true;
    case QCborValue::Array: {
        const QCborArray a = v.toArray();
        for (const QCborValue &item : a)
            if (!allowedTypes(item, depth + 1))
                return false;
        return true;
    }
    case QCborValue::Map: {
        const QCborMap m = v.toMap();
        for (auto it = m.cbegin(); it != m.cend(); ++it)
            if (!it.key().isString() || !allowedTypes(it.value(), depth + 1))
                return false;
        return true;
    }
    default:
        return false;
    }
}

} // namespace

Result<QCborValue> decodeStrict(QByteArrayView bytes, const DecodeLimits &limits)
{
    if (bytes.isEmpty())
        return makeError(ErrorCode::Corrupt, QStringLiteral("empty message"));
    if (bytes.size() > limits.maxBytes)
        return makeError(ErrorCode::Corrupt, QStringLiteral("message larger than %1 bytes").arg(limits.maxBytes));
    const QByteArray copy = bytes.toByteArray();
    QCborParserError error;
    const QCborValue value = QCborValue::fromCbor(copy, &error);
    if (error.error != QCborError::NoError)
        return makeError(ErrorCode::Corrupt, QStringLiteral("malformed CBOR at %1").arg(error.offset));
    if (!allowedTypes(value, 0))
        return makeError(ErrorCode::Corrupt, QStringLiteral("CBOR type not allowed"));
    // Canonical form: re-encoding gives back exactly the input. That one rule
    // also refuses trailing bytes, indefinite lengths, over-long integers,
    // unsorted keys and duplicate keys (canonicalising collapses a duplicate,
    // so the re-encoding is shorter than the input).
    if (encodeCanonical(value) != copy)
        return makeError(ErrorCode::Corrupt, QStringLiteral("CBOR not in canonical form"));
    return value;
}

QCborValue decodeWhole(QByteArrayView bytes)
{
    QCborParserError error;
    QCborValue value = QCborValue::fromCbor(bytes.toByteArray(), &error);
    if (error.error != QCborError::NoError)
        return QCborValue(QCborValue::Undefined);
    return value;
}

Error MapReader::missing(const QString &key, const char *why) const
{
    return makeError(ErrorCode::Corrupt,
                     QStringLiteral("%1.%2: %3").arg(QLatin1String(m_what), key, QLatin1String(why)));
}

Result<std::int64_t> MapReader::integer(const QString &key, std::int64_t min, std::int64_t max) const
{
    const QCborValue v = m_map.value(key);
    if (!v.isInteger())
        return missing(key, "integer expected");
    const std::int64_t n = v.toInteger();
    if (n < min || n > max)
        return missing(key, "out of range");
    return n;
}

Result<QString> MapReader::text(const QString &key, qsizetype maxLength, bool optional) const
{
    const QCborValue v = m_map.value(key);
    if (optional && v.isUndefined())
        return QString();
    if (!v.isString())
        return missing(key, "text expected");
    const QString s = v.toString();
    if (s.size() > maxLength)
        return missing(key, "too long");
    return s;
}

Result<QByteArray> MapReader::bytes(const QString &key, qsizetype minSize, qsizetype maxSize, bool optional) const
{
    const QCborValue v = m_map.value(key);
    if (optional && v.isUndefined())
        return QByteArray();
    if (!v.isByteArray())
        return missing(key, "bytes expected");
    const QByteArray b = v.toByteArray();
    if (b.size() < minSize || b.size() > maxSize)
        return missing(key, "wrong size");
    return b;
}

Status MapReader::onlyKeys(std::initializer_list<const char *> keys) const
{
    for (auto it = m_map.cbegin(); it != m_map.cend(); ++it) {
        const QString k = it.key().toString();
        bool known = false;
        for (const char *allowed : keys)
            known = known || k == QLatin1String(allowed);
        if (!known)
            return missing(k, "unknown field");
    }
    return {};
}

} // namespace samla::protocol
