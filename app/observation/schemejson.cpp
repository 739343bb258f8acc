// The JSON exchange format of coding schemes: a strict reader and a writer.
#include "scheme.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace samla::observation {

namespace {

const QString kFormat = QStringLiteral("samla-coding-scheme");
constexpr int kFormatVersion = 1;
constexpr qsizetype kMaxDocumentBytes = 4 * 1024 * 1024;

struct SchemeFormatError {
    SchemeIssue issue;
};

const char *eventTypeKey(EventType t) { return t == EventType::Point ? "point" : "state"; }

const char *modifierTypeKey(ModifierType t)
{
    switch (t) {
    case ModifierType::SingleChoice: return "single_choice";
    case ModifierType::MultipleChoice: return "multiple_choice";
    case ModifierType::Number: return "number";
    case ModifierType::FreeText: return "free_text";
    }
    return "";
}

const char *subjectRuleKey(SubjectRule r)
{
    switch (r) {
    case SubjectRule::None: return "none";
    case SubjectRule::Optional: return "optional";
    case SubjectRule::Required: return "required";
    }
    return "";
}

// Reads one JSON object field by field, remembering which it used so any
// other field can be refused: a misspelt "exclusve_groups" must not vanish.
class Reader {
public:
    Reader(const QJsonObject &object, QString path) : m_object(object), m_path(std::move(path)) {}

    QString path(const QString &field) const { return m_path.isEmpty() ? field : m_path + QLatin1Char('.') + field; }

    std::optional<SchemeIssue> fail(SchemeProblem p, const QString &field, const QString &value = {}) const
    {
        return SchemeIssue{p, path(field), value};
    }

    // Each getter returns an issue or nothing; the value goes to `out`.
    std::optional<SchemeIssue> string(const QString &field, QString &out, bool required)
    {
        m_used.insert(field);
        const QJsonValue v = m_object.value(field);
        if (v.isUndefined())
            return required ? fail(SchemeProblem::MissingField, field) : std::nullopt;
        if (!v.isString())
            return fail(SchemeProblem::WrongType, field);
        out = v.toString();
        return std::nullopt;
    }

    std::optional<SchemeIssue> label(const QString &field, Label &out, bool required)
    {
        m_used.insert(field);
        const QJsonValue v = m_object.value(field);
        if (v.isUndefined())
            return required ? fail(SchemeProblem::MissingField, field) : std::nullopt;
        if (v.isString()) {
            out.insert(QString(), v.toString());
            return std::nullopt;
        }
        if (!v.isObject())
            return fail(SchemeProblem::WrongType, field);
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (!it.value().isString() || it.key().isEmpty() || it.key().size() > 16)
                return fail(SchemeProblem::WrongType, field + QLatin1Char('.') + it.key());
            // "und" is how the writer spells a label given for every language.
            out.insert(it.key() == QLatin1String("und") ? QString() : it.key(), it.value().toString());
        }
        return std::nullopt;
    }

    std::optional<SchemeIssue> boolean(const QString &field, bool &out)
    {
        m_used.insert(field);
        const QJsonValue v = m_object.value(field);
        if (v.isUndefined())
            return std::nullopt;
        if (!v.isBool())
            return fail(SchemeProblem::WrongType, field);
        out = v.toBool();
        return std::nullopt;
    }

    std::optional<SchemeIssue> integer(const QString &field, int &out, bool required)
    {
        m_used.insert(field);
        const QJsonValue v = m_object.value(field);
        if (v.isUndefined())
            return required ? fail(SchemeProblem::MissingField, field) : std::nullopt;
        const double d = v.toDouble(-1.5);
        if (!v.isDouble() || d != double(qint64(d)) || d < -1e9 || d > 1e9)
            return fail(SchemeProblem::WrongType, field);
        out = int(d);
        return std::nullopt;
    }

    std::optional<SchemeIssue> number(const QString &field, std::optional<double> &out)
    {
        m_used.insert(field);
        const QJsonValue v = m_object.value(field);
        if (v.isUndefined())
            return std::nullopt;
        if (!v.isDouble())
            return fail(SchemeProblem::WrongType, field);
        out = v.toDouble();
        return std::nullopt;
    }

    std::optional<SchemeIssue> array(const QString &field, QJsonArray &out)
    {
        m_used.insert(field);
        const QJsonValue v = m_object.value(field);
        if (v.isUndefined())
            return std::nullopt;
        if (!v.isArray())
            return fail(SchemeProblem::WrongType, field);
        out = v.toArray();
        return std::nullopt;
    }

