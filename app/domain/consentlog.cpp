#include "consentlog.h"

#include "conflictpolicies.h"
#include "consentgate.h"
#include "consentpdf.h"
#include "domainlog.h"
#include "participantdata.h"
#include "participants.h"
#include "projects.h"

#include "app/store/localstore.h"
#include "app/store/schema.h"
#include "platform/db/database.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QImageWriter>
#include <QSet>
#include <QUuid>

namespace samla::domain {

namespace {

// Clocks of devices differ a little; a consent dated further ahead is a typing mistake.
constexpr std::int64_t kFutureSkewMs = 5 * 60 * 1000;

bool takesAnswers(ConsentEventType t)
{
    return t == ConsentEventType::ConsentGiven || t == ConsentEventType::GuardianConsent
           || t == ConsentEventType::ConsulteeAdvice;
}

Error refusal(CaptureProblem p)
{
    return makeError(ErrorCode::InvalidArgument, captureProblemKey(p));
}

QString deviceIdHex(store::LocalStore &store)
{
    auto s = store.database().prepare(store::sql::kGetMeta);
    if (!s.ok())
        return {};
    s->bind(1, "device_id");
    auto row = s->step();
    return row.ok() && row.value() ? QString::fromLatin1(s->columnBlob(0).toHex()) : QString();
}

Result<store::AttachmentRef> writeAttachment(store::LocalStore &store, QByteArray bytes, const crypto::SecureBytes &key)
{
    QBuffer in(&bytes);
    in.open(QIODevice::ReadOnly);
    return store.attachments().write(in, key);
}

// A grant while withdrawn stands only if it names every active withdrawal.
bool liftsWithdrawals(const ConsentState &state, const QStringList &reinstates)
{
    for (const QString &id : state.activeWithdrawalIds) {
        if (!reinstates.contains(id))
            return false;
    }
    return true;
}

} // namespace

QString captureProblemKey(CaptureProblem p)
{
    switch (p) {
    case CaptureProblem::None: return QStringLiteral("none");
    case CaptureProblem::NotEnrolled: return QStringLiteral("not_enrolled");
    case CaptureProblem::FormNotInProject: return QStringLiteral("form_not_in_project");
    case CaptureProblem::FormChanged: return QStringLiteral("form_changed");
    case CaptureProblem::LanguageNotInForm: return QStringLiteral("language_not_in_form");
    case CaptureProblem::AnswersIncomplete: return QStringLiteral("answers_incomplete");
    case CaptureProblem::SignatureMissing: return QStringLiteral("signature_missing");
    case CaptureProblem::WitnessMissing: return QStringLiteral("witness_missing");
    case CaptureProblem::ObtainedByMissing: return QStringLiteral("obtained_by_missing");
    case CaptureProblem::WithdrawnNeedsReinstatement: return QStringLiteral("withdrawn_needs_reinstatement");
    case CaptureProblem::EraseNotAllowedByPolicy: return QStringLiteral("erase_not_allowed_by_policy");
    case CaptureProblem::WrongEventType: return QStringLiteral("wrong_event_type");
    case CaptureProblem::EffectiveTimeInFuture: return QStringLiteral("effective_time_in_future");
    }
    return QStringLiteral("unknown");
}

QString captureProblemText(CaptureProblem p)
{
    switch (p) {
    case CaptureProblem::None:
        return {};
    case CaptureProblem::NotEnrolled:
        return QCoreApplication::translate("ConsentCapture", "This person is not enrolled in this project.");
    case CaptureProblem::FormNotInProject:
        return QCoreApplication::translate("ConsentCapture", "This consent form belongs to another project.");
    case CaptureProblem::FormChanged:
        return QCoreApplication::translate("ConsentCapture",
                                           "This version of the consent form has been changed since it was "
                                           "published, so it cannot be used. Contact your data manager.");
    case CaptureProblem::LanguageNotInForm:
        return QCoreApplication::translate("ConsentCapture", "The consent form has no text in this language.");
    case CaptureProblem::AnswersIncomplete:
        return QCoreApplication::translate("ConsentCapture", "Answer every question on the consent form.");
    case CaptureProblem::SignatureMissing:
        return QCoreApplication::translate("ConsentCapture", "The participant has not signed yet.");
    case CaptureProblem::WitnessMissing:
        return QCoreApplication::translate("ConsentCapture", "Verbal consent needs the name of a witness.");
    case CaptureProblem::ObtainedByMissing:
        return QCoreApplication::translate("ConsentCapture", "Enter who took the consent.");
    case CaptureProblem::WithdrawnNeedsReinstatement:
        return QCoreApplication::translate("ConsentCapture",
                                           "This participant has withdrawn. To include them again, confirm that "
                                           "they are re-joining the study.");
    case CaptureProblem::EraseNotAllowedByPolicy:
        return QCoreApplication::translate("ConsentCapture",
                                           "This project keeps data already collected when someone withdraws "
                                           "(its withdrawal policy is stop and retain). Record the withdrawal as "
                                           "\"no new data\" and tell the participant how their data is kept.");
    case CaptureProblem::WrongEventType:
        return QCoreApplication::translate("ConsentCapture", "This kind of consent event cannot be recorded here.");
    case CaptureProblem::EffectiveTimeInFuture:
        return QCoreApplication::translate("ConsentCapture",
                                           "The date and time are in the future. Enter when it actually happened.");
    }
    return {};
}

ConsentEvent consentEventFromRecord(const store::Record &record)
{
    ConsentEvent e = ConsentEvent::fromCbor(record.body);
    e.id = record.id;
    e.projectId = record.projectId;
    e.participantId = record.participantRef;
    e.hlc = record.hlc;
    if (e.recordedMs == 0)
        e.recordedMs = record.createdMs;
    return e;
}

ConsentLog::ConsentLog(store::LocalStore &store, const Clock &clock) : m_store(store), m_clock(clock)
{
    installConflictPolicies();
}

CaptureProblem ConsentLog::checkCapture(const ConsentCapture &capture) const
{
    if (!takesAnswers(capture.type))
        return CaptureProblem::WrongEventType;
    auto derived = deriveConsentFor(m_store.records(), capture.participantId, m_clock.nowMs());
    if (!derived.ok())
        return CaptureProblem::NotEnrolled;
    auto version = ConsentForms(m_store.records()).version(capture.formVersionId);
    if (!version.ok())
        return version.code() == ErrorCode::Tampered ? CaptureProblem::FormChanged : CaptureProblem::FormNotInProject;
    if (version->projectId != derived->participant.projectId)
        return CaptureProblem::FormNotInProject;
    if (!version->content.languages().contains(capture.language))
        return CaptureProblem::LanguageNotInForm;
    QSet<QString> itemIds;
    for (const ConsentItem &item : version->content.items)
        itemIds.insert(item.id);
    const QList<QString> answered = capture.answers.keys();
    if (QSet<QString>(answered.cbegin(), answered.cend()) != itemIds)
        return CaptureProblem::AnswersIncomplete;
    if (capture.method == ConsentMethod::ElectronicSignature && capture.signature.isNull())
        return CaptureProblem::SignatureMissing;
    if (capture.method == ConsentMethod::VerbalWithWitness && capture.witness.trimmed().isEmpty())
        return CaptureProblem::WitnessMissing;
    if (capture.obtainedBy.trimmed().isEmpty())
        return CaptureProblem::ObtainedByMissing;
    if (capture.effectiveMs > m_clock.nowMs() + kFutureSkewMs)
        return CaptureProblem::EffectiveTimeInFuture;
    if (!liftsWithdrawals(derived->state, capture.reinstates))
        return CaptureProblem::WithdrawnNeedsReinstatement;
    return CaptureProblem::None;
}

CaptureProblem ConsentLog::checkEvent(const ConsentEvent &event) const
{
    const bool adviceAgainst =
        event.type == ConsentEventType::ConsulteeAdvice && event.advice == ConsulteeOpinion::Against;
    if (takesAnswers(event.type) && !adviceAgainst)
        return CaptureProblem::WrongEventType;
    auto derived = deriveConsentFor(m_store.records(), event.participantId, m_clock.nowMs());
    if (!derived.ok())
        return CaptureProblem::NotEnrolled;
    if (event.effectiveMs > m_clock.nowMs() + kFutureSkewMs)
        return CaptureProblem::EffectiveTimeInFuture;
    if (event.type == ConsentEventType::Withdrawal && event.scope == WithdrawalScope::RemoveExistingData) {
        auto project = Projects(m_store.records()).get(derived->participant.projectId);
        if (!project.ok() || project->settings.withdrawalPolicy != WithdrawalPolicy::StopAndErase)
            return CaptureProblem::EraseNotAllowedByPolicy;
    }
    if (event.type == ConsentEventType::Assent && !liftsWithdrawals(derived->state, event.reinstates))
        return CaptureProblem::WithdrawnNeedsReinstatement;
    return CaptureProblem::None;
}

Result<ConsentEvent> ConsentLog::takeConsent(const ConsentCapture &capture)
{
    if (const CaptureProblem p = checkCapture(capture); p != CaptureProblem::None)
        return refusal(p);
    auto participant = Participants(m_store.records()).get(capture.participantId);
    if (!participant.ok())
        return participant.error();
    auto project = Projects(m_store.records()).get(participant->projectId);
    if (!project.ok())
        return project.error();
    auto version = ConsentForms(m_store.records()).version(capture.formVersionId);
    if (!version.ok())
        return version.error();

    ConsentEvent e;
    // The id comes first: the attachments are keyed to the event that owns them.
    e.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    e.projectId = participant->projectId;
    e.participantId = participant->id;
    e.type = capture.type;
    e.recordedMs = m_clock.nowMs();
    e.effectiveMs = capture.effectiveMs > 0 ? capture.effectiveMs : e.recordedMs;
    e.formVersionId = version->id;
    e.formHash = version->hash;
    e.language = capture.language;
    for (const ConsentItem &item : version->content.items)
        e.answers.append(ItemAnswer{item.id, item.activity, item.required, capture.answers.value(item.id)});
    e.method = capture.method;
    e.obtainedBy = capture.obtainedBy.trimmed();
    e.witness = capture.witness.trimmed();
    e.role = capture.role;
    e.advice = ConsulteeOpinion::For;
    e.notes = capture.notes;
    e.capacity = capture.capacity;
    e.reinstates = capture.reinstates;

    const crypto::SecureBytes ownerKey = m_store.attachmentKeyFor(e.id);
    QList<store::AttachmentRef> written;
    auto discard = [&]() {
        for (const store::AttachmentRef &ref : written)
            (void)m_store.attachments().remove(ref.hash);
    };
    if (!capture.signature.isNull()) {
        // Encoded in memory and written encrypted: a signature never exists as a clear file.
        QByteArray png;
        QBuffer pngBuffer(&png);
        pngBuffer.open(QIODevice::WriteOnly);
        if (!QImageWriter(&pngBuffer, "png").write(capture.signature))
            return makeError(ErrorCode::Internal, QStringLiteral("could not encode the signature"));
        auto ref = writeAttachment(m_store, png, ownerKey);
        if (!ref.ok())
            return ref.error();
        written.append(ref.value());
        e.signature = ref.value();
    }

    ConsentSnapshot snapshot;
    snapshot.projectName = project->name;
    snapshot.participantCode = participant->code;
    snapshot.eventId = e.id;
    snapshot.type = e.type;
    snapshot.form = version.value();
    snapshot.language = e.language;
    snapshot.answers = e.answers;
    snapshot.method = e.method;
    snapshot.obtainedBy = e.obtainedBy;
    snapshot.witness = e.witness;
    snapshot.role = e.role;
    snapshot.capacity = e.capacity;
    snapshot.effectiveMs = e.effectiveMs;
    snapshot.deviceId = deviceIdHex(m_store);
    snapshot.signature = capture.signature;
    auto pdf = renderConsentPdf(snapshot);
    if (!pdf.ok()) {
        discard();
        return pdf.error();
    }
    e.pdfSha1 = QCryptographicHash::hash(pdf.value(), QCryptographicHash::Sha1);
    auto pdfRef = writeAttachment(m_store, pdf.value(), ownerKey);
    if (!pdfRef.ok()) {
        discard();
        return pdfRef.error();
    }
    written.append(pdfRef.value());
    e.pdf = pdfRef.value();
    return append(std::move(e), written);
}

Result<ConsentEvent> ConsentLog::record(const ConsentEvent &event)
{
    if (const CaptureProblem p = checkEvent(event); p != CaptureProblem::None)
        return refusal(p);
    auto participant = Participants(m_store.records()).get(event.participantId);
    if (!participant.ok())
        return participant.error();
    ConsentEvent e = event;
    e.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    e.projectId = participant->projectId;
    e.recordedMs = m_clock.nowMs();
    if (e.effectiveMs <= 0)
        e.effectiveMs = e.recordedMs;
    e.answers.clear();
    e.pdf.reset();
    e.pdfSha1.clear();
    e.signature.reset();
    const bool eraseData = e.type == ConsentEventType::Withdrawal && e.scope == WithdrawalScope::RemoveExistingData;
    auto appended = append(std::move(e), {});
    if (!appended.ok() || !eraseData)
        return appended;
    // The withdrawal is recorded first, so the gate refuses new data at once
    // even if the erasure fails; ParticipantData::erase can then be run again.
    auto erased = ParticipantData(m_store, m_clock).erase(appended->participantId);
    if (!erased.ok())
        return erased.error();
    return appended;
}

Result<ConsentEvent> ConsentLog::dissent(const QString &participantId, std::optional<Activity> during,
                                         const QString &observedBy)
{
    ConsentEvent e;
    e.participantId = participantId;
    e.type = ConsentEventType::Dissent;
    e.duringActivity = during;
    e.obtainedBy = observedBy;
    return record(e);
}

Result<ConsentEvent> ConsentLog::append(ConsentEvent e, const QList<store::AttachmentRef> &written)
{
    store::RecordChange change;
    change.id = e.id;
    change.kind = kKind;
    change.projectId = e.projectId;
    change.participantRef = e.participantId;
    change.body = e.toCbor();
    auto r = m_store.records().put(change);
    if (!r.ok()) {
        for (const store::AttachmentRef &ref : written)
            (void)m_store.attachments().remove(ref.hash);
        return r.error();
    }
    qCInfo(lcDomain) << "consent event" << consentEventTypeKey(e.type) << e.id << "for participant" << e.participantId;
    return consentEventFromRecord(r.value());
}

Result<QList<ConsentEvent>> ConsentLog::events(const QString &participantId) const
{
    auto rows = m_store.records().listForParticipant(kKind, participantId, 100000);
    if (!rows.ok())
        return rows.error();
    QList<ConsentEvent> out;
    for (const store::Record &r : rows.value())
        out.append(consentEventFromRecord(r));
    return out;
}

Result<ConsentEvent> ConsentLog::event(const QString &eventId) const
{
    auto r = m_store.records().get(eventId);
    if (!r.ok())
        return r.error();
    if (r->kind != kKind)
        return makeError(ErrorCode::NotFound, QStringLiteral("not a consent event"));
    return consentEventFromRecord(r.value());
}

namespace {

Result<QByteArray> readAttachment(store::LocalStore &store, const std::optional<store::AttachmentRef> &ref,
                                  const QString &ownerId)
{
    if (!ref)
        return makeError(ErrorCode::NotFound, QStringLiteral("event %1 has no such attachment").arg(ownerId));
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    SAMLA_TRY(store.attachments().read(*ref, store.attachmentKeyFor(ownerId), buffer));
    return out;
}

} // namespace

Result<QByteArray> ConsentLog::snapshotPdf(const ConsentEvent &event) const
{
    return readAttachment(m_store, event.pdf, event.id);
}

Result<QByteArray> ConsentLog::signaturePng(const ConsentEvent &event) const
{
    return readAttachment(m_store, event.signature, event.id);
}

} // namespace samla::domain
