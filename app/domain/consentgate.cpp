#include "consentgate.h"

#include "consentlog.h"

#include "domainlog.h"

#include <QCoreApplication>

#include <algorithm>

namespace samla::domain {

namespace {

constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;
constexpr int kMaxEvents = 100000;

} // namespace

QString recheckWhyText(RecheckWhy why)
{
    switch (why) {
    case RecheckWhy::None:
        return {};
    case RecheckWhy::EverySession:
        return QCoreApplication::translate("ConsentRecheck",
                                           "This project checks consent at the start of every session. Ask the "
                                           "participant whether they are still happy to take part.");
    case RecheckWhy::Lapsed:
        return QCoreApplication::translate("ConsentRecheck",
                                           "The participant's consent is due to be confirmed again. Check consent "
                                           "before you start.");
    case RecheckWhy::DueSoon:
        return QCoreApplication::translate("ConsentRecheck",
                                           "The participant's consent is due to be confirmed again soon. You could "
                                           "check it in this session.");
    case RecheckWhy::Hesitant:
        return QCoreApplication::translate("ConsentRecheck",
                                           "At the last check the participant seemed hesitant. Check consent again "
                                           "before you start.");
    }
    return {};
}

Result<ConsentTimeline> deriveConsentFor(store::RecordStore &records, const QString &participantId,
                                         std::int64_t nowMs)
{
    Participants participants(records);
    auto participant = participants.get(participantId);
    if (!participant.ok())
        return participant.error();
    Projects projects(records);
    auto project = projects.get(participant->projectId);
    if (!project.ok())
        return project.error();
    auto rows = records.listForParticipant(ConsentLog::kKind, participantId, kMaxEvents);
    if (!rows.ok())
        return rows.error();
    QList<ConsentEvent> events;
    events.reserve(rows->size());
    for (const store::Record &r : rows.value()) {
        // Events of another project cannot speak for this one.
        if (r.projectId == participant->projectId)
            events.append(consentEventFromRecord(r));
    }
    const ConsentRules rules = ConsentRules::from(project->settings, participant->profile);
    Derivation d = deriveConsent(std::move(events), rules, participant->profile, nowMs);
    return ConsentTimeline{participant.value(), std::move(d.timeline), std::move(d.state)};
}

ConsentGate::ConsentGate(store::RecordStore &records, const Clock &clock) : m_records(records), m_clock(clock) {}

Decision ConsentGate::mayCollect(const QString &participantId, Activity activity) const
{
    auto derived = deriveConsentFor(m_records, participantId, m_clock.nowMs());
    Decision d;
    if (!derived.ok()) {
        d.allowed = false;
        d.reason = derived.code() == ErrorCode::NotFound ? Reason::NotEnrolled : Reason::CheckFailed;
        d.detailForLogs = QStringLiteral("%1: %2").arg(QLatin1String(errorCodeName(derived.code())),
                                                       derived.error().detail);
    } else {
        const ActivityState &s = derived->state.forActivity(activity);
        d.allowed = s.allowed;
        d.reason = s.reason;
        d.detailForLogs = s.detail;
    }
    if (!d.allowed)
        qCInfo(lcDomain) << "consent gate refused" << activityKey(activity) << "for participant" << participantId
                        << reasonKey(d.reason) << d.detailForLogs;
    return d;
}

Result<ConsentState> ConsentGate::state(const QString &participantId) const
{
    auto derived = deriveConsentFor(m_records, participantId, m_clock.nowMs());
    if (!derived.ok())
        return derived.error();
    return derived->state;
}

Result<ConsentTimeline> ConsentGate::timeline(const QString &participantId) const
{
    return deriveConsentFor(m_records, participantId, m_clock.nowMs());
}

Result<QList<ReconsentDue>> ConsentGate::reconsentDue(const QString &projectId, int withinDays) const
{
    Participants participants(m_records);
    auto all = participants.list(projectId);
    if (!all.ok())
        return all.error();
    const std::int64_t now = m_clock.nowMs();
    const std::int64_t horizon = now + std::int64_t(withinDays) * kDayMs;
    QList<ReconsentDue> out;
    for (const Participant &p : all.value()) {
        auto derived = deriveConsentFor(m_records, p.id, now);
        if (!derived.ok())
            return derived.error();
        const ConsentState &s = derived->state;
        if (s.withdrawal || s.reconsentDueMs == 0 || s.reconsentDueMs > horizon)
            continue;
        out.append(ReconsentDue{p.id, p.code, s.reconsentDueMs, s.reconsentDueMs <= now});
    }
    std::sort(out.begin(), out.end(), [](const ReconsentDue &a, const ReconsentDue &b) {
        return a.dueMs != b.dueMs ? a.dueMs < b.dueMs : a.code < b.code;
    });
    return out;
}

Result<SessionCheck> ConsentGate::sessionStartCheck(const QString &participantId, std::int64_t sessionStartMs,
                                                    int dueWithinDays) const
{
    // Everything recorded so far counts (a re-check taken just after the
    // session began included); the session start is what due dates are held against.
    auto derived = deriveConsentFor(m_records, participantId, std::max(m_clock.nowMs(), sessionStartMs));
    if (!derived.ok())
        return derived.error();
    const ConsentState &s = derived->state;
    SessionCheck check;
    check.dueMs = s.reconsentDueMs;
    // Nothing to re-check for someone who has not consented or has withdrawn:
    // the gate refuses them anyway, for its own reason.
    if (s.lastAffirmedMs == 0 || s.withdrawal)
        return check;
    auto project = Projects(m_records).get(derived->participant.projectId);
    if (!project.ok())
        return project.error();
    auto require = [&check](RecheckWhy why) {
        check.recheckRequired = true;
        check.why = why;
        return check;
    };
    if (s.reconsentDueMs > 0 && s.reconsentDueMs <= sessionStartMs)
        return require(RecheckWhy::Lapsed);
    if (project->settings.recheckEverySession && s.lastAffirmedMs < sessionStartMs)
        return require(RecheckWhy::EverySession);
    if (s.hesitant)
        return require(RecheckWhy::Hesitant);
    if (s.reconsentDueMs > 0 && s.reconsentDueMs <= sessionStartMs + std::int64_t(dueWithinDays) * kDayMs)
        return require(RecheckWhy::DueSoon);
    return check;
}

} // namespace samla::domain
