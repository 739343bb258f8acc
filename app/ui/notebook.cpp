#include "notebook.h"

#include "appsettings.h"
#include "engineservices.h"
#include "languagewatcher.h"
#include "session.h"

#include "app/export/qdpx.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QStorageInfo>
#include <QUrl>

namespace samla::ui {

Notebook::Notebook(Session &session, AppSettings &settings, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_settings(settings)
    , m_exportDirectory(QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                            .filePath(QStringLiteral("Samla exports")))
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
        emit exportMessageChanged();
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
    m_lastExportPath.clear();
    setExportMessage(false, {});
}

void Notebook::setExportDirectory(const QString &dir)
{
    const QUrl url(dir);
    const QString path = url.isLocalFile() ? url.toLocalFile() : dir;
    if (path == m_exportDirectory)
        return;
    m_exportDirectory = path;
    emit exportDirectoryChanged();
}

void Notebook::setExportMessage(bool error, std::function<QString()> text)
{
    m_exportIsError = error;
    m_exportText = std::move(text);
    emit exportMessageChanged();
}

void Notebook::clearExportMessage()
{
    if (!m_exportText)
        return;
    setExportMessage(false, {});
}

QString Notebook::exportErrorText(ErrorCode code, const QString &path)
{
    const QString where = QDir::toNativeSeparators(path);
    switch (code) {
    case ErrorCode::DiskFull:
        return tr("The notes could not be exported to %1: the disk is full. Nothing was saved. Free some space "
                  "or choose another folder, then try again.")
            .arg(where);
    case ErrorCode::ReadOnly:
        return tr("The notes could not be exported to %1: that folder cannot be written to. Nothing was saved. "
                  "Choose another folder, then try again.")
            .arg(where);
    default:
        return tr("The notes could not be exported to %1. Nothing was saved. Check that the folder exists and "
                  "can be written to, then try again.")
            .arg(where);
    }
}

namespace {

// A file name from the project's name: letters and digits kept, the rest dashes.
QString exportBaseName(const QString &projectName)
{
    QString base;
    for (const QChar c : projectName.normalized(QString::NormalizationForm_C)) {
        if (c.isLetterOrNumber())
            base += c;
        else if (!base.isEmpty() && !base.endsWith(QLatin1Char('-')))
            base += QLatin1Char('-');
    }
    while (base.endsWith(QLatin1Char('-')))
        base.chop(1);
    return base.isEmpty() ? QStringLiteral("samla-notes") : base.left(60);
}

// Why an export into dir failed, as far as the folder and the disk tell.
ErrorCode exportFailure(const QString &dir, ErrorCode code)
{
    if (code != ErrorCode::Io)
        return code;
    const QFileInfo info(dir);
    if (!info.isDir())
        return ErrorCode::Io;
    if (!info.isWritable())
        return ErrorCode::ReadOnly;
    const QStorageInfo storage(dir);
    if (storage.isValid() && storage.isReadOnly())
        return ErrorCode::ReadOnly;
    constexpr qint64 kNearlyFull = 1024 * 1024;
    if (storage.isValid() && storage.bytesAvailable() >= 0 && storage.bytesAvailable() < kNearlyFull)
        return ErrorCode::DiskFull;
    return ErrorCode::Io;
}

} // namespace

bool Notebook::exportQdpx()
{
    store::LocalStore *store = m_session.store();
    if (!store) {
        m_lastExportPath.clear();
        setExportMessage(true, [] { return ErrorText::forCode(ErrorCode::InvalidArgument); });
        return false;
    }
    const QString dir = m_exportDirectory;
    const QString stamp = QDateTime::fromMSecsSinceEpoch(m_session.clock().nowMs(), Qt::UTC)
                              .toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const QString path
        = QDir(dir).filePath(QStringLiteral("%1-%2.qdpx").arg(exportBaseName(m_session.projectName()), stamp));
    Result<domain::QdpxSummary> written = QDir().mkpath(dir)
        ? domain::QdpxExport(*store, m_session.clock()).write(m_session.projectId(), path)
        : Result<domain::QdpxSummary>(makeError(ErrorCode::Io, QStringLiteral("mkpath")));
    if (!written.ok()) {
        // Counts and codes only: the detail never holds note text.
        qCWarning(lcUi) << "qdpx export not written:" << written.error().detail;
        QFile::remove(path + QStringLiteral(".part"));
        m_lastExportPath.clear();
        const ErrorCode code = exportFailure(dir, written.code());
        setExportMessage(true, [code, path] { return exportErrorText(code, path); });
        return false;
    }
    m_lastExportPath = path;
    const int notes = written->sources + written->memos;
    const int cases = written->cases;
    const int leftOut = written->notesLeftOut;
    const int peopleLeftOut = written->participantsLeftOut;
    setExportMessage(false, [path, notes, cases, leftOut, peopleLeftOut] {
        QString text = tr("Exported %n note(s) and memo(s) to %1 as a REFI-QDA project for NVivo, ATLAS.ti, MAXQDA or "
                          "QualCoder.",
                          "", notes)
                           .arg(QDir::toNativeSeparators(path))
            + QLatin1Char(' ')
            + tr("%n participant(s) appear as cases, by code. The file is not encrypted: it holds participant "
                 "codes, never names.",
                "", cases);
        if (peopleLeftOut > 0)
            text += QLatin1Char(' ')
                + tr("%n participant(s) asked for their data to be removed, so they and the notes about them (%1) "
                     "were left out.",
                     "", peopleLeftOut)
                      .arg(leftOut);
        return text;
    });
    return true;
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
    m_lastExportPath.clear();
    setExportMessage(false, {});
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
