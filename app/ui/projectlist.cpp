#include "projectlist.h"

#include "app/domain/notes.h"
#include "app/domain/participants.h"
#include "app/domain/projects.h"
#include "engineservices.h"
#include "languagewatcher.h"
#include "projecteditor.h"
#include "session.h"

#include <QVariantMap>

namespace samla::ui {

using namespace samla::domain;

QString ProjectList::defaultLawfulBasis()
{
    // Research by a public body: a task in the public interest, and the research exemption for health data.
    return QStringLiteral("GDPR Art 6(1)(e) + 9(2)(j)");
}

ProjectList::ProjectList(Session &session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    connect(&m_session, &Session::opened, this, &ProjectList::refresh);
    connect(&m_session, &Session::projectChanged, this, &ProjectList::refresh);
    connect(&m_session, &Session::aboutToClose, this, [this] {
        m_projects.clear();
        setError({});
        emit projectsChanged();
    });
    new LanguageWatcher(this, [this] { emit messageChanged(); });
    if (m_session.state() == Session::Unlocked)
        refresh();
}

ProjectList *ProjectList::create(QQmlEngine *qml, QJSEngine *)
{
    return serviceFromEngine<ProjectList>(qml);
}

QString ProjectList::openProjectId() const
{
    return m_session.store() ? m_session.projectId() : QString();
}

void ProjectList::setError(std::function<QString()> text)
{
    m_errorText = std::move(text);
    emit messageChanged();
}

void ProjectList::clearError()
{
    setError({});
}

void ProjectList::refresh()
{
    store::LocalStore *store = m_session.store();
    m_projects.clear();
    if (!store) {
        emit projectsChanged();
        return;
    }
    auto list = Projects(store->records()).list();
    if (!list.ok()) {
        const ErrorCode code = list.code();
        setError([code] { return ErrorText::forCode(code); });
        emit projectsChanged();
        return;
    }
    const QString openId = m_session.projectId();
    QVariantList others;
    for (const Project &p : list.value()) {
        // Counts are one indexed query each; a failed count shows as none rather than hiding the project.
        auto participants = store->records().count(Participants::kKind, p.id);
        auto notes = store->records().count(Notes::kKind, p.id);
        const QVariantMap row {
            { QStringLiteral("id"), p.id },
            { QStringLiteral("name"), p.name },
            { QStringLiteral("codePrefix"), p.settings.codePrefix },
            { QStringLiteral("demo"), p.demo },
            { QStringLiteral("open"), p.id == openId },
            { QStringLiteral("participants"), participants.ok() ? participants.value() : 0 },
            { QStringLiteral("notes"), notes.ok() ? notes.value() : 0 },
        };
        if (p.id == openId)
            m_projects.append(row);
        else
            others.append(row);
    }
    m_projects.append(others);
    emit projectsChanged();
}

bool ProjectList::open(const QString &projectId)
{
    if (!m_session.store())
        return false;
    setError({});
    if (projectId == m_session.projectId())
        return true;
    if (!m_session.switchProject(projectId)) {
        setError([] {
            return tr("This project could not be opened. It may have been removed; the list is "
                      "now up to date.");
        });
        refresh();
        return false;
    }
    return true;
}

bool ProjectList::createProject(const QString &name, const QString &codePrefix)
{
    store::LocalStore *store = m_session.store();
    if (!store)
        return false;
    ProjectSettings settings;
    settings.codePrefix = codePrefix.trimmed().toUpper();
    settings.languages = { QStringLiteral("sv"), QStringLiteral("en") };
    settings.lawfulBasis = defaultLawfulBasis();
    settings.jurisdiction = Jurisdiction::Sweden;
    const QString trimmed = name.trimmed();
    if (const Status valid = Projects::validate(trimmed, settings); !valid.ok()) {
        const QString detail = valid.error().detail;
        setError([detail] { return ProjectEditor::validationText(detail); });
        return false;
    }
    auto created = Projects(store->records()).create(trimmed, settings, false);
    if (!created.ok()) {
        const ErrorCode code = created.code();
        setError([code] { return ErrorText::forCode(code); });
        return false;
    }
    setError({});
    if (!m_session.switchProject(created.value().id)) {
        refresh();
        setError(
            [] { return tr("The project was created but could not be opened. Choose it in the list."); });
        return false;
    }
    return true;
}

} // namespace samla::ui
