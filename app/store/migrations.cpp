#include "migrations.h"

#include "schema.h"

#include "platform/core/logging.h"
#include "platform/db/database.h"

#include <span>
#include <vector>

namespace samla::store {

namespace {

struct Migration {
    int version;
    std::span<const char *const> statements;
};

const std::vector<Migration> &migrations()
{
    static const std::vector<Migration> all = {
        {1, sql::kMigration1},
        {2, sql::kMigration2},
        {3, sql::kMigration3},
        {4, sql::kMigration4},
        {5, sql::kMigration5},
        {6, sql::kMigration6},
    };
    return all;
}

} // namespace

int latestSchemaVersion()
{
    return migrations().back().version;
}

Status migrate(db::Database &db)
{
    return migrate(db, latestSchemaVersion());
}

Status migrate(db::Database &db, int targetVersion)
{
    auto current = db.userVersion();
    if (!current.ok())
        return current.error();
    if (current.value() > latestSchemaVersion())
        return makeError(ErrorCode::Unsupported,
                         QStringLiteral("schema %1 is newer than this build").arg(current.value()));
    for (const Migration &m : migrations()) {
        if (m.version <= current.value())
            continue;
        if (m.version > targetVersion)
            break;
        db::Transaction tx(db);
        SAMLA_TRY(tx.begin());
        for (const char *statement : m.statements)
            SAMLA_TRY(db.exec(statement));
        SAMLA_TRY(db.setUserVersion(m.version));
        SAMLA_TRY(tx.commit());
        qCDebug(lcStore) << "migrated schema to" << m.version;
    }
    return {};
}

} // namespace samla::store
