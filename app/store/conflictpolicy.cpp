#include "conflictpolicy.h"

#include "sync/protocol/canonicalcbor.h"

#include <QCryptographicHash>
#include <QHash>

#include <algorithm>
#include <shared_mutex>

namespace samla::store {

namespace {

struct Registry {
    std::shared_mutex mutex;
    QHash<QString, KindPolicy> kinds;
};

Registry &registry()
{
    static Registry r;
    return r;
}

void mergeInto(const QString &prefix, const QCborMap &base, const QCborMap &earlier, const QCborMap &later,
               const FieldMerge &custom, FieldMergeResult &out, QCborMap &merged)
{
    QStringList keys;
    for (const QCborMap *m : {&base, &earlier, &later})
        for (auto it = m->constBegin(); it != m->constEnd(); ++it)
            if (it.key().isString() && !keys.contains(it.key().toString()))
                keys << it.key().toString();
    std::sort(keys.begin(), keys.end());
    for (const QString &key : keys) {
        const QString path = prefix.isEmpty() ? key : prefix + QLatin1Char('.') + key;
        const QCborValue b = base.value(key);
        const QCborValue e = earlier.value(key);
        const QCborValue l = later.value(key);
        QCborValue result;
        if (e == l) {
            result = e;
        } else if (e == b) {
            result = l;               // changed on the later side only
        } else if (l == b) {
            result = e;               // changed on the earlier side only
        } else if ((e.isMap() || e.isUndefined()) && (l.isMap() || l.isUndefined())
                   && (b.isMap() || b.isUndefined()) && (e.isMap() || l.isMap())) {
            QCborMap inner;
            mergeInto(path, b.toMap(), e.toMap(), l.toMap(), custom, out, inner);
            result = inner;
        } else if (auto own = custom ? custom(path, b, e, l) : std::nullopt; own) {
            result = *own;
        } else {
            result = l;               // both changed it: the later change is in force
            out.conflicting << path;
        }
        if (!result.isUndefined())
            merged.insert(key, result);
    }
}

} // namespace

void setKindPolicy(const QString &kind, KindPolicy policy)
{
    std::unique_lock lock(registry().mutex);
    registry().kinds.insert(kind, std::move(policy));
}

KindPolicy kindPolicy(const QString &kind)
{
    if (kind == kResolutionKind)
        return KindPolicy{ConflictPolicy::AppendOnly, {}, {}};
    std::shared_lock lock(registry().mutex);
    return registry().kinds.value(kind);
}

QString conflictPolicyKey(ConflictPolicy policy)
{
    switch (policy) {
    case ConflictPolicy::KeepBoth: return QStringLiteral("keep_both");
    case ConflictPolicy::AppendOnly: return QStringLiteral("append_only");
    case ConflictPolicy::Finalisable: return QStringLiteral("review");
    case ConflictPolicy::MergeFields: return QStringLiteral("fields");
    }
    return QStringLiteral("keep_both");
}

FieldMergeResult mergeFields(const QCborMap &base, const QCborMap &earlier, const QCborMap &later,
                             const FieldMerge &custom)
{
    FieldMergeResult out;
    mergeInto(QString(), base, earlier, later, custom, out, out.body);
    out.conflicting.sort();
    return out;
}

namespace {

// The device part of every merged stamp starts with these 8 bytes (a real
// device id does so with odds of 2^-64), so a merge of merges can tell.
const QByteArray kMergedMark = QByteArrayLiteral("samla-mg");

// The latest stamp a device issued among the versions a stamp stands for:
// itself, or for a merged version the one its stamp was made from.
protocol::HlcStamp origin(const protocol::HlcStamp &s)
{
    if (!isMergedStamp(s))
        return s;
    protocol::HlcStamp o = s;
    o.counter = s.counter - 1;
    o.deviceId.clear();
    return o;
}

} // namespace

bool isMergedStamp(const protocol::HlcStamp &s)
{
    return s.deviceId.size() == 16 && s.deviceId.startsWith(kMergedMark) && s.counter > 0;
}

protocol::HlcStamp mergedStamp(const protocol::HlcStamp &a, const protocol::HlcStamp &b, const QCborMap &mergedBody)
{
    // One past the latest stamp any device issued among the merged versions,
    // and a device part from that stamp and the merged content: every device
    // that merges the same versions, in any grouping or order, gets the same
    // stamp (merging a merge again does not count one more).
    const protocol::HlcStamp oa = origin(a);
    const protocol::HlcStamp ob = origin(b);
    const auto key = [](const protocol::HlcStamp &s) { return std::pair(s.physicalMs, s.counter); };
    const protocol::HlcStamp &hi = key(oa) < key(ob) ? ob : oa;
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(QByteArrayView("samla-merged-version-v2"));
    h.addData(QByteArray::number(qint64(hi.physicalMs)) + ':' + QByteArray::number(qint64(hi.counter)) + ':');
    h.addData(protocol::encodeCanonical(mergedBody));
    protocol::HlcStamp out;
    out.physicalMs = hi.physicalMs;
    out.counter = hi.counter + 1;
    out.deviceId = kMergedMark + h.result().left(8);
    return out;
}

} // namespace samla::store
