#include "participantregister.h"

#include "app/domain/consentgate.h"
#include "app/domain/participants.h"
#include "appsettings.h"
#include "consenttext.h"
#include "engineservices.h"
#include "languagewatcher.h"
#include "platform/core/logging.h"
#include "session.h"

#include <QDateTime>
#include <QLocale>
#include <QVariantMap>

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
    return vaultRefusalText(m_refusal);
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
    m_model.setRows({}, 0);
    m_due.clear();
    m_lastCode.clear();
    m_lastId.clear();
    clearError();
    emit participantsChanged();
    emit vaultChanged();
    emit enrolled();
}

void ParticipantRegister::openVault()
{
    m_vault.reset();
    store::LocalStore *store = m_session.store();
    if (!store) {
        m_refusal = VaultRefusal::NotCreated;
        emit vaultChanged();
        return;
    }
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
        ParticipantsModel::Row row { p, {} };
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

    Participants participants(store->records());
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
    if (!store || m_vault)
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
