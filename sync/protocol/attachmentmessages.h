// Attachment transfer: limits, names and the status the server answers for one attachment blob.
#pragma once

#include "platform/core/result.h"

#include <QByteArray>
#include <QString>

#include <cstdint>

namespace samla::protocol {

// An attachment (an encrypted file, see ARCHITECTURE.md section 2) travels
// as its ciphertext, named by the hex BLAKE2b-256 of that ciphertext:
//   PUT  /v1/attachments/<hash>?project=<id>&size=<bytes>&offset=<n>   one chunk at the server's offset
//   GET  /v1/attachments/<hash>/status?project=<id>                   what the server holds
//   GET  /v1/attachments/<hash>?project=<id>&offset=<n>&length=<n>    bytes of a complete blob
// The server learns the hash, the size and the project, nothing else.
inline constexpr std::int64_t kMaxAttachmentBytes = 512LL * 1024 * 1024;
inline constexpr qsizetype kMaxAttachmentChunk = 4 * 1024 * 1024;
inline constexpr char kAttachmentsPath[] = "/v1/attachments/";

// True for 64 lowercase hex digits (an attachment's name).
bool isAttachmentName(QByteArrayView name);

// The answer to a chunk, a status request, and the refusals of a chunk
// ("offset": not the server's offset, which `held` says; "hash-mismatch":
// the whole blob did not match its name and was discarded).
struct AttachmentStatus {
    std::int64_t size = 0;      // declared by the first chunk; 0 when the server holds nothing
    std::int64_t held = 0;      // bytes held, from the start
    bool complete = false;      // held == size and the hash matched
    QString error;              // a reason code on a refusal, else empty

    QByteArray encode() const;
    [[nodiscard]] static Result<AttachmentStatus> decode(QByteArrayView bytes);
};

} // namespace samla::protocol
