#include "consentstate.h"

#include <algorithm>

namespace samla::domain {

namespace {

constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;

bool isMinorBand(AgeBand a)
{
    return a == AgeBand::Under15 || a == AgeBand::Age15 || a == AgeBand::Age16To17;
}

// Everything the fold keeps while it walks the events.
struct Fold {
    struct Withdrawal {
        QString id;
        WithdrawalScope scope;
    };
    std::optional<ConsentEvent> self;       // the participant's own latest consent
    std::optional<ConsentEvent> guardian;
    std::optional<ConsentEvent> consultee;  // latest advice for
    std::optional<ConsentEvent> assent;
    QList<Withdrawal> withdrawals;
    bool dissent = false;
    bool paused = false;
    bool against = false;
    bool hesitant = false;
    std::int64_t lastAffirmedMs = 0;

    void restartAfterWithdrawal()
    {
        *this = Fold();
    }
};

bool isSlotGrant(const ConsentEvent &e)
{
    return e.type == ConsentEventType::ConsentGiven || e.type == ConsentEventType::GuardianConsent
           || e.type == ConsentEventType::Assent
           || (e.type == ConsentEventType::ConsulteeAdvice && e.advice == ConsulteeOpinion::For);
}

bool usedByRoute(const ConsentEvent &e, ConsentRoute route)
{
    switch (e.type) {
    case ConsentEventType::ConsentGiven:
        return route != ConsentRoute::Consultee;
    case ConsentEventType::GuardianConsent:
        return route == ConsentRoute::GuardianWithAssent || route == ConsentRoute::GuardianAndChild;
    case ConsentEventType::Assent:
        return route == ConsentRoute::GuardianWithAssent || route == ConsentRoute::GuardianAndChild;
    case ConsentEventType::ConsulteeAdvice:
        return route == ConsentRoute::Consultee;
    default:
        return true;
    }
}

// Applies one event; returns how it counted.
EventEffect apply(Fold &f, const ConsentEvent &e, ConsentRoute route)
{
    if (isSlotGrant(e) && !f.withdrawals.isEmpty()) {
        const bool namesAll = std::all_of(f.withdrawals.cbegin(), f.withdrawals.cend(),
                                          [&e](const Fold::Withdrawal &w) { return e.reinstates.contains(w.id); });
        if (!namesAll)
            return EventEffect::IgnoredWhileWithdrawn;
        // Re-joining after a withdrawal starts from nothing: every consent
        // the route needs is taken again.
        f.restartAfterWithdrawal();
    }
    switch (e.type) {
    case ConsentEventType::ConsentGiven:
        f.self = e;
        f.dissent = false;
        f.hesitant = false;
        f.lastAffirmedMs = e.effectiveMs;
        return EventEffect::Applied;
    case ConsentEventType::GuardianConsent:
        f.guardian = e;
        f.lastAffirmedMs = e.effectiveMs;
        return EventEffect::Applied;
    case ConsentEventType::Assent:
        f.assent = e;
        f.dissent = false;
        f.lastAffirmedMs = e.effectiveMs;
        return EventEffect::Applied;
    case ConsentEventType::ConsulteeAdvice:
        if (e.advice == ConsulteeOpinion::Against) {
            f.against = true;
        } else {
            f.consultee = e;
            f.against = false;
            f.lastAffirmedMs = e.effectiveMs;
        }
        return EventEffect::Applied;
    case ConsentEventType::Recheck:
        if (e.outcome == RecheckOutcome::Hesitant) {
            f.hesitant = true;
            return EventEffect::Applied;
        }
        if (e.outcome == RecheckOutcome::Confirmed) {
            if (!f.withdrawals.isEmpty())
                return EventEffect::NoEffect;
            f.dissent = false;
            f.hesitant = false;
            f.lastAffirmedMs = e.effectiveMs;
            return EventEffect::Applied;
        }
        [[fallthrough]]; // dissent observed at a recheck is dissent
    case ConsentEventType::Dissent:
        // Under the consultee route an objection withdraws the person (England:
        // Mental Capacity Act s33); otherwise it stops everything until re-consent.
        if (route == ConsentRoute::Consultee)
            f.withdrawals.append({e.id, WithdrawalScope::NoNewData});
        else
            f.dissent = true;
        return EventEffect::Applied;
    case ConsentEventType::Pause:
        f.paused = true;
        return EventEffect::Applied;
    case ConsentEventType::Resume:
        if (!f.paused)
            return EventEffect::NoEffect;
        f.paused = false;
        return EventEffect::Applied;
    case ConsentEventType::Withdrawal:
        f.withdrawals.append({e.id, e.scope});
        return EventEffect::Applied;
    }
    return EventEffect::NoEffect;
}

// Checks one grant's answers for an activity. `mustCover`: the grant has to
// contain an item for the activity (a child's own form in a guardian route may only decline).
std::optional<std::pair<Reason, QString>> checkAnswers(const ConsentEvent &grant, Activity a, bool mustCover)
{
    for (const ItemAnswer &answer : grant.answers) {
        if (answer.required && !answer.agreed)
            return std::pair{Reason::RequiredItemDeclined,
                             QStringLiteral("event %1 item %2 required, declined").arg(grant.id, answer.itemId)};
    }
    bool covered = false;
    for (const ItemAnswer &answer : grant.answers) {
        if (answer.activity != a)
            continue;
        covered = true;
        if (!answer.agreed)
            return std::pair{Reason::ItemDeclined, QStringLiteral("event %1 item %2 declined").arg(grant.id, answer.itemId)};
    }
    if (!covered && mustCover)
        return std::pair{Reason::NotInForm, QStringLiteral("form %1 has no item for %2").arg(grant.formVersionId, activityKey(a))};
    return std::nullopt;
}

ActivityState evaluate(const Fold &f, ConsentRoute route, const ConsentRules &rules, Activity a, std::int64_t dueMs,
                       std::int64_t nowMs)
{
    ActivityState s;
    s.activity = a;
    auto refuse = [&s](Reason r, QString detail) {
        s.allowed = false;
        s.reason = r;
        s.detail = std::move(detail);
        return s;
    };
    const bool newData = withdrawalBlocks(WithdrawalScope::NoNewData, a);
    for (const Fold::Withdrawal &w : f.withdrawals) {
        if (withdrawalBlocks(w.scope, a))
            return refuse(Reason::Withdrawn, QStringLiteral("withdrawal %1 (%2)").arg(w.id, withdrawalScopeKey(w.scope)));
    }
    if (route == ConsentRoute::Consultee && f.against)
        return refuse(Reason::ConsulteeAdvisedAgainst, QStringLiteral("consultee advised against"));
    if (f.dissent)
        return refuse(Reason::Dissent, QStringLiteral("dissent not yet followed by re-consent"));
    if (f.paused && newData)
        return refuse(Reason::Paused, QStringLiteral("paused"));

    // The grants this route needs, and whether each has to cover the activity.
    QList<std::pair<const ConsentEvent *, bool>> grants;
    switch (route) {
    case ConsentRoute::Self:
        if (!f.self)
            return refuse(Reason::NoConsent, QStringLiteral("no consent_given"));
        grants.append({&*f.self, true});
        break;
    case ConsentRoute::Consultee:
        if (!f.consultee)
            return refuse(Reason::ConsulteeAdviceMissing, QStringLiteral("no consultee advice for"));
        grants.append({&*f.consultee, true});
        break;
    case ConsentRoute::GuardianWithAssent:
        if (!f.guardian)
            return refuse(Reason::GuardianConsentMissing, QStringLiteral("no guardian_consent"));
        if (rules.childAssentRequired && !f.assent && !f.self)
            return refuse(Reason::AssentMissing, QStringLiteral("no assent"));
        grants.append({&*f.guardian, true});
        if (f.self)
            grants.append({&*f.self, false}); // the child's own "no" is respected
        break;
    case ConsentRoute::GuardianAndChild:
        if (!f.guardian)
            return refuse(Reason::GuardianConsentMissing, QStringLiteral("no guardian_consent"));
        if (!f.self)
            return refuse(Reason::NoConsent, QStringLiteral("no consent_given by the child"));
        grants.append({&*f.guardian, true});
        grants.append({&*f.self, true});
        break;
    }
    for (const auto &[grant, mustCover] : grants) {
        if (auto refused = checkAnswers(*grant, a, mustCover))
            return refuse(refused->first, refused->second);
    }
    if (newData && dueMs > 0 && nowMs >= dueMs)
        return refuse(Reason::Expired, QStringLiteral("re-consent was due at %1").arg(dueMs));
    s.allowed = true;
    s.reason = Reason::None;
    return s;
}

} // namespace

QString consentRouteKey(ConsentRoute route)
{
    switch (route) {
    case ConsentRoute::Self: return QStringLiteral("self");
    case ConsentRoute::Consultee: return QStringLiteral("consultee");
    case ConsentRoute::GuardianWithAssent: return QStringLiteral("guardian_with_assent");
    case ConsentRoute::GuardianAndChild: return QStringLiteral("guardian_and_child");
    }
    return {};
}

ConsentRoute consentRouteFor(Jurisdiction jurisdiction, const ParticipantProfile &profile)
{
    AgeBand band = profile.ageBand;
    // Not knowing a child's age is treated as the youngest band: the most protective route.
    if (band == AgeBand::Unknown)
        band = profile.category == ParticipantCategory::ChildOrAdolescent ? AgeBand::Under15 : AgeBand::Age18To64;
    const bool understands = profile.understandsConsent;
    switch (jurisdiction) {
    case Jurisdiction::Sweden:
        // Etikprövningslagen 18 §: from 15 a person who understands consents alone.
        if (band == AgeBand::Under15)
            return ConsentRoute::GuardianWithAssent;
        if (isMinorBand(band))
            return understands ? ConsentRoute::Self : ConsentRoute::GuardianWithAssent;
        return understands ? ConsentRoute::Self : ConsentRoute::Consultee;
    case Jurisdiction::England:
        // Under 16 both parent and competent child; from 16 the Mental Capacity Act.
        if (band == AgeBand::Under15 || band == AgeBand::Age15)
            return understands ? ConsentRoute::GuardianAndChild : ConsentRoute::GuardianWithAssent;
        return understands ? ConsentRoute::Self : ConsentRoute::Consultee;
    }
    return ConsentRoute::Self;
}

ConsentRules ConsentRules::from(const ProjectSettings &settings, const ParticipantProfile &profile)
{
    ConsentRules r;
    r.jurisdiction = settings.jurisdictionFor(profile.siteId);
    r.reconsentIntervalDays = settings.reconsentIntervalDays;
    r.childAssentRequired = settings.childAssentRequired;
    return r;
}

const ActivityState &ConsentState::forActivity(Activity a) const
{
    for (const ActivityState &s : activities) {
        if (s.activity == a)
            return s;
    }
    static const ActivityState none;
    return none;
}

bool ConsentState::anyAllowed() const
{
    return std::any_of(activities.cbegin(), activities.cend(), [](const ActivityState &s) { return s.allowed; });
}

bool derivationLess(const ConsentEvent &a, const ConsentEvent &b)
{
    if (a.effectiveMs != b.effectiveMs)
        return a.effectiveMs < b.effectiveMs;
    if (a.isRestriction() != b.isRestriction())
        return !a.isRestriction();
    if (a.hlc != b.hlc)
        return a.hlc < b.hlc;
    return a.id < b.id;
}

Derivation deriveConsent(QList<ConsentEvent> events, const ConsentRules &rules, const ParticipantProfile &profile,
                         std::int64_t nowMs)
{
    std::sort(events.begin(), events.end(), derivationLess);
    const ConsentRoute route = consentRouteFor(rules.jurisdiction, profile);
    Derivation out;
    Fold fold;
    for (const ConsentEvent &e : events) {
        // Restrictions count at once; a grant dated in the future does not permit anything yet.
        if (e.isGrant() && e.effectiveMs > nowMs) {
            out.timeline.append(TimelineEntry{e, EventEffect::NotYetEffective});
            continue;
        }
        EventEffect effect = apply(fold, e, route);
        if (effect == EventEffect::Applied && !usedByRoute(e, route))
            effect = EventEffect::NotUsedForRoute;
        out.timeline.append(TimelineEntry{e, effect});
    }
    ConsentState &state = out.state;
    state.route = route;
    for (const Fold::Withdrawal &w : fold.withdrawals) {
        state.activeWithdrawalIds << w.id;
        if (!state.withdrawal || int(w.scope) > int(*state.withdrawal))
            state.withdrawal = w.scope;
    }
    state.dissent = fold.dissent;
    state.paused = fold.paused;
    state.consulteeAgainst = fold.against;
    state.hesitant = fold.hesitant;
    state.lastAffirmedMs = fold.lastAffirmedMs;
    if (rules.reconsentIntervalDays > 0 && fold.lastAffirmedMs > 0)
        state.reconsentDueMs = fold.lastAffirmedMs + rules.reconsentIntervalDays * kDayMs;
    for (Activity a : kAllActivities)
        state.activities.append(evaluate(fold, route, rules, a, state.reconsentDueMs, nowMs));
    return out;
}

} // namespace samla::domain
