// EmbeddedStore: the default ServerStore, one SQLCipher file through platform/db.
#pragma once

#include "serverstore.h"

#include "platform/crypto/securebytes.h"

#include <memory>

namespace samla::db { class Database; }

namespace samla::server {

class EmbeddedStore final : public ServerStore {
public:
    // Opens (or with create, makes) the store file and brings its schema up to date.
    [[nodiscard]] static Result<std::unique_ptr<EmbeddedStore>> open(const QString &path,
                                                                      const crypto::SecureBytes &key, bool create);
    ~EmbeddedStore() override;

    Status createProject(const QString &projectId, std::int64_t nowMs) override;
    Result<QList<QString>> projects() override;
    Status addEnrolToken(const QByteArray &tokenHash, const QString &projectId, const QString &role,
                         std::int64_t expiresMs) override;
    Result<EnrolResult> enrol(const QByteArray &tokenHash, const QByteArray &signKey, const QByteArray &boxKey,
                              const QByteArray &boxProof, std::int64_t nowMs) override;
    Result<std::optional<DeviceInfo>> device(const QByteArray &signKey) override;
    Result<QList<DeviceInfo>> devices() override;
    Result<QList<Membership>> memberships(std::int64_t deviceId) override;
    Status revokeDevice(const QByteArray &signKey, std::int64_t nowMs) override;
    Result<PushResult> push(std::int64_t deviceId, const QList<StoredOp> &ops, std::int64_t nowMs) override;
    Result<QList<PushResult>> pushGroup(const QList<PushItem> &items, std::int64_t nowMs) override;
    Result<std::int64_t> highWaterMark(std::int64_t deviceId) override;
    Result<protocol::PullResponse> pull(std::int64_t deviceId, std::int64_t since, int limit,
                                        qsizetype maxBytes) override;
    Result<GrantOutcome> putGrants(const QList<protocol::KeyGrant> &grants, std::int64_t nowMs) override;
    Result<QList<protocol::KeyGrant>> grantsFor(std::int64_t deviceId) override;
    Result<QList<protocol::Member>> members(const QString &projectId) override;
    Result<Counts> counts() override;
    Result<BlobState> blobState(const QString &projectId, const QString &hash) override;
    Result<BlobState> appendBlob(const QString &projectId, const QString &hash, std::int64_t size,
                                 std::int64_t offset, const QByteArray &bytes, std::int64_t nowMs) override;
    Result<QByteArray> readBlob(const QString &projectId, const QString &hash, std::int64_t offset,
                                qsizetype maxBytes) override;
    Status finishBlob(const QString &projectId, const QString &hash, bool keep) override;
    Result<BlobHashJob> blobHashJob(const QString &projectId, const QString &hash, std::int64_t size) override;
    Result<int> expireUnfinishedBlobs(std::int64_t createdBeforeMs) override;

    db::Database &database() { return *m_db; }

private:
    explicit EmbeddedStore(std::unique_ptr<db::Database> db);
    Status migrate();
    Result<std::int64_t> highIn(std::int64_t deviceId);
    // push() inside a transaction the caller holds.
    Result<PushResult> pushIn(std::int64_t deviceId, const QList<StoredOp> &ops, std::int64_t nowMs);
    Result<bool> recordErased(const QString &projectId, const QString &recordId);
    Status eraseIn(const StoredOp &op, std::int64_t serverSeq, std::int64_t nowMs, PushResult &result);
    void removeErasedBlobFiles();

    std::unique_ptr<db::Database> m_db;
    // Attachment blobs live as files here (next to the store file), named
    // by their row id; see embeddedblobs.cpp.
    QString m_blobDir;
    QList<std::int64_t> m_erasedBlobFiles;   // deleted in the open push transaction
};

} // namespace samla::server
