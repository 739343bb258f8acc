#include "participantconsent.h"

#include "app/export/consentfhir.h"
#include "app/domain/consentlog.h"
#include "app/domain/participants.h"
#include "appsettings.h"
#include "consentflow.h"
#include "consenttext.h"
#include "engineservices.h"
#include "languagewatcher.h"
#include "platform/core/logging.h"
#include "session.h"

#include <QDateTime>
#include <QDir>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

namespace samla::ui {

using namespace samla::domain;

namespace {
// Due within this many days counts as "soon" for the reminder.
constexpr int kDueSoonDays = 14;
} // namespace

ParticipantConsent::ParticipantConsent(Session &session, AppSettings &settings, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_settings(settings)
{
    m_exportDirectory = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                            .filePath(QStringLiteral("Samla exports"));
    connect(&m_session, &Session::aboutToClose, this, &ParticipantConsent::clear);
    connect(&m_session, &Session::opened, this, [this] {
        if (!m_timeline.participant.id.isEmpty())
            reload();
    });
    m_timelineModel.setLocale(m_settings.locale());
    connect(&m_settings, &AppSettings::languageChanged, this,
        [this] { m_timelineModel.setLocale(m_settings.locale()); });
    new LanguageWatcher(this, [this] {
        m_timelineModel.retranslate();
        m_activities.retranslate();
        emit changed();
        emit messageChanged();
    });
}

ParticipantConsent *ParticipantConsent::create(QQmlEngine *qml, QJSEngine *)
{
    return serviceFromEngine<ParticipantConsent>(qml);
}

void ParticipantConsent::clear()
{
    // Keeps only the id (pseudonymous), so unlocking returns to the same participant.
    const QString id = m_timeline.participant.id;
    m_timeline = {};
    m_timeline.participant.id = id;
    m_check = {};
    m_sameCodeCount = 0;
    m_timelineModel.setEntries({});
    m_activities.setStates({});
    m_messageText = {};
    emit changed();
    emit messageChanged();
}

QString ParticipantConsent::category() const
{
    return code().isEmpty() ? QString() : ConsentText::category(m_timeline.participant.profile.category);
}

QString ParticipantConsent::ageBand() const
{
    return code().isEmpty() ? QString() : ConsentText::ageBand(m_timeline.participant.profile.ageBand);
}

QString ParticipantConsent::routeText() const
{
    return code().isEmpty() ? QString() : ConsentText::route(m_timeline.state.route);
}

QString ParticipantConsent::summary() const
{
    return code().isEmpty() ? QString() : ConsentText::stateSummary(m_timeline.state, m_nowMs);
}

QString ParticipantConsent::reminder() const
{
    if (!m_check.recheckRequired)
        return {};
    QString text = recheckWhyText(m_check.why);
    if (m_check.dueMs > 0 && (m_check.why == RecheckWhy::Lapsed || m_check.why == RecheckWhy::DueSoon)) {
        text += QLatin1Char(' ')
            + tr("Re-consent due: %1.")
                  .arg(m_settings.locale().toString(
                      QDateTime::fromMSecsSinceEpoch(m_check.dueMs).date(), QLocale::LongFormat));
    }
    return text;
}

QString ParticipantConsent::withdrawalPolicyText() const
{
    if (m_erasureAllowed)
        return tr("This project's policy: on withdrawal, data already collected may also be removed.");
    return tr("This project's policy: on withdrawal, data already collected is kept (stop and retain).");
}

void ParticipantConsent::setRecordedBy(const QString &who)
{
    if (who == m_recordedBy)
        return;
    m_recordedBy = who;
    emit recordedByChanged();
}

void ParticipantConsent::setExportDirectory(const QString &dir)
{
    if (dir == m_exportDirectory)
        return;
    m_exportDirectory = dir;
    emit exportDirectoryChanged();
}

void ParticipantConsent::setMessage(bool error, std::function<QString()> text)
{
    m_messageIsError = error;
    m_messageText = std::move(text);
    emit messageChanged();
}

void ParticipantConsent::clearMessage()
{
    if (!m_messageText)
        return;
    setMessage(false, {});
}

void ParticipantConsent::setProblem(const Error &error)
{
    const CaptureProblem problem = captureProblemFromDetail(error.detail);
    if (error.code == ErrorCode::InvalidArgument && problem != CaptureProblem::None) {
        setMessage(true, [problem] { return captureProblemText(problem); });
        return;
    }
    const ErrorCode code = error.code;
    setMessage(true, [code] { return ErrorText::forCode(code); });
}

bool ParticipantConsent::open(const QString &participantId)
{
    m_timeline = {};
    m_timeline.participant.id = participantId;
    m_lastExportPath.clear();
    m_messageText = {};
    emit messageChanged();
    reload();
    return !code().isEmpty();
}

QString ParticipantConsent::duplicateCodeText() const
{
    if (m_sameCodeCount == 0)
        return {};
    return tr("%n other participant(s) also have the code %1: they were enrolled on different devices before "
              "syncing. Nothing was merged. Check who this is before recording anything, and tell your data manager.",
              "", m_sameCodeCount)
        .arg(code());
}

void ParticipantConsent::reload()
{
    store::LocalStore *store = m_session.store();
    const QString id = m_timeline.participant.id;
    if (!store || id.isEmpty())
        return;
    m_nowMs = m_session.clock().nowMs();
    ConsentGate gate(store->records(), m_session.clock());
    auto timeline = gate.timeline(id);
    if (!timeline.ok() || timeline->participant.projectId != m_session.projectId()) {
        m_timeline = {};
        m_timeline.participant.id = id;
        m_timelineModel.setEntries({});
        m_activities.setStates({});
        setProblem(timeline.ok() ? makeError(ErrorCode::NotFound) : timeline.error());
        emit changed();
        return;
    }
    m_timeline = timeline.value();
    auto check = gate.sessionStartCheck(id, m_nowMs, kDueSoonDays);
    m_check = check.ok() ? check.value() : SessionCheck {};
    auto project = Projects(store->records()).get(m_timeline.participant.projectId);
    m_erasureAllowed = project.ok() && project->settings.withdrawalPolicy == WithdrawalPolicy::StopAndErase;
    m_sameCodeCount = 0;
    if (auto duplicates = Participants(store->records()).duplicateCodes(m_timeline.participant.projectId);
        duplicates.ok()) {
        for (const DuplicateCode &d : duplicates.value()) {
            if (d.participantIds.contains(id))
                m_sameCodeCount = int(d.participantIds.size()) - 1;
        }
    }
    m_timelineModel.setEntries(m_timeline.entries);
    m_activities.setStates(m_timeline.state.activities);
    emit changed();
}

bool ParticipantConsent::recordEvent(const ConsentEvent &event, std::function<QString()> confirmation)
{
    store::LocalStore *store = m_session.store();
    if (!store || code().isEmpty())
        return false;
    ConsentEvent e = event;
    e.participantId = m_timeline.participant.id;
    e.obtainedBy = m_recordedBy.trimmed();
    auto recorded = ConsentLog(*store, m_session.clock()).record(e);
    if (!recorded.ok()) {
        setProblem(recorded.error());
        return false;
    }
    reload();
    setMessage(false, std::move(confirmation));
    emit eventRecorded();
    return true;
}

bool ParticipantConsent::recheck(Outcome outcome)
{
    ConsentEvent e;
    e.type = ConsentEventType::Recheck;
    e.outcome = outcome == Confirmed ? RecheckOutcome::Confirmed
        : outcome == Hesitant        ? RecheckOutcome::Hesitant
                                     : RecheckOutcome::DissentObserved;
    const RecheckOutcome o = e.outcome;
    return recordEvent(e, [o] { return tr("Re-check recorded: %1.").arg(ConsentText::recheckOutcome(o)); });
}

bool ParticipantConsent::dissent()
{
    ConsentEvent e;
    e.type = ConsentEventType::Dissent;
    return recordEvent(
        e, [] { return tr("Dissent recorded. Stop now; collect nothing until consent is checked again."); });
}

bool ParticipantConsent::pause()
{
    ConsentEvent e;
    e.type = ConsentEventType::Pause;
    return recordEvent(e, [] { return tr("Participation paused."); });
}

bool ParticipantConsent::resume()
{
    ConsentEvent e;
    e.type = ConsentEventType::Resume;
    return recordEvent(e, [] { return tr("Participation resumed."); });
}

bool ParticipantConsent::withdraw(Scope scope)
{
    ConsentEvent e;
    e.type = ConsentEventType::Withdrawal;
    e.scope = scope == NoMoreContact ? WithdrawalScope::NoMoreContact
        : scope == NoNewData         ? WithdrawalScope::NoNewData
                                     : WithdrawalScope::RemoveExistingData;
    const WithdrawalScope s = e.scope;
    return recordEvent(
        e, [s] { return tr("Withdrawal recorded: %1.").arg(ConsentText::withdrawalScope(s)); });
}

bool ParticipantConsent::exportFhir()
{
    store::LocalStore *store = m_session.store();
    if (!store || code().isEmpty())
        return false;
    auto bundle = ConsentFhirExport(store->records(), m_session.clock()).bundle(m_timeline.participant.id);
    if (!bundle.ok()) {
        setProblem(bundle.error());
        return false;
    }
    const QString dir = m_exportDirectory;
    const QString fileName = QStringLiteral("consent-%1-%2.fhir.json")
                                 .arg(code(),
                                     QDateTime::fromMSecsSinceEpoch(m_session.clock().nowMs(), Qt::UTC)
                                         .toString(QStringLiteral("yyyyMMdd-HHmmss")));
    const QString path = QDir(dir).filePath(fileName);
    QSaveFile file(path);
    const QByteArray json = QJsonDocument(bundle.value()).toJson(QJsonDocument::Indented);
    if (!QDir().mkpath(dir) || !file.open(QIODevice::WriteOnly) || file.write(json) != json.size()
        || !file.commit()) {
        qCWarning(lcUi) << "FHIR export could not be written" << file.errorString();
        m_lastExportPath.clear();
        setMessage(true, [dir] {
            return tr("The export could not be saved in %1. Check that the folder exists and can be written "
                      "to, then try again.")
                .arg(QDir::toNativeSeparators(dir));
        });
        return false;
    }
    m_lastExportPath = path;
    setMessage(false, [path] {
        return tr("Consent history exported as FHIR R4 to %1. The file is not encrypted: it holds the "
                  "participant's code, never their name.")
            .arg(QDir::toNativeSeparators(path));
    });
    return true;
}

bool ParticipantConsent::giveNewCode()
{
    store::LocalStore *store = m_session.store();
    const QString id = m_timeline.participant.id;
    if (!store || id.isEmpty() || m_sameCodeCount == 0)
        return false;
    const QString oldCode = code();
    auto recoded = Participants(store->records(), Participants::codeTagFor(*store, m_timeline.participant.projectId))
                       .recode(id);
    if (!recoded.ok()) {
        setMessage(true, [] { return tr("The code could not be changed. Nothing was changed. Try again."); });
        return false;
    }
    const QString newCode = recoded->code;
    reload();
    setMessage(false, [oldCode, newCode] {
        return tr("The participant now has the code %1. The old code %2 is kept with the participant's record, so "
                  "forms written under it can still be traced.").arg(newCode, oldCode);
    });
    emit eventRecorded();   // the list shows the new code
    return true;
}

} // namespace samla::ui
