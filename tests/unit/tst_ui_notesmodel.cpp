// NotesModel: paging by 50, search hits with safe highlighting, errors reported.
#include "app/ui/notesmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace samla;
using namespace samla::ui;

namespace {

class FakeNotes final : public NoteSource {
public:
    QList<domain::Note> notes; // newest first
    QList<domain::NoteHit> hits;
    std::optional<ErrorCode> failWith;
    mutable int listCalls = 0;

    explicit FakeNotes(int count)
    {
        for (int i = 0; i < count; ++i) {
            domain::Note note;
            note.id = QStringLiteral("id-%1").arg(i);
            note.title = QStringLiteral("Note %1").arg(i);
            note.text = QStringLiteral("\n  First line of %1  \nsecond line").arg(i);
            note.version = 1;
            note.updatedMs = 1'700'000'000'000 - qint64(i) * 60'000;
            notes.append(note);
        }
    }
    Result<QList<domain::Note>> list(int limit, int offset) const override
    {
        ++listCalls;
        if (failWith)
            return makeError(*failWith);
        return notes.mid(offset, limit);
    }
    Result<int> count() const override
    {
        if (failWith)
            return makeError(*failWith);
        return int(notes.size());
    }
    Result<QList<domain::NoteHit>> search(const QString &, int limit) const override
    {
        if (failWith)
            return makeError(*failWith);
        return hits.mid(0, limit);
    }
};

} // namespace

class TestNotesModel : public QObject {
    Q_OBJECT
private slots:
    void pagesByFifty();
    void pagingPassesTheModelTester();
    void emptyWithoutSource();
    void rolesShowTitleFirstLineAndLocalTime();
    void searchHighlightsMatchesAndEscapesTheRest();
    void searchFallsBackToFirstLine();
    void richTextConversion_data();
    void richTextConversion();
    void failureIsReported();
};

void TestNotesModel::pagesByFifty()
{
    FakeNotes source(120);
    NotesModel model;
    model.setSource(&source);

    QCOMPARE(model.rowCount(), 50);
    QCOMPARE(model.totalCount(), 120);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 100);
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 120);
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(model.data(model.index(0), NotesModel::IdRole).toString(), QStringLiteral("id-0"));
    QCOMPARE(model.data(model.index(119), NotesModel::IdRole).toString(), QStringLiteral("id-119"));

    // Reloading starts over at the first page (after a save the newest note is on top).
    source.notes.prepend(source.notes.takeLast());
    model.reload();
    QCOMPARE(model.rowCount(), 50);
    QCOMPARE(model.data(model.index(0), NotesModel::IdRole).toString(), QStringLiteral("id-119"));
}

void TestNotesModel::pagingPassesTheModelTester()
{
    // The tester itself calls fetchMore() from the model's signals, as views do.
    FakeNotes source(120);
    NotesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSource(&source);
    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(model.rowCount(), 120);
    for (int row = 0; row < 120; ++row)
        QCOMPARE(
            model.data(model.index(row), NotesModel::IdRole).toString(), QStringLiteral("id-%1").arg(row));
    QVERIFY(source.listCalls <= 4); // three pages (plus nothing twice)
}

void TestNotesModel::emptyWithoutSource()
{
    NotesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));
    FakeNotes source(3);
    model.setSource(&source);
    QCOMPARE(model.rowCount(), 3);
    model.setSource(nullptr); // locked: nothing stays in the list
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.totalCount(), 0);
}

void TestNotesModel::rolesShowTitleFirstLineAndLocalTime()
{
    FakeNotes source(2);
    source.notes[1].title.clear();
    NotesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setLocale(QLocale(QLocale::Swedish, QLocale::Sweden));
    model.setSource(&source);

    const QModelIndex first = model.index(0);
    QCOMPARE(model.data(first, NotesModel::TitleRole).toString(), QStringLiteral("Note 0"));
    QCOMPARE(model.data(first, NotesModel::FirstLineRole).toString(), QStringLiteral("First line of 0"));
    const QString swedishTime = model.data(first, NotesModel::UpdatedRole).toString();
    QCOMPARE(swedishTime,
        QLocale(QLocale::Swedish, QLocale::Sweden)
            .toString(QDateTime::fromMSecsSinceEpoch(1'700'000'000'000), QLocale::ShortFormat));
    QVERIFY2(swedishTime.startsWith(QLatin1String("2023-11-")), qPrintable(swedishTime));
    QCOMPARE(model.data(model.index(1), NotesModel::TitleRole).toString(), QStringLiteral("Untitled note"));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
    QCOMPARE(changed.count(), 1);
    QVERIFY(model.data(first, NotesModel::UpdatedRole).toString() != swedishTime);

    const QHash<int, QByteArray> roles = model.roleNames();
    QCOMPARE(roles.value(NotesModel::TitleRichRole), QByteArray("titleRich"));
    QCOMPARE(roles.value(NotesModel::UpdatedRole), QByteArray("updated"));
}

