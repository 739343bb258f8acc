// Hybrid logical clock: physical milliseconds + counter + device id, monotonic per device.
#pragma once

#include "platform/core/clock.h"

#include <QByteArray>
#include <QString>

#include <compare>
#include <cstdint>
#include <functional>
#include <mutex>

namespace samla::protocol {

struct HlcStamp {
    std::int64_t physicalMs = 0;
    std::uint32_t counter = 0;
    QByteArray deviceId;      // 16 bytes

    auto operator<=>(const HlcStamp &other) const
    {
        if (auto c = physicalMs <=> other.physicalMs; c != 0) return c;
        if (auto c = counter <=> other.counter; c != 0) return c;
        return std::lexicographical_compare_three_way(deviceId.begin(), deviceId.end(),
                                                      other.deviceId.begin(), other.deviceId.end());
    }
    bool operator==(const HlcStamp &other) const = default;
    bool isNull() const { return physicalMs == 0 && counter == 0; }

    // Fixed-width big-endian encoding (8 + 4 + 16 bytes): sorts like the stamp.
    QByteArray toBytes() const;
    static HlcStamp fromBytes(QByteArrayView bytes, bool *ok = nullptr);
    QString toString() const;  // for logs: "1700000000000.3@ab12cd34"
};

// Issues stamps for one device. The last stamp is persisted by the caller
// (RecordStore keeps it in the database) so stamps stay monotonic across
// restarts and when the wall clock jumps backwards. Thread-safe: a store's
// second connection (the sync worker's) issues stamps from the same clock.
class HlcClock {
public:
    HlcClock(const Clock &clock, QByteArray deviceId, HlcStamp last = {});

    HlcStamp now();                         // for a local event
    HlcStamp receive(const HlcStamp &remote); // merges a remote stamp
    HlcStamp last() const;
    void restore(const HlcStamp &last);
    const QByteArray &deviceId() const { return m_deviceId; }

private:
    const Clock &m_clock;
    QByteArray m_deviceId;
    mutable std::mutex m_mutex;
    HlcStamp m_last;
};

} // namespace samla::protocol
