#include "schemelibrary.h"

#include <algorithm>

namespace samla::observation {

namespace {

const QString kSchemeId = QStringLiteral("scheme_id");
const QString kSchemeJson = QStringLiteral("scheme_json");
constexpr int kMaxSchemes = 1000;

// Record bodies hold no floats (a number modifier's bounds are), so the
// scheme is kept as its compact exchange JSON, as sessions keep theirs.
Result<SavedScheme> fromRecord(
    const QString &recordId, const QString &projectId, const QCborMap &body, std::int64_t savedMs)
{
    auto scheme = schemeFromJson(body.value(kSchemeJson).toString().toUtf8());
    if (!scheme.ok())
        return makeError(
            ErrorCode::Corrupt, QStringLiteral("coding scheme %1: %2").arg(recordId, scheme.error().detail));
    return SavedScheme { recordId, projectId, scheme.value(), savedMs };
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
    if (recordId.isEmpty()) {
        saved.version = std::max(1, scheme.version);
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
        if (other.recordId != recordId && other.scheme.id == scheme.id)
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("id_taken"));
    }
    store::RecordChange change;
    change.id = recordId;
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
