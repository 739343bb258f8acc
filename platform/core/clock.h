// Clock: wall time in milliseconds since the epoch, injectable so tests can move it.
#pragma once

#include <QDateTime>

#include <cstdint>

namespace samla {

class Clock {
public:
    virtual ~Clock() = default;
    virtual std::int64_t nowMs() const = 0;
};

class SystemClock final : public Clock {
public:
    std::int64_t nowMs() const override { return QDateTime::currentMSecsSinceEpoch(); }
};

// A clock tests set by hand, including backwards jumps.
class ManualClock final : public Clock {
public:
    explicit ManualClock(std::int64_t ms = 1'700'000'000'000) : m_ms(ms) {}
    std::int64_t nowMs() const override { return m_ms; }
    void set(std::int64_t ms) { m_ms = ms; }
    void advance(std::int64_t ms) { m_ms += ms; }
private:
    std::int64_t m_ms;
};

} // namespace samla
