// AttachmentSync: moves attachment files between a device and the server, resumably, checked by hash.
#pragma once

#include "syncclient.h"

#include "sync/protocol/attachmentmessages.h"

#include <QSet>
#include <QString>

#include <functional>

namespace samla::sync {

// Works on the device's attachment directory, where each encrypted
// attachment file is named by the hex BLAKE2b-256 of its bytes (see
// app/store/attachmentstore.h). The files are ciphertext: nothing here holds
// a key, and the server gets exactly the bytes of the file.
//  - Upload asks the server what it holds and sends the rest in chunks from
//    that offset; after a dropped connection the next attempt (or the next
//    sync) asks again, so no byte the server has is sent twice but for the
//    one chunk in flight.
//  - Download writes to ".download-<hash>" in the same directory, resumes
//    from that file's length, and renames it to its name only after its
//    hash matched: a partial or wrong file never has an attachment's name.
class AttachmentSync {
public:
    // progress is updated and `report` called after every chunk.
    AttachmentSync(SyncClient &client, QString directory, qsizetype chunkBytes, SyncProgress &progress,
                   std::function<void()> report = {});

    // Makes sure the server holds, complete, every attachment the ops name
    // (in the op's project). A file this device does not have is skipped
    // with a warning: there is nothing to wait for.
    [[nodiscard]] Status uploadFor(const QList<OutgoingOp> &ops);
    [[nodiscard]] Status upload(const QString &projectId, const QString &hash);
    // Fetches what the journal wants; one the server does not hold complete
    // yet stays wanted for the next sync.
    [[nodiscard]] Status downloadWanted(SyncJournal &journal);
    // True when the file is here under its name; false when the server does
    // not hold it complete yet.
    [[nodiscard]] Result<bool> download(const QString &projectId, const QString &hash);

    static QString partialName(const QString &hash) { return QStringLiteral(".download-") + hash; }

private:
    Result<protocol::AttachmentStatus> status(const QString &projectId, const QString &hash);
    // download(); syncDirectory false leaves the directory's fsync (which
    // makes the rename durable) to the caller.
    Result<bool> fetch(const QString &projectId, const QString &hash, bool syncDirectory);
    void moved(std::int64_t bytes);

    SyncClient &m_client;
    QString m_dir;
    qsizetype m_chunk;
    SyncProgress &m_progress;
    std::function<void()> m_report;
    QSet<QString> m_onServer;   // "project/hash" known complete during this sync
};

} // namespace samla::sync
