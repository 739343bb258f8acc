#include "projects.h"

#include "conflictpolicies.h"
#include "demo.h"
#include "enumkeys.h"

#include <QCborArray>
#include <QRegularExpression>
#include <QSet>
#include <QUuid>

namespace samla::domain {

namespace {

const QString kName = QStringLiteral("name");
const QString kDemo = QStringLiteral("demo");
const QString kSettings = QStringLiteral("settings");
const QString kPrefix = QStringLiteral("code_prefix");
const QString kDescription = QStringLiteral("description");
const QString kSites = QStringLiteral("sites");
const QString kId = QStringLiteral("id");
const QString kJurisdiction = QStringLiteral("jurisdiction");
const QString kArm = QStringLiteral("arm");
const QString kLanguages = QStringLiteral("languages");
const QString kLawfulBasis = QStringLiteral("lawful_basis");
const QString kWithdrawalPolicy = QStringLiteral("withdrawal_policy");
const QString kRetentionMonths = QStringLiteral("retention_months");
const QString kReconsentDays = QStringLiteral("reconsent_interval_days");
const QString kRecheckEverySession = QStringLiteral("recheck_every_session");
const QString kChildAssentRequired = QStringLiteral("child_assent_required");

const detail::EnumKey<Jurisdiction> kJurisdictionKeys[] = {
    {Jurisdiction::Sweden, "se"},
    {Jurisdiction::England, "gb-eng"},
};
const detail::EnumKey<WithdrawalPolicy> kPolicyKeys[] = {
    {WithdrawalPolicy::StopAndRetain, "stop_and_retain"},
    {WithdrawalPolicy::StopAndErase, "stop_and_erase"},
};
const detail::EnumKey<StudyArm> kArmKeys[] = {
    {StudyArm::None, "none"},
    {StudyArm::Intervention, "intervention"},
    {StudyArm::Control, "control"},
};

// Settings of projects made before settings existed.
ProjectSettings defaultSettings()
{
    ProjectSettings s;
    s.codePrefix = QStringLiteral("P");
    s.languages = {QStringLiteral("sv"), QStringLiteral("en")};
    return s;
}

QCborMap settingsToCbor(const ProjectSettings &s, QCborMap into)
{
    into.insert(kPrefix, s.codePrefix);
    into.insert(kDescription, s.description);
    QCborArray sites;
    for (const Site &site : s.sites) {
        QCborMap m;
        m.insert(kId, site.id);
        m.insert(kName, site.name);
        m.insert(kJurisdiction, jurisdictionKey(site.jurisdiction));
        m.insert(kArm, studyArmKey(site.arm));
        sites.append(m);
    }
    into.insert(kSites, sites);
    into.insert(kLanguages, QCborArray::fromStringList(s.languages));
    into.insert(kLawfulBasis, s.lawfulBasis);
    into.insert(kWithdrawalPolicy, withdrawalPolicyKey(s.withdrawalPolicy));
    into.insert(kJurisdiction, jurisdictionKey(s.jurisdiction));
    into.insert(kRetentionMonths, s.retentionMonths);
    into.insert(kReconsentDays, s.reconsentIntervalDays);
    into.insert(kRecheckEverySession, s.recheckEverySession);
    into.insert(kChildAssentRequired, s.childAssentRequired);
    return into;
}

ProjectSettings settingsFromCbor(const QCborValue &value)
{
    if (!value.isMap())
        return defaultSettings();
    const QCborMap m = value.toMap();
    ProjectSettings s;
    s.codePrefix = m.value(kPrefix).toString();
    s.description = m.value(kDescription).toString();
    for (const QCborValue &v : m.value(kSites).toArray()) {
        const QCborMap site = v.toMap();
        s.sites.append(Site{site.value(kId).toString(), site.value(kName).toString(),
                            jurisdictionFromKey(site.value(kJurisdiction).toString()).value_or(Jurisdiction::Sweden),
                            studyArmFromKey(site.value(kArm).toString()).value_or(StudyArm::None)});
    }
    for (const QCborValue &v : m.value(kLanguages).toArray())
        s.languages << v.toString();
    s.lawfulBasis = m.value(kLawfulBasis).toString();
    s.withdrawalPolicy =
        withdrawalPolicyFromKey(m.value(kWithdrawalPolicy).toString()).value_or(WithdrawalPolicy::StopAndRetain);
    s.jurisdiction = jurisdictionFromKey(m.value(kJurisdiction).toString()).value_or(Jurisdiction::Sweden);
    s.retentionMonths = int(m.value(kRetentionMonths).toInteger());
    s.reconsentIntervalDays = int(m.value(kReconsentDays).toInteger());
    s.recheckEverySession = m.value(kRecheckEverySession).toBool();
    s.childAssentRequired = m.value(kChildAssentRequired).toBool(true);
    return s;
}

Project toProject(const store::Record &r)
{
    Project p;
    p.id = r.id;
    p.name = r.body.value(kName).toString();
    p.demo = r.body.value(kDemo).toBool();
    p.settings = settingsFromCbor(r.body.value(kSettings));
    p.version = r.version;
    return p;
}

ProjectSettings withSiteIds(ProjectSettings s)
{
    for (Site &site : s.sites) {
        if (site.id.isEmpty())
            site.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    }
    return s;
}

} // namespace

QString jurisdictionKey(Jurisdiction j) { return detail::keyOf(kJurisdictionKeys, j); }
std::optional<Jurisdiction> jurisdictionFromKey(const QString &key) { return detail::fromKey(kJurisdictionKeys, key); }
QString withdrawalPolicyKey(WithdrawalPolicy p) { return detail::keyOf(kPolicyKeys, p); }
std::optional<WithdrawalPolicy> withdrawalPolicyFromKey(const QString &key)
{
    return detail::fromKey(kPolicyKeys, key);
}
QString studyArmKey(StudyArm a) { return detail::keyOf(kArmKeys, a); }
std::optional<StudyArm> studyArmFromKey(const QString &key) { return detail::fromKey(kArmKeys, key); }

const Site *ProjectSettings::site(const QString &siteId) const
{
    for (const Site &s : sites) {
        if (s.id == siteId)
            return &s;
    }
    return nullptr;
}

Jurisdiction ProjectSettings::jurisdictionFor(const QString &siteId) const
{
    const Site *s = site(siteId);
    return s ? s->jurisdiction : jurisdiction;
}

Status Projects::validate(const QString &name, const ProjectSettings &settings)
{
    auto invalid = [](const char *what) { return makeError(ErrorCode::InvalidArgument, QLatin1String(what)); };
    if (name.trimmed().isEmpty())
        return invalid("name is empty");
    // Codes go into research data, so the prefix is a short tag and cannot carry a name.
    static const QRegularExpression prefix(QStringLiteral("^[A-Z]{1,4}$"));
    if (!prefix.match(settings.codePrefix).hasMatch())
        return invalid("code_prefix must be 1-4 capital letters A-Z");
    if (settings.languages.isEmpty())
        return invalid("languages is empty");
    for (const QString &lang : settings.languages) {
        if (lang != QLatin1String("sv") && lang != QLatin1String("en"))
            return invalid("languages may only hold sv and en");
    }
    if (settings.lawfulBasis.trimmed().isEmpty())
        return invalid("lawful_basis is empty");
    if (settings.retentionMonths < 0 || settings.reconsentIntervalDays < 0)
        return invalid("retention and re-consent interval cannot be negative");
    QSet<QString> siteIds;
    for (const Site &site : settings.sites) {
        if (site.name.trimmed().isEmpty())
            return invalid("a site has no name");
        if (!site.id.isEmpty() && siteIds.contains(site.id))
            return invalid("two sites share an id");
        siteIds.insert(site.id);
    }
    return {};
}

Projects::Projects(store::RecordStore &records) : m_records(records)
{
    installConflictPolicies();
}

Result<Project> Projects::create(const QString &name, bool demo)
{
    store::RecordChange change;
    change.kind = kKind;
    change.body.insert(kName, name);
    change.body.insert(kDemo, demo);
    change.body.insert(kSettings, settingsToCbor(defaultSettings(), {}));
    // A project is its own project: its records live under its own id.
    change.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    change.projectId = change.id;
    auto r = m_records.put(change);
    if (!r.ok())
        return r.error();
    return toProject(r.value());
}

Result<Project> Projects::create(const QString &name, const ProjectSettings &settings, bool demo)
{
    SAMLA_TRY(validate(name, settings));
    store::RecordChange change;
    change.kind = kKind;
    change.body.insert(kName, name);
    change.body.insert(kDemo, demo);
    change.body.insert(kSettings, settingsToCbor(withSiteIds(settings), {}));
    change.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    change.projectId = change.id;
    auto r = m_records.put(change);
    if (!r.ok())
        return r.error();
    return toProject(r.value());
}

Result<QList<Project>> Projects::list() const
{
    // Projects are few; list them across project ids.
    auto rows = m_records.listKind(kKind, 1000);
    if (!rows.ok())
        return rows.error();
    QList<Project> out;
    for (const store::Record &r : rows.value())
        out.append(toProject(r));
    return out;
}

namespace {
constexpr const char *kMetaOpenProject = "open_project";
} // namespace

Result<QString> Projects::rememberedOpen() const
{
    auto raw = m_records.meta(kMetaOpenProject);
    if (!raw.ok())
        return raw.error();
    const QString id = QString::fromUtf8(raw.value());
    if (id.isEmpty())
        return QString();
    auto project = get(id);
    if (!project.ok())
        return project.code() == ErrorCode::NotFound ? Result<QString>(QString()) : Result<QString>(project.error());
    return id;
}

Status Projects::rememberOpen(const QString &projectId)
{
    return m_records.setMeta(kMetaOpenProject, projectId.toUtf8());
}

Result<Project> Projects::get(const QString &id) const
{
    auto r = m_records.get(id);
    if (!r.ok())
        return r.error();
    if (r->kind != kKind || r->deleted)
        return makeError(ErrorCode::NotFound, QStringLiteral("not a project"));
    return toProject(r.value());
}

Result<Project> Projects::update(const Project &project)
{
    SAMLA_TRY(validate(project.name, project.settings));
    auto current = m_records.get(project.id);
    if (!current.ok())
        return current.error();
    if (current->kind != kKind || current->deleted)
        return makeError(ErrorCode::NotFound, QStringLiteral("not a project"));
    store::RecordChange change;
    change.id = project.id;
    change.kind = kKind;
    change.projectId = current->projectId;
    change.body = current->body; // keeps fields later features add
    change.body.insert(kName, project.name);
    change.body.insert(kSettings, settingsToCbor(withSiteIds(project.settings), current->body.value(kSettings).toMap()));
    auto r = m_records.put(change);
    if (!r.ok())
        return r.error();
    return toProject(r.value());
}

Result<Project> Projects::seedDemo(Notes &notes)
{
    return seedDemoCafe(m_records, *this, notes);
}

Result<QList<Project>> Projects::seedDemoCaseStudies(Notes &notes)
{
    return domain::seedDemoCaseStudies(m_records, *this, notes);
}

} // namespace samla::domain
