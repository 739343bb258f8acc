#include "attachmentrefs.h"

#include "app/store/attachmentstore.h"
#include "platform/core/logging.h"
#include "sync/protocol/attachmentmessages.h"
#include "sync/protocol/canonicalcbor.h"
#include "sync/protocol/strictcbor.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>

namespace samla::appsync {

namespace {

const QString kHash = QStringLiteral("hash");
const QString kSize = QStringLiteral("size");
const QString kKey = QStringLiteral("key");
constexpr qsizetype kRawKeyBytes = 32;

bool isRef(const QCborMap &m)
{
    const QCborValue hash = m.value(kHash);
    return hash.isString() && protocol::isAttachmentName(hash.toString().toLatin1()) && m.value(kSize).isInteger()
           && m.value(kKey).isByteArray();
}

struct Walker {
    const crypto::SecureBytes &recordKey;
    KeyDirection direction;
    QList<QString> hashes;
    bool changed = false;

    QCborValue walk(const QCborValue &v)
    {
        if (v.isArray()) {
            QCborArray a = v.toArray();
            for (qsizetype i = 0; i < a.size(); ++i)
                a[i] = walk(a.at(i));
            return a;
        }
        if (!v.isMap())
            return v;
        QCborMap m = v.toMap();
        if (isRef(m)) {
            const QString hash = m.value(kHash).toString();
            if (!hashes.contains(hash))
                hashes.append(hash);
            const QByteArray key = m.value(kKey).toByteArray();
            if (direction == KeyDirection::ToWire) {
                auto fileKey = store::openAttachmentKey(key, recordKey);
                if (fileKey.ok()) {
                    m.insert(kKey, QCborValue(fileKey->view().toByteArray()));
                    changed = true;
                } else {
                    qCWarning(lcSync) << "sync: an attachment key does not open; the record goes as it is";
                }
            } else if (key.size() == kRawKeyBytes) {
                crypto::SecureBytes fileKey(reinterpret_cast<const std::uint8_t *>(key.constData()),
                                            std::size_t(key.size()));
                m.insert(kKey, QCborValue(store::wrapAttachmentKey(fileKey, recordKey)));
                changed = true;
            }
            return m;
        }
        for (auto it = m.begin(); it != m.end(); ++it)
            it.value() = walk(it.value());
        return m;
    }
};

} // namespace

QString opRecordId(const QByteArray &plaintext)
{
    return protocol::decodeWhole(plaintext).toMap().value(QStringLiteral("id")).toString();
}

RewrittenOp rewriteAttachmentKeys(const QByteArray &plaintext, const crypto::SecureBytes &recordKey,
                                  KeyDirection direction)
{
    const QCborValue op = protocol::decodeWhole(plaintext);
    const QCborValue body = op.toMap().value(QStringLiteral("body"));
    if (!body.isMap())
        return RewrittenOp{plaintext, {}};
    Walker walker{recordKey, direction, {}};
    const QCborValue rewritten = walker.walk(body);
    if (!walker.changed)
        return RewrittenOp{plaintext, walker.hashes};
    QCborMap out = op.toMap();
    out.insert(QStringLiteral("body"), rewritten);
    return RewrittenOp{protocol::encodeCanonical(out), walker.hashes};
}

} // namespace samla::appsync
