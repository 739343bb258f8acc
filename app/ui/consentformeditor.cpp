#include "consentformeditor.h"

#include "app/domain/consentlog.h"
#include "app/domain/participants.h"
#include "app/store/localstore.h"
#include "appsettings.h"
#include "consenttext.h"
#include "editinglanguages.h"
#include "engineservices.h"
#include "errortext.h"
#include "languagewatcher.h"
#include "platform/core/logging.h"
#include "session.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QUrl>

#include <algorithm>

namespace samla::ui {

using namespace samla::domain;

namespace {

constexpr qint64 kMaxImportBytes = 1024 * 1024;
constexpr int kMaxConsentEvents = 100000;
constexpr int kShortHash = 12;

QVariantMap textsToVariant(const QMap<QString, QString> &texts)
{
    QVariantMap out;
    for (auto it = texts.cbegin(); it != texts.cend(); ++it)
        out.insert(it.key(), it.value());
    return out;
}

QMap<QString, QString> trimmedTexts(const QMap<QString, QString> &texts)
{
    QMap<QString, QString> out;
    for (auto it = texts.cbegin(); it != texts.cend(); ++it) {
        // An emptied field is no text in that language, not an empty string in the hash.
        if (!it.value().trimmed().isEmpty())
            out.insert(it.key(), it.value().trimmed());
    }
    return out;
}

bool hasText(const QMap<QString, QString> &texts, const QString &language)
{
    return !texts.value(language).trimmed().isEmpty();
}

} // namespace

ConsentFormEditor::ConsentFormEditor(Session &session, AppSettings &settings, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_settings(settings)
{
    m_exportDirectory = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                            .filePath(QStringLiteral("Samla exports"));
    // Form text is an information sheet, not data about anyone: a draft stays
    // over a lock, so the researcher comes back to what they were writing. It
    // belongs to its project, so opening another project starts afresh.
    connect(&m_session, &Session::opened, this, [this] {
        if (m_projectId != m_session.projectId()) {
            m_projectId = m_session.projectId();
            loadDraft({}, 0, {});
            m_shown.reset();
            emit shownChanged();
        }
        refresh();
    });
    connect(&m_session, &Session::aboutToClose, this, [this] {
        m_forms.clear();
        m_consentCodes.clear();
        emit formsChanged();
    });
    new LanguageWatcher(this, [this] {
        emit formsChanged();
        emit textsChanged();
        emit problemsChanged();
        emit messageChanged();
        emit importMessageChanged();
        emit exportMessageChanged();
        emit shownChanged();
    });
    if (m_session.state() == Session::Unlocked) {
        m_projectId = m_session.projectId();
        loadDraft({}, 0, {});
        refresh();
    }
}

ConsentFormEditor *ConsentFormEditor::create(QQmlEngine *qml, QJSEngine *)
{
    return serviceFromEngine<ConsentFormEditor>(qml);
}

QString ConsentFormEditor::formatDate(std::int64_t ms) const
{
    return m_settings.locale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat);
}

QString ConsentFormEditor::titleIn(const ConsentFormContent &content, const QString &preferred) const
{
    if (hasText(content.title, preferred))
        return content.title.value(preferred).trimmed();
    for (const QString &language : kEditingLanguageOrder) {
        if (hasText(content.title, language))
            return content.title.value(language).trimmed();
    }
    return tr("Untitled consent form");
}

// --- the list of forms ---------------------------------------------------------------------------

void ConsentFormEditor::refresh()
{
    store::LocalStore *store = m_session.store();
    if (!store)
        return;
    m_listErrorText = {};
    ConsentForms forms(store->records());
    auto latest = forms.forms(m_session.projectId());
    if (!latest.ok()) {
        const ErrorCode code = latest.code();
        m_listErrorText = [code] { return ErrorText::forCode(code); };
        emit formsChanged();
        return;
    }
    m_forms.clear();
    for (const ConsentFormVersion &form : latest.value()) {
        auto all = forms.versions(m_session.projectId(), form.formId);
        if (!all.ok()) {
            const ErrorCode code = all.code();
            m_listErrorText = [code] { return ErrorText::forCode(code); };
            break;
        }
        m_forms.append(all.value());
    }
    // In the order the forms were first published: a form keeps its place when it gets a new version.
    std::stable_sort(m_forms.begin(), m_forms.end(), [](const auto &a, const auto &b) {
        return !a.isEmpty() && !b.isEmpty() && a.constLast().publishedMs < b.constLast().publishedMs;
    });

    // Which consents were given with which version, by participant code: the
    // proof on screen that a consent keeps the text it was given with.
    m_consentCodes.clear();
    QHash<QString, QString> codes;
    if (auto people = Participants(store->records()).list(m_session.projectId()); people.ok()) {
        for (const Participant &p : people.value())
            codes.insert(p.id, p.code);
    }
    auto events = store->records().list(ConsentLog::kKind, m_session.projectId(), kMaxConsentEvents);
    if (events.ok()) {
        // Oldest first, so the codes read in the order consent was given.
        for (auto it = events->crbegin(); it != events->crend(); ++it) {
            const ConsentEvent event = consentEventFromRecord(*it);
            if (!event.formVersionId.isEmpty())
                m_consentCodes[event.formVersionId].append(codes.value(event.participantId, QStringLiteral("?")));
        }
    }
    emit formsChanged();
}

QVariantList ConsentFormEditor::forms() const
{
    QVariantList out;
    const QString uiLanguage = m_settings.language();
    for (const QList<ConsentFormVersion> &versions : m_forms) {
        if (versions.isEmpty())
            continue;
        const ConsentFormVersion &latest = versions.constFirst();
        QStringList languageNames;
        for (const QString &code : latest.content.languages())
            languageNames << ConsentText::language(code);
        QVariantList versionList;
        for (const ConsentFormVersion &v : versions) {
            versionList.append(QVariantMap {
                { QStringLiteral("versionId"), v.id },
                { QStringLiteral("number"), v.number },
                { QStringLiteral("date"), formatDate(v.publishedMs) },
                { QStringLiteral("hash"), v.hash.left(kShortHash) },
                { QStringLiteral("consents"), int(m_consentCodes.value(v.id).size()) },
            });
        }
        out.append(QVariantMap {
            { QStringLiteral("formId"), latest.formId },
            { QStringLiteral("versionId"), latest.id },
            { QStringLiteral("title"), titleIn(latest.content, uiLanguage) },
            { QStringLiteral("number"), latest.number },
            { QStringLiteral("date"), formatDate(latest.publishedMs) },
            { QStringLiteral("hash"), latest.hash.left(kShortHash) },
            { QStringLiteral("languages"), languageNames.join(QStringLiteral(", ")) },
            { QStringLiteral("versions"), versionList },
        });
    }
    return out;
}

// --- the draft -----------------------------------------------------------------------------------

void ConsentFormEditor::loadDraft(const QString &formId, int baseNumber, const ConsentFormContent &content)
{
    m_formId = formId;
    m_baseNumber = baseNumber;
    m_base = content;
    m_draft = content;
    // The project's working languages, and any other the form already has text in.
    m_languages = editingLanguages(m_session.project().settings.languages, [&content](const QString &language) {
        return hasText(content.title, language) || hasText(content.information, language)
            || std::any_of(content.items.begin(), content.items.end(),
                           [&](const ConsentItem &item) { return hasText(item.text, language); });
    });
    if (formId.isEmpty() && content.items.isEmpty()) {
        // A new form starts with the item nearly every study asks first.
        ConsentItem first;
        first.activity = Activity::Observation;
        first.id = activityKey(first.activity);
        first.required = true;
        m_draft.items.append(first);
        m_base = m_draft;
    }
    m_checking = false;
    m_errorText = {};
    m_infoText = {};
    emit draftLoaded();
    emit itemsChanged();
    emit draftChanged();
    emit problemsChanged();
    emit messageChanged();
}

void ConsentFormEditor::newForm()
{
    if (m_formId.isEmpty() && dirty())
        return;
    loadDraft({}, 0, {});
}

bool ConsentFormEditor::editForm(const QString &formId)
{
    store::LocalStore *store = m_session.store();
    if (!store)
        return false;
    auto latest = ConsentForms(store->records()).latest(m_session.projectId(), formId);
    if (!latest.ok()) {
        const ErrorCode code = latest.code();
        m_listErrorText = [code] { return ErrorText::forCode(code); };
        emit formsChanged();
        return false;
    }
    // An unpublished draft of this form, started from its latest version, is continued.
    if (m_formId == formId && m_baseNumber == latest->number && dirty())
        return true;
    loadDraft(formId, latest->number, latest->content);
    return true;
}

void ConsentFormEditor::discardChanges()
{
    loadDraft(m_formId, m_baseNumber, m_base);
}

QVariantMap ConsentFormEditor::title() const
{
    return textsToVariant(m_draft.title);
}

QVariantMap ConsentFormEditor::information() const
{
    return textsToVariant(m_draft.information);
}

QVariantList ConsentFormEditor::items() const
{
    QVariantList out;
    for (const ConsentItem &item : m_draft.items) {
        out.append(QVariantMap {
            { QStringLiteral("itemId"), item.id },
            { QStringLiteral("activity"), activityKey(item.activity) },
            { QStringLiteral("required"), item.required },
            { QStringLiteral("text"), textsToVariant(item.text) },
        });
    }
    return out;
}

QVariantList ConsentFormEditor::activityChoices() const
{
    QVariantList out;
    for (Activity a : kAllActivities)
        out.append(QVariantMap { { QStringLiteral("key"), activityKey(a) },
            { QStringLiteral("label"), ConsentText::activity(a) } });
    return out;
}

ConsentFormContent ConsentFormEditor::trimmedDraft() const
{
    ConsentFormContent c;
    c.title = trimmedTexts(m_draft.title);
    c.information = trimmedTexts(m_draft.information);
    for (ConsentItem item : m_draft.items) {
        item.id = item.id.trimmed();
        item.text = trimmedTexts(item.text);
        c.items.append(item);
    }
    return c;
}

bool ConsentFormEditor::dirty() const
{
    return !(trimmedDraft() == m_base);
}

void ConsentFormEditor::changed(bool itemsToo)
{
    // A confirmation of the last publish no longer describes the draft.
    if (m_infoText)
        m_infoText = {};
    emit messageChanged();
    if (itemsToo)
        emit itemsChanged();
    emit draftChanged();
    if (m_checking)
        emit problemsChanged();
}

void ConsentFormEditor::setTitle(const QString &language, const QString &text)
{
    if (m_draft.title.value(language) == text)
        return;
    m_draft.title.insert(language, text);
    changed();
}

void ConsentFormEditor::setInformation(const QString &language, const QString &text)
{
    if (m_draft.information.value(language) == text)
        return;
    m_draft.information.insert(language, text);
    changed();
}

QString ConsentFormEditor::newItemId(Activity activity) const
{
    QSet<QString> taken;
    for (const ConsentItem &item : m_draft.items)
        taken.insert(item.id);
    const QString base = activityKey(activity);
    QString id = base;
    for (int n = 2; taken.contains(id); ++n)
        id = base + QLatin1Char('_') + QString::number(n);
    return id;
}

void ConsentFormEditor::addItem()
{
    // The first activity the form does not ask about yet, so a new item is usually right as it comes.
    QSet<Activity> asked;
    for (const ConsentItem &item : m_draft.items)
        asked.insert(item.activity);
    ConsentItem item;
    item.activity = Activity::DataSharing;
    for (Activity a : kAllActivities) {
        if (!asked.contains(a)) {
            item.activity = a;
            break;
        }
    }
    item.id = newItemId(item.activity);
    m_draft.items.append(item);
    changed(true);
}

void ConsentFormEditor::removeItem(int index)
{
    if (index < 0 || index >= m_draft.items.size())
        return;
    m_draft.items.removeAt(index);
    changed(true);
}

void ConsentFormEditor::moveItem(int index, int delta)
{
    const int to = index + delta;
    if (index < 0 || index >= m_draft.items.size() || to < 0 || to >= m_draft.items.size() || delta == 0)
        return;
    m_draft.items.move(index, to);
    changed(true);
}

void ConsentFormEditor::setItemId(int index, const QString &id)
{
    if (index < 0 || index >= m_draft.items.size() || m_draft.items.at(index).id == id)
        return;
    // The field keeps its own text; re-reading items() here would move its cursor.
    m_draft.items[index].id = id;
    changed();
}

void ConsentFormEditor::setItemActivity(int index, const QString &key)
{
    const auto activity = activityFromKey(key);
    if (!activity || index < 0 || index >= m_draft.items.size() || m_draft.items.at(index).activity == *activity)
        return;
    m_draft.items[index].activity = *activity;
    changed();
}

void ConsentFormEditor::setItemRequired(int index, bool required)
{
    if (index < 0 || index >= m_draft.items.size() || m_draft.items.at(index).required == required)
        return;
    m_draft.items[index].required = required;
    changed();
}

void ConsentFormEditor::setItemText(int index, const QString &language, const QString &text)
{
    if (index < 0 || index >= m_draft.items.size() || m_draft.items.at(index).text.value(language) == text)
        return;
    m_draft.items[index].text.insert(language, text);
    changed();
}

// --- problems and publishing ---------------------------------------------------------------------

QList<ConsentFormEditor::Problem> ConsentFormEditor::check() const
{
    QList<Problem> out;
    const ConsentFormContent c = trimmedDraft();
    for (const QString &language : m_languages) {
        if (!hasText(c.title, language))
            out.append({ QStringLiteral("title.") + language, ProblemKind::TitleMissing, language, {} });
        if (!hasText(c.information, language))
            out.append(
                { QStringLiteral("information.") + language, ProblemKind::InformationMissing, language, {} });
    }
    if (c.items.isEmpty())
        out.append({ QStringLiteral("items"), ProblemKind::NoItems, {}, {} });
    static const QRegularExpression validId(QStringLiteral("^[a-z0-9_]{1,40}$"));
    QSet<QString> seen;
    for (int i = 0; i < c.items.size(); ++i) {
        const ConsentItem &item = c.items.at(i);
        const QString prefix = QStringLiteral("item.%1.").arg(i);
        if (!validId.match(item.id).hasMatch())
            out.append({ prefix + QStringLiteral("id"), ProblemKind::IdInvalid, {}, item.id });
        else if (seen.contains(item.id))
            out.append({ prefix + QStringLiteral("id"), ProblemKind::IdDuplicate, {}, item.id });
        seen.insert(item.id);
        for (const QString &language : m_languages) {
            if (!hasText(item.text, language))
                out.append({ prefix + QStringLiteral("text.") + language, ProblemKind::ItemTextMissing, language, {} });
        }
    }
    return out;
}

namespace {

// A language as a sentence says it ("in Swedish", "på svenska").
QString inLanguage(const QString &code)
{
    if (code == QLatin1String("sv"))
        return ConsentFormEditor::tr("in Swedish");
    if (code == QLatin1String("en"))
        return ConsentFormEditor::tr("in English");
    return ConsentFormEditor::tr("in “%1”").arg(code);
}

} // namespace

QString ConsentFormEditor::problemText(const Problem &p)
{
    switch (p.kind) {
    case ProblemKind::TitleMissing:
        return tr("Write the title %1.").arg(inLanguage(p.language));
    case ProblemKind::InformationMissing:
        return tr("Write the information text %1.").arg(inLanguage(p.language));
    case ProblemKind::NoItems:
        return tr("A consent form needs at least one item. Add one below.");
    case ProblemKind::IdInvalid:
        return tr("Use 1 to 40 of a–z, 0–9 and _ for the item's id, for example audio.");
    case ProblemKind::IdDuplicate:
        return tr("An item above already has the id “%1”. Each item needs its own id.").arg(p.id);
    case ProblemKind::ItemTextMissing:
        return tr("Write what the participant agrees to %1.").arg(inLanguage(p.language));
    }
    return {};
}

QVariantMap ConsentFormEditor::problems() const
{
    QVariantMap out;
    if (!m_checking)
        return out;
    for (const Problem &p : check())
        out.insert(p.field, problemText(p));
    return out;
}

QString ConsentFormEditor::errorString() const
{
    if (m_errorText)
        return m_errorText();
    if (m_checking) {
        const int count = int(check().size());
        if (count > 0)
            return tr("Not published: %n problem(s) to fix, marked beside the fields. Nothing you wrote is lost.",
                "", count);
    }
    return {};
}

void ConsentFormEditor::setMessages(std::function<QString()> error, std::function<QString()> info)
{
    m_errorText = std::move(error);
    m_infoText = std::move(info);
    emit messageChanged();
}

bool ConsentFormEditor::publish()
{
    store::LocalStore *store = m_session.store();
    if (!store)
        return false;
    m_checking = true;
    emit problemsChanged();
    if (!check().isEmpty()) {
        setMessages({}, {});
        return false;
    }
    const ConsentFormContent content = trimmedDraft();
    auto result = ConsentForms(store->records()).publish(m_session.projectId(), m_formId, content);
    if (!result.ok()) {
        if (result.code() == ErrorCode::AlreadyExists) {
            const int number = m_baseNumber;
            setMessages({}, [number] {
                return tr("Nothing has changed since version %1, so no new version was made.").arg(number);
            });
            return false;
        }
        const ErrorCode code = result.code();
        const QString detail = result.error().detail;
        setMessages(
            [code, detail] {
                return code == ErrorCode::InvalidArgument ? tr("Not published: %1").arg(issueText(detail))
                                                          : ErrorText::forCode(code);
            },
            {});
        return false;
    }
    const ConsentFormVersion version = result.value();
    loadDraft(version.formId, version.number, version.content);
    const int number = version.number;
    const QString hash = version.hash.left(kShortHash);
    setMessages({}, [number, hash] {
        return tr("Published as version %1 (content hash %2). Consents already given keep the text they were "
                  "given with.")
            .arg(number)
            .arg(hash);
    });
    refresh();
    emit published(version.id);
    return true;
}

QString ConsentFormEditor::issueText(const QString &detail)
{
    const auto match = [&detail](const char *pattern) {
        return QRegularExpression(QString::fromLatin1(pattern)).match(detail);
    };
    if (detail == QLatin1String("a consent form needs at least one item"))
        return tr("The form has no consent items. A form needs at least one.");
    if (auto m = match("^item id '(.*)' must be"); m.hasMatch())
        return tr("The item id “%1” cannot be used: use 1 to 40 of a–z, 0–9 and _.").arg(m.captured(1));
    if (auto m = match("^item id '(.*)' appears twice"); m.hasMatch())
        return tr("Two items have the id “%1”. Each item needs its own id.").arg(m.captured(1));
    if (auto m = match("^language '(.*)' is not sv or en"); m.hasMatch())
        return tr("The language “%1” is not one Samla has: use sv or en.").arg(m.captured(1));
    if (detail.startsWith(QLatin1String("no language has")))
        return tr("No language has a title, an information text and a text for every item.");
    if (auto m = match("^language '(.*)' is incomplete"); m.hasMatch())
        return tr("The text %1 is incomplete: the title, the information and every item need it.")
            .arg(inLanguage(m.captured(1)));
    if (auto m = match("^item '(.*)' has text in '(.*)', which"); m.hasMatch())
        return tr("Item “%1” has text %2, but the rest of the form does not.")
            .arg(m.captured(1), inLanguage(m.captured(2)));
    if (detail.startsWith(QLatin1String("title and information")))
        return tr("“title” and “information” must each give a text per language, e.g. {\"sv\": …, \"en\": …}.");
    if (detail.startsWith(QLatin1String("items must")))
        return tr("“items” must be a list of consent items.");
    if (auto m = match("^item '(.*)': unknown activity '(.*)'"); m.hasMatch()) {
        QStringList keys;
        for (Activity a : kAllActivities)
            keys << activityKey(a);
        return tr("Item “%1” names the activity “%2”, which Samla does not know. Use one of: %3.")
            .arg(m.captured(1), m.captured(2), keys.join(QStringLiteral(", ")));
    }
    if (auto m = match("^item '(.*)': required must be"); m.hasMatch())
        return tr("Item “%1”: “required” must be true or false.").arg(m.captured(1));
    if (auto m = match("^item '(.*)': text must"); m.hasMatch())
        return tr("Item “%1”: “text” must give a text per language.").arg(m.captured(1));
    return tr("The content is not a consent form Samla can use.");
}

// --- import and export ---------------------------------------------------------------------------

void ConsentFormEditor::setImportMessages(std::function<QString()> error, std::function<QString()> info)
{
    m_importErrorText = std::move(error);
    m_importInfoText = std::move(info);
    emit importMessageChanged();
}

bool ConsentFormEditor::importFile(const QString &pathOrUrl)
{
    store::LocalStore *store = m_session.store();
    if (!store)
        return false;
    const QUrl url(pathOrUrl.trimmed());
    const QString path = url.isLocalFile() ? url.toLocalFile() : pathOrUrl.trimmed();
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (path.isEmpty() || !QFileInfo(path).isFile()) {
        setImportMessages([path] { return tr("There is no file at %1. Check the path and try again.").arg(path); }, {});
        return false;
    }
    if (file.size() > kMaxImportBytes) {
        setImportMessages([name] { return tr("%1 is too large to be a consent form (over 1 MB).").arg(name); }, {});
        return false;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        setImportMessages(
            [name] { return tr("%1 could not be read. Check that Samla may open it and try again.").arg(name); }, {});
        return false;
    }
    const QByteArray json = file.read(kMaxImportBytes);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const int line = int(json.left(parseError.offset).count('\n')) + 1;
        setImportMessages(
            [name, line] {
                return tr("%1 is not valid JSON: there is a mistake on line %2. Nothing was imported.").arg(name).arg(line);
            },
            {});
        return false;
    }
    if (!doc.isObject()) {
        setImportMessages(
            [name] {
                return tr("%1 is not a consent form: it should be one JSON object with title, information and items.")
                    .arg(name);
            },
            {});
        return false;
    }
    auto content = ConsentForms::parseJson(json);
    if (!content.ok()) {
        const QString detail = content.error().detail;
        setImportMessages([name, detail] { return tr("%1 was not imported: %2").arg(name, issueText(detail)); }, {});
        return false;
    }
    // The same text twice would be two forms nobody can tell apart.
    const QString hash = ConsentForms::contentHash(content.value());
    for (const QList<ConsentFormVersion> &versions : m_forms) {
        if (!versions.isEmpty() && versions.constFirst().hash == hash) {
            const QString title = titleIn(versions.constFirst().content, m_settings.language());
            const int number = versions.constFirst().number;
            setImportMessages(
                [title, number] {
                    return tr("This form is already here: “%1”, version %2. Nothing was imported.").arg(title).arg(number);
                },
                {});
            return false;
        }
    }
    auto result = ConsentForms(store->records()).publish(m_session.projectId(), QString(), content.value());
    if (!result.ok()) {
        const ErrorCode code = result.code();
        setImportMessages([code] { return ErrorText::forCode(code); }, {});
        return false;
    }
    const ConsentFormVersion version = result.value();
    const QString hash12 = version.hash.left(kShortHash);
    const ConsentFormContent imported = version.content;
    setImportMessages({}, [this, imported, hash12] {
        return tr("Imported “%1” as a new consent form, version 1 (content hash %2).")
            .arg(titleIn(imported, m_settings.language()), hash12);
    });
    refresh();
    emit published(version.id);
    return true;
}

