#include "observationsetup.h"

#include "appsettings.h"
#include "engineservices.h"
#include "errortext.h"
#include "languagewatcher.h"
#include "observationlive.h"
#include "observationtext.h"
#include "session.h"

#include "app/domain/consentgate.h"
#include "app/domain/consentlog.h"
#include "app/domain/participants.h"
#include "app/observation/schemelibrary.h"
#include "app/store/localstore.h"

#include <QFile>
#include <QUrl>
#include <QVariantMap>

namespace samla::ui {

using namespace samla::observation;

ObservationSetup::ObservationSetup(Session &session, AppSettings &settings, ObservationLive &live,
    const MonotonicClock &monotonic, const QTimeZone &zone, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_settings(settings)
    , m_live(live)
    , m_monotonic(monotonic)
    , m_zone(zone)
    , m_schemes(builtInSchemes())
{
    setSchemeId(m_schemes.constFirst().id);
    m_setting = ObservationText::settingKeys().constFirst();
    connect(&m_session, &Session::opened, this, [this] {
        reset();
        refresh();
    });
    connect(&m_session, &Session::projectChanged, this, [this] {
        refresh();
        emit listsChanged();
    });
    connect(&m_session, &Session::aboutToClose, this, [this] {
        m_participants.clear();
        m_sessions.setRows({}, {}, language(), m_settings.locale());
        setError({});
        emit sessionsChanged();
        emit formChanged();
        emit listsChanged();
    });
    new LanguageWatcher(this, [this] {
        m_sessions.retranslate(language(), m_settings.locale());
        emit sessionsChanged();
        emit formChanged();
        emit listsChanged();
        emit messageChanged();
    });
    if (m_session.state() == Session::Unlocked) {
        reset();
        refresh();
    }
}

ObservationSetup *ObservationSetup::create(QQmlEngine *qml, QJSEngine *)
{
    return serviceFromEngine<ObservationSetup>(qml);
}

QString ObservationSetup::language() const
{
    return m_settings.language();
}

void ObservationSetup::setError(std::function<QString()> error)
{
    m_errorText = std::move(error);
    emit messageChanged();
}

QString ObservationSetup::projectName() const
{
    return m_session.projectName();
}

void ObservationSetup::refresh()
{
    store::LocalStore *store = m_session.store();
    if (!store)
        return;
    auto list = Sessions(*store, m_session.clock(), m_monotonic, m_zone).list(m_session.projectId());
    if (!list.ok()) {
        setError(ObservationText::later(list.error()));
        return;
    }
    QMap<QString, QString> siteNames;
    for (const domain::Site &site : m_session.project().settings.sites)
        siteNames.insert(site.id, site.name);
    m_sessions.setRows(list.value(), siteNames, language(), m_settings.locale());
    emit sessionsChanged();
    reloadSchemes();
}

void ObservationSetup::reloadSchemes()
{
    QList<CodingScheme> schemes = builtInSchemes();
    if (store::LocalStore *store = m_session.store()) {
        auto own = SchemeLibrary(store->records()).active(m_session.projectId());
        if (!own.ok())
            setError(ObservationText::later(own.error()));
        else {
            for (const SavedScheme &saved : own.value())
                schemes.append(saved.scheme);
        }
    }
    for (const CodingScheme &added : m_added) {
        schemes.removeIf([&](const CodingScheme &s) { return s.id == added.id; });
        schemes.append(added);
    }
    if (schemes == m_schemes)
        return;
    m_schemes = schemes;
    const QString chosen = m_schemeId;
    m_schemeId.clear();
    setSchemeId(chosen);
    if (m_schemeId.isEmpty())
        setSchemeId(m_schemes.constFirst().id);
    emit listsChanged();
}

void ObservationSetup::reset()
{
    store::LocalStore *store = m_session.store();
    m_participants.clear();
    m_attendees.clear();
    // The session starts from this form: a re-check recorded from now on counts for it.
    m_formOpenedMs = m_session.clock().nowMs();
    m_importErrorText = {};
    setError({});
    reloadSchemes();
    const QList<domain::Site> sites = m_session.project().settings.sites;
    if (!sites.isEmpty() && std::none_of(sites.begin(), sites.end(), [&](const domain::Site &s) { return s.id == m_siteId; }))
        m_siteId = sites.constFirst().id;
    if (store) {
        auto people = domain::Participants(store->records()).list(m_session.projectId());
        if (!people.ok()) {
            setError([code = people.code()] { return ErrorText::forCode(code); });
        } else {
            for (const domain::Participant &p : people.value()) {
                ParticipantChoice choice;
                choice.id = p.id;
                choice.code = p.code;
                checkParticipant(choice);
                m_participants.append(choice);
            }
        }
    }
    emit formChanged();
    emit listsChanged();
}

// How many days ahead a re-consent counts as due soon at a session's start.
constexpr int kRecheckSoonDays = 7;

void ObservationSetup::checkParticipant(ParticipantChoice &choice) const
{
    store::LocalStore *store = m_session.store();
    if (!store)
        return;
    const domain::ConsentGate gate(store->records(), m_session.clock());
    const domain::Decision d = gate.mayCollect(choice.id, domain::Activity::Observation);
    choice.allowed = d.allowed;
    choice.reason = d.reason;
    choice.recheck = domain::RecheckWhy::None;
    choice.recheckNeeded = false;
    if (!d.allowed) {
        choice.chosen = false;
        return;
    }
    auto check = gate.sessionStartCheck(choice.id, m_formOpenedMs, kRecheckSoonDays);
    if (check.ok() && check->recheckRequired) {
        choice.recheck = check->why;
        // "Due soon" is a suggestion; the others are asked before the session starts.
        choice.recheckNeeded = check->why != domain::RecheckWhy::DueSoon;
    }
}

bool ObservationSetup::recordRecheck(const QString &participantId, int outcome)
{
    store::LocalStore *store = m_session.store();
    if (!store || outcome < 0 || outcome > 2)
        return false;
    for (ParticipantChoice &p : m_participants) {
        if (p.id != participantId)
            continue;
        domain::ConsentEvent e;
        e.type = domain::ConsentEventType::Recheck;
        e.participantId = p.id;
        e.outcome = outcome == 0 ? domain::RecheckOutcome::Confirmed
            : outcome == 1       ? domain::RecheckOutcome::Hesitant
                                 : domain::RecheckOutcome::DissentObserved;
        e.obtainedBy = m_observer.trimmed();
        auto recorded = domain::ConsentLog(*store, m_session.clock()).record(e);
        if (!recorded.ok()) {
            setError([error = recorded.error()] { return ErrorText::forCode(error.code); });
            emit listsChanged();
            return false;
        }
        checkParticipant(p);
        setError({});
        emit listsChanged();
        return true;
    }
    return false;
}

const CodingScheme *ObservationSetup::scheme() const
{
    for (const CodingScheme &s : m_schemes) {
        if (s.id == m_schemeId)
            return &s;
    }
    return nullptr;
}

QVariantList ObservationSetup::schemeChoices() const
{
    QVariantList out;
    for (const CodingScheme &s : m_schemes)
        out.append(QVariantMap{{QStringLiteral("key"), s.id}, {QStringLiteral("label"), labelIn(s.name, language())},
                               {QStringLiteral("description"), labelIn(s.description, language())}});
    return out;
}

void ObservationSetup::setSchemeId(const QString &id)
{
    if (id == m_schemeId)
        return;
    for (const CodingScheme &s : m_schemes) {
        if (s.id != id)
            continue;
        m_schemeId = id;
        m_promptMinutes = (s.samplingIntervalS + 59) / 60;
        m_attendees.clear();
        emit formChanged();
        emit listsChanged();
        return;
    }
}

QString ObservationSetup::schemeDescription() const
{
    const CodingScheme *s = scheme();
    return s ? labelIn(s->description, language()) : QString();
}

QVariantList ObservationSetup::siteChoices() const
{
    QVariantList out{QVariantMap{{QStringLiteral("key"), QString()}, {QStringLiteral("label"), tr("No particular site")}}};
    for (const domain::Site &s : m_session.project().settings.sites)
        out.append(QVariantMap{{QStringLiteral("key"), s.id}, {QStringLiteral("label"), s.name}});
    return out;
}

void ObservationSetup::setSiteId(const QString &id)
{
    if (id == m_siteId)
        return;
    m_siteId = id;
    emit formChanged();
}

QVariantList ObservationSetup::settingChoices() const
{
    QVariantList out;
    for (const QString &key : ObservationText::settingKeys())
        out.append(QVariantMap{{QStringLiteral("key"), key}, {QStringLiteral("label"), ObservationText::settingLabel(key)}});
    return out;
}

void ObservationSetup::setSetting(const QString &key)
{
    if (key == m_setting)
        return;
    m_setting = key;
    emit formChanged();
}

void ObservationSetup::setObserver(const QString &initials)
{
    if (initials == m_observer)
        return;
    m_observer = initials;
    emit formChanged();
}

void ObservationSetup::setOtherObservers(const QString &text)
{
    if (text == m_otherObservers)
        return;
    m_otherObservers = text;
    emit formChanged();
}

QVariantList ObservationSetup::participants() const
{
    QVariantList out;
    for (const ParticipantChoice &p : m_participants)
        out.append(QVariantMap{{QStringLiteral("id"), p.id}, {QStringLiteral("code"), p.code},
                               {QStringLiteral("allowed"), p.allowed},
                               {QStringLiteral("reason"), p.allowed ? QString() : domain::reasonText(p.reason)},
                               {QStringLiteral("chosen"), p.chosen},
                               {QStringLiteral("recheck"), domain::recheckWhyText(p.recheck)},
                               {QStringLiteral("recheckNeeded"), p.recheckNeeded}});
    return out;
}

void ObservationSetup::toggleParticipant(const QString &code)
{
    for (ParticipantChoice &p : m_participants) {
        if (p.code != code)
            continue;
        if (!p.allowed) {
            setError([code, reason = p.reason] { return tr("%1 cannot be observed: %2").arg(code, domain::reasonText(reason)); });
            emit listsChanged();
            return;
        }
        p.chosen = !p.chosen;
        setError({});
        emit listsChanged();
        return;
    }
}

QVariantList ObservationSetup::attendees() const
{
    QVariantList out;
    const CodingScheme *s = scheme();
    if (!s)
        return out;
    for (const SubjectRole &r : s->roles)
        out.append(QVariantMap{{QStringLiteral("role"), r.code}, {QStringLiteral("label"), labelIn(r.label, language())},
                               {QStringLiteral("count"), m_attendees.value(r.code, 0)}});
    return out;
}

void ObservationSetup::setAttendeeCount(const QString &role, int count)
{
    if (m_attendees.value(role, 0) == count)
        return;
    m_attendees.insert(role, count);
    emit listsChanged();
}

void ObservationSetup::setPromptMinutes(int minutes)
{
    if (minutes == m_promptMinutes)
        return;
    m_promptMinutes = minutes;
    emit formChanged();
}

void ObservationSetup::addScheme(const CodingScheme &added)
{
    m_added.removeIf([&](const CodingScheme &s) { return s.id == added.id; });
    m_added.append(added);
    m_schemes.removeIf([&](const CodingScheme &s) { return s.id == added.id; });
    m_schemes.append(added);
    m_schemeId.clear();
    setSchemeId(added.id);
    emit listsChanged();
}

bool ObservationSetup::importScheme(const QString &pathOrUrl)
{
    const QUrl url(pathOrUrl);
    const QString path = url.isLocalFile() ? url.toLocalFile() : pathOrUrl;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_importErrorText = [] { return tr("That file could not be read. Check the name and try again."); };
        emit messageChanged();
        return false;
    }
    store::LocalStore *store = m_session.store();
    if (!store)
        return false;
    SchemeIssue issue;
    auto imported = SchemeLibrary(store->records()).import(m_session.projectId(), file.read(1024 * 1024), &issue);
    if (!imported.ok()) {
        const ErrorCode code = imported.code();
        const bool builtIn = imported.error().detail == QLatin1String("builtin_id");
        m_importErrorText = [issue, code, builtIn] {
            if (issue.problem != SchemeProblem::None)
                return tr("The scheme was not imported: %1").arg(schemeIssueText(issue));
            if (builtIn)
                return tr("The scheme was not imported: it uses the code of a built-in scheme with other content. "
                          "Give it a code of its own.");
            return ErrorText::forCode(code);
        };
        emit messageChanged();
        return false;
    }
    // Kept in the project: the next session, and the project's other devices, have it too.
    reloadSchemes();
    m_schemeId.clear();
    setSchemeId(imported->scheme.id);
    m_importErrorText = {};
    emit messageChanged();
    emit listsChanged();
    return true;
}

bool ObservationSetup::start()
{
    store::LocalStore *store = m_session.store();
    const CodingScheme *chosen = scheme();
    if (!store || !chosen)
        return false;
    if (m_promptMinutes < 0) {
        setError([] { return ObservationText::forError(makeError(ErrorCode::InvalidArgument, QStringLiteral("bad_interval"))); });
        return false;
    }
    SessionSetup setup;
    setup.projectId = m_session.projectId();
    setup.siteId = m_siteId;
    setup.setting = m_setting;
    setup.observer = m_observer.trimmed();
    setup.observers = {setup.observer};
    for (const QString &other : m_otherObservers.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!other.trimmed().isEmpty() && !setup.observers.contains(other.trimmed()))
            setup.observers << other.trimmed();
    }
    QStringList unchecked;
    for (const ParticipantChoice &p : m_participants) {
        if (p.chosen)
            setup.participantCodes << p.code;
        if (p.chosen && p.recheckNeeded)
            unchecked << p.code;
    }
    if (!unchecked.isEmpty()) {
        setError([unchecked] {
            return tr("Check consent again with %1 before the session starts, or untick them.")
                .arg(unchecked.join(QStringLiteral(", ")));
        });
        return false;
    }
    for (auto it = m_attendees.begin(); it != m_attendees.end(); ++it) {
        if (it.value() != 0)
            setup.attendeesByRole.insert(it.key(), it.value());
    }
    setup.scheme = *chosen;
    setup.promptIntervalS = m_promptMinutes * 60;
    QList<ParticipantRefusal> refused;
    auto begun = Sessions(*store, m_session.clock(), m_monotonic, m_zone).start(setup, &refused);
    if (!begun.ok()) {
        setError(ObservationText::later(begun.error()));
        return false;
    }
    setError({});
    m_live.adopt(std::move(begun).value(), refused);
    refresh();
    reset();
    emit started();
    return true;
}

bool ObservationSetup::openSession(const QString &sessionId)
{
    return m_live.open(sessionId);
}

} // namespace samla::ui
