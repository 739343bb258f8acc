#include "scheme.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

namespace samla::observation {

namespace {

constexpr int kMaxFreeTextLength = 2000;
constexpr int kMaxIntervalS = 24 * 60 * 60;

bool validCode(const QString &code)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_.-]{1,64}$"));
    return re.match(code).hasMatch();
}

bool validColor(const QString &color)
{
    static const QRegularExpression re(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    return color.isEmpty() || re.match(color).hasMatch();
}

bool labelEmpty(const Label &label)
{
    for (const QString &text : label) {
        if (!text.trimmed().isEmpty())
            return false;
    }
    return true;
}

SchemeIssue issue(SchemeProblem p, const QString &path, const QString &value = {})
{
    return SchemeIssue{p, path, value};
}

QString at(const char *list, qsizetype i, const char *field = nullptr)
{
    QString path = QStringLiteral("%1[%2]").arg(QLatin1String(list)).arg(i);
    if (field)
        path += QLatin1Char('.') + QLatin1String(field);
    return path;
}

// Codes of one list: each well-formed and unique; each item labelled.
template <typename T>
void checkCodes(const QList<T> &items, const char *list, QList<SchemeIssue> &out)
{
    QSet<QString> seen;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString &code = items[i].code;
        if (!validCode(code))
            out.append(issue(SchemeProblem::BadCode, at(list, i, "code"), code.left(64)));
        else if (seen.contains(code))
            out.append(issue(SchemeProblem::DuplicateCode, at(list, i, "code"), code));
        seen.insert(code);
        if (labelEmpty(items[i].label))
            out.append(issue(SchemeProblem::EmptyLabel, at(list, i, "label"), code));
    }
}

} // namespace

QString labelIn(const Label &label, const QString &language)
{
    if (auto it = label.constFind(language); it != label.constEnd() && !it->isEmpty())
        return *it;
    if (auto it = label.constFind(QString()); it != label.constEnd() && !it->isEmpty())
        return *it;
    if (auto it = label.constFind(QStringLiteral("en")); it != label.constEnd() && !it->isEmpty())
        return *it;
    return label.isEmpty() ? QString() : label.first();
}

const Behaviour *CodingScheme::behaviour(const QString &code) const
{
    for (const Behaviour &b : behaviours) {
        if (b.code == code)
            return &b;
    }
    return nullptr;
}

const Modifier *CodingScheme::modifier(const QString &code) const
{
    for (const Modifier &m : modifiers) {
        if (m.code == code)
            return &m;
    }
    return nullptr;
}

const Category *CodingScheme::category(const QString &code) const
{
    for (const Category &c : categories) {
        if (c.code == code)
            return &c;
    }
    return nullptr;
}

bool CodingScheme::hasRole(const QString &code) const
{
    for (const SubjectRole &r : roles) {
        if (r.code == code)
            return true;
    }
    return false;
}

QStringList CodingScheme::behavioursIn(const QString &categoryCode) const
{
    QStringList out;
    for (const Behaviour &b : behaviours) {
        if (b.category == categoryCode)
            out << b.code;
    }
    return out;
}

QStringList CodingScheme::excludedBy(const QString &code) const
{
    QStringList out;
    for (const ExclusiveGroup &g : exclusiveGroups) {
        if (!g.behaviours.contains(code))
            continue;
        for (const QString &other : g.behaviours) {
            if (other != code && !out.contains(other))
                out << other;
        }
    }
    return out;
}

QString schemeProblemKey(SchemeProblem p)
{
    switch (p) {
    case SchemeProblem::None: return {};
    case SchemeProblem::BadJson: return QStringLiteral("bad_json");
    case SchemeProblem::UnsupportedFormat: return QStringLiteral("unsupported_format");
    case SchemeProblem::UnknownField: return QStringLiteral("unknown_field");
    case SchemeProblem::MissingField: return QStringLiteral("missing_field");
    case SchemeProblem::WrongType: return QStringLiteral("wrong_type");
    case SchemeProblem::BadCode: return QStringLiteral("bad_code");
    case SchemeProblem::DuplicateCode: return QStringLiteral("duplicate_code");
    case SchemeProblem::NoBehaviours: return QStringLiteral("no_behaviours");
    case SchemeProblem::UnknownCategory: return QStringLiteral("unknown_category");
    case SchemeProblem::UnknownModifier: return QStringLiteral("unknown_modifier");
    case SchemeProblem::BadModifier: return QStringLiteral("bad_modifier");
    case SchemeProblem::BadExclusiveGroup: return QStringLiteral("bad_exclusive_group");
    case SchemeProblem::UnknownBehaviour: return QStringLiteral("unknown_behaviour");
    case SchemeProblem::BadSubjects: return QStringLiteral("bad_subjects");
    case SchemeProblem::BadInterval: return QStringLiteral("bad_interval");
    case SchemeProblem::BadColor: return QStringLiteral("bad_color");
    case SchemeProblem::EmptyLabel: return QStringLiteral("empty_label");
    }
    return {};
}

