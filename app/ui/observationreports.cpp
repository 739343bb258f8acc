#include "observationreports.h"

#include "app/domain/participants.h"
#include "app/observation/eventexport.h"
#include "app/store/localstore.h"
#include "appsettings.h"
#include "engineservices.h"
#include "errortext.h"
#include "languagewatcher.h"
#include "observationtext.h"
#include "platform/core/files.h"
#include "session.h"

#include <QDateTime>
#include <QDir>
#include <QUrl>
#include <QVariantMap>

#include <algorithm>
#include <memory>

namespace samla::ui {

using namespace samla::observation;

namespace {

constexpr double kMsPerHour = 3'600'000.0;
const char *const kFallbackColor = "#1d4e89";

QVariantMap barRow(const QString &label, double fraction, const QString &value, const QString &color)
{
    return QVariantMap { { QStringLiteral("label"), label },
        { QStringLiteral("fraction"), std::clamp(fraction, 0.0, 1.0) }, { QStringLiteral("value"), value },
        { QStringLiteral("color"), color.isEmpty() ? QString::fromLatin1(kFallbackColor) : color } };
}

QVariantMap group(const QString &title, const QVariantList &rows)
{
    return QVariantMap { { QStringLiteral("title"), title }, { QStringLiteral("rows"), rows } };
}

QVariantMap chart(const QString &key, const QString &title, const QString &note, const QVariantList &groups)
{
    return QVariantMap { { QStringLiteral("key"), key }, { QStringLiteral("title"), title },
        { QStringLiteral("note"), note }, { QStringLiteral("groups"), groups } };
}

// The role a participant's category counts under in role-coded schemes.
QString roleOfCategory(domain::ParticipantCategory c)
{
    switch (c) {
    case domain::ParticipantCategory::Patient:
        return QStringLiteral("patient");
    case domain::ParticipantCategory::FamilyMember:
        return QStringLiteral("family");
    case domain::ParticipantCategory::Staff:
        return QStringLiteral("staff");
    case domain::ParticipantCategory::Citizen:
    case domain::ParticipantCategory::ChildOrAdolescent:
        break;
    }
    return {};
}

// A scheme of who-says-what: every behaviour needs a subject, and subjects are roles.
bool roleCoded(const CodingScheme &s)
{
    return !s.roles.isEmpty() && !s.behaviours.isEmpty()
        && std::all_of(s.behaviours.begin(), s.behaviours.end(),
            [](const Behaviour &b) { return b.subject == SubjectRule::Required; });
}

} // namespace

ObservationReports::ObservationReports(Session &session, AppSettings &settings,
    const MonotonicClock &monotonic, const QTimeZone &zone, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_settings(settings)
    , m_monotonic(monotonic)
    , m_zone(zone)
    , m_exportDirectory(QDir(session.dataDir()).filePath(QStringLiteral("exports")))
{
    connect(&m_session, &Session::aboutToClose, this, [this] {
        m_listed.clear();
        m_included.clear();
        m_summaries.clear();
        m_sessionId.clear();
        setMessages({}, {});
        emit reportChanged();
    });
    new LanguageWatcher(this, [this] {
        emit reportChanged();
        emit messageChanged();
    });
}

ObservationReports *ObservationReports::create(QQmlEngine *qml, QJSEngine *)
{
    return serviceFromEngine<ObservationReports>(qml);
}

QString ObservationReports::language() const
{
    return m_settings.language();
}

void ObservationReports::setMessages(std::function<QString()> error, std::function<QString()> info)
{
    m_errorText = std::move(error);
    m_infoText = std::move(info);
    emit messageChanged();
}

void ObservationReports::showSession(const QString &sessionId)
{
    m_sessionId = sessionId;
    setMessages({}, {});
    load();
}

void ObservationReports::showAll()
{
    m_sessionId.clear();
    setMessages({}, {});
    load();
}

void ObservationReports::refresh()
{
    load();
}

void ObservationReports::setSchemeId(const QString &id)
{
    if (id == m_schemeId)
        return;
    m_schemeId = id;
    load();
}

void ObservationReports::load()
{
    m_listed.clear();
    m_included.clear();
    m_summaries.clear();
    store::LocalStore *store = m_session.store();
    if (!store) {
        emit reportChanged();
        return;
    }
    Sessions sessions(*store, m_session.clock(), m_monotonic, m_zone);
    auto list = sessions.list(m_session.projectId());
    auto people = domain::Participants(store->records()).list(m_session.projectId());
    if (!list.ok() || !people.ok()) {
        const ErrorCode code = !list.ok() ? list.code() : people.code();
        setMessages([code] { return ErrorText::forCode(code); }, {});
        emit reportChanged();
        return;
    }
    m_listed = list.value();
    QSet<QString> patientCodes;
    QMap<QString, QString> participantRoles;
    for (const domain::Participant &p : people.value()) {
        if (p.profile.category == domain::ParticipantCategory::Patient)
            patientCodes.insert(p.code);
        if (const QString role = roleOfCategory(p.profile.category); !role.isEmpty())
            participantRoles.insert(p.code, role);
    }
    if (m_sessionId.isEmpty()) {
        // Across sessions: the stopped and finalised ones in force (the newest
        // finalised version of a corrected one), of one scheme.
        QList<SessionInfo> candidates;
        for (const SessionInfo &s : sessionsInForce(m_listed)) {
            if (s.state == SessionState::Stopped || s.state == SessionState::Finalised)
                candidates.append(s);
        }
        const bool known = std::any_of(candidates.begin(), candidates.end(),
            [&](const SessionInfo &s) { return s.scheme.id == m_schemeId; });
        if (!known)
            m_schemeId = candidates.isEmpty() ? QString() : candidates.constFirst().scheme.id;
        for (const SessionInfo &s : candidates) {
            if (s.scheme.id == m_schemeId)
                m_included.append(s);
        }
    } else {
        for (const SessionInfo &s : m_listed) {
            if (s.id == m_sessionId)
                m_included.append(s);
        }
    }
    for (const SessionInfo &s : m_included) {
        auto opened = sessions.open(s.id);
        if (!opened.ok()) {
            setMessages(ObservationText::later(opened.error()), {});
            continue;
        }
        const ObservationSession &o = *opened.value();
        m_summaries.append(summarise(o.info(), o.events(), o.intervals(), patientCodes, participantRoles));
    }
    emit reportChanged();
}

const CodingScheme *ObservationReports::scheme() const
{
    return m_included.isEmpty() ? nullptr : &m_included.constFirst().scheme;
}

QString ObservationReports::title() const
{
    const CodingScheme *s = scheme();
    if (acrossSessions())
        return s ? tr("Summary of all sessions: %1").arg(labelIn(s->name, language()))
                 : tr("Summary of all sessions");
    return s ? tr("Session summary: %1").arg(labelIn(s->name, language())) : tr("Session summary");
}

QString ObservationReports::subtitle() const
{
    if (m_included.isEmpty())
        return {};
    const PooledSummary p = pool(m_summaries);
    if (acrossSessions())
        return tr(
            "%n session(s), stopped or finalised, %1 observed in all. A correction counts instead of the "
            "version it corrects.",
            "", p.sessions)
            .arg(ObservationText::clock(p.observedMs));
    const SessionInfo &s = m_included.constFirst();
    const QString started = m_settings.locale().toString(
        QDateTime::fromMSecsSinceEpoch(s.startedWallMs, Qt::OffsetFromUTC, s.startUtcOffsetS),
        QLocale::ShortFormat);
    return tr("Started %1, coded by %2, %3").arg(started, s.observer, ObservationText::stateLabel(s.state));
}

QVariantList ObservationReports::schemeChoices() const
{
    QVariantList out;
    QSet<QString> seen;
    for (const SessionInfo &s : m_listed) {
        if (s.state != SessionState::Stopped && s.state != SessionState::Finalised)
            continue;
        if (seen.contains(s.scheme.id))
            continue;
        seen.insert(s.scheme.id);
        out.append(QVariantMap { { QStringLiteral("key"), s.scheme.id },
            { QStringLiteral("label"), labelIn(s.scheme.name, language()) } });
    }
    return out;
}

QString ObservationReports::emptyText() const
{
    if (!m_included.isEmpty())
        return {};
    return acrossSessions()
        ? tr("No stopped or finalised sessions yet. Summaries appear once a session is stopped.")
        : tr("This session could not be found.");
}

QVariantList ObservationReports::headline() const
{
    const CodingScheme *s = scheme();
    if (!s)
        return {};
    const QLocale locale = m_settings.locale();
    const PooledSummary p = pool(m_summaries);
    QVariantList out;
    auto add = [&](const QString &key, const QString &label, const QString &value) {
        out.append(QVariantMap { { QStringLiteral("key"), key }, { QStringLiteral("label"), label },
            { QStringLiteral("value"), value } });
    };
    add(QStringLiteral("observed"), tr("Observed time"), ObservationText::clock(p.observedMs));
    bool ordered = false;
    ratingScale(*s, &ordered);
    if (ordered) {
        add(QStringLiteral("interactions"), tr("Interactions rated"), locale.toString(p.interactions));
        const int patients = acrossSessions() ? -1 : m_summaries.value(0).patients;
        if (patients >= 0)
            add(QStringLiteral("patients"), tr("Patients in view"), locale.toString(patients));
        else
            add(QStringLiteral("patientHours"), tr("Patient-hours observed"),
                locale.toString(p.patientHours, 'f', 1));
        const auto rate = interactionsPerPatientHour(p.interactions, p.patientHours);
        add(QStringLiteral("rate"), tr("Interactions per patient per hour"),
            rate ? locale.toString(*rate, 'f', 1) : tr("Not known: no patients were counted in view"));
    } else {
        int events = 0;
        for (int n : p.pointCounts)
            events += n;
        add(QStringLiteral("events"), roleCoded(*s) ? tr("Contributions") : tr("Point events coded"),
            locale.toString(events));
        if (p.observedMs > 0)
            add(QStringLiteral("perHour"),
                roleCoded(*s) ? tr("Contributions per hour") : tr("Point events per hour"),
                locale.toString(events / (double(p.observedMs) / kMsPerHour), 'f', 1));
    }
    return out;
}

QVariantList ObservationReports::charts() const
{
    const CodingScheme *s = scheme();
    if (!s)
        return {};
    const QLocale locale = m_settings.locale();
    const QString lang = language();
    bool ordered = false;
    const QStringList scale = ratingScale(*s, &ordered);
    auto behaviourLabel = [&](const QString &code) {
        const Behaviour *b = s->behaviour(code);
        return b ? labelIn(b->label, lang) : code;
    };
    auto behaviourColor = [&](const QString &code) {
        const Behaviour *b = s->behaviour(code);
        return b ? b->color : QString();
    };
    auto percent = [&](double share) { return tr("%1%").arg(locale.toString(share * 100.0, 'f', 0)); };
    // Counts of the given behaviours with their share of the total: "12 (40%)".
    auto shareRows = [&](const QMap<QString, int> &counts, const QStringList &codes) {
        int total = 0;
        for (const QString &c : codes)
            total += counts.value(c);
        QVariantList rows;
        for (const QString &c : codes) {
            const int n = counts.value(c);
            const double share = total > 0 ? double(n) / total : 0.0;
            rows.append(barRow(behaviourLabel(c), share,
                tr("%1 (%2)").arg(locale.toString(n), percent(share)), behaviourColor(c)));
        }
        return rows;
    };

    // Sites, in the project's order, then "no site"; only those with sessions here.
    QList<std::pair<QString, QString>> sites; // id, name
    for (const domain::Site &site : m_session.project().settings.sites)
        sites.append({ site.id, site.name });
    sites.append({ QString(), tr("No site") });
    QList<std::pair<QString, QList<SessionSummary>>> bySite;
    for (const auto &[id, name] : sites) {
        QList<SessionSummary> in;
        for (const SessionSummary &summary : m_summaries) {
            const bool known = std::any_of(
                sites.begin(), sites.end(), [&](const auto &x) { return x.first == summary.siteId; });
            if (summary.siteId == id || (id.isEmpty() && !known))
                in.append(summary);
        }
        if (!in.isEmpty())
            bySite.append({ name, in });
    }
    const bool grouped = acrossSessions() && !bySite.isEmpty();
    // Study arms: only when a site of the project has one.
    const QList<domain::Site> &projectSites = m_session.project().settings.sites;
    const bool withArms = grouped
        && std::any_of(projectSites.begin(), projectSites.end(),
            [](const domain::Site &site) { return site.arm != domain::StudyArm::None; });
    const QList<ArmSummary> byArm = withArms ? poolByArm(m_summaries, projectSites) : QList<ArmSummary> {};
    auto armLabel = [](domain::StudyArm arm) {
        switch (arm) {
        case domain::StudyArm::Intervention:
            return tr("Intervention");
        case domain::StudyArm::Control:
            return tr("Control");
        case domain::StudyArm::None:
            break;
        }
        return tr("No arm");
    };
    const PooledSummary all = pool(m_summaries);

    QVariantList out;
    if (ordered) {
        if (grouped) {
            // Interactions per patient per hour, all sites and each site.
            QList<std::tuple<QString, std::optional<double>, PooledSummary>> rates;
            rates.append(
                { tr("All sites"), interactionsPerPatientHour(all.interactions, all.patientHours), all });
            for (const auto &[name, in] : bySite) {
                const PooledSummary p = pool(in);
                rates.append({ name, interactionsPerPatientHour(p.interactions, p.patientHours), p });
            }
            double highest = 0;
            for (const auto &r : rates)
                highest = std::max(highest, std::get<1>(r).value_or(0.0));
            QVariantList rows;
            for (const auto &[name, rate, p] : rates) {
                const QString value = rate
                    ? tr("%1 (%2 interactions, %3 patient-hours)")
                          .arg(locale.toString(*rate, 'f', 1), locale.toString(p.interactions),
                              locale.toString(p.patientHours, 'f', 1))
                    : tr("Not known: no patients counted");
                rows.append(barRow(name, highest > 0 ? rate.value_or(0.0) / highest : 0.0, value, {}));
            }
            out.append(chart(QStringLiteral("rate"), tr("Interactions per patient per hour, by site"),
                withArms ? tr("Pooled over patient-hours: all interactions divided by the sum of patients in "
                              "view × hours observed.")
                         : tr("Pooled over patient-hours: all interactions divided by the sum of patients in view × "
                              "hours "
                              "observed. Grouped by site: this project records no intervention or control arm "
                              "for its "
                              "sites."),
                { group({}, rows) }));
        }
        if (withArms) {
            // The same figures by study arm: intervention, control, then sessions at sites without one.
            double highest = 0;
            for (const ArmSummary &a : byArm)
                highest = std::max(highest,
                    interactionsPerPatientHour(a.pooled.interactions, a.pooled.patientHours).value_or(0.0));
            QVariantList rows;
            for (const ArmSummary &a : byArm) {
                const PooledSummary &p = a.pooled;
                const auto rate = interactionsPerPatientHour(p.interactions, p.patientHours);
                const QString hours = locale.toString(double(p.observedMs) / kMsPerHour, 'f', 1);
                const QString value = rate
                    ? tr("%1 (%n session(s), %2 hours observed, %3 interactions, %4 patient-hours)", nullptr,
                          p.sessions)
                          .arg(locale.toString(*rate, 'f', 1), hours, locale.toString(p.interactions),
                              locale.toString(p.patientHours, 'f', 1))
                    : tr("Not known: no patients counted (%n session(s), %1 hours observed)", nullptr,
                          p.sessions)
                          .arg(hours);
                rows.append(barRow(armLabel(a.arm), highest > 0 ? rate.value_or(0.0) / highest : 0.0, value, {}));
            }
            out.append(chart(QStringLiteral("rateByArm"), tr("Interactions per patient per hour, by study arm"),
                tr("Sites are grouped by the study arm set in the project settings; sessions at sites "
                   "without an arm are shown as \"No arm\"."),
                { group({}, rows) }));
        }
        QVariantList groups;
        groups.append(group(grouped ? tr("All sites") : QString(), shareRows(all.pointCounts, scale)));
        if (grouped && bySite.size() > 1) {
            for (const auto &[name, in] : bySite)
                groups.append(group(name, shareRows(pool(in).pointCounts, scale)));
        }
        out.append(chart(QStringLiteral("shares"), tr("Share of each category"),
            tr("Number of interactions rated in each category, and its share of all rated interactions."),
            groups));
        if (withArms) {
            QVariantList armGroups;
            for (const ArmSummary &a : byArm)
                armGroups.append(group(armLabel(a.arm), shareRows(a.pooled.pointCounts, scale)));
            out.append(chart(QStringLiteral("sharesByArm"), tr("Share of each category, by study arm"),
                tr("Number of interactions rated in each category, and its share of the arm's rated "
                   "interactions."),
                armGroups));
        }
    } else if (roleCoded(*s)) {
        QStringList types;
        for (const Behaviour &b : s->behaviours) {
            if (b.type == EventType::Point)
                types << b.code;
        }
        out.append(chart(QStringLiteral("types"), tr("Contributions by type"),
            tr("Number of contributions of each type, and its share of all contributions."),
            { group({}, shareRows(all.pointCounts, types)) }));
        QMap<QString, int> perRole;
        for (auto it = all.byRole.begin(); it != all.byRole.end(); ++it) {
            for (int n : it.value())
                perRole[it.key()] += n;
        }
        QStringList roleKeys;
        for (const SubjectRole &r : s->roles)
            roleKeys << r.code;
        for (const QString &key : perRole.keys()) {
            if (!roleKeys.contains(key))
                roleKeys << key;
        }
        auto roleLabel = [&](const QString &key) {
            for (const SubjectRole &r : s->roles) {
                if (r.code == key)
                    return labelIn(r.label, lang);
            }
            return key.isEmpty() ? tr("Participant, role not known") : key;
        };
        int total = 0;
        for (int n : perRole)
            total += n;
        QVariantList roleRows;
        for (const QString &key : roleKeys) {
            const int n = perRole.value(key);
            const double share = total > 0 ? double(n) / total : 0.0;
            roleRows.append(
                barRow(roleLabel(key), share, tr("%1 (%2)").arg(locale.toString(n), percent(share)), {}));
        }
        out.append(chart(QStringLiteral("roles"), tr("Contributions by role"),
            tr("Who spoke: contributions by the speaker's role (a participant counts under their role)."),
            { group({}, roleRows) }));
        QVariantList crossGroups;
        for (const QString &key : roleKeys) {
            if (perRole.value(key) > 0)
                crossGroups.append(group(roleLabel(key), shareRows(all.byRole.value(key), types)));
        }
        if (!crossGroups.isEmpty())
            out.append(chart(QStringLiteral("roleTypes"), tr("Contributions by role and type"),
                tr("For each role, its contributions of each type and their share of that role's "
                   "contributions."),
                crossGroups));
    } else if (!scale.isEmpty()) {
        out.append(chart(QStringLiteral("events"), tr("Events by behaviour"),
            tr("Number of point events of each behaviour, and its share of all point events."),
            { group({}, shareRows(all.pointCounts, scale)) }));
    }

    // Time budget of state events: time in each state, per subject.
    QVariantList budget;
    for (const Behaviour &b : s->behaviours) {
        if (b.type != EventType::State)
            continue;
        const QMap<QString, std::int64_t> bySubject = all.stateMs.value(b.code);
        if (bySubject.isEmpty()) {
            budget.append(barRow(labelIn(b.label, lang), 0.0,
                tr("%1 (%2 of observed time)").arg(ObservationText::clock(0), percent(0)), b.color));
            continue;
        }
        for (auto it = bySubject.begin(); it != bySubject.end(); ++it) {
            const QString key = it.key();
            Subject subject;
            if (key.startsWith(QLatin1String("r:")))
                subject = Subject::role(key.mid(2));
            else if (key.startsWith(QLatin1String("p:")))
                subject = Subject::participant(key.mid(2));
            QString who;
            if (subject.kind == Subject::Kind::Role) {
                who = subject.code;
                for (const SubjectRole &r : s->roles) {
                    if (r.code == subject.code)
                        who = labelIn(r.label, lang);
                }
            } else if (subject.kind == Subject::Kind::Participant) {
                who = subject.code;
            }
            const double share = all.observedMs > 0 ? double(it.value()) / double(all.observedMs) : 0.0;
            budget.append(barRow(
                who.isEmpty() ? labelIn(b.label, lang) : tr("%1 · %2").arg(labelIn(b.label, lang), who),
                share, tr("%1 (%2 of observed time)").arg(ObservationText::clock(it.value()), percent(share)),
                b.color));
        }
    }
    if (!budget.isEmpty())
        out.append(chart(QStringLiteral("timeBudget"), tr("Time budget of state events"),
            tr("Time each state ran for each subject, and its share of the %1 observed (pauses left out).")
                .arg(ObservationText::clock(all.observedMs)),
            { group({}, budget) }));
    return out;
}

void ObservationReports::setExportDirectory(const QString &dir)
{
    const QUrl url(dir);
    const QString path = url.isLocalFile() ? url.toLocalFile() : dir;
    if (path == m_exportDirectory)
        return;
    m_exportDirectory = path;
    emit exportDirectoryChanged();
}

QString ObservationReports::exportErrorText(ErrorCode code, const QString &dir)
{
    const QString where = QDir::toNativeSeparators(dir);
    switch (code) {
    case ErrorCode::DiskFull:
        return tr("The export could not be saved in %1: the disk is full. Free some space or choose another "
                  "folder, then try again.")
            .arg(where);
    case ErrorCode::ReadOnly:
        return tr(
            "The export could not be saved in %1: that folder cannot be written to. Choose another folder, "
            "then try again.")
            .arg(where);
    default:
        return tr(
            "The export could not be saved in %1. Check that the folder exists and can be written to, then "
            "try again.")
            .arg(where);
    }
}

bool ObservationReports::exportEvents(const QString &format)
{
    store::LocalStore *store = m_session.store();
    if (!store)
        return false;
    const bool tsv = format == QLatin1String("tsv");
    const Delimiter delimiter = tsv ? Delimiter::Tab : Delimiter::Comma;
    Sessions sessions(*store, m_session.clock(), m_monotonic, m_zone);
    // One session, or every session of the project in force (the newest
    // finalised version of a corrected one; the version column says which).
    QStringList ids;
    if (!acrossSessions()) {
        ids << m_sessionId;
    } else {
        auto list = sessions.list(m_session.projectId());
        if (!list.ok()) {
            setMessages([code = list.code()] { return ErrorText::forCode(code); }, {});
            return false;
        }
        const QList<SessionInfo> inForce = sessionsInForce(list.value());
        for (auto it = inForce.crbegin(); it != inForce.crend(); ++it) // oldest first
            ids << it->id;
    }
    std::vector<std::unique_ptr<ObservationSession>> opened;
    QList<const ObservationSession *> parts;
    for (const QString &id : ids) {
        auto s = sessions.open(id);
        if (!s.ok()) {
            setMessages(ObservationText::later(s.error()), {});
            return false;
        }
        parts.append(s.value().get());
        opened.push_back(std::move(s).value());
    }
    const QByteArray bytes = observation::exportEvents(parts, delimiter);
    const QString stamp = QDateTime::fromMSecsSinceEpoch(m_session.clock().nowMs(), Qt::UTC)
                              .toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const QString base = acrossSessions()
        ? QStringLiteral("observations-all-%1").arg(stamp)
        : QStringLiteral("observation-%1-%2")
              .arg(parts.isEmpty() ? QString() : parts.constFirst()->info().scheme.id, stamp);
    const QString dir = m_exportDirectory;
    const QString path = QDir(dir).filePath(base + (tsv ? QStringLiteral(".tsv") : QStringLiteral(".csv")));
    Status written = QDir().mkpath(dir) ? files::writeAtomically(path, bytes)
                                        : Status(makeError(ErrorCode::Io, QStringLiteral("mkpath")));
    if (!written.ok()) {
        qCWarning(lcUi) << "observation export not written:" << written.error().detail;
        m_lastExportPath.clear();
        setMessages([code = written.error().code, dir] { return exportErrorText(code, dir); }, {});
        return false;
    }
    m_lastExportPath = path;
    int events = 0;
    for (const ObservationSession *part : parts)
        events += int(part->events().size());
    setMessages({}, [path, events] {
        return tr(
            "Exported %n event(s) to %1. The file is not encrypted: it holds participant codes, never names.",
            "", events)
            .arg(QDir::toNativeSeparators(path));
    });
    return true;
}

} // namespace samla::ui
