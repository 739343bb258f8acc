#include "synccontroller.h"

#include "engineservices.h"
#include "appsettings.h"
#include "errortext.h"
#include "languagewatcher.h"
#include "session.h"

#include "app/domain/notes.h"
#include "app/store/localstore.h"
#include "app/sync/qrimage.h"
#include "platform/core/logging.h"
#include "sync/client/transport.h"
#include "sync/tls/tlsidentity.h"

#include <QCoreApplication>
#include <QLocale>
#include <QUrl>

namespace samla::ui {

namespace {

// What went wrong, as the person at the device can act on it.
QString syncErrorText(const Error &e)
{
    const QString &d = e.detail;
    if (e.code == ErrorCode::Tampered && d == QLatin1String(sync::kCertificateMismatch))
        return SyncController::tr("The server did not show the certificate named in the enrolment code, so Samla "
                                  "did not connect. Nothing was sent. Tell your administrator.");
    if (e.code == ErrorCode::Tampered && d == QLatin1String(sync::kUnsignedBoxKey))
        return SyncController::tr("The server listed a device with a key that the device did not sign, so Samla "
                                  "did not give it the project key. Nobody was approved. Tell whoever runs the "
                                  "server: it may have been tampered with.");
    if (d.contains(QLatin1String("bad-token")))
        return SyncController::tr("This enrolment code has already been used or has expired. Ask your "
                                  "administrator for a new one.");
    if (d.contains(QLatin1String("revoked")))
        return SyncController::tr("An administrator has removed this device from the project, so it can no "
                                  "longer sync. What is on this device stays here.");
    if (d.startsWith(QLatin1String("enrolment code")))
        return SyncController::tr("That is not a Samla enrolment code. Paste the whole line that starts with "
                                  "samla-enrol:.");
    if (e.code == ErrorCode::AlreadyExists)
        return SyncController::tr("This device already syncs with another server.");
    if (e.code == ErrorCode::Io)
        return SyncController::tr("Samla could not reach the sync server. Check the network and try again; "
                                  "your changes wait safely on this device.");
    if (d.contains(QLatin1String("not-admin")))
        return SyncController::tr("Only an administrator's device can approve devices.");
    if (d.contains(QLatin1String("hash-mismatch")) || (e.code == ErrorCode::Tampered && d.contains(QLatin1String("attachment"))))
        return SyncController::tr("A photo, recording or PDF did not arrive intact, so it was not kept. The change "
                                  "that names it waits on the device that made it. Sync again; if this comes back, "
                                  "tell your administrator.");
    if (d.contains(QLatin1String("too-large")))
        return SyncController::tr("A photo, recording or PDF is larger than the server takes (512 MB). The change "
                                  "that names it waits on this device. Tell your administrator.");
    return ErrorText::forProblem(UiProblem::fromCode(e.code));
}

} // namespace

SyncController::SyncController(Session &session, const AppSettings &settings, const Clock &clock, QObject *parent)
    : QObject(parent), m_session(session), m_settings(settings), m_clock(clock)
{
    connect(&m_session, &Session::opened, this, &SyncController::opened);
    // Direct: the store must not close while the worker uses it.
    connect(&m_session, &Session::aboutToClose, this, &SyncController::closing, Qt::DirectConnection);
    // Messages and the last-sync line are made in the language showing now.
    new LanguageWatcher(this, [this] { emit stateChanged(); });
    m_autoTimer.setSingleShot(true);
    connect(&m_autoTimer, &QTimer::timeout, this, &SyncController::autoSyncDue);
}

SyncController::~SyncController()
{
    waitForWorker();
}

SyncController *SyncController::create(QQmlEngine *qml, QJSEngine *)
{
    return serviceFromEngine<SyncController>(qml);
}

void SyncController::opened()
{
    store::LocalStore *store = m_session.store();
    if (!store)
        return;
    m_sync = std::make_unique<appsync::DeviceSync>(*store, m_clock);
    auto second = store->openConnection();
    if (second.ok()) {
        m_workerStore = std::move(second.value());
        sync::SyncClientOptions options;
        // Called on the worker thread; the numbers reach the screen through the event loop.
        options.progress = [this](const sync::SyncProgress &p) {
            QMetaObject::invokeMethod(this, [this, p] {
                m_progress = p;
                emit progressChanged();
            }, Qt::QueuedConnection);
        };
        m_workerSync = std::make_unique<appsync::DeviceSync>(*m_workerStore, m_clock, options);
    } else {
        qCWarning(lcUi) << "sync: no second connection:" << errorCodeName(second.error().code);
    }
    auto autoOn = m_sync->autoSync();
    m_autoSync = !autoOn.ok() || autoOn.value();
    m_autoStopped = false;
    m_offline = false;
    m_retryMs = 0;
    emit autoSyncChanged();
    m_errorText = {};
    if (!second.ok())   // nothing can sync; say why instead of ignoring the buttons
        m_errorText = [code = second.error().code] { return ErrorText::forCode(code); };
    m_resultText = {};
    m_devices.clear();
    m_members.clear();
    reloadState();
    emit devicesChanged();
    scheduleAuto(m_timings.firstMs);
}

void SyncController::closing()
{
    m_autoTimer.stop();
    m_nextAuto = {};
    waitForWorker();
    // The second connection closes before the store does.
    m_workerSync.reset();
    m_workerStore.reset();
    m_sync.reset();
    m_joined = m_admin = m_hasKey = m_submitsOnly = false;
    m_server.clear();
    m_fingerprint.clear();
    m_deviceId.clear();
    m_devices.clear();
    m_members.clear();
    m_resultText = {};
    m_errorText = {};
    emit stateChanged();
    emit devicesChanged();
}

void SyncController::reloadState()
{
    if (!m_sync)
        return;
    m_deviceId = QString::fromLatin1(m_sync->deviceId().left(16));
    auto server = m_sync->server();
    auto projects = m_sync->projects();
    m_joined = server.ok() && server->has_value() && projects.ok() && !projects->isEmpty();
    m_admin = m_hasKey = false;
    auto submitsOnly = m_sync->submitsOnly();
    m_submitsOnly = m_joined && submitsOnly.ok() && submitsOnly.value();
    m_server.clear();
    m_fingerprint.clear();
    m_serverProject.clear();
    m_localProject.clear();
    if (m_joined) {
        m_server = QStringLiteral("%1:%2").arg(server->value().host).arg(server->value().port);
        m_fingerprint = tls::formatFingerprint(server->value().fingerprint).left(23);
        const appsync::JoinedProject &p = projects->first();
        m_serverProject = p.serverProject;
        m_localProject = p.localProjectId;
        m_admin = p.role == QLatin1String(protocol::kRoleAdmin);
        for (const appsync::JoinedProject &jp : projects.value())
            m_hasKey = m_hasKey || jp.hasKey;
    }
    auto pending = m_sync->pendingCount();
    m_pending = pending.ok() ? pending.value() : 0;
    m_held = 0;
    if (store::LocalStore *store = m_session.store()) {
        if (auto conflicts = store->records().openConflicts(); conflicts.ok())
            m_conflicts = int(conflicts->size());
        if (auto held = store->records().heldRemoteOps(); held.ok())
            m_held = held.value();
    }
    auto lastMs = m_sync->lastSyncMs();
    const std::int64_t last = lastMs.ok() ? lastMs.value() : 0;
    m_lastSync = last > 0 ? QDateTime::fromMSecsSinceEpoch(last) : QDateTime();
    emit stateChanged();
}

QString SyncController::lastSyncText() const
{
    if (!m_lastSync.isValid())
        return tr("Not synced yet");
    return tr("Last synced %1").arg(m_settings.locale().toString(m_lastSync.toLocalTime(), QLocale::ShortFormat));
}

QString SyncController::scheduleText() const
{
    if (!m_joined)
        return {};
    if (!m_autoSync)
        return tr("Automatic sync is off. Use Sync now.");
    if (m_autoStopped)
        return tr("Automatic sync has stopped because of the problem shown. Use Sync now after it is solved.");
    if (m_syncing)
        return {};
    if (m_hold)
        return tr("Automatic sync waits until the observation session is stopped.");
    if (!m_nextAuto.isValid())
        return {};
    const QString at = m_settings.locale().toString(m_nextAuto.toLocalTime().time(), QLocale::ShortFormat);
    if (m_offline)
        return tr("The sync server could not be reached. Samla tries again at %1; your changes wait safely on "
                  "this device.").arg(at);
    return tr("Next automatic sync at %1.").arg(at);
}

void SyncController::setAutoSync(bool on)
{
    if (on == m_autoSync)
        return;
    m_autoSync = on;
    if (m_sync) {
        if (auto saved = m_sync->setAutoSync(on); !saved.ok())
            qCWarning(lcUi) << "sync: could not save the automatic sync choice:" << errorCodeName(saved.error().code);
    }
    m_autoStopped = false;
    m_retryMs = 0;
    if (on)
        scheduleAuto(m_timings.firstMs);
    else {
        m_autoTimer.stop();
        m_nextAuto = {};
    }
    emit autoSyncChanged();
    emit stateChanged();
}

void SyncController::setHoldAutoSync(bool hold)
{
    if (hold == m_hold)
        return;
    m_hold = hold;
    if (!hold && m_autoSync && !m_autoStopped && !busy())
        scheduleAuto(m_timings.firstMs);   // what waited goes soon after
    emit stateChanged();
}

void SyncController::setAutoTimings(AutoTimings timings)
{
    m_timings = timings;
    if (m_autoTimer.isActive())
        scheduleAuto(m_timings.firstMs);
}

int SyncController::msUntilAutoSync() const
{
    if (!m_autoTimer.isActive() || !m_nextAuto.isValid())
        return -1;
    return int(std::max<std::int64_t>(0, m_nextAuto.toMSecsSinceEpoch() - m_clock.nowMs()));
}

void SyncController::scheduleAuto(int ms)
{
    m_autoTimer.stop();
    m_nextAuto = {};
    if (!m_sync || !m_workerSync || !m_joined || !m_autoSync || m_autoStopped)
        return;
    m_nextAuto = QDateTime::fromMSecsSinceEpoch(m_clock.nowMs() + ms);
    m_autoTimer.start(ms);
}

void SyncController::autoSyncDue()
{
    if (busy())   // a manual action is running; its end schedules the next
        return;
    if (m_hold) {
        scheduleAuto(m_timings.pendingMs);
        return;
    }
    // Changes written since the last sync go at once; otherwise the device
    // asks for others' changes only every idleMs.
    reloadState();
    const bool idleDue = !m_lastAttempt.isValid()
                         || m_lastAttempt.msecsTo(QDateTime::fromMSecsSinceEpoch(m_clock.nowMs())) >= m_timings.idleMs;
    if (m_pending > 0 || m_offline || !m_hasKey || idleDue)
        startSync(true);
    else
        scheduleAuto(m_timings.pendingMs);
}

void SyncController::refresh()
{
    reloadState();
}

void SyncController::clearError()
{
    m_errorText = {};
    emit stateChanged();
}

void SyncController::showError(const Error &error)
{
    qCInfo(lcUi) << "sync:" << errorCodeName(error.code);
    m_errorText = [error] { return syncErrorText(error); };
}

void SyncController::showKeyGrantProblems(const appsync::SyncReport &report)
{
    // The sync went on with the keys this device holds; what it refused is
    // said until a sync no longer meets it.
    const bool untrusted = report.untrustedGrants > 0;
    const bool conflicting = report.conflictingGrants > 0;
    if (!untrusted && !conflicting)
        return;
    qCWarning(lcUi) << "sync: key grants not installed, untrusted" << report.untrustedGrants << "conflicting"
                    << report.conflictingGrants;
    m_errorText = [untrusted, conflicting] {
        QStringList parts;
        if (untrusted)
            parts << tr("The server offered a project key from a device that is not this project's "
                        "administrator, so Samla refused it. Tell your administrator; your data on this device is "
                        "safe.");
        if (conflicting)
            parts << tr("The server offered a different key for project data this device can already read. Samla "
                        "kept the key it had, so nothing here changes. Tell your administrator.");
        return parts.join(QLatin1Char(' '));
    };
}

void SyncController::run(std::function<void()> work, std::function<void()> done)
{
    Q_ASSERT(!m_worker);
    QThread *thread = QThread::create(std::move(work));
    m_worker = thread;
    connect(thread, &QThread::finished, this, [this, thread, done = std::move(done)] {
        m_worker = nullptr;
        thread->deleteLater();
        done();
        emit busyChanged();
    });
    emit busyChanged();
    thread->start();
}

void SyncController::waitForWorker()
{
    if (!m_worker)
        return;
    m_worker->wait();
    QCoreApplication::sendPostedEvents(m_worker);
    QCoreApplication::sendPostedEvents(this);
}

void SyncController::join(const QString &codeText)
{
    if (!worker() || busy())
        return;
    auto code = protocol::EnrolCode::decode(codeText);
    if (!code.ok()) {
        showError(code.error());
        emit stateChanged();
        return;
    }
    m_errorText = {};
    const QString projectId = m_session.projectId();
    auto outcome = std::make_shared<std::optional<Result<appsync::JoinedProject>>>();
    appsync::DeviceSync *sync = worker();
    run([sync, outcome, c = code.value(), projectId] { outcome->emplace(sync->join(c, projectId)); },
        [this, outcome] {
            if (!outcome->value().ok())
                showError(outcome->value().error());
            else
                m_resultText = [] { return tr("This device has joined the project."); };
            reloadState();
            scheduleAuto(m_timings.firstMs);
        });
}

// conflicts(), keepCurrent() and useOther() are in syncconflicts.cpp.

void SyncController::joinFromImage(const QString &pathOrUrl)
{
    if (!worker() || busy())
        return;
    const QUrl url = QUrl::fromUserInput(pathOrUrl.trimmed(), QString(), QUrl::AssumeLocalFile);
    const QString path = url.isLocalFile() ? url.toLocalFile() : pathOrUrl.trimmed();
    auto text = appsync::qrTextFromImage(path);
    if (!text.ok()) {
        const ErrorCode code = text.error().code;
        m_errorText = [code] {
            return code == ErrorCode::NotFound
                       ? tr("No QR code was found in that image. Open the PNG file samla-server wrote, or a sharp "
                            "photo of the code.")
                       : tr("That file could not be opened as an image. Check the path.");
        };
        emit stateChanged();
        return;
    }
    join(text.value());
}

QString SyncController::progressFileMegabytes() const
{
    const std::int64_t done = std::min(m_progress.attachmentBytesDone, m_progress.attachmentBytesTotal);
    return m_settings.locale().toString(double(done) / (1024.0 * 1024.0), 'f', 1);
}

QString SyncController::progressFileMegabytesTotal() const
{
    return m_settings.locale().toString(double(m_progress.attachmentBytesTotal) / (1024.0 * 1024.0), 'f', 1);
}

void SyncController::showProgressForScreenshots(const sync::SyncProgress &progress, int toSend)
{
    m_progress = progress;
    m_progressToSend = toSend;
    m_syncing = toSend > 0 || progress.attachmentBytesTotal > 0 || progress.received > 0;
    emit progressChanged();
}

void SyncController::syncNow()
{
    if (!worker() || busy() || !m_joined)
        return;
    m_errorText = {};
    m_autoStopped = false;
    startSync(false);
}

void SyncController::startSync(bool automatic)
{
    if (!worker() || busy() || !m_joined)
        return;
    m_autoTimer.stop();
    m_nextAuto = {};
    reloadState();
    m_lastAttempt = QDateTime::fromMSecsSinceEpoch(m_clock.nowMs());
    m_syncing = true;
    m_progress = {};
    m_progressToSend = m_pending;
    emit progressChanged();
    auto outcome = std::make_shared<std::optional<Result<appsync::SyncReport>>>();
    appsync::DeviceSync *sync = worker();
    run([sync, outcome] { outcome->emplace(sync->syncNow()); },
        [this, outcome, automatic] {
            m_syncing = false;
            emit progressChanged();
            const auto &r = outcome->value();
            const bool unreachable = !r.ok() && r.error().code == ErrorCode::Io;
            if (!r.ok()) {
                // An automatic attempt that cannot reach the server says so in
                // the schedule line, not as an error: nothing is wrong yet.
                if (!(automatic && unreachable))
                    showError(r.error());
            } else if (r->waitingForApproval) {
                m_resultText = [] { return tr("Waiting for an administrator to approve this device."); };
            } else if (r->submitsOnly) {
                const int sent = r->pushed;
                m_resultText = [sent] {
                    return sent > 0 ? tr("Sent %n entry(ies) to the research team. They are no longer kept on this "
                                         "device.", "", sent)
                                    : tr("Nothing was waiting to be sent.");
                };
            } else if (!automatic || r->pushed > 0 || r->pulled > 0) {
                const int sent = r->pushed;
                const int received = r->applied.applied + r->applied.conflicts + r->applied.erased;
                const int conflicts = r->applied.conflicts;
                const int refused = r->refusedSubmissions;
                const int merged = r->applied.merged;
                const int refusedOps = r->applied.refused;
                m_resultText = [sent, received, conflicts, refused, merged, refusedOps] {
                    QString text = tr("Sent %n change(s)", "", sent) + QStringLiteral(", ")
                                   + tr("received %n change(s).", "", received);
                    if (conflicts > 0)
                        text += QLatin1Char(' ') + tr("%n change(s) made on two devices at once: both versions are kept.",
                                                      "", conflicts);
                    if (merged > 0)
                        text += QLatin1Char(' ') + tr("%n change(s) made on two devices at once were merged field by "
                                                      "field.", "", merged);
                    if (refusedOps > 0)
                        text += QLatin1Char(' ') + tr("%n change(s) were refused: they would have changed a finalised "
                                                      "record or a logged event. Tell your administrator.",
                                                      "", refusedOps);
                    if (refused > 0)
                        text += QLatin1Char(' ') + tr("%n change(s) from participants' devices were refused: such a "
                                                      "device may send only notes and diary entries. Tell your "
                                                      "administrator.", "", refused);
                    return text;
                };
            }
            if (r.ok()) {
                m_errorText = {};
                m_offline = false;
                m_retryMs = 0;
                showKeyGrantProblems(r.value());
                if (const int skipped = m_progress.attachmentsSkipped; skipped > 0) {
                    qCWarning(lcUi) << "sync:" << skipped << "attachment(s) could not be sent";
                    m_errorText = [skipped, before = m_errorText] {
                        const QString text = tr("%n photo(s), recording(s) or document(s) could not be sent: too "
                                                "large, or damaged on this device. Their notes and records were "
                                                "sent without them. Tell your data manager.", "", skipped);
                        return before ? before() + QLatin1Char(' ') + text : text;
                    };
                }
            } else if (unreachable) {
                m_offline = true;
                m_retryMs = m_retryMs == 0 ? m_timings.retryMs : std::min(m_retryMs * 2, m_timings.maxRetryMs);
            } else {
                m_offline = false;
                m_autoStopped = true;   // another certificate, a removed device…: retrying cannot mend it
            }
            reloadState();
            // A device showing only the demo project shows the synced one
            // as soon as it has arrived, after a sync the user asked for: an
            // automatic one never changes the project under someone at work
            // (the Projects screen lists the synced project meanwhile).
            if (r.ok() && !automatic && m_session.project().demo && m_sync) {
                if (auto joined = m_sync->projects(); joined.ok())
                    for (const appsync::JoinedProject &p : joined.value())
                        if (!p.localProjectId.isEmpty() && m_session.switchProject(p.localProjectId))
                            break;
            }
            if (m_offline)
                scheduleAuto(m_retryMs);
            else if (r.ok() && r->waitingForApproval)
                scheduleAuto(m_timings.pendingMs);
            else
                scheduleAuto(m_timings.pendingMs);
            emit stateChanged();
            if (r.ok() && (r->pulled > 0 || r->pushed > 0 || !automatic))
                emit synced();
        });
}

void SyncController::refreshDevices()
{
    if (!worker() || busy() || !m_admin)
        return;
    auto outcome = std::make_shared<std::optional<Result<QList<protocol::Member>>>>();
    appsync::DeviceSync *sync = worker();
    run([sync, outcome, project = m_serverProject] { outcome->emplace(sync->members(project)); },
        [this, outcome] {
            const auto &r = outcome->value();
            if (!r.ok()) {
                showError(r.error());
                emit stateChanged();
                return;
            }
            setMembers(r.value());
        });
}

void SyncController::setMembers(const QList<protocol::Member> &members)
{
    m_members = members;
    m_devices.clear();
    const QByteArray self = m_sync->deviceId();
    for (const protocol::Member &m : m_members) {
        QVariantMap d;
        // A participant's own device: approving it gives it only the key it
        // seals entries to; it can read nothing of the project.
        d.insert(QStringLiteral("writeOnly"), m.role == QLatin1String(protocol::kRoleWriteOnly));
        d.insert(QStringLiteral("id"), QString::fromLatin1(m.signKey.toHex()));
        d.insert(QStringLiteral("shortId"), QString::fromLatin1(m.signKey.toHex().left(16)));
        d.insert(QStringLiteral("self"), m.signKey.toHex() == self);
        d.insert(QStringLiteral("approved"), !m.grantedEpochs.isEmpty());
        d.insert(QStringLiteral("revoked"), m.revoked);
        d.insert(QStringLiteral("admin"), m.role == QLatin1String(protocol::kRoleAdmin));
        m_devices.append(d);
    }
    markDataManagers();
    emit devicesChanged();
}

void SyncController::showDevicesForScreenshots(const QList<protocol::Member> &members)
{
    m_admin = m_hasKey = true;
    m_localProject = m_session.projectId();
    emit stateChanged();
    setMembers(members);
}

void SyncController::approve(const QString &deviceId)
{
    if (!worker() || busy() || !m_admin)
        return;
    QList<protocol::Member> chosen;
    for (const protocol::Member &m : m_members)
        if (QString::fromLatin1(m.signKey.toHex()) == deviceId && !m.revoked)
            chosen.append(m);
    if (chosen.isEmpty())
        return;
    auto outcome = std::make_shared<std::optional<Status>>();
    appsync::DeviceSync *sync = worker();
    const bool participant = chosen.first().role == QLatin1String(protocol::kRoleWriteOnly);
    run([sync, outcome, project = m_serverProject, chosen] { outcome->emplace(sync->approve(project, chosen)); },
        [this, outcome, participant] {
            if (!outcome->value().ok()) {
                showError(outcome->value().error());
                emit stateChanged();
                return;
            }
            if (participant)
                m_resultText = [] {
                    return tr("The participant's device is approved. From its next sync it can send entries; it "
                              "cannot read anything of the project.");
                };
            else
                m_resultText = [] { return tr("The device is approved. It receives the project's data at its next sync."); };
            emit stateChanged();
            // The worker is done: the list can be read again.
            QMetaObject::invokeMethod(this, &SyncController::refreshDevices, Qt::QueuedConnection);
        });
}

void SyncController::revoke(const QString &deviceId)
{
    if (!worker() || busy() || !m_admin)
        return;
    QByteArray key;
    for (const protocol::Member &m : m_members)
        if (QString::fromLatin1(m.signKey.toHex()) == deviceId && !m.revoked)
            key = m.signKey;
    if (key.isEmpty())
        return;
    auto outcome = std::make_shared<std::optional<Result<std::uint32_t>>>();
    appsync::DeviceSync *sync = worker();
    run([sync, outcome, project = m_serverProject, key] { outcome->emplace(sync->revoke(project, key)); },
        [this, outcome] {
            if (!outcome->value().ok()) {
                showError(outcome->value().error());
                emit stateChanged();
                return;
            }
            m_resultText = [] {
                return tr("The device is removed. It can no longer sync, and what is written from now on is sealed "
                          "with a new project key it does not have.");
            };
            emit stateChanged();
            QMetaObject::invokeMethod(this, &SyncController::refreshDevices, Qt::QueuedConnection);
        });
}

} // namespace samla::ui
