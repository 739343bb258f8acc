// Which devices this device trusts to speak for a synced project's administration.
#pragma once

#include "platform/core/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>

namespace samla::db { class Database; }
namespace samla::store { class LocalStore; class RecordStore; struct RecordChange; }

namespace samla::appsync {

// The meta entry where DeviceSync keeps the pinned administrators' keys
// (canonical CBOR: server project -> [Ed25519 public key]).
inline constexpr char kMetaPinnedAdmins[] = "sync_admins";

// Whether `signKey` is an administrator's device key that this device pinned
// for the server project carrying the local project `localProjectId` (named
// by the server's answer to its enrolment, or the first administrator that
// approved it). False for a project that does not sync.
bool isPinnedAdministrator(store::LocalStore &store, const QString &localProjectId, QByteArrayView signKey);

// Pinned administrators per server project.
using AdminPins = QHash<QString, QList<QByteArray>>;
[[nodiscard]] Result<AdminPins> loadPinnedAdmins(const store::RecordStore &records);
[[nodiscard]] Status savePinnedAdmins(db::Database &db, const AdminPins &pins);

// An administrator's device enrolled after others joined is named by the
// server to devices that join later, not to those already in the project,
// which pinned only the administrators of their day. When a pinned
// administrator approves it, its device writes an endorsement: a record of
// this kind, {"device": Ed25519 public key}, in the project. It travels like
// any record, sealed under the project key and signed by the endorsing
// device; a device that receives it pins the endorsed key if, and only if,
// the envelope's author is an administrator it has pinned already
// (StoreJournal::apply). So trust passes from administrator to
// administrator, and never from the server.
inline constexpr char kAdminEndorsementKind[] = "sync_admin";
// One record per (project, administrator): approving again writes a new version.
store::RecordChange adminEndorsement(const QString &localProjectId, const QByteArray &adminKey);

} // namespace samla::appsync