void ConsentFormEditor::setExportDirectory(const QString &dir)
{
    if (dir == m_exportDirectory)
        return;
    m_exportDirectory = dir;
    emit exportDirectoryChanged();
}

void ConsentFormEditor::setExportMessage(const QString &versionId, bool failed, std::function<QString()> text)
{
    m_exportVersionId = versionId;
    m_exportFailed = failed;
    m_exportText = std::move(text);
    emit exportMessageChanged();
}

bool ConsentFormEditor::exportVersion(const QString &versionId)
{
    store::LocalStore *store = m_session.store();
    if (!store)
        return false;
    m_lastExportPath.clear();
    auto version = ConsentForms(store->records()).version(versionId);
    if (!version.ok()) {
        const ErrorCode code = version.code();
        setExportMessage(versionId, true, [code] { return ErrorText::forCode(code); });
        return false;
    }
    // A file name from the English (or first) title: letters and digits only, never anyone's data.
    QString slug = titleIn(version->content, QStringLiteral("en")).normalized(QString::NormalizationForm_KD).toLower();
    slug.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    slug = slug.left(60).remove(QRegularExpression(QStringLiteral("^-+|-+$")));
    if (slug.isEmpty())
        slug = QStringLiteral("consent-form");
    const QString dir = m_exportDirectory;
    const QString path = QDir(dir).filePath(QStringLiteral("%1-v%2.json").arg(slug).arg(version->number));
    QFile file(path);
    if (!QDir().mkpath(dir) || !file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(ConsentForms::toJson(version->content)) < 0 || !file.flush()) {
        qCWarning(lcUi) << "consent form export could not be written" << file.errorString();
        setExportMessage(versionId, true, [dir] {
            return tr("The form could not be saved in %1. Check that the folder exists and can be written to.")
                .arg(dir);
        });
        return false;
    }
    file.close();
    m_lastExportPath = path;
    const int number = version->number;
    setExportMessage(versionId, false, [number, path] {
        return tr("Version %1 saved as %2. Another project can import it.").arg(number).arg(path);
    });
    return true;
}

