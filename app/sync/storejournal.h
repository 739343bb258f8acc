// StoreJournal: the sync engine's view of the local store (outbox out, remote ops in, cursor).
#pragma once

#include "app/store/recordstore.h"
#include "sync/client/syncclient.h"

#include <QHash>

namespace samla::store { class LocalStore; }

namespace samla::appsync {

// Meta keys and tables are the store's (schema migration 3).
inline constexpr char kMetaCursor[] = "sync_cursor";
inline constexpr char kMetaScanned[] = "sync_scanned_seq";
// Attachments applied records refer to that are not on this device yet.
inline constexpr char kMetaWantedAttachments[] = "sync_attachments_wanted";

// Only ops of projects that sync (sync_projects) leave the device. Each gets
// the next wire sequence number when first seen, and keeps it, so the
// server sees a gapless sequence per device and a retry after a restart
// sends the same op under the same number.
class StoreJournal final : public sync::SyncJournal {
public:
    explicit StoreJournal(store::LocalStore &store);

    Result<QList<sync::OutgoingOp>> pending(int limit) override;
    Status acknowledge(const QList<protocol::Receipt> &receipts) override;
    Result<std::int64_t> cursor() override;
    Status apply(const QList<sync::IncomingOp> &ops, std::int64_t newCursor) override;
    Result<QList<sync::WantedAttachment>> wantedAttachments() override;
    Status attachmentArrived(const sync::WantedAttachment &arrived) override;
    Result<bool> renumberPendingAfter(std::int64_t serverHigh) override;

    // Ops waiting to be sent (numbered or not yet), for the UI.
    [[nodiscard]] Result<int> pendingCount();
    // What apply() did since resetApplied().
    const store::RemoteApplyReport &applied() const { return m_applied; }
    // Of those: submissions from write-only devices refused (submissionpolicy.h).
    int refusedSubmissions() const { return m_refusedSubmissions; }
    // Whether an endorsement pinned another administrator (admintrust.h):
    // key grants from it, refused before, can be taken now.
    bool learntAdmins() const { return m_learntAdmins; }
    void resetApplied()
    {
        m_applied = {};
        m_refusedSubmissions = 0;
        m_learntAdmins = false;
    }

private:
    Status numberNewOps();
    Status storeWanted(const QList<sync::WantedAttachment> &wanted);
    // Whether a reader takes a write-only device's submission (submissionpolicy.h).
    Result<bool> acceptSubmission(const sync::IncomingOp &op, const QString &localProject);

    store::LocalStore &m_store;
    store::RemoteApplyReport m_applied;
    int m_refusedSubmissions = 0;
    bool m_learntAdmins = false;
    QHash<QString, QString> m_wantedFor;   // "project/hash" -> the record that names it
};

} // namespace samla::appsync
