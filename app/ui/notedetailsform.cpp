#include "notedetailsform.h"

#include "engineservices.h"
#include "languagewatcher.h"
#include "session.h"

#include "app/domain/consentgate.h"
#include "app/domain/participants.h"
#include "app/store/localstore.h"

#include <QCoreApplication>
#include <QVariantMap>

namespace samla::ui {

using namespace samla::domain;

NoteDetailsForm::NoteDetailsForm(Session &session, QObject *parent) : QObject(parent), m_session(session)
{
    connect(&m_session, &Session::aboutToClose, this, [this] {
        m_noteId.clear();
        m_details = {};
        m_codes.clear();
        m_sites.clear();
        m_participants.clear();
        m_dirty = false;
        setMessages({}, {});
        emit loaded();
        emit choicesChanged();
    });
    new LanguageWatcher(this, [this] {
        emit loaded();
        emit choicesChanged();
        emit messageChanged();
    });
}

NoteDetailsForm *NoteDetailsForm::create(QQmlEngine *qml, QJSEngine *)
{
    return serviceFromEngine<NoteDetailsForm>(qml);
}

void NoteDetailsForm::setMessages(std::function<QString()> error, std::function<QString()> info)
{
    m_errorText = std::move(error);
    m_infoText = std::move(info);
    emit messageChanged();
}

void NoteDetailsForm::markDirty()
{
    m_dirty = true;
    setMessages(m_errorText, {});
    emit choicesChanged();
}

bool NoteDetailsForm::reloadLists()
{
    store::LocalStore *store = m_session.store();
    if (!store)
        return false;
    auto codes = Codebook(store->records()).list(m_session.projectId());
    if (!codes.ok()) {
        setMessages([code = codes.code()] { return ErrorText::forProblem(UiProblem::fromCode(code)); }, {});
        return false;
    }
    m_codes = codes.value();
    m_sites = m_session.project().settings.sites;
    auto people = Participants(store->records()).list(m_session.projectId());
    if (!people.ok()) {
        setMessages([code = people.code()] { return ErrorText::forProblem(UiProblem::fromCode(code)); }, {});
        return false;
    }
    const ConsentGate gate(store->records(), m_session.clock());
    m_participants.clear();
    for (const Participant &p : people.value()) {
        const Decision d = gate.mayCollect(p.id, Activity::Observation);
        m_participants.append(ParticipantChoice{p.id, p.code, d.allowed, d.reason});
    }
    return true;
}

bool NoteDetailsForm::load(const QString &noteId)
{
    domain::Notes *notes = m_session.notes();
    if (!notes)
        return false;
    auto note = notes->get(noteId);
    if (!note.ok()) {
        setMessages([code = note.code()] { return ErrorText::forProblem(UiProblem::fromCode(code)); }, {});
        return false;
    }
    m_noteId = noteId;
    m_details = note->details;
    m_dirty = false;
    setMessages({}, {});
    const bool ok = reloadLists();
    emit loaded();
    emit choicesChanged();
    return ok;
}

void NoteDetailsForm::setMemoType(const QString &key)
{
    const auto type = memoTypeFromKey(key);
    if (!type || *type == m_details.memoType)
        return;
    m_details.memoType = *type;
    markDirty();
}

QVariantList NoteDetailsForm::memoTypes() const
{
    const std::pair<MemoType, QString> labels[] = {
        {MemoType::Descriptive, tr("Field note (descriptive)")},
        {MemoType::Reflexive, tr("Reflexive memo")},
        {MemoType::Analytic, tr("Analytic memo")},
        {MemoType::Methodological, tr("Methodological memo")},
    };
    QVariantList out;
    for (const auto &[type, label] : labels)
        out.append(QVariantMap{{QStringLiteral("key"), memoTypeKey(type)}, {QStringLiteral("label"), label}});
    return out;
}

QVariantList NoteDetailsForm::codes() const
{
    QVariantList out;
    for (const Code &c : m_codes) {
        // Sub-codes show under their parent's name.
        QString name = c.name;
        for (const Code &parent : m_codes) {
            if (parent.id == c.parentId)
                name = parent.name + QStringLiteral(" › ") + c.name;
        }
        out.append(QVariantMap{{QStringLiteral("id"), c.id},
                               {QStringLiteral("name"), name},
                               {QStringLiteral("color"), c.color},
                               {QStringLiteral("checked"), m_details.codeIds.contains(c.id)}});
    }
    return out;
}

QVariantList NoteDetailsForm::sites() const
{
    QVariantList out{QVariantMap{{QStringLiteral("key"), QString()}, {QStringLiteral("label"), tr("No particular site")}}};
    for (const Site &s : m_sites)
        out.append(QVariantMap{{QStringLiteral("key"), s.id}, {QStringLiteral("label"), s.name}});
    return out;
}

QVariantList NoteDetailsForm::participants() const
{
    QVariantList out;
    for (const ParticipantChoice &p : m_participants) {
        out.append(QVariantMap{{QStringLiteral("id"), p.id},
                               {QStringLiteral("code"), p.code},
                               {QStringLiteral("allowed"), p.allowed},
                               {QStringLiteral("reason"), p.allowed ? QString() : reasonText(p.reason)}});
    }
    return out;
}

void NoteDetailsForm::setSiteId(const QString &id)
{
    if (id == m_details.siteId)
        return;
    m_details.siteId = id;
    markDirty();
}

void NoteDetailsForm::setParticipantId(const QString &id)
{
    if (id == m_details.participantId)
        return;
    for (const ParticipantChoice &p : m_participants) {
        if (p.id == id && !p.allowed) {
            // Refused before it is chosen, with the gate's own reason.
            setMessages([reason = p.reason] { return reasonText(reason); }, {});
            emit choicesChanged();
            return;
        }
    }
    m_details.participantId = id;
    markDirty();
}

void NoteDetailsForm::toggleCode(const QString &codeId)
{
    if (m_details.codeIds.contains(codeId))
        m_details.codeIds.removeAll(codeId);
    else
        m_details.codeIds.append(codeId);
    markDirty();
}

bool NoteDetailsForm::addCode(const QString &name)
{
    store::LocalStore *store = m_session.store();
    if (!store)
        return false;
    auto code = Codebook(store->records()).create(m_session.projectId(), name);
    if (!code.ok()) {
        const QString key = code.error().detail;
        const ErrorCode errorCode = code.code();
        setMessages(
            [key, errorCode] {
                for (CodebookProblem p : {CodebookProblem::EmptyName, CodebookProblem::DuplicateName,
                                          CodebookProblem::BadColor, CodebookProblem::UnknownParent,
                                          CodebookProblem::ParentCycle}) {
                    if (codebookProblemKey(p) == key)
                        return codebookProblemText(p);
                }
                return ErrorText::forProblem(UiProblem::fromCode(errorCode));
            },
            {});
        return false;
    }
    reloadLists();
    m_details.codeIds.append(code->id);
    markDirty();
    return true;
}

bool NoteDetailsForm::save()
{
    domain::Notes *notes = m_session.notes();
    store::LocalStore *store = m_session.store();
    if (!notes || !store || m_noteId.isEmpty())
        return false;
    const ConsentGate gate(store->records(), m_session.clock());
    auto result = notes->setDetails(m_noteId, m_details, gate);
    if (!result.ok()) {
        const QString key = result.error().detail;
        const ErrorCode errorCode = result.code();
        setMessages(
            [key, errorCode] {
                for (NoteProblem p : {NoteProblem::UnknownCode, NoteProblem::SelectionOutOfRange,
                                      NoteProblem::UnknownSite, NoteProblem::ParticipantNotAllowed}) {
                    if (noteProblemKey(p) == key)
                        return noteProblemText(p);
                }
                if (errorCode == ErrorCode::InvalidArgument)
                    return noteProblemText(NoteProblem::ParticipantNotAllowed);
                return ErrorText::forProblem(UiProblem::fromCode(errorCode));
            },
            {});
        return false;
    }
    m_details = result->details;
    m_dirty = false;
    setMessages({}, [] { return tr("Saved as a new version of the note."); });
    emit choicesChanged();
    emit saved();
    return true;
}

} // namespace samla::ui
