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

// Codes of one list: each well-formed and unique.
template <typename T>
SchemeIssue checkCodes(const QList<T> &items, const char *list)
{
    QSet<QString> seen;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString &code = items[i].code;
        if (!validCode(code))
            return issue(SchemeProblem::BadCode, at(list, i, "code"), code.left(64));
        if (seen.contains(code))
            return issue(SchemeProblem::DuplicateCode, at(list, i, "code"), code);
        seen.insert(code);
        if (labelEmpty(items[i].label))
            return issue(SchemeProblem::EmptyLabel, at(list, i, "label"), code);
    }
    return {};
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

SchemeIssue validateScheme(const CodingScheme &s)
{
    if (!validCode(s.id))
        return issue(SchemeProblem::BadCode, QStringLiteral("id"), s.id.left(64));
    if (labelEmpty(s.name))
        return issue(SchemeProblem::EmptyLabel, QStringLiteral("name"));
    if (s.samplingIntervalS < 0 || s.samplingIntervalS > kMaxIntervalS)
        return issue(SchemeProblem::BadInterval, QStringLiteral("sampling_interval_s"));
    if (auto i = checkCodes(s.roles, "subjects.roles"); i.problem != SchemeProblem::None)
        return i;
    if (auto i = checkCodes(s.categories, "categories"); i.problem != SchemeProblem::None)
        return i;
    if (auto i = checkCodes(s.modifiers, "modifiers"); i.problem != SchemeProblem::None)
        return i;
    for (qsizetype m = 0; m < s.modifiers.size(); ++m) {
        const Modifier &mod = s.modifiers[m];
        const bool choice = mod.type == ModifierType::SingleChoice || mod.type == ModifierType::MultipleChoice;
        if (choice && mod.options.isEmpty())
            return issue(SchemeProblem::BadModifier, at("modifiers", m, "options"), mod.code);
        if (!choice && !mod.options.isEmpty())
            return issue(SchemeProblem::BadModifier, at("modifiers", m, "options"), mod.code);
        QSet<QString> options;
        for (qsizetype o = 0; o < mod.options.size(); ++o) {
            const QString path = at("modifiers", m) + QStringLiteral(".options[%1].code").arg(o);
            if (!validCode(mod.options[o].code))
                return issue(SchemeProblem::BadCode, path, mod.options[o].code.left(64));
            if (options.contains(mod.options[o].code))
                return issue(SchemeProblem::DuplicateCode, path, mod.options[o].code);
            options.insert(mod.options[o].code);
            if (labelEmpty(mod.options[o].label))
                return issue(SchemeProblem::EmptyLabel, path, mod.options[o].code);
        }
        if (mod.type != ModifierType::Number && (mod.minimum || mod.maximum))
            return issue(SchemeProblem::BadModifier, at("modifiers", m), mod.code);
        if (mod.minimum && mod.maximum && *mod.minimum > *mod.maximum)
            return issue(SchemeProblem::BadModifier, at("modifiers", m), mod.code);
    }
    if (s.behaviours.isEmpty())
        return issue(SchemeProblem::NoBehaviours, QStringLiteral("behaviours"));
    if (auto i = checkCodes(s.behaviours, "behaviours"); i.problem != SchemeProblem::None)
        return i;
    for (qsizetype b = 0; b < s.behaviours.size(); ++b) {
        const Behaviour &beh = s.behaviours[b];
        if (!beh.category.isEmpty() && !s.category(beh.category))
            return issue(SchemeProblem::UnknownCategory, at("behaviours", b, "category"), beh.category);
        QSet<QString> mods;
        for (const QString &m : beh.modifiers) {
            if (!s.modifier(m))
                return issue(SchemeProblem::UnknownModifier, at("behaviours", b, "modifiers"), m);
            if (mods.contains(m))
                return issue(SchemeProblem::DuplicateCode, at("behaviours", b, "modifiers"), m);
            mods.insert(m);
        }
        if (beh.subject == SubjectRule::Required && s.roles.isEmpty() && !s.participantSubjects)
            return issue(SchemeProblem::BadSubjects, at("behaviours", b, "subject"), beh.code);
        if (!validColor(beh.color))
            return issue(SchemeProblem::BadColor, at("behaviours", b, "color"), beh.code);
    }
    QSet<QString> groupCodes;
    for (qsizetype g = 0; g < s.exclusiveGroups.size(); ++g) {
        const ExclusiveGroup &group = s.exclusiveGroups[g];
        if (!validCode(group.code))
            return issue(SchemeProblem::BadCode, at("exclusive_groups", g, "code"), group.code.left(64));
        if (groupCodes.contains(group.code))
            return issue(SchemeProblem::DuplicateCode, at("exclusive_groups", g, "code"), group.code);
        groupCodes.insert(group.code);
        QSet<QString> members;
        for (const QString &code : group.behaviours) {
            const Behaviour *beh = s.behaviour(code);
            if (!beh)
                return issue(SchemeProblem::UnknownBehaviour, at("exclusive_groups", g, "behaviours"), code);
            if (beh->type != EventType::State || members.contains(code))
                return issue(SchemeProblem::BadExclusiveGroup, at("exclusive_groups", g), group.code);
            members.insert(code);
        }
        if (members.size() < 2)
            return issue(SchemeProblem::BadExclusiveGroup, at("exclusive_groups", g), group.code);
    }
    return {};
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
