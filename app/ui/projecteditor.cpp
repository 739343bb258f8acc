#include "projecteditor.h"

#include "engineservices.h"
#include "languagewatcher.h"
#include "session.h"

#include <QVariantMap>

namespace samla::ui {

using namespace samla::domain;

ProjectEditor::ProjectEditor(Session &session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    connect(&m_session, &Session::opened, this, &ProjectEditor::load);
    // Another project was opened: its settings replace the draft.
    connect(&m_session, &Session::projectChanged, this, [this] {
        if (m_session.project().id != m_saved.id)
            load();
    });
    connect(&m_session, &Session::aboutToClose, this, [this] {
        m_saved = {};
        m_name.clear();
        m_settings = {};
        setMessages({}, {});
        emit draftChanged();
        emit sitesChanged();
    });
    new LanguageWatcher(this, [this] { emit messageChanged(); });
    if (m_session.state() == Session::Unlocked)
        load();
}

ProjectEditor *ProjectEditor::create(QQmlEngine *qml, QJSEngine *)
{
    return serviceFromEngine<ProjectEditor>(qml);
}

void ProjectEditor::setMessages(std::function<QString()> error, std::function<QString()> info)
{
    m_errorText = std::move(error);
    m_infoText = std::move(info);
    emit messageChanged();
}

void ProjectEditor::load()
{
    m_saved = m_session.project();
    m_name = m_saved.name;
    m_settings = m_saved.settings;
    setMessages({}, {});
    emit draftChanged();
    emit sitesChanged();
}

template <typename T> void ProjectEditor::change(T &field, const T &value)
{
    if (field == value)
        return;
    field = value;
    if (m_infoText)
        setMessages(m_errorText, {});
    emit draftChanged();
}

void ProjectEditor::setName(const QString &name)
{
    change(m_name, name);
}

void ProjectEditor::setCodePrefix(const QString &prefix)
{
    change(m_settings.codePrefix, prefix.trimmed().toUpper());
}

void ProjectEditor::setDescription(const QString &description)
{
    change(m_settings.description, description);
}

void ProjectEditor::setSwedish(bool on)
{
    QStringList languages = m_settings.languages;
    languages.removeAll(QStringLiteral("sv"));
    if (on)
        languages.prepend(QStringLiteral("sv"));
    change(m_settings.languages, languages);
}

void ProjectEditor::setEnglish(bool on)
{
    QStringList languages = m_settings.languages;
    languages.removeAll(QStringLiteral("en"));
    if (on)
        languages.append(QStringLiteral("en"));
    change(m_settings.languages, languages);
}

void ProjectEditor::setLawfulBasis(const QString &basis)
{
    change(m_settings.lawfulBasis, basis);
}

void ProjectEditor::setErasePolicy(bool erase)
{
    change(m_settings.withdrawalPolicy,
        erase ? WithdrawalPolicy::StopAndErase : WithdrawalPolicy::StopAndRetain);
}

void ProjectEditor::setJurisdiction(const QString &key)
{
    if (const auto j = jurisdictionFromKey(key))
        change(m_settings.jurisdiction, *j);
}

void ProjectEditor::setRetentionMonths(int months)
{
    change(m_settings.retentionMonths, months);
}

void ProjectEditor::setReconsentIntervalDays(int days)
{
    change(m_settings.reconsentIntervalDays, days);
}

void ProjectEditor::setRecheckEverySession(bool on)
{
    change(m_settings.recheckEverySession, on);
}

void ProjectEditor::setChildAssentRequired(bool on)
{
    change(m_settings.childAssentRequired, on);
}

QVariantList ProjectEditor::sites() const
{
    QVariantList out;
    for (const Site &site : m_settings.sites) {
        out.append(QVariantMap {
            { QStringLiteral("id"), site.id },
            { QStringLiteral("name"), site.name },
            { QStringLiteral("jurisdiction"), jurisdictionKey(site.jurisdiction) },
            { QStringLiteral("arm"), studyArmKey(site.arm) },
        });
    }
    return out;
}

bool ProjectEditor::dirty() const
{
    return m_name != m_saved.name || !(m_settings == m_saved.settings);
}

void ProjectEditor::addSite()
{
    // The id is given when saved; participants refer to sites by id, so ids never change.
    m_settings.sites.append(Site { {}, {}, m_settings.jurisdiction });
    emit sitesChanged();
    emit draftChanged();
}

void ProjectEditor::removeSite(int index)
{
    if (index < 0 || index >= m_settings.sites.size())
        return;
    m_settings.sites.removeAt(index);
    emit sitesChanged();
    emit draftChanged();
}

void ProjectEditor::setSiteName(int index, const QString &name)
{
    if (index < 0 || index >= m_settings.sites.size() || m_settings.sites.at(index).name == name)
        return;
    m_settings.sites[index].name = name;
    // The text field keeps its own text; re-reading sites() here would move its cursor.
    emit draftChanged();
}

void ProjectEditor::setSiteJurisdiction(int index, const QString &key)
{
    const auto j = jurisdictionFromKey(key);
    if (!j || index < 0 || index >= m_settings.sites.size())
        return;
    m_settings.sites[index].jurisdiction = *j;
    emit sitesChanged();
    emit draftChanged();
}

void ProjectEditor::setSiteArm(int index, const QString &key)
{
    const auto arm = studyArmFromKey(key);
    if (!arm || index < 0 || index >= m_settings.sites.size() || m_settings.sites.at(index).arm == *arm)
        return;
    m_settings.sites[index].arm = *arm;
    emit sitesChanged();
    emit draftChanged();
}

QString ProjectEditor::validationText(const QString &detail)
{
    if (detail == QLatin1String("name is empty"))
        return tr("Give the project a name.");
    if (detail.startsWith(QLatin1String("code_prefix")))
        return tr(
            "The code prefix must be 1 to 4 capital letters A–Z, for example LC. It must never be a name.");
    if (detail.startsWith(QLatin1String("languages")))
        return tr("Choose at least one working language.");
    if (detail == QLatin1String("lawful_basis is empty"))
        return tr("Enter the lawful basis, for example GDPR Art 6(1)(e) + 9(2)(j).");
    if (detail.startsWith(QLatin1String("retention")))
        return tr("The retention period and the re-consent interval cannot be negative.");
    if (detail == QLatin1String("a site has no name"))
        return tr("Every site needs a name. Remove a site you do not need.");
    return tr("These settings cannot be saved. Check each field and try again.");
}

bool ProjectEditor::save()
{
    store::LocalStore *store = m_session.store();
    if (!store || m_saved.id.isEmpty())
        return false;
    Project project = m_saved;
    project.name = m_name.trimmed();
    project.settings = m_settings;
    if (const Status valid = Projects::validate(project.name, project.settings); !valid.ok()) {
        const QString detail = valid.error().detail;
        setMessages([detail] { return validationText(detail); }, {});
        return false;
    }
    auto updated = Projects(store->records()).update(project);
    if (!updated.ok()) {
        const ErrorCode code = updated.code();
        setMessages([code] { return ErrorText::forCode(code); }, {});
        return false;
    }
    m_session.adoptProject(updated.value());
    load();
    setMessages({}, [] { return tr("Project settings saved. Earlier versions are kept."); });
    emit saved();
    return true;
}

} // namespace samla::ui
