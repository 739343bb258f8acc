// The coding schemes Samla ships: QuIS and a co-production meeting scheme, in Swedish and English.
#include "scheme.h"

namespace samla::observation {

namespace {

Label both(const char *sv, const char *en)
{
    return Label{{QStringLiteral("sv"), QString::fromUtf8(sv)}, {QStringLiteral("en"), QString::fromUtf8(en)}};
}

Behaviour point(const char *code, const char *sv, const char *en, const char *category, SubjectRule subject,
                const char *color)
{
    Behaviour b;
    b.code = QString::fromLatin1(code);
    b.label = both(sv, en);
    b.type = EventType::Point;
    b.category = QString::fromLatin1(category);
    b.subject = subject;
    b.color = QString::fromLatin1(color);
    return b;
}

} // namespace

CodingScheme quisScheme()
{
    CodingScheme s;
    s.id = QStringLiteral("quis");
    s.version = 1;
    s.name = both("QuIS – kvalitet i interaktioner", "QuIS – Quality of Interactions Schedule");
    s.description = both("Varje interaktion mellan personal och patient som syns under observationsperioden "
                         "bedöms från positiv social till negativ begränsande.",
                         "Rate every staff–patient interaction in view during the observation period, from "
                         "positive social to negative restrictive.");
    // The order is the scale: weighted kappa counts PS against NR as the
    // widest disagreement.
    s.categories = {Category{QStringLiteral("quis"), both("Interaktionens kvalitet", "Quality of interaction"), true}};
    s.roles = {SubjectRole{QStringLiteral("patient"), both("Patient", "Patient")},
               SubjectRole{QStringLiteral("staff"), both("Personal", "Staff")}};
    s.participantSubjects = true;
    s.behaviours = {
        point("ps", "Positiv social", "Positive social", "quis", SubjectRule::Optional, "#2e7d32"),
        point("pc", "Positiv omvårdnad", "Positive care", "quis", SubjectRule::Optional, "#66bb6a"),
        point("n", "Neutral", "Neutral", "quis", SubjectRule::Optional, "#9e9e9e"),
        point("np", "Negativ skyddande", "Negative protective", "quis", SubjectRule::Optional, "#ef6c00"),
        point("nr", "Negativ begränsande", "Negative restrictive", "quis", SubjectRule::Optional, "#c62828"),
    };
    // QuIS is coded in timed observation periods; 15 minutes is a default a
    // study changes to its own protocol.
    s.samplingIntervalS = 15 * 60;
    return s;
}

CodingScheme coproductionScheme()
{
    CodingScheme s;
    s.id = QStringLiteral("coproduction");
    s.version = 1;
    s.name = both("Samskapande möte", "Co-production meeting");
    s.description = both("Vem talar (roll) och vilket slags bidrag: idé, fråga, beslut, utmaning eller berättelse.",
                         "Who speaks (role) and what kind of contribution: idea, question, decision, challenge or "
                         "story.");
    s.categories = {Category{QStringLiteral("contribution"), both("Bidrag", "Contribution"), false}};
    s.roles = {
        SubjectRole{QStringLiteral("patient"), both("Patient", "Patient")},
        SubjectRole{QStringLiteral("family"), both("Närstående", "Family")},
        SubjectRole{QStringLiteral("staff"), both("Personal", "Staff")},
        SubjectRole{QStringLiteral("manager"), both("Chef", "Manager")},
        SubjectRole{QStringLiteral("researcher"), both("Forskare", "Researcher")},
    };
    s.participantSubjects = true;
    s.behaviours = {
        point("idea", "Idé", "Idea", "contribution", SubjectRule::Required, "#1565c0"),
        point("question", "Fråga", "Question", "contribution", SubjectRule::Required, "#6a1b9a"),
        point("decision", "Beslut", "Decision", "contribution", SubjectRule::Required, "#2e7d32"),
        point("challenge", "Utmaning", "Challenge", "contribution", SubjectRule::Required, "#c62828"),
        point("story", "Berättelse", "Story", "contribution", SubjectRule::Required, "#ef6c00"),
    };
    return s;
}

QList<CodingScheme> builtInSchemes()
{
    return {quisScheme(), coproductionScheme()};
}

} // namespace samla::observation
