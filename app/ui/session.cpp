#include "session.h"

#include "engineservices.h"
#include "languagewatcher.h"
#include "passphrasestrength.h"
#include "platform/core/logging.h"

#include "app/observation/session.h"

#include <QDir>
#include <QTimer>

#include <optional>

namespace samla::ui {

crypto::SecureBytes secureFromText(const QString &text)
{
    QByteArray utf8 = text.toUtf8();
    return crypto::SecureBytes::fromUtf8AndWipe(utf8);
}

crypto::SecureBytes normalizedRecoveryKey(const QString &typed)
{
    QString normalized;
    normalized.reserve(typed.size());
    bool pendingSeparator = false;
    for (const QChar c : typed) {
        if (c.isSpace() || c == QLatin1Char('-')) {
            pendingSeparator = !normalized.isEmpty();
            continue;
        }
        if (pendingSeparator)
            normalized.append(QLatin1Char('-'));
        pendingSeparator = false;
        // Read back from paper, O and 0, I, L and 1 look alike; the key alphabet has only the digits.
        QChar upper = c.toUpper();
        if (upper == QLatin1Char('O'))
            upper = QLatin1Char('0');
        else if (upper == QLatin1Char('I') || upper == QLatin1Char('L'))
            upper = QLatin1Char('1');
        normalized.append(upper);
    }
    crypto::SecureBytes key = secureFromText(normalized);
    normalized.fill(QLatin1Char('\0'));
    return key;
}

namespace {

// Opens the project the app shows: the one chosen last on this device, else
// the first one that is not a demo, else the first; the demo case studies if
// the store has none.
Result<domain::Project> currentProject(store::LocalStore &store)
{
    domain::Projects projects(store.records());
    if (auto remembered = projects.rememberedOpen(); remembered.ok() && !remembered.value().isEmpty()) {
        auto project = projects.get(remembered.value());
        if (project.ok())
            return project;
    }
    auto list = projects.list();
    if (!list.ok())
        return list.error();
    if (!list.value().isEmpty()) {
        for (const auto &project : list.value()) {
            if (!project.demo)
                return project;
        }
        return list.value().constFirst();
    }
    domain::Notes notes(store.records());
    auto seeded = projects.seedDemoCaseStudies(notes);
    if (!seeded.ok())
        return seeded.error();
    if (seeded.value().isEmpty())
        return makeError(ErrorCode::Internal, QStringLiteral("no demo project seeded"));
    return seeded.value().constFirst();
}

} // namespace

struct Session::Opened {
    std::unique_ptr<store::LocalStore> store;
    domain::Project project;
    crypto::SecureBytes recoveryKey;
};

Session::Session(const QString &dataDir, const Clock &clock, KdfProvider kdf, QObject *parent)
    : QObject(parent)
    , m_dataDir(dataDir)
    , m_clock(clock)
    , m_kdf(std::move(kdf))
{
    m_state = store::LocalStore::exists(dataDir) ? Locked : NeedsSetup;
    // Every kind's conflict policy, before any sync can apply an op.
    observation::installConflictPolicies();
    new LanguageWatcher(this, [this] {
        emit errorStringChanged();
        emit infoStringChanged();
    });
}

Session::~Session()
{
    waitForWorker();
    if (m_store) {
        m_notes.reset();
        m_projects.reset();
        m_store->close();
    }
}

Session *Session::create(QQmlEngine *qml, QJSEngine *)
{
    return serviceFromEngine<Session>(qml);
}

QString Session::infoString() const
{
    if (m_passphraseChanged)
        return tr("Your passphrase has been changed. Use the new one from now on.");
    return {};
}

QString Session::recoveryKey() const
{
    if (m_recoveryKey.isEmpty())
        return {};
    return QString::fromUtf8(m_recoveryKey.view());
}

void Session::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged();
}

void Session::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    emit busyChanged();
}

void Session::setError(const UiProblem &problem)
{
    m_error = problem;
    if (problem.code)
        qCInfo(lcUi) << "session error" << errorCodeName(*problem.code);
    emit errorStringChanged();
}

void Session::clearError()
{
    if (m_error.isNull())
        return;
    m_error = {};
    emit errorStringChanged();
}

void Session::clearInfo()
{
    if (!m_passphraseChanged)
        return;
    m_passphraseChanged = false;
    emit infoStringChanged();
}

bool Session::checkNewPassphrase(const QString &passphrase, const QString &repeat)
{
    if (passphrase.isEmpty()) {
        setError(UiProblem::fromUi(UiError::PassphraseEmpty));
        return false;
    }
    if (passphrase.size() < kMinPassphraseLength) {
        setError(UiProblem::fromUi(UiError::PassphraseTooShort));
        return false;
    }
    if (estimatePassphraseStrength(passphrase).score < kMinPassphraseScore) {
        setError(UiProblem::fromUi(UiError::PassphraseTooWeak));
        return false;
    }
    if (passphrase != repeat) {
        setError(UiProblem::fromUi(UiError::PassphrasesDiffer));
        return false;
    }
    return true;
}

