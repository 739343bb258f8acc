// Which devices this device trusts to speak for a synced project's administration.
#pragma once

#include <QByteArrayView>
#include <QString>

namespace samla::store { class LocalStore; }

namespace samla::appsync {

// The meta entry where DeviceSync keeps the pinned administrators' keys
// (canonical CBOR: server project -> [Ed25519 public key]).
inline constexpr char kMetaPinnedAdmins[] = "sync_admins";

// Whether `signKey` is an administrator's device key that this device pinned
// for the server project carrying the local project `localProjectId` (named
// by the server's answer to its enrolment, or the first administrator that
// approved it). False for a project that does not sync.
bool isPinnedAdministrator(store::LocalStore &store, const QString &localProjectId, QByteArrayView signKey);

} // namespace samla::appsync
