#include "consentpdf.h"

#include <QBuffer>
#include <QDateTime>
#include <QGuiApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>

namespace samla::domain {

namespace {

// The snapshot's labels follow the consent's language, not the UI's: a
// Swedish consent is a Swedish document whoever prints it.
struct Labels {
    const char *participant, *project, *formVersion, *contentHash, *date, *method, *obtainedBy, *witness,
        *role, *signature, *yes, *no, *required, *event, *device, *answers, *information;
    const char *methods[3];   // electronic signature, written, verbal with witness
    const char *types[3];     // consent, guardian consent, consultee advice
    const char *capacity[2];  // Gillick competence, understands consent (Sweden 15-17)
    const char *competentYes, *competentNo;
};

const Labels kSwedish = {
    "Deltagarkod", "Projekt", "Formulärversion", "Innehållets hash (BLAKE2b-256)", "Datum (UTC)", "Metod",
    "Inhämtat av", "Vittne", "Roll", "Underskrift", "Ja", "Nej", "obligatorisk", "Händelse-id", "Enhet",
    "Svar", "Information",
    {"Elektronisk underskrift", "Skriftligt", "Muntligt med vittne"},
    {"Samtycke", "Vårdnadshavares samtycke", "Konsultationsyttrande"},
    {"Bedömning av Gillick-kompetens", "Bedömning: förstår vad samtycket innebär"},
    "bedömd som kompetent", "bedömd som inte kompetent",
};
const Labels kEnglish = {
    "Participant code", "Project", "Form version", "Content hash (BLAKE2b-256)", "Date (UTC)", "Method",
    "Obtained by", "Witness", "Role", "Signature", "Yes", "No", "required", "Event id", "Device",
    "Answers", "Information",
    {"Electronic signature", "Written", "Verbal with witness"},
    {"Consent", "Parental or guardian consent", "Consultee advice"},
    {"Gillick competence assessment", "Assessment: understands what consent means"},
    "assessed as competent", "assessed as not competent",
};

QString esc(const QString &text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br/>"));
}

QString tr8(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

int typeIndex(ConsentEventType t)
{
    switch (t) {
    case ConsentEventType::GuardianConsent: return 1;
    case ConsentEventType::ConsulteeAdvice: return 2;
    default: return 0;
    }
}

QString buildHtml(const ConsentSnapshot &s, const Labels &l)
{
    const ConsentFormContent &c = s.form.content;
    const QString date = QDateTime::fromMSecsSinceEpoch(s.effectiveMs, Qt::UTC).toString(Qt::ISODate);
    QString html;
    html += QStringLiteral("<html><body style=\"font-family: 'DejaVu Sans', sans-serif; font-size: 10pt;\">");
    html += QStringLiteral("<h2>%1</h2>").arg(esc(c.title.value(s.language)));
    html += QStringLiteral("<p><i>%1</i></p><p><b>%2:</b> %3 &nbsp; <b>%4:</b> %5</p>")
                .arg(esc(tr8(l.types[typeIndex(s.type)])), esc(tr8(l.project)), esc(s.projectName),
                     esc(tr8(l.participant)), esc(s.participantCode));
    html += QStringLiteral("<h3>%1</h3><p>%2</p>").arg(esc(tr8(l.information)), esc(c.information.value(s.language)));
    html += QStringLiteral("<h3>%1</h3><table cellspacing=\"0\" cellpadding=\"4\" border=\"1\" width=\"100%\">")
                .arg(esc(tr8(l.answers)));
    for (const ConsentItem &item : c.items) {
        bool agreed = false;
        for (const ItemAnswer &a : s.answers) {
            if (a.itemId == item.id)
                agreed = a.agreed;
        }
        const QString requiredMark = item.required ? QStringLiteral(" (%1)").arg(esc(tr8(l.required))) : QString();
        html += QStringLiteral("<tr><td width=\"85%\">%1%2</td><td><b>%3</b></td></tr>")
                    .arg(esc(item.text.value(s.language)), requiredMark, esc(tr8(agreed ? l.yes : l.no)));
    }
    html += QStringLiteral("</table>");
    html += QStringLiteral("<p><b>%1:</b> %2<br/><b>%3:</b> %4")
                .arg(esc(tr8(l.method)), esc(tr8(l.methods[int(s.method)])), esc(tr8(l.obtainedBy)), esc(s.obtainedBy));
    if (!s.witness.isEmpty())
        html += QStringLiteral("<br/><b>%1:</b> %2").arg(esc(tr8(l.witness)), esc(s.witness));
    if (!s.role.isEmpty())
        html += QStringLiteral("<br/><b>%1:</b> %2").arg(esc(tr8(l.role)), esc(s.role));
    if (s.capacity) {
        html += QStringLiteral("<br/><b>%1:</b> %2")
                    .arg(esc(tr8(l.capacity[s.capacity->test == CapacityTest::Gillick ? 0 : 1])),
                         esc(tr8(s.capacity->competent ? l.competentYes : l.competentNo)));
        if (!s.capacity->note.isEmpty())
            html += QStringLiteral(" (%1)").arg(esc(s.capacity->note));
    }
    html += QStringLiteral("</p>");
    if (!s.signature.isNull())
        html += QStringLiteral("<p><b>%1:</b><br/><img src=\"samla:signature\" width=\"240\"/></p>").arg(esc(tr8(l.signature)));
    html += QStringLiteral("<hr/><p style=\"font-size: 8pt;\">");
    // Identifiers are set in a monospaced font and never broken across
    // lines, so they read back exactly: a proportional font may draw "ff" or
    // "fi" in a hex id as one ligature glyph, which copies out as another character.
    const QString id = QStringLiteral("<span style=\"font-family: 'DejaVu Sans Mono', monospace; "
                                      "white-space: nowrap;\">%1</span>");
    html += QStringLiteral("<b>%1:</b> %2 (%3)<br/>")
                .arg(esc(tr8(l.formVersion)), id.arg(esc(s.form.id)))
                .arg(s.form.number);
    html += QStringLiteral("<b>%1:</b><br/>%2<br/>").arg(esc(tr8(l.contentHash)), id.arg(esc(s.form.hash)));
    html += QStringLiteral("<b>%1:</b> %2<br/>").arg(esc(tr8(l.date)), esc(date));
    html += QStringLiteral("<b>%1:</b> %2<br/>").arg(esc(tr8(l.event)), id.arg(esc(s.eventId)));
    html += QStringLiteral("<b>%1:</b> %2").arg(esc(tr8(l.device)), id.arg(esc(s.deviceId)));
    html += QStringLiteral("</p></body></html>");
    return html;
}

} // namespace

Result<QByteArray> renderConsentPdf(const ConsentSnapshot &snapshot)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return makeError(ErrorCode::Unsupported, QStringLiteral("the PDF snapshot needs a QGuiApplication"));
    if (!snapshot.form.content.languages().contains(snapshot.language))
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("form has no text in %1").arg(snapshot.language));
    const Labels &labels = snapshot.language == QLatin1String("sv") ? kSwedish : kEnglish;

    QByteArray pdf;
    QBuffer buffer(&pdf);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        // PDF/A-1b: the archival profile ethics boards and archives ask for.
        writer.setPdfVersion(QPagedPaintDevice::PdfVersion_A1b);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout::Millimeter);
        writer.setResolution(300);
        writer.setCreator(QStringLiteral("Samla"));
        writer.setTitle(QStringLiteral("%1 %2").arg(tr8(labels.types[typeIndex(snapshot.type)]), snapshot.participantCode));

        QTextDocument doc;
        doc.setDocumentMargin(0);
        if (!snapshot.signature.isNull())
            doc.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("samla:signature")), snapshot.signature);
        doc.setHtml(buildHtml(snapshot, labels));
        doc.print(&writer);
    }
    buffer.close();
    if (pdf.isEmpty() || !pdf.startsWith("%PDF"))
        return makeError(ErrorCode::Internal, QStringLiteral("PDF rendering produced no document"));
    return pdf;
}

} // namespace samla::domain
