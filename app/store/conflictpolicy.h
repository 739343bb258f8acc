// Conflict policies per record kind: the domain says how each kind's concurrent versions meet, sync applies it.
#pragma once

#include "sync/protocol/hlc.h"

#include <QCborMap>
#include <QCborValue>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace samla::store {

// ARCHITECTURE.md §3, "Conflict policy per kind".
enum class ConflictPolicy {
    // Every save is a version; two made at once are both kept, the later
    // (by HLC) is current, and the pair is listed (field notes; the default).
    KeepBoth,
    // Written once, never changed: a second version of such a record from
    // another device is a protocol error, refused and counted, never listed
    // (consent events, audit events, observation events).
    AppendOnly,
    // Versioned until finalised, then immutable: a change made from a
    // finalised version is refused; a finalised version made at the same
    // time as another version wins, both are kept and flagged for review.
    // A correction is a new record that supersedes the finalised one.
    Finalisable,
    // Per-field last writer wins against the common base the op names: a
    // field changed on one side only is merged silently, a field changed on
    // both sides to different values takes the later (by HLC) and is listed.
    MergeFields,
};

// How one field is merged when both sides changed it since the base (a
// field is a top-level key of the body, or of a map inside it, named by its
// path "settings.code_prefix"). Returns the merged value, or nothing for the
// default: the later side wins and the field is listed as a conflict.
using FieldMerge = std::function<std::optional<QCborValue>(const QString &path, const QCborValue &base,
                                                           const QCborValue &earlier, const QCborValue &later)>;

struct KindPolicy {
    ConflictPolicy policy = ConflictPolicy::KeepBoth;
    // Finalisable: whether a body is a finalised version.
    std::function<bool(const QCborMap &body)> isFinal;
    // MergeFields: the kind's own merge of a field both sides changed (optional).
    FieldMerge mergeField;
};

// The process-wide table the domain fills (domain::installConflictPolicies)
// and RecordStore::applyRemote reads, on any connection and thread. Kinds
// not registered keep both versions.
void setKindPolicy(const QString &kind, KindPolicy policy);
KindPolicy kindPolicy(const QString &kind);

// The store's own kind: a user's resolution of a listed conflict, synced so
// the conflict closes on every device (append-only; body: record, kept,
// other, choice).
inline const QString kResolutionKind = QStringLiteral("sync_resolution");

// Names stored in sync_conflicts.policy.
QString conflictPolicyKey(ConflictPolicy policy);

struct FieldMergeResult {
    QCborMap body;
    QStringList conflicting;   // paths both sides changed to different values, sorted
};

// The three-way merge of MergeFields: `earlier` and `later` are the two
// sides, ordered by their HLC stamps, so the result is the same whichever
// arrives first. Maps inside the body merge key by key; anything else
// (text, numbers, arrays) is one field.
FieldMergeResult mergeFields(const QCborMap &base, const QCborMap &earlier, const QCborMap &later,
                             const FieldMerge &custom = {});

// The stamp of a merged version: one past the latest stamp a device issued
// among the versions merged, with a device part derived from that stamp and
// the merged body (marked, so it is nobody's own and never equals a stamp a
// device issues). Every device that holds the same versions gets the same
// stamp, whatever order or grouping it merged them in.
protocol::HlcStamp mergedStamp(const protocol::HlcStamp &a, const protocol::HlcStamp &b, const QCborMap &mergedBody);
bool isMergedStamp(const protocol::HlcStamp &s);

} // namespace samla::store
