// REFI-QDA export: a .qdpx that the QDA-XML 1.0 schema accepts, with code-point offsets that point at the right words.
#include "tst_consentfixture.h"

#include "app/domain/auditlog.h"
#include "app/domain/codebook.h"
#include "app/domain/notes.h"
#include "app/export/qdpx.h"

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>

#include <QDomDocument>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace samla;
using namespace samla::domain;

namespace {

QByteArray readZipEntry(const QString &zipPath, const QString &name)
{
    QuaZip zip(zipPath);
    if (!zip.open(QuaZip::mdUnzip) || !zip.setCurrentFile(name))
        return {};
    QuaZipFile file(&zip);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QStringList zipEntries(const QString &zipPath)
{
    QuaZip zip(zipPath);
    if (!zip.open(QuaZip::mdUnzip))
        return {};
    return zip.getFileNameList();
}

// xmllint's verdict on the file against the schema: its exit code and what it said.
std::pair<int, QString> xmllint(const QString &xmlPath)
{
    QProcess p;
    p.start(QStringLiteral("xmllint"), {QStringLiteral("--noout"), QStringLiteral("--schema"),
                                        QString::fromUtf8(SAMLA_REFI_XSD), xmlPath});
    if (!p.waitForFinished(60'000))
        return {-1, QStringLiteral("xmllint did not finish")};
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardError())};
}

QDomElement firstWithAttribute(const QDomDocument &doc, const QString &tag, const QString &attribute,
                               const QString &value)
{
    const QDomNodeList nodes = doc.elementsByTagName(tag);
    for (int i = 0; i < nodes.size(); ++i) {
        const QDomElement e = nodes.at(i).toElement();
        if (e.attribute(attribute) == value)
            return e;
    }
    return {};
}

} // namespace

class TestQdpx : public QObject {
    Q_OBJECT

    std::unique_ptr<test::ConsentFixture> f;

private slots:
    void initTestCase()
    {
        QVERIFY(crypto::initialize().ok());
        if (QStandardPaths::findExecutable(QStringLiteral("xmllint")).isEmpty())
            QFAIL("xmllint is missing: scripts/install-deps.sh installs libxml2-utils");
    }

    void init()
    {
        f = std::make_unique<test::ConsentFixture>();
        QVERIFY(f->setUp());
    }

    void cleanup() { f.reset(); }

