// ConsentFormEditor over a real store: authoring with problems named beside their fields, publishing
// versions (old ones unchanged and still readable), import errors, export round trip.
#include "app/domain/consentforms.h"
#include "app/domain/consentlog.h"
#include "app/domain/participants.h"
#include "app/store/localstore.h"
#include "app/ui/appmodes.h"
#include "app/ui/appservices.h"
#include "app/ui/appsettings.h"
#include "app/ui/consentformeditor.h"
#include "app/ui/session.h"
#include "platform/crypto/crypto.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace samla;
using namespace samla::ui;

class TestUiConsentForms : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<AppServices> m_services;

    ConsentFormEditor &editor() { return m_services->consentForms(); }
    store::LocalStore &store() { return *m_services->session().store(); }
    QVariantMap form(int index) { return editor().forms().value(index).toMap(); }
    int versionCount(int formIndex) { return int(form(formIndex).value(QStringLiteral("versions")).toList().size()); }
    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            return {};
        return path;
    }
    // A complete new form in both languages, with one item.
    void fillNewForm()
    {
        editor().discardChanges();
        editor().newForm();
        editor().setTitle(QStringLiteral("sv"), QStringLiteral("Samtycke: fokusgrupp"));
        editor().setTitle(QStringLiteral("en"), QStringLiteral("Consent: focus group"));
        editor().setInformation(QStringLiteral("sv"), QStringLiteral("Vi samtalar i grupp om tryggheten hemma."));
        editor().setInformation(QStringLiteral("en"), QStringLiteral("We talk in a group about feeling secure at home."));
        editor().setItemText(0, QStringLiteral("sv"), QStringLiteral("Jag deltar i fokusgruppen."));
        editor().setItemText(0, QStringLiteral("en"), QStringLiteral("I take part in the focus group."));
    }

private slots:
    void initTestCase();
    void listsTheProjectsFormWithItsVersion();
    void problemsAreNamedBesideTheirFieldsAndNothingIsLost_data();
    void problemsAreNamedBesideTheirFieldsAndNothingIsLost();
    void problemsAreInTheUsersLanguage();
    void itemsCanBeAddedRemovedAndReordered();
    void newFormPublishesVersionOne();
    void editingPublishesVersionTwoAndVersionOneStaysAsGiven();
    void unchangedContentMakesNoVersion();
    void importRefusesWithAReason_data();
    void importRefusesWithAReason();
    void importsAFormAndRefusesItTwice();
    void exportRoundTrips();
    void exportSaysWhenItCannotWrite();
};

void TestUiConsentForms::initTestCase()
{
    QVERIFY(crypto::initialize().ok());
    QVERIFY(m_dir.isValid());
    AppServicesOptions options;
    options.dataDir = m_dir.filePath(QStringLiteral("data"));
    options.systemLocale = QLocale(QLocale::English, QLocale::UnitedKingdom);
    options.fixedKdf = AppServices::cheapKdfForTests();
    options.application = qApp;
    m_services = std::make_unique<AppServices>(options);
    QString error;
    QVERIFY2(createUnlockedDemoStore(*m_services, QStringLiteral("blue tractor umbrella 42"), &error),
        qPrintable(error));
    editor().setExportDirectory(m_dir.filePath(QStringLiteral("exports")));
}

void TestUiConsentForms::listsTheProjectsFormWithItsVersion()
{
    editor().refresh();
    QCOMPARE(editor().forms().size(), 1);
    auto latest = domain::ConsentForms(store().records()).forms(m_services->session().projectId());
    QVERIFY(latest.ok());
    QCOMPARE(form(0).value(QStringLiteral("number")).toInt(), 1);
    QCOMPARE(form(0).value(QStringLiteral("hash")).toString(), latest->constFirst().hash.left(12));
    QVERIFY(!form(0).value(QStringLiteral("date")).toString().isEmpty());
    QCOMPARE(form(0).value(QStringLiteral("title")).toString(), latest->constFirst().content.title.value("en"));
    QCOMPARE(versionCount(0), 1);
}

