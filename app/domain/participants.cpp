#include "participants.h"

#include "conflictpolicies.h"
#include "enumkeys.h"
#include "identityvault.h"
#include "projects.h"

#include "app/store/localstore.h"
#include "platform/db/database.h"

#include <QCborArray>
#include <QMap>
#include <QRegularExpression>
#include <QUuid>

#include <algorithm>

namespace samla::domain {

namespace {

const QString kCode = QStringLiteral("code");
const QString kNumber = QStringLiteral("number");
const QString kPreviousCodes = QStringLiteral("previous_codes");
const QString kCategory = QStringLiteral("category");
const QString kAgeBand = QStringLiteral("age_band");
const QString kSite = QStringLiteral("site");
const QString kUnderstands = QStringLiteral("understands_consent");
const QString kCapacityNotes = QStringLiteral("capacity_notes");

constexpr int kMaxParticipantsPerProject = 100000;

const detail::EnumKey<ParticipantCategory> kCategoryKeys[] = {
    {ParticipantCategory::Patient, "patient"},
    {ParticipantCategory::FamilyMember, "family_member"},
    {ParticipantCategory::Staff, "staff"},
    {ParticipantCategory::Citizen, "citizen"},
    {ParticipantCategory::ChildOrAdolescent, "child_or_adolescent"},
};
const detail::EnumKey<AgeBand> kAgeBandKeys[] = {
    {AgeBand::Unknown, "unknown"},   {AgeBand::Under15, "0-14"},   {AgeBand::Age15, "15"},
    {AgeBand::Age16To17, "16-17"},   {AgeBand::Age18To64, "18-64"}, {AgeBand::Age65Plus, "65+"},
};

bool isMinor(AgeBand a)
{
    return a == AgeBand::Under15 || a == AgeBand::Age15 || a == AgeBand::Age16To17;
}

QCborMap profileBody(const ParticipantProfile &p, QCborMap into)
{
    into.insert(kCategory, participantCategoryKey(p.category));
    into.insert(kAgeBand, ageBandKey(p.ageBand));
    into.insert(kSite, p.siteId);
    into.insert(kUnderstands, p.understandsConsent);
    into.insert(kCapacityNotes, p.capacityNotes);
    return into;
}

Participant toParticipant(const store::Record &r)
{
    Participant p;
    p.id = r.id;
    p.projectId = r.projectId;
    p.code = r.body.value(kCode).toString();
    p.number = int(r.body.value(kNumber).toInteger());
    p.profile.category =
        participantCategoryFromKey(r.body.value(kCategory).toString()).value_or(ParticipantCategory::Patient);
    p.profile.ageBand = ageBandFromKey(r.body.value(kAgeBand).toString()).value_or(AgeBand::Unknown);
    p.profile.siteId = r.body.value(kSite).toString();
    p.profile.understandsConsent = r.body.value(kUnderstands).toBool(true);
    p.profile.capacityNotes = r.body.value(kCapacityNotes).toString();
    p.enrolledMs = r.createdMs;
    p.version = r.version;
    return p;
}

} // namespace

QString participantCategoryKey(ParticipantCategory c) { return detail::keyOf(kCategoryKeys, c); }
std::optional<ParticipantCategory> participantCategoryFromKey(const QString &key)
{
    return detail::fromKey(kCategoryKeys, key);
}
QString ageBandKey(AgeBand a) { return detail::keyOf(kAgeBandKeys, a); }
std::optional<AgeBand> ageBandFromKey(const QString &key) { return detail::fromKey(kAgeBandKeys, key); }

Participants::Participants(store::RecordStore &records, QString codeTag)
    : m_records(records), m_codeTag(std::move(codeTag))
{
    installConflictPolicies();
}

QString Participants::formatCode(const QString &prefix, int number)
{
    return QStringLiteral("%1-%2").arg(prefix).arg(number, 3, 10, QLatin1Char('0'));
}

QString Participants::formatCode(const QString &prefix, const QString &tag, int number)
{
    if (tag.isEmpty())
        return formatCode(prefix, number);
    return QStringLiteral("%1-%2-%3").arg(prefix, tag).arg(number, 3, 10, QLatin1Char('0'));
}

QString Participants::deviceTag(QByteArrayView devicePublicKey)
{
    static constexpr char kAlphabet[] = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    static constexpr int kBase = sizeof(kAlphabet) - 1;
    std::uint32_t n = 0;
    for (qsizetype i = 0; i < std::min<qsizetype>(4, devicePublicKey.size()); ++i)
        n = (n << 8) | std::uint8_t(devicePublicKey[i]);
    QString tag;
    for (int i = 0; i < 3; ++i) {
        tag.append(QLatin1Char(kAlphabet[n % kBase]));
        n /= kBase;
    }
    return tag;
}

QString Participants::codeTagFor(store::LocalStore &store, const QString &projectId)
{
    // A project kept on one device cannot meet another device's codes, so
    // its codes stay short; once it is shared, every code names its device.
    auto s = store.database().prepare("SELECT 1 FROM sync_projects WHERE project_id = ?1");
    if (!s.ok())
        return deviceTag(store.deviceSigningKey().publicKey);   // when unsure, the code that cannot collide
    s->bind(1, projectId);
    auto row = s->step();
    if (row.ok() && !row.value())
        return {};
    return deviceTag(store.deviceSigningKey().publicKey);
}

Status Participants::validate(const ParticipantProfile &profile)
{
    if (profile.category == ParticipantCategory::ChildOrAdolescent && !isMinor(profile.ageBand)
        && profile.ageBand != AgeBand::Unknown)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("a child or adolescent needs an age band under 18"));
    if (profile.category == ParticipantCategory::Staff && isMinor(profile.ageBand))
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("staff cannot be in an age band under 18"));
    return {};
}