    std::optional<SchemeIssue> strings(const QString &field, QStringList &out)
    {
        QJsonArray a;
        if (auto i = array(field, a))
            return i;
        for (qsizetype n = 0; n < a.size(); ++n) {
            if (!a[n].isString())
                return fail(SchemeProblem::WrongType, QStringLiteral("%1[%2]").arg(field).arg(n));
            out << a[n].toString();
        }
        return std::nullopt;
    }

    std::optional<SchemeIssue> object(const QString &field, QJsonObject &out)
    {
        m_used.insert(field);
        const QJsonValue v = m_object.value(field);
        if (v.isUndefined())
            return std::nullopt;
        if (!v.isObject())
            return fail(SchemeProblem::WrongType, field);
        out = v.toObject();
        return std::nullopt;
    }

    std::optional<SchemeIssue> finish() const
    {
        for (const QString &key : m_object.keys()) {
            if (!m_used.contains(key))
                return fail(SchemeProblem::UnknownField, key);
        }
        return std::nullopt;
    }

private:
    QJsonObject m_object;
    QString m_path;
    QSet<QString> m_used;
};

// Returns the issue of an expression giving std::optional<SchemeIssue>, if
// any. The variable is named per use, since lambdas nest inside uses.
#define SCHEME_TRY_CAT2(a, b) a##b
#define SCHEME_TRY_CAT(a, b) SCHEME_TRY_CAT2(a, b)
#define SCHEME_TRY(expr) SCHEME_TRY_AS(SCHEME_TRY_CAT(schemeIssue_, __COUNTER__), expr)
#define SCHEME_TRY_AS(name, expr)                                                                                 \
    do {                                                                                                           \
        if (std::optional<SchemeIssue> name = (expr))                                                              \
            return name;                                                                                           \
    } while (0)

// Each item of a list must be an object; `read` fills one item from its reader.
template <typename T, typename Fn>
std::optional<SchemeIssue> readList(const QJsonArray &array, const QString &path, QList<T> &out, Fn read)
{
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString itemPath = QStringLiteral("%1[%2]").arg(path).arg(i);
        if (!array[i].isObject())
            return SchemeIssue{SchemeProblem::WrongType, itemPath, {}};
        Reader r(array[i].toObject(), itemPath);
        T item;
        if (auto issue = read(r, item))
            return issue;
        SCHEME_TRY(r.finish());
        out.append(item);
    }
    return std::nullopt;
}