// --- one version, read-only ----------------------------------------------------------------------

bool ConsentFormEditor::showVersion(const QString &versionId)
{
    store::LocalStore *store = m_session.store();
    if (!store)
        return false;
    m_shownErrorText = {};
    refresh(); // the consents given with it may have changed since the list was read
    auto version = ConsentForms(store->records()).version(versionId);
    if (!version.ok() || version->projectId != m_session.projectId()) {
        const ErrorCode code = version.ok() ? ErrorCode::NotFound : version.code();
        m_shown.reset();
        m_shownErrorText = [code] {
            return code == ErrorCode::Tampered
                ? tr("This version's text no longer matches its content hash: it was changed outside Samla, "
                     "so it is not shown.")
                : ErrorText::forCode(code);
        };
        emit shownChanged();
        return false;
    }
    m_shown = version.value();
    const QStringList langs = m_shown->content.languages();
    if (!langs.contains(m_shownLanguage))
        m_shownLanguage = langs.contains(m_settings.language()) ? m_settings.language() : langs.value(0);
    emit shownChanged();
    return true;
}

void ConsentFormEditor::setShownLanguage(const QString &language)
{
    if (language == m_shownLanguage)
        return;
    m_shownLanguage = language;
    emit shownChanged();
}

QVariantMap ConsentFormEditor::shown() const
{
    if (!m_shown)
        return {};
    const ConsentFormVersion &v = *m_shown;
    int latestNumber = v.number;
    for (const QList<ConsentFormVersion> &versions : m_forms) {
        if (!versions.isEmpty() && versions.constFirst().formId == v.formId)
            latestNumber = versions.constFirst().number;
    }
    const QString lang = m_shownLanguage;
    QVariantList items;
    for (const ConsentItem &item : v.content.items) {
        items.append(QVariantMap {
            { QStringLiteral("itemId"), item.id },
            { QStringLiteral("text"), item.text.value(lang) },
            { QStringLiteral("required"), item.required },
            { QStringLiteral("activity"), ConsentText::activity(item.activity) },
        });
    }
    QVariantList languageChoices;
    for (const QString &code : v.content.languages())
        languageChoices.append(QVariantMap { { QStringLiteral("key"), code },
            { QStringLiteral("label"), ConsentText::language(code) } });
    const QStringList codes = m_consentCodes.value(v.id);
    return QVariantMap {
        { QStringLiteral("versionId"), v.id },
        { QStringLiteral("formId"), v.formId },
        { QStringLiteral("number"), v.number },
        { QStringLiteral("date"), formatDate(v.publishedMs) },
        { QStringLiteral("hash"), v.hash },
        { QStringLiteral("latestNumber"), latestNumber },
        { QStringLiteral("consents"), int(codes.size()) },
        { QStringLiteral("codes"), codes.join(QStringLiteral(", ")) },
        { QStringLiteral("languageChoices"), languageChoices },
        { QStringLiteral("language"), lang },
        { QStringLiteral("title"), v.content.title.value(lang) },
        { QStringLiteral("information"), v.content.information.value(lang) },
        { QStringLiteral("items"), items },
    };
}

} // namespace samla::ui