    void exportValidatesAndOffsetsPointAtTheCodedWords()
    {
        Codebook book(f->store->records());
        const Code quis = book.create(f->project.id, QStringLiteral("QuIS"), QStringLiteral("Quality of interactions"),
                                      QStringLiteral("#3366cc")).value();
        const Code care = book.create(f->project.id, QStringLiteral("Positive care"), {}, {}, quis.id).value();
        const Code reflex = book.create(f->project.id, QStringLiteral("Reflexivity")).value();

        const Participant ella = f->enrol();
        QVERIFY(f->log().takeConsent(f->capture(ella.id)).ok());

        Notes notes(f->store->records());
        // Characters outside the Basic Multilingual Plane before the coded words.
        const QString text = QStringLiteral("Kl 08 𝄞 musik i dagrummet 😀; sjuksköterskan hjälper Ella <& \"mer\">.");
        auto field = notes.create(f->project.id, QStringLiteral("Morgon på avdelning 3"), text);
        QVERIFY(field.ok());
        const int start = codePointLength(text.left(text.indexOf(QStringLiteral("sjuksköterskan"))));
        QCOMPARE(codePointSlice(text, start, start + 14), QStringLiteral("sjuksköterskan"));
        NoteDetails d;
        d.participantId = ella.id;
        d.codeIds = {quis.id};
        d.selections = {CodedSelection{QString(), care.id, start, start + 22, QString()}}; // "sjuksköterskan hjälper"
        QVERIFY(notes.setDetails(field->id, d, f->gate()).ok());

        auto memo = notes.create(f->project.id, QStringLiteral("Min roll"), QStringLiteral("Jag märkte att jag 🤔 tvekade."));
        NoteDetails m;
        m.memoType = MemoType::Reflexive;
        m.selections = {CodedSelection{QString(), reflex.id, 19, 21, QString()}}; // "🤔 "
        QVERIFY(notes.setDetails(memo->id, m, f->gate()).ok());
        QVERIFY(notes.create(f->project.id, QString(), QStringLiteral("En anteckning utan titel.")).ok());

        const QString path = f->dir.filePath(QStringLiteral("cafe.qdpx"));
        auto summary = QdpxExport(*f->store, f->clock).write(f->project.id, path);
        QVERIFY2(summary.ok(), qPrintable(summary.ok() ? QString() : summary.error().detail));
        QCOMPARE(summary->sources, 2);
        QCOMPARE(summary->memos, 1);
        QCOMPARE(summary->codes, 3);
        QCOMPARE(summary->cases, 1);
        QCOMPARE(summary->selections, 2);
        QVERIFY(!QFile::exists(path + QStringLiteral(".part")));

        const QStringList entries = zipEntries(path);
        QVERIFY(entries.contains(QStringLiteral("project.qde")));
        QVERIFY(entries.contains(QStringLiteral("Sources/") + field->id + QStringLiteral(".txt")));
        QCOMPARE(entries.size(), 3);

        // The schema accepts it.
        const QByteArray qde = readZipEntry(path, QStringLiteral("project.qde"));
        const QString qdePath = f->dir.filePath(QStringLiteral("project.qde"));
        QFile out(qdePath);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(qde);
        out.close();
        const auto [code, said] = xmllint(qdePath);
        QVERIFY2(code == 0, qPrintable(said));

        // The selection's offsets, read as code points of the exported text, cover the coded words.
        QDomDocument doc;
        QVERIFY(doc.setContent(qde));
        const QDomElement source = firstWithAttribute(doc, QStringLiteral("TextSource"), QStringLiteral("guid"), field->id);
        QVERIFY(!source.isNull());
        QCOMPARE(source.attribute(QStringLiteral("plainTextPath")), QStringLiteral("internal://") + field->id + QStringLiteral(".txt"));
        const QDomElement selection = source.firstChildElement(QStringLiteral("PlainTextSelection"));
        const int s = selection.attribute(QStringLiteral("startPosition")).toInt();
        const int e = selection.attribute(QStringLiteral("endPosition")).toInt();
        const QString exportedText =
            QString::fromUtf8(readZipEntry(path, QStringLiteral("Sources/") + field->id + QStringLiteral(".txt")));
        QCOMPARE(exportedText, text);
        QCOMPARE(codePointSlice(exportedText, s, e), QStringLiteral("sjuksköterskan hjälper"));
        QCOMPARE(selection.firstChildElement(QStringLiteral("Coding")).firstChildElement(QStringLiteral("CodeRef"))
                     .attribute(QStringLiteral("targetGUID")),
                 care.id);
        // The memo is a Note with its text inline, its emoji selection intact.
        const QDomElement note = firstWithAttribute(doc, QStringLiteral("Note"), QStringLiteral("guid"), memo->id);
        QVERIFY(!note.isNull());
        const QString memoText = note.firstChildElement(QStringLiteral("PlainTextContent")).text();
        const QDomElement memoSel = note.firstChildElement(QStringLiteral("PlainTextSelection"));
        QCOMPARE(codePointSlice(memoText, memoSel.attribute(QStringLiteral("startPosition")).toInt(),
                                memoSel.attribute(QStringLiteral("endPosition")).toInt()),
                 QStringLiteral("🤔 "));
        // Sub-codes nest; the participant is a case by code.
        const QDomElement quisCode = firstWithAttribute(doc, QStringLiteral("Code"), QStringLiteral("guid"), quis.id);
        QCOMPARE(quisCode.firstChildElement(QStringLiteral("Code")).attribute(QStringLiteral("guid")), care.id);
        const QDomElement caseElement = firstWithAttribute(doc, QStringLiteral("Case"), QStringLiteral("guid"), ella.id);
        QCOMPARE(caseElement.attribute(QStringLiteral("name")), ella.code);
        QCOMPARE(caseElement.firstChildElement(QStringLiteral("SourceRef")).attribute(QStringLiteral("targetGUID")),
                 field->id);

        // Exporting research data is audited.
        auto trail = AuditLog(*f->store, f->clock).entries();
        QCOMPARE(trail->last().action, QStringLiteral("project_exported"));
        QCOMPARE(trail->last().details.value(QStringLiteral("sources")).toInteger(), 2);
    }