void Session::startWorker(std::function<void()> work, std::function<void()> done)
{
    Q_ASSERT(!m_worker);
    QThread *thread = QThread::create(std::move(work));
    thread->setParent(this);
    m_worker = thread;
    connect(thread, &QThread::finished, this, [this, thread, done = std::move(done)] {
        m_worker = nullptr;
        thread->deleteLater();
        done();
    });
    thread->start();
}

void Session::waitForWorker()
{
    if (!m_worker)
        return;
    m_worker->wait();
    // Deliver the queued finished() now, so callers see the outcome.
    QCoreApplication::sendPostedEvents(this);
    QCoreApplication::sendPostedEvents(m_worker);
    QCoreApplication::processEvents();
}

void Session::createStore(const QString &passphrase, const QString &repeat)
{
    if (m_state != NeedsSetup || m_busy)
        return;
    if (!checkNewPassphrase(passphrase, repeat))
        return;
    clearError();

    auto secret = std::make_shared<crypto::SecureBytes>(secureFromText(passphrase));
    auto outcome = std::make_shared<std::optional<Result<Opened>>>();
    const QString dataDir = m_dataDir;
    const Clock *clock = &m_clock;
    const KdfProvider kdf = m_kdf;

    setBusy(true);
    setState(Creating);
    startWorker(
        [secret, outcome, dataDir, clock, kdf] {
            if (!QDir().mkpath(dataDir)) {
                outcome->emplace(makeError(ErrorCode::ReadOnly, QStringLiteral("cannot create data dir")));
                return;
            }
            const crypto::Argon2Params params = kdf();
            auto created = store::LocalStore::create(dataDir, *secret, params, *clock);
            if (!created.ok()) {
                outcome->emplace(created.error());
                return;
            }
            Opened opened;
            opened.store = std::move(created.value().store);
            opened.recoveryKey = std::move(created.value().recoveryKeyText);
            domain::Notes notes(opened.store->records());
            domain::Projects projects(opened.store->records());
            // The three case studies of the programme; the café (first) opens first.
            auto demo = projects.seedDemoCaseStudies(notes);
            if (demo.ok() && !demo.value().isEmpty()) {
                opened.project = demo.value().constFirst();
            } else {
                // The store is fine; the app just opens without example notes.
                qCWarning(lcUi) << "seeding the demo project failed" << errorCodeName(demo.ok() ? ErrorCode::Internal : demo.code());
            }
            outcome->emplace(std::move(opened));
        },
        [this, outcome] {
            if (!outcome->has_value() || !(*outcome)->ok()) {
                setError(
                    UiProblem::fromCode(outcome->has_value() ? (*outcome)->code() : ErrorCode::Internal));
                setState(NeedsSetup);
                setBusy(false);
                return;
            }
            Opened opened = std::move(**outcome).value();
            m_recoveryKey = std::move(opened.recoveryKey);
            adopt(std::move(opened));
            emit recoveryKeyChanged();
            setState(ShowRecoveryKey);
            setBusy(false);
        });
}

bool Session::confirmRecoveryKey(bool storedSafely, const QString &lastGroup)
{
    if (m_state != ShowRecoveryKey)
        return false;
    if (!storedSafely) {
        setError(UiProblem::fromUi(UiError::RecoveryNotConfirmed));
        return false;
    }
    // Compare the typed group with the key's last group without building a QString of the key.
    const crypto::SecureBytes typed = normalizedRecoveryKey(lastGroup);
    const QByteArrayView key = m_recoveryKey.view();
    const qsizetype dash = key.lastIndexOf('-');
    const QByteArrayView last = dash >= 0 ? key.sliced(dash + 1) : key;
    const bool matches = !typed.isEmpty() && typed.view() == last;
    if (!matches) {
        setError(UiProblem::fromUi(UiError::RecoveryGroupMismatch));
        return false;
    }
    clearError();
    m_recoveryKey = crypto::SecureBytes(); // wiped by SecureBytes' destructor
    emit recoveryKeyChanged();
    setState(Unlocked);
    emit opened();
    return true;
}

void Session::adopt(Opened &&opened)
{
    m_store = std::move(opened.store);
    m_notes = std::make_unique<domain::Notes>(m_store->records());
    m_projects = std::make_unique<domain::Projects>(m_store->records());
    m_project = opened.project;
    if (m_project.id.isEmpty()) {
        auto project = currentProject(*m_store);
        if (project.ok())
            m_project = project.value();
    }
}

void Session::adoptProject(const domain::Project &project)
{
    if (m_state != Unlocked || project.id != m_project.id)
        return;
    m_project = project;
    emit projectChanged();
}

bool Session::switchProject(const QString &projectId)
{
    if (m_state != Unlocked || !m_store || projectId == m_project.id)
        return false;
    auto project = domain::Projects(m_store->records()).get(projectId);
    if (!project.ok())
        return false;
    m_project = project.value();
    // Remembered on this device, so the next unlock opens the same project.
    if (const Status remembered = domain::Projects(m_store->records()).rememberOpen(m_project.id); !remembered.ok())
        qCWarning(lcUi) << "could not remember the open project" << errorCodeName(remembered.code());
    qCInfo(lcUi) << "showing another project";
    emit projectChanged();
    return true;
}

