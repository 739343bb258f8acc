#include "consentfhir.h"

#include "app/domain/consentlog.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <QUuid>

#include <algorithm>

namespace samla::domain {

namespace {

const QString kConsentScopeSystem = QStringLiteral("http://terminology.hl7.org/CodeSystem/consentscope");
const QString kConsentCategorySystem = QStringLiteral("http://terminology.hl7.org/CodeSystem/consentcategorycodes");
const QString kLoinc = QStringLiteral("http://loinc.org");
const QString kConsentActionSystem = QStringLiteral("http://terminology.hl7.org/CodeSystem/consentaction");
const QString kGdprUri = QStringLiteral("https://eur-lex.europa.eu/eli/reg/2016/679/oj");

QString fhirDateTime(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

QJsonObject coding(const QString &system, const QString &code, const QString &display = {})
{
    QJsonObject c{{QStringLiteral("system"), system}, {QStringLiteral("code"), code}};
    if (!display.isEmpty())
        c.insert(QStringLiteral("display"), display);
    return c;
}

QJsonObject codeableConcept(const QJsonArray &codings)
{
    return QJsonObject{{QStringLiteral("coding"), codings}};
}

// FHIR's consent actions where one fits, and always Samla's own activity code.
QJsonObject activityConcept(Activity a)
{
    QJsonArray codings;
    switch (a) {
    case Activity::Quotes: codings.append(coding(kConsentActionSystem, QStringLiteral("use"), QStringLiteral("Use"))); break;
    case Activity::DataSharing:
        codings.append(coding(kConsentActionSystem, QStringLiteral("disclose"), QStringLiteral("Disclose")));
        break;
    case Activity::FutureContact: break;
    default: codings.append(coding(kConsentActionSystem, QStringLiteral("collect"), QStringLiteral("Collect"))); break;
    }
    codings.append(coding(ConsentFhirExport::kActivitySystem, activityKey(a)));
    QJsonObject c = codeableConcept(codings);
    c.insert(QStringLiteral("text"), activityKey(a));
    return c;
}

QJsonObject nestedProvision(bool permit, Activity a)
{
    return QJsonObject{{QStringLiteral("type"), permit ? QStringLiteral("permit") : QStringLiteral("deny")},
                       {QStringLiteral("action"), QJsonArray{activityConcept(a)}}};
}

struct Context {
    const Participant &participant;
    const Project &project;
    const ConsentState &state;
    QHash<QString, QJsonArray> verifications;   // grant id -> verification entries
    QHash<QString, std::int64_t> pauseEnds;     // pause id -> resume time
    QSet<QString> currentGrants;                // the grants the state rests on
    QString currentDissent;
    QString currentPause;
    std::int64_t nowMs = 0;
};

QJsonObject patientReference(const Context &c)
{
    QJsonObject identifier{
        {QStringLiteral("type"), QJsonObject{{QStringLiteral("text"), QStringLiteral("Pseudonymous participant code")}}},
        // The code is unique within its project, so the project id is the namespace.
        {QStringLiteral("system"), QStringLiteral("urn:uuid:") + c.project.id},
        {QStringLiteral("value"), c.participant.code},
    };
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("Patient")}, {QStringLiteral("identifier"), identifier}};
}

QJsonObject performer(const Context &c, const ConsentEvent &e)
{
    if (e.type == ConsentEventType::GuardianConsent || e.type == ConsentEventType::ConsulteeAdvice) {
        const QString fallback = e.type == ConsentEventType::GuardianConsent ? QStringLiteral("guardian")
                                                                             : QStringLiteral("consultee");
        return QJsonObject{{QStringLiteral("type"), QStringLiteral("RelatedPerson")},
                           {QStringLiteral("display"), e.role.isEmpty() ? fallback : e.role}};
    }
    return patientReference(c);
}

bool hasAnswers(const ConsentEvent &e)
{
    return !e.answers.isEmpty();
}

bool requiredDeclined(const ConsentEvent &e)
{
    return std::any_of(e.answers.cbegin(), e.answers.cend(), [](const ItemAnswer &a) { return a.required && !a.agreed; });
}

QString statusOf(const Context &c, const TimelineEntry &t)
{
    const ConsentEvent &e = t.event;
    const bool applied = t.effect == EventEffect::Applied;
    switch (e.type) {
    case ConsentEventType::Withdrawal:
        return c.state.activeWithdrawalIds.contains(e.id) ? QStringLiteral("active") : QStringLiteral("inactive");
    case ConsentEventType::Dissent:
    case ConsentEventType::Recheck:
        return e.id == c.currentDissent || c.state.activeWithdrawalIds.contains(e.id) ? QStringLiteral("active")
                                                                                    : QStringLiteral("inactive");
    case ConsentEventType::Pause:
        return e.id == c.currentPause ? QStringLiteral("active") : QStringLiteral("inactive");
    case ConsentEventType::ConsulteeAdvice:
        if (e.advice == ConsulteeOpinion::Against)
            return QStringLiteral("rejected");
        break;
    default:
        break;
    }
    if (requiredDeclined(e))
        return QStringLiteral("rejected");
    const bool lapsed = c.state.reconsentDueMs > 0 && c.nowMs >= c.state.reconsentDueMs;
    if (applied && c.currentGrants.contains(e.id) && !c.state.withdrawal && !c.state.dissent && !lapsed)
        return QStringLiteral("active");
    return QStringLiteral("inactive");
}

QJsonObject provisionFor(const Context &c, const ConsentEvent &e)
{
    QJsonObject p;
    QJsonArray nested;
    QJsonObject period{{QStringLiteral("start"), fhirDateTime(e.effectiveMs)}};
    bool permit = false;
    switch (e.type) {
    case ConsentEventType::ConsentGiven:
    case ConsentEventType::GuardianConsent:
    case ConsentEventType::ConsulteeAdvice:
        permit = e.isGrant() && !requiredDeclined(e);
        for (const ItemAnswer &a : e.answers)
            nested.append(nestedProvision(permit && a.agreed, a.activity));
        break;
    case ConsentEventType::Assent:
        permit = true;
        break;
    case ConsentEventType::Withdrawal:
        for (Activity a : kAllActivities) {
            if (withdrawalBlocks(e.scope, a))
                nested.append(nestedProvision(false, a));
        }
        break;
    case ConsentEventType::Pause:
        if (c.pauseEnds.contains(e.id))
            period.insert(QStringLiteral("end"), fhirDateTime(c.pauseEnds.value(e.id)));
        break;
    default:
        break;
    }
    p.insert(QStringLiteral("type"), permit ? QStringLiteral("permit") : QStringLiteral("deny"));
    p.insert(QStringLiteral("period"), period);
    if (!nested.isEmpty())
        p.insert(QStringLiteral("provision"), nested);
    return p;
}

QJsonObject consentResource(const Context &c, const TimelineEntry &t)
{
    const ConsentEvent &e = t.event;
    QJsonObject r;
    r.insert(QStringLiteral("resourceType"), QStringLiteral("Consent"));
    r.insert(QStringLiteral("id"), e.id);
    QJsonArray extensions;
    if (hasAnswers(e)) {
        extensions.append(QJsonObject{
            {QStringLiteral("url"), ConsentFhirExport::kFormVersionExtension},
            {QStringLiteral("extension"),
             QJsonArray{QJsonObject{{QStringLiteral("url"), QStringLiteral("versionId")}, {QStringLiteral("valueString"), e.formVersionId}},
                        QJsonObject{{QStringLiteral("url"), QStringLiteral("contentHash")},
                                    {QStringLiteral("valueString"), QStringLiteral("blake2b-256:") + e.formHash}},
                        QJsonObject{{QStringLiteral("url"), QStringLiteral("language")}, {QStringLiteral("valueCode"), e.language}}}}});
    }
    if (e.type == ConsentEventType::Withdrawal)
        extensions.append(QJsonObject{{QStringLiteral("url"), ConsentFhirExport::kWithdrawalScopeExtension},
                                      {QStringLiteral("valueCode"), withdrawalScopeKey(e.scope)}});
    if (!extensions.isEmpty())
        r.insert(QStringLiteral("extension"), extensions);
    r.insert(QStringLiteral("status"), statusOf(c, t));
    r.insert(QStringLiteral("scope"),
             codeableConcept(QJsonArray{coding(kConsentScopeSystem, QStringLiteral("research"), QStringLiteral("Research"))}));
    r.insert(QStringLiteral("category"),
             QJsonArray{codeableConcept(QJsonArray{coding(kLoinc, QStringLiteral("59284-0"), QStringLiteral("Patient Consent"))}),
                        codeableConcept(QJsonArray{coding(kConsentCategorySystem, QStringLiteral("research"),
                                                  QStringLiteral("Research Information Access"))})});
    r.insert(QStringLiteral("patient"), patientReference(c));
    r.insert(QStringLiteral("dateTime"), fhirDateTime(e.effectiveMs));
    r.insert(QStringLiteral("performer"), QJsonArray{performer(c, e)});
    if (e.pdf && !e.pdfSha1.isEmpty()) {
        QJsonObject attachment{
            {QStringLiteral("contentType"), QStringLiteral("application/pdf")},
            {QStringLiteral("size"), qint64(e.pdf->plainSize)},
            {QStringLiteral("hash"), QString::fromLatin1(e.pdfSha1.toBase64())},
            {QStringLiteral("title"), QStringLiteral("Consent snapshot %1").arg(c.participant.code)},
            {QStringLiteral("creation"), fhirDateTime(e.recordedMs)},
        };
        if (!e.language.isEmpty())
            attachment.insert(QStringLiteral("language"), e.language);
        r.insert(QStringLiteral("sourceAttachment"), attachment);
    }
    r.insert(QStringLiteral("policy"), QJsonArray{QJsonObject{{QStringLiteral("uri"), kGdprUri}}});
    if (!c.project.settings.lawfulBasis.trimmed().isEmpty())
        r.insert(QStringLiteral("policyRule"),
                 QJsonObject{{QStringLiteral("text"), c.project.settings.lawfulBasis.trimmed()}});
    if (c.verifications.contains(e.id))
        r.insert(QStringLiteral("verification"), c.verifications.value(e.id));
    r.insert(QStringLiteral("provision"), provisionFor(c, e));
    return r;
}

bool isSlotGrant(const ConsentEvent &e)
{
    return e.type == ConsentEventType::ConsentGiven || e.type == ConsentEventType::GuardianConsent
           || e.type == ConsentEventType::Assent
           || (e.type == ConsentEventType::ConsulteeAdvice && e.advice == ConsulteeOpinion::For);
}

} // namespace

