// Attachment references inside an op: found for sync, with their file keys carried across devices.
#pragma once

#include "platform/core/result.h"
#include "platform/crypto/securebytes.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace samla::appsync {

// On a device, a record's body refers to each attachment as
// {"hash", "size", "key"} (store::attachmentRefToCbor), the file key wrapped
// under a record key only that device can derive. On the wire the op
// carries the file key itself, inside the envelope sealed with the project
// key (whoever can open the record may open its files), and the receiving
// device wraps it again under its own record key. References are found
// wherever they sit in the body (a note's list, a consent event's PDF and
// signature), so a new kind with attachments needs nothing here.
enum class KeyDirection { ToWire, FromWire };

struct RewrittenOp {
    QByteArray plaintext;     // the op, re-encoded only when a key changed
    QList<QString> hashes;    // every attachment the record refers to
};

// `recordKey` opens (ToWire) or wraps (FromWire) the keys of the op's record.
// A key that does not open is left as it is (the file then cannot be read
// on the other device, but the record still travels).
[[nodiscard]] RewrittenOp rewriteAttachmentKeys(const QByteArray &plaintext, const crypto::SecureBytes &recordKey,
                                                KeyDirection direction);
// The "id" of an op map (the record whose key wraps its attachment keys).
QString opRecordId(const QByteArray &plaintext);

} // namespace samla::appsync
