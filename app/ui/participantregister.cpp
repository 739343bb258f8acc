#include "participantregister.h"

#include "app/domain/consentgate.h"
#include "app/domain/participants.h"
#include "app/domain/projects.h"
#include "app/store/localstore.h"
#include "app/sync/admintrust.h"
#include "app/sync/devicesync.h"
#include "sync/protocol/messages.h"
#include "appsettings.h"
#include "consenttext.h"
#include "engineservices.h"
#include "languagewatcher.h"
#include "platform/core/logging.h"
#include "session.h"

#include <QDateTime>
#include <QLocale>
#include <QSet>
#include <QVariantMap>

#include <algorithm>

namespace samla::ui {

using namespace samla::domain;

ParticipantRegister::ParticipantRegister(Session &session, AppSettings &settings, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_settings(settings)
{
    connect(&m_session, &Session::opened, this, &ParticipantRegister::onOpened);
    connect(&m_session, &Session::aboutToClose, this, &ParticipantRegister::onClosed);
    new LanguageWatcher(this, [this] { retranslate(); });
    if (m_session.state() == Session::Unlocked)
        onOpened();
}

ParticipantRegister::~ParticipantRegister() = default;

ParticipantRegister *ParticipantRegister::create(QQmlEngine *qml, QJSEngine *)
{
    return serviceFromEngine<ParticipantRegister>(qml);
}

void ParticipantRegister::retranslate()
{
    m_model.retranslate();
    emit languageChanged();
    emit participantsChanged();
    emit vaultChanged();
    emit errorStringChanged();
}

QString ParticipantRegister::projectName() const
{
    return m_session.projectName();
}

QVariantList ParticipantRegister::categoryChoices() const
{
    return ConsentText::categoryChoices();
}

QVariantList ParticipantRegister::ageBandChoices() const
{
    return ConsentText::ageBandChoices();
}

QVariantList ParticipantRegister::siteChoices() const
{
    QVariantList out;
    for (const Site &site : m_session.project().settings.sites)
        out.append(
            QVariantMap { { QStringLiteral("key"), site.id }, { QStringLiteral("label"), site.name } });
    return out;
}

QString ParticipantRegister::vaultStatusText() const
{
    if (m_vault)
        return tr("Names and contact details are stored only in the identity register on this device, "
                  "encrypted with its own key. Everywhere else Samla shows the code.");
    if (m_refusal == VaultRefusal::NotCreated && m_joinedAsMember)
        return tr("This device joined the project as a member, so it cannot hold the identity register: names "
                  "and contact details stay on the data manager's device. Enrol with the code only.");
    return vaultRefusalText(m_refusal);
}

bool ParticipantRegister::canCreateVault() const
{
    // Only a device that administers the project, or keeps it alone, may become its data manager.
    return m_refusal == VaultRefusal::NotCreated && !m_joinedAsMember && m_session.store() != nullptr;
}

QString ParticipantRegister::deviceRoleText() const
{
    if (m_vault)
        return tr("This device is the data manager's: it holds the identity register. Each look-up of a name is "
                  "recorded in the audit log.");
    if (canCreateVault())
        return tr("This device is a researcher's device: it shows codes only. It can become the data manager's "
                  "device by creating the identity register.");
    return tr("This device is a researcher's device: it shows codes only. Names and contact details are kept on "
              "the data manager's device.");
}

QString ParticipantRegister::codeFormatText() const
{
    const QString prefix = m_session.project().settings.codePrefix;
    if (prefix.isEmpty())
        return {};
    const QString example = Participants::formatCode(prefix, m_codeTag, m_nextNumber);
    if (m_codeTag.isEmpty())
        return tr("The next code is %1.").arg(example);
    return tr("The next code is %1. %2 names this device, so codes made offline on two devices are never the same.")
        .arg(example, m_codeTag);
}

QString ParticipantRegister::duplicateCodesText() const
{
    if (m_duplicates.isEmpty())
        return {};
    return tr("More than one participant has the code %1. They were enrolled on different devices before "
              "syncing. Both are kept and nothing was merged: ask your data manager to tell them apart "
              "before collecting more data.")
        .arg(m_duplicates.join(QStringLiteral(", ")));
}

QString ParticipantRegister::errorString() const
{
    if (m_errorText)
        return m_errorText();
    return ErrorText::forProblem(m_error);
}

void ParticipantRegister::setError(const UiProblem &problem, std::function<QString()> text)
{
    m_error = problem;
    m_errorText = std::move(text);
    emit errorStringChanged();
}

void ParticipantRegister::clearError()
{
    if (m_error.isNull() && !m_errorText)
        return;
    setError({});
}

void ParticipantRegister::onOpened()
{
    emit projectChanged();
    openVault();
    refresh();
}

void ParticipantRegister::onClosed()
{
    // Nothing from the store, and no open vault, stays while locked.
    m_vault.reset();
    m_refusal = VaultRefusal::NotCreated;
    m_joinedAsMember = false;
    m_codeTag.clear();
    m_duplicates.clear();
    m_model.setRows({}, 0);
    m_due.clear();
    m_lastCode.clear();
    m_lastId.clear();
    clearError();
    emit participantsChanged();
    emit vaultChanged();
    emit enrolled();
}

void ParticipantRegister::readRole()
{
    // A device that joined the project's sync server as a member (or a
    // write-only diary device) is a researcher's device; the administrator's
    // device, or one keeping the project alone, may be the data manager's.
    bool member = false;
    if (store::LocalStore *store = m_session.store()) {
        if (auto joined = appsync::DeviceSync(*store, m_session.clock()).projects(); joined.ok()) {
            for (const appsync::JoinedProject &p : joined.value()) {
                if (p.localProjectId == m_session.projectId() || p.serverProject == m_session.projectId())
                    member = p.role != QLatin1String(protocol::kRoleAdmin);
            }
        }
    }
    if (member == m_joinedAsMember)
        return;
    m_joinedAsMember = member;
    emit vaultChanged();
}

void ParticipantRegister::openVault()
{
    m_vault.reset();
    m_joinedAsMember = false;
    store::LocalStore *store = m_session.store();
    if (!store) {
        m_refusal = VaultRefusal::NotCreated;
        emit vaultChanged();
        return;
    }
    readRole();
    // A data-manager role granted to this device through sync is taken up
    // here: only from an administrator this device pinned when it joined.
    auto taken = IdentityVault::acceptGrants(*store, m_session.clock(), [store](const QString &project, QByteArrayView key) {
        return appsync::isPinnedAdministrator(*store, project, key);
    });
    if (!taken.ok())
        qCWarning(lcUi) << "data-manager grant not taken up:" << errorCodeName(taken.code());
    else if (taken.value() > 0)
        qCInfo(lcUi) << "this device now holds the identity register of" << taken.value() << "project(s)";
    // Most devices have no vault or no grant: that is a state to explain, not a problem to log.
    if (!IdentityVault::exists(*store)) {
        m_refusal = VaultRefusal::NotCreated;
        emit vaultChanged();
        return;
    }
    if (!IdentityVault::hasGrant(*store)) {
        m_refusal = VaultRefusal::NotGranted;
        emit vaultChanged();
        return;
    }
    auto opened = IdentityVault::open(*store, m_session.clock());
    m_refusal = opened.refusal;
    if (opened.ok())
        m_vault = std::move(opened.vault);
    emit vaultChanged();
}

void ParticipantRegister::refresh()
{
    store::LocalStore *store = m_session.store();
    if (!store) {
        m_model.setRows({}, 0);
        emit participantsChanged();
        return;
    }
    readRole(); // joining a sync server changes it
    Participants participants(store->records());
    auto list = participants.list(m_session.projectId());
    if (!list.ok()) {
        setError(UiProblem::fromCode(list.code()));
        m_model.setRows({}, 0);
        emit participantsChanged();
        return;
    }
    const std::int64_t now = m_session.clock().nowMs();
    QList<ParticipantsModel::Row> rows;
    rows.reserve(list->size());
    for (const Participant &p : list.value()) {
        ParticipantsModel::Row row { p, {}, false };
        auto derived = deriveConsentFor(store->records(), p.id, now);
        if (derived.ok()) {
            row.state = derived->state;
        } else {
            // Fails closed like the gate: shown as "no data may be collected".
            for (Activity a : kAllActivities)
                row.state.activities.append(ActivityState { a, false, Reason::CheckFailed, {} });
        }
        rows.append(row);
    }
    auto duplicates = participants.duplicateCodes(m_session.projectId());
    m_duplicates.clear();
    QSet<QString> duplicateIds;
    if (duplicates.ok()) {
        for (const DuplicateCode &d : duplicates.value()) {
            m_duplicates << d.code;
            for (const QString &id : d.participantIds)
                duplicateIds.insert(id);
        }
    }
    for (ParticipantsModel::Row &row : rows)
        row.duplicateCode = duplicateIds.contains(row.participant.id);
    m_codeTag = Participants::codeTagFor(*store, m_session.projectId());
    m_nextNumber = 1;
    for (const Participant &p : list.value())
        m_nextNumber = std::max(m_nextNumber, p.number + 1);
    m_model.setRows(std::move(rows), now);
    auto due = ConsentGate(store->records(), m_session.clock())
                   .reconsentDue(m_session.projectId(), kReconsentSoonDays);
    m_due = due.ok() ? due.value() : QList<ReconsentDue> {};
    emit participantsChanged();
}

QString ParticipantRegister::reconsentDueText() const
{
    if (m_due.isEmpty())
        return {};
    QStringList entries;
    for (const ReconsentDue &d : m_due) {
        entries << (d.overdue
                ? tr("%1 (overdue)").arg(d.code)
                : tr("%1 (by %2)")
                      .arg(d.code,
                          m_settings.locale().toString(
                              QDateTime::fromMSecsSinceEpoch(d.dueMs).date(), QLocale::ShortFormat)));
    }
    return tr("Re-consent is due for: %1. Open the participant to check consent again.")
        .arg(entries.join(QStringLiteral(", ")));
}

bool ParticipantRegister::enrol(const QString &categoryKey, const QString &ageBandKeyText,
    const QString &siteId, bool understandsConsent, const QString &capacityNotes, const QString &name,
    const QString &contact, const QString &dateOfBirth, const QString &guardianOrConsultee)
{
    store::LocalStore *store = m_session.store();
    if (!store)
        return false;
    ParticipantProfile profile;
    const auto category = participantCategoryFromKey(categoryKey);
    const auto band = ageBandFromKey(ageBandKeyText);
    if (!category || !band) {
        setError({}, [] { return tr("Choose a category and an age band."); });
        return false;
    }
    profile.category = *category;
    profile.ageBand = *band;
    profile.siteId = siteId;
    profile.understandsConsent = understandsConsent;
    profile.capacityNotes = capacityNotes.trimmed();
    if (!Participants::validate(profile).ok()) {
        setError({}, [] {
            return tr("That category and age band do not go together: a child or adolescent is under 18, "
                      "and staff are 18 or older.");
        });
        return false;
    }
    IdentityDetails identity { name.trimmed(), contact.trimmed(), dateOfBirth.trimmed(),
        guardianOrConsultee.trimmed() };
    const bool hasIdentity = !(identity == IdentityDetails {});
    if (hasIdentity && !m_vault) {
        // Identity must never land anywhere but the vault.
        setError({}, [] {
            return tr("Names and contact details cannot be stored on this device, so nothing was saved. "
                      "Leave those fields empty and enrol with the code only.");
        });
        return false;
    }

    Participants participants(store->records(), Participants::codeTagFor(*store, m_session.projectId()));
    auto result = hasIdentity ? participants.enrol(m_session.projectId(), profile, identity, *m_vault)
                              : participants.enrol(m_session.projectId(), profile);
    if (!result.ok()) {
        setError(UiProblem::fromCode(result.code()));
        return false;
    }
    clearError();
    m_lastCode = result->code;
    m_lastId = result->id;
    emit enrolled();
    refresh();
    return true;
}

bool ParticipantRegister::createVault()
{
    store::LocalStore *store = m_session.store();
    if (!store || m_vault || !canCreateVault())
        return false;
    auto created = IdentityVault::create(*store, m_session.clock());
    if (!created.ok()) {
        setError(UiProblem::fromCode(created.code()));
        return false;
    }
    clearError();
    m_vault = std::move(created.value());
    m_refusal = VaultRefusal::None;
    emit vaultChanged();
    return true;
}

} // namespace samla::ui
