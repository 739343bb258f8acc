// SyncController: joining a sync server with an enrolment code, syncing on demand, approving devices.
#pragma once

#include "app/sync/devicesync.h"

#include <QDateTime>
#include <QObject>
#include <QThread>
#include <QTimer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <memory>

class QQmlEngine;
class QJSEngine;

namespace samla::store { class LocalStore; }

namespace samla::ui {

class AppSettings;
class Session;

// The network calls run on a worker thread, one at a time, through a second
// connection to the store (LocalStore::openConnection), so the rest of the
// app keeps working while a sync runs: SQLite serialises the two
// connections' writes. Locking waits for the worker to finish.
//
// Automatic sync: once joined, the device syncs shortly after unlocking, then
// looks every minute: changes waiting are sent at once, and it asks for the
// other devices' changes every few minutes.
// When the server cannot be reached it tries again later, waiting longer each
// time (up to ten minutes), and says when; a refusal that retrying cannot mend
// (another certificate, a removed device) stops it until the next manual sync.
class SyncController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool joined READ joined NOTIFY stateChanged)
    Q_PROPERTY(bool admin READ admin NOTIFY stateChanged)
    Q_PROPERTY(bool waitingForApproval READ waitingForApproval NOTIFY stateChanged)
    // Joined write-only (a participant's own diary device): it sends entries,
    // reads nothing back, and keeps no entry once the server holds it.
    Q_PROPERTY(bool submitsOnly READ submitsOnly NOTIFY stateChanged)
    Q_PROPERTY(QString serverText READ serverText NOTIFY stateChanged)
    Q_PROPERTY(QString fingerprintText READ fingerprintText NOTIFY stateChanged)
    Q_PROPERTY(QString deviceIdText READ deviceIdText NOTIFY stateChanged)
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY stateChanged)
    Q_PROPERTY(int conflictCount READ conflictCount NOTIFY stateChanged)
    // Changes from other devices dated more than a day ahead of this
    // device's clock: kept, and applied once the clock has caught up.
    Q_PROPERTY(int heldCount READ heldCount NOTIFY stateChanged)
    Q_PROPERTY(QString lastSyncText READ lastSyncText NOTIFY stateChanged)
    Q_PROPERTY(QString resultText READ resultText NOTIFY stateChanged)
    Q_PROPERTY(QVariantList devices READ devices NOTIFY devicesChanged)
    // This device holds the project's identity register, so it can hand the data-manager role on.
    Q_PROPERTY(bool holdsRegister READ holdsRegister NOTIFY devicesChanged)
    Q_PROPERTY(QVariantList conflicts READ conflicts NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(bool autoSync READ autoSync WRITE setAutoSync NOTIFY autoSyncChanged)
    Q_PROPERTY(QString scheduleText READ scheduleText NOTIFY stateChanged)
    // Progress of the sync running now: changes sent of those waiting when it
    // began (toSend 0: nothing to send), and changes received so far.
    Q_PROPERTY(int progressSent READ progressSent NOTIFY progressChanged)
    Q_PROPERTY(int progressToSend READ progressToSend NOTIFY progressChanged)
    Q_PROPERTY(int progressReceived READ progressReceived NOTIFY progressChanged)
    // Attachment files (photos, recordings, consent PDFs) moved either way in
    // this sync, in bytes, of those found to need moving so far (0: none).
    // A change counts as sent only once its files are on the server.
    Q_PROPERTY(double progressFileBytes READ progressFileBytes NOTIFY progressChanged)
    Q_PROPERTY(double progressFileBytesTotal READ progressFileBytesTotal NOTIFY progressChanged)
    // The same in MB (one decimal), written as the app's language writes numbers.
    Q_PROPERTY(QString progressFileMegabytes READ progressFileMegabytes NOTIFY progressChanged)
    Q_PROPERTY(QString progressFileMegabytesTotal READ progressFileMegabytesTotal NOTIFY progressChanged)
    Q_PROPERTY(bool syncing READ syncing NOTIFY progressChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY stateChanged)
public:
    SyncController(Session &session, const AppSettings &settings, const Clock &clock, QObject *parent = nullptr);
    ~SyncController() override;
    static SyncController *create(QQmlEngine *qml, QJSEngine *js);

    bool joined() const { return m_joined; }
    bool admin() const { return m_admin; }
    bool waitingForApproval() const { return m_joined && !m_hasKey; }
    bool submitsOnly() const { return m_submitsOnly; }
    QString serverText() const { return m_server; }
    QString fingerprintText() const { return m_fingerprint; }
    QString deviceIdText() const { return m_deviceId; }
    int pendingCount() const { return m_pending; }
    int conflictCount() const { return m_conflicts; }
    int heldCount() const { return m_held; }
    QString lastSyncText() const;
    QString resultText() const { return m_resultText ? m_resultText() : QString(); }
    QVariantList devices() const { return m_devices; }
    bool holdsRegister() const;
    // [{id, kind, title, currentText, otherText, currentTime, otherTime, note}] for each open conflict
    QVariantList conflicts() const;
    bool busy() const { return m_worker != nullptr; }
    bool autoSync() const { return m_autoSync; }
    void setAutoSync(bool on);
    // When the next automatic sync is due, or why there is none.
    QString scheduleText() const;
    int progressSent() const { return m_progress.sent; }
    int progressToSend() const { return m_progressToSend; }
    int progressReceived() const { return m_progress.received; }
    double progressFileBytes() const { return double(m_progress.attachmentBytesDone); }
    double progressFileBytesTotal() const { return double(m_progress.attachmentBytesTotal); }
    QString progressFileMegabytes() const;
    QString progressFileMegabytesTotal() const;
    // The screenshot mode shows a sync under way without a server: sets
    // the progress as a running sync would (toSend 0 and an empty progress: none).
    void showProgressForScreenshots(const sync::SyncProgress &progress, int toSend);
    // Screenshot mode: the device list as an administrator's device shows it.
    void showDevicesForScreenshots(const QList<protocol::Member> &members);
    bool syncing() const { return m_syncing; }

    // Timings of automatic sync (tests shorten them).
    struct AutoTimings {
        int firstMs = 3'000;            // after unlocking or joining
        int pendingMs = 60'000;         // how often it looks for changes waiting to be sent
        int idleMs = 5 * 60'000;        // how often it asks for others' changes when none wait
        int retryMs = 15'000;           // first retry when the server cannot be reached; doubles
        int maxRetryMs = 10 * 60'000;
    };
    void setAutoTimings(AutoTimings timings);
    // While a live observation session is being coded, automatic sync waits,
    // so a sync's writes never hold up a tap (Sync now still works).
    void setHoldAutoSync(bool hold);
    // ms until the next automatic sync, or -1 if none is scheduled (tests).
    int msUntilAutoSync() const;
    QString errorString() const { return m_errorText ? m_errorText() : QString(); }

    // Joins with the text of an enrolment code (pasted, or read from the QR code).
    Q_INVOKABLE void join(const QString &code);
    // Joins with the code in a QR image (the PNG samla-server writes, or a photo of the code).
    Q_INVOKABLE void joinFromImage(const QString &pathOrUrl);
    Q_INVOKABLE void syncNow();
    // Reads the counts again (what waits to be sent, open conflicts).
    Q_INVOKABLE void refresh();
    // Administrators: the project's devices, and approving one (by its full id).
    Q_INVOKABLE void refreshDevices();
    Q_INVOKABLE void approve(const QString &deviceId);
    // Removes the device from the project (asked to confirm on the screen first).
    Q_INVOKABLE void revoke(const QString &deviceId);
    // Grants the data-manager role (the project's identity key) to an
    // approved device of the list; it takes it up at its next sync.
    Q_INVOKABLE bool grantDataManager(const QString &deviceId);
    Q_INVOKABLE void clearError();
    // A conflict looked at: keep the current version, or make the other one
    // current again (a new version; both stay in the history).
    Q_INVOKABLE bool keepCurrent(qint64 conflictId);
    Q_INVOKABLE bool useOther(qint64 conflictId);

    // For tests: waits for the worker and delivers its outcome.
    void waitForWorker();

signals:
    void stateChanged();
    void busyChanged();
    void devicesChanged();
    void autoSyncChanged();
    void progressChanged();
    void synced();   // records may have changed

private:
    void setMembers(const QList<protocol::Member> &members);
    void markDataManagers();   // syncdatamanagers.cpp
    void opened();
    void closing();
    void reloadState();
    void run(std::function<void()> work, std::function<void()> done);
    void showError(const Error &error);
    void showKeyGrantProblems(const appsync::SyncReport &report);
    void startSync(bool automatic);
    void scheduleAuto(int ms);
    void autoSyncDue();
    appsync::DeviceSync *worker() const { return m_workerSync.get(); }

    Session &m_session;
    const AppSettings &m_settings;
    const Clock &m_clock;
    // m_sync reads sync state on this thread; m_workerSync, over the second
    // connection m_workerStore, is used only by the worker thread.
    std::unique_ptr<appsync::DeviceSync> m_sync;
    std::unique_ptr<store::LocalStore> m_workerStore;
    std::unique_ptr<appsync::DeviceSync> m_workerSync;
    QThread *m_worker = nullptr;
    QTimer m_autoTimer;
    AutoTimings m_timings;
    bool m_autoSync = true;
    bool m_autoStopped = false;      // a refusal retrying cannot mend
    bool m_hold = false;             // setHoldAutoSync
    int m_retryMs = 0;               // current back-off while unreachable; 0 when reachable
    QDateTime m_nextAuto;
    QDateTime m_lastAttempt;
    bool m_offline = false;          // the last attempt could not reach the server
    bool m_syncing = false;
    sync::SyncProgress m_progress;
    int m_progressToSend = 0;
    bool m_joined = false;
    bool m_admin = false;
    bool m_hasKey = false;
    bool m_submitsOnly = false;
    QString m_serverProject;
    QString m_localProject;        // the records' id of m_serverProject's project
    QString m_server;
    QString m_fingerprint;
    QString m_deviceId;
    int m_pending = 0;
    int m_conflicts = 0;
    int m_held = 0;
    QDateTime m_lastSync;
    QVariantList m_devices;
    QList<protocol::Member> m_members;
    std::function<QString()> m_resultText;
    std::function<QString()> m_errorText;
};

} // namespace samla::ui
