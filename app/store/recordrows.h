// Inside app/store: how record rows and bodies are read and written, shared by recordstore.cpp and remoteapply.cpp.
#pragma once

#include "recordstore.h"

#include "platform/db/database.h"

namespace samla::store::detail {

QByteArray packBody(const QByteArray &cbor);
QCborMap decodeBody(const QByteArray &bytes);
// Reads the columns id … updated_ms (as in sql::kSelectRecordById) starting at `first`.
Record readRecord(const db::Statement &s, int first = 0);
// An outbox op with its content removed and marked erased.
QByteArray strippedOp(const QByteArray &opCbor);

} // namespace samla::store::detail
