#include "consentflow.h"

#include "app/domain/consentgate.h"
#include "app/domain/participants.h"
#include "appsettings.h"
#include "consenttext.h"
#include "engineservices.h"
#include "languagewatcher.h"
#include "platform/core/logging.h"
#include "session.h"
#include "signaturepad.h"
#include "translations.h"

#include <QDateTime>
#include <QVariantMap>

namespace samla::ui {

using namespace samla::domain;

CaptureProblem captureProblemFromDetail(const QString &detail)
{
    for (int p = int(CaptureProblem::None); p <= int(CaptureProblem::EffectiveTimeInFuture); ++p) {
        if (captureProblemKey(CaptureProblem(p)) == detail)
            return CaptureProblem(p);
    }
    return CaptureProblem::None;
}

namespace {

ConsentFlow::Route flowRouteFor(ConsentRoute route)
{
    switch (route) {
    case ConsentRoute::Self:
        return ConsentFlow::Self;
    case ConsentRoute::Consultee:
        return ConsentFlow::Consultee;
    case ConsentRoute::GuardianWithAssent:
    case ConsentRoute::GuardianAndChild:
        return ConsentFlow::Guardian;
    }
    return ConsentFlow::Self;
}

QString defaultRole(ConsentFlow::Route route)
{
    switch (route) {
    case ConsentFlow::Guardian:
        return QStringLiteral("parent");
    case ConsentFlow::Consultee:
        return QStringLiteral("personal_consultee");
    case ConsentFlow::Self:
    case ConsentFlow::Verbal:
        break;
    }
    return {};
}

ConsentFlow::CapacityCheck capacityCheckFor(
    Jurisdiction jurisdiction, const ParticipantProfile &profile, ConsentRoute route)
{
    if (route == ConsentRoute::Consultee)
        return ConsentFlow::ConsulteeGuidance;
    AgeBand band = profile.ageBand;
    // As consentRouteFor(): a child of unknown age counts as the youngest.
    if (band == AgeBand::Unknown && profile.category == ParticipantCategory::ChildOrAdolescent)
        band = AgeBand::Under15;
    switch (jurisdiction) {
    case Jurisdiction::England:
        if (band == AgeBand::Under15 || band == AgeBand::Age15)
            return ConsentFlow::GillickCheck;
        break;
    case Jurisdiction::Sweden:
        if (band == AgeBand::Age15 || band == AgeBand::Age16To17)
            return ConsentFlow::UnderstandingCheck;
        break;
    }
    return ConsentFlow::NoCheck;
}

} // namespace

ConsentFlow::ConsentFlow(Session &session, AppSettings &settings, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_settings(settings)
{
    // A half-taken consent (answers, a signature) never outlives the lock.
    connect(&m_session, &Session::aboutToClose, this, [this] {
        reset();
        m_participant = {};
        emit participantChanged();
    });
    connect(&m_items, &QAbstractItemModel::dataChanged, this, &ConsentFlow::answersChanged);
    connect(&m_items, &QAbstractItemModel::modelReset, this, &ConsentFlow::answersChanged);
    new LanguageWatcher(this, [this] { retranslate(); });
}

ConsentFlow *ConsentFlow::create(QQmlEngine *qml, QJSEngine *)
{
    return serviceFromEngine<ConsentFlow>(qml);
}

void ConsentFlow::retranslate()
{
    m_items.retranslate();
    emit textsChanged();
    emit formChoicesChanged();
    emit draftChanged();
    emit informationReadChanged();
    emit answersChanged();
    emit errorStringChanged();
    emit certificationChanged();
}

namespace {

// Shown to the participant beside the form, so in the form's language.
struct ReaderText {
    const char *key;
    const char *source;
};
const ReaderText kReaderTexts[] = {
    { "agree", QT_TRANSLATE_NOOP("ConsentReader", "I agree") },
    { "askedAbout", QT_TRANSLATE_NOOP("ConsentReader", "You will be asked about") },
    { "requiredItem", QT_TRANSLATE_NOOP("ConsentReader", "%1 (required to take part)") },
    { "end", QT_TRANSLATE_NOOP("ConsentReader", "End of the information.") },
    { "readFirst",
        QT_TRANSLATE_NOOP("ConsentReader",
            "Read the whole text first: \"I agree\" can be tapped once you reach the end.") },
    { "yes", QT_TRANSLATE_NOOP("ConsentReader", "Yes") },
    { "no", QT_TRANSLATE_NOOP("ConsentReader", "No") },
    { "required", QT_TRANSLATE_NOOP("ConsentReader", "Required to take part") },
};

} // namespace

QVariantMap ConsentFlow::readerTexts() const
{
    QVariantMap out;
    for (const ReaderText &t : kReaderTexts) {
        QString text = m_readerTranslator.isEmpty() ? QString()
                                                    : m_readerTranslator.translate("ConsentReader", t.source);
        if (text.isEmpty())
            text = QString::fromUtf8(t.source); // English is the source language
        out.insert(QLatin1String(t.key), text);
    }
    return out;
}

QString ConsentFlow::routeExplanation() const
{
    if (m_participant.id.isEmpty())
        return {};
    // Swedish law has no consultee: relatives and a guardian are told and may say no.
    if (m_domainRoute == ConsentRoute::Consultee && m_jurisdiction == Jurisdiction::Sweden)
        return tr("The participant cannot consent for themselves: their closest relatives, and a guardian if "
                  "there is one, are told about the study and may say no.");
    return ConsentText::route(m_domainRoute);
}

QVariantList ConsentFlow::formChoices() const
{
    QVariantList out;
    for (const ConsentFormVersion &v : m_versions) {
        QString title = v.content.title.value(m_settings.language());
        if (title.isEmpty())
            title = v.content.title.value(v.content.languages().value(0));
        out.append(QVariantMap {
            { QStringLiteral("key"), v.id },
            { QStringLiteral("label"), tr("%1 (version %2)").arg(title).arg(v.number) },
        });
    }
    return out;
}

void ConsentFlow::setError(const UiProblem &problem, std::function<QString()> text)
{
    m_error = problem;
    m_errorText = std::move(text);
    emit errorStringChanged();
}

void ConsentFlow::clearError()
{
    if (m_error.isNull() && !m_errorText)
        return;
    setError({});
}

QString ConsentFlow::errorString() const
{
    if (m_errorText)
        return m_errorText();
    return ErrorText::forProblem(m_error);
}

void ConsentFlow::reset()
{
    m_items.clear();
    m_versions.clear();
    m_version = {};
    m_language.clear();
    m_witness.clear();
    m_childAssent = false;
    m_rejoining = false;
    m_assessment = -1;
    m_assessmentNote.clear();
    m_informationRead = false;
    m_cert = {};
    m_certSignature.clear();
    m_certPdfStored = false;
    m_certAssent = false;
    clearError();
    emit formChoicesChanged();
    emit formChanged();
    emit draftChanged();
    emit informationReadChanged();
    emit certificationChanged();
}

bool ConsentFlow::start(const QString &participantId)
{
    store::LocalStore *store = m_session.store();
    if (!store)
        return false;
    reset();
    auto derived = deriveConsentFor(store->records(), participantId, m_session.clock().nowMs());
    if (!derived.ok() || derived->participant.projectId != m_session.projectId()) {
        setError(UiProblem::fromCode(derived.ok() ? ErrorCode::NotFound : derived.code()));
        return false;
    }
    m_participant = derived->participant;
    m_domainRoute = derived->state.route;
    m_activeWithdrawals = derived->state.activeWithdrawalIds;
    m_suggested = flowRouteFor(m_domainRoute);
    m_jurisdiction = m_session.project().settings.jurisdictionFor(m_participant.profile.siteId);
    m_capacityCheck = capacityCheckFor(m_jurisdiction, m_participant.profile, m_domainRoute);
    emit participantChanged();
    emit textsChanged();
    setRoute(m_suggested);
    m_role = defaultRole(m_route);
    emit routeChanged();
    loadVersions();
    return !m_versions.isEmpty();
}

void ConsentFlow::loadVersions()
{
    store::LocalStore *store = m_session.store();
    if (!store)
        return;
    ConsentForms forms(store->records());
    auto latest = forms.forms(m_session.projectId());
    if (!latest.ok()) {
        setError(UiProblem::fromCode(latest.code()));
        return;
    }
    m_versions.clear();
    for (const ConsentFormVersion &form : latest.value()) {
        auto all = forms.versions(m_session.projectId(), form.formId);
        if (!all.ok()) {
            setError(UiProblem::fromCode(all.code()));
            return;
        }
        // Newest first: the version to use today is at the top.
        QList<ConsentFormVersion> versions = all.value();
        std::sort(versions.begin(), versions.end(),
            [](const ConsentFormVersion &a, const ConsentFormVersion &b) { return a.number > b.number; });
        m_versions += versions;
    }
    emit formChoicesChanged();
    if (!m_versions.isEmpty())
        selectVersion(m_versions.constFirst());
}

void ConsentFlow::selectVersion(const ConsentFormVersion &version)
{
    m_version = version;
    const QStringList langs = version.content.languages();
    if (!langs.contains(m_language))
        m_language = langs.contains(m_settings.language()) ? m_settings.language() : langs.value(0);
    m_items.setItems(version.content.items, m_language);
    loadReaderTranslator();
    resetReading();
    emit formChanged();
    emit draftChanged();
}

void ConsentFlow::setVersionId(const QString &id)
{
    if (id == m_version.id)
        return;
    for (const ConsentFormVersion &v : m_versions) {
        if (v.id == id) {
            selectVersion(v);
            return;
        }
    }
}

void ConsentFlow::setLanguage(const QString &language)
{
    if (language == m_language || !languages().contains(language))
        return;
    m_language = language;
    // The text changed: reading and answering start again in the new language.
    m_items.setItems(m_version.content.items, m_language);
    loadReaderTranslator();
    resetReading();
    emit formChanged();
    emit draftChanged();
}

void ConsentFlow::loadReaderTranslator()
{
    // A failed load leaves the translator empty: the English source is shown.
    (void)m_readerTranslator.load(Translations::resourcePath(m_language));
}

void ConsentFlow::resetReading()
{
    if (!m_informationRead)
        return;
    m_informationRead = false;
    emit informationReadChanged();
}

void ConsentFlow::setRoute(Route route)
{
    if (route == m_route)
        return;
    m_route = route;
    m_role = defaultRole(route);
    emit routeChanged();
    emit draftChanged();
}

void ConsentFlow::setRole(const QString &role)
{
    if (role == m_role)
        return;
    m_role = role;
    emit routeChanged();
}

void ConsentFlow::setObtainedBy(const QString &who)
{
    if (who == m_obtainedBy)
        return;
    m_obtainedBy = who;
    emit draftChanged();
}

void ConsentFlow::setWitness(const QString &witness)
{
    if (witness == m_witness)
        return;
    m_witness = witness;
    emit draftChanged();
}

void ConsentFlow::setChildAssent(bool assent)
{
    if (assent == m_childAssent)
        return;
    m_childAssent = assent;
    emit draftChanged();
}

void ConsentFlow::setRejoining(bool rejoining)
{
    if (rejoining == m_rejoining)
        return;
    m_rejoining = rejoining;
    emit draftChanged();
}

bool ConsentFlow::assessmentRequired() const
{
    // Needed where the route rests on the young person's own competence: an
    // English child consenting beside a parent, a Swedish 15-17-year-old alone.
    if (m_capacityCheck != GillickCheck && m_capacityCheck != UnderstandingCheck)
        return false;
    return m_domainRoute == ConsentRoute::GuardianAndChild || m_domainRoute == ConsentRoute::Self;
}

QString ConsentFlow::capacityQuestion() const
{
    switch (m_capacityCheck) {
    case GillickCheck:
        return tr("Is the child Gillick competent?");
    case UnderstandingCheck:
        return tr("Does the young person understand what consent means?");
    case ConsulteeGuidance:
        if (m_jurisdiction == Jurisdiction::Sweden)
            return tr("An adult who cannot consent: research under the Ethical Review Act, 22 §");
        return tr("An adult who cannot consent: the consultee route");
    case NoCheck:
        break;
    }
    return {};
}

QString ConsentFlow::capacityGuidance() const
{
    switch (m_capacityCheck) {
    case GillickCheck:
        return tr("Under 16 in England a parent consents, and a child who is Gillick competent consents as well. "
                  "Talk it through in words the child uses and ask them to tell it back in their own words. "
                  "A competent child:\n"
                  "• understands what taking part involves\n"
                  "• understands its risks and benefits\n"
                  "• knows they can say no, and stop at any time, without anything bad happening\n"
                  "• can weigh this up, and\n"
                  "• can communicate a decision.\n"
                  "If not, the parent consents and the child's assent is sought; the child's no is respected.");
    case UnderstandingCheck:
        return tr("In Sweden a 15 to 17-year-old who understands what the research means for them consents alone; "
                  "otherwise the guardians consent and the young person's wishes are respected. "
                  "Ask them to tell you in their own words:\n"
                  "• what the study is about and what taking part involves\n"
                  "• that taking part is voluntary\n"
                  "• that they can stop at any time without giving a reason.");
    case ConsulteeGuidance:
        if (m_jurisdiction == Jurisdiction::Sweden) {
            return tr("In Sweden an adult who cannot give consent, because of illness, a mental disorder, weakened "
                      "health or a similar condition, may take part only if the ethical approval covers it "
                      "(Ethical Review Act (2003:460), 22 §).\n"
                      "• The research must be expected to give knowledge that cannot be gained with people who "
                      "can consent, and to benefit the person or others with the same condition, with only a "
                      "minor risk and minor discomfort.\n"
                      "• The person's closest relatives, and a guardian (god man or förvaltare) if there is one, "
                      "must be told about the research and may say no. If any of them says no, do not enrol the "
                      "person: record it with the button below.\n"
                      "• Tell the person themselves as far as they can take it in. If they show in any way that "
                      "they do not want to take part, they do not take part, or they leave: record dissent at "
                      "once.\n"
                      "• If the person becomes able to consent, ask for their own consent.");
        }
        return tr("An adult who cannot consent may take part only in a study approved for it, with a consultee's "
                  "advice (England: Mental Capacity Act 2005, from 16).\n"
                  "• A personal consultee knows the person, such as family or a friend, and is not paid to care "
                  "for them. If there is nobody, a nominated consultee independent of the study.\n"
                  "• Ask what the person's own wishes and feelings would be, not what the consultee wants.\n"
                  "• If the consultee advises that the person would not want to take part, do not enrol them: "
                  "record that advice with the button below.\n"
                  "• Any sign of objection later means they leave the study: record dissent at once.\n"
                  "• If the person regains capacity, ask for their own consent.");
    case NoCheck:
        break;
    }
    return {};
}

QString ConsentFlow::adviceAgainstText() const
{
    if (m_jurisdiction == Jurisdiction::Sweden)
        return tr("A relative or the guardian says no");
    return tr("The consultee advises against taking part");
}

void ConsentFlow::setAssessment(int assessment)
{
    const int value = assessment < 0 ? -1 : (assessment > 0 ? 1 : 0);
    if (value == m_assessment || (m_capacityCheck != GillickCheck && m_capacityCheck != UnderstandingCheck))
        return;
    m_assessment = value;
    emit draftChanged();
}

void ConsentFlow::setAssessmentNote(const QString &note)
{
    if (note == m_assessmentNote)
        return;
    m_assessmentNote = note;
    emit draftChanged();
}

std::optional<CapacityAssessment> ConsentFlow::capacityAssessment() const
{
    if (m_assessment < 0 || (m_capacityCheck != GillickCheck && m_capacityCheck != UnderstandingCheck))
        return std::nullopt;
    return CapacityAssessment { m_capacityCheck == GillickCheck ? CapacityTest::Gillick : CapacityTest::Understanding,
        m_assessment == 1, m_assessmentNote.trimmed() };
}

void ConsentFlow::applyAssessmentToProfile()
{
    // The latest assessment decides the route from now on: a child found not
    // competent is asked for assent beside the guardian's consent; one found
    // competent consents as well.
    const auto assessed = capacityAssessment();
    store::LocalStore *store = m_session.store();
    if (!assessed || !store || m_participant.profile.understandsConsent == assessed->competent)
        return;
    ParticipantProfile profile = m_participant.profile;
    profile.understandsConsent = assessed->competent;
    auto updated = Participants(store->records()).updateProfile(m_participant.id, profile);
    if (!updated.ok()) {
        qCWarning(lcUi) << "consent flow: profile not updated after assessment:" << errorCodeName(updated.code());
        return;
    }
    m_participant = updated.value();
}

QString ConsentFlow::setupProblem() const
{
    if (m_participant.id.isEmpty())
        return tr("Choose a participant first.");
    if (m_version.id.isEmpty())
        return tr("This project has no consent form yet.");
    if (!languages().contains(m_language))
        return captureProblemText(CaptureProblem::LanguageNotInForm);
    if (m_obtainedBy.trimmed().isEmpty())
        return captureProblemText(CaptureProblem::ObtainedByMissing);
    if (m_route == Verbal && m_witness.trimmed().isEmpty())
        return captureProblemText(CaptureProblem::WitnessMissing);
    if (assessmentRequired() && m_assessment < 0)
        return m_capacityCheck == GillickCheck
            ? tr("Record your assessment first: is the child Gillick competent?")
            : tr("Record your assessment first: does the young person understand what consent means?");
    if (m_assessment == 0 && (m_route == Self || m_route == Verbal))
        return tr("You assessed that the participant cannot consent for themselves. Choose a parent or guardian "
                  "to consent, with the participant's assent.");
    if (withdrawn() && !m_rejoining)
        return captureProblemText(CaptureProblem::WithdrawnNeedsReinstatement);
    return {};
}

void ConsentFlow::markInformationRead()
{
    if (m_informationRead || m_version.id.isEmpty())
        return;
    m_informationRead = true;
    emit informationReadChanged();
}

QString ConsentFlow::readProblem() const
{
    if (m_informationRead)
        return {};
    return tr("Read the whole text first: \"I agree\" can be tapped once you reach the end.");
}

bool ConsentFlow::setAnswer(const QString &itemId, bool agreed)
{
    if (!m_informationRead)
        return false;
    return m_items.setAnswer(itemId, agreed);
}

QString ConsentFlow::answersProblem() const
{
    if (!m_informationRead)
        return readProblem();
    QStringList declined;
    bool unanswered = false;
    for (const ConsentItem &item : m_items.items()) {
        const auto answer = m_items.answer(item.id);
        if (answer == ConsentItemsModel::Unanswered)
            unanswered = true;
        else if (answer == ConsentItemsModel::No && item.required)
            declined << ConsentText::activity(item.activity);
    }
    if (!declined.isEmpty())
        return tr("Taking part needs a yes to: %1. If the answer is no, the participant cannot take part: "
                  "stop here and thank them.")
            .arg(declined.join(QStringLiteral(", ")));
    if (unanswered)
        return captureProblemText(CaptureProblem::AnswersIncomplete);
    return {};
}

bool ConsentFlow::submit(SignaturePad *pad)
{
    store::LocalStore *store = m_session.store();
    if (!store || !setupProblem().isEmpty() || !answersProblem().isEmpty())
        return false;
    ConsentCapture capture;
    capture.participantId = m_participant.id;
    switch (m_route) {
    case Self:
    case Verbal:
        capture.type = ConsentEventType::ConsentGiven;
        break;
    case Guardian:
        capture.type = ConsentEventType::GuardianConsent;
        break;
    case Consultee:
        capture.type = ConsentEventType::ConsulteeAdvice;
        break;
    }
    capture.formVersionId = m_version.id;
    capture.language = m_language;
    capture.answers = m_items.answers();
    capture.method
        = m_route == Verbal ? ConsentMethod::VerbalWithWitness : ConsentMethod::ElectronicSignature;
    capture.obtainedBy = m_obtainedBy.trimmed();
    capture.witness = m_route == Verbal ? m_witness.trimmed() : QString();
    capture.role = m_role;
    if (m_route != Verbal && pad)
        capture.signature = pad->image();
    capture.notes = m_participant.profile.capacityNotes;
    capture.capacity = capacityAssessment();
    if (m_rejoining)
        capture.reinstates = m_activeWithdrawals;

    ConsentLog log(*store, m_session.clock());
    auto taken = log.takeConsent(capture);
    if (!taken.ok()) {
        const CaptureProblem problem = captureProblemFromDetail(taken.error().detail);
        if (taken.code() == ErrorCode::InvalidArgument && problem != CaptureProblem::None)
            setError({}, [problem] { return captureProblemText(problem); });
        else
            setError(UiProblem::fromCode(taken.code()));
        return false;
    }
    clearError();
    applyAssessmentToProfile();
    m_cert = taken.value();
    m_certAssent = false;
    if (m_route == Guardian && m_childAssent) {
        ConsentEvent assent;
        assent.participantId = m_participant.id;
        assent.type = ConsentEventType::Assent;
        assent.obtainedBy = capture.obtainedBy;
        assent.reinstates = capture.reinstates;
        auto recorded = log.record(assent);
        if (recorded.ok())
            m_certAssent = true;
        else
            setError(UiProblem::fromCode(recorded.code()));
    }
    // Read back what was stored: the certificate shows the encrypted copies, not the draft.
    m_certSignature.clear();
    if (m_cert.signature) {
        auto png = log.signaturePng(m_cert);
        if (png.ok())
            m_certSignature = QStringLiteral("data:image/png;base64,") + QString::fromLatin1(png->toBase64());
    }
    auto pdf = log.snapshotPdf(m_cert);
    m_certPdfStored = pdf.ok() && pdf->startsWith("%PDF");
    if (pad)
        pad->clear();
    emit certificationChanged();
    emit consentRecorded(m_participant.id);
    return true;
}

bool ConsentFlow::recordAdviceAgainst()
{
    store::LocalStore *store = m_session.store();
    if (!store || m_participant.id.isEmpty() || m_route != Consultee)
        return false;
    if (m_obtainedBy.trimmed().isEmpty()) {
        setError({}, [] { return captureProblemText(CaptureProblem::ObtainedByMissing); });
        return false;
    }
    ConsentEvent e;
    e.participantId = m_participant.id;
    e.type = ConsentEventType::ConsulteeAdvice;
    e.advice = ConsulteeOpinion::Against;
    e.role = m_role;
    e.obtainedBy = m_obtainedBy.trimmed();
    auto recorded = ConsentLog(*store, m_session.clock()).record(e);
    if (!recorded.ok()) {
        const CaptureProblem problem = captureProblemFromDetail(recorded.error().detail);
        if (problem != CaptureProblem::None)
            setError({}, [problem] { return captureProblemText(problem); });
        else
            setError(UiProblem::fromCode(recorded.code()));
        return false;
    }
    clearError();
    emit consentRecorded(m_participant.id);
    return true;
}

QString ConsentFlow::certDate() const
{
    if (!certified())
        return {};
    return m_settings.locale().toString(
        QDateTime::fromMSecsSinceEpoch(m_cert.effectiveMs), QLocale::LongFormat);
}

QString ConsentFlow::certType() const
{
    return certified() ? ConsentText::eventType(m_cert.type) : QString();
}

QString ConsentFlow::certMethod() const
{
    return certified() ? ConsentText::method(m_cert.method) : QString();
}

QVariantList ConsentFlow::certAnswers() const
{
    QVariantList out;
    for (const ItemAnswer &a : m_cert.answers) {
        QString text;
        for (const ConsentItem &item : m_version.content.items) {
            if (item.id == a.itemId)
                text = item.text.value(m_cert.language);
        }
        out.append(QVariantMap {
            { QStringLiteral("text"), text },
            { QStringLiteral("agreed"), a.agreed },
        });
    }
    return out;
}

} // namespace samla::ui
