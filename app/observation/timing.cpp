#include "timing.h"

#include <algorithm>

namespace samla::observation {

std::int64_t pausedMs(std::int64_t elapsedMs, const QList<PauseSpan> &pauses)
{
    std::int64_t total = 0;
    for (const PauseSpan &p : pauses) {
        const std::int64_t end = p.endMs < 0 ? elapsedMs : std::min(p.endMs, elapsedMs);
        if (end > p.startMs)
            total += end - p.startMs;
    }
    return total;
}

std::int64_t activeOffsetMs(std::int64_t elapsedMs, const QList<PauseSpan> &pauses)
{
    return std::max<std::int64_t>(0, elapsedMs - pausedMs(elapsedMs, pauses));
}

QList<std::int64_t> promptOffsets(std::int64_t intervalMs, std::int64_t afterOffsetMs, int count)
{
    QList<std::int64_t> out;
    if (intervalMs <= 0 || count <= 0)
        return out;
    // The first multiple of the interval after the given offset (a prompt
    // exactly at it has already fallen).
    std::int64_t next = afterOffsetMs < 0 ? intervalMs : (afterOffsetMs / intervalMs + 1) * intervalMs;
    for (int i = 0; i < count; ++i, next += intervalMs)
        out.append(next);
    return out;
}

std::int64_t msUntilNextPrompt(std::int64_t intervalMs, std::int64_t offsetMs)
{
    const QList<std::int64_t> next = promptOffsets(intervalMs, offsetMs, 1);
    return next.isEmpty() ? -1 : next.first() - offsetMs;
}

} // namespace samla::observation