void TestUiConsentForms::problemsAreNamedBesideTheirFieldsAndNothingIsLost_data()
{
    QTest::addColumn<QString>("spoil");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("says");
    QTest::newRow("no Swedish title") << "title.sv" << "title.sv" << "title in Swedish";
    QTest::newRow("no English information") << "information.en" << "information.en" << "information text in English";
    QTest::newRow("no items") << "noItems" << "items" << "at least one item";
    QTest::newRow("item without English") << "itemText.en" << "item.0.text.en" << "in English";
    QTest::newRow("id not allowed") << "badId" << "item.0.id" << "a–z, 0–9 and _";
    QTest::newRow("duplicate id") << "duplicateId" << "item.1.id" << "already has the id “observation”";
}

void TestUiConsentForms::problemsAreNamedBesideTheirFieldsAndNothingIsLost()
{
    QFETCH(QString, spoil);
    QFETCH(QString, field);
    QFETCH(QString, says);
    editor().refresh();
    const int formsBefore = int(editor().forms().size());
    fillNewForm();
    if (spoil == QLatin1String("title.sv"))
        editor().setTitle(QStringLiteral("sv"), QStringLiteral("   "));
    else if (spoil == QLatin1String("information.en"))
        editor().setInformation(QStringLiteral("en"), QString());
    else if (spoil == QLatin1String("noItems"))
        editor().removeItem(0);
    else if (spoil == QLatin1String("itemText.en"))
        editor().setItemText(0, QStringLiteral("en"), QString());
    else if (spoil == QLatin1String("badId"))
        editor().setItemId(0, QStringLiteral("Audio recording"));
    else if (spoil == QLatin1String("duplicateId")) {
        editor().addItem();
        editor().setItemText(1, QStringLiteral("sv"), QStringLiteral("Igen."));
        editor().setItemText(1, QStringLiteral("en"), QStringLiteral("Again."));
        editor().setItemId(1, QStringLiteral("observation"));
    }
    QVERIFY(editor().problems().isEmpty()); // nothing is shown before publishing is tried
    QSignalSpy published(&editor(), &ConsentFormEditor::published);
    QVERIFY(!editor().publish());
    QCOMPARE(published.count(), 0);
    const QVariantMap problems = editor().problems();
    QCOMPARE(problems.keys(), QStringList { field });
    QVERIFY2(problems.value(field).toString().contains(says), qPrintable(problems.value(field).toString()));
    QVERIFY2(editor().errorString().contains(QStringLiteral("Nothing you wrote is lost")), qPrintable(editor().errorString()));
    // Nothing published, nothing lost.
    editor().refresh();
    QCOMPARE(editor().forms().size(), formsBefore);
    QCOMPARE(editor().title().value(QStringLiteral("en")).toString(), QStringLiteral("Consent: focus group"));
    QVERIFY(editor().dirty());
    // Fixing the field takes its problem away as it is fixed.
    if (field.startsWith(QLatin1String("title")))
        editor().setTitle(QStringLiteral("sv"), QStringLiteral("Samtycke"));
    else if (field.startsWith(QLatin1String("information")))
        editor().setInformation(QStringLiteral("en"), QStringLiteral("Text."));
    else if (field == QLatin1String("items"))
        editor().addItem();
    else if (field.endsWith(QLatin1String("text.en")))
        editor().setItemText(0, QStringLiteral("en"), QStringLiteral("Yes."));
    else
        editor().setItemId(field == QLatin1String("item.1.id") ? 1 : 0, QStringLiteral("focus_group"));
    if (field != QLatin1String("items")) {
        QVERIFY(editor().problems().isEmpty());
        QVERIFY(editor().errorString().isEmpty());
    } else {
        QVERIFY(!editor().problems().contains(QStringLiteral("items")));
    }
    editor().discardChanges();
}

void TestUiConsentForms::problemsAreInTheUsersLanguage()
{
    fillNewForm();
    editor().setTitle(QStringLiteral("sv"), QString());
    QVERIFY(!editor().publish());
    QSignalSpy problemsChanged(&editor(), &ConsentFormEditor::problemsChanged);
    m_services->settings().setLanguage(QStringLiteral("sv"));
    QVERIFY(problemsChanged.count() > 0);
    const QString text = editor().problems().value(QStringLiteral("title.sv")).toString();
    m_services->settings().setLanguage(QStringLiteral("en"));
    QCOMPARE(text, QStringLiteral("Skriv titeln på svenska."));
    editor().discardChanges();
}

