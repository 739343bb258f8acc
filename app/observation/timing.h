// Session timing as pure functions: observation time net of pauses, and interval prompts.
#pragma once

#include <QList>

#include <cstdint>

namespace samla::observation {

// A pause on the session's elapsed (monotonic) timeline; end < 0 while it lasts.
struct PauseSpan {
    std::int64_t startMs = 0;
    std::int64_t endMs = -1;
    bool operator==(const PauseSpan &) const = default;
};

// Observation time at `elapsedMs` after the start: elapsed time less every
// paused moment before it. This is the offset events carry; a pause is a gap
// in observation, so rates (interactions per hour) and durations of state
// events count observed time only. The elapsed time is stored beside it.
std::int64_t activeOffsetMs(std::int64_t elapsedMs, const QList<PauseSpan> &pauses);

// Total paused time up to `elapsedMs`.
std::int64_t pausedMs(std::int64_t elapsedMs, const QList<PauseSpan> &pauses);

// Interval prompts fall at every whole multiple of the interval on the
// observation timeline (so a pause moves them later in wall time, and none
// falls inside a pause). The next `count` prompt offsets strictly after
// `afterOffsetMs`; empty when the interval is not positive.
QList<std::int64_t> promptOffsets(std::int64_t intervalMs, std::int64_t afterOffsetMs, int count);

// Milliseconds of observation time until the next prompt, or -1 for none.
std::int64_t msUntilNextPrompt(std::int64_t intervalMs, std::int64_t offsetMs);

} // namespace samla::observation
