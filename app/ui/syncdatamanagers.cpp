// SyncController: handing the data-manager role to another device of the project.
#include "synccontroller.h"

#include "app/domain/identityvault.h"
#include "app/store/localstore.h"
#include "platform/core/logging.h"
#include "sync/client/syncclient.h"
#include "session.h"

#include <QSet>

namespace samla::ui {

using domain::IdentityVault;

bool SyncController::holdsRegister() const
{
    store::LocalStore *store = m_session.store();
    return store && !m_localProject.isEmpty() && IdentityVault::exists(*store) && IdentityVault::hasGrant(*store);
}

void SyncController::markDataManagers()
{
    store::LocalStore *store = m_session.store();
    QSet<QByteArray> managers;
    if (store && !m_localProject.isEmpty()) {
        if (auto grants = IdentityVault::grants(*store, m_localProject); grants.ok())
            for (const IdentityVault::GrantInfo &g : grants.value())
                managers.insert(g.recipient.toHex());
        if (holdsRegister())
            managers.insert(store->deviceSigningKey().publicKey.toHex());
    }
    for (QVariant &row : m_devices) {
        QVariantMap d = row.toMap();
        d.insert(QStringLiteral("dataManager"), managers.contains(d.value(QStringLiteral("id")).toString().toLatin1()));
        row = d;
    }
}

bool SyncController::grantDataManager(const QString &deviceId)
{
    store::LocalStore *store = m_session.store();
    if (!store || busy() || !holdsRegister())
        return false;
    const protocol::Member *member = nullptr;
    for (const protocol::Member &m : m_members)
        // Never a participant's write-only device: it reads nothing, least of all identities.
        if (QString::fromLatin1(m.signKey.toHex()) == deviceId && !m.revoked && !m.grantedEpochs.isEmpty()
            && m.role != QLatin1String(protocol::kRoleWriteOnly))
            member = &m;
    if (!member)
        return false;
    // The register is sealed only to a box key its device signed, as project keys are.
    if (auto proven = sync::SyncClient::checkBoxKeys({*member}); !proven.ok()) {
        showError(proven.error());
        emit stateChanged();
        return false;
    }
    auto opened = IdentityVault::open(*store, m_session.clock());
    if (!opened.ok()) {
        m_errorText = [refusal = opened.refusal] { return domain::vaultRefusalText(refusal); };
        emit stateChanged();
        return false;
    }
    if (auto s = opened.vault->grantTo(m_localProject, member->signKey, member->boxKey); !s.ok()) {
        showError(s.error());
        emit stateChanged();
        return false;
    }
    m_errorText = {};
    m_resultText = [] {
        return tr("The device is granted the data-manager role. It receives the identity register at its next sync.");
    };
    markDataManagers();
    emit devicesChanged();
    emit stateChanged();
    // It travels with the next sync: soon, when sync runs by itself.
    if (autoSync())
        scheduleAuto(0);
    return true;
}

} // namespace samla::ui