void TestUiConsentForms::itemsCanBeAddedRemovedAndReordered()
{
    editor().newForm();
    QCOMPARE(editor().items().size(), 1);
    editor().addItem();
    editor().addItem();
    const auto ids = [this] {
        QStringList out;
        for (const QVariant &item : editor().items())
            out << item.toMap().value(QStringLiteral("itemId")).toString();
        return out;
    };
    // New items ask about the activities the form does not cover yet.
    QCOMPARE(ids(), (QStringList { "observation", "interview", "audio_recording" }));
    editor().moveItem(2, -1);
    QCOMPARE(ids(), (QStringList { "observation", "audio_recording", "interview" }));
    editor().moveItem(0, -1); // already first: nothing moves
    QCOMPARE(ids(), (QStringList { "observation", "audio_recording", "interview" }));
    editor().removeItem(0);
    QCOMPARE(ids(), (QStringList { "audio_recording", "interview" }));
    editor().setItemRequired(1, true);
    editor().setItemActivity(1, QStringLiteral("diary"));
    QCOMPARE(editor().items().value(1).toMap().value(QStringLiteral("activity")).toString(), QStringLiteral("diary"));
    QVERIFY(editor().items().value(1).toMap().value(QStringLiteral("required")).toBool());
    editor().discardChanges();
    QCOMPARE(ids(), QStringList { "observation" });
}

void TestUiConsentForms::newFormPublishesVersionOne()
{
    editor().refresh();
    const int before = int(editor().forms().size());
    fillNewForm();
    editor().addItem();
    editor().setItemText(1, QStringLiteral("sv"), QStringLiteral("Samtalet får spelas in."));
    editor().setItemText(1, QStringLiteral("en"), QStringLiteral("The talk may be recorded."));
    editor().moveItem(1, -1);
    QSignalSpy published(&editor(), &ConsentFormEditor::published);
    QVERIFY2(editor().publish(), qPrintable(editor().errorString()));
    QCOMPARE(published.count(), 1);
    QCOMPARE(editor().forms().size(), before + 1);
    auto version = domain::ConsentForms(store().records()).version(published.at(0).at(0).toString());
    QVERIFY(version.ok());
    QCOMPARE(version->number, 1);
    QCOMPARE(version->content.items.size(), 2);
    QCOMPARE(version->content.items.at(0).id, QStringLiteral("interview")); // in the order shown
    QCOMPARE(version->content.items.at(0).text.value("en"), QStringLiteral("The talk may be recorded."));
    QVERIFY(editor().infoString().contains(QStringLiteral("version 1")));
    QVERIFY(editor().infoString().contains(version->hash.left(12)));
    // The editor continues on the published form.
    QCOMPARE(editor().formId(), version->formId);
    QCOMPARE(editor().baseNumber(), 1);
    QVERIFY(!editor().dirty());
}