ConsentFhirExport::ConsentFhirExport(store::RecordStore &records, const Clock &clock)
    : m_records(records), m_clock(clock)
{
}

Result<QJsonObject> ConsentFhirExport::bundle(const QString &participantId) const
{
    auto timeline = deriveConsentFor(m_records, participantId, m_clock.nowMs());
    if (!timeline.ok())
        return timeline.error();
    auto project = Projects(m_records).get(timeline->participant.projectId);
    if (!project.ok())
        return project.error();
    Context c{timeline->participant, project.value(), timeline->state, {}, {}, {}, {}, {}, m_clock.nowMs()};

    // First pass: what the current state rests on, and which events annotate others.
    QHash<int, QString> lastGrantOfType;
    QString lastGrant;
    QString openPause;
    for (const TimelineEntry &t : timeline->entries) {
        const ConsentEvent &e = t.event;
        if (t.effect != EventEffect::Applied)
            continue;
        if (isSlotGrant(e)) {
            lastGrantOfType.insert(int(e.type), e.id);
            lastGrant = e.id;
        } else if (e.type == ConsentEventType::Recheck && !lastGrant.isEmpty()) {
            c.verifications[lastGrant].append(QJsonObject{
                {QStringLiteral("verified"), e.outcome == RecheckOutcome::Confirmed},
                {QStringLiteral("verificationDate"), fhirDateTime(e.effectiveMs)},
            });
        }
        if (e.type == ConsentEventType::Dissent
            || (e.type == ConsentEventType::Recheck && e.outcome == RecheckOutcome::DissentObserved))
            c.currentDissent = e.id;
        // The same events that lift dissent in the derivation.
        if (e.type == ConsentEventType::ConsentGiven || e.type == ConsentEventType::Assent
            || (e.type == ConsentEventType::Recheck && e.outcome == RecheckOutcome::Confirmed))
            c.currentDissent.clear();
        if (e.type == ConsentEventType::Pause)
            openPause = e.id;
        if (e.type == ConsentEventType::Resume && !openPause.isEmpty()) {
            c.pauseEnds.insert(openPause, e.effectiveMs);
            openPause.clear();
        }
    }
    for (const QString &id : lastGrantOfType)
        c.currentGrants.insert(id);
    if (!timeline->state.dissent)
        c.currentDissent.clear();
    if (timeline->state.paused)
        c.currentPause = openPause;

    QJsonArray entries;
    for (const TimelineEntry &t : timeline->entries) {
        const ConsentEvent &e = t.event;
        // Resumes close a pause's period; confirmed and hesitant rechecks are verifications.
        if (e.type == ConsentEventType::Resume
            || (e.type == ConsentEventType::Recheck && e.outcome != RecheckOutcome::DissentObserved))
            continue;
        entries.append(QJsonObject{{QStringLiteral("fullUrl"), QStringLiteral("urn:uuid:") + e.id},
                                   {QStringLiteral("resource"), consentResource(c, t)}});
    }
    QJsonObject bundle;
    bundle.insert(QStringLiteral("resourceType"), QStringLiteral("Bundle"));
    bundle.insert(QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces));
    bundle.insert(QStringLiteral("type"), QStringLiteral("collection"));
    bundle.insert(QStringLiteral("timestamp"), fhirDateTime(m_clock.nowMs()));
    bundle.insert(QStringLiteral("entry"), entries);
    return bundle;
}

} // namespace samla::domain