QString schemeIssueText(const SchemeIssue &i)
{
    QString text;
    switch (i.problem) {
    case SchemeProblem::None:
        return {};
    case SchemeProblem::BadJson:
        text = QCoreApplication::translate("CodingScheme", "The file is not a coding scheme: it is not valid JSON (%1).");
        break;
    case SchemeProblem::UnsupportedFormat:
        text = QCoreApplication::translate("CodingScheme",
                                           "The file is not a Samla coding scheme, or it was made by a newer version "
                                           "of Samla (%1).");
        break;
    case SchemeProblem::UnknownField:
        text = QCoreApplication::translate("CodingScheme", "The scheme has a field Samla does not know: %1. Check its spelling.");
        break;
    case SchemeProblem::MissingField:
        text = QCoreApplication::translate("CodingScheme", "The scheme is missing a required field: %1.");
        break;
    case SchemeProblem::WrongType:
        text = QCoreApplication::translate("CodingScheme", "The field %1 has the wrong kind of value.");
        break;
    case SchemeProblem::BadCode:
        text = QCoreApplication::translate("CodingScheme",
                                           "The code at %1 must be 1 to 64 letters, digits, dots, dashes or "
                                           "underscores.");
        break;
    case SchemeProblem::DuplicateCode:
        text = QCoreApplication::translate("CodingScheme", "The code at %1 is used twice. Each code must be unique.");
        break;
    case SchemeProblem::NoBehaviours:
        text = QCoreApplication::translate("CodingScheme", "The scheme has no behaviours to code (%1).");
        break;
    case SchemeProblem::UnknownCategory:
        text = QCoreApplication::translate("CodingScheme", "%1 names a category the scheme does not have.");
        break;
    case SchemeProblem::UnknownModifier:
        text = QCoreApplication::translate("CodingScheme", "%1 names a modifier the scheme does not have.");
        break;
    case SchemeProblem::BadModifier:
        text = QCoreApplication::translate("CodingScheme",
                                           "The modifier at %1 is incomplete: a choice needs options with unique "
                                           "codes, and a number's minimum cannot be above its maximum.");
        break;
    case SchemeProblem::BadExclusiveGroup:
        text = QCoreApplication::translate("CodingScheme",
                                           "The exclusive group at %1 must name at least two different state "
                                           "behaviours (point events cannot exclude each other).");
        break;
    case SchemeProblem::UnknownBehaviour:
        text = QCoreApplication::translate("CodingScheme", "%1 names a behaviour the scheme does not have.");
        break;
    case SchemeProblem::BadSubjects:
        text = QCoreApplication::translate("CodingScheme",
                                           "The behaviour at %1 needs a subject, but the scheme has no roles and does "
                                           "not allow participants.");
        break;
    case SchemeProblem::BadInterval:
        text = QCoreApplication::translate("CodingScheme",
                                           "The prompt interval at %1 must be between 0 (no prompts) and 86400 "
                                           "seconds.");
        break;
    case SchemeProblem::BadColor:
        text = QCoreApplication::translate("CodingScheme", "The colour at %1 must be written as #rrggbb.");
        break;
    case SchemeProblem::EmptyLabel:
        text = QCoreApplication::translate("CodingScheme", "The item at %1 needs a label.");
        break;
    }
    QString where = i.path.isEmpty() ? QStringLiteral("/") : i.path;
    if (!i.value.isEmpty())
        where += QStringLiteral(" (\"%1\")").arg(i.value);
    return text.arg(where);
}

