#include "identitylookup.h"

#include "app/domain/auditlog.h"
#include "app/domain/identityvault.h"
#include "app/domain/participants.h"
#include "app/store/localstore.h"
#include "appsettings.h"
#include "engineservices.h"
#include "languagewatcher.h"
#include "participantregister.h"
#include "platform/core/logging.h"
#include "session.h"

#include <QDateTime>
#include <QHash>
#include <QVariantMap>

#include <algorithm>

namespace samla::ui {

using namespace samla::domain;

namespace {

const QString kLookupAction = QStringLiteral("identity_lookup");

} // namespace

IdentityAuditModel::IdentityAuditModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void IdentityAuditModel::setRows(QList<Row> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void IdentityAuditModel::setLocale(const QLocale &locale)
{
    if (locale == m_locale)
        return;
    m_locale = locale;
    retranslate();
}

void IdentityAuditModel::retranslate()
{
    if (!m_rows.isEmpty())
        emit dataChanged(index(0), index(int(m_rows.size()) - 1));
}

int IdentityAuditModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant IdentityAuditModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case WhenRole:
        return m_locale.toString(QDateTime::fromMSecsSinceEpoch(row.atMs), QLocale::ShortFormat);
    case DeviceRole:
        return row.thisDevice ? tr("%1 (this device)").arg(row.deviceTag) : row.deviceTag;
    case Qt::DisplayRole:
    case CodeRole:
        return row.code.isEmpty() ? tr("(erased participant)") : row.code;
    case PurposeRole:
        return IdentityLookup::purposeText(row.purposeKey);
    default:
        return {};
    }
}

QHash<int, QByteArray> IdentityAuditModel::roleNames() const
{
    return {
        { WhenRole, "when" },
        { DeviceRole, "device" },
        { CodeRole, "code" },
        { PurposeRole, "purpose" },
    };
}

