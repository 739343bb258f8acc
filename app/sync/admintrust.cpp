#include "admintrust.h"

#include "app/store/localstore.h"
#include "app/store/recordstore.h"
#include "platform/db/database.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>

namespace samla::appsync {

bool isPinnedAdministrator(store::LocalStore &store, const QString &localProjectId, QByteArrayView signKey)
{
    auto s = store.database().prepare("SELECT server_project FROM sync_projects WHERE project_id = ?1");
    if (!s.ok())
        return false;
    s->bind(1, localProjectId);
    QStringList serverProjects;
    if (!s->forEachRow([&] { serverProjects.append(s->columnText(0)); }).ok())
        return false;
    auto raw = store.records().meta(kMetaPinnedAdmins);
    if (!raw.ok() || raw->isEmpty())
        return false;
    const QCborMap pins = QCborValue::fromCbor(raw.value()).toMap();
    for (const QString &server : serverProjects) {
        for (const QCborValue &key : pins.value(server).toArray())
            if (key.isByteArray() && key.toByteArray() == signKey)
                return true;
    }
    return false;
}

} // namespace samla::appsync
