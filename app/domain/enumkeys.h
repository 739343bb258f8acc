// Stable text keys for enums stored in record bodies and exports (never translated, never renamed).
#pragma once

#include <QString>

#include <optional>

namespace samla::domain::detail {

template <typename E>
struct EnumKey {
    E value;
    const char *key;
};

template <typename E, std::size_t N>
QString keyOf(const EnumKey<E> (&table)[N], E value)
{
    for (const EnumKey<E> &entry : table) {
        if (entry.value == value)
            return QString::fromLatin1(entry.key);
    }
    return {};
}

template <typename E, std::size_t N>
std::optional<E> fromKey(const EnumKey<E> (&table)[N], const QString &key)
{
    for (const EnumKey<E> &entry : table) {
        if (key == QLatin1String(entry.key))
            return entry.value;
    }
    return std::nullopt;
}

} // namespace samla::domain::detail
