// Notes::setDetails: memo type, codes, coded selections and links, checked
// against the codebook, the project's sites and the consent gate. Apart from
// notes.cpp so that the plain-SQLite benchmark builds notes without them.
#include "codebook.h"
#include "consentgate.h"
#include "notes.h"
#include "notesinternal.h"

#include <QUuid>

#include <algorithm>

namespace samla::domain {

namespace {

Error refusal(NoteProblem p)
{
    return makeError(ErrorCode::InvalidArgument, noteProblemKey(p));
}

} // namespace

Result<Note> Notes::setDetails(const QString &id, const NoteDetails &details, const ConsentGate &gate)
{
    auto current = m_records.get(id);
    if (!current.ok())
        return current.error();
    if (current->kind != kKind || current->deleted)
        return makeError(ErrorCode::NotFound, QStringLiteral("not a note"));
    const QString text = notes_internal::bodyText(current->body);

    auto codes = Codebook(m_records).list(current->projectId);
    if (!codes.ok())
        return codes.error();
    auto known = [&](const QString &codeId) {
        return std::any_of(codes->begin(), codes->end(), [&](const Code &c) { return c.id == codeId; });
    };
    for (const QString &codeId : details.codeIds) {
        if (!known(codeId))
            return refusal(NoteProblem::UnknownCode);
    }
    NoteDetails next = details;
    const int length = codePointLength(text);
    for (CodedSelection &s : next.selections) {
        if (!known(s.codeId))
            return refusal(NoteProblem::UnknownCode);
        if (s.start < 0 || s.end <= s.start || s.end > length)
            return refusal(NoteProblem::SelectionOutOfRange);
        if (s.id.isEmpty())
            s.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        s.quote = codePointSlice(text, s.start, s.end);
    }
    if (!next.siteId.isEmpty()) {
        auto project = Projects(m_records).get(current->projectId);
        if (!project.ok())
            return project.error();
        const auto &sites = project->settings.sites;
        if (std::none_of(sites.begin(), sites.end(), [&](const Site &site) { return site.id == next.siteId; }))
            return refusal(NoteProblem::UnknownSite);
    }
    // Linking a participant puts data about them in the note: the gate decides.
    if (!next.participantId.isEmpty() && next.participantId != current->participantRef) {
        const Decision decision = gate.mayCollect(next.participantId, Activity::Observation);
        if (!decision.allowed)
            return makeError(ErrorCode::InvalidArgument, reasonKey(decision.reason));
    }

    store::RecordChange change;
    change.id = id;
    change.kind = kKind;
    change.projectId = current->projectId;
    change.participantRef = next.participantId;
    change.body = current->body;
    notes_internal::writeDetails(change.body, next);
    auto r = m_records.put(change);
    if (!r.ok())
        return r.error();
    return notes_internal::toNote(r.value());
}

} // namespace samla::domain
