#include "codebook.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace samla::domain {

namespace {

constexpr int kMaxCodes = 10'000;
const QString kName = QStringLiteral("name");
const QString kDescription = QStringLiteral("description");
const QString kColor = QStringLiteral("color");
const QString kParent = QStringLiteral("parent");

Code toCode(const store::Record &r)
{
    return Code{r.id, r.projectId, r.body.value(kName).toString(), r.body.value(kDescription).toString(),
                r.body.value(kColor).toString(), r.body.value(kParent).toString()};
}

QCborMap codeBody(const Code &c)
{
    QCborMap body;
    body.insert(kName, c.name);
    if (!c.description.isEmpty())
        body.insert(kDescription, c.description);
    if (!c.color.isEmpty())
        body.insert(kColor, c.color);
    if (!c.parentId.isEmpty())
        body.insert(kParent, c.parentId);
    return body;
}

Error refusal(CodebookProblem p)
{
    return makeError(ErrorCode::InvalidArgument, codebookProblemKey(p));
}

} // namespace

QString codebookProblemKey(CodebookProblem p)
{
    switch (p) {
    case CodebookProblem::None: return {};
    case CodebookProblem::EmptyName: return QStringLiteral("empty_name");
    case CodebookProblem::DuplicateName: return QStringLiteral("duplicate_name");
    case CodebookProblem::BadColor: return QStringLiteral("bad_color");
    case CodebookProblem::UnknownParent: return QStringLiteral("unknown_parent");
    case CodebookProblem::ParentCycle: return QStringLiteral("parent_cycle");
    }
    return {};
}

QString codebookProblemText(CodebookProblem p)
{
    switch (p) {
    case CodebookProblem::None:
        return {};
    case CodebookProblem::EmptyName:
        return QCoreApplication::translate("Codebook", "A code needs a name.");
    case CodebookProblem::DuplicateName:
        return QCoreApplication::translate("Codebook", "There is already a code with this name at this level.");
    case CodebookProblem::BadColor:
        return QCoreApplication::translate("Codebook", "The colour must be written as #rrggbb.");
    case CodebookProblem::UnknownParent:
        return QCoreApplication::translate("Codebook", "The parent code is not in this project's codebook.");
    case CodebookProblem::ParentCycle:
        return QCoreApplication::translate("Codebook", "A code cannot be placed under itself or one of its own sub-codes.");
    }
    return {};
}

Codebook::Codebook(store::RecordStore &records) : m_records(records) {}

CodebookProblem Codebook::check(const Code &code, const QList<Code> &existing) const
{
    static const QRegularExpression rgb(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    if (code.name.trimmed().isEmpty())
        return CodebookProblem::EmptyName;
    if (!code.color.isEmpty() && !rgb.match(code.color).hasMatch())
        return CodebookProblem::BadColor;
    for (const Code &other : existing) {
        if (other.id != code.id && other.parentId == code.parentId
            && other.name.trimmed().compare(code.name.trimmed(), Qt::CaseInsensitive) == 0)
            return CodebookProblem::DuplicateName;
    }
    if (code.parentId.isEmpty())
        return CodebookProblem::None;
    // Walk up from the parent: it must exist here and never reach the code itself.
    QString at = code.parentId;
    for (int depth = 0; !at.isEmpty(); ++depth) {
        if (at == code.id || depth > existing.size())
            return CodebookProblem::ParentCycle;
        const auto parent = std::find_if(existing.begin(), existing.end(), [&](const Code &c) { return c.id == at; });
        if (parent == existing.end())
            return CodebookProblem::UnknownParent;
        at = parent->parentId;
    }
    return CodebookProblem::None;
}

Result<Code> Codebook::create(const QString &projectId, const QString &name, const QString &description,
                              const QString &color, const QString &parentId)
{
    auto existing = list(projectId);
    if (!existing.ok())
        return existing.error();
    Code code{QString(), projectId, name.trimmed(), description, color.toLower(), parentId};
    if (const CodebookProblem p = check(code, existing.value()); p != CodebookProblem::None)
        return refusal(p);
    store::RecordChange change;
    change.kind = kKind;
    change.projectId = projectId;
    change.body = codeBody(code);
    auto r = m_records.put(change);
    if (!r.ok())
        return r.error();
    return toCode(r.value());
}

Result<Code> Codebook::update(const Code &code)
{
    auto current = get(code.id);
    if (!current.ok())
        return current.error();
    auto existing = list(current->projectId);
    if (!existing.ok())
        return existing.error();
    Code next = code;
    next.projectId = current->projectId;
    next.name = code.name.trimmed();
    next.color = code.color.toLower();
    if (const CodebookProblem p = check(next, existing.value()); p != CodebookProblem::None)
        return refusal(p);
    store::RecordChange change;
    change.id = code.id;
    change.kind = kKind;
    change.projectId = next.projectId;
    change.body = codeBody(next);
    auto r = m_records.put(change);
    if (!r.ok())
        return r.error();
    return toCode(r.value());
}

Result<Code> Codebook::get(const QString &id) const
{
    auto r = m_records.get(id);
    if (!r.ok())
        return r.error();
    if (r->kind != kKind || r->deleted)
        return makeError(ErrorCode::NotFound, QStringLiteral("not a code"));
    return toCode(r.value());
}

Result<QList<Code>> Codebook::list(const QString &projectId) const
{
    auto rows = m_records.list(kKind, projectId, kMaxCodes);
    if (!rows.ok())
        return rows.error();
    QList<Code> out;
    for (const store::Record &r : rows.value())
        out.append(toCode(r));
    std::sort(out.begin(), out.end(), [](const Code &a, const Code &b) {
        return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
    });
    return out;
}

} // namespace samla::domain