IdentityLookup::IdentityLookup(
    Session &session, AppSettings &settings, ParticipantRegister &participants, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_settings(settings)
    , m_participants(participants)
{
    // Nothing identifying outlives the lock.
    connect(&m_session, &Session::aboutToClose, this, [this] {
        clear();
        m_participantId.clear();
        m_code.clear();
        m_purpose.clear();
        m_lookups.setRows({});
        emit participantChanged();
        emit purposeChanged();
        emit lookupsChanged();
    });
    connect(&m_participants, &ParticipantRegister::vaultChanged, this, [this] {
        if (!m_participants.vault())
            clear();
        emit availabilityChanged();
    });
    new LanguageWatcher(this, [this] {
        m_lookups.setLocale(m_settings.locale());
        m_lookups.retranslate();
        emit languageChanged();
        emit lookupsChanged();   // the data-manager line
        emit availabilityChanged();
        emit identityChanged();
        emit errorStringChanged();
    });
    m_lookups.setLocale(m_settings.locale());
}

IdentityLookup *IdentityLookup::create(QQmlEngine *qml, QJSEngine *)
{
    return serviceFromEngine<IdentityLookup>(qml);
}

bool IdentityLookup::available() const
{
    return m_participants.vault() != nullptr;
}

QString IdentityLookup::refusalText() const
{
    if (available())
        return {};
    return m_participants.vaultStatusText();
}

QString IdentityLookup::purposeText(const QString &purposeKey)
{
    const auto purpose = lookupPurposeFromKey(purposeKey);
    if (!purpose)
        return tr("Other (%1)").arg(purposeKey);
    switch (*purpose) {
    case LookupPurpose::Contact:
        return tr("To contact the participant");
    case LookupPurpose::Reconsent:
        return tr("To ask for consent again");
    case LookupPurpose::SubjectAccess:
        return tr("A request to see their data (subject access)");
    case LookupPurpose::Erasure:
        return tr("A request to erase their data");
    case LookupPurpose::DataManagement:
        return tr("Data management (checking or correcting the register)");
    }
    return {};
}

QVariantList IdentityLookup::purposeChoices() const
{
    QVariantList out;
    for (LookupPurpose p : kAllLookupPurposes) {
        const QString key = lookupPurposeKey(p);
        out.append(QVariantMap { { QStringLiteral("key"), key }, { QStringLiteral("label"), purposeText(key) } });
    }
    return out;
}

void IdentityLookup::setPurpose(const QString &purpose)
{
    if (purpose == m_purpose)
        return;
    m_purpose = purpose;
    emit purposeChanged();
}

QString IdentityLookup::shownNotice() const
{
    if (!m_shown)
        return {};
    return tr("This look-up was recorded in the audit log: this device, %1, participant %2, purpose: %3. "
              "The details are cleared when you leave this screen or Samla locks.")
        .arg(m_settings.locale().toString(QDateTime::fromMSecsSinceEpoch(m_shownAtMs), QLocale::ShortFormat), m_code,
            purposeText(m_shownPurpose));
}

QString IdentityLookup::errorString() const
{
    if (m_errorText)
        return m_errorText();
    return ErrorText::forProblem(m_error);
}

void IdentityLookup::setError(const UiProblem &problem, std::function<QString()> text)
{
    m_error = problem;
    m_errorText = std::move(text);
    emit errorStringChanged();
}

bool IdentityLookup::open(const QString &participantId)
{
    clear();
    setError({});
    m_purpose.clear();
    emit purposeChanged();
    store::LocalStore *store = m_session.store();
    if (!store)
        return false;
    auto participant = Participants(store->records()).get(participantId);
    if (!participant.ok() || participant->projectId != m_session.projectId()) {
        setError(UiProblem::fromCode(participant.ok() ? ErrorCode::NotFound : participant.code()));
        return false;
    }
    m_participantId = participant->id;
    m_code = participant->code;
    emit participantChanged();
    emit availabilityChanged();
    return true;
}

bool IdentityLookup::lookUp()
{
    clear();
    IdentityVault *vault = m_participants.vault();
    if (!vault) {
        setError({}, [this] { return refusalText(); });
        return false;
    }
    if (m_participantId.isEmpty())
        return false;
    const auto purpose = lookupPurposeFromKey(m_purpose);
    if (!purpose) {
        setError({}, [] { return tr("Choose why you need to see who this is. The reason is recorded."); });
        return false;
    }
    auto found = vault->lookup(m_participantId, *purpose);
    if (!found.ok()) {
        if (found.code() == ErrorCode::NotFound)
            setError({}, [] {
                return tr("The identity register holds no name for this participant: they were enrolled "
                          "with the code only, or their identity was erased.");
            });
        else
            setError(UiProblem::fromCode(found.code()));
        refreshLookups();
        return false;
    }
    setError({});
    m_identity = found.value();
    m_shownPurpose = m_purpose;
    m_shownAtMs = m_session.clock().nowMs();
    m_shown = true;
    emit identityChanged();
    refreshLookups();
    return true;
}

void IdentityLookup::clear()
{
    if (!m_shown && m_identity == IdentityDetails {})
        return;
    m_identity = {};
    m_shown = false;
    m_shownPurpose.clear();
    emit identityChanged();
}

void IdentityLookup::refreshLookups()
{
    store::LocalStore *store = m_session.store();
    if (!store) {
        m_lookups.setRows({});
        emit lookupsChanged();
        return;
    }
    auto rows = store->records().list(AuditLog::kKind, m_session.projectId(), 1'000'000);
    if (!rows.ok()) {
        setError(UiProblem::fromCode(rows.code()));
        return;
    }
    const QByteArray thisDevice = store->deviceSigningKey().publicKey;
    Participants participants(store->records());
    QHash<QString, QString> codes;
    QList<IdentityAuditModel::Row> out;
    for (const store::Record &r : rows.value()) {
        const AuditEntry e = AuditLog::fromBody(r.id, r.body);
        if (e.action != kLookupAction)
            continue;
        if (!codes.contains(e.participantId)) {
            auto p = participants.get(e.participantId);
            codes.insert(e.participantId, p.ok() ? p->code : QString());
        }
        out.append(IdentityAuditModel::Row { e.atMs, Participants::deviceTag(e.device), e.device == thisDevice,
            codes.value(e.participantId), e.details.value(QStringLiteral("purpose")).toString() });
    }
    std::sort(out.begin(), out.end(),
        [](const IdentityAuditModel::Row &a, const IdentityAuditModel::Row &b) { return a.atMs > b.atMs; });
    m_lookups.setRows(std::move(out));

    m_dataManagers.clear();
    if (IdentityVault::exists(*store) && IdentityVault::hasGrant(*store))
        m_dataManagers.append(DataManager{Participants::deviceTag(thisDevice), true, {}, 0});
    if (auto grants = IdentityVault::grants(*store, m_session.projectId()); grants.ok()) {
        for (const IdentityVault::GrantInfo &g : grants.value()) {
            const QString tag = Participants::deviceTag(g.recipient);
            auto known = std::find_if(m_dataManagers.begin(), m_dataManagers.end(),
                                      [&tag](const DataManager &m) { return m.device == tag; });
            if (known == m_dataManagers.end())
                m_dataManagers.append(DataManager{tag, g.recipient == thisDevice, Participants::deviceTag(g.granter),
                                                  g.grantedMs});
            else if (known->grantedBy.isEmpty())
                *known = DataManager{tag, known->self, Participants::deviceTag(g.granter), g.grantedMs};
        }
    }
    emit lookupsChanged();
}

QString IdentityLookup::dataManagersText() const
{
    if (m_dataManagers.isEmpty())
        return tr("No device of this project holds the identity register here.");
    QStringList parts;
    for (const DataManager &m : m_dataManagers) {
        QString part = m.self ? tr("%1 (this device)").arg(m.device) : m.device;
        if (!m.grantedBy.isEmpty())
            part += QLatin1Char(' ') + tr("granted by %1 on %2")
                                           .arg(m.grantedBy, m_settings.locale().toString(
                                                                 QDateTime::fromMSecsSinceEpoch(m.grantedMs),
                                                                 QLocale::ShortFormat));
        parts.append(part);
    }
    return tr("Devices with the data-manager role: %1").arg(parts.join(QStringLiteral("; ")));
}

} // namespace samla::ui