    void consentIsReadAgainAtExport()
    {
        // Two devices of a project whose policy erases on withdrawal.
        ProjectSettings settings = test::cafeSettings();
        settings.withdrawalPolicy = WithdrawalPolicy::StopAndErase;
        test::ConsentFixture here;
        QVERIFY(here.setUp(settings));
        test::ConsentFixture there;
        QVERIFY(there.setUp(settings));

        const Participant ella = here.enrol();
        const Participant bo = here.enrol();
        const Participant cai = here.enrol();
        QVERIFY(here.log().takeConsent(here.capture(ella.id, {QStringLiteral("quotes")})).ok());
        QVERIFY(here.log().takeConsent(here.capture(bo.id)).ok());
        QVERIFY(here.log().takeConsent(here.capture(cai.id)).ok());
        Notes notes(here.store->records());
        QStringList noteIds;
        for (const Participant &p : {ella, bo, cai}) {
            auto n = notes.create(here.project.id, QStringLiteral("Om ") + p.code, QStringLiteral("Fältanteckning."));
            QVERIFY(n.ok());
            NoteDetails d;
            d.participantId = p.id;
            QVERIFY(notes.setDetails(n->id, d, here.gate()).ok());
            noteIds << n->id;
        }
        QVERIFY(notes.create(here.project.id, QStringLiteral("Memo"), QStringLiteral("Om ingen särskild.")).ok());
        QVERIFY(test::deliver(*here.store, *there.store) >= 0);
        QVERIFY(test::markShared(*here.store, here.project.id));
        QVERIFY(test::markShared(*there.store, here.project.id));
        const std::int64_t sent = there.store->records().lastDeviceSeq().value();

        // On the other device Bo withdraws and asks for his data to be removed;
        // Cai withdraws from new data only.
        ConsentEvent removal;
        removal.participantId = bo.id;
        removal.type = ConsentEventType::Withdrawal;
        removal.scope = WithdrawalScope::RemoveExistingData;
        removal.obtainedBy = QStringLiteral("R2");
        QVERIFY(there.log().record(removal).ok());
        ConsentEvent stop = removal;
        stop.participantId = cai.id;
        stop.scope = WithdrawalScope::NoNewData;
        QVERIFY(there.log().record(stop).ok());
        // The withdrawals have reached this device; the erasure has not yet.
        auto outbox = there.store->records().outbox(sent, 1000);
        QVERIFY(outbox.ok());
        QList<QByteArray> consentOps;
        for (const store::OutboxEntry &e : outbox.value()) {
            if (e.kind == ConsentLog::kKind)
                consentOps << e.body;
        }
        QCOMPARE(consentOps.size(), 2);
        QVERIFY(here.store->records().applyRemote(consentOps, nullptr, {}).ok());
        QVERIFY(notes.get(noteIds[1]).ok()); // Bo's note is still on this device

        const QString path = here.dir.filePath(QStringLiteral("cafe.qdpx"));
        auto summary = QdpxExport(*here.store, here.clock).write(here.project.id, path);
        QVERIFY2(summary.ok(), qPrintable(summary.ok() ? QString() : summary.error().detail));
        QCOMPARE(summary->participantsLeftOut, 1);
        QCOMPARE(summary->notesLeftOut, 1);
        QCOMPARE(summary->cases, 2);
        QCOMPARE(summary->sources, 3); // Ella's, Cai's and the memo about no one

        const QByteArray qde = readZipEntry(path, QStringLiteral("project.qde"));
        QVERIFY(!qde.contains(bo.id.toUtf8()));
        QVERIFY(!qde.contains(bo.code.toUtf8()));
        QVERIFY(!qde.contains(noteIds[1].toUtf8()));
        QVERIFY(!zipEntries(path).contains(QStringLiteral("Sources/") + noteIds[1] + QStringLiteral(".txt")));
        const QString qdePath = here.dir.filePath(QStringLiteral("project.qde"));
        QFile out(qdePath);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(qde);
        out.close();
        const auto [code, said] = xmllint(qdePath);
        QVERIFY2(code == 0, qPrintable(said));

        // Each case says whether quotes are allowed and whether the person withdrew.
        QDomDocument doc;
        QVERIFY(doc.setContent(qde));
        const auto values = [&](const QString &participantId) {
            QMap<QString, QString> byVariable;
            const QDomElement c = firstWithAttribute(doc, QStringLiteral("Case"), QStringLiteral("guid"), participantId);
            for (QDomElement v = c.firstChildElement(QStringLiteral("VariableValue")); !v.isNull();
                 v = v.nextSiblingElement(QStringLiteral("VariableValue"))) {
                const QString guid = v.firstChildElement(QStringLiteral("VariableRef")).attribute(QStringLiteral("targetGUID"));
                const QDomElement variable = firstWithAttribute(doc, QStringLiteral("Variable"), QStringLiteral("guid"), guid);
                byVariable.insert(variable.attribute(QStringLiteral("name")),
                                  v.firstChildElement(QStringLiteral("BooleanValue")).text());
            }
            return byVariable;
        };
        const QMap<QString, QString> ellaSays = values(ella.id);
        QCOMPARE(ellaSays.value(QStringLiteral("Direct quotes allowed")), QStringLiteral("false"));
        QCOMPARE(ellaSays.value(QStringLiteral("Withdrawn")), QStringLiteral("false"));
        const QMap<QString, QString> caiSays = values(cai.id);
        QCOMPARE(caiSays.value(QStringLiteral("Direct quotes allowed")), QStringLiteral("true"));
        QCOMPARE(caiSays.value(QStringLiteral("Withdrawn")), QStringLiteral("true"));

        // The audit entry counts what was left out.
        auto trail = AuditLog(*here.store, here.clock).entries();
        QCOMPARE(trail->last().details.value(QStringLiteral("participants_left_out")).toInteger(), 1);
    }

