// Numbered schema migrations, each applied once in its own transaction.
#pragma once

#include "platform/core/result.h"

namespace samla::db { class Database; }

namespace samla::store {

int latestSchemaVersion();
// Brings the database to the latest schema. Refuses a database made by a
// newer Samla (Unsupported) rather than guessing at its tables.
[[nodiscard]] Status migrate(db::Database &db);
// Brings the database up to targetVersion only (tests of a migration start
// from the schema before it).
[[nodiscard]] Status migrate(db::Database &db, int targetVersion);

} // namespace samla::store
