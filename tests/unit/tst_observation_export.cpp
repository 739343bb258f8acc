// Observation events as CSV/TSV: columns, RFC 4180 quoting, times with their zone.
#include "tst_consentfixture.h"

#include "app/observation/eventexport.h"

#include <QTest>

using namespace samla;
using namespace samla::observation;

class TestObservationExport : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(crypto::initialize().ok()); }

    void quotesOnlyWhatNeedsQuoting_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("csv");
        QTest::addColumn<QString>("tsv");
        QTest::newRow("plain") << "ps" << "ps" << "ps";
        QTest::newRow("comma") << "a, b" << "\"a, b\"" << "a, b";
        QTest::newRow("quote") << "say \"hi\"" << "\"say \"\"hi\"\"\"" << "\"say \"\"hi\"\"\"";
        QTest::newRow("newline") << "line\nnext" << "\"line\nnext\"" << "\"line\nnext\"";
        QTest::newRow("crlf") << "a\r\nb" << "\"a\r\nb\"" << "\"a\r\nb\"";
        QTest::newRow("tab") << "a\tb" << "a\tb" << "\"a\tb\"";
        QTest::newRow("swedish") << "Två sköterskor" << "Två sköterskor" << "Två sköterskor";
        QTest::newRow("empty") << "" << "" << "";
        // Formula injection (OWASP "CSV injection"): such cells stay text.
        QTest::newRow("formula") << "=HYPERLINK(\"http://x\")" << "\"'=HYPERLINK(\"\"http://x\"\")\""
                                 << "\"'=HYPERLINK(\"\"http://x\"\")\"";
        QTest::newRow("plus") << "+46 70" << "'+46 70" << "'+46 70";
        QTest::newRow("minus") << "-2+3" << "'-2+3" << "'-2+3";
        QTest::newRow("at") << "@SUM(A1)" << "'@SUM(A1)" << "'@SUM(A1)";
        QTest::newRow("tab first") << "\t=1" << "'\t=1" << "\"'\t=1\"";
    }

    void quotesOnlyWhatNeedsQuoting()
    {
        QFETCH(QString, field);
        QFETCH(QString, csv);
        QFETCH(QString, tsv);
        QCOMPARE(quoteField(field, QLatin1Char(',')), csv);
        QCOMPARE(quoteField(field, QLatin1Char('\t')), tsv);
    }

    void exportsASessionRowByRow()
    {
        test::ConsentFixture f;
        QVERIFY(f.setUp());
        f.clock.set(QDateTime(QDate(2026, 10, 25), QTime(0, 59, 59), Qt::UTC).toMSecsSinceEpoch());
        ManualMonotonicClock mono;
        Sessions sessions(*f.store, f.clock, mono, QTimeZone("Europe/Stockholm"));
        CodingScheme scheme = quisScheme();
        Modifier where;
        where.code = QStringLiteral("where");
        where.label = {{QString(), QStringLiteral("Where")}};
        where.type = ModifierType::MultipleChoice;
        where.options = {ModifierOption{QStringLiteral("bed"), {{QString(), QStringLiteral("Bed")}}},
                         ModifierOption{QStringLiteral("corridor"), {{QString(), QStringLiteral("Corridor")}}}};
        scheme.modifiers = {where};
        scheme.behaviours[0].modifiers = {QStringLiteral("where")};
        SessionSetup setup;
        setup.projectId = f.project.id;
        setup.observer = QStringLiteral("R1");
        setup.scheme = scheme;
        auto started = sessions.start(setup);
        QVERIFY(started.ok());
        ObservationSession &s = *started.value();
        mono.advance(500);
        f.clock.advance(500);
        QVERIFY(s.logPoint(QStringLiteral("ps"), Subject::role(QStringLiteral("patient")),
                           {{QStringLiteral("where"), QStringList{QStringLiteral("bed"), QStringLiteral("corridor")}}},
                           QStringLiteral("Said \"good morning\", then left"))
                    .ok());
        mono.advance(1'000);
        f.clock.advance(1'000);
        QVERIFY(s.note(QStringLiteral("Two lines\nof note")).ok());

        const QByteArray csv = exportEvents({&s});
        const QList<QByteArray> lines = csv.split('\n');
        QCOMPARE(lines.first(), QByteArray("session,version,observer,offset_s,wall_time,time_zone,subject,behaviour,type,"
                                           "modifiers,comment\r"));
        const QByteArray expected =
            s.id().toUtf8()
            + ",1,R1,0.500,2026-10-25T02:59:59.500+02:00,Europe/Stockholm,patient,ps,point,where=bed|corridor,"
              "\"Said \"\"good morning\"\", then left\"\r\n"
            + s.id().toUtf8()
            + ",1,R1,1.500,2026-10-25T02:00:00.500+01:00,Europe/Stockholm,,,note,,\"Two lines\nof note\"\r\n";
        QCOMPARE(csv.mid(csv.indexOf("\r\n") + 2), expected);

        const QByteArray tsv = exportEvents({&s}, Delimiter::Tab);
        QVERIFY(tsv.startsWith("session\tversion\tobserver\t"));
        QVERIFY(tsv.contains("\twhere=bed|corridor\t\"Said \"\"good morning\"\", then left\"\r\n"));
    }
};

QTEST_MAIN(TestObservationExport)
#include "tst_observation_export.moc"
