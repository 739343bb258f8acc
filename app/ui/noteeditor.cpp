#include "noteeditor.h"

#include "appsettings.h"
#include "engineservices.h"
#include "languagewatcher.h"
#include "platform/core/logging.h"
#include "session.h"

namespace samla::ui {

NoteEditor::NoteEditor(Session &session, AppSettings &settings, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_settings(settings)
{
    connect(&m_session, &Session::aboutToClose, this, &NoteEditor::onAboutToClose);
    connect(&m_session, &Session::opened, this, &NoteEditor::onOpened);
    m_versions.setLocale(m_settings.locale());
    connect(&m_settings, &AppSettings::languageChanged, this,
        [this] { m_versions.setLocale(m_settings.locale()); });
    new LanguageWatcher(this, [this] {
        emit statusTextChanged();
        emit errorStringChanged();
        emit viewedVersionChanged();
    });
}

NoteEditor *NoteEditor::create(QQmlEngine *qml, QJSEngine *)
{
    return serviceFromEngine<NoteEditor>(qml);
}

void NoteEditor::setTitle(const QString &title)
{
    if (title == m_title)
        return;
    m_title = title;
    emit titleChanged();
    setDirty(true);
}

void NoteEditor::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    emit textChanged();
    setDirty(true);
}

void NoteEditor::setDirty(bool dirty)
{
    if (dirty == m_dirty)
        return;
    m_dirty = dirty;
    emit dirtyChanged();
    emit statusTextChanged();
}

void NoteEditor::setError(const UiProblem &problem)
{
    m_error = problem;
    emit errorStringChanged();
}

void NoteEditor::clearError()
{
    if (m_error.isNull())
        return;
    m_error = {};
    emit errorStringChanged();
}

QString NoteEditor::statusText() const
{
    if (m_dirty)
        return tr("Unsaved changes");
    if (m_noteId.isEmpty())
        return tr("New note, not saved yet");
    return tr("Saved: version %1, %2").arg(m_version).arg(m_versions.formatTime(m_savedMs));
}

void NoteEditor::adoptNote(const domain::Note &note)
{
    m_noteId = note.id;
    m_version = note.version;
    m_savedMs = note.updatedMs;
    if (m_title != note.title) {
        m_title = note.title;
        emit titleChanged();
    }
    if (m_text != note.text) {
        m_text = note.text;
        emit textChanged();
    }
    emit noteChanged();
    setDirty(false);
    emit statusTextChanged();
}

void NoteEditor::wipeDraft()
{
    // QString does not wipe on free; clearing at least drops our references.
    m_title.clear();
    m_text.clear();
    m_versions.clear();
    emit titleChanged();
    emit textChanged();
    emit viewedVersionChanged();
}

void NoteEditor::adoptSaved(const domain::Note &note)
{
    if (note.id != m_noteId || m_dirty)
        return;
    adoptNote(note);
    if (m_versions.rowCount() > 0)
        loadVersions();
    emit saved();
}

bool NoteEditor::openNote(const QString &id)
{
    domain::Notes *notes = m_session.notes();
    if (!notes)
        return false;
    if (m_dirty && id != m_noteId)
        save();
    auto note = notes->get(id);
    if (!note.ok()) {
        setError(UiProblem::fromCode(note.code()));
        return false;
    }
    clearError();
    if (id != m_noteId) {
        m_viewed = 0;
        m_versions.clear();
        emit viewedVersionChanged();
    }
    adoptNote(note.value());
    return true;
}

void NoteEditor::newNote()
{
    if (m_dirty)
        save();
    clearError();
    m_noteId.clear();
    m_version = 0;
    m_savedMs = 0;
    m_viewed = 0;
    m_versions.clear();
    wipeDraft();
    emit noteChanged();
    setDirty(false);
    emit statusTextChanged();
}

bool NoteEditor::save()
{
    domain::Notes *notes = m_session.notes();
    if (!notes)
        return false;
    if (!m_noteId.isEmpty() && !m_dirty)
        return true;
    if (m_noteId.isEmpty() && m_title.trimmed().isEmpty() && m_text.trimmed().isEmpty()) {
        setError(UiProblem::fromUi(UiError::NothingToSave));
        return false;
    }
    auto result = m_noteId.isEmpty() ? notes->create(m_session.projectId(), m_title, m_text)
                                     : notes->update(m_noteId, m_title, m_text);
    if (!result.ok()) {
        // The draft stays in the fields, so the user can free space and save again.
        setError(UiProblem::fromCode(result.code()));
        return false;
    }
    clearError();
    adoptNote(result.value());
    if (m_versions.rowCount() > 0)
        loadVersions();
    emit saved();
    return true;
}

bool NoteEditor::loadVersions()
{
    domain::Notes *notes = m_session.notes();
    if (!notes || m_noteId.isEmpty()) {
        m_versions.clear();
        return false;
    }
    auto versions = notes->versions(m_noteId);
    if (!versions.ok()) {
        setError(UiProblem::fromCode(versions.code()));
        return false;
    }
    m_versions.setVersions(versions.value(), m_version);
    if (m_viewed != 0 && !m_versions.find(m_viewed))
        m_viewed = 0;
    emit viewedVersionChanged();
    return true;
}

bool NoteEditor::viewVersion(int version)
{
    if (!m_versions.find(version))
        return false;
    m_viewed = version;
    emit viewedVersionChanged();
    return true;
}

QString NoteEditor::viewedTitle() const
{
    const auto *v = m_versions.find(m_viewed);
    return v ? v->title : QString();
}

QString NoteEditor::viewedText() const
{
    const auto *v = m_versions.find(m_viewed);
    return v ? v->text : QString();
}

QString NoteEditor::viewedSaved() const
{
    const auto *v = m_versions.find(m_viewed);
    return v ? m_versions.formatTime(v->savedMs) : QString();
}

bool NoteEditor::restoreViewedVersion()
{
    const auto *v = m_versions.find(m_viewed);
    if (!v || m_noteId.isEmpty())
        return false;
    const QString title = v->title;
    const QString text = v->text;
    setTitle(title);
    setText(text);
    // Restoring the version that is already current still records the choice.
    setDirty(true);
    if (!save())
        return false;
    loadVersions();
    m_viewed = m_version;
    emit viewedVersionChanged();
    return true;
}

void NoteEditor::onAboutToClose()
{
    if (m_dirty && !save()) {
        // Could not save (disk full…): keep the draft so nothing is lost; it is
        // offered again after unlocking.
        qCWarning(lcUi) << "draft kept in memory over lock: save failed";
        m_reopenAfterUnlock = !m_noteId.isEmpty();
        return;
    }
    m_reopenAfterUnlock = !m_noteId.isEmpty();
    wipeDraft();
}

void NoteEditor::onOpened()
{
    if (!m_reopenAfterUnlock || m_noteId.isEmpty())
        return;
    m_reopenAfterUnlock = false;
    if (m_dirty) {
        loadVersions();
        return;
    }
    const int viewed = m_viewed;
    if (openNote(m_noteId)) {
        loadVersions();
        if (viewed != 0)
            viewVersion(viewed);
    }
}

} // namespace samla::ui
