// Coding schemes: the built-in schemes, JSON round trip, and imports refused with a clear reason.
#include "app/observation/scheme.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace samla;
using namespace samla::observation;

namespace {

QJsonObject minimal()
{
    return QJsonObject{
        {QStringLiteral("format"), QStringLiteral("samla-coding-scheme")},
        {QStringLiteral("format_version"), 1},
        {QStringLiteral("id"), QStringLiteral("posture")},
        {QStringLiteral("name"), QStringLiteral("Posture")},
        {QStringLiteral("behaviours"),
         QJsonArray{QJsonObject{{QStringLiteral("code"), QStringLiteral("sit")},
                                {QStringLiteral("label"), QStringLiteral("Sitting")},
                                {QStringLiteral("type"), QStringLiteral("state")}},
                    QJsonObject{{QStringLiteral("code"), QStringLiteral("stand")},
                                {QStringLiteral("label"), QStringLiteral("Standing")},
                                {QStringLiteral("type"), QStringLiteral("state")}},
                    QJsonObject{{QStringLiteral("code"), QStringLiteral("smile")},
                                {QStringLiteral("label"), QStringLiteral("Smiles")},
                                {QStringLiteral("type"), QStringLiteral("point")}}}},
    };
}

QByteArray bytes(const QJsonObject &o)
{
    return QJsonDocument(o).toJson();
}

QJsonObject withBehaviour(QJsonObject o, int index, const QString &field, const QJsonValue &value)
{
    QJsonArray behaviours = o.value(QStringLiteral("behaviours")).toArray();
    QJsonObject b = behaviours[index].toObject();
    b.insert(field, value);
    behaviours[index] = b;
    o.insert(QStringLiteral("behaviours"), behaviours);
    return o;
}

} // namespace

class TestScheme : public QObject {
    Q_OBJECT

private slots:
    void builtInSchemesAreValid()
    {
        for (const CodingScheme &s : builtInSchemes()) {
            const SchemeIssue issue = validateScheme(s);
            QVERIFY2(issue.problem == SchemeProblem::None, qPrintable(s.id + QLatin1Char(' ') + schemeIssueText(issue)));
        }
    }

    void quisIsOrderedFromPositiveSocialToNegativeRestrictive()
    {
        const CodingScheme quis = quisScheme();
        QVERIFY(quis.category(QStringLiteral("quis"))->ordered);
        QCOMPARE(quis.behavioursIn(QStringLiteral("quis")),
                 (QStringList{QStringLiteral("ps"), QStringLiteral("pc"), QStringLiteral("n"), QStringLiteral("np"),
                              QStringLiteral("nr")}));
        QCOMPARE(labelIn(quis.behaviour(QStringLiteral("np"))->label, QStringLiteral("en")),
                 QStringLiteral("Negative protective"));
        QCOMPARE(labelIn(quis.behaviour(QStringLiteral("nr"))->label, QStringLiteral("sv")),
                 QStringLiteral("Negativ begränsande"));
        QVERIFY(quis.samplingIntervalS > 0);
    }

    void coproductionCrossesRolesWithContributionTypes()
    {
        const CodingScheme s = coproductionScheme();
        for (const char *role : {"patient", "family", "staff", "manager", "researcher"})
            QVERIFY(s.hasRole(QString::fromLatin1(role)));
        for (const char *type : {"idea", "question", "decision", "challenge", "story"}) {
            const Behaviour *b = s.behaviour(QString::fromLatin1(type));
            QVERIFY(b);
            QCOMPARE(b->subject, SubjectRule::Required);
        }
        QVERIFY(!s.category(QStringLiteral("contribution"))->ordered);
    }

