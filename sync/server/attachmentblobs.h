// AttachmentBlobs: the /v1/attachments endpoints — resumable upload, hash check, ranged download, per project.
#pragma once

#include "serverstore.h"
#include "syncservice.h"

#include "platform/core/clock.h"

namespace samla::server {

// Serves attachment blobs for an authenticated caller (SyncService has
// already checked who it is; this checks what it may do):
//  - a device of any role in the project may upload and ask the status
//    (a write-only diary device sends its photos too);
//  - only devices that read the project may download, and only complete blobs;
//  - a chunk is taken only at the offset the server holds (else 409 with
//    that offset), so a dropped connection resumes where the bytes stopped;
//  - the chunk that completes a blob has the whole blob hashed; a blob that
//    does not match its name is discarded (422) and never served. With an
//    offload (samla-server), the hash is taken on a worker thread while
//    other requests are served, and the chunk (and any status request for
//    that blob meanwhile) is answered when it is done, with the same answer.
// The project is named in the request and must be the caller's: the server
// learns a blob's hash, size and project, nothing about which record it
// belongs to. A blob is stored once per project however many ops name it
// (each attachment has its own random key, so equal ciphertext in two
// projects does not happen by chance; keeping blobs per project makes
// "who may read it" the project's membership and nothing else).
class AttachmentBlobs {
public:
    // checks: the service's checks under way; none, or none with an
    // offload: a completed blob is hashed inline.
    AttachmentBlobs(ServerStore &store, const Clock &clock, BlobChecks *checks = nullptr)
        : m_store(store), m_clock(clock), m_checks(checks)
    {
    }

    // For a path under protocol::kAttachmentsPath: whether the method fits it
    // (checked before authentication, like the other endpoints).
    static bool methodAllowed(const QByteArray &method, const QByteArray &path);
    ServiceResponse handle(const ServiceRequest &request, const QByteArray &path,
                           const QList<Membership> &memberships);

private:
    ServiceResponse upload(const ServiceRequest &request, const QString &project, const QString &hash,
                           const QByteArray &query);
    ServiceResponse status(const QString &project, const QString &hash);
    ServiceResponse download(const QString &project, const QString &hash, const QByteArray &query);
    // Hashes the whole blob (held == size); keeps it when it matches its
    // name, discards it otherwise; answers as upload or status. Later
    // (ServiceResponse::later) when the checks have an offload.
    ServiceResponse check(const QString &project, const QString &hash, const BlobState &state, bool upload);

    ServerStore &m_store;
    const Clock &m_clock;
    BlobChecks *m_checks;
};

} // namespace samla::server
