// Record bodies of observation sessions and events (CBOR; integers and text only, no floats).
#pragma once

#include "session.h"

#include <QCborMap>

namespace samla::observation::records {

QCborMap eventBody(const ObservationEvent &event, const CodingScheme &scheme);
// `scheme` tells number modifiers (stored as text) from free text.
ObservationEvent eventFromBody(const QString &id, const QCborMap &body, const CodingScheme &scheme);

QCborMap sessionBody(const SessionInfo &info);
[[nodiscard]] Result<SessionInfo> sessionFromBody(const QString &id, const QString &projectId, const QCborMap &body);

std::optional<EventKind> eventKindFromKey(const QString &key);

} // namespace samla::observation::records
