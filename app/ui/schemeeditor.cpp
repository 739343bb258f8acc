#include "schemeeditor.h"

#include "app/store/localstore.h"
#include "appsettings.h"
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
#include <QStandardPaths>
#include <QUrl>

#include <cmath>

namespace samla::ui {

using namespace samla::observation;

namespace {

const QString kBuiltInPrefix = QStringLiteral("builtin:");
constexpr qint64 kMaxImportBytes = 1024 * 1024;

const QString kCategories = QStringLiteral("categories");
const QString kBehaviours = QStringLiteral("behaviours");
const QString kModifiers = QStringLiteral("modifiers");
const QString kRoles = QStringLiteral("roles");
const QString kGroups = QStringLiteral("groups");

QVariantMap labelToVariant(const Label &label)
{
    QVariantMap out;
    for (auto it = label.cbegin(); it != label.cend(); ++it)
        out.insert(it.key(), it.value());
    return out;
}

Label trimmedLabel(const Label &label)
{
    Label out;
    for (auto it = label.cbegin(); it != label.cend(); ++it) {
        if (!it.value().trimmed().isEmpty())
            out.insert(it.key(), it.value().trimmed());
    }
    return out;
}

bool usesLanguage(const CodingScheme &s, const QString &language)
{
    auto has = [&language](const Label &l) { return !l.value(language).trimmed().isEmpty(); };
    bool used = has(s.name) || has(s.description);
    for (const Category &c : s.categories)
        used = used || has(c.label);
    for (const Behaviour &b : s.behaviours)
        used = used || has(b.label);
    for (const Modifier &m : s.modifiers) {
        used = used || has(m.label);
        for (const ModifierOption &o : m.options)
            used = used || has(o.label);
    }
    for (const SubjectRole &r : s.roles)
        used = used || has(r.label);
    return used;
}

const char *subjectKey(SubjectRule r)
{
    switch (r) {
    case SubjectRule::None:
        return "none";
    case SubjectRule::Optional:
        return "optional";
    case SubjectRule::Required:
        return "required";
    }
    return "optional";
}

const char *modifierTypeKey(ModifierType t)
{
    switch (t) {
    case ModifierType::SingleChoice:
        return "single_choice";
    case ModifierType::MultipleChoice:
        return "multiple_choice";
    case ModifierType::Number:
        return "number";
    case ModifierType::FreeText:
        return "free_text";
    }
    return "single_choice";
}

QString boundText(const std::optional<double> &bound)
{
    return bound ? QString::number(*bound, 'g', 15) : QString();
}

// A number as typed, with a dot or the user's decimal comma.
std::optional<double> parseNumber(const QString &text, const QLocale &locale)
{
    bool ok = false;
    double n = text.trimmed().toDouble(&ok);
    // "2,5" is two and a half in Swedish, never twenty-five.
    QLocale strict = locale;
    strict.setNumberOptions(QLocale::RejectGroupSeparator);
    if (!ok)
        n = strict.toDouble(text.trimmed(), &ok);
    if (!ok || !std::isfinite(n))
        return std::nullopt;
    return n;
}

template <typename T> QStringList codesOf(const QList<T> &items)
{
    QStringList out;
    for (const T &item : items)
        out << item.code;
    return out;
}

} // namespace

SchemeEditor::SchemeEditor(Session &session, AppSettings &settings, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_settings(settings)
{
    m_exportDirectory = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                            .filePath(QStringLiteral("Samla exports"));
    // A scheme is a research instrument, not data about anyone: a draft stays
    // over a lock. It belongs to its project, so another project starts afresh.
    connect(&m_session, &Session::opened, this, [this] {
        if (m_projectId != m_session.projectId()) {
            m_projectId = m_session.projectId();
            newScheme();
        }
        refresh();
    });
    connect(&m_session, &Session::projectChanged, this, [this] {
        if (m_projectId != m_session.projectId()) {
            m_projectId = m_session.projectId();
            newScheme();
        }
        refresh();
    });
    connect(&m_session, &Session::aboutToClose, this, [this] {
        m_entries.clear();
        emit schemesChanged();
    });
    new LanguageWatcher(this, [this] {
        emit schemesChanged();
        emit choicesChanged();
        emit problemsChanged();
        emit messageChanged();
        emit importMessageChanged();
        emit exportMessageChanged();
    });
    if (m_session.state() == Session::Unlocked) {
        m_projectId = m_session.projectId();
        newScheme();
        refresh();
    } else {
        loadDraft({}, false, CodingScheme {});
    }
}

SchemeEditor *SchemeEditor::create(QQmlEngine *qml, QJSEngine *)
{
    return serviceFromEngine<SchemeEditor>(qml);
}

QString SchemeEditor::formatDate(std::int64_t ms) const
{
    return m_settings.locale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat);
}

QString SchemeEditor::schemeName(const CodingScheme &scheme) const
{
    const QString name = labelIn(scheme.name, m_settings.language()).trimmed();
    return name.isEmpty() ? scheme.id : name;
}

// --- the list ------------------------------------------------------------------------------------

void SchemeEditor::refresh()
{
    m_entries.clear();
    m_listErrorText = {};
    m_listInfoText = {};
    for (const CodingScheme &s : builtInSchemes())
        m_entries.append(Entry { kBuiltInPrefix + s.id, true, SavedScheme { {}, {}, s, 0 } });
    if (store::LocalStore *store = m_session.store()) {
        const SchemeLibrary library(store->records());
        auto own = library.list(m_session.projectId());
        if (!own.ok()) {
            const ErrorCode code = own.code();
            m_listErrorText = [code] { return ErrorText::forCode(code); };
        } else {
            for (const SavedScheme &s : own.value()) {
                auto used = library.sessionsUsing(s.projectId, s.scheme.id);
                m_entries.append(Entry { s.recordId, false, s, used.ok() ? used.value() : 1 });
            }
        }
    }
    emit schemesChanged();
}

const SchemeEditor::Entry *SchemeEditor::entry(const QString &key) const
{
    for (const Entry &e : m_entries) {
        if (e.key == key)
            return &e;
    }
    return nullptr;
}

QVariantList SchemeEditor::schemes() const
{
    QVariantList out;
    for (const Entry &e : m_entries) {
        const CodingScheme &s = e.saved.scheme;
        out.append(QVariantMap {
            { QStringLiteral("key"), e.key },
            { QStringLiteral("schemeId"), s.id },
            { QStringLiteral("name"), schemeName(s) },
            { QStringLiteral("description"), labelIn(s.description, m_settings.language()) },
            { QStringLiteral("version"), s.version },
            { QStringLiteral("builtIn"), e.builtIn },
            { QStringLiteral("behaviours"), int(s.behaviours.size()) },
            { QStringLiteral("date"), e.builtIn ? QString() : formatDate(e.saved.savedMs) },
            { QStringLiteral("archived"), e.saved.archived },
            { QStringLiteral("sessions"), e.sessions },
        });
    }
    return out;
}

// --- the draft -----------------------------------------------------------------------------------

void SchemeEditor::loadDraft(const QString &key, bool readOnly, const CodingScheme &scheme)
{
    m_key = key;
    m_readOnly = readOnly;
    m_base = scheme;
    m_draft = scheme;
    m_samplingText = QString::number(scheme.samplingIntervalS);
    loadRefs();
    m_boundTexts.clear();
    for (qsizetype m = 0; m < scheme.modifiers.size(); ++m) {
        m_boundTexts.insert(
            QStringLiteral("modifiers[%1].minimum").arg(m), boundText(scheme.modifiers[m].minimum));
        m_boundTexts.insert(
            QStringLiteral("modifiers[%1].maximum").arg(m), boundText(scheme.modifiers[m].maximum));
    }
    // The project's working languages, any other the scheme already uses, and
    // "" when a label is one text for every language (as a file may have it).
    m_languages = editingLanguages(m_session.project().settings.languages,
                                   [&scheme](const QString &language) { return usesLanguage(scheme, language); });
    if (usesLanguage(scheme, QString()))
        m_languages << QString();
    m_checking = false;
    m_saveProblem = {};
    m_errorText = {};
    m_infoText = {};
    emit draftLoaded();
    emit listsChanged();
    emit choicesChanged();
    emit draftChanged();
    emit problemsChanged();
    emit messageChanged();
}

QString SchemeEditor::uniqueCode(const QString &base, const QStringList &taken) const
{
    for (int n = 1;; ++n) {
        const QString code = QStringLiteral("%1-%2").arg(base).arg(n);
        if (!taken.contains(code))
            return code;
    }
}

SchemeEditor::Ref SchemeEditor::refTo(const QString &list, const QString &code) const
{
    QStringList codes;
    if (list == kCategories)
        codes = codesOf(m_draft.categories);
    else if (list == kModifiers)
        codes = codesOf(m_draft.modifiers);
    else if (list == kBehaviours)
        codes = codesOf(m_draft.behaviours);
    const int index = int(codes.indexOf(code));
    return index >= 0 ? Ref { index, {} } : Ref { -1, code };
}

QString SchemeEditor::codeOf(const QString &list, const Ref &ref) const
{
    if (ref.index < 0)
        return ref.code;
    if (list == kCategories)
        return ref.index < m_draft.categories.size() ? m_draft.categories[ref.index].code : QString();
    if (list == kModifiers)
        return ref.index < m_draft.modifiers.size() ? m_draft.modifiers[ref.index].code : QString();
    return ref.index < m_draft.behaviours.size() ? m_draft.behaviours[ref.index].code : QString();
}

void SchemeEditor::loadRefs()
{
    m_categoryRefs.clear();
    m_modifierRefs.clear();
    m_memberRefs.clear();
    for (const Behaviour &b : m_draft.behaviours) {
        m_categoryRefs.append(b.category.isEmpty() ? Ref {} : refTo(kCategories, b.category));
        QList<Ref> mods;
        for (const QString &m : b.modifiers)
            mods.append(refTo(kModifiers, m));
        m_modifierRefs.append(mods);
    }
    for (const ExclusiveGroup &g : m_draft.exclusiveGroups) {
        QList<Ref> members;
        for (const QString &b : g.behaviours)
            members.append(refTo(kBehaviours, b));
        m_memberRefs.append(members);
    }
}

void SchemeEditor::writeRefs()
{
    for (qsizetype b = 0; b < m_draft.behaviours.size(); ++b) {
        m_draft.behaviours[b].category = codeOf(kCategories, m_categoryRefs.value(b));
        QStringList mods;
        for (const Ref &r : m_modifierRefs.value(b))
            mods << codeOf(kModifiers, r);
        m_draft.behaviours[b].modifiers = mods;
    }
    for (qsizetype g = 0; g < m_draft.exclusiveGroups.size(); ++g) {
        QStringList members;
        for (const Ref &r : m_memberRefs.value(g))
            members << codeOf(kBehaviours, r);
        m_draft.exclusiveGroups[g].behaviours = members;
    }
}

// The references to item `index` of `list`, which is being removed, go; later items move up one.
void SchemeEditor::dropRefsTo(const QString &list, int index)
{
    const auto drop = [index](QList<Ref> &refs) {
        refs.removeIf([index](const Ref &r) { return r.index == index; });
        for (Ref &r : refs) {
            if (r.index > index)
                --r.index;
        }
    };
    if (list == kCategories) {
        for (Ref &r : m_categoryRefs) {
            if (r.index == index)
                r = Ref {};
            else if (r.index > index)
                --r.index;
        }
    } else if (list == kModifiers) {
        for (QList<Ref> &refs : m_modifierRefs)
            drop(refs);
    } else if (list == kBehaviours) {
        for (QList<Ref> &refs : m_memberRefs)
            drop(refs);
    }
}

void SchemeEditor::renumberRefs(const QString &list, const QList<int> &newIndexOf)
{
    const auto renumber = [&newIndexOf](Ref &r) {
        if (r.index >= 0 && r.index < newIndexOf.size())
            r.index = newIndexOf[r.index];
    };
    if (list == kCategories) {
        for (Ref &r : m_categoryRefs)
            renumber(r);
    } else if (list == kBehaviours) {
        for (QList<Ref> &refs : m_memberRefs) {
            for (Ref &r : refs)
                renumber(r);
        }
    }
}

void SchemeEditor::newScheme()
{
    CodingScheme s;
    QStringList taken;
    for (const Entry &e : m_entries)
        taken << e.saved.scheme.id;
    s.id = uniqueCode(QStringLiteral("scheme"), taken);
    loadDraft({}, false, s);
}

bool SchemeEditor::openScheme(const QString &key)
{
    const Entry *e = entry(key);
    if (!e)
        return false;
    loadDraft(e->key, e->builtIn, e->saved.scheme);
    return true;
}

bool SchemeEditor::duplicateScheme(const QString &key)
{
    const Entry *e = entry(key);
    if (!e)
        return false;
    CodingScheme copy = e->saved.scheme;
    QStringList taken;
    for (const Entry &other : m_entries)
        taken << other.saved.scheme.id;
    copy.id = uniqueCode(copy.id.left(56) + QStringLiteral("-copy"), taken);
    copy.version = 1;
    // The copy's name says it is one, in each language the name has.
    for (auto it = copy.name.begin(); it != copy.name.end(); ++it) {
        if (!it.value().isEmpty())
            it.value()
                += it.key() == QLatin1String("sv") ? QStringLiteral(" (kopia)") : QStringLiteral(" (copy)");
    }
    loadDraft({}, false, copy);
    return true;
}

void SchemeEditor::discardChanges()
{
    loadDraft(m_key, m_readOnly, m_base);
}

QVariantMap SchemeEditor::name() const
{
    return labelToVariant(m_draft.name);
}

QVariantMap SchemeEditor::description() const
{
    return labelToVariant(m_draft.description);
}

QVariantList SchemeEditor::categories() const
{
    QVariantList out;
    for (const Category &c : m_draft.categories)
        out.append(QVariantMap { { QStringLiteral("code"), c.code },
            { QStringLiteral("label"), labelToVariant(c.label) }, { QStringLiteral("ordered"), c.ordered } });
    return out;
}

QVariantList SchemeEditor::behaviours() const
{
    QVariantList out;
    for (const Behaviour &b : m_draft.behaviours)
        out.append(QVariantMap { { QStringLiteral("code"), b.code },
            { QStringLiteral("label"), labelToVariant(b.label) },
            { QStringLiteral("state"), b.type == EventType::State },
            { QStringLiteral("subject"), QString::fromLatin1(subjectKey(b.subject)) },
            { QStringLiteral("color"), b.color } });
    return out;
}

QVariantList SchemeEditor::modifiers() const
{
    QVariantList out;
    for (qsizetype m = 0; m < m_draft.modifiers.size(); ++m) {
        const Modifier &mod = m_draft.modifiers[m];
        QVariantList options;
        for (const ModifierOption &o : mod.options)
            options.append(QVariantMap {
                { QStringLiteral("code"), o.code }, { QStringLiteral("label"), labelToVariant(o.label) } });
        out.append(QVariantMap {
            { QStringLiteral("code"), mod.code },
            { QStringLiteral("label"), labelToVariant(mod.label) },
            { QStringLiteral("type"), QString::fromLatin1(modifierTypeKey(mod.type)) },
            { QStringLiteral("required"), mod.required },
            { QStringLiteral("minimum"), m_boundTexts.value(QStringLiteral("modifiers[%1].minimum").arg(m)) },
            { QStringLiteral("maximum"), m_boundTexts.value(QStringLiteral("modifiers[%1].maximum").arg(m)) },
            { QStringLiteral("options"), options },
        });
    }
    return out;
}

QVariantList SchemeEditor::roles() const
{
    QVariantList out;
    for (const SubjectRole &r : m_draft.roles)
        out.append(QVariantMap {
            { QStringLiteral("code"), r.code }, { QStringLiteral("label"), labelToVariant(r.label) } });
    return out;
}

QVariantList SchemeEditor::groups() const
{
    QVariantList out;
    for (const ExclusiveGroup &g : m_draft.exclusiveGroups)
        out.append(QVariantMap { { QStringLiteral("code"), g.code } });
    return out;
}

QVariantList SchemeEditor::behaviourLinks() const
{
    QVariantList out;
    for (const Behaviour &b : m_draft.behaviours)
        out.append(QVariantMap {
            { QStringLiteral("category"), b.category }, { QStringLiteral("modifiers"), b.modifiers } });
    return out;
}

QVariantList SchemeEditor::groupMembers() const
{
    QVariantList out;
    for (const ExclusiveGroup &g : m_draft.exclusiveGroups)
        out.append(QVariant(g.behaviours));
    return out;
}

QVariantList SchemeEditor::categoryChoices() const
{
    QVariantList out { QVariantMap {
        { QStringLiteral("key"), QString() }, { QStringLiteral("label"), tr("No category") } } };
    for (const Category &c : m_draft.categories) {
        const QString text = labelIn(c.label, m_settings.language()).trimmed();
        out.append(QVariantMap {
            { QStringLiteral("key"), c.code }, { QStringLiteral("label"), text.isEmpty() ? c.code : text } });
    }
    return out;
}

QVariantList SchemeEditor::modifierChoices() const
{
    QVariantList out;
    for (const Modifier &m : m_draft.modifiers) {
        const QString text = labelIn(m.label, m_settings.language()).trimmed();
        out.append(QVariantMap {
            { QStringLiteral("key"), m.code }, { QStringLiteral("label"), text.isEmpty() ? m.code : text } });
    }
    return out;
}

QVariantList SchemeEditor::stateBehaviourChoices() const
{
    QVariantList out;
    for (const Behaviour &b : m_draft.behaviours) {
        if (b.type != EventType::State)
            continue;
        const QString text = labelIn(b.label, m_settings.language()).trimmed();
        out.append(QVariantMap {
            { QStringLiteral("key"), b.code }, { QStringLiteral("label"), text.isEmpty() ? b.code : text } });
    }
    return out;
}

QVariantList SchemeEditor::subjectChoices() const
{
    return {
        QVariantMap { { QStringLiteral("key"), QStringLiteral("optional") },
            { QStringLiteral("label"), tr("Subject optional") } },
        QVariantMap { { QStringLiteral("key"), QStringLiteral("required") },
            { QStringLiteral("label"), tr("Subject required") } },
        QVariantMap { { QStringLiteral("key"), QStringLiteral("none") },
            { QStringLiteral("label"), tr("No subject") } },
    };
}

QVariantList SchemeEditor::modifierTypeChoices() const
{
    return {
        QVariantMap { { QStringLiteral("key"), QStringLiteral("single_choice") },
            { QStringLiteral("label"), tr("Single choice") } },
        QVariantMap { { QStringLiteral("key"), QStringLiteral("multiple_choice") },
            { QStringLiteral("label"), tr("Multiple choice") } },
        QVariantMap {
            { QStringLiteral("key"), QStringLiteral("number") }, { QStringLiteral("label"), tr("Number") } },
        QVariantMap { { QStringLiteral("key"), QStringLiteral("free_text") },
            { QStringLiteral("label"), tr("Free text") } },
    };
}

CodingScheme SchemeEditor::trimmedDraft() const
{
    CodingScheme s = m_draft;
    s.id = s.id.trimmed();
    s.name = trimmedLabel(s.name);
    s.description = trimmedLabel(s.description);
    for (Category &c : s.categories) {
        c.code = c.code.trimmed();
        c.label = trimmedLabel(c.label);
    }
    for (Behaviour &b : s.behaviours) {
        b.code = b.code.trimmed();
        b.label = trimmedLabel(b.label);
        b.color = b.color.trimmed();
    }
    for (Modifier &m : s.modifiers) {
        m.code = m.code.trimmed();
        m.label = trimmedLabel(m.label);
        for (ModifierOption &o : m.options) {
            o.code = o.code.trimmed();
            o.label = trimmedLabel(o.label);
        }
    }
    for (SubjectRole &r : s.roles) {
        r.code = r.code.trimmed();
        r.label = trimmedLabel(r.label);
    }
    for (ExclusiveGroup &g : s.exclusiveGroups)
        g.code = g.code.trimmed();
    return s;
}

bool SchemeEditor::dirty() const
{
    return !m_readOnly && !(trimmedDraft() == m_base);
}

void SchemeEditor::changed(bool lists, bool choices)
{
    if (m_infoText)
        m_infoText = {};
    m_saveProblem = {};
    emit messageChanged();
    if (lists)
        emit listsChanged();
    if (choices)
        emit choicesChanged();
    emit draftChanged();
    if (m_checking)
        emit problemsChanged();
}

void SchemeEditor::setSchemeId(const QString &code)
{
    if (!idEditable() || m_draft.id == code)
        return;
    m_draft.id = code;
    changed();
}

void SchemeEditor::setName(const QString &language, const QString &text)
{
    if (m_readOnly || m_draft.name.value(language) == text)
        return;
    m_draft.name.insert(language, text);
    changed();
}

void SchemeEditor::setDescription(const QString &language, const QString &text)
{
    if (m_readOnly || m_draft.description.value(language) == text)
        return;
    m_draft.description.insert(language, text);
    changed();
}

void SchemeEditor::setSamplingSeconds(const QString &text)
{
    if (m_readOnly || m_samplingText == text)
        return;
    m_samplingText = text;
    bool ok = false;
    const int seconds = text.trimmed().isEmpty() ? 0 : text.trimmed().toInt(&ok);
    m_draft.samplingIntervalS = text.trimmed().isEmpty() || ok ? seconds : -1;
    changed();
}

void SchemeEditor::setParticipantSubjects(bool allowed)
{
    if (m_readOnly || m_draft.participantSubjects == allowed)
        return;
    m_draft.participantSubjects = allowed;
    changed(true);
}

// --- the lists -----------------------------------------------------------------------------------

void SchemeEditor::add(const QString &list)
{
    if (m_readOnly)
        return;
    if (list == kCategories) {
        m_draft.categories.append(
            Category { uniqueCode(QStringLiteral("category"), codesOf(m_draft.categories)), {}, false });
    } else if (list == kBehaviours) {
        Behaviour b;
        b.code = uniqueCode(QStringLiteral("behaviour"), codesOf(m_draft.behaviours));
        m_draft.behaviours.append(b);
        m_categoryRefs.append(Ref {});
        m_modifierRefs.append(QList<Ref>());
    } else if (list == kModifiers) {
        Modifier m;
        m.code = uniqueCode(QStringLiteral("modifier"), codesOf(m_draft.modifiers));
        const qsizetype index = m_draft.modifiers.size();
        m_boundTexts.insert(QStringLiteral("modifiers[%1].minimum").arg(index), QString());
        m_boundTexts.insert(QStringLiteral("modifiers[%1].maximum").arg(index), QString());
        m_draft.modifiers.append(m);
    } else if (list == kRoles) {
        m_draft.roles.append(SubjectRole { uniqueCode(QStringLiteral("role"), codesOf(m_draft.roles)), {} });
    } else if (list == kGroups) {
        m_draft.exclusiveGroups.append(
            ExclusiveGroup { uniqueCode(QStringLiteral("group"), codesOf(m_draft.exclusiveGroups)), {} });
        m_memberRefs.append(QList<Ref>());
    } else {
        return;
    }
    changed(true, true);
}

void SchemeEditor::remove(const QString &list, int index)
{
    if (m_readOnly || index < 0)
        return;
    // What referred to the removed item no longer does.
    if (list == kCategories && index < m_draft.categories.size()) {
        m_draft.categories.removeAt(index);
        dropRefsTo(list, index);
    } else if (list == kBehaviours && index < m_draft.behaviours.size()) {
        m_draft.behaviours.removeAt(index);
        m_categoryRefs.removeAt(index);
        m_modifierRefs.removeAt(index);
        dropRefsTo(list, index);
    } else if (list == kModifiers && index < m_draft.modifiers.size()) {
        m_draft.modifiers.removeAt(index);
        dropRefsTo(list, index);
        QMap<QString, QString> bounds;
        for (qsizetype m = 0; m < m_draft.modifiers.size(); ++m) {
            const qsizetype from = m < index ? m : m + 1;
            for (const char *which : { "minimum", "maximum" })
                bounds.insert(QStringLiteral("modifiers[%1].%2").arg(m).arg(QLatin1String(which)),
                    m_boundTexts.value(
                        QStringLiteral("modifiers[%1].%2").arg(from).arg(QLatin1String(which))));
        }
        m_boundTexts = bounds;
    } else if (list == kRoles && index < m_draft.roles.size()) {
        m_draft.roles.removeAt(index);
    } else if (list == kGroups && index < m_draft.exclusiveGroups.size()) {
        m_draft.exclusiveGroups.removeAt(index);
        m_memberRefs.removeAt(index);
    } else {
        return;
    }
    writeRefs();
    changed(true, true);
}

void SchemeEditor::move(const QString &list, int index, int delta)
{
    if (m_readOnly || delta == 0)
        return;
    // Only the order of behaviours and categories means something (an ordered
    // category's scale; the coding grid's order).
    const int to = index + delta;
    const qsizetype count = list == kBehaviours ? m_draft.behaviours.size()
        : list == kCategories                   ? m_draft.categories.size()
                                                : 0;
    if (index < 0 || index >= count || to < 0 || to >= count)
        return;
    QList<int> newIndexOf;
    for (int i = 0; i < count; ++i)
        newIndexOf << i;
    newIndexOf.move(index, to);
    // newIndexOf now lists old indices in their new order; invert it.
    QList<int> inverse(count);
    for (int i = 0; i < count; ++i)
        inverse[newIndexOf[i]] = i;
    if (list == kBehaviours) {
        m_draft.behaviours.move(index, to);
        m_categoryRefs.move(index, to);
        m_modifierRefs.move(index, to);
    } else {
        m_draft.categories.move(index, to);
    }
    renumberRefs(list, inverse);
    writeRefs();
    changed(true, true);
}

void SchemeEditor::setCode(const QString &list, int index, const QString &code)
{
    if (m_readOnly || index < 0)
        return;
    auto rename = [&](auto &items) {
        if (index >= items.size() || items[index].code == code)
            return false;
        items[index].code = code;
        return true;
    };
    bool done = false;
    if (list == kCategories)
        done = rename(m_draft.categories);
    else if (list == kBehaviours)
        done = rename(m_draft.behaviours);
    else if (list == kModifiers)
        done = rename(m_draft.modifiers);
    else if (list == kRoles)
        done = rename(m_draft.roles);
    else if (list == kGroups)
        done = rename(m_draft.exclusiveGroups);
    if (!done)
        return;
    // What refers to the item follows its new code. The field keeps its own
    // text; only the choices that show codes change.
    writeRefs();
    changed(false, true);
}

Label *SchemeEditor::label(const QString &list, int index)
{
    auto at = [index](auto &items) -> Label * {
        return index >= 0 && index < items.size() ? &items[index].label : nullptr;
    };
    if (list == kCategories)
        return at(m_draft.categories);
    if (list == kBehaviours)
        return at(m_draft.behaviours);
    if (list == kModifiers)
        return at(m_draft.modifiers);
    if (list == kRoles)
        return at(m_draft.roles);
    return nullptr;
}

void SchemeEditor::setLabel(const QString &list, int index, const QString &language, const QString &text)
{
    Label *l = m_readOnly ? nullptr : label(list, index);
    if (!l || l->value(language) == text)
        return;
    l->insert(language, text);
    changed(false, list != kRoles);
}

void SchemeEditor::setCategoryOrdered(int index, bool ordered)
{
    if (m_readOnly || index < 0 || index >= m_draft.categories.size()
        || m_draft.categories[index].ordered == ordered)
        return;
    m_draft.categories[index].ordered = ordered;
    changed();
}

void SchemeEditor::setBehaviourState(int index, bool state)
{
    const EventType type = state ? EventType::State : EventType::Point;
    if (m_readOnly || index < 0 || index >= m_draft.behaviours.size()
        || m_draft.behaviours[index].type == type)
        return;
    m_draft.behaviours[index].type = type;
    changed(false, true);
}

void SchemeEditor::setBehaviourCategory(int index, const QString &category)
{
    if (m_readOnly || index < 0 || index >= m_draft.behaviours.size()
        || m_draft.behaviours[index].category == category)
        return;
    m_categoryRefs[index] = category.isEmpty() ? Ref {} : refTo(kCategories, category);
    writeRefs();
    changed(false, true);
}

void SchemeEditor::setBehaviourSubject(int index, const QString &rule)
{
    if (m_readOnly || index < 0 || index >= m_draft.behaviours.size())
        return;
    SubjectRule r = SubjectRule::Optional;
    if (rule == QLatin1String("none"))
        r = SubjectRule::None;
    else if (rule == QLatin1String("required"))
        r = SubjectRule::Required;
    else if (rule != QLatin1String("optional"))
        return;
    if (m_draft.behaviours[index].subject == r)
        return;
    m_draft.behaviours[index].subject = r;
    changed();
}

void SchemeEditor::setBehaviourColor(int index, const QString &color)
{
    if (m_readOnly || index < 0 || index >= m_draft.behaviours.size()
        || m_draft.behaviours[index].color == color)
        return;
    m_draft.behaviours[index].color = color;
    changed();
}

void SchemeEditor::setBehaviourModifier(int index, const QString &modifier, bool on)
{
    if (m_readOnly || index < 0 || index >= m_draft.behaviours.size())
        return;
    if (m_draft.behaviours[index].modifiers.contains(modifier) == on)
        return;
    QList<Ref> &refs = m_modifierRefs[index];
    if (on)
        refs.append(refTo(kModifiers, modifier));
    else
        refs.removeIf([&](const Ref &r) { return codeOf(kModifiers, r) == modifier; });
    writeRefs();
    changed(false, true);
}

void SchemeEditor::setModifierType(int index, const QString &type)
{
    if (m_readOnly || index < 0 || index >= m_draft.modifiers.size())
        return;
    ModifierType t;
    if (type == QLatin1String("single_choice"))
        t = ModifierType::SingleChoice;
    else if (type == QLatin1String("multiple_choice"))
        t = ModifierType::MultipleChoice;
    else if (type == QLatin1String("number"))
        t = ModifierType::Number;
    else if (type == QLatin1String("free_text"))
        t = ModifierType::FreeText;
    else
        return;
    if (m_draft.modifiers[index].type == t)
        return;
    m_draft.modifiers[index].type = t;
    // The fields shown for a modifier depend on its type.
    changed(true);
}

void SchemeEditor::setModifierRequired(int index, bool required)
{
    if (m_readOnly || index < 0 || index >= m_draft.modifiers.size()
        || m_draft.modifiers[index].required == required)
        return;
    m_draft.modifiers[index].required = required;
    changed();
}

void SchemeEditor::setModifierBound(int index, const QString &which, const QString &text)
{
    if (m_readOnly || index < 0 || index >= m_draft.modifiers.size())
        return;
    const bool minimum = which == QLatin1String("minimum");
    if (!minimum && which != QLatin1String("maximum"))
        return;
    const QString path = QStringLiteral("modifiers[%1].%2").arg(index).arg(which);
    if (m_boundTexts.value(path) == text)
        return;
    m_boundTexts.insert(path, text);
    std::optional<double> &bound
        = minimum ? m_draft.modifiers[index].minimum : m_draft.modifiers[index].maximum;
    bound = text.trimmed().isEmpty() ? std::nullopt : parseNumber(text, m_settings.locale());
    changed();
}

void SchemeEditor::addOption(int modifier)
{
    if (m_readOnly || modifier < 0 || modifier >= m_draft.modifiers.size())
        return;
    QList<ModifierOption> &options = m_draft.modifiers[modifier].options;
    options.append(ModifierOption { uniqueCode(QStringLiteral("option"), codesOf(options)), {} });
    changed(true);
}

void SchemeEditor::removeOption(int modifier, int option)
{
    if (m_readOnly || modifier < 0 || modifier >= m_draft.modifiers.size() || option < 0
        || option >= m_draft.modifiers[modifier].options.size())
        return;
    m_draft.modifiers[modifier].options.removeAt(option);
    changed(true);
}

void SchemeEditor::setOptionCode(int modifier, int option, const QString &code)
{
    if (m_readOnly || modifier < 0 || modifier >= m_draft.modifiers.size() || option < 0
        || option >= m_draft.modifiers[modifier].options.size()
        || m_draft.modifiers[modifier].options[option].code == code)
        return;
    m_draft.modifiers[modifier].options[option].code = code;
    changed();
}

void SchemeEditor::setOptionLabel(int modifier, int option, const QString &language, const QString &text)
{
    if (m_readOnly || modifier < 0 || modifier >= m_draft.modifiers.size() || option < 0
        || option >= m_draft.modifiers[modifier].options.size())
        return;
    Label &l = m_draft.modifiers[modifier].options[option].label;
    if (l.value(language) == text)
        return;
    l.insert(language, text);
    changed();
}

void SchemeEditor::setGroupMember(int index, const QString &behaviour, bool on)
{
    if (m_readOnly || index < 0 || index >= m_draft.exclusiveGroups.size())
        return;
    if (m_draft.exclusiveGroups[index].behaviours.contains(behaviour) == on)
        return;
    QList<Ref> &refs = m_memberRefs[index];
    if (on)
        refs.append(refTo(kBehaviours, behaviour));
    else
        refs.removeIf([&](const Ref &r) { return codeOf(kBehaviours, r) == behaviour; });
    writeRefs();
    changed(false, true);
}

// --- problems and saving -------------------------------------------------------------------------

QVariantMap SchemeEditor::problems() const
{
    QVariantMap out;
    if (!m_checking)
        return out;
    auto add = [&out](const QString &path, const QString &text) {
        const QString before = out.value(path).toString();
        if (!before.contains(text))
            out.insert(path, before.isEmpty() ? text : before + QLatin1Char('\n') + text);
    };
    // A number the domain never sees, because it could not be read.
    bool wholeNumber = true;
    if (!m_samplingText.trimmed().isEmpty())
        wholeNumber
            = QRegularExpression(QStringLiteral("^-?[0-9]+$")).match(m_samplingText.trimmed()).hasMatch();
    if (!wholeNumber)
        add(QStringLiteral("sampling_interval_s"),
            tr("Write a whole number of seconds, or 0 for no prompts."));
    for (auto it = m_boundTexts.cbegin(); it != m_boundTexts.cend(); ++it) {
        if (!it.value().trimmed().isEmpty() && !parseNumber(it.value(), m_settings.locale()))
            add(it.key(), tr("Write a number, for example 0 or 2.5, or leave it empty."));
    }
    for (const SchemeIssue &issue : schemeIssues(trimmedDraft())) {
        if (!(issue.problem == SchemeProblem::BadInterval && !wholeNumber))
            add(issue.path, schemeIssueFieldText(issue));
    }
    if (m_saveProblem)
        add(QStringLiteral("id"), m_saveProblem());
    return out;
}

QString SchemeEditor::errorString() const
{
    if (m_errorText)
        return m_errorText();
    if (m_checking) {
        const int count = int(problems().size());
        if (count > 0)
            return tr(
                "Not saved: %n field(s) to fix, marked beside them. Nothing you wrote is lost.", "", count);
    }
    return {};
}

void SchemeEditor::setMessages(std::function<QString()> error, std::function<QString()> info)
{
    m_errorText = std::move(error);
    m_infoText = std::move(info);
    emit messageChanged();
}

bool SchemeEditor::save()
{
    store::LocalStore *store = m_session.store();
    if (!store || m_readOnly)
        return false;
    m_checking = true;
    m_saveProblem = {};
    if (!problems().isEmpty()) {
        setMessages({}, {});
        emit problemsChanged();
        return false;
    }
    const CodingScheme scheme = trimmedDraft();
    auto result = SchemeLibrary(store->records()).save(m_session.projectId(), scheme, m_key);
    if (!result.ok()) {
        const QString detail = result.error().detail;
        const ErrorCode code = result.code();
        if (code == ErrorCode::AlreadyExists) {
            const int version = m_base.version;
            setMessages({}, [version] {
                return tr("Nothing has changed since version %1, so no new version was made.").arg(version);
            });
            emit problemsChanged();
            return false;
        }
        if (detail == QLatin1String("builtin_id") || detail == QLatin1String("id_taken")
            || detail == QLatin1String("id_archived")) {
            const QString id = scheme.id;
            m_saveProblem = [id, detail] {
                if (detail == QLatin1String("builtin_id"))
                    return tr("“%1” is the code of a built-in scheme. Choose another code.").arg(id);
                if (detail == QLatin1String("id_archived"))
                    return tr("An archived scheme of this project has the code “%1”. Restore it from the "
                              "archive, or choose another code.")
                        .arg(id);
                return tr("Another scheme of this project has the code “%1”. Choose another code.").arg(id);
            };
            setMessages({}, {});
            emit problemsChanged();
            return false;
        }
        setMessages([code] { return ErrorText::forCode(code); }, {});
        emit problemsChanged();
        return false;
    }
    const SavedScheme stored = result.value();
    refresh();
    loadDraft(stored.recordId, false, stored.scheme);
    const int version = stored.scheme.version;
    setMessages({}, [version] {
        return tr("Saved as version %1. Sessions already coded keep the version they were coded with.")
            .arg(version);
    });
    emit saved(stored.recordId);
    return true;
}

// --- import and export ---------------------------------------------------------------------------

void SchemeEditor::setImportMessages(std::function<QString()> error, std::function<QString()> info)
{
    m_importErrorText = std::move(error);
    m_importInfoText = std::move(info);
    emit importMessageChanged();
}

bool SchemeEditor::importFile(const QString &pathOrUrl)
{
    store::LocalStore *store = m_session.store();
    if (!store)
        return false;
    const QUrl url(pathOrUrl.trimmed());
    const QString path = url.isLocalFile() ? url.toLocalFile() : pathOrUrl.trimmed();
    const QString fileName = QFileInfo(path).fileName();
    QFile file(path);
    if (path.isEmpty() || !QFileInfo(path).isFile()) {
        setImportMessages(
            [path] { return tr("There is no file at %1. Check the path and try again.").arg(path); }, {});
        return false;
    }
    if (file.size() > kMaxImportBytes) {
        setImportMessages(
            [fileName] { return tr("%1 is too large to be a coding scheme (over 1 MB).").arg(fileName); },
            {});
        return false;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        setImportMessages(
            [fileName] {
                return tr("%1 could not be read. Check that Samla may open it and try again.").arg(fileName);
            },
            {});
        return false;
    }
    const QByteArray json = file.read(kMaxImportBytes);
    // Where a hand-edited file went wrong, as a line a person can find.
    QJsonParseError parseError;
    QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const int line = int(json.left(parseError.offset).count('\n')) + 1;
        setImportMessages(
            [fileName, line] {
                return tr("%1 is not valid JSON: there is a mistake on line %2. Nothing was imported.")
                    .arg(fileName)
                    .arg(line);
            },
            {});
        return false;
    }
    SchemeIssue issue;
    SchemeImport what = SchemeImport::Added;
    auto result = SchemeLibrary(store->records()).import(m_session.projectId(), json, &issue, &what);
    if (!result.ok()) {
        const QString detail = result.error().detail;
        const ErrorCode code = result.code();
        setImportMessages(
            [fileName, issue, detail, code] {
                if (issue.problem != SchemeProblem::None)
                    return tr("%1 was not imported: %2").arg(fileName, schemeIssueText(issue));
                if (detail == QLatin1String("builtin_id"))
                    return tr(
                        "%1 was not imported: it uses the code of a built-in scheme with other content. "
                        "Give it a code of its own.")
                        .arg(fileName);
                return ErrorText::forCode(code);
            },
            {});
        return false;
    }
    const CodingScheme scheme = result->scheme;
    refresh();
    setImportMessages({}, [this, scheme, what] {
        const QString shown = schemeName(scheme);
        switch (what) {
        case SchemeImport::AlreadyThere:
            return tr("“%1” version %2 is already here. Nothing was imported.")
                .arg(shown)
                .arg(scheme.version);
        case SchemeImport::NewVersion:
            return tr("“%1” was already in the project: the file is saved as its version %2.")
                .arg(shown)
                .arg(scheme.version);
        case SchemeImport::Added:
            break;
        }
        return tr("Imported “%1”, version %2.").arg(shown).arg(scheme.version);
    });
    if (what != SchemeImport::AlreadyThere)
        emit saved(result->recordId);
    return true;
}

