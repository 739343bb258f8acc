// Numbered schema migrations, each applied once in its own transaction.
#pragma once

#include "platform/core/result.h"

namespace samla::db { class Database; }

namespace samla::store {

int latestSchemaVersion();
// Brings the database to the latest schema. Refuses a database made by a
// newer Samla (Unsupported) rather than guessing at its tables.
[[nodiscard]] Status migrate(db::Database &db);

} // namespace samla::store