void TestNotesModel::searchHighlightsMatchesAndEscapesTheRest()
{
    FakeNotes source(5);
    domain::NoteHit hit;
    hit.note = source.notes.at(2);
    hit.titleHighlighted = QStringLiteral("Ward <b>round</b> \x02"
                                          "morning\x03");
    hit.snippetHighlighted = QStringLiteral("the \x02"
                                            "morning\x03 & <script>x</script> handover");
    source.hits = { hit };

    NotesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSource(&source);
    QSignalSpy searching(&model, &NotesModel::searchingChanged);
    model.setQuery(QStringLiteral("  morning "));
    QCOMPARE(searching.count(), 1);
    QVERIFY(model.searching());
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(model.totalCount(), 1);

    const QString title = model.data(model.index(0), NotesModel::TitleRichRole).toString();
    QVERIFY2(title.contains(QLatin1String("&lt;b&gt;round&lt;/b&gt;")), qPrintable(title));
    QVERIFY2(title.contains(QLatin1String(">morning</span>")), qPrintable(title));
    const QString snippet = model.data(model.index(0), NotesModel::SnippetRichRole).toString();
    QVERIFY2(snippet.contains(QLatin1String("&amp; &lt;script&gt;")), qPrintable(snippet));
    QVERIFY(!snippet.contains(QLatin1String("<script>")));

    model.setQuery(QString());
    QVERIFY(!model.searching());
    QCOMPARE(model.rowCount(), 5);
}

void TestNotesModel::searchFallsBackToFirstLine()
{
    FakeNotes source(1);
    domain::NoteHit hit;
    hit.note = source.notes.at(0);
    hit.titleHighlighted = QStringLiteral("\x02Note\x03 0");
    source.hits = { hit };
    NotesModel model;
    model.setSource(&source);
    model.setQuery(QStringLiteral("note"));
    QCOMPARE(model.data(model.index(0), NotesModel::SnippetRichRole).toString(),
        QStringLiteral("First line of 0"));
}

void TestNotesModel::richTextConversion_data()
{
    QTest::addColumn<QString>("marked");
    QTest::addColumn<QString>("expected");
    const QString open = QStringLiteral("<span style=\"background-color:#ffd54f; font-weight:bold;\">");
    QTest::newRow("plain") << "just text"
                           << "just text";
    QTest::newRow("one match") << "a \x02"
                                  "b\x03 c"
                               << "a " + open + "b</span> c";
    QTest::newRow("markup is escaped") << "<i>x</i>"
                                       << "&lt;i&gt;x&lt;/i&gt;";
    QTest::newRow("escaped inside a match") << "\x02<&>\x03" << open + "&lt;&amp;&gt;</span>";
    QTest::newRow("newlines become spaces") << "a\nb"
                                            << "a b";
    QTest::newRow("control characters dropped") << "a\x01"
                                                   "b"
                                                << "ab";
    QTest::newRow("unclosed match") << "\x02open" << open + "open</span>";
}

void TestNotesModel::richTextConversion()
{
    QFETCH(QString, marked);
    QFETCH(QString, expected);
    QCOMPARE(highlightedToRichText(marked), expected);
}

void TestNotesModel::failureIsReported()
{
    FakeNotes source(10);
    source.failWith = ErrorCode::Io;
    NotesModel model;
    QSignalSpy failed(&model, &NotesModel::failed);
    model.setSource(&source);
    QVERIFY(failed.count() >= 1);
    QCOMPARE(failed.first().first().toInt(), int(ErrorCode::Io));
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestNotesModel)
#include "tst_ui_notesmodel.moc"
