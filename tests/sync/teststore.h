// The store the in-process sync tests run on: embedded, or PostgreSQL in the *_pg test instances.
#pragma once

#include "synctestsupport.h"

#include "sync/server/embeddedstore.h"
#include "sync/server/pgstore.h"

namespace samla::test {

// A fresh, empty store on each open(): the embedded store at the given path,
// or, when the test runs on PostgreSQL (onPostgres()), PgStore on a new database.
class TestStore {
public:
    Status open(const QString &embeddedPath, int maxConnections = 4)
    {
        close();
        if (test::onPostgres()) {
            m_database = std::make_unique<TestDatabase>();
            if (m_database->url().isEmpty())
                return makeError(ErrorCode::Io, QStringLiteral("could not create a test database"));
            auto store = server::PgStore::open(m_database->url(), server::PgStore::Mode::Create,
                                               server::PgStore::Options{maxConnections});
            if (!store.ok())
                return store.error();
            m_store = std::move(store.value());
            return {};
        }
        QFile::remove(embeddedPath);
        auto store = server::EmbeddedStore::open(embeddedPath, crypto::SecureBytes::random(32), true);
        if (!store.ok())
            return store.error();
        m_store = std::move(store.value());
        return {};
    }
    void close()
    {
        m_store.reset();
        m_database.reset();
    }

    server::ServerStore &operator*() { return *m_store; }
    server::ServerStore *operator->() { return m_store.get(); }
    // The PostgreSQL database under the store, or null on the embedded store.
    const TestDatabase *database() const { return m_database.get(); }

private:
    std::unique_ptr<TestDatabase> m_database;
    std::unique_ptr<server::ServerStore> m_store;
};

} // namespace samla::test
