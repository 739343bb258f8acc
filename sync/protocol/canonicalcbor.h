// Canonical CBOR: the same value always encodes to the same bytes (RFC 8949 §4.2.1).
#pragma once

#include <QByteArray>
#include <QCborMap>
#include <QCborValue>

namespace samla::protocol {

// Encodes with map keys sorted bytewise by their encoded form, shortest
// integer forms and definite lengths, recursively. Bodies hold no floats
// (numbers are integers or strings), so float width never varies.
QByteArray encodeCanonical(const QCborValue &value);
inline QByteArray encodeCanonical(const QCborMap &map) { return encodeCanonical(QCborValue(map)); }

} // namespace samla::protocol
