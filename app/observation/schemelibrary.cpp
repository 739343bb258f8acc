#include "schemelibrary.h"

#include "platform/crypto/crypto.h"
#include "session.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include <algorithm>

namespace samla::observation {

namespace {

const QString kSchemeId = QStringLiteral("scheme_id");
const QString kSchemeJson = QStringLiteral("scheme_json");
const QString kArchived = QStringLiteral("archived");
constexpr int kMaxSchemes = 1000;
constexpr int kMaxSessions = 100000;

// Record bodies hold no floats (a number modifier's bounds are), so the
// scheme is kept as its compact exchange JSON, as sessions keep theirs.
Result<SavedScheme> fromRecord(
    const QString &recordId, const QString &projectId, const QCborMap &body, std::int64_t savedMs)
{
    auto scheme = schemeFromJson(body.value(kSchemeJson).toString().toUtf8());
    if (!scheme.ok())
        return makeError(
            ErrorCode::Corrupt, QStringLiteral("coding scheme %1: %2").arg(recordId, scheme.error().detail));
    return SavedScheme { recordId, projectId, scheme.value(), savedMs, body.value(kArchived).toBool() };
}

bool isBuiltIn(const QString &id)
{
    const QList<CodingScheme> builtIns = builtInSchemes();
    return std::any_of(builtIns.begin(), builtIns.end(), [&id](const CodingScheme &s) { return s.id == id; });
}

} // namespace

SchemeLibrary::SchemeLibrary(store::RecordStore &records)
    : m_records(records)
{
}

bool SchemeLibrary::sameContent(CodingScheme a, CodingScheme b)
{
    a.version = 0;
    b.version = 0;
    return a == b;
}

Result<SavedScheme> SchemeLibrary::save(
    const QString &projectId, const CodingScheme &scheme, const QString &recordId)
{
    if (const SchemeIssue issue = validateScheme(scheme); issue.problem != SchemeProblem::None)
        return makeError(ErrorCode::InvalidArgument,
            QStringLiteral("bad_scheme: %1 at %2").arg(schemeProblemKey(issue.problem), issue.path));
    if (isBuiltIn(scheme.id))
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("builtin_id"));
    auto existing = list(projectId);
    if (!existing.ok())
        return existing.error();
    CodingScheme saved = scheme;
    QString target = recordId;
    if (recordId.isEmpty()) {
        saved.version = std::max(1, scheme.version);
        target = recordIdFor(projectId, scheme.id);
        // A scheme removed earlier leaves its record deleted: the new one
        // continues it; a live record with this code is another scheme.
        auto there = m_records.get(target);
        if (there.ok() && !there->deleted) {
            const bool archived = there->body.value(kArchived).toBool();
            return makeError(ErrorCode::InvalidArgument, archived ? QStringLiteral("id_archived") : QStringLiteral("id_taken"));
        }
        if (!there.ok() && there.code() != ErrorCode::NotFound)
            return there.error();
    } else {
        auto previous = latest(recordId);
        if (!previous.ok())
            return previous.error();
        if (previous->projectId != projectId)
            return makeError(
                ErrorCode::NotFound, QStringLiteral("no coding scheme %1 in this project").arg(recordId));
        if (previous->scheme.id != scheme.id)
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("id_changed"));
        if (sameContent(previous->scheme, scheme))
            return makeError(ErrorCode::AlreadyExists, QStringLiteral("unchanged"));
        saved.version = std::max(previous->scheme.version + 1, scheme.version);
    }
    for (const SavedScheme &other : existing.value()) {
        if (other.recordId != target && other.scheme.id == scheme.id)
            return makeError(ErrorCode::InvalidArgument,
                other.archived ? QStringLiteral("id_archived") : QStringLiteral("id_taken"));
    }
    store::RecordChange change;
    change.id = target;
    change.kind = kKind;
    change.projectId = projectId;
    change.body.insert(kSchemeId, saved.id);
    change.body.insert(kSchemeJson, QString::fromUtf8(schemeToJson(saved, true)));
    auto r = m_records.put(change);
    if (!r.ok())
        return r.error();
    return SavedScheme { r->id, projectId, saved, r->updatedMs };
}

Result<SavedScheme> SchemeLibrary::import(
    const QString &projectId, const QByteArray &json, SchemeIssue *issue, SchemeImport *what)
{
    auto parsed = schemeFromJson(json, issue);
    if (!parsed.ok())
        return parsed.error();
    const CodingScheme &scheme = parsed.value();
    for (const CodingScheme &builtIn : builtInSchemes()) {
        if (builtIn.id != scheme.id)
            continue;
        if (!sameContent(builtIn, scheme))
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("builtin_id"));
        if (what)
            *what = SchemeImport::AlreadyThere;
        return SavedScheme { QString(), QString(), builtIn, 0 };
    }
    auto existing = list(projectId);
    if (!existing.ok())
        return existing.error();
    for (const SavedScheme &saved : existing.value()) {
        if (saved.scheme.id != scheme.id)
            continue;
        if (sameContent(saved.scheme, scheme)) {
            if (what)
                *what = SchemeImport::AlreadyThere;
            return saved;
        }
        if (what)
            *what = SchemeImport::NewVersion;
        return save(projectId, scheme, saved.recordId);
    }
    if (what)
        *what = SchemeImport::Added;
    return save(projectId, scheme);
}

