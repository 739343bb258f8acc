#include "consenttext.h"

#include <QVariantMap>

namespace samla::ui {

using namespace samla::domain;

QString ConsentText::category(ParticipantCategory c)
{
    switch (c) {
    case ParticipantCategory::Patient:
        return tr("Patient");
    case ParticipantCategory::FamilyMember:
        return tr("Family member");
    case ParticipantCategory::Staff:
        return tr("Staff");
    case ParticipantCategory::Citizen:
        return tr("Citizen");
    case ParticipantCategory::ChildOrAdolescent:
        return tr("Child or adolescent");
    }
    return {};
}

QString ConsentText::ageBand(AgeBand a)
{
    switch (a) {
    case AgeBand::Unknown:
        return tr("Age not known");
    case AgeBand::Under15:
        return tr("Under 15");
    case AgeBand::Age15:
        return tr("15 years");
    case AgeBand::Age16To17:
        return tr("16–17 years");
    case AgeBand::Age18To64:
        return tr("18–64 years");
    case AgeBand::Age65Plus:
        return tr("65 or older");
    }
    return {};
}

QString ConsentText::activity(Activity a)
{
    switch (a) {
    case Activity::Observation:
        return tr("Observation");
    case Activity::Interview:
        return tr("Interview");
    case Activity::AudioRecording:
        return tr("Audio recording");
    case Activity::Diary:
        return tr("Diary");
    case Activity::Questionnaires:
        return tr("Questionnaires");
    case Activity::Quotes:
        return tr("Use of quotes");
    case Activity::FutureContact:
        return tr("Future contact");
    case Activity::DataSharing:
        return tr("Data sharing");
    }
    return {};
}

QString ConsentText::eventType(ConsentEventType t)
{
    switch (t) {
    case ConsentEventType::ConsentGiven:
        return tr("Consent given");
    case ConsentEventType::Assent:
        return tr("Child's assent");
    case ConsentEventType::GuardianConsent:
        return tr("Guardian's consent");
    case ConsentEventType::ConsulteeAdvice:
        return tr("Consultee's advice");
    case ConsentEventType::Recheck:
        return tr("Consent re-checked");
    case ConsentEventType::Dissent:
        return tr("Dissent");
    case ConsentEventType::Pause:
        return tr("Paused");
    case ConsentEventType::Resume:
        return tr("Resumed");
    case ConsentEventType::Withdrawal:
        return tr("Withdrawal");
    }
    return {};
}

QString ConsentText::method(ConsentMethod m)
{
    switch (m) {
    case ConsentMethod::ElectronicSignature:
        return tr("Signed on screen");
    case ConsentMethod::Written:
        return tr("Signed on paper");
    case ConsentMethod::VerbalWithWitness:
        return tr("Verbal, with a witness");
    }
    return {};
}

QString ConsentText::route(ConsentRoute r)
{
    switch (r) {
    case ConsentRoute::Self:
        return tr("The participant consents for themselves.");
    case ConsentRoute::Consultee:
        return tr("The participant cannot consent for themselves: a consultee's advice is needed.");
    case ConsentRoute::GuardianWithAssent:
        return tr(
            "A parent or guardian consents; the child's own assent is asked for and a no is respected.");
    case ConsentRoute::GuardianAndChild:
        return tr("Both a parent or guardian and the child consent.");
    }
    return {};
}

QString ConsentText::recheckOutcome(RecheckOutcome o)
{
    switch (o) {
    case RecheckOutcome::Confirmed:
        return tr("confirmed");
    case RecheckOutcome::Hesitant:
        return tr("hesitant");
    case RecheckOutcome::DissentObserved:
        return tr("dissent observed");
    }
    return {};
}

QString ConsentText::withdrawalScope(WithdrawalScope s)
{
    switch (s) {
    case WithdrawalScope::NoMoreContact:
        return tr("No more contact");
    case WithdrawalScope::NoNewData:
        return tr("No new data");
    case WithdrawalScope::RemoveExistingData:
        return tr("Also remove existing data");
    }
    return {};
}

QString ConsentText::effect(EventEffect e)
{
    switch (e) {
    case EventEffect::Applied:
        return {};
    case EventEffect::IgnoredWhileWithdrawn:
        return tr("Not counted: the participant had withdrawn and this did not re-join them.");
    case EventEffect::NotUsedForRoute:
        return tr("Not needed for this participant's consent route.");
    case EventEffect::NoEffect:
        return tr("Changed nothing.");
    case EventEffect::NotYetEffective:
        return tr("Counts from its date, which is still ahead.");
    }
    return {};
}

QString ConsentText::language(const QString &code)
{
    if (code == QLatin1String("sv"))
        return QStringLiteral("Svenska");
    if (code == QLatin1String("en"))
        return QStringLiteral("English");
    return code;
}

bool ConsentText::collectionAllowed(const ConsentState &state)
{
    // New data only: quotes from data already given may stay in use after a stop.
    for (const ActivityState &a : state.activities) {
        if (a.allowed && isCollectionActivity(a.activity)
            && withdrawalBlocks(WithdrawalScope::NoNewData, a.activity))
            return true;
    }
    return false;
}

QString ConsentText::stateSummary(const ConsentState &state, std::int64_t nowMs)
{
    if (state.withdrawal)
        return tr("Withdrawn: %1").arg(withdrawalScope(*state.withdrawal));
    if (state.consulteeAgainst && state.route == ConsentRoute::Consultee)
        return tr("Consultee advised against taking part");
    if (state.dissent)
        return tr("Objected: check consent again");
    if (state.paused)
        return tr("Paused");
    if (state.reconsentDueMs > 0 && nowMs >= state.reconsentDueMs)
        return tr("Re-consent due");
    if (collectionAllowed(state)) {
        int allowed = 0;
        int total = 0;
        for (const ActivityState &a : state.activities) {
            if (!isCollectionActivity(a.activity))
                continue;
            ++total;
            allowed += a.allowed ? 1 : 0;
        }
        return tr("Consent in place: %1 of %2 activities").arg(allowed).arg(total);
    }
    const ActivityState &observation = state.forActivity(Activity::Observation);
    switch (observation.reason) {
    case Reason::NoConsent:
        return tr("No consent yet");
    case Reason::GuardianConsentMissing:
        return tr("Waiting for a guardian's consent");
    case Reason::AssentMissing:
        return tr("Waiting for the child's assent");
    case Reason::ConsulteeAdviceMissing:
        return tr("Waiting for a consultee's advice");
    case Reason::RequiredItemDeclined:
        return tr("Declined a required part: not taking part");
    default:
        return tr("No data may be collected");
    }
}

namespace {

QVariantMap choice(const QString &key, const QString &label)
{
    return QVariantMap { { QStringLiteral("key"), key }, { QStringLiteral("label"), label } };
}

} // namespace

QVariantList ConsentText::categoryChoices()
{
    QVariantList out;
    for (ParticipantCategory c :
        { ParticipantCategory::Patient, ParticipantCategory::FamilyMember, ParticipantCategory::Staff,
            ParticipantCategory::Citizen, ParticipantCategory::ChildOrAdolescent })
        out.append(choice(participantCategoryKey(c), category(c)));
    return out;
}

QVariantList ConsentText::ageBandChoices()
{
    QVariantList out;
    for (AgeBand a : { AgeBand::Under15, AgeBand::Age15, AgeBand::Age16To17, AgeBand::Age18To64,
             AgeBand::Age65Plus, AgeBand::Unknown })
        out.append(choice(ageBandKey(a), ageBand(a)));
    return out;
}

} // namespace samla::ui