void SchemeEditor::setExportDirectory(const QString &dir)
{
    if (dir == m_exportDirectory)
        return;
    m_exportDirectory = dir;
    emit exportDirectoryChanged();
}

void SchemeEditor::setExportMessage(const QString &key, bool failed, std::function<QString()> text)
{
    m_exportKey = key;
    m_exportFailed = failed;
    m_exportText = std::move(text);
    emit exportMessageChanged();
}

bool SchemeEditor::exportScheme(const QString &key)
{
    m_lastExportPath.clear();
    const Entry *e = entry(key);
    if (!e) {
        setExportMessage(key, true, [] { return ErrorText::forCode(ErrorCode::NotFound); });
        return false;
    }
    const CodingScheme scheme = e->saved.scheme;
    const QString dir = m_exportDirectory;
    // The scheme's code is letters, digits, ".", "-" and "_" only: safe as a file name.
    const QString path = QDir(dir).filePath(QStringLiteral("%1-v%2.json").arg(scheme.id).arg(scheme.version));
    QFile file(path);
    if (!QDir().mkpath(dir) || !file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(schemeToJson(scheme)) < 0 || !file.flush()) {
        qCWarning(lcUi) << "coding scheme export could not be written" << file.errorString();
        setExportMessage(key, true, [dir] {
            return tr(
                "The scheme could not be saved in %1. Check that the folder exists and can be written to.")
                .arg(dir);
        });
        return false;
    }
    file.close();
    m_lastExportPath = path;
    const int version = scheme.version;
    setExportMessage(key, false, [version, path] {
        return tr("Version %1 saved as %2. Another project or device can import it.").arg(version).arg(path);
    });
    return true;
}

