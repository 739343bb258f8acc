// REFI-QDA project export (.qdpx): field notes as text sources, memos as notes, codes, participants as cases.
#pragma once

#include "platform/core/clock.h"
#include "platform/core/result.h"

#include <QByteArray>
#include <QString>

namespace samla::store { class LocalStore; }

namespace samla::domain {

struct QdpxSummary {
    int sources = 0;       // field notes (descriptive)
    int memos = 0;         // reflexive, analytic and methodological memos
    int codes = 0;
    int cases = 0;         // participants with at least one linked note
    int selections = 0;
    // Consent read again at export: participants whose withdrawal asks for
    // their data to be removed (or whose consent cannot be read), and the
    // notes about them, stay out of the file.
    int participantsLeftOut = 0;
    int notesLeftOut = 0;
};

// Writes one project as a .qdpx: a zip holding project.qde (QDA-XML 1.0,
// urn:QDA-XML:project:1.0) and Sources/<guid>.txt for each field note, as
// NVivo, ATLAS.ti, MAXQDA, QDA Miner and QualCoder read it. Participants
// appear by pseudonymous code only. Selection offsets are Unicode code
// points, zero-based, end exclusive. Consent is read again at export (see
// QdpxSummary), and each case carries whether direct quotes are allowed and
// whether the participant has withdrawn. The file is written under a temporary
// name and renamed, so a failed export leaves nothing half-written. The
// export is an audited act (counts only).
class QdpxExport {
public:
    QdpxExport(store::LocalStore &store, const Clock &clock);

    [[nodiscard]] Result<QdpxSummary> write(const QString &projectId, const QString &path);
    // project.qde alone (for tests and previews).
    [[nodiscard]] Result<QByteArray> projectXml(const QString &projectId, QdpxSummary *summary = nullptr) const;

private:
    store::LocalStore &m_store;
    const Clock &m_clock;
};

} // namespace samla::domain