void TestUiConsentForms::editingPublishesVersionTwoAndVersionOneStaysAsGiven()
{
    editor().refresh();
    const QString formId = form(0).value(QStringLiteral("formId")).toString();
    domain::ConsentForms forms(store().records());
    auto v1 = forms.latest(m_services->session().projectId(), formId);
    QVERIFY(v1.ok());
    QCOMPARE(v1->number, 1);

    // A consent given with version 1.
    auto person = domain::Participants(store().records()).enrol(m_services->session().projectId(), {});
    QVERIFY(person.ok());
    domain::ConsentCapture capture;
    capture.participantId = person->id;
    capture.formVersionId = v1->id;
    capture.language = QStringLiteral("en");
    for (const auto &item : v1->content.items)
        capture.answers.insert(item.id, true);
    capture.method = domain::ConsentMethod::VerbalWithWitness;
    capture.witness = QStringLiteral("KB");
    capture.obtainedBy = QStringLiteral("AL");
    auto given = domain::ConsentLog(store(), m_services->clock()).takeConsent(capture);
    QVERIFY2(given.ok(), qPrintable(given.ok() ? QString() : given.error().detail));

    QVERIFY(editor().editForm(formId));
    QCOMPARE(editor().baseNumber(), 1);
    QCOMPARE(editor().title().value(QStringLiteral("en")).toString(), v1->content.title.value("en"));
    editor().setTitle(QStringLiteral("en"), QStringLiteral("Consent: Learning café (revised)"));
    editor().setInformation(QStringLiteral("sv"), v1->content.information.value("sv") + QStringLiteral(" Ny mening."));
    editor().setInformation(QStringLiteral("en"), v1->content.information.value("en") + QStringLiteral(" A new sentence."));
    QVERIFY(editor().dirty());
    QVERIFY2(editor().publish(), qPrintable(editor().errorString()));

    editor().refresh();
    QCOMPARE(form(0).value(QStringLiteral("number")).toInt(), 2);
    QCOMPARE(versionCount(0), 2);
    auto v2 = forms.latest(m_services->session().projectId(), formId);
    QVERIFY(v2.ok());
    QCOMPARE(v2->number, 2);
    QVERIFY(v2->hash != v1->hash);
    QCOMPARE(form(0).value(QStringLiteral("hash")).toString(), v2->hash.left(12));
    QVERIFY(editor().infoString().contains(v2->hash.left(12)));

    // Version 1, read-only, exactly as published, with the consent given with it.
    QVERIFY(editor().showVersion(v1->id));
    QVariantMap shown = editor().shown();
    QCOMPARE(shown.value(QStringLiteral("number")).toInt(), 1);
    QCOMPARE(shown.value(QStringLiteral("latestNumber")).toInt(), 2);
    QCOMPARE(shown.value(QStringLiteral("hash")).toString(), v1->hash);
    editor().setShownLanguage(QStringLiteral("en"));
    shown = editor().shown();
    QCOMPARE(shown.value(QStringLiteral("title")).toString(), v1->content.title.value("en"));
    QCOMPARE(shown.value(QStringLiteral("information")).toString(), v1->content.information.value("en"));
    QCOMPARE(shown.value(QStringLiteral("consents")).toInt(), 1);
    QCOMPARE(shown.value(QStringLiteral("codes")).toString(), person->code);
    QCOMPARE(shown.value(QStringLiteral("items")).toList().size(), v1->content.items.size());
    auto reread = forms.version(v1->id);
    QVERIFY(reread.ok());
    QCOMPARE(reread->content, v1->content);
    auto event = domain::ConsentLog(store(), m_services->clock()).event(given->id);
    QVERIFY(event.ok());
    QCOMPARE(event->formVersionId, v1->id);
    QCOMPARE(event->formHash, v1->hash);

    QVERIFY(editor().showVersion(v2->id));
    QCOMPARE(editor().shown().value(QStringLiteral("consents")).toInt(), 0);
    QCOMPARE(editor().shown().value(QStringLiteral("latestNumber")).toInt(), 2);
}

void TestUiConsentForms::unchangedContentMakesNoVersion()
{
    editor().refresh();
    const QString formId = form(0).value(QStringLiteral("formId")).toString();
    QVERIFY(editor().editForm(formId));
    const int number = editor().baseNumber();
    QSignalSpy published(&editor(), &ConsentFormEditor::published);
    QVERIFY(!editor().publish());
    QVERIFY2(editor().infoString().contains(QStringLiteral("no new version")), qPrintable(editor().infoString()));
    QVERIFY(editor().errorString().isEmpty());
    // Spaces around a text are not a change either.
    editor().setTitle(QStringLiteral("en"), editor().title().value(QStringLiteral("en")).toString() + QStringLiteral("  "));
    QVERIFY(!editor().dirty());
    QVERIFY(!editor().publish());
    QCOMPARE(published.count(), 0);
    editor().refresh();
    QCOMPARE(form(0).value(QStringLiteral("number")).toInt(), number);
}

void TestUiConsentForms::importRefusesWithAReason_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("says");
    QTest::newRow("missing file") << "" << QByteArray() << "There is no file at";
    QTest::newRow("malformed JSON") << "broken.json" << QByteArray("{\n  \"title\": {\"sv\": \"A\",\n  \"items\": [\n")
                                    << "not valid JSON: there is a mistake on line";
    QTest::newRow("not an object") << "list.json" << QByteArray("[1, 2]") << "should be one JSON object";
    QTest::newRow("no items") << "empty.json"
                              << QByteArray(R"({"title": {"en": "T"}, "information": {"en": "I"}, "items": []})")
                              << "has no consent items";
    QTest::newRow("unknown activity")
        << "video.json"
        << QByteArray(R"({"title": {"en": "T"}, "information": {"en": "I"}, "items": [)"
                      R"({"id": "video", "activity": "video", "required": false, "text": {"en": "Video."}}]})")
        << "names the activity “video”, which Samla does not know";
    QTest::newRow("half a translation")
        << "half.json"
        << QByteArray(R"({"title": {"en": "T", "sv": "T"}, "information": {"en": "I"}, "items": [)"
                      R"({"id": "a", "activity": "diary", "required": true, "text": {"en": "A."}}]})")
        << "The text in Swedish is incomplete";
}