std::optional<SchemeIssue> readScheme(const QJsonObject &root, CodingScheme &s)
{
    Reader r(root, QString());
    QString format;
    SCHEME_TRY(r.string(QStringLiteral("format"), format, true));
    int formatVersion = 0;
    SCHEME_TRY(r.integer(QStringLiteral("format_version"), formatVersion, true));
    if (format != kFormat)
        return r.fail(SchemeProblem::UnsupportedFormat, QStringLiteral("format"), format.left(64));
    if (formatVersion != kFormatVersion)
        return r.fail(SchemeProblem::UnsupportedFormat, QStringLiteral("format_version"), QString::number(formatVersion));
    SCHEME_TRY(r.string(QStringLiteral("id"), s.id, true));
    SCHEME_TRY(r.integer(QStringLiteral("version"), s.version, false));
    SCHEME_TRY(r.label(QStringLiteral("name"), s.name, true));
    SCHEME_TRY(r.label(QStringLiteral("description"), s.description, false));
    SCHEME_TRY(r.integer(QStringLiteral("sampling_interval_s"), s.samplingIntervalS, false));

    QJsonObject subjects;
    SCHEME_TRY(r.object(QStringLiteral("subjects"), subjects));
    Reader sr(subjects, QStringLiteral("subjects"));
    SCHEME_TRY(sr.boolean(QStringLiteral("participants"), s.participantSubjects));
    QJsonArray roles;
    SCHEME_TRY(sr.array(QStringLiteral("roles"), roles));
    SCHEME_TRY(sr.finish());
    SCHEME_TRY(readList(roles, QStringLiteral("subjects.roles"), s.roles, [](Reader &ir, SubjectRole &role) -> std::optional<SchemeIssue> {
        SCHEME_TRY(ir.string(QStringLiteral("code"), role.code, true));
        SCHEME_TRY(ir.label(QStringLiteral("label"), role.label, true));
        return std::nullopt;
    }));

    QJsonArray categories;
    SCHEME_TRY(r.array(QStringLiteral("categories"), categories));
    SCHEME_TRY(readList(categories, QStringLiteral("categories"), s.categories, [](Reader &ir, Category &c) -> std::optional<SchemeIssue> {
        SCHEME_TRY(ir.string(QStringLiteral("code"), c.code, true));
        SCHEME_TRY(ir.label(QStringLiteral("label"), c.label, true));
        SCHEME_TRY(ir.boolean(QStringLiteral("ordered"), c.ordered));
        return std::nullopt;
    }));

    QJsonArray modifiers;
    SCHEME_TRY(r.array(QStringLiteral("modifiers"), modifiers));
    SCHEME_TRY(readList(modifiers, QStringLiteral("modifiers"), s.modifiers, [](Reader &ir, Modifier &m) -> std::optional<SchemeIssue> {
        SCHEME_TRY(ir.string(QStringLiteral("code"), m.code, true));
        SCHEME_TRY(ir.label(QStringLiteral("label"), m.label, true));
        QString type;
        SCHEME_TRY(ir.string(QStringLiteral("type"), type, true));
        if (type == QLatin1String("single_choice"))
            m.type = ModifierType::SingleChoice;
        else if (type == QLatin1String("multiple_choice"))
            m.type = ModifierType::MultipleChoice;
        else if (type == QLatin1String("number"))
            m.type = ModifierType::Number;
        else if (type == QLatin1String("free_text"))
            m.type = ModifierType::FreeText;
        else
            return ir.fail(SchemeProblem::WrongType, QStringLiteral("type"), type.left(64));
        SCHEME_TRY(ir.boolean(QStringLiteral("required"), m.required));
        SCHEME_TRY(ir.number(QStringLiteral("minimum"), m.minimum));
        SCHEME_TRY(ir.number(QStringLiteral("maximum"), m.maximum));
        QJsonArray options;
        SCHEME_TRY(ir.array(QStringLiteral("options"), options));
        return readList(options, ir.path(QStringLiteral("options")), m.options, [](Reader &orr, ModifierOption &o) -> std::optional<SchemeIssue> {
            SCHEME_TRY(orr.string(QStringLiteral("code"), o.code, true));
            SCHEME_TRY(orr.label(QStringLiteral("label"), o.label, true));
            return std::nullopt;
        });
    }));

    QJsonArray behaviours;
    SCHEME_TRY(r.array(QStringLiteral("behaviours"), behaviours));
    SCHEME_TRY(readList(behaviours, QStringLiteral("behaviours"), s.behaviours, [](Reader &ir, Behaviour &b) -> std::optional<SchemeIssue> {
        SCHEME_TRY(ir.string(QStringLiteral("code"), b.code, true));
        SCHEME_TRY(ir.label(QStringLiteral("label"), b.label, true));
        QString type;
        SCHEME_TRY(ir.string(QStringLiteral("type"), type, true));
        if (type == QLatin1String("point"))
            b.type = EventType::Point;
        else if (type == QLatin1String("state"))
            b.type = EventType::State;
        else
            return ir.fail(SchemeProblem::WrongType, QStringLiteral("type"), type.left(64));
        SCHEME_TRY(ir.string(QStringLiteral("category"), b.category, false));
        SCHEME_TRY(ir.strings(QStringLiteral("modifiers"), b.modifiers));
        QString subject = QStringLiteral("optional");
        SCHEME_TRY(ir.string(QStringLiteral("subject"), subject, false));
        if (subject == QLatin1String("none"))
            b.subject = SubjectRule::None;
        else if (subject == QLatin1String("optional"))
            b.subject = SubjectRule::Optional;
        else if (subject == QLatin1String("required"))
            b.subject = SubjectRule::Required;
        else
            return ir.fail(SchemeProblem::WrongType, QStringLiteral("subject"), subject.left(64));
        SCHEME_TRY(ir.string(QStringLiteral("color"), b.color, false));
        return std::nullopt;
    }));

    QJsonArray groups;
    SCHEME_TRY(r.array(QStringLiteral("exclusive_groups"), groups));
    SCHEME_TRY(readList(groups, QStringLiteral("exclusive_groups"), s.exclusiveGroups, [](Reader &ir, ExclusiveGroup &g) -> std::optional<SchemeIssue> {
        SCHEME_TRY(ir.string(QStringLiteral("code"), g.code, true));
        SCHEME_TRY(ir.strings(QStringLiteral("behaviours"), g.behaviours));
        return std::nullopt;
    }));
    SCHEME_TRY(r.finish());
    return std::nullopt;
}

QJsonValue labelJson(const Label &label)
{
    if (label.size() == 1 && label.contains(QString()))
        return label.value(QString());
    QJsonObject o;
    for (auto it = label.begin(); it != label.end(); ++it)
        o.insert(it.key().isEmpty() ? QStringLiteral("und") : it.key(), it.value());
    return o;
}