bool SchemeEditor::archiveScheme(const QString &key)
{
    return setArchived(key, true);
}

bool SchemeEditor::restoreScheme(const QString &key)
{
    return setArchived(key, false);
}

bool SchemeEditor::setArchived(const QString &key, bool archived)
{
    const Entry *e = entry(key);
    store::LocalStore *store = m_session.store();
    if (!e || e->builtIn || !store) {
        setExportMessage(key, true, [] { return ErrorText::forCode(ErrorCode::NotFound); });
        return false;
    }
    const QString name = schemeName(e->saved.scheme);
    const Status done = SchemeLibrary(store->records()).setArchived(e->key, archived);
    if (!done.ok() && done.code() != ErrorCode::AlreadyExists) {
        const ErrorCode code = done.code();
        setExportMessage(key, true, [code] { return ErrorText::forCode(code); });
        return false;
    }
    refresh();
    setExportMessage(key, false, [name, archived] {
        return archived ? tr("“%1” is archived. New sessions cannot use it; sessions coded with it keep it.")
                              .arg(name)
                        : tr("“%1” is back and can be chosen for new sessions.").arg(name);
    });
    return true;
}

bool SchemeEditor::removeScheme(const QString &key)
{
    const Entry *e = entry(key);
    store::LocalStore *store = m_session.store();
    if (!e || e->builtIn || !store) {
        setExportMessage(key, true, [] { return ErrorText::forCode(ErrorCode::NotFound); });
        return false;
    }
    const Status done = SchemeLibrary(store->records()).remove(e->key);
    if (!done.ok()) {
        const bool inUse = done.error().detail == QLatin1String("in_use");
        const ErrorCode code = done.code();
        setExportMessage(key, true, [inUse, code] {
            return inUse ? tr("Sessions were coded with this scheme, so it cannot be removed. Archive it instead.")
                         : ErrorText::forCode(code);
        });
        return false;
    }
    const QString name = schemeName(e->saved.scheme);
    refresh();
    setExportMessage(QString(), false, {});
    m_listInfoText = [name] { return tr("“%1” was removed.").arg(name); };
    emit schemesChanged();
    return true;
}

} // namespace samla::ui
