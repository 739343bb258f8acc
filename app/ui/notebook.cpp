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
    connect(&m_model, &NotesModel::failed, this, [this](int code) { setError(ErrorCode(code)); });
    m_model.setLocale(m_settings.locale());
    connect(
        &m_settings, &AppSettings::languageChanged, this, [this] { m_model.setLocale(m_settings.locale()); });
    new LanguageWatcher(this, [this] { emit errorStringChanged(); });
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