QJsonObject schemeJson(const CodingScheme &s)
{
    QJsonObject root;
    root.insert(QStringLiteral("format"), kFormat);
    root.insert(QStringLiteral("format_version"), kFormatVersion);
    root.insert(QStringLiteral("id"), s.id);
    root.insert(QStringLiteral("version"), s.version);
    root.insert(QStringLiteral("name"), labelJson(s.name));
    if (!s.description.isEmpty())
        root.insert(QStringLiteral("description"), labelJson(s.description));
    if (s.samplingIntervalS > 0)
        root.insert(QStringLiteral("sampling_interval_s"), s.samplingIntervalS);
    QJsonArray roles;
    for (const SubjectRole &r : s.roles)
        roles.append(QJsonObject{{QStringLiteral("code"), r.code}, {QStringLiteral("label"), labelJson(r.label)}});
    root.insert(QStringLiteral("subjects"),
                QJsonObject{{QStringLiteral("participants"), s.participantSubjects}, {QStringLiteral("roles"), roles}});
    QJsonArray categories;
    for (const Category &c : s.categories)
        categories.append(QJsonObject{{QStringLiteral("code"), c.code},
                                      {QStringLiteral("label"), labelJson(c.label)},
                                      {QStringLiteral("ordered"), c.ordered}});
    root.insert(QStringLiteral("categories"), categories);
    QJsonArray modifiers;
    for (const Modifier &m : s.modifiers) {
        QJsonObject o{{QStringLiteral("code"), m.code},
                      {QStringLiteral("label"), labelJson(m.label)},
                      {QStringLiteral("type"), QLatin1String(modifierTypeKey(m.type))},
                      {QStringLiteral("required"), m.required}};
        if (m.minimum)
            o.insert(QStringLiteral("minimum"), *m.minimum);
        if (m.maximum)
            o.insert(QStringLiteral("maximum"), *m.maximum);
        if (!m.options.isEmpty()) {
            QJsonArray options;
            for (const ModifierOption &opt : m.options)
                options.append(QJsonObject{{QStringLiteral("code"), opt.code}, {QStringLiteral("label"), labelJson(opt.label)}});
            o.insert(QStringLiteral("options"), options);
        }
        modifiers.append(o);
    }
    root.insert(QStringLiteral("modifiers"), modifiers);
    QJsonArray behaviours;
    for (const Behaviour &b : s.behaviours) {
        QJsonObject o{{QStringLiteral("code"), b.code},
                      {QStringLiteral("label"), labelJson(b.label)},
                      {QStringLiteral("type"), QLatin1String(eventTypeKey(b.type))},
                      {QStringLiteral("subject"), QLatin1String(subjectRuleKey(b.subject))}};
        if (!b.category.isEmpty())
            o.insert(QStringLiteral("category"), b.category);
        if (!b.modifiers.isEmpty())
            o.insert(QStringLiteral("modifiers"), QJsonArray::fromStringList(b.modifiers));
        if (!b.color.isEmpty())
            o.insert(QStringLiteral("color"), b.color);
        behaviours.append(o);
    }
    root.insert(QStringLiteral("behaviours"), behaviours);
    QJsonArray groups;
    for (const ExclusiveGroup &g : s.exclusiveGroups)
        groups.append(QJsonObject{{QStringLiteral("code"), g.code},
                                  {QStringLiteral("behaviours"), QJsonArray::fromStringList(g.behaviours)}});
    root.insert(QStringLiteral("exclusive_groups"), groups);
    return root;
}

Result<CodingScheme> fromObject(const QJsonObject &root, SchemeIssue *out)
{
    CodingScheme s;
    SchemeIssue found;
    if (auto i = readScheme(root, s))
        found = *i;
    else
        found = validateScheme(s);
    if (out)
        *out = found;
    if (found.problem != SchemeProblem::None)
        return makeError(ErrorCode::InvalidArgument, schemeProblemKey(found.problem) + QStringLiteral(" at ") + found.path);
    return s;
}

} // namespace

Result<CodingScheme> schemeFromJson(const QByteArray &json, SchemeIssue *out)
{
    if (json.size() > kMaxDocumentBytes) {
        if (out)
            *out = SchemeIssue{SchemeProblem::BadJson, {}, QStringLiteral("too large")};
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("bad_json: too large"));
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        const QString where = error.error != QJsonParseError::NoError
                                  ? QStringLiteral("%1 at byte %2").arg(error.errorString()).arg(error.offset)
                                  : QStringLiteral("not an object");
        if (out)
            *out = SchemeIssue{SchemeProblem::BadJson, {}, where};
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("bad_json: ") + where);
    }
    return fromObject(doc.object(), out);
}

QByteArray schemeToJson(const CodingScheme &scheme, bool compact)
{
    return QJsonDocument(schemeJson(scheme)).toJson(compact ? QJsonDocument::Compact : QJsonDocument::Indented);
}

} // namespace samla::observation
