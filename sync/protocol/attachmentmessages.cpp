#include "attachmentmessages.h"

#include "canonicalcbor.h"
#include "messages.h"
#include "strictcbor.h"

#include <QCborMap>

namespace samla::protocol {

bool isAttachmentName(QByteArrayView name)
{
    if (name.size() != 64)
        return false;
    for (char c : name)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    return true;
}

QByteArray AttachmentStatus::encode() const
{
    QCborMap m;
    m.insert(QStringLiteral("v"), kMessageVersion);
    m.insert(QStringLiteral("size"), qint64(size));
    m.insert(QStringLiteral("held"), qint64(held));
    m.insert(QStringLiteral("complete"), complete ? 1 : 0);
    if (!error.isEmpty())
        m.insert(QStringLiteral("error"), error);
    return encodeCanonical(m);
}

Result<AttachmentStatus> AttachmentStatus::decode(QByteArrayView bytes)
{
    auto value = decodeStrict(bytes, {4096});
    if (!value.ok())
        return value.error();
    if (!value->isMap())
        return makeError(ErrorCode::Corrupt, QStringLiteral("attachment status is not a map"));
    const QCborMap m = value->toMap();
    MapReader r(m, "attachment status");
    SAMLA_TRY(r.onlyKeys({"v", "size", "held", "complete", "error"}));
    auto version = r.integer(QStringLiteral("v"), kMessageVersion, kMessageVersion);
    if (!version.ok())
        return version.error();
    auto size = r.integer(QStringLiteral("size"), 0, kMaxAttachmentBytes);
    if (!size.ok())
        return size.error();
    auto held = r.integer(QStringLiteral("held"), 0, size.value());
    if (!held.ok())
        return held.error();
    auto complete = r.integer(QStringLiteral("complete"), 0, 1);
    if (!complete.ok())
        return complete.error();
    auto error = r.text(QStringLiteral("error"), 64, true);
    if (!error.ok())
        return error.error();
    if (complete.value() == 1 && held.value() != size.value())
        return makeError(ErrorCode::Corrupt, QStringLiteral("attachment status: complete but not all held"));
    return AttachmentStatus{size.value(), held.value(), complete.value() == 1, error.value()};
}

} // namespace samla::protocol
