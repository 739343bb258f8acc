#include "qdpx.h"

#include "app/domain/auditlog.h"
#include "app/domain/codebook.h"
#include "app/domain/consentgate.h"
#include "app/domain/notes.h"
#include "app/domain/participants.h"
#include "app/domain/projects.h"
#include "app/store/localstore.h"
#include "platform/crypto/crypto.h"

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipnewinfo.h>

#include <QCborMap>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QUuid>
#include <QXmlStreamWriter>

#include <algorithm>

namespace samla::domain {

namespace {

constexpr int kPage = 500;
const QString kNamespace = QStringLiteral("urn:QDA-XML:project:1.0");

QString isoTime(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

// A stable GUID for this device as the export's user, from its public key
// (a name-based UUID, so the same device is the same user in every export).
QString deviceUserGuid(const store::LocalStore &store)
{
    QByteArray h = crypto::hash(store.deviceSigningKey().publicKey).left(16);
    h[6] = char((h[6] & 0x0f) | 0x80); // version 8: custom
    h[8] = char((h[8] & 0x3f) | 0x80); // RFC 9562 variant
    return QUuid::fromRfc4122(h).toString(QUuid::WithoutBraces);
}

QString sourceFileName(const Note &note) { return note.id + QStringLiteral(".txt"); }

QString noteName(const Note &note)
{
    if (!note.title.trimmed().isEmpty())
        return note.title.trimmed();
    return QStringLiteral("Note %1").arg(isoTime(note.createdMs));
}

struct Content {
    QString projectName;
    QList<Code> codes;
    QList<Note> notes;
    QList<Participant> participants;     // those whose data may be exported
    QHash<QString, ConsentState> consent; // theirs, as it stands now
    int participantsLeftOut = 0;
    int notesLeftOut = 0;
};

// Whether a participant's data may go into an analysis export now. Consent
// is read again at the moment of export, not trusted from when a note was
// linked: a withdrawal that asks for the data to be removed keeps it out even
// on a device where the erasure has not arrived yet, and a participant whose
// consent cannot be read is left out (fail closed). A withdrawal from new
// data only is not retroactive: what was collected before stays.
bool mayExport(const Result<ConsentTimeline> &derived)
{
    return derived.ok() && derived->state.withdrawal != WithdrawalScope::RemoveExistingData;
}

Result<Content> gather(store::LocalStore &store, const QString &projectId, std::int64_t nowMs)
{
    Content c;
    auto project = Projects(store.records()).get(projectId);
    if (!project.ok())
        return project.error();
    c.projectName = project->name;
    auto codes = Codebook(store.records()).list(projectId);
    if (!codes.ok())
        return codes.error();
    c.codes = codes.value();
    Notes notes(store.records());
    for (int offset = 0;; offset += kPage) {
        auto page = notes.list(projectId, kPage, offset);
        if (!page.ok())
            return page.error();
        c.notes += page.value();
        if (page->size() < kPage)
            break;
    }
    // Oldest first reads naturally in the QDA tools' source lists.
    std::reverse(c.notes.begin(), c.notes.end());
    auto participants = Participants(store.records()).list(projectId);
    if (!participants.ok())
        return participants.error();
    QSet<QString> leftOut;
    for (const Participant &p : participants.value()) {
        auto derived = deriveConsentFor(store.records(), p.id, nowMs);
        if (!mayExport(derived)) {
            leftOut.insert(p.id);
            continue;
        }
        c.participants << p;
        c.consent.insert(p.id, derived->state);
    }
    // Notes about a participant left out, or about one no longer in the
    // project's register, do not go either (memos about no one stay).
    QSet<QString> known;
    for (const Participant &p : participants.value())
        known.insert(p.id);
    const qsizetype before = c.notes.size();
    c.notes.removeIf([&](const Note &n) {
        const QString &who = n.details.participantId;
        return !who.isEmpty() && (leftOut.contains(who) || !known.contains(who));
    });
    c.notesLeftOut = int(before - c.notes.size());
    c.participantsLeftOut = int(leftOut.size());
    return c;
}

// Case variables: what an analyst must know about each participant's consent
// when working in the QDA tool (fixed GUIDs, so every export names them alike).
const QString kQuotesVariable = QStringLiteral("6a1d3c1e-4b7f-5c2a-9e0d-3f8b2a7c1d01");
const QString kWithdrawnVariable = QStringLiteral("6a1d3c1e-4b7f-5c2a-9e0d-3f8b2a7c1d02");

void writeVariables(QXmlStreamWriter &xml)
{
    const auto variable = [&](const QString &guid, const char *name, const char *description) {
        xml.writeStartElement(QStringLiteral("Variable"));
        xml.writeAttribute(QStringLiteral("guid"), guid);
        xml.writeAttribute(QStringLiteral("name"), QCoreApplication::translate("QdpxExport", name));
        xml.writeAttribute(QStringLiteral("typeOfVariable"), QStringLiteral("Boolean"));
        xml.writeTextElement(QStringLiteral("Description"), QCoreApplication::translate("QdpxExport", description));
        xml.writeEndElement();
    };
    xml.writeStartElement(QStringLiteral("Variables"));
    variable(kQuotesVariable, QT_TRANSLATE_NOOP("QdpxExport", "Direct quotes allowed"),
             QT_TRANSLATE_NOOP("QdpxExport", "Whether the participant's consent allowed direct quotes when this file "
                                             "was exported. Quote no one for whom this is false."));
    variable(kWithdrawnVariable, QT_TRANSLATE_NOOP("QdpxExport", "Withdrawn"),
             QT_TRANSLATE_NOOP("QdpxExport", "Whether the participant had withdrawn when this file was exported. "
                                             "What was collected before the withdrawal may be analysed; nothing "
                                             "new is collected."));
    xml.writeEndElement();
}

void writeBooleanValue(QXmlStreamWriter &xml, const QString &variable, bool value)
{
    xml.writeStartElement(QStringLiteral("VariableValue"));
    xml.writeEmptyElement(QStringLiteral("VariableRef"));
    xml.writeAttribute(QStringLiteral("targetGUID"), variable);
    xml.writeTextElement(QStringLiteral("BooleanValue"), value ? QStringLiteral("true") : QStringLiteral("false"));
    xml.writeEndElement();
}

void writeCodes(QXmlStreamWriter &xml, const QList<Code> &codes, const QString &parentId)
{
    for (const Code &code : codes) {
        if (code.parentId != parentId)
            continue;
        xml.writeStartElement(QStringLiteral("Code"));
        xml.writeAttribute(QStringLiteral("guid"), code.id);
        xml.writeAttribute(QStringLiteral("name"), code.name);
        xml.writeAttribute(QStringLiteral("isCodable"), QStringLiteral("true"));
        if (!code.color.isEmpty())
            xml.writeAttribute(QStringLiteral("color"), code.color);
        if (!code.description.isEmpty())
            xml.writeTextElement(QStringLiteral("Description"), code.description);
        writeCodes(xml, codes, code.id);
        xml.writeEndElement();
    }
}

void writeCoding(QXmlStreamWriter &xml, const QString &codeId, const QString &user, std::int64_t atMs)
{
    xml.writeStartElement(QStringLiteral("Coding"));
    xml.writeAttribute(QStringLiteral("guid"), QUuid::createUuid().toString(QUuid::WithoutBraces));
    xml.writeAttribute(QStringLiteral("creatingUser"), user);
    xml.writeAttribute(QStringLiteral("creationDateTime"), isoTime(atMs));
    xml.writeEmptyElement(QStringLiteral("CodeRef"));
    xml.writeAttribute(QStringLiteral("targetGUID"), codeId);
    xml.writeEndElement();
}

// One note as a TextSource (field note) or a Note (memo): both are
// TextSourceType, in the schema's element order.
void writeTextSource(QXmlStreamWriter &xml, const char *element, const Note &note, bool inlineText,
                     const QString &user, QdpxSummary &summary)
{
    xml.writeStartElement(QString::fromLatin1(element));
    xml.writeAttribute(QStringLiteral("guid"), note.id);
    xml.writeAttribute(QStringLiteral("name"), noteName(note));
    if (!inlineText)
        xml.writeAttribute(QStringLiteral("plainTextPath"), QStringLiteral("internal://") + sourceFileName(note));
    xml.writeAttribute(QStringLiteral("creatingUser"), user);
    xml.writeAttribute(QStringLiteral("creationDateTime"), isoTime(note.createdMs));
    xml.writeAttribute(QStringLiteral("modifyingUser"), user);
    xml.writeAttribute(QStringLiteral("modifiedDateTime"), isoTime(note.updatedMs));
    xml.writeTextElement(QStringLiteral("Description"), memoTypeKey(note.details.memoType));
    if (inlineText)
        xml.writeTextElement(QStringLiteral("PlainTextContent"), note.text);
    for (const CodedSelection &s : note.details.selections) {
        xml.writeStartElement(QStringLiteral("PlainTextSelection"));
        xml.writeAttribute(QStringLiteral("guid"), s.id);
        xml.writeAttribute(QStringLiteral("name"), codePointSlice(s.quote, 0, std::min(60, codePointLength(s.quote))));
        xml.writeAttribute(QStringLiteral("startPosition"), QString::number(s.start));
        xml.writeAttribute(QStringLiteral("endPosition"), QString::number(s.end));
        xml.writeAttribute(QStringLiteral("creatingUser"), user);
        xml.writeAttribute(QStringLiteral("creationDateTime"), isoTime(note.updatedMs));
        writeCoding(xml, s.codeId, user, note.updatedMs);
        xml.writeEndElement();
        ++summary.selections;
    }
    for (const QString &codeId : note.details.codeIds)
        writeCoding(xml, codeId, user, note.updatedMs);
    xml.writeEndElement();
}

} // namespace

QdpxExport::QdpxExport(store::LocalStore &store, const Clock &clock) : m_store(store), m_clock(clock) {}

Result<QByteArray> QdpxExport::projectXml(const QString &projectId, QdpxSummary *summaryOut) const
{
    auto content = gather(m_store, projectId, m_clock.nowMs());
    if (!content.ok())
        return content.error();
    const Content &c = content.value();
    const QString user = deviceUserGuid(m_store);
    QdpxSummary summary;
    summary.participantsLeftOut = c.participantsLeftOut;
    summary.notesLeftOut = c.notesLeftOut;

    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeDefaultNamespace(kNamespace);
    xml.writeStartElement(kNamespace, QStringLiteral("Project"));
    xml.writeAttribute(QStringLiteral("name"), c.projectName);
    xml.writeAttribute(QStringLiteral("origin"), QStringLiteral("Samla"));
    xml.writeAttribute(QStringLiteral("creatingUserGUID"), user);
    xml.writeAttribute(QStringLiteral("creationDateTime"), isoTime(m_clock.nowMs()));

    xml.writeStartElement(QStringLiteral("Users"));
    xml.writeEmptyElement(QStringLiteral("User"));
    xml.writeAttribute(QStringLiteral("guid"), user);
    xml.writeAttribute(QStringLiteral("name"), QStringLiteral("Samla device"));
    xml.writeEndElement();

    if (!c.codes.isEmpty()) {
        xml.writeStartElement(QStringLiteral("CodeBook"));
        xml.writeStartElement(QStringLiteral("Codes"));
        writeCodes(xml, c.codes, QString());
        xml.writeEndElement();
        xml.writeEndElement();
        summary.codes = int(c.codes.size());
    }

    // Cases: participants by code, each pointing at the field notes about them.
    QHash<QString, QStringList> notesByParticipant;
    for (const Note &note : c.notes) {
        if (!note.details.participantId.isEmpty() && note.details.memoType == MemoType::Descriptive)
            notesByParticipant[note.details.participantId] << note.id;
    }
    const bool anyCase = std::any_of(c.participants.begin(), c.participants.end(),
                                     [&](const Participant &p) { return notesByParticipant.contains(p.id); });
    if (anyCase)
        writeVariables(xml);
    bool casesOpen = false;
    for (const Participant &p : c.participants) {
        const QStringList linked = notesByParticipant.value(p.id);
        if (linked.isEmpty())
            continue;
        if (!casesOpen) {
            xml.writeStartElement(QStringLiteral("Cases"));
            casesOpen = true;
        }
        xml.writeStartElement(QStringLiteral("Case"));
        xml.writeAttribute(QStringLiteral("guid"), p.id);
        xml.writeAttribute(QStringLiteral("name"), p.code);
        const ConsentState &consent = c.consent[p.id];
        writeBooleanValue(xml, kQuotesVariable, consent.forActivity(Activity::Quotes).allowed);
        writeBooleanValue(xml, kWithdrawnVariable, consent.withdrawal.has_value());
        for (const QString &noteId : linked) {
            xml.writeEmptyElement(QStringLiteral("SourceRef"));
            xml.writeAttribute(QStringLiteral("targetGUID"), noteId);
        }
        xml.writeEndElement();
        ++summary.cases;
    }
    if (casesOpen)
        xml.writeEndElement();

    bool open = false;
    for (const Note &note : c.notes) {
        if (note.details.memoType != MemoType::Descriptive)
            continue;
        if (!open) {
            xml.writeStartElement(QStringLiteral("Sources"));
            open = true;
        }
        writeTextSource(xml, "TextSource", note, false, user, summary);
        ++summary.sources;
    }
    if (open)
        xml.writeEndElement();

    open = false;
    for (const Note &note : c.notes) {
        if (note.details.memoType == MemoType::Descriptive)
            continue;
        if (!open) {
            xml.writeStartElement(QStringLiteral("Notes"));
            open = true;
        }
        writeTextSource(xml, "Note", note, true, user, summary);
        ++summary.memos;
    }
    if (open)
        xml.writeEndElement();

    xml.writeEndElement(); // Project
    xml.writeEndDocument();
    if (xml.hasError())
        return makeError(ErrorCode::Internal, QStringLiteral("could not write project.qde"));
    if (summaryOut)
        *summaryOut = summary;
    return out;
}

Result<QdpxSummary> QdpxExport::write(const QString &projectId, const QString &path)
{
    QdpxSummary summary;
    auto xmlBytes = projectXml(projectId, &summary);
    if (!xmlBytes.ok())
        return xmlBytes.error();
    auto content = gather(m_store, projectId, m_clock.nowMs());
    if (!content.ok())
        return content.error();

    const QString partial = path + QStringLiteral(".part");
    QFile::remove(partial);
    auto fail = [&](const QString &what) {
        QFile::remove(partial);
        return makeError(ErrorCode::Io, what);
    };
    {
        QuaZip zip(partial);
        if (!zip.open(QuaZip::mdCreate))
            return fail(QStringLiteral("cannot create the export file"));
        auto add = [&](const QString &name, const QByteArray &bytes) {
            QuaZipFile file(&zip);
            if (!file.open(QIODevice::WriteOnly, QuaZipNewInfo(name)))
                return false;
            const bool written = file.write(bytes) == bytes.size();
            file.close();
            return written && file.getZipError() == 0;
        };
        if (!add(QStringLiteral("project.qde"), xmlBytes.value()))
            return fail(QStringLiteral("cannot write project.qde"));
        for (const Note &note : content->notes) {
            if (note.details.memoType != MemoType::Descriptive)
                continue;
            if (!add(QStringLiteral("Sources/") + sourceFileName(note), note.text.toUtf8()))
                return fail(QStringLiteral("cannot write a source file"));
        }
        zip.close();
        if (zip.getZipError() != 0)
            return fail(QStringLiteral("cannot finish the export file"));
    }
    QFile::remove(path);
    if (!QFile::rename(partial, path))
        return fail(QStringLiteral("cannot move the export file into place"));

    QCborMap details;
    details.insert(QStringLiteral("format"), QStringLiteral("refi-qda"));
    details.insert(QStringLiteral("sources"), summary.sources);
    details.insert(QStringLiteral("memos"), summary.memos);
    details.insert(QStringLiteral("cases"), summary.cases);
    details.insert(QStringLiteral("participants_left_out"), summary.participantsLeftOut);
    details.insert(QStringLiteral("notes_left_out"), summary.notesLeftOut);
    auto audited = AuditLog(m_store, m_clock).append(QStringLiteral("project_exported"), projectId, QString(), details);
    if (!audited.ok())
        return audited.error();
    return summary;
}

} // namespace samla::domain
