// Notes: field notes in a project, stored as "note" records through RecordStore.
#pragma once

#include "app/store/recordstore.h"
#include "projects.h" // Projects lived here first; users of notes.h still get them

namespace samla::domain {

struct Note {
    QString id;
    QString projectId;
    QString title;
    QString text;
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
    // Saves a new version; the previous one stays in the history.
    [[nodiscard]] Result<Note> update(const QString &id, const QString &title, const QString &text);
    [[nodiscard]] Result<Note> get(const QString &id) const;
    [[nodiscard]] Result<QList<Note>> list(const QString &projectId, int limit, int offset = 0) const;
    [[nodiscard]] Result<int> count(const QString &projectId) const;
    [[nodiscard]] Result<QList<NoteHit>> search(const QString &projectId, const QString &query, int limit) const;
    [[nodiscard]] Result<QList<NoteVersion>> versions(const QString &id) const;

private:
    store::RecordStore &m_records;
};

} // namespace samla::domain
