#include "notes.h"

namespace samla::domain {

namespace {

const QString kTitle = QStringLiteral("title");
const QString kText = QStringLiteral("text");

Note toNote(const store::Record &r)
{
    Note n;
    n.id = r.id;
    n.projectId = r.projectId;
    n.title = r.body.value(kTitle).toString();
    n.text = r.body.value(kText).toString();
    n.version = r.version;
    n.createdMs = r.createdMs;
    n.updatedMs = r.updatedMs;
    return n;
}

QCborMap noteBody(const QString &title, const QString &text)
{
    QCborMap body;
    body.insert(kTitle, title);
    body.insert(kText, text);
    return body;
}

} // namespace

Notes::Notes(store::RecordStore &records) : m_records(records)
{
    m_records.setSearchExtractor(kKind, [](const QCborMap &body) {
        return store::SearchText{body.value(kTitle).toString(), body.value(kText).toString()};
    });
}

Result<Note> Notes::create(const QString &projectId, const QString &title, const QString &text)
{
    store::RecordChange change;
    change.kind = kKind;
    change.projectId = projectId;
    change.body = noteBody(title, text);
    auto r = m_records.put(change);
    if (!r.ok())
        return r.error();
    return toNote(r.value());
}

Result<Note> Notes::update(const QString &id, const QString &title, const QString &text)
{
    auto current = m_records.get(id);
    if (!current.ok())
        return current.error();
    if (current->kind != kKind)
        return makeError(ErrorCode::NotFound, QStringLiteral("not a note"));
    store::RecordChange change;
    change.id = id;
    change.kind = kKind;
    change.projectId = current->projectId;
    change.participantRef = current->participantRef;
    change.body = current->body; // keeps fields later features add
    change.body.insert(kTitle, title);
    change.body.insert(kText, text);
    auto r = m_records.put(change);
    if (!r.ok())
        return r.error();
    return toNote(r.value());
}

Result<Note> Notes::get(const QString &id) const
{
    auto r = m_records.get(id);
    if (!r.ok())
        return r.error();
    if (r->kind != kKind || r->deleted)
        return makeError(ErrorCode::NotFound, QStringLiteral("not a note"));
    return toNote(r.value());
}

Result<QList<Note>> Notes::list(const QString &projectId, int limit, int offset) const
{
    auto rows = m_records.list(kKind, projectId, limit, offset);
    if (!rows.ok())
        return rows.error();
    QList<Note> out;
    out.reserve(rows->size());
    for (const store::Record &r : rows.value())
        out.append(toNote(r));
    return out;
}

Result<int> Notes::count(const QString &projectId) const
{
    return m_records.count(kKind, projectId);
}

Result<QList<NoteHit>> Notes::search(const QString &projectId, const QString &query, int limit) const
{
    auto hits = m_records.search(kKind, projectId, query, limit);
    if (!hits.ok())
        return hits.error();
    QList<NoteHit> out;
    out.reserve(hits->size());
    for (const store::SearchHit &h : hits.value())
        out.append(NoteHit{toNote(h.record), h.titleHighlighted, h.snippetHighlighted});
    return out;
}

Result<QList<NoteVersion>> Notes::versions(const QString &id) const
{
    auto rows = m_records.versions(id);
    if (!rows.ok())
        return rows.error();
    QList<NoteVersion> out;
    for (const store::RecordVersion &v : rows.value())
        out.append(NoteVersion{v.version, v.body.value(kTitle).toString(), v.body.value(kText).toString(), v.savedMs});
    return out;
}

} // namespace samla::domain