void Session::unlock(const QString &passphrase)
{
    if (m_state != Locked || m_busy)
        return;
    if (passphrase.isEmpty()) {
        setError(UiProblem::fromUi(UiError::PassphraseEmpty));
        return;
    }
    clearError();
    clearInfo();

    auto secret = std::make_shared<crypto::SecureBytes>(secureFromText(passphrase));
    openInWorker(
        [secret](const QString &dataDir, const Clock &clock) {
            return store::LocalStore::unlock(dataDir, *secret, clock);
        },
        false);
}

void Session::openInWorker(
    std::function<Result<std::unique_ptr<store::LocalStore>>(const QString &, const Clock &)> open,
    bool passphraseReplaced)
{
    auto outcome = std::make_shared<std::optional<Result<Opened>>>();
    const QString dataDir = m_dataDir;
    const Clock *clock = &m_clock;

    setBusy(true);
    startWorker(
        [open = std::move(open), outcome, dataDir, clock] {
            auto store = open(dataDir, *clock);
            if (!store.ok()) {
                outcome->emplace(store.error());
                return;
            }
            Opened opened;
            opened.store = std::move(store.value());
            auto project = currentProject(*opened.store);
            if (project.ok())
                opened.project = project.value();
            outcome->emplace(std::move(opened));
        },
        [this, outcome, passphraseReplaced] {
            // busy goes false last, so whoever watches it sees the final state and error.
            if (!outcome->has_value() || !(*outcome)->ok()) {
                setError(
                    UiProblem::fromCode(outcome->has_value() ? (*outcome)->code() : ErrorCode::Internal));
                setBusy(false);
                return;
            }
            adopt(std::move(**outcome).value());
            if (passphraseReplaced) {
                m_passphraseChanged = true;
                emit infoStringChanged();
            }
            setState(Unlocked);
            emit opened();
            setBusy(false);
        });
}

void Session::recover(const QString &recoveryKey, const QString &newPassphrase, const QString &repeat)
{
    if (m_state != Locked || m_busy)
        return;
    if (recoveryKey.trimmed().isEmpty()) {
        setError(UiProblem::fromUi(UiError::RecoveryKeyEmpty));
        return;
    }
    if (!checkNewPassphrase(newPassphrase, repeat))
        return;
    clearError();
    clearInfo();

    auto key = std::make_shared<crypto::SecureBytes>(normalizedRecoveryKey(recoveryKey));
    auto secret = std::make_shared<crypto::SecureBytes>(secureFromText(newPassphrase));
    openInWorker(
        [key, secret](const QString &dataDir, const Clock &clock) {
            return store::LocalStore::recover(dataDir, *key, *secret, clock);
        },
        true);
}

void Session::changePassphrase(const QString &current, const QString &newPassphrase, const QString &repeat)
{
    if (m_state != Unlocked || m_busy || !m_store)
        return;
    if (current.isEmpty()) {
        setError(UiProblem::fromUi(UiError::PassphraseEmpty));
        emit passphraseChangeFinished(false);
        return;
    }
    if (!checkNewPassphrase(newPassphrase, repeat)) {
        emit passphraseChangeFinished(false);
        return;
    }
    if (current == newPassphrase) {
        setError(UiProblem::fromUi(UiError::NewPassphraseSameAsCurrent));
        emit passphraseChangeFinished(false);
        return;
    }
    clearError();
    clearInfo();
    auto currentSecret = std::make_shared<crypto::SecureBytes>(secureFromText(current));
    auto newSecret = std::make_shared<crypto::SecureBytes>(secureFromText(newPassphrase));
    // Argon2id (twice) runs in a worker; the key file is written back here,
    // on the store's thread, only if the store is still the one it started on.
    std::shared_ptr<store::LocalStore::PassphraseChange> change = m_store->preparePassphraseChange();
    const store::LocalStore *startedOn = m_store.get();
    setBusy(true);
    startWorker([change, currentSecret, newSecret] { change->run(*currentSecret, *newSecret); },
                [this, change, startedOn] {
                    Status status = change->result;
                    if (status.ok()) {
                        status = m_store && m_store.get() == startedOn
                                     ? m_store->commitPassphraseChange(*change)
                                     : Status(makeError(ErrorCode::Tampered, QStringLiteral("store closed")));
                    }
                    setBusy(false);
                    if (!status.ok()) {
                        setError(UiProblem::fromCode(status.code()));
                        emit passphraseChangeFinished(false);
                        return;
                    }
                    m_passphraseChanged = true;
                    emit infoStringChanged();
                    emit passphraseChangeFinished(true);
                });
}

void Session::lock()
{
    if (m_state != Unlocked)
        return;
    emit aboutToClose();
    m_notes.reset();
    m_projects.reset();
    if (m_store) {
        m_store->close();
        m_store.reset();
    }
    m_project = {};
    clearError();
    clearInfo();
    setBusy(false);
    setState(Locked);
    emit closed();
    qCInfo(lcUi) << "session locked";
}

} // namespace samla::ui
