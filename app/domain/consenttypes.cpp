#include "consenttypes.h"

#include "enumkeys.h"

#include <QCborArray>
#include <QCoreApplication>

namespace samla::domain {

namespace {

const detail::EnumKey<Activity> kActivityKeys[] = {
    {Activity::Observation, "observation"},       {Activity::Interview, "interview"},
    {Activity::AudioRecording, "audio_recording"}, {Activity::Diary, "diary"},
    {Activity::Questionnaires, "questionnaires"}, {Activity::Quotes, "quotes"},
    {Activity::FutureContact, "future_contact"},  {Activity::DataSharing, "data_sharing"},
};
const detail::EnumKey<ConsentEventType> kTypeKeys[] = {
    {ConsentEventType::ConsentGiven, "consent_given"},
    {ConsentEventType::Assent, "assent"},
    {ConsentEventType::GuardianConsent, "guardian_consent"},
    {ConsentEventType::ConsulteeAdvice, "consultee_advice"},
    {ConsentEventType::Recheck, "recheck"},
    {ConsentEventType::Dissent, "dissent"},
    {ConsentEventType::Pause, "pause"},
    {ConsentEventType::Resume, "resume"},
    {ConsentEventType::Withdrawal, "withdrawal"},
};
const detail::EnumKey<ConsentMethod> kMethodKeys[] = {
    {ConsentMethod::ElectronicSignature, "electronic_signature"},
    {ConsentMethod::Written, "written"},
    {ConsentMethod::VerbalWithWitness, "verbal_with_witness"},
};
const detail::EnumKey<RecheckOutcome> kOutcomeKeys[] = {
    {RecheckOutcome::Confirmed, "confirmed"},
    {RecheckOutcome::Hesitant, "hesitant"},
    {RecheckOutcome::DissentObserved, "dissent_observed"},
};
const detail::EnumKey<CapacityTest> kCapacityTestKeys[] = {
    {CapacityTest::Gillick, "gillick"},
    {CapacityTest::Understanding, "understanding"},
};
const detail::EnumKey<WithdrawalScope> kScopeKeys[] = {
    {WithdrawalScope::NoMoreContact, "no_more_contact"},
    {WithdrawalScope::NoNewData, "no_new_data"},
    {WithdrawalScope::RemoveExistingData, "remove_existing_data"},
};
const detail::EnumKey<Reason> kReasonKeys[] = {
    {Reason::None, "none"},
    {Reason::NotEnrolled, "not_enrolled"},
    {Reason::NoConsent, "no_consent"},
    {Reason::RequiredItemDeclined, "required_item_declined"},
    {Reason::ItemDeclined, "item_declined"},
    {Reason::NotInForm, "not_in_form"},
    {Reason::Withdrawn, "withdrawn"},
    {Reason::Dissent, "dissent"},
    {Reason::Paused, "paused"},
    {Reason::Expired, "expired"},
    {Reason::ConsulteeAdviceMissing, "consultee_advice_missing"},
    {Reason::ConsulteeAdvisedAgainst, "consultee_advised_against"},
    {Reason::GuardianConsentMissing, "guardian_consent_missing"},
    {Reason::AssentMissing, "assent_missing"},
    {Reason::CheckFailed, "check_failed"},
};

const QString kType = QStringLiteral("type");
const QString kEffective = QStringLiteral("effective_ms");
const QString kRecorded = QStringLiteral("recorded_ms");
const QString kFormVersion = QStringLiteral("form_version");
const QString kFormHash = QStringLiteral("form_hash");
const QString kLanguage = QStringLiteral("language");
const QString kAnswers = QStringLiteral("answers");
const QString kItem = QStringLiteral("item");
const QString kActivity = QStringLiteral("activity");
const QString kRequired = QStringLiteral("required");
const QString kAgreed = QStringLiteral("agreed");
const QString kMethod = QStringLiteral("method");
const QString kObtainedBy = QStringLiteral("obtained_by");
const QString kWitness = QStringLiteral("witness");
const QString kRole = QStringLiteral("role");
const QString kAdvice = QStringLiteral("advice");
const QString kOutcome = QStringLiteral("outcome");
const QString kScope = QStringLiteral("scope");
const QString kDuring = QStringLiteral("during_activity");
const QString kReinstates = QStringLiteral("reinstates");
const QString kNotes = QStringLiteral("notes");
const QString kCapacity = QStringLiteral("capacity");
const QString kCapacityTest = QStringLiteral("test");
const QString kCompetent = QStringLiteral("competent");
const QString kCapacityNote = QStringLiteral("note");
const QString kPdf = QStringLiteral("pdf");
const QString kPdfSha1 = QStringLiteral("pdf_sha1");
const QString kSignature = QStringLiteral("signature");

bool hasAnswers(ConsentEventType t)
{
    return t == ConsentEventType::ConsentGiven || t == ConsentEventType::GuardianConsent
           || t == ConsentEventType::ConsulteeAdvice;
}

} // namespace

QString activityKey(Activity a) { return detail::keyOf(kActivityKeys, a); }
std::optional<Activity> activityFromKey(const QString &key) { return detail::fromKey(kActivityKeys, key); }
bool isCollectionActivity(Activity a) { return a != Activity::FutureContact && a != Activity::DataSharing; }
QString consentEventTypeKey(ConsentEventType t) { return detail::keyOf(kTypeKeys, t); }
std::optional<ConsentEventType> consentEventTypeFromKey(const QString &key) { return detail::fromKey(kTypeKeys, key); }
QString consentMethodKey(ConsentMethod m) { return detail::keyOf(kMethodKeys, m); }
std::optional<ConsentMethod> consentMethodFromKey(const QString &key) { return detail::fromKey(kMethodKeys, key); }
QString recheckOutcomeKey(RecheckOutcome o) { return detail::keyOf(kOutcomeKeys, o); }
std::optional<RecheckOutcome> recheckOutcomeFromKey(const QString &key) { return detail::fromKey(kOutcomeKeys, key); }
QString capacityTestKey(CapacityTest t) { return detail::keyOf(kCapacityTestKeys, t); }
std::optional<CapacityTest> capacityTestFromKey(const QString &key) { return detail::fromKey(kCapacityTestKeys, key); }
QString withdrawalScopeKey(WithdrawalScope s) { return detail::keyOf(kScopeKeys, s); }
std::optional<WithdrawalScope> withdrawalScopeFromKey(const QString &key) { return detail::fromKey(kScopeKeys, key); }
QString reasonKey(Reason r) { return detail::keyOf(kReasonKeys, r); }

bool withdrawalBlocks(WithdrawalScope scope, Activity a)
{
    switch (scope) {
    case WithdrawalScope::NoMoreContact:
        // Nobody asks them anything again; non-participant observation of a
        // ward or event goes on, and data already given stays in use.
        return a != Activity::Observation && a != Activity::Quotes && a != Activity::DataSharing;
    case WithdrawalScope::NoNewData:
        // Nothing new is collected; data already given stays in use (stop and retain).
        return a != Activity::Quotes && a != Activity::DataSharing;
    case WithdrawalScope::RemoveExistingData:
        return true;
    }
    return true;
}

QString reasonText(Reason r)
{
    switch (r) {
    case Reason::None:
        return {};
    case Reason::NotEnrolled:
        return QCoreApplication::translate("ConsentReason", "This person is not enrolled in this project.");
    case Reason::NoConsent:
        return QCoreApplication::translate("ConsentReason",
                                           "The participant has not given consent for this yet. Take consent first.");
    case Reason::RequiredItemDeclined:
        return QCoreApplication::translate("ConsentReason",
                                           "The participant declined a part of the consent that taking part "
                                           "requires, so no data can be collected.");
    case Reason::ItemDeclined:
        return QCoreApplication::translate("ConsentReason", "The participant said no to this part of the study.");
    case Reason::NotInForm:
        return QCoreApplication::translate("ConsentReason",
                                           "The consent form the participant signed does not cover this activity.");
    case Reason::Withdrawn:
        return QCoreApplication::translate("ConsentReason",
                                           "The participant has withdrawn. Do not collect anything new from them.");
    case Reason::Dissent:
        return QCoreApplication::translate("ConsentReason",
                                           "The participant has objected. Stop, and collect nothing until their "
                                           "consent has been checked again.");
    case Reason::Paused:
        return QCoreApplication::translate("ConsentReason",
                                           "The participant's participation is paused. Resume it before collecting data.");
    case Reason::Expired:
        return QCoreApplication::translate("ConsentReason",
                                           "The participant's consent is due to be confirmed again. Check consent "
                                           "with them before collecting data.");
    case Reason::ConsulteeAdviceMissing:
        return QCoreApplication::translate("ConsentReason",
                                           "This participant cannot consent for themselves and no consultee advice "
                                           "has been recorded.");
    case Reason::ConsulteeAdvisedAgainst:
        return QCoreApplication::translate("ConsentReason",
                                           "The consultee advised that this person would not want to take part. "
                                           "Do not include them.");
    case Reason::GuardianConsentMissing:
        return QCoreApplication::translate("ConsentReason",
                                           "A parent or guardian has not given consent for this participant.");
    case Reason::AssentMissing:
        return QCoreApplication::translate("ConsentReason",
                                           "The child has not agreed themselves yet. Ask for their assent first.");
    case Reason::CheckFailed:
        return QCoreApplication::translate("ConsentReason",
                                           "Consent could not be checked, so nothing can be collected now. Try "
                                           "again; if it keeps happening, contact your data manager.");
    }
    return {};
}

bool ConsentEvent::isGrant() const
{
    switch (type) {
    case ConsentEventType::ConsentGiven:
    case ConsentEventType::Assent:
    case ConsentEventType::GuardianConsent:
    case ConsentEventType::Resume:
        return true;
    case ConsentEventType::ConsulteeAdvice:
        return advice == ConsulteeOpinion::For;
    case ConsentEventType::Recheck:
        return outcome == RecheckOutcome::Confirmed;
    default:
        return false;
    }
}

bool ConsentEvent::isRestriction() const
{
    switch (type) {
    case ConsentEventType::Dissent:
    case ConsentEventType::Pause:
    case ConsentEventType::Withdrawal:
        return true;
    case ConsentEventType::ConsulteeAdvice:
        return advice == ConsulteeOpinion::Against;
    case ConsentEventType::Recheck:
        return outcome == RecheckOutcome::DissentObserved;
    default:
        return false;
    }
}

QCborMap ConsentEvent::toCbor() const
{
    QCborMap m;
    m.insert(kType, consentEventTypeKey(type));
    m.insert(kEffective, qint64(effectiveMs));
    m.insert(kRecorded, qint64(recordedMs));
    if (hasAnswers(type) && !(type == ConsentEventType::ConsulteeAdvice && advice == ConsulteeOpinion::Against)) {
        m.insert(kFormVersion, formVersionId);
        m.insert(kFormHash, formHash);
        m.insert(kLanguage, language);
        QCborArray answerArray;
        for (const ItemAnswer &a : answers) {
            QCborMap am;
            am.insert(kItem, a.itemId);
            am.insert(kActivity, activityKey(a.activity));
            am.insert(kRequired, a.required);
            am.insert(kAgreed, a.agreed);
            answerArray.append(am);
        }
        m.insert(kAnswers, answerArray);
        m.insert(kMethod, consentMethodKey(method));
        m.insert(kWitness, witness);
    }
    m.insert(kObtainedBy, obtainedBy);
    if (!role.isEmpty())
        m.insert(kRole, role);
    if (type == ConsentEventType::ConsulteeAdvice)
        m.insert(kAdvice, advice == ConsulteeOpinion::For ? QStringLiteral("for") : QStringLiteral("against"));
    if (type == ConsentEventType::Recheck)
        m.insert(kOutcome, recheckOutcomeKey(outcome));
    if (type == ConsentEventType::Withdrawal)
        m.insert(kScope, withdrawalScopeKey(scope));
    if (duringActivity)
        m.insert(kDuring, activityKey(*duringActivity));
    if (!reinstates.isEmpty())
        m.insert(kReinstates, QCborArray::fromStringList(reinstates));
    if (!notes.isEmpty())
        m.insert(kNotes, notes);
    if (capacity) {
        QCborMap c;
        c.insert(kCapacityTest, capacityTestKey(capacity->test));
        c.insert(kCompetent, capacity->competent);
        c.insert(kCapacityNote, capacity->note);
        m.insert(kCapacity, c);
    }
    if (pdf)
        m.insert(kPdf, attachmentRefToCbor(*pdf));
    if (!pdfSha1.isEmpty())
        m.insert(kPdfSha1, QCborValue(pdfSha1));
    if (signature)
        m.insert(kSignature, attachmentRefToCbor(*signature));
    return m;
}

ConsentEvent ConsentEvent::fromCbor(const QCborMap &m)
{
    ConsentEvent e;
    e.type = consentEventTypeFromKey(m.value(kType).toString()).value_or(ConsentEventType::Dissent);
    e.effectiveMs = m.value(kEffective).toInteger();
    e.recordedMs = m.value(kRecorded).toInteger();
    e.formVersionId = m.value(kFormVersion).toString();
    e.formHash = m.value(kFormHash).toString();
    e.language = m.value(kLanguage).toString();
    for (const QCborValue &v : m.value(kAnswers).toArray()) {
        const QCborMap am = v.toMap();
        const auto activity = activityFromKey(am.value(kActivity).toString());
        // An answer about an activity this build does not know can permit nothing here.
        if (!activity)
            continue;
        e.answers.append(ItemAnswer{am.value(kItem).toString(), *activity, am.value(kRequired).toBool(),
                                    am.value(kAgreed).toBool()});
    }
    e.method = consentMethodFromKey(m.value(kMethod).toString()).value_or(ConsentMethod::Written);
    e.obtainedBy = m.value(kObtainedBy).toString();
    e.witness = m.value(kWitness).toString();
    e.role = m.value(kRole).toString();
    // Unknown values read as the restrictive choice: a record this build
    // cannot understand must never open the gate.
    e.advice = m.value(kAdvice).toString() == QLatin1String("for") ? ConsulteeOpinion::For : ConsulteeOpinion::Against;
    e.outcome = recheckOutcomeFromKey(m.value(kOutcome).toString()).value_or(RecheckOutcome::DissentObserved);
    e.scope = withdrawalScopeFromKey(m.value(kScope).toString()).value_or(WithdrawalScope::RemoveExistingData);
    if (m.contains(kDuring))
        e.duringActivity = activityFromKey(m.value(kDuring).toString());
    for (const QCborValue &v : m.value(kReinstates).toArray())
        e.reinstates << v.toString();
    e.notes = m.value(kNotes).toString();
    if (m.contains(kCapacity)) {
        const QCborMap c = m.value(kCapacity).toMap();
        // An assessment this build cannot read is kept out rather than guessed.
        if (const auto test = capacityTestFromKey(c.value(kCapacityTest).toString()))
            e.capacity = CapacityAssessment{*test, c.value(kCompetent).toBool(false), c.value(kCapacityNote).toString()};
    }
    e.pdf = attachmentRefFromCbor(m.value(kPdf));
    e.pdfSha1 = m.value(kPdfSha1).toByteArray();
    e.signature = attachmentRefFromCbor(m.value(kSignature));
    return e;
}

} // namespace samla::domain
