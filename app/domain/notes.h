// Notes: field notes in a project, stored as "note" records through RecordStore.
#pragma once

#include "app/store/attachmentstore.h"
#include "app/store/recordstore.h"
#include "projects.h" // Projects lived here first; users of notes.h still get them

#include <QStringList>

#include <optional>

namespace samla::domain {

class ConsentGate;

// A field note is descriptive; the other kinds are memos (DOMAIN.md).
enum class MemoType { Descriptive, Reflexive, Analytic, Methodological };
QString memoTypeKey(MemoType t);
std::optional<MemoType> memoTypeFromKey(const QString &key);

// A span of a note's text coded with a code. Offsets count Unicode code
// points (not UTF-16 units), from 0, end exclusive: what REFI-QDA tools read.
struct CodedSelection {
    QString id;              // UUID, kept across edits (the selection's GUID in exports)
    QString codeId;
    int start = 0;
    int end = 0;
    QString quote;           // the text it covered when coded, to follow it through edits
    bool operator==(const CodedSelection &) const = default;
};

// What a note is and what it is about, beyond its words.
struct NoteDetails {
    MemoType memoType = MemoType::Descriptive;
    QStringList codeIds;             // codes for the whole note
    QList<CodedSelection> selections;
    QString sessionId;               // an observation session, or empty
    QString siteId;                  // one of the project's sites, or empty
    QString participantId;           // only with consent to observation
};

// Why details were refused; noteProblemText() says it in the user's language.
enum class NoteProblem { None, UnknownCode, SelectionOutOfRange, UnknownSite, ParticipantNotAllowed };
QString noteProblemKey(NoteProblem p);
QString noteProblemText(NoteProblem p);

// Code-point helpers for selections.
int codePointLength(const QString &text);
QString codePointSlice(const QString &text, int start, int end);

// A photo or audio recording kept with a note, as an encrypted attachment file.
struct NoteAttachment {
    store::AttachmentRef ref;
    QString kind;            // "photo" or "audio"
    QString mimeType;        // e.g. "image/jpeg", "audio/wav"
    std::int64_t addedMs = 0;
    std::int64_t durationMs = 0; // audio: how long it plays
};

struct Note {
    QString id;
    QString projectId;
    QString title;
    QString text;
    NoteDetails details;
    QList<NoteAttachment> attachments;
    int version = 0;
    std::int64_t createdMs = 0;
    std::int64_t updatedMs = 0;
};

struct NoteVersion {
    int version = 0;
    QString title;
    QString text;
    std::int64_t savedMs = 0;
};

struct NoteHit {
    Note note;
    QString titleHighlighted;    // matches wrapped in \x02 … \x03
    QString snippetHighlighted;
};

class Notes {
public:
    static inline const QString kKind = QStringLiteral("note");
    explicit Notes(store::RecordStore &records);

    [[nodiscard]] Result<Note> create(const QString &projectId, const QString &title, const QString &text);
    // Saves a new version; the previous one stays in the history. Coded
    // selections follow their text: one whose words moved is moved to them,
    // one whose words are gone is dropped.
    [[nodiscard]] Result<Note> update(const QString &id, const QString &title, const QString &text);
    // Sets memo type, codes, selections and links (a new version). Codes must
    // be in the project's codebook, selections inside the text, the site one
    // of the project's, and a participant may be linked only when the gate
    // allows observation of them. Refusals are InvalidArgument with the
    // NoteProblem key as detail (ConsentGate's reason key for a participant).
    [[nodiscard]] Result<Note> setDetails(const QString &id, const NoteDetails &details, const ConsentGate &gate);
    // Adds an attachment already written through AttachmentStore (write() or
    // begin()) with the note's attachment key (LocalStore::attachmentKeyFor).
    [[nodiscard]] Result<Note> attach(const QString &id, const NoteAttachment &attachment);
    // A new version without the attachment named `hash`. Its encrypted file is
    // kept: earlier versions still refer to it. NotFound when the note has no such attachment.
    [[nodiscard]] Result<Note> detach(const QString &id, const QString &hash);
    [[nodiscard]] Result<Note> get(const QString &id) const;
    [[nodiscard]] Result<QList<Note>> list(const QString &projectId, int limit, int offset = 0) const;
    [[nodiscard]] Result<int> count(const QString &projectId) const;
    [[nodiscard]] Result<QList<NoteHit>> search(const QString &projectId, const QString &query, int limit) const;
    [[nodiscard]] Result<QList<NoteVersion>> versions(const QString &id) const;

private:
    store::RecordStore &m_records;
};

} // namespace samla::domain