QList<SchemeIssue> schemeIssues(const CodingScheme &s)
{
    // Every problem, so an editor can name each beside its field; a list
    // whose codes are broken is not checked further against (references to it
    // would only repeat the same problem).
    QList<SchemeIssue> out;
    auto add = [&out](const SchemeIssue &i) { out.append(i); };
    if (!validCode(s.id))
        add(issue(SchemeProblem::BadCode, QStringLiteral("id"), s.id.left(64)));
    if (labelEmpty(s.name))
        add(issue(SchemeProblem::EmptyLabel, QStringLiteral("name")));
    if (s.samplingIntervalS < 0 || s.samplingIntervalS > kMaxIntervalS)
        add(issue(SchemeProblem::BadInterval, QStringLiteral("sampling_interval_s")));
    checkCodes(s.roles, "subjects.roles", out);
    checkCodes(s.categories, "categories", out);
    checkCodes(s.modifiers, "modifiers", out);
    for (qsizetype m = 0; m < s.modifiers.size(); ++m) {
        const Modifier &mod = s.modifiers[m];
        const bool choice = mod.type == ModifierType::SingleChoice || mod.type == ModifierType::MultipleChoice;
        if (choice && mod.options.isEmpty())
            add(issue(SchemeProblem::BadModifier, at("modifiers", m, "options"), mod.code));
        if (!choice && !mod.options.isEmpty())
            add(issue(SchemeProblem::BadModifier, at("modifiers", m, "options"), mod.code));
        QSet<QString> options;
        for (qsizetype o = 0; o < mod.options.size(); ++o) {
            const QString path = at("modifiers", m) + QStringLiteral(".options[%1]").arg(o);
            if (!validCode(mod.options[o].code))
                add(issue(SchemeProblem::BadCode, path + QStringLiteral(".code"), mod.options[o].code.left(64)));
            else if (options.contains(mod.options[o].code))
                add(issue(SchemeProblem::DuplicateCode, path + QStringLiteral(".code"), mod.options[o].code));
            options.insert(mod.options[o].code);
            if (labelEmpty(mod.options[o].label))
                add(issue(SchemeProblem::EmptyLabel, path + QStringLiteral(".label"), mod.options[o].code));
        }
        if (mod.type != ModifierType::Number && (mod.minimum || mod.maximum))
            add(issue(SchemeProblem::BadModifier, at("modifiers", m), mod.code));
        if (mod.minimum && mod.maximum && *mod.minimum > *mod.maximum)
            add(issue(SchemeProblem::BadModifier, at("modifiers", m), mod.code));
    }
    if (s.behaviours.isEmpty())
        add(issue(SchemeProblem::NoBehaviours, QStringLiteral("behaviours")));
    checkCodes(s.behaviours, "behaviours", out);
    for (qsizetype b = 0; b < s.behaviours.size(); ++b) {
        const Behaviour &beh = s.behaviours[b];
        if (!beh.category.isEmpty() && !s.category(beh.category))
            add(issue(SchemeProblem::UnknownCategory, at("behaviours", b, "category"), beh.category));
        QSet<QString> mods;
        for (const QString &m : beh.modifiers) {
            if (!s.modifier(m))
                add(issue(SchemeProblem::UnknownModifier, at("behaviours", b, "modifiers"), m));
            else if (mods.contains(m))
                add(issue(SchemeProblem::DuplicateCode, at("behaviours", b, "modifiers"), m));
            mods.insert(m);
        }
        if (beh.subject == SubjectRule::Required && s.roles.isEmpty() && !s.participantSubjects)
            add(issue(SchemeProblem::BadSubjects, at("behaviours", b, "subject"), beh.code));
        if (!validColor(beh.color))
            add(issue(SchemeProblem::BadColor, at("behaviours", b, "color"), beh.code));
    }
    QSet<QString> groupCodes;
    for (qsizetype g = 0; g < s.exclusiveGroups.size(); ++g) {
        const ExclusiveGroup &group = s.exclusiveGroups[g];
        if (!validCode(group.code))
            add(issue(SchemeProblem::BadCode, at("exclusive_groups", g, "code"), group.code.left(64)));
        else if (groupCodes.contains(group.code))
            add(issue(SchemeProblem::DuplicateCode, at("exclusive_groups", g, "code"), group.code));
        groupCodes.insert(group.code);
        QSet<QString> members;
        bool unknown = false;
        bool badMember = false;   // a point event, or a behaviour twice
        for (const QString &code : group.behaviours) {
            const Behaviour *beh = s.behaviour(code);
            if (!beh) {
                add(issue(SchemeProblem::UnknownBehaviour, at("exclusive_groups", g, "behaviours"), code));
                unknown = true;
                continue;
            }
            if (beh->type != EventType::State || members.contains(code))
                badMember = true;
            members.insert(code);
        }
        if (badMember || (!unknown && members.size() < 2))
            add(issue(SchemeProblem::BadExclusiveGroup, at("exclusive_groups", g), group.code));
    }
    return out;
}

