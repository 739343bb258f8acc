// SchemeLibrary: a project's own coding schemes, kept as records so they last and sync; each save a new
// version.
#pragma once

#include "app/store/recordstore.h"
#include "scheme.h"

namespace samla::observation {

// One saved version of a project's scheme. recordId stays the same for every
// version of one scheme; scheme.version counts its saves (a session keeps a
// copy of the version it was coded with, so later saves never change it).
struct SavedScheme {
    QString recordId;
    QString projectId;
    CodingScheme scheme;
    std::int64_t savedMs = 0;
    // Put away: not offered for new sessions, kept for the sessions coded with it.
    bool archived = false;
};

// What import() did with a file.
enum class SchemeImport { Added, NewVersion, AlreadyThere };

class SchemeLibrary {
public:
    static inline const QString kKind = QStringLiteral("coding_scheme");
    explicit SchemeLibrary(store::RecordStore &records);

    // Saves `scheme` as the first version of a new scheme (recordId empty) or
    // as the next version of recordId. A new scheme's record id is named by
    // its project and code (recordIdFor), so two devices that make a scheme
    // with one code while offline make versions of ONE record, which sync
    // keeps side by side as a conflict, never two schemes with one code.
    // Refused with InvalidArgument "bad_scheme: <problem key> at <path>"
    // when validateScheme finds a problem, "builtin_id" when the id is a
    // built-in scheme's, "id_taken" when another of the project's schemes has
    // it, "id_archived" when an archived one has it, "id_changed" when a
    // saved scheme's id would change; AlreadyExists "unchanged" when nothing
    // but the version number differs from the latest version. Saving an
    // archived scheme brings it back.
    [[nodiscard]] Result<SavedScheme> save(
        const QString &projectId, const CodingScheme &scheme, const QString &recordId = {});
    // A scheme from a samla-coding-scheme JSON file, into the project: a new
    // scheme keeps the file's version; one with the id of a project scheme
    // becomes its next version (AlreadyThere when its content is the same).
    // Refusals: InvalidArgument with the SchemeIssue in `issue`, or
    // "builtin_id" (a built-in scheme's id with other content).
    [[nodiscard]] Result<SavedScheme> import(const QString &projectId, const QByteArray &json,
        SchemeIssue *issue = nullptr, SchemeImport *what = nullptr);

    // The latest version of each of the project's schemes, by name, archived ones included.
    [[nodiscard]] Result<QList<SavedScheme>> list(const QString &projectId) const;
    // Those a new session may use: the archived ones left out.
    [[nodiscard]] Result<QList<SavedScheme>> active(const QString &projectId) const;

    // Puts a scheme away or brings it back: a new version of its record with
    // the same content, so the change syncs and the history shows it.
    // AlreadyExists "unchanged" when it already is so.
    [[nodiscard]] Status setArchived(const QString &recordId, bool archived);
    // Removes a scheme that no session of the project was coded with (a
    // mistake, say); FailedPrecondition "in_use" otherwise: archive it then.
    [[nodiscard]] Status remove(const QString &recordId);
    // How many of the project's sessions were coded with the scheme code.
    [[nodiscard]] Result<int> sessionsUsing(const QString &projectId, const QString &schemeCode) const;

    // The record id of the project's scheme with this code.
    static QString recordIdFor(const QString &projectId, const QString &schemeCode);
    [[nodiscard]] Result<SavedScheme> latest(const QString &recordId) const;
    // Every saved version of one scheme, newest first.
    [[nodiscard]] Result<QList<SavedScheme>> versions(const QString &recordId) const;

    // The same content, whatever the version number says.
    static bool sameContent(CodingScheme a, CodingScheme b);

private:
    store::RecordStore &m_records;
};

} // namespace samla::observation
