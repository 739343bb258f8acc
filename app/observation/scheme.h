// CodingScheme: what an observer can code — behaviours, categories, modifiers, subjects, exclusive groups.
#pragma once

#include "platform/core/result.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace samla::observation {

// Labels in the user's languages ("sv", "en"); a scheme from a file may carry
// a single label for every language (stored under the empty key).
using Label = QMap<QString, QString>;
QString labelIn(const Label &label, const QString &language);

// A point event has no duration (an interaction, a question); a state event
// starts and stops (sitting, speaking).
enum class EventType { Point, State };

enum class ModifierType { SingleChoice, MultipleChoice, Number, FreeText };

// Whether a behaviour is coded with a subject (a role or a participant code).
enum class SubjectRule { None, Optional, Required };

struct ModifierOption {
    QString code;
    Label label;
    bool operator==(const ModifierOption &) const = default;
};

struct Modifier {
    QString code;
    Label label;
    ModifierType type = ModifierType::SingleChoice;
    QList<ModifierOption> options;       // single and multiple choice
    std::optional<double> minimum;       // number
    std::optional<double> maximum;
    bool required = false;
    bool operator==(const Modifier &) const = default;
};

// Behaviours are grouped in categories. In an ordered category the order of
// its behaviours in the scheme is a scale (QuIS: positive social … negative
// restrictive), which weighted kappa uses.
struct Category {
    QString code;
    Label label;
    bool ordered = false;
    bool operator==(const Category &) const = default;
};

struct Behaviour {
    QString code;
    Label label;
    EventType type = EventType::Point;
    QString category;                    // a category code, or empty
    QStringList modifiers;               // modifier codes
    SubjectRule subject = SubjectRule::Optional;
    QString color;                       // "#rrggbb" or empty
    bool operator==(const Behaviour &) const = default;
};

struct SubjectRole {
    QString code;
    Label label;
    bool operator==(const SubjectRole &) const = default;
};

// State behaviours of which at most one runs at a time for a subject:
// starting one stops the other.
struct ExclusiveGroup {
    QString code;
    QStringList behaviours;
    bool operator==(const ExclusiveGroup &) const = default;
};

struct CodingScheme {
    QString id;                          // stable, e.g. "quis"; kept across versions
    int version = 1;
    Label name;
    Label description;
    QList<Category> categories;
    QList<Behaviour> behaviours;
    QList<Modifier> modifiers;
    QList<SubjectRole> roles;
    bool participantSubjects = false;    // consented participants may be tagged by code
    QList<ExclusiveGroup> exclusiveGroups;
    int samplingIntervalS = 0;           // interval prompts; 0: none
    bool operator==(const CodingScheme &) const = default;

    const Behaviour *behaviour(const QString &code) const;
    const Modifier *modifier(const QString &code) const;
    const Category *category(const QString &code) const;
    bool hasRole(const QString &code) const;
    // The behaviours of a category in scheme order (the scale of an ordered category).
    QStringList behavioursIn(const QString &categoryCode) const;
    // Other state behaviours that share an exclusive group with `code`.
    QStringList excludedBy(const QString &code) const;
};

// What is wrong with a scheme. schemeProblemText() says it in the user's language.
enum class SchemeProblem {
    None,
    BadJson,               // not JSON, or not a JSON object
    UnsupportedFormat,     // another file type, or a newer format version
    UnknownField,          // a field this format does not have (a typo would otherwise be lost)
    MissingField,
    WrongType,             // e.g. text where a number belongs
    BadCode,               // empty, too long, or characters other than letters, digits, "_", "-", "."
    DuplicateCode,
    NoBehaviours,
    UnknownCategory,
    UnknownModifier,
    BadModifier,           // choice without options, duplicate option, minimum above maximum
    BadExclusiveGroup,     // fewer than two behaviours, a point event, or a behaviour twice
    UnknownBehaviour,      // an exclusive group names a behaviour the scheme does not have
    BadSubjects,           // a behaviour needs a subject but the scheme has no roles or participants
    BadInterval,
    BadColor,
    EmptyLabel,
};
QString schemeProblemKey(SchemeProblem p);

// The first problem found and where: a path into the JSON ("behaviours[2].code")
// and the offending value when there is one (a code, never free text).
struct SchemeIssue {
    SchemeProblem problem = SchemeProblem::None;
    QString path;
    QString value;
};
QString schemeIssueText(const SchemeIssue &issue);   // translated, context "CodingScheme"

// Checks a scheme built in the app. None when it is sound.
SchemeIssue validateScheme(const CodingScheme &scheme);
// Every problem of a scheme (validateScheme gives the first), for an editor
// that names each beside its field.
QList<SchemeIssue> schemeIssues(const CodingScheme &scheme);
// The problem said beside its field, without the path: "This code is used twice."
QString schemeIssueFieldText(const SchemeIssue &issue);   // translated, context "CodingScheme"

// JSON exchange format ("samla-coding-scheme", version 1). Import is strict:
// unknown fields, wrong types and broken references are refused with the
// first issue; the error's detail is "<problem key> at <path>".
[[nodiscard]] Result<CodingScheme> schemeFromJson(const QByteArray &json, SchemeIssue *issue = nullptr);
// Indented for people; compact for a session record's snapshot of its scheme
// (kept as JSON text there, because record bodies hold no floats).
QByteArray schemeToJson(const CodingScheme &scheme, bool compact = false);

// Built-in schemes.
// QuIS (Quality of Interactions Schedule; Dean, Proudfoot & Lindesay 1993):
// each staff–patient interaction is a point event rated on an ordered scale
// from positive social to negative restrictive, in timed observation periods.
CodingScheme quisScheme();
// Co-production meetings: who speaks (role) × what kind of contribution.
CodingScheme coproductionScheme();
QList<CodingScheme> builtInSchemes();

// Values of a behaviour's modifiers, by modifier code: a QString option code
// (single choice), a QStringList of option codes (multiple choice), a double
// (number) or a QString (free text).
using ModifierValues = QMap<QString, QVariant>;
// Checks values against the behaviour's modifiers: InvalidArgument with
// "bad_modifier: <code>" when a value is missing, unknown or out of range.
[[nodiscard]] Status checkModifiers(const CodingScheme &scheme, const Behaviour &behaviour,
                                    const ModifierValues &values);

} // namespace samla::observation
