// PgStore: the ServerStore on PostgreSQL through libpqxx, for servers that want replicas, dumps and many devices.
#pragma once

#include "serverstore.h"

#include <memory>

namespace samla::server {

// True for the URLs --store takes (postgresql:// or postgres://).
[[nodiscard]] bool isPostgresUrl(const QString &url);
// The URL with any password (in the user part or as a password= parameter)
// replaced by ***: the only form of a store URL that may be printed or logged.
[[nodiscard]] QString redactStoreUrl(const QString &url);

class PgStore final : public ServerStore {
public:
    struct Options {
        // Connections kept open. Each call borrows one for the length of its
        // transaction, so this many calls can run at once from as many threads;
        // more wait for a free connection.
        int maxConnections = 4;
    };
    enum class Mode {
        Existing,  // the schema must be there (it is brought up to date)
        Create,    // the database must hold no samla-server store yet; makes one
    };

    // Connects to the database (which an administrator has created) and checks
    // or makes its schema. Errors say whether PostgreSQL was unreachable,
    // refused the login, or holds a store this samla-server is too old for;
    // they never carry the password.
    [[nodiscard]] static Result<std::unique_ptr<PgStore>> open(const QString &url, Mode mode, Options options);
    [[nodiscard]] static Result<std::unique_ptr<PgStore>> open(const QString &url, Mode mode)
    {
        return open(url, mode, Options{});
    }
    // Connects and checks the database holds no samla-server store yet,
    // changing nothing (so `init` can fail before it writes its files).
    [[nodiscard]] static Status checkEmpty(const QString &url);
    ~PgStore() override;

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

    // The schema version of this build's newest migration.
    [[nodiscard]] static int schemaVersion();

    struct Pool;   // defined in pgstore.cpp

private:
    explicit PgStore(std::unique_ptr<Pool> pool);

    std::unique_ptr<Pool> m_pool;
};

} // namespace samla::server
