// SyncController: joining a sync server with an enrolment code, syncing on demand, approving devices.
#pragma once

#include "app/sync/devicesync.h"

#include <QDateTime>
#include <QObject>
#include <QThread>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <memory>

class QQmlEngine;
class QJSEngine;

namespace samla::ui {

class AppSettings;
class Session;

// The network calls run on a worker thread, one at a time, and the screen
// blocks other input meanwhile (busy), so the store is never used from two
// threads at once; locking waits for the worker to finish.
class SyncController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool joined READ joined NOTIFY stateChanged)
    Q_PROPERTY(bool admin READ admin NOTIFY stateChanged)
    Q_PROPERTY(bool waitingForApproval READ waitingForApproval NOTIFY stateChanged)
    Q_PROPERTY(QString serverText READ serverText NOTIFY stateChanged)
    Q_PROPERTY(QString fingerprintText READ fingerprintText NOTIFY stateChanged)
    Q_PROPERTY(QString deviceIdText READ deviceIdText NOTIFY stateChanged)
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY stateChanged)
    Q_PROPERTY(int conflictCount READ conflictCount NOTIFY stateChanged)
    Q_PROPERTY(QString lastSyncText READ lastSyncText NOTIFY stateChanged)
    Q_PROPERTY(QString resultText READ resultText NOTIFY stateChanged)
    Q_PROPERTY(QVariantList devices READ devices NOTIFY devicesChanged)
    Q_PROPERTY(QVariantList conflicts READ conflicts NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY stateChanged)
public:
    SyncController(Session &session, const AppSettings &settings, const Clock &clock, QObject *parent = nullptr);
    ~SyncController() override;
    static SyncController *create(QQmlEngine *qml, QJSEngine *js);

    bool joined() const { return m_joined; }
    bool admin() const { return m_admin; }
    bool waitingForApproval() const { return m_joined && !m_hasKey; }
    QString serverText() const { return m_server; }
    QString fingerprintText() const { return m_fingerprint; }
    QString deviceIdText() const { return m_deviceId; }
    int pendingCount() const { return m_pending; }
    int conflictCount() const { return m_conflicts; }
    QString lastSyncText() const;
    QString resultText() const { return m_resultText ? m_resultText() : QString(); }
    QVariantList devices() const { return m_devices; }
    // [{id, kind, title, currentText, otherText, currentTime, otherTime, note}] for each open conflict
    QVariantList conflicts() const;
    bool busy() const { return m_worker != nullptr; }
    QString errorString() const { return m_errorText ? m_errorText() : QString(); }

    // Joins with the text of an enrolment code (pasted, or read from the QR code).
    Q_INVOKABLE void join(const QString &code);
    // Joins with the code in a QR image (the PNG samla-server writes, or a photo of the code).
    Q_INVOKABLE void joinFromImage(const QString &pathOrUrl);
    Q_INVOKABLE void syncNow();
    // Administrators: the project's devices, and approving one (by its full id).
    Q_INVOKABLE void refreshDevices();
    Q_INVOKABLE void approve(const QString &deviceId);
    Q_INVOKABLE void clearError();
    // A conflict looked at: keep the current version, or make the other one
    // current again (a new version; both stay in the history).
    Q_INVOKABLE bool keepCurrent(qint64 conflictId);
    Q_INVOKABLE bool useOther(qint64 conflictId);

    // For tests: waits for the worker and delivers its outcome.
    void waitForWorker();
    appsync::DeviceSync *deviceSync() { return m_sync.get(); }

signals:
    void stateChanged();
    void busyChanged();
    void devicesChanged();
    void synced();   // records may have changed

private:
    void opened();
    void closing();
    void reloadState();
    void run(std::function<void()> work, std::function<void()> done);
    void showError(const Error &error);

    Session &m_session;
    const AppSettings &m_settings;
    const Clock &m_clock;
    std::unique_ptr<appsync::DeviceSync> m_sync;
    QThread *m_worker = nullptr;
    bool m_joined = false;
    bool m_admin = false;
    bool m_hasKey = false;
    QString m_serverProject;
    QString m_server;
    QString m_fingerprint;
    QString m_deviceId;
    int m_pending = 0;
    int m_conflicts = 0;
    QDateTime m_lastSync;
    QVariantList m_devices;
    QList<protocol::Member> m_members;
    std::function<QString()> m_resultText;
    std::function<QString()> m_errorText;
};

} // namespace samla::ui
