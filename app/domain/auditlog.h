// The device's audit trail: signed, hash-chained entries with pseudonymous ids only (ARCHITECTURE §6).
#pragma once

#include "platform/core/clock.h"
#include "platform/core/result.h"

#include <QByteArray>
#include <QCborMap>
#include <QString>

namespace samla::store { class LocalStore; }

namespace samla::domain {

struct AuditEntry {
    QString recordId;
    std::int64_t seq = 0;       // 1, 2, 3 … on this device, without gaps
    QByteArray prev;            // hash of the previous entry (32 zero bytes for the first)
    QString action;             // e.g. "identity_lookup", "participant_data_erased"
    QString projectId;
    QString participantId;      // pseudonymous record id, or empty
    std::int64_t atMs = 0;
    QCborMap details;           // counts and reasons, never names or content
    QByteArray device;          // the device's Ed25519 public key
    QByteArray signature;       // over "samla-audit-v1" || canonical CBOR of the fields above
};

// What verify() found. `ok` only if every entry of this device is there, in
// order, signed by the device and chained to the one before, up to the head
// the device recorded with its newest entry.
struct AuditCheck {
    bool ok = false;
    int entries = 0;
    std::int64_t firstBadSeq = 0;   // 0 when ok
    QString problem;                // developer text: "signature", "chain", "gap", "missing newest", …
};

class AuditLog {
public:
    static inline const QString kKind = QStringLiteral("audit");
    AuditLog(store::LocalStore &store, const Clock &clock);

    // Appends an entry through RecordStore (so it syncs like any record); the
    // chain head moves in the same transaction.
    [[nodiscard]] Result<AuditEntry> append(const QString &action, const QString &projectId,
                                            const QString &participantId, const QCborMap &details = {});
    [[nodiscard]] Result<QList<AuditEntry>> entries() const;   // this device's, by seq
    [[nodiscard]] Result<AuditCheck> verify() const;

    // The bytes an entry's signature covers, and the hash the next entry
    // chains to; public so that the server can check chains the same way.
    static QByteArray signedBytes(const AuditEntry &e);
    static QByteArray entryHash(const AuditEntry &e);
    static AuditEntry fromBody(const QString &recordId, const QCborMap &body);

private:
    store::LocalStore &m_store;
    const Clock &m_clock;
};

} // namespace samla::domain
