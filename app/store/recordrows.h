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
// Appends the attachment hashes a body refers to (maps with a 64-hex "hash").
void collectAttachmentHashes(const QCborValue &value, QStringList &out);

} // namespace samla::store::detail