Result<QList<SavedScheme>> SchemeLibrary::list(const QString &projectId) const
{
    auto rows = m_records.list(kKind, projectId, kMaxSchemes);
    if (!rows.ok())
        return rows.error();
    QList<SavedScheme> out;
    for (const store::Record &r : rows.value()) {
        auto saved = fromRecord(r.id, r.projectId, r.body, r.updatedMs);
        if (!saved.ok())
            return saved.error();
        out.append(saved.value());
    }
    std::stable_sort(out.begin(), out.end(), [](const SavedScheme &a, const SavedScheme &b) {
        return labelIn(a.scheme.name, QString()).localeAwareCompare(labelIn(b.scheme.name, QString())) < 0;
    });
    return out;
}

Result<QList<SavedScheme>> SchemeLibrary::active(const QString &projectId) const
{
    auto all = list(projectId);
    if (!all.ok())
        return all.error();
    QList<SavedScheme> out = std::move(all.value());
    out.removeIf([](const SavedScheme &s) { return s.archived; });
    return out;
}

Status SchemeLibrary::setArchived(const QString &recordId, bool archived)
{
    auto r = m_records.get(recordId);
    if (!r.ok())
        return r.error();
    if (r->kind != kKind || r->deleted)
        return makeError(ErrorCode::NotFound, QStringLiteral("not a coding scheme"));
    if (r->body.value(kArchived).toBool() == archived)
        return makeError(ErrorCode::AlreadyExists, QStringLiteral("unchanged"));
    store::RecordChange change;
    change.id = recordId;
    change.kind = kKind;
    change.projectId = r->projectId;
    change.body = r->body;
    if (archived)
        change.body.insert(kArchived, true);
    else
        change.body.remove(kArchived);
    auto written = m_records.put(change);
    if (!written.ok())
        return written.error();
    return {};
}

Result<int> SchemeLibrary::sessionsUsing(const QString &projectId, const QString &schemeCode) const
{
    auto sessions = m_records.list(Sessions::kSessionKind, projectId, kMaxSessions);
    if (!sessions.ok())
        return sessions.error();
    int n = 0;
    for (const store::Record &s : sessions.value()) {
        // Only the code is wanted: the session keeps its scheme as exchange JSON.
        const QJsonObject scheme = QJsonDocument::fromJson(s.body.value(kSchemeJson).toString().toUtf8()).object();
        if (scheme.value(QStringLiteral("id")).toString() == schemeCode)
            ++n;
    }
    return n;
}

Status SchemeLibrary::remove(const QString &recordId)
{
    auto saved = latest(recordId);
    if (!saved.ok())
        return saved.error();
    auto used = sessionsUsing(saved->projectId, saved->scheme.id);
    if (!used.ok())
        return used.error();
    if (used.value() > 0)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("in_use"));
    store::RecordChange change;
    change.id = recordId;
    change.kind = kKind;
    change.projectId = saved->projectId;
    change.deleted = true;
    auto written = m_records.put(change);
    if (!written.ok())
        return written.error();
    return {};
}

QString SchemeLibrary::recordIdFor(const QString &projectId, const QString &schemeCode)
{
    // A name-based UUID (version 5 layout over BLAKE2b) of project and code.
    QByteArray bytes = crypto::hash(QByteArrayLiteral("samla:coding-scheme-id:") + projectId.toUtf8() + '\0'
                                    + schemeCode.toUtf8())
                           .left(16);
    bytes[6] = char((bytes[6] & 0x0f) | 0x50);
    bytes[8] = char((bytes[8] & 0x3f) | 0x80);
    return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
}

Result<SavedScheme> SchemeLibrary::latest(const QString &recordId) const
{
    auto r = m_records.get(recordId);
    if (!r.ok())
        return r.error();
    if (r->kind != kKind || r->deleted)
        return makeError(ErrorCode::NotFound, QStringLiteral("not a coding scheme"));
    return fromRecord(r->id, r->projectId, r->body, r->updatedMs);
}

Result<QList<SavedScheme>> SchemeLibrary::versions(const QString &recordId) const
{
    auto current = m_records.get(recordId);
    if (!current.ok())
        return current.error();
    if (current->kind != kKind)
        return makeError(ErrorCode::NotFound, QStringLiteral("not a coding scheme"));
    auto rows = m_records.versions(recordId);
    if (!rows.ok())
        return rows.error();
    QList<SavedScheme> out;
    for (const store::RecordVersion &v : rows.value()) {
        auto saved = fromRecord(recordId, current->projectId, v.body, v.savedMs);
        if (!saved.ok())
            return saved.error();
        out.append(saved.value());
    }
    std::sort(out.begin(), out.end(),
        [](const SavedScheme &a, const SavedScheme &b) { return a.scheme.version > b.scheme.version; });
    return out;
}

} // namespace samla::observation