    void theSchemaCheckHasTeeth()
    {
        // The same validation refuses a project.qde without its required name.
        QVERIFY(Notes(f->store->records()).create(f->project.id, QStringLiteral("t"), QStringLiteral("x")).ok());
        QByteArray qde = QdpxExport(*f->store, f->clock).projectXml(f->project.id).value();
        const qsizetype at = qde.indexOf(" name=\""); // the first is the Project's own
        QVERIFY(at > 0 && qde.lastIndexOf("<Project", at) >= 0 && qde.indexOf('>', qde.lastIndexOf("<Project", at)) > at);
        qde.replace(at, 6, " title");
        const QString qdePath = f->dir.filePath(QStringLiteral("broken.qde"));
        QFile out(qdePath);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(qde);
        out.close();
        QVERIFY(xmllint(qdePath).first != 0);
    }

    void aFailedExportLeavesNothing()
    {
        const QString path = f->dir.filePath(QStringLiteral("no-such-dir/cafe.qdpx"));
        auto r = QdpxExport(*f->store, f->clock).write(f->project.id, path);
        QVERIFY(!r.ok());
        QCOMPARE(r.code(), ErrorCode::Io);
        QVERIFY(!QFile::exists(path));
        QVERIFY(!QFile::exists(path + QStringLiteral(".part")));
    }
};

QTEST_MAIN(TestQdpx)
#include "tst_qdpx.moc"
