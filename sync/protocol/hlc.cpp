#include "hlc.h"

#include <QtEndian>

#include <algorithm>
#include <limits>

namespace samla::protocol {

namespace {
constexpr qsizetype kDeviceIdBytes = 16;
constexpr qsizetype kStampBytes = 8 + 4 + kDeviceIdBytes;

// The logical time just after (ms, counter): the counter counts up, and when
// it is full (a peer's stamp may carry any counter) the next millisecond
// starts at 0, so the stamp is still greater instead of wrapping to 0.
void stepAfter(HlcStamp &next, std::int64_t ms, std::uint32_t counter)
{
    next.physicalMs = ms;
    next.counter = counter;
    if (counter < std::numeric_limits<std::uint32_t>::max()) {
        next.counter = counter + 1;
    } else if (ms < std::numeric_limits<std::int64_t>::max()) {
        next.physicalMs = ms + 1;
        next.counter = 0;
    }
}
} // namespace

QByteArray HlcStamp::toBytes() const
{
    QByteArray out(kStampBytes, '\0');
    qToBigEndian<qint64>(physicalMs, out.data());
    qToBigEndian<quint32>(counter, out.data() + 8);
    std::copy_n(deviceId.constData(), std::min(deviceId.size(), kDeviceIdBytes), out.data() + 12);
    return out;
}

HlcStamp HlcStamp::fromBytes(QByteArrayView bytes, bool *ok)
{
    HlcStamp stamp;
    const bool valid = bytes.size() == kStampBytes;
    if (ok)
        *ok = valid;
    if (!valid)
        return stamp;
    stamp.physicalMs = qFromBigEndian<qint64>(bytes.data());
    stamp.counter = qFromBigEndian<quint32>(bytes.data() + 8);
    stamp.deviceId = bytes.sliced(12).toByteArray();
    return stamp;
}

QString HlcStamp::toString() const
{
    return QStringLiteral("%1.%2@%3")
        .arg(physicalMs)
        .arg(counter)
        .arg(QString::fromLatin1(deviceId.left(4).toHex()));
}

HlcClock::HlcClock(const Clock &clock, QByteArray deviceId, HlcStamp last)
    : m_clock(clock), m_deviceId(std::move(deviceId)), m_last(std::move(last))
{
    m_last.deviceId = m_deviceId;
}

HlcStamp HlcClock::last() const
{
    const std::lock_guard lock(m_mutex);
    return m_last;
}

HlcStamp HlcClock::now()
{
    const std::lock_guard lock(m_mutex);
    const std::int64_t wall = m_clock.nowMs();
    HlcStamp next;
    next.deviceId = m_deviceId;
    if (wall > m_last.physicalMs) {
        next.physicalMs = wall;
        next.counter = 0;
    } else {
        // The wall clock stood still or went backwards: keep the logical time
        // and count up, so every stamp is still greater than the last.
        stepAfter(next, m_last.physicalMs, m_last.counter);
    }
    m_last = next;
    return next;
}

HlcStamp HlcClock::receive(const HlcStamp &remote)
{
    const std::lock_guard lock(m_mutex);
    const std::int64_t wall = m_clock.nowMs();
    HlcStamp next;
    next.deviceId = m_deviceId;
    next.physicalMs = std::max({wall, m_last.physicalMs, remote.physicalMs});
    if (next.physicalMs == m_last.physicalMs && next.physicalMs == remote.physicalMs)
        stepAfter(next, next.physicalMs, std::max(m_last.counter, remote.counter));
    else if (next.physicalMs == m_last.physicalMs)
        stepAfter(next, next.physicalMs, m_last.counter);
    else if (next.physicalMs == remote.physicalMs)
        stepAfter(next, next.physicalMs, remote.counter);
    else
        next.counter = 0;
    m_last = next;
    return next;
}

void HlcClock::restore(const HlcStamp &last)
{
    const std::lock_guard lock(m_mutex);
    if (last > m_last || last.physicalMs > m_last.physicalMs) {
        m_last.physicalMs = last.physicalMs;
        m_last.counter = last.counter;
    }
}

} // namespace samla::protocol
