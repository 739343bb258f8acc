// Field notes beyond their words: memo types, the codebook, coded selections and links.
#include "tst_consentfixture.h"

#include "app/domain/codebook.h"
#include "app/domain/notes.h"

#include <QTest>

using namespace samla;
using namespace samla::domain;

class TestFieldNotes : public QObject {
    Q_OBJECT

    std::unique_ptr<test::ConsentFixture> f;

private slots:
    void initTestCase() { QVERIFY(crypto::initialize().ok()); }

    void init()
    {
        f = std::make_unique<test::ConsentFixture>();
        QVERIFY(f->setUp());
    }

    void cleanup() { f.reset(); }

    void codebookRefusesWhatWouldConfuseAnAnalyst()
    {
        Codebook book(f->store->records());
        auto care = book.create(f->project.id, QStringLiteral("Positive care"), {}, QStringLiteral("#22AA44"));
        QVERIFY(care.ok());
        QCOMPARE(care->color, QStringLiteral("#22aa44"));
        auto child = book.create(f->project.id, QStringLiteral("Touch"), {}, {}, care->id);
        QVERIFY(child.ok());

        auto refused = [&](const Result<Code> &r, CodebookProblem p) {
            return !r.ok() && r.code() == ErrorCode::InvalidArgument && r.error().detail == codebookProblemKey(p);
        };
        QVERIFY(refused(book.create(f->project.id, QStringLiteral("  ")), CodebookProblem::EmptyName));
        QVERIFY(refused(book.create(f->project.id, QStringLiteral("positive CARE")), CodebookProblem::DuplicateName));
        // The same name under another parent is another code.
        QVERIFY(book.create(f->project.id, QStringLiteral("Touch")).ok());
        QVERIFY(refused(book.create(f->project.id, QStringLiteral("Red"), {}, QStringLiteral("red")),
                        CodebookProblem::BadColor));
        QVERIFY(refused(book.create(f->project.id, QStringLiteral("Orphan"), {}, {}, QStringLiteral("no-such-code")),
                        CodebookProblem::UnknownParent));
        Code loop = care.value();
        loop.parentId = child->id;
        QVERIFY(refused(book.update(loop), CodebookProblem::ParentCycle));
        QVERIFY(!codebookProblemText(CodebookProblem::ParentCycle).isEmpty());
        QCOMPARE(book.list(f->project.id)->size(), 3);
    }

    void codePointsCountCharactersOutsideTheBmpOnce()
    {
        const QString text = QStringLiteral("Kaffe ☕ och 𝄞 musik 😀 idag");
        QCOMPARE(codePointLength(text), 26);
        QCOMPARE(text.size(), 28); // two surrogate pairs
        QCOMPARE(codePointSlice(text, 14, 19), QStringLiteral("musik"));
        QCOMPARE(codePointSlice(text, 12, 13), QStringLiteral("𝄞"));
        QVERIFY(codePointSlice(text, 20, 40).isEmpty());
    }

    void detailsAreCheckedAndSelectionsFollowTheirWords()
    {
        Codebook book(f->store->records());
        const Code care = book.create(f->project.id, QStringLiteral("Positive care")).value();
        Notes notes(f->store->records());
        auto note = notes.create(f->project.id, QStringLiteral("Morgon"), QStringLiteral("Sjuksköterskan 😀 hjälper Ella."));
        QVERIFY(note.ok());

        NoteDetails d;
        d.memoType = MemoType::Reflexive;
        d.codeIds = {care.id};
        d.selections = {CodedSelection{QString(), care.id, 17, 24, QString()}}; // "hjälper"
        d.siteId = f->project.settings.sites.first().id;
        auto saved = notes.setDetails(note->id, d, f->gate());
        QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().detail));
        QCOMPARE(saved->details.memoType, MemoType::Reflexive);
        QCOMPARE(saved->details.selections.size(), 1);
        QCOMPARE(saved->details.selections[0].quote, QStringLiteral("hjälper"));
        QVERIFY(!saved->details.selections[0].id.isEmpty());
        QCOMPARE(notes.get(note->id)->details.siteId, d.siteId);

        auto refusedWith = [&](NoteDetails bad, const QString &key) {
            auto r = notes.setDetails(note->id, bad, f->gate());
            return !r.ok() && r.error().detail == key;
        };
        NoteDetails bad = d;
        bad.codeIds = {QStringLiteral("not-a-code")};
        QVERIFY(refusedWith(bad, noteProblemKey(NoteProblem::UnknownCode)));
        bad = d;
        bad.selections = {CodedSelection{QString(), care.id, 20, 40, QString()}};
        QVERIFY(refusedWith(bad, noteProblemKey(NoteProblem::SelectionOutOfRange)));
        bad = d;
        bad.siteId = QStringLiteral("another-site");
        QVERIFY(refusedWith(bad, noteProblemKey(NoteProblem::UnknownSite)));

        // Words inserted before the coded passage: the selection moves with it.
        auto edited = notes.update(note->id, QStringLiteral("Morgon"),
                                   QStringLiteral("Klockan åtta: Sjuksköterskan 😀 hjälper Ella."));
        QVERIFY(edited.ok());
        QCOMPARE(edited->details.selections.size(), 1);
        const CodedSelection moved = edited->details.selections[0];
        QCOMPARE(codePointSlice(edited->text, moved.start, moved.end), QStringLiteral("hjälper"));
        QCOMPARE(moved.start, 31);
        QCOMPARE(edited->details.memoType, MemoType::Reflexive);
        // The coded words deleted: the selection goes, the note's own codes stay.
        auto cut = notes.update(note->id, QStringLiteral("Morgon"), QStringLiteral("Klockan åtta."));
        QVERIFY(cut->details.selections.isEmpty());
        QCOMPARE(cut->details.codeIds, QStringList{care.id});
    }

    void aParticipantIsLinkedOnlyWithConsentToObservation()
    {
        Notes notes(f->store->records());
        auto note = notes.create(f->project.id, QStringLiteral("Dagrum"), QStringLiteral("Samtal vid fönstret."));
        const Participant without = f->enrol();
        NoteDetails d;
        d.participantId = without.id;
        auto refused = notes.setDetails(note->id, d, f->gate());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().detail, reasonKey(f->gate().mayCollect(without.id, Activity::Observation).reason));
        QVERIFY(notes.get(note->id)->details.participantId.isEmpty());

        const Participant with = f->enrol();
        QVERIFY(f->log().takeConsent(f->capture(with.id)).ok());
        d.participantId = with.id;
        auto linked = notes.setDetails(note->id, d, f->gate());
        QVERIFY(linked.ok());
        QCOMPARE(linked->details.participantId, with.id);
        QCOMPARE(f->store->records().get(note->id)->participantRef, with.id);
    }
};

QTEST_MAIN(TestFieldNotes)
#include "tst_fieldnotes.moc"
