// The PDF snapshot of a consent: an encrypted attachment showing the exact form version, hash and answers.
#include "tst_consentfixture.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QTest>

using namespace samla;
using namespace samla::domain;

namespace {

// The text a reader of the PDF sees, via poppler's pdftotext (-layout keeps
// each table row on one line). Empty when pdftotext is not installed.
QString pdfText(const QByteArray &pdf, QString *why)
{
    const QString tool = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (tool.isEmpty()) {
        *why = QStringLiteral("pdftotext (Debian package poppler-utils) is not installed");
        return {};
    }
    QTemporaryFile file;
    if (!file.open() || file.write(pdf) != pdf.size() || !file.flush()) {
        *why = QStringLiteral("cannot write a temporary file");
        return {};
    }
    QProcess p;
    p.start(tool, {QStringLiteral("-layout"), QStringLiteral("-enc"), QStringLiteral("UTF-8"), file.fileName(),
                   QStringLiteral("-")});
    if (!p.waitForFinished(30000) || p.exitCode() != 0) {
        *why = QStringLiteral("pdftotext failed: ") + QString::fromUtf8(p.readAllStandardError());
        return {};
    }
    return QString::fromUtf8(p.readAllStandardOutput());
}

QString lineContaining(const QString &text, const QString &needle)
{
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        if (line.contains(needle))
            return line;
    }
    return {};
}

// pdftotext may break long identifiers and hashes at line ends and drop the
// hyphen there, so compare with white space and hyphens removed on both sides.
QString withoutSpaces(QString s)
{
    s.remove(QRegularExpression(QStringLiteral("[\\s-]")));
    return s;
}

} // namespace

class TestConsentPdf : public QObject {
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

    void snapshotIsAnEncryptedAttachment()
    {
        const Participant p = f->enrol();
        auto taken = f->log().takeConsent(f->capture(p.id, {QStringLiteral("audio")}, QStringLiteral("sv")));
        QVERIFY2(taken.ok(), qPrintable(taken.ok() ? QString() : taken.error().detail));
        QVERIFY(taken->pdf.has_value());
        QVERIFY(taken->signature.has_value());
        QVERIFY(f->store->attachments().contains(taken->pdf->hash));
        QVERIFY(f->store->attachments().contains(taken->signature->hash));

        // Nothing readable on disk: not the form text, not the code, not a PDF or PNG header.
        const QString dir = f->dataDir();
        QCOMPARE(test::filesContaining(dir, QStringLiteral("Vi studerar hur ett lärcafé").toUtf8()), QStringList());
        QCOMPARE(test::filesContaining(dir, QStringLiteral("Intervjun får spelas in").toUtf8()), QStringList());
        QCOMPARE(test::filesContaining(dir, p.code.toUtf8()), QStringList());
        QCOMPARE(test::filesContaining(dir, QByteArrayLiteral("%PDF-")), QStringList());
        QCOMPARE(test::filesContaining(dir, QByteArrayLiteral("\x89PNG\r\n")), QStringList());

        auto pdf = f->log().snapshotPdf(taken.value());
        QVERIFY(pdf.ok());
        QVERIFY(pdf->startsWith("%PDF-"));
        QCOMPARE(taken->pdfSha1, QCryptographicHash::hash(pdf.value(), QCryptographicHash::Sha1));
        QCOMPARE(taken->pdf->plainSize, std::int64_t(pdf->size()));
        auto png = f->log().signaturePng(taken.value());
        QVERIFY(png.ok());
        QImage signature;
        QVERIFY(signature.loadFromData(png.value(), "PNG"));
        QCOMPARE(signature.size(), test::signatureImage().size());
    }

