// A device running the app's store and sync, without the UI, for tests against the real server.
#pragma once

#include "app/domain/notes.h"
#include "app/domain/participants.h"
#include "app/domain/projects.h"
#include "app/store/localstore.h"
#include "app/sync/devicesync.h"

#include <QTemporaryDir>

#include <memory>

namespace samla::test {

struct AppDevice {
    QTemporaryDir dir;
    std::unique_ptr<store::LocalStore> store;
    std::unique_ptr<domain::Notes> notes;
    std::unique_ptr<domain::Projects> projects;
    std::unique_ptr<appsync::DeviceSync> sync;

    bool open(const Clock &clock, sync::SyncClientOptions options = {})
    {
        QByteArray pass("correct horse battery staple");
        auto created = store::LocalStore::create(dir.path(), crypto::SecureBytes::fromUtf8AndWipe(pass),
                                                 {1, 8 * 1024}, clock);
        if (!created.ok())
            return false;
        store = std::move(created->store);
        notes = std::make_unique<domain::Notes>(store->records());
        projects = std::make_unique<domain::Projects>(store->records());
        sync = std::make_unique<appsync::DeviceSync>(*store, clock, std::move(options));
        return true;
    }

    // Enrols as the app does: with this device's tag once the project is shared.
    Result<domain::Participant> enrol(const QString &projectId)
    {
        return domain::Participants(store->records(), domain::Participants::codeTagFor(*store, projectId))
            .enrol(projectId, {});
    }

    QList<domain::Participant> participants(const QString &projectId)
    {
        return domain::Participants(store->records()).list(projectId).value();
    }
};

} // namespace samla::test
