// What a write-only device (a participant's own diary device) may submit, as every reader checks it.
#pragma once

#include <QString>

namespace samla::appsync {

// Record kinds a participant's device may create: field notes and diary
// entries. Anything else from a write-only device (consent events, the
// participant register, project settings, erasures) is refused by the
// reader that opens it, counted and reported without its content.
inline bool submittableKind(const QString &kind)
{
    return kind == QLatin1String("note") || kind == QLatin1String("diary_entry");
}

} // namespace samla::appsync
