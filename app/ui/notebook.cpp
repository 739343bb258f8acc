#include "notebook.h"

#include "appsettings.h"
#include "engineservices.h"
#include "languagewatcher.h"
#include "session.h"

namespace samla::ui {

Notebook::Notebook(Session &session, AppSettings &settings, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_settings(settings)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kSearchDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, [this] {
        emit searchPendingChanged();
        m_model.setQuery(m_searchQuery);
    });
    connect(&m_session, &Session::opened, this, &Notebook::onOpened);
    connect(&m_session, &Session::closed, this, &Notebook::onClosed);
    connect(&m_session, &Session::aboutToClose, this, &Notebook::onAboutToClose);
    connect(&m_model, &NotesModel::failed, this, [this](int code) { setError(ErrorCode(code)); });
    m_model.setLocale(m_settings.locale());
    connect(
        &m_settings, &AppSettings::languageChanged, this, [this] { m_model.setLocale(m_settings.locale()); });
    new LanguageWatcher(this, [this] {
        emit errorStringChanged();
        emit quickStatusChanged();
    });
    if (m_session.state() == Session::Unlocked)
        onOpened();
}

Notebook *Notebook::create(QQmlEngine *qml, QJSEngine *)
{
    return serviceFromEngine<Notebook>(qml);
}

QString Notebook::projectName() const
{
    return m_session.projectName();
}

bool Notebook::demoProject() const
{
    return m_session.isDemoProject();
}

void Notebook::setSearchQuery(const QString &query)
{
    if (query == m_searchQuery)
        return;
    m_searchQuery = query;
    emit searchQueryChanged();
    const bool wasPending = m_debounce.isActive();
    m_debounce.start();
    if (!wasPending)
        emit searchPendingChanged();
}

void Notebook::searchNow()
{
    if (m_debounce.isActive()) {
        m_debounce.stop();
        emit searchPendingChanged();
    }
    m_model.setQuery(m_searchQuery);
}

void Notebook::setQuickText(const QString &text)
{
    if (text == m_quickText)
        return;
    m_quickText = text;
    emit quickTextChanged();
    if (!m_quickError.isNull() || m_quickSavedAt.isValid()) {
        m_quickError = {};
        m_quickSavedAt = {};
        emit quickStatusChanged();
    }
}

QString Notebook::quickSavedText() const
{
    if (!m_quickSavedAt.isValid())
        return {};
    return tr("Saved to the notes at %1.")
        .arg(m_settings.locale().toString(m_quickSavedAt.time(), QLocale::ShortFormat));
}

bool Notebook::saveQuickNote()
{
    domain::Notes *notes = m_session.notes();
    m_quickSavedAt = {};
    if (!notes) {
        m_quickError = UiProblem::fromCode(ErrorCode::InvalidArgument);
        emit quickStatusChanged();
        return false;
    }
    if (m_quickText.trimmed().isEmpty()) {
        m_quickError = UiProblem::fromUi(UiError::QuickNoteEmpty);
        emit quickStatusChanged();
        return false;
    }
    const QDateTime now = QDateTime::currentDateTime();
    const QString title = tr("Quick note %1").arg(m_settings.locale().toString(now, QLocale::ShortFormat));
    auto saved = notes->create(m_session.projectId(), title, m_quickText);
    if (!saved.ok()) {
        m_quickError = UiProblem::fromCode(saved.code());
        emit quickStatusChanged();
        return false;
    }
    m_quickError = {};
    m_quickText.clear();
    emit quickTextChanged();
    m_quickSavedAt = now;
    emit quickStatusChanged();
    emit quickNoteSaved(saved->id);
    refresh();
    return true;
}

void Notebook::onAboutToClose()
{
    // A draft typed before locking is saved, then dropped from memory.
    if (!m_quickText.trimmed().isEmpty() && !saveQuickNote())
        qCWarning(lcUi) << "quick note not saved at lock";
    m_quickText.clear();
    m_quickError = {};
    m_quickSavedAt = {};
    emit quickTextChanged();
    emit quickStatusChanged();
}

void Notebook::refresh()
{
    setError(std::nullopt);
    auto total = count();
    const int newCount = total.ok() ? total.value() : 0;
    if (!total.ok() && m_session.notes())
        setError(total.code());
    if (newCount != m_noteCount) {
        m_noteCount = newCount;
        emit noteCountChanged();
    }
    m_model.reload();
}

void Notebook::onOpened()
{
    m_model.setSource(this);
    emit projectChanged();
    refresh();
}

void Notebook::onClosed()
{
    // Nothing from the store stays in memory while locked, except the query the user typed.
    m_debounce.stop();
    m_model.setSource(nullptr);
    m_model.clear();
    m_noteCount = 0;
    emit noteCountChanged();
    emit projectChanged();
}

void Notebook::setError(std::optional<ErrorCode> code)
{
    if (code == m_error.code)
        return;
    m_error = code ? UiProblem::fromCode(*code) : UiProblem {};
    emit errorStringChanged();
}

Result<QList<domain::Note>> Notebook::list(int limit, int offset) const
{
    domain::Notes *notes = m_session.notes();
    if (!notes)
        return QList<domain::Note> {};
    return notes->list(m_session.projectId(), limit, offset);
}

Result<int> Notebook::count() const
{
    domain::Notes *notes = m_session.notes();
    if (!notes)
        return 0;
    return notes->count(m_session.projectId());
}

Result<QList<domain::NoteHit>> Notebook::search(const QString &query, int limit) const
{
    domain::Notes *notes = m_session.notes();
    if (!notes)
        return QList<domain::NoteHit> {};
    return notes->search(m_session.projectId(), query, limit);
}

} // namespace samla::ui