QString schemeIssueFieldText(const SchemeIssue &i)
{
    switch (i.problem) {
    case SchemeProblem::None:
        return {};
    case SchemeProblem::BadJson:
    case SchemeProblem::UnsupportedFormat:
    case SchemeProblem::UnknownField:
    case SchemeProblem::MissingField:
    case SchemeProblem::WrongType:
        return schemeIssueText(i);
    case SchemeProblem::BadCode:
        return QCoreApplication::translate("CodingScheme", "Use 1 to 64 letters, digits, dots, dashes or underscores, without spaces.");
    case SchemeProblem::DuplicateCode:
        return QCoreApplication::translate("CodingScheme", "“%1” is used twice here. Each code must be unique.").arg(i.value);
    case SchemeProblem::NoBehaviours:
        return QCoreApplication::translate("CodingScheme", "Add at least one behaviour to code.");
    case SchemeProblem::UnknownCategory:
        return QCoreApplication::translate("CodingScheme", "The category “%1” is not in the scheme. Choose another.").arg(i.value);
    case SchemeProblem::UnknownModifier:
        return QCoreApplication::translate("CodingScheme", "The modifier “%1” is not in the scheme.").arg(i.value);
    case SchemeProblem::BadModifier:
        return QCoreApplication::translate("CodingScheme", "A choice needs at least one option; only a number has a minimum and maximum, and the minimum "
                  "cannot be above the maximum.");
    case SchemeProblem::BadExclusiveGroup:
        return QCoreApplication::translate("CodingScheme", "Tick at least two different state behaviours. Point events cannot exclude each other.");
    case SchemeProblem::UnknownBehaviour:
        return QCoreApplication::translate("CodingScheme", "The behaviour “%1” is not in the scheme. Untick it or add it again.").arg(i.value);
    case SchemeProblem::BadSubjects:
        return QCoreApplication::translate("CodingScheme", "This behaviour needs a subject: add a role, or allow participants by code.");
    case SchemeProblem::BadInterval:
        return QCoreApplication::translate("CodingScheme", "Between 0 (no prompts) and 86400 seconds.");
    case SchemeProblem::BadColor:
        return QCoreApplication::translate("CodingScheme", "Write the colour as #rrggbb, for example #2e7d32, or leave it empty.");
    case SchemeProblem::EmptyLabel:
        return QCoreApplication::translate("CodingScheme", "Write a label.");
    }
    return {};
}

SchemeIssue validateScheme(const CodingScheme &s)
{
    const QList<SchemeIssue> all = schemeIssues(s);
    return all.isEmpty() ? SchemeIssue{} : all.constFirst();
}

Status checkModifiers(const CodingScheme &scheme, const Behaviour &behaviour, const ModifierValues &values)
{
    auto bad = [](const QString &code) {
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("bad_modifier: ") + code);
    };
    for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
        if (!behaviour.modifiers.contains(it.key()))
            return bad(it.key());
    }
    for (const QString &code : behaviour.modifiers) {
        const Modifier *m = scheme.modifier(code);
        if (!m)
            return bad(code);
        const auto value = values.constFind(code);
        if (value == values.constEnd() || !value->isValid()) {
            if (m->required)
                return bad(code);
            continue;
        }
        auto isOption = [m](const QString &option) {
            for (const ModifierOption &o : m->options) {
                if (o.code == option)
                    return true;
            }
            return false;
        };
        switch (m->type) {
        case ModifierType::SingleChoice:
            if (value->typeId() != QMetaType::QString || !isOption(value->toString()))
                return bad(code);
            break;
        case ModifierType::MultipleChoice: {
            if (value->typeId() != QMetaType::QStringList)
                return bad(code);
            const QStringList chosen = value->toStringList();
            if (m->required && chosen.isEmpty())
                return bad(code);
            for (const QString &option : chosen) {
                if (!isOption(option) || chosen.count(option) > 1)
                    return bad(code);
            }
            break;
        }
        case ModifierType::Number: {
            bool ok = false;
            const double n = value->toDouble(&ok);
            if (!ok || !std::isfinite(n) || value->typeId() == QMetaType::QString
                || (m->minimum && n < *m->minimum) || (m->maximum && n > *m->maximum))
                return bad(code);
            break;
        }
        case ModifierType::FreeText:
            if (value->typeId() != QMetaType::QString || value->toString().size() > kMaxFreeTextLength)
                return bad(code);
            break;
        }
    }
    return {};
}

} // namespace samla::observation
