// ConsentLog: appends consent events (never edits them), with the PDF snapshot and signature as attachments.
#pragma once

#include "consentforms.h"
#include "consenttypes.h"

#include "platform/core/clock.h"

#include <QImage>
#include <QMap>

namespace samla::store { class LocalStore; }

namespace samla::domain {

// What the researcher captured when consent was taken (the participant's own,
// a guardian's, or a consultee's advice for participation).
struct ConsentCapture {
    QString participantId;
    ConsentEventType type = ConsentEventType::ConsentGiven;  // or GuardianConsent, ConsulteeAdvice
    QString formVersionId;
    QString language;                  // must be one of the version's languages
    QMap<QString, bool> answers;       // item id -> agreed; every item answered, no others
    ConsentMethod method = ConsentMethod::ElectronicSignature;
    QString obtainedBy;
    QString witness;                   // required for verbal consent
    QString role;                      // guardian / consultee: "parent", "personal_consultee", …
    QImage signature;                  // required for an electronic signature
    std::int64_t effectiveMs = 0;      // 0: now
    QString notes;                     // pseudonymous
    std::optional<CapacityAssessment> capacity;   // child routes: the competence assessment
    QStringList reinstates;            // after a withdrawal: every active withdrawal id, to re-join
};

// Why a capture or event cannot be recorded; the UI shows captureProblemText().
enum class CaptureProblem {
    None,
    NotEnrolled,
    FormNotInProject,
    FormChanged,                 // the version's text no longer matches its hash
    LanguageNotInForm,
    AnswersIncomplete,           // an item is unanswered, or an answer names no item
    SignatureMissing,
    WitnessMissing,
    ObtainedByMissing,
    WithdrawnNeedsReinstatement, // re-joining must name the withdrawal(s) it lifts
    EraseNotAllowedByPolicy,     // remove_existing_data under a stop-and-retain project
    WrongEventType,
    EffectiveTimeInFuture,       // more than a few minutes ahead of this device's clock
};
QString captureProblemKey(CaptureProblem p);
QString captureProblemText(CaptureProblem p);   // translated, context "ConsentCapture"

class ConsentLog {
public:
    static inline const QString kKind = QStringLiteral("consent_event");
    ConsentLog(store::LocalStore &store, const Clock &clock);

    // Takes consent: checks the capture, renders the PDF snapshot (needs a
    // QGuiApplication), stores signature and PDF as encrypted attachments
    // keyed to the new event, then appends the event. Refusals are
    // InvalidArgument with the CaptureProblem key as detail.
    [[nodiscard]] Result<ConsentEvent> takeConsent(const ConsentCapture &capture);
    [[nodiscard]] CaptureProblem checkCapture(const ConsentCapture &capture) const;

    // Appends an event without answers: assent, consultee advice against,
    // recheck, dissent, pause, resume, withdrawal. participantId, type and the
    // type's fields are read from `event`; id and HLC are assigned here.
    [[nodiscard]] Result<ConsentEvent> record(const ConsentEvent &event);
    [[nodiscard]] CaptureProblem checkEvent(const ConsentEvent &event) const;
    // One tap during an activity.
    [[nodiscard]] Result<ConsentEvent> dissent(const QString &participantId, std::optional<Activity> during,
                                               const QString &observedBy);

    // Every event about the participant, in the order they were stored.
    [[nodiscard]] Result<QList<ConsentEvent>> events(const QString &participantId) const;
    [[nodiscard]] Result<ConsentEvent> event(const QString &eventId) const;
    // The decrypted PDF snapshot / signature PNG of an event.
    [[nodiscard]] Result<QByteArray> snapshotPdf(const ConsentEvent &event) const;
    [[nodiscard]] Result<QByteArray> signaturePng(const ConsentEvent &event) const;

private:
    Result<ConsentEvent> append(ConsentEvent event, const QList<store::AttachmentRef> &written);
    store::LocalStore &m_store;
    const Clock &m_clock;
};

ConsentEvent consentEventFromRecord(const store::Record &record);

} // namespace samla::domain
