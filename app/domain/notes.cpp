#include "notes.h"

#include "conflictpolicies.h"
#include "notesinternal.h"

#include <QCborArray>
#include <QCoreApplication>
#include <QUuid>

namespace samla::domain {

namespace {

const QString kTitle = QStringLiteral("title");
const QString kText = QStringLiteral("text");
const QString kMemoType = QStringLiteral("memo_type");
const QString kCodes = QStringLiteral("codes");
const QString kSelections = QStringLiteral("selections");
const QString kSession = QStringLiteral("session");
const QString kSite = QStringLiteral("site");
const QString kId = QStringLiteral("id");
const QString kCode = QStringLiteral("code");
const QString kStart = QStringLiteral("start");
const QString kEnd = QStringLiteral("end");
const QString kQuote = QStringLiteral("quote");
const QString kAttachments = QStringLiteral("attachments");
const QString kKindKey = QStringLiteral("kind");
const QString kMime = QStringLiteral("mime");
const QString kAdded = QStringLiteral("added_ms");
const QString kDuration = QStringLiteral("duration_ms");

const std::pair<MemoType, const char *> kMemoTypeKeys[] = {
    {MemoType::Descriptive, "descriptive"},
    {MemoType::Reflexive, "reflexive"},
    {MemoType::Analytic, "analytic"},
    {MemoType::Methodological, "methodological"},
};

} // namespace

namespace notes_internal {

NoteDetails detailsFrom(const store::Record &r)
{
    NoteDetails d;
    d.memoType = memoTypeFromKey(r.body.value(kMemoType).toString()).value_or(MemoType::Descriptive);
    for (const QCborValue &c : r.body.value(kCodes).toArray())
        d.codeIds << c.toString();
    for (const QCborValue &v : r.body.value(kSelections).toArray()) {
        const QCborMap m = v.toMap();
        d.selections.append(CodedSelection{m.value(kId).toString(), m.value(kCode).toString(),
                                           int(m.value(kStart).toInteger()), int(m.value(kEnd).toInteger()),
                                           m.value(kQuote).toString()});
    }
    d.sessionId = r.body.value(kSession).toString();
    d.siteId = r.body.value(kSite).toString();
    d.participantId = r.participantRef;
    return d;
}

void writeDetails(QCborMap &body, const NoteDetails &d)
{
    body.insert(kMemoType, memoTypeKey(d.memoType));
    QCborArray codes;
    for (const QString &c : d.codeIds)
        codes.append(c);
    body.insert(kCodes, codes);
    QCborArray selections;
    for (const CodedSelection &s : d.selections)
        selections.append(QCborMap{{kId, s.id}, {kCode, s.codeId}, {kStart, s.start}, {kEnd, s.end}, {kQuote, s.quote}});
    body.insert(kSelections, selections);
    if (d.sessionId.isEmpty())
        body.remove(kSession);
    else
        body.insert(kSession, d.sessionId);
    if (d.siteId.isEmpty())
        body.remove(kSite);
    else
        body.insert(kSite, d.siteId);
}

QString bodyText(const QCborMap &body) { return body.value(kText).toString(); }

} // namespace notes_internal

namespace {

using notes_internal::detailsFrom;
using notes_internal::writeDetails;

// Keeps each selection on its words after an edit: where they still are, or
// the nearest place they moved to; drops it when they are gone.
QList<CodedSelection> followSelections(const QList<CodedSelection> &selections, const QString &text)
{
    const QList<uint> points = text.toUcs4();
    QList<CodedSelection> out;
    for (CodedSelection s : selections) {
        const QList<uint> quote = s.quote.toUcs4();
        if (quote.isEmpty())
            continue;
        auto matchesAt = [&](qsizetype at) {
            return at >= 0 && at + quote.size() <= points.size()
                   && std::equal(quote.begin(), quote.end(), points.begin() + at);
        };
        qsizetype best = -1;
        if (matchesAt(s.start)) {
            best = s.start;
        } else {
            for (qsizetype at = 0; at + quote.size() <= points.size(); ++at) {
                if (matchesAt(at) && (best < 0 || std::abs(at - s.start) < std::abs(best - s.start)))
                    best = at;
            }
        }
        if (best < 0)
            continue;
        s.start = int(best);
        s.end = int(best + quote.size());
        out.append(s);
    }
    return out;
}

} // namespace

Note notes_internal::toNote(const store::Record &r)
{
    Note n;
    n.id = r.id;
    n.projectId = r.projectId;
    n.title = r.body.value(kTitle).toString();
    n.text = r.body.value(kText).toString();
    n.details = detailsFrom(r);
    for (const QCborValue &v : r.body.value(kAttachments).toArray()) {
        const QCborMap m = v.toMap();
        if (auto ref = store::attachmentRefFromCbor(m))
            n.attachments.append(NoteAttachment{*ref, m.value(kKindKey).toString(), m.value(kMime).toString(),
                                                m.value(kAdded).toInteger(), m.value(kDuration).toInteger()});
    }
    n.version = r.version;
    n.createdMs = r.createdMs;
    n.updatedMs = r.updatedMs;
    return n;
}

namespace {

using notes_internal::toNote;

QCborMap noteBody(const QString &title, const QString &text)
{
    QCborMap body;
    body.insert(kTitle, title);
    body.insert(kText, text);
    return body;
}

} // namespace

QString memoTypeKey(MemoType t)
{
    for (const auto &[type, key] : kMemoTypeKeys) {
        if (type == t)
            return QString::fromLatin1(key);
    }
    return {};
}

std::optional<MemoType> memoTypeFromKey(const QString &key)
{
    for (const auto &[type, k] : kMemoTypeKeys) {
        if (key == QLatin1String(k))
            return type;
    }
    return std::nullopt;
}

QString noteProblemKey(NoteProblem p)
{
    switch (p) {
    case NoteProblem::None: return {};
    case NoteProblem::UnknownCode: return QStringLiteral("unknown_code");
    case NoteProblem::SelectionOutOfRange: return QStringLiteral("selection_out_of_range");
    case NoteProblem::UnknownSite: return QStringLiteral("unknown_site");
    case NoteProblem::ParticipantNotAllowed: return QStringLiteral("participant_not_allowed");
    }
    return {};
}

QString noteProblemText(NoteProblem p)
{
    switch (p) {
    case NoteProblem::None:
        return {};
    case NoteProblem::UnknownCode:
        return QCoreApplication::translate("Notes", "That code is not in this project's codebook.");
    case NoteProblem::SelectionOutOfRange:
        return QCoreApplication::translate("Notes", "The coded passage is not inside the note's text.");
    case NoteProblem::UnknownSite:
        return QCoreApplication::translate("Notes", "That site is not one of this project's sites.");
    case NoteProblem::ParticipantNotAllowed:
        return QCoreApplication::translate("Notes", "This participant's consent does not allow observation notes about them.");
    }
    return {};
}

int codePointLength(const QString &text)
{
    int n = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!(text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()))
            ++n;
    }
    return n;
}

