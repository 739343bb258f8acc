#include "canonicalcbor.h"

#include <QCborArray>

#include <algorithm>
#include <vector>

namespace samla::protocol {

namespace {

QCborValue canonicalise(const QCborValue &value)
{
    if (value.isArray()) {
        QCborArray out;
        for (const QCborValue &item : value.toArray())
            out.append(canonicalise(item));
        return out;
    }
    if (value.isMap()) {
        const QCborMap map = value.toMap();
        struct Entry {
            QByteArray encodedKey;
            QCborValue key;
            QCborValue value;
        };
        std::vector<Entry> entries;
        entries.reserve(size_t(map.size()));
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            entries.push_back({it.key().toCbor(), it.key(), canonicalise(it.value())});
        // RFC 8949 §4.2.1: bytewise lexicographic order of the encoded keys.
        std::sort(entries.begin(), entries.end(),
                  [](const Entry &a, const Entry &b) { return a.encodedKey < b.encodedKey; });
        QCborMap out;
        for (const Entry &e : entries)
            out.insert(e.key, e.value);
        return out;
    }
    return value;
}

} // namespace

QByteArray encodeCanonical(const QCborValue &value)
{
    // QCborValue keeps insertion order and writes definite lengths and the
    // shortest integer encodings, so sorting the maps is all that is left.
    return canonicalise(value).toCbor();
}

} // namespace samla::protocol