void TestUiConsentForms::importRefusesWithAReason()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, says);
    editor().refresh();
    const int before = int(editor().forms().size());
    const QString path = file.isEmpty() ? m_dir.filePath(QStringLiteral("no-such-form.json")) : writeFile(file, bytes);
    QVERIFY(!path.isEmpty());
    QVERIFY(!editor().importFile(path));
    QVERIFY2(editor().importErrorString().contains(says), qPrintable(editor().importErrorString()));
    QVERIFY(editor().importInfoString().isEmpty());
    editor().refresh();
    QCOMPARE(editor().forms().size(), before);
}

void TestUiConsentForms::importsAFormAndRefusesItTwice()
{
    editor().refresh();
    const int before = int(editor().forms().size());
    const QString path = qEnvironmentVariable("SAMLA_TEST_DATA") + QStringLiteral("/consent-form-learning-cafe.json");
    QVERIFY2(editor().importFile(QUrl::fromLocalFile(path).toString()), qPrintable(editor().importErrorString()));
    QVERIFY(editor().importErrorString().isEmpty());
    QVERIFY2(editor().importInfoString().contains(QStringLiteral("version 1")), qPrintable(editor().importInfoString()));
    QCOMPARE(editor().forms().size(), before + 1);
    const QVariantMap imported = editor().forms().constLast().toMap();
    QCOMPARE(imported.value(QStringLiteral("title")).toString(),
        QStringLiteral("Consent: Learning café for people with cardiac care needs"));
    QCOMPARE(imported.value(QStringLiteral("number")).toInt(), 1);

    QVERIFY(!editor().importFile(path));
    QVERIFY2(editor().importErrorString().contains(QStringLiteral("already here")), qPrintable(editor().importErrorString()));
    QCOMPARE(editor().forms().size(), before + 1);
}

void TestUiConsentForms::exportRoundTrips()
{
    editor().refresh();
    const QString versionId = form(0).value(QStringLiteral("versionId")).toString();
    auto version = domain::ConsentForms(store().records()).version(versionId);
    QVERIFY(version.ok());
    QVERIFY2(editor().exportVersion(versionId), qPrintable(editor().exportMessage()));
    QVERIFY(!editor().exportFailed());
    QCOMPARE(editor().exportVersionId(), versionId);
    const QString path = editor().lastExportPath();
    QVERIFY(path.endsWith(QStringLiteral("-v%1.json").arg(version->number)));
    QVERIFY(editor().exportMessage().contains(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    auto parsed = domain::ConsentForms::parseJson(file.readAll());
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.value(), version->content);
    QCOMPARE(domain::ConsentForms::contentHash(parsed.value()), version->hash);
    // Imported back into the same project, it is recognised as the same form.
    QVERIFY(!editor().importFile(path));
    QVERIFY(editor().importErrorString().contains(QStringLiteral("already here")));
}

void TestUiConsentForms::exportSaysWhenItCannotWrite()
{
    editor().refresh();
    const QString blocker = writeFile(QStringLiteral("a-file-not-a-folder"), "x");
    const QString previous = editor().exportDirectory();
    editor().setExportDirectory(blocker);
    QVERIFY(!editor().exportVersion(form(0).value(QStringLiteral("versionId")).toString()));
    QVERIFY(editor().exportFailed());
    QVERIFY2(editor().exportMessage().contains(QStringLiteral("could not be saved")), qPrintable(editor().exportMessage()));
    QVERIFY(editor().lastExportPath().isEmpty());
    editor().setExportDirectory(previous);
}

QTEST_MAIN(TestUiConsentForms)

#include "tst_ui_consentforms.moc"