Result<Participant> Participants::enrol(const QString &projectId, const ParticipantProfile &profile)
{
    return enrolWithId(QUuid::createUuid().toString(QUuid::WithoutBraces), projectId, profile);
}

Result<Participant> Participants::enrol(const QString &projectId, const ParticipantProfile &profile,
                                        const IdentityDetails &identity, IdentityVault &vault)
{
    SAMLA_TRY(validate(profile));
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    // The identity is written first: a participant whose identity was lost
    // could never be contacted or erased on request.
    SAMLA_TRY(vault.save(id, projectId, identity));
    auto enrolled = enrolWithId(id, projectId, profile);
    if (!enrolled.ok()) {
        (void)vault.erase(id);
        return enrolled.error();
    }
    return enrolled;
}

Result<Participant> Participants::enrolWithId(const QString &id, const QString &projectId,
                                              const ParticipantProfile &profile)
{
    SAMLA_TRY(validate(profile));
    Projects projects(m_records);
    auto project = projects.get(projectId);
    if (!project.ok())
        return project.error();
    if (!profile.siteId.isEmpty() && !project->settings.site(profile.siteId))
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("no such site in the project"));

    // The next number follows the highest given in this project, so a code
    // never points at two people. Erasure (not built yet) must keep the
    // number in its tombstone: list() does not see deleted records.
    auto existing = m_records.list(kKind, projectId, kMaxParticipantsPerProject);
    if (!existing.ok())
        return existing.error();
    qint64 highest = 0;
    for (const store::Record &r : existing.value())
        highest = std::max(highest, r.body.value(kNumber).toInteger());

    const int number = int(highest + 1);
    const QString code = formatCode(project->settings.codePrefix, m_codeTag, number);
    store::RecordChange change;
    change.id = id;
    change.kind = kKind;
    change.projectId = projectId;
    change.participantRef = id;
    change.body = profileBody(profile, {});
    change.body.insert(kCode, code);
    change.body.insert(kNumber, number);
    auto r = m_records.put(change);
    if (!r.ok())
        return r.error();
    return toParticipant(r.value());
}

Result<Participant> Participants::get(const QString &id) const
{
    auto r = m_records.get(id);
    if (!r.ok())
        return r.error();
    if (r->kind != kKind || r->deleted)
        return makeError(ErrorCode::NotFound, QStringLiteral("not a participant"));
    return toParticipant(r.value());
}

