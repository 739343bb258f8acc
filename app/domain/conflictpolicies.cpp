#include "conflictpolicies.h"

#include "auditlog.h"
#include "consentlog.h"
#include "notes.h"
#include "participants.h"
#include "projects.h"

#include "app/store/conflictpolicy.h"

#include <QCborArray>

#include <mutex>

namespace samla::domain {

namespace {

// A participant's earlier codes: each side may have added one (a recode on
// each device); all of them stay, so a form written under either can be traced.
std::optional<QCborValue> mergeParticipantField(const QString &path, const QCborValue &, const QCborValue &earlier,
                                                const QCborValue &later)
{
    if (path != QLatin1String("previous_codes"))
        return std::nullopt;
    QStringList codes;
    for (const QCborValue *side : {&earlier, &later})
        for (const QCborValue &code : side->toArray())
            if (code.isString() && !codes.contains(code.toString()))
                codes << code.toString();
    codes.sort();
    return QCborValue(QCborArray::fromStringList(codes));
}

} // namespace

void installConflictPolicies()
{
    static std::once_flag once;
    std::call_once(once, [] {
        using store::ConflictPolicy;
        using store::KindPolicy;
        store::setKindPolicy(ConsentLog::kKind, KindPolicy{ConflictPolicy::AppendOnly, {}, {}});
        store::setKindPolicy(AuditLog::kKind, KindPolicy{ConflictPolicy::AppendOnly, {}, {}});
        store::setKindPolicy(Participants::kKind, KindPolicy{ConflictPolicy::MergeFields, {}, mergeParticipantField});
        store::setKindPolicy(Projects::kKind, KindPolicy{ConflictPolicy::MergeFields, {}, {}});
        store::setKindPolicy(Notes::kKind, KindPolicy{ConflictPolicy::KeepBoth, {}, {}});
    });
}

} // namespace samla::domain
