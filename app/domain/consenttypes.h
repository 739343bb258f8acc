// Consent vocabulary: activities, event types and the reasons the gate gives.
#pragma once

#include "app/store/attachmentstore.h"
#include "sync/protocol/hlc.h"

#include <QCborMap>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace samla::domain {

// What a consent item permits. The first six are kinds of data collection or
// use; future contact and data sharing are permissions with no collection.
enum class Activity { Observation, Interview, AudioRecording, Diary, Questionnaires, Quotes, FutureContact, DataSharing };
inline constexpr Activity kAllActivities[] = {
    Activity::Observation, Activity::Interview, Activity::AudioRecording, Activity::Diary,
    Activity::Questionnaires, Activity::Quotes, Activity::FutureContact, Activity::DataSharing,
};
QString activityKey(Activity a);   // "observation", "audio_recording", …
std::optional<Activity> activityFromKey(const QString &key);
bool isCollectionActivity(Activity a);

enum class ConsentEventType {
    ConsentGiven,      // the participant's own consent, with item answers
    Assent,            // a child's own agreement (besides a guardian's consent)
    GuardianConsent,   // a parent or guardian consents for a child, with item answers
    ConsulteeAdvice,   // a consultee advises for (with item answers) or against participation
    Recheck,           // consent re-checked during participation
    Dissent,           // the participant objects, often with one tap during an activity
    Pause,
    Resume,
    Withdrawal,
};
QString consentEventTypeKey(ConsentEventType t);   // "consent_given", "guardian_consent", …
std::optional<ConsentEventType> consentEventTypeFromKey(const QString &key);

enum class ConsentMethod { ElectronicSignature, Written, VerbalWithWitness };
QString consentMethodKey(ConsentMethod m);
std::optional<ConsentMethod> consentMethodFromKey(const QString &key);

enum class ConsulteeOpinion { For, Against };
enum class RecheckOutcome { Confirmed, Hesitant, DissentObserved };
QString recheckOutcomeKey(RecheckOutcome o);
std::optional<RecheckOutcome> recheckOutcomeFromKey(const QString &key);

// What a withdrawal stops. RemoveExistingData is allowed only where the project's policy is stop-and-erase.
enum class WithdrawalScope { NoMoreContact, NoNewData, RemoveExistingData };
QString withdrawalScopeKey(WithdrawalScope s);
std::optional<WithdrawalScope> withdrawalScopeFromKey(const QString &key);
// Whether a withdrawal of this scope stops an activity (a data-driven table, see consenttypes.cpp).
bool withdrawalBlocks(WithdrawalScope scope, Activity a);

// Why the gate refused (or None). reasonText() gives the sentence a person reads.
enum class Reason {
    None,
    NotEnrolled,              // no such participant in this project
    NoConsent,                // the participant's own consent is missing
    RequiredItemDeclined,     // a required item was answered no: the consent does not stand
    ItemDeclined,             // the item for this activity was answered no
    NotInForm,                // the consent form has no item for this activity
    Withdrawn,
    Dissent,                  // the participant objected; re-consent is needed
    Paused,
    Expired,                  // the re-consent interval has passed
    ConsulteeAdviceMissing,
    ConsulteeAdvisedAgainst,
    GuardianConsentMissing,
    AssentMissing,
    CheckFailed,              // the consent record could not be read: nothing may be collected
};
QString reasonKey(Reason r);      // stable, for logs and tests
QString reasonText(Reason r);     // translated, context "ConsentReason"

// One answer to one consent item, with what the item meant when it was
// answered (so derivation never needs to reread the form).
struct ItemAnswer {
    QString itemId;
    Activity activity = Activity::Observation;
    bool required = false;
    bool agreed = false;
    bool operator==(const ItemAnswer &) const = default;
};

// The researcher's assessment of whether a young person can consent for
// themselves, made when consent is taken and stored with it:
//   Gillick        England, under 16: understands what the research involves,
//                  its risks and benefits, that they can say no, can weigh it and
//                  communicate a decision (Gillick competence)
//   Understanding  Sweden, 15-17: understands what consenting means
//                  (etikprövningslagen 18 §)
enum class CapacityTest { Gillick, Understanding };
QString capacityTestKey(CapacityTest t);   // "gillick", "understanding"
std::optional<CapacityTest> capacityTestFromKey(const QString &key);

struct CapacityAssessment {
    CapacityTest test = CapacityTest::Gillick;
    bool competent = false;
    QString note;          // what the assessment rested on; pseudonymous
    bool operator==(const CapacityAssessment &) const = default;
};

// One consent event as stored (kind "consent_event", participantRef = the participant's record id).
struct ConsentEvent {
    QString id;
    QString projectId;
    QString participantId;
    ConsentEventType type = ConsentEventType::ConsentGiven;
    std::int64_t effectiveMs = 0;   // when it happened (UTC ms); orders derivation
    protocol::HlcStamp hlc;         // breaks ties, then the device id inside it
    std::int64_t recordedMs = 0;

    // consent_given, guardian_consent, consultee_advice (for): what was agreed, on which form text
    QString formVersionId;
    QString formHash;
    QString language;
    QList<ItemAnswer> answers;
    ConsentMethod method = ConsentMethod::Written;
    QString obtainedBy;    // the researcher (initials or staff id)
    QString witness;       // verbal consent: the witness
    QString role;          // guardian_consent / consultee_advice: "parent", "guardian", "personal_consultee", …
    ConsulteeOpinion advice = ConsulteeOpinion::For;
    RecheckOutcome outcome = RecheckOutcome::Confirmed;
    WithdrawalScope scope = WithdrawalScope::NoNewData;
    std::optional<Activity> duringActivity;  // dissent: what was going on
    QStringList reinstates; // a later grant naming every withdrawal (or consultee-route dissent) it lifts
    QString notes;         // capacity notes, observations; pseudonymous
    std::optional<CapacityAssessment> capacity;   // a child route's competence assessment, if one was made
    std::optional<store::AttachmentRef> pdf;
    QByteArray pdfSha1;    // SHA-1 of the PDF plaintext (FHIR Attachment.hash)
    std::optional<store::AttachmentRef> signature;

    bool isGrant() const;        // permits something when it stands
    bool isRestriction() const;  // withdrawal, dissent, pause, advice against, dissent observed

    QCborMap toCbor() const;     // the record body
    static ConsentEvent fromCbor(const QCborMap &body);
};

using store::attachmentRefFromCbor;
using store::attachmentRefToCbor;

} // namespace samla::domain
