// Strict decoding of network CBOR: size-limited, canonical, no duplicate keys.
#pragma once

#include "platform/core/result.h"

#include <QByteArray>
#include <QCborMap>
#include <QCborValue>

#include <cstdint>

namespace samla::protocol {

struct DecodeLimits {
    qsizetype maxBytes = 16 * 1024 * 1024;
};

// Decodes exactly one CBOR item. Refuses (ErrorCode::Corrupt) anything
// oversized, truncated, followed by trailing bytes, not in canonical form
// (RFC 8949 §4.2.1: shortest integers, definite lengths, keys in order, no
// duplicates), or using floats, tags or undefined/simple values.
[[nodiscard]] Result<QCborValue> decodeStrict(QByteArrayView bytes, const DecodeLimits &limits = {});

// One CBOR item read as QCborValue::fromCbor reads it (any type, bytes after
// the item ignored), except that a damaged or cut-short item gives an
// undefined value: Qt 6.4 returns the part it read before the damage (a map
// cut short still holds its first fields, and lookups in some such maps read
// past their end; found by tests/fuzz/fuzz_applyremote). For CBOR that other
// devices wrote and that is not held to decodeStrict's rules (op plaintexts).
QCborValue decodeWhole(QByteArrayView bytes);

// Field readers for a decoded map; each fails with Corrupt and names the field.
class MapReader {
public:
    explicit MapReader(const QCborMap &map, const char *what) : m_map(map), m_what(what) {}

    [[nodiscard]] Result<std::int64_t> integer(const QString &key, std::int64_t min, std::int64_t max) const;
    [[nodiscard]] Result<QString> text(const QString &key, qsizetype maxLength, bool optional = false) const;
    [[nodiscard]] Result<QByteArray> bytes(const QString &key, qsizetype minSize, qsizetype maxSize,
                                           bool optional = false) const;
    // Refuses keys other than those listed (so a newer sender's fields are not silently dropped).
    [[nodiscard]] Status onlyKeys(std::initializer_list<const char *> keys) const;

private:
    Error missing(const QString &key, const char *why) const;
    const QCborMap &m_map;
    const char *m_what;
};

} // namespace samla::protocol
