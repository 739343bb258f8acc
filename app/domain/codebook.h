// The project codebook: codes (optionally nested) that notes and selections are tagged with.
#pragma once

#include "app/store/recordstore.h"

namespace samla::domain {

struct Code {
    QString id;              // UUID: also the code's GUID in a REFI-QDA export
    QString projectId;
    QString name;
    QString description;
    QString color;           // "#rrggbb", or empty
    QString parentId;        // empty for a top-level code
};

// Why a code was refused; codebookProblemText() says it in the user's language.
enum class CodebookProblem { None, EmptyName, DuplicateName, BadColor, UnknownParent, ParentCycle };
QString codebookProblemKey(CodebookProblem p);
QString codebookProblemText(CodebookProblem p);

class Codebook {
public:
    static inline const QString kKind = QStringLiteral("code");
    explicit Codebook(store::RecordStore &records);

    // Refusals are InvalidArgument with the CodebookProblem key as detail.
    [[nodiscard]] Result<Code> create(const QString &projectId, const QString &name, const QString &description = {},
                                      const QString &color = {}, const QString &parentId = {});
    [[nodiscard]] Result<Code> update(const Code &code);
    [[nodiscard]] Result<QList<Code>> list(const QString &projectId) const;   // by name
    [[nodiscard]] Result<Code> get(const QString &id) const;

private:
    CodebookProblem check(const Code &code, const QList<Code> &existing) const;
    store::RecordStore &m_records;
};

} // namespace samla::domain
