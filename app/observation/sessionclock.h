// MonotonicClock: time that never jumps, for event offsets; injectable so tests can move it.
#pragma once

#include <QElapsedTimer>

#include <cstdint>

namespace samla::observation {

// Milliseconds from an arbitrary origin, never going back. A session's
// offsets come from here, so a wall clock set back or forward (by the user, by
// NTP, by a change of time zone) cannot reorder or stretch its events.
class MonotonicClock {
public:
    virtual ~MonotonicClock() = default;
    virtual std::int64_t elapsedMs() const = 0;
};

class SteadyClock final : public MonotonicClock {
public:
    SteadyClock() { m_timer.start(); }
    std::int64_t elapsedMs() const override { return m_timer.elapsed(); }

private:
    QElapsedTimer m_timer;
};

class ManualMonotonicClock final : public MonotonicClock {
public:
    explicit ManualMonotonicClock(std::int64_t ms = 0) : m_ms(ms) {}
    std::int64_t elapsedMs() const override { return m_ms; }
    void advance(std::int64_t ms) { m_ms += ms > 0 ? ms : 0; }

private:
    std::int64_t m_ms;
};

} // namespace samla::observation