    void snapshotShowsVersionHashAnswersAndCode()
    {
        const Participant p = f->enrol();
        ConsentCapture c = f->capture(p.id, {QStringLiteral("audio"), QStringLiteral("quotes")}, QStringLiteral("sv"));
        c.effectiveMs = QDateTime(QDate(2025, 3, 4), QTime(9, 30), Qt::UTC).toMSecsSinceEpoch();
        auto taken = f->log().takeConsent(c);
        QVERIFY(taken.ok());
        auto pdf = f->log().snapshotPdf(taken.value());
        QVERIFY(pdf.ok());
        QString why;
        const QString text = pdfText(pdf.value(), &why);
        if (text.isEmpty())
            QSKIP(qPrintable(why));

        QVERIFY2(withoutSpaces(text).contains(f->form.hash), qPrintable(text));
        QVERIFY2(withoutSpaces(text).contains(withoutSpaces(f->form.id)), qPrintable(f->form.id + QLatin1Char('\n') + text));
        QVERIFY(text.contains(p.code));
        QVERIFY(text.contains(QStringLiteral("2025-03-04T09:30:00Z")));
        // Swedish consent, Swedish document: the form's Swedish text and labels.
        QVERIFY(text.contains(QStringLiteral("Samtycke till lärcaféstudien")));
        QVERIFY(text.contains(QStringLiteral("Vi studerar hur ett lärcafé stöder personer med hjärtsjukdom.")));
        QVERIFY(!text.contains(QStringLiteral("I may be observed.")));
        QVERIFY(lineContaining(text, QStringLiteral("Intervjun får spelas in.")).contains(QStringLiteral("Nej")));
        QVERIFY(lineContaining(text, QStringLiteral("Citat får användas.")).contains(QStringLiteral("Nej")));
        QVERIFY(lineContaining(text, QStringLiteral("Jag för dagbok.")).contains(QStringLiteral("Ja")));
        QVERIFY(lineContaining(text, QStringLiteral("Jag får observeras.")).contains(QStringLiteral("Ja")));
        QVERIFY(text.contains(QStringLiteral("Elektronisk underskrift")));
    }

    void verbalConsentShowsTheWitness()
    {
        const Participant p = f->enrol();
        ConsentCapture c = f->capture(p.id);
        c.method = ConsentMethod::VerbalWithWitness;
        c.signature = QImage();
        c.witness = QStringLiteral("Nurse N2");
        auto taken = f->log().takeConsent(c);
        QVERIFY(taken.ok());
        QString why;
        const QString text = pdfText(f->log().snapshotPdf(taken.value()).value(), &why);
        if (text.isEmpty())
            QSKIP(qPrintable(why));
        QVERIFY(lineContaining(text, QStringLiteral("Witness")).contains(QStringLiteral("Nurse N2")));
        QVERIFY(text.contains(QStringLiteral("Verbal with witness")));
        QVERIFY(lineContaining(text, QStringLiteral("The interview may be audio recorded.")).contains(QStringLiteral("Yes")));
    }

    void consentUnderVersionOneStillShowsVersionOne()
    {
        const Participant p = f->enrol();
        ConsentForms forms(f->store->records());
        auto taken = f->log().takeConsent(f->capture(p.id));
        QVERIFY(taken.ok());

        f->clock.advance(60'000);
        auto v2 = forms.publish(f->project.id, f->form.formId,
                                test::cafeConsentForm(QStringLiteral("Version two adds a follow-up interview.")));
        QVERIFY(v2.ok());
        QCOMPARE(v2->number, 2);
        QVERIFY(v2->hash != f->form.hash);
        QCOMPARE(forms.latest(f->project.id, f->form.formId)->id, v2->id);

        // The event still names version 1, and version 1 still reads as it did.
        auto event = f->log().event(taken->id);
        QVERIFY(event.ok());
        QCOMPARE(event->formVersionId, f->form.id);
        QCOMPARE(event->formHash, f->form.hash);
        auto shown = forms.version(event->formVersionId);
        QVERIFY(shown.ok());
        QCOMPARE(shown->number, 1);
        QCOMPARE(shown->hash, f->form.hash);
        QCOMPARE(shown->content, test::cafeConsentForm());

        QString why;
        const QString text = pdfText(f->log().snapshotPdf(event.value()).value(), &why);
        if (text.isEmpty())
            QSKIP(qPrintable(why));
        QVERIFY(withoutSpaces(text).contains(f->form.hash));
        QVERIFY(!withoutSpaces(text).contains(v2->hash));
        QVERIFY(text.contains(QStringLiteral("We study how a learning cafe supports people with heart disease.")));
        QVERIFY(!text.contains(QStringLiteral("Version two")));
    }

    void aChangedSnapshotIsRefused()
    {
        const Participant p = f->enrol();
        auto taken = f->log().takeConsent(f->capture(p.id));
        QVERIFY(taken.ok());
        const QString path = f->store->attachments().pathFor(taken->pdf->hash);
        QByteArray bytes = test::readFile(path);
        bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x01);
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QVERIFY(test::writeFile(path, bytes));
        auto pdf = f->log().snapshotPdf(taken.value());
        QVERIFY(!pdf.ok());
        QVERIFY(pdf.code() == ErrorCode::Tampered || pdf.code() == ErrorCode::Corrupt);
    }
};

QTEST_MAIN(TestConsentPdf)
#include "tst_consentpdf.moc"