QString codePointSlice(const QString &text, int start, int end)
{
    const QList<uint> points = text.toUcs4();
    if (start < 0 || end < start || end > points.size())
        return {};
    return QString::fromUcs4(reinterpret_cast<const char32_t *>(points.constData() + start), end - start);
}

Notes::Notes(store::RecordStore &records) : m_records(records)
{
    installConflictPolicies();
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
    NoteDetails details = detailsFrom(current.value());
    details.selections = followSelections(details.selections, text);
    writeDetails(change.body, details);
    auto r = m_records.put(change);
    if (!r.ok())
        return r.error();
    return toNote(r.value());
}

Result<Note> Notes::attach(const QString &id, const NoteAttachment &attachment)
{
    if (attachment.kind != QLatin1String("photo") && attachment.kind != QLatin1String("audio"))
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("attachment kind must be photo or audio"));
    auto current = m_records.get(id);
    if (!current.ok())
        return current.error();
    if (current->kind != kKind || current->deleted)
        return makeError(ErrorCode::NotFound, QStringLiteral("not a note"));
    QCborMap entry = store::attachmentRefToCbor(attachment.ref);
    entry.insert(kKindKey, attachment.kind);
    entry.insert(kMime, attachment.mimeType);
    entry.insert(kAdded, qint64(attachment.addedMs));
    if (attachment.durationMs > 0)
        entry.insert(kDuration, qint64(attachment.durationMs));
    QCborArray list = current->body.value(kAttachments).toArray();
    list.append(entry);
    store::RecordChange change;
    change.id = id;
    change.kind = kKind;
    change.projectId = current->projectId;
    change.participantRef = current->participantRef;
    change.body = current->body;
    change.body.insert(kAttachments, list);
    auto r = m_records.put(change);
    if (!r.ok())
        return r.error();
    return toNote(r.value());
}

Result<Note> Notes::detach(const QString &id, const QString &hash)
{
    auto current = m_records.get(id);
    if (!current.ok())
        return current.error();
    if (current->kind != kKind || current->deleted)
        return makeError(ErrorCode::NotFound, QStringLiteral("not a note"));
    QCborArray kept;
    bool found = false;
    for (const QCborValue &v : current->body.value(kAttachments).toArray()) {
        if (v.toMap().value(QStringLiteral("hash")).toString() == hash)
            found = true;
        else
            kept.append(v);
    }
    if (!found)
        return makeError(ErrorCode::NotFound, QStringLiteral("no such attachment"));
    store::RecordChange change;
    change.id = id;
    change.kind = kKind;
    change.projectId = current->projectId;
    change.participantRef = current->participantRef;
    change.body = current->body;
    change.body.insert(kAttachments, kept);
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
