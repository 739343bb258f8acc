#include "consentflow.h"

#include "app/domain/consentgate.h"
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
    emit participantChanged();
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