    void jsonRoundTripKeepsEverything()
    {
        CodingScheme s = quisScheme();
        Modifier m;
        m.code = QStringLiteral("initiated_by");
        m.label = {{QStringLiteral("en"), QStringLiteral("Initiated by")}};
        m.type = ModifierType::SingleChoice;
        m.options = {ModifierOption{QStringLiteral("staff"), {{QStringLiteral("en"), QStringLiteral("Staff")}}},
                     ModifierOption{QStringLiteral("patient"), {{QStringLiteral("en"), QStringLiteral("Patient")}}}};
        Modifier minutes;
        minutes.code = QStringLiteral("minutes");
        minutes.label = {{QStringLiteral("en"), QStringLiteral("Minutes")}};
        minutes.type = ModifierType::Number;
        minutes.minimum = 0;
        minutes.maximum = 90.5;
        s.modifiers = {m, minutes};
        s.behaviours[0].modifiers = {QStringLiteral("initiated_by"), QStringLiteral("minutes")};
        for (const CodingScheme &original : {s, coproductionScheme()}) {
            auto back = schemeFromJson(schemeToJson(original));
            QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().detail));
            QCOMPARE(back.value(), original);
            auto compact = schemeFromJson(schemeToJson(original, true));
            QVERIFY(compact.ok());
            QCOMPARE(compact.value(), original);
        }
    }

    void minimalSchemeImports()
    {
        SchemeIssue issue;
        auto s = schemeFromJson(bytes(minimal()), &issue);
        QVERIFY2(s.ok(), qPrintable(schemeIssueText(issue)));
        QCOMPARE(s->behaviours.size(), 3);
        QCOMPARE(labelIn(s->behaviours[0].label, QStringLiteral("sv")), QStringLiteral("Sitting"));
    }

    void refusesBadImports_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<SchemeProblem>("problem");
        QTest::addColumn<QString>("path");

        QTest::newRow("not json") << QByteArray("{\"format\": ") << SchemeProblem::BadJson << QString();
        QTest::newRow("array") << QByteArray("[1, 2]") << SchemeProblem::BadJson << QString();

        QJsonObject o = minimal();
        o.insert(QStringLiteral("format"), QStringLiteral("boris-project"));
        QTest::newRow("other format") << bytes(o) << SchemeProblem::UnsupportedFormat << QStringLiteral("format");
        o = minimal();
        o.insert(QStringLiteral("format_version"), 2);
        QTest::newRow("newer format") << bytes(o) << SchemeProblem::UnsupportedFormat
                                      << QStringLiteral("format_version");
        o = minimal();
        o.insert(QStringLiteral("exclusve_groups"), QJsonArray());
        QTest::newRow("misspelt field") << bytes(o) << SchemeProblem::UnknownField << QStringLiteral("exclusve_groups");
        o = minimal();
        o.remove(QStringLiteral("name"));
        QTest::newRow("no name") << bytes(o) << SchemeProblem::MissingField << QStringLiteral("name");
        QTest::newRow("type typo") << bytes(withBehaviour(minimal(), 1, QStringLiteral("type"), QStringLiteral("states")))
                                   << SchemeProblem::WrongType << QStringLiteral("behaviours[1].type");
        QTest::newRow("number as text")
            << bytes(withBehaviour(minimal(), 0, QStringLiteral("modifiers"), QStringLiteral("x")))
            << SchemeProblem::WrongType << QStringLiteral("behaviours[0].modifiers");
        QTest::newRow("duplicate behaviour code")
            << bytes(withBehaviour(minimal(), 2, QStringLiteral("code"), QStringLiteral("sit")))
            << SchemeProblem::DuplicateCode << QStringLiteral("behaviours[2].code");
        QTest::newRow("code with space")
            << bytes(withBehaviour(minimal(), 2, QStringLiteral("code"), QStringLiteral("big smile")))
            << SchemeProblem::BadCode << QStringLiteral("behaviours[2].code");
        QTest::newRow("unknown category")
            << bytes(withBehaviour(minimal(), 0, QStringLiteral("category"), QStringLiteral("posture")))
            << SchemeProblem::UnknownCategory << QStringLiteral("behaviours[0].category");
        QTest::newRow("unknown modifier")
            << bytes(withBehaviour(minimal(), 0, QStringLiteral("modifiers"), QJsonArray{QStringLiteral("how")}))
            << SchemeProblem::UnknownModifier << QStringLiteral("behaviours[0].modifiers");
        QTest::newRow("subject required without subjects")
            << bytes(withBehaviour(minimal(), 2, QStringLiteral("subject"), QStringLiteral("required")))
            << SchemeProblem::BadSubjects << QStringLiteral("behaviours[2].subject");

        auto group = [](const QJsonArray &members) {
            QJsonObject g = minimal();
            g.insert(QStringLiteral("exclusive_groups"),
                     QJsonArray{QJsonObject{{QStringLiteral("code"), QStringLiteral("posture")},
                                            {QStringLiteral("behaviours"), members}}});
            return bytes(g);
        };
        QTest::newRow("group with a point event")
            << group({QStringLiteral("sit"), QStringLiteral("smile")}) << SchemeProblem::BadExclusiveGroup
            << QStringLiteral("exclusive_groups[0]");
        QTest::newRow("group of one") << group({QStringLiteral("sit")}) << SchemeProblem::BadExclusiveGroup
                                      << QStringLiteral("exclusive_groups[0]");
        QTest::newRow("group names a member twice")
            << group({QStringLiteral("sit"), QStringLiteral("sit")}) << SchemeProblem::BadExclusiveGroup
            << QStringLiteral("exclusive_groups[0]");
        QTest::newRow("group names an unknown behaviour")
            << group({QStringLiteral("sit"), QStringLiteral("lie")}) << SchemeProblem::UnknownBehaviour
            << QStringLiteral("exclusive_groups[0].behaviours");

        o = minimal();
        o.insert(QStringLiteral("modifiers"),
                 QJsonArray{QJsonObject{{QStringLiteral("code"), QStringLiteral("how")},
                                        {QStringLiteral("label"), QStringLiteral("How")},
                                        {QStringLiteral("type"), QStringLiteral("single_choice")}}});
        QTest::newRow("choice without options") << bytes(o) << SchemeProblem::BadModifier
                                                << QStringLiteral("modifiers[0].options");
        o = minimal();
        o.insert(QStringLiteral("modifiers"),
                 QJsonArray{QJsonObject{{QStringLiteral("code"), QStringLiteral("n")},
                                        {QStringLiteral("label"), QStringLiteral("N")},
                                        {QStringLiteral("type"), QStringLiteral("number")},
                                        {QStringLiteral("minimum"), 5},
                                        {QStringLiteral("maximum"), 1}}});
        QTest::newRow("minimum above maximum") << bytes(o) << SchemeProblem::BadModifier
                                               << QStringLiteral("modifiers[0]");
        o = minimal();
        o.insert(QStringLiteral("behaviours"), QJsonArray());
        QTest::newRow("no behaviours") << bytes(o) << SchemeProblem::NoBehaviours << QStringLiteral("behaviours");
    }

    void refusesBadImports()
    {
        QFETCH(QByteArray, json);
        QFETCH(SchemeProblem, problem);
        QFETCH(QString, path);
        SchemeIssue issue;
        auto s = schemeFromJson(json, &issue);
        QVERIFY(!s.ok());
        QCOMPARE(s.code(), ErrorCode::InvalidArgument);
        QCOMPARE(issue.problem, problem);
        QCOMPARE(issue.path, path);
        QVERIFY(s.error().detail.startsWith(schemeProblemKey(problem)));
        // The sentence a person reads names the place in the file.
        const QString text = schemeIssueText(issue);
        QVERIFY(!text.isEmpty());
        if (!path.isEmpty())
            QVERIFY2(text.contains(path), qPrintable(text));
    }

    void duplicateCodeMessageNamesTheCode()
    {
        SchemeIssue issue;
        QVERIFY(!schemeFromJson(bytes(withBehaviour(minimal(), 2, QStringLiteral("code"), QStringLiteral("sit"))), &issue).ok());
        QCOMPARE(issue.value, QStringLiteral("sit"));
        QVERIFY(schemeIssueText(issue).contains(QStringLiteral("\"sit\"")));
    }

    void exclusiveGroupsFindTheOtherMembers()
    {
        QJsonObject o = minimal();
        o.insert(QStringLiteral("exclusive_groups"),
                 QJsonArray{QJsonObject{{QStringLiteral("code"), QStringLiteral("posture")},
                                        {QStringLiteral("behaviours"),
                                         QJsonArray{QStringLiteral("sit"), QStringLiteral("stand")}}}});
        auto s = schemeFromJson(bytes(o));
        QVERIFY(s.ok());
        QCOMPARE(s->excludedBy(QStringLiteral("sit")), QStringList{QStringLiteral("stand")});
        QVERIFY(s->excludedBy(QStringLiteral("smile")).isEmpty());
    }

    void modifierValuesAreChecked()
    {
        CodingScheme s = quisScheme();
        Modifier choice;
        choice.code = QStringLiteral("by");
        choice.label = {{QString(), QStringLiteral("By")}};
        choice.type = ModifierType::SingleChoice;
        choice.required = true;
        choice.options = {ModifierOption{QStringLiteral("staff"), {{QString(), QStringLiteral("Staff")}}}};
        Modifier count;
        count.code = QStringLiteral("count");
        count.label = {{QString(), QStringLiteral("Count")}};
        count.type = ModifierType::Number;
        count.minimum = 0;
        count.maximum = 10;
        s.modifiers = {choice, count};
        s.behaviours[0].modifiers = {QStringLiteral("by"), QStringLiteral("count")};
        const Behaviour &b = s.behaviours[0];
        QVERIFY(checkModifiers(s, b, {{QStringLiteral("by"), QStringLiteral("staff")}}).ok());
        QVERIFY(checkModifiers(s, b, {{QStringLiteral("by"), QStringLiteral("staff")}, {QStringLiteral("count"), 3.5}}).ok());
        QVERIFY(!checkModifiers(s, b, {}).ok());   // required
        QVERIFY(!checkModifiers(s, b, {{QStringLiteral("by"), QStringLiteral("nurse")}}).ok());
        QVERIFY(!checkModifiers(s, b, {{QStringLiteral("by"), QStringLiteral("staff")}, {QStringLiteral("count"), 11}}).ok());
        QVERIFY(!checkModifiers(s, b, {{QStringLiteral("by"), QStringLiteral("staff")}, {QStringLiteral("other"), 1}}).ok());
    }
};

QTEST_GUILESS_MAIN(TestScheme)
#include "tst_scheme.moc"
