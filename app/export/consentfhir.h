// ConsentFhir: a participant's consent history as FHIR R4 Consent resources in a collection Bundle.
#pragma once

#include "app/domain/consentgate.h"

#include <QJsonObject>

namespace samla::domain {

// One Consent per decision (consent, guardian consent, consultee advice,
// assent, dissent, pause, withdrawal); rechecks become `verification` of the
// grant they re-checked. The patient is an identifier holding the
// pseudonymous code, never a name. sourceAttachment points at the PDF
// snapshot by its SHA-1 (FHIR R4's Attachment.hash); the form version id and
// its BLAKE2b content hash travel in an extension.
class ConsentFhirExport {
public:
    static inline const QString kActivitySystem = QStringLiteral("urn:samla:fhir:CodeSystem:consent-activity");
    static inline const QString kFormVersionExtension = QStringLiteral("urn:samla:fhir:StructureDefinition:consent-form-version");
    static inline const QString kWithdrawalScopeExtension = QStringLiteral("urn:samla:fhir:StructureDefinition:withdrawal-scope");

    ConsentFhirExport(store::RecordStore &records, const Clock &clock);
    [[nodiscard]] Result<QJsonObject> bundle(const QString &participantId) const;

private:
    store::RecordStore &m_records;
    const Clock &m_clock;
};

} // namespace samla::domain
