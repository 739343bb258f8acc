// Observation events as CSV or TSV, one row per event (in the spirit of BORIS's tabular export).
#pragma once

#include "session.h"

#include <QByteArray>

namespace samla::observation {

enum class Delimiter { Comma, Tab };

// Columns: session, version, observer, offset_s (observation time, pauses
// excluded, 3 decimals), wall_time (local ISO 8601 with its UTC offset),
// time_zone, subject, behaviour, type (point, start, stop, note, dissent),
// modifiers ("code=value; code=a|b"), comment. Quoting follows RFC 4180 for
// both delimiters: a field with the delimiter, a quote, CR or LF is quoted
// and its quotes doubled; lines end with CRLF; UTF-8 without a byte order mark.
QByteArray exportEvents(const QList<const ObservationSession *> &sessions, Delimiter delimiter = Delimiter::Comma);
QByteArray exportEvents(const SessionInfo &info, const QList<ObservationEvent> &events,
                        Delimiter delimiter = Delimiter::Comma, bool header = true);

// One field quoted as RFC 4180 requires (exposed for tests).
// One field, quoted where the delimiter, quotes or line breaks need it, and
// with a leading apostrophe where a spreadsheet would take it for a formula.
QString quoteField(const QString &field, QChar delimiter);

} // namespace samla::observation