Result<QList<Participant>> Participants::list(const QString &projectId) const
{
    auto rows = m_records.list(kKind, projectId, kMaxParticipantsPerProject);
    if (!rows.ok())
        return rows.error();
    QList<Participant> out;
    for (const store::Record &r : rows.value())
        out.append(toParticipant(r));
    std::sort(out.begin(), out.end(), [](const Participant &a, const Participant &b) { return a.code < b.code; });
    return out;
}

Result<Participant> Participants::findByCode(const QString &projectId, const QString &code) const
{
    auto all = list(projectId);
    if (!all.ok())
        return all.error();
    const QString wanted = code.trimmed().toUpper();
    for (const Participant &p : all.value()) {
        if (p.code == wanted)
            return p;
    }
    return makeError(ErrorCode::NotFound, QStringLiteral("no participant with that code"));
}

Result<QList<DuplicateCode>> Participants::duplicateCodes(const QString &projectId) const
{
    auto rows = m_records.list(kKind, projectId, kMaxParticipantsPerProject);
    if (!rows.ok())
        return rows.error();
    QList<store::Record> records = rows.value();
    // Not by creation time: a device stamps records it receives when it applies them.
    std::sort(records.begin(), records.end(), [](const store::Record &a, const store::Record &b) { return a.id < b.id; });
    QMap<QString, QStringList> byCode;
    for (const store::Record &r : records)
        byCode[r.body.value(kCode).toString()].append(r.id);
    QList<DuplicateCode> out;
    for (auto it = byCode.cbegin(); it != byCode.cend(); ++it) {
        if (it.value().size() > 1)
            out.append(DuplicateCode{it.key(), it.value()});
    }
    return out;
}

Result<Participant> Participants::updateProfile(const QString &id, const ParticipantProfile &profile)
{
    SAMLA_TRY(validate(profile));
    auto current = m_records.get(id);
    if (!current.ok())
        return current.error();
    if (current->kind != kKind || current->deleted)
        return makeError(ErrorCode::NotFound, QStringLiteral("not a participant"));
    store::RecordChange change;
    change.id = id;
    change.kind = kKind;
    change.projectId = current->projectId;
    change.participantRef = current->participantRef;
    change.body = profileBody(profile, current->body);
    auto r = m_records.put(change);
    if (!r.ok())
        return r.error();
    return toParticipant(r.value());
}

Result<Participant> Participants::recode(const QString &id)
{
    auto current = m_records.get(id);
    if (!current.ok())
        return current.error();
    if (current->kind != kKind || current->deleted)
        return makeError(ErrorCode::NotFound, QStringLiteral("not a participant"));
    auto project = Projects(m_records).get(current->projectId);
    if (!project.ok())
        return project.error();
    auto existing = m_records.list(kKind, current->projectId, kMaxParticipantsPerProject);
    if (!existing.ok())
        return existing.error();
    const QString oldCode = current->body.value(kCode).toString();
    int sharing = 0;
    qint64 highest = 0;
    for (const store::Record &r : existing.value()) {
        highest = std::max(highest, r.body.value(kNumber).toInteger());
        sharing += r.body.value(kCode).toString() == oldCode ? 1 : 0;
    }
    if (sharing < 2)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("the code is not shared"));
    const int number = int(highest + 1);
    store::RecordChange change;
    change.id = id;
    change.kind = kKind;
    change.projectId = current->projectId;
    change.participantRef = current->participantRef;
    change.body = current->body;
    QCborArray previous = current->body.value(kPreviousCodes).toArray();
    previous.append(oldCode);
    change.body.insert(kPreviousCodes, previous);
    change.body.insert(kCode, formatCode(project->settings.codePrefix, m_codeTag, number));
    change.body.insert(kNumber, number);
    auto r = m_records.put(change);
    if (!r.ok())
        return r.error();
    return toParticipant(r.value());
}

QStringList Participants::previousCodes(const store::Record &participantRecord)
{
    QStringList out;
    for (const QCborValue &v : participantRecord.body.value(kPreviousCodes).toArray())
        out.append(v.toString());
    return out;
}

} // namespace samla::domain
