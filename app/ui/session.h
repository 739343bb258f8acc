// Session: the store's life on this device — first-run set-up, unlock, recovery, lock.
#pragma once

#include "app/domain/notes.h"
#include "app/store/localstore.h"
#include "errortext.h"
#include "platform/core/clock.h"
#include "platform/crypto/crypto.h"

#include <QObject>
#include <QPointer>
#include <QThread>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <memory>

class QQmlEngine;
class QJSEngine;

namespace samla::ui {

// Owns the open LocalStore and the domain services over it. The store is
// created or opened on a worker thread (Argon2id takes most of a second) and
// then handed to the GUI thread, which is the only thread that uses it.
class Session : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
    Q_PROPERTY(QString infoString READ infoString NOTIFY infoStringChanged)
    Q_PROPERTY(QString recoveryKey READ recoveryKey NOTIFY recoveryKeyChanged)
public:
    enum State {
        NeedsSetup, // no store in the data directory yet
        Creating, // calibrating Argon2id and creating the store
        ShowRecoveryKey, // created; the recovery key is shown once
        Locked, // a store exists and is closed
        Unlocked,
    };
    Q_ENUM(State)

    // Returns the Argon2id cost for a new store (calibrated on the device in
    // the app, fixed and cheap in tests and screenshots). Runs on the worker thread.
    using KdfProvider = std::function<crypto::Argon2Params()>;

    Session(const QString &dataDir, const Clock &clock, KdfProvider kdf, QObject *parent = nullptr);
    ~Session() override;
    static Session *create(QQmlEngine *qml, QJSEngine *js);

    State state() const { return m_state; }
    bool busy() const { return m_busy; }
    QString errorString() const { return ErrorText::forProblem(m_error); }
    QString infoString() const;
    QString recoveryKey() const;
    QString dataDir() const { return m_dataDir; }

    // First run: checks the passphrase, then creates the store in the background.
    Q_INVOKABLE void createStore(const QString &passphrase, const QString &repeat);
    // After creation: the user confirms they kept the key by ticking the box
    // and retyping its last group. Then the key is wiped and the app opens.
    Q_INVOKABLE bool confirmRecoveryKey(bool storedSafely, const QString &lastGroup);
    Q_INVOKABLE void unlock(const QString &passphrase);
    Q_INVOKABLE void recover(const QString &recoveryKey, const QString &newPassphrase, const QString &repeat);
    // Runs on the GUI thread (the store is only used there); busy is set first
    // so the screen can say what is happening. Result: passphraseChangeFinished().
    Q_INVOKABLE void changePassphrase(
        const QString &current, const QString &newPassphrase, const QString &repeat);
    Q_INVOKABLE void lock();
    Q_INVOKABLE void clearError();
    Q_INVOKABLE void clearInfo();

    // For the other controllers, GUI thread only; null unless unlocked.
    domain::Notes *notes() { return m_state == Unlocked ? m_notes.get() : nullptr; }
    // The open store, for the consent and participant controllers; null unless unlocked.
    store::LocalStore *store() { return m_state == Unlocked ? m_store.get() : nullptr; }
    const Clock &clock() const { return m_clock; }
    // The current project as read when the store opened (settings included).
    const domain::Project &project() const { return m_project; }
    // Takes a project just saved as the current one (same id only); emits projectChanged().
    void adoptProject(const domain::Project &project);
    // Shows another project of the store (e.g. one that arrived by sync).
    bool switchProject(const QString &projectId);
    QString projectId() const { return m_project.id; }
    QString projectName() const { return m_project.name; }
    bool isDemoProject() const { return m_project.demo; }

    // Whatever the store returned last, for tests and logs.
    std::optional<ErrorCode> lastErrorCode() const { return m_error.code; }

    // Blocks until a background create/unlock has finished (tests, screenshots).
    void waitForWorker();

signals:
    void stateChanged();
    void busyChanged();
    void errorStringChanged();
    void infoStringChanged();
    void recoveryKeyChanged();
    void opened(); // the store is open and the app can show data
    void aboutToClose(); // last chance to save a draft before the keys are wiped
    void closed();
    void passphraseChangeFinished(bool ok);
    void projectChanged(); // the current project's name or settings were saved

private:
    struct Opened;
    void setState(State state);
    void setBusy(bool busy);
    void setError(const UiProblem &problem);
    void adopt(Opened &&opened);
    void startWorker(std::function<void()> work, std::function<void()> done);
    // Opens the store on the worker thread and adopts it on the GUI thread.
    void openInWorker(
        std::function<Result<std::unique_ptr<store::LocalStore>>(const QString &, const Clock &)> open,
        bool passphraseReplaced);
    bool checkNewPassphrase(const QString &passphrase, const QString &repeat);

    QString m_dataDir;
    const Clock &m_clock;
    KdfProvider m_kdf;
    State m_state = NeedsSetup;
    bool m_busy = false;
    UiProblem m_error;
    bool m_passphraseChanged = false;
    QPointer<QThread> m_worker;

    std::unique_ptr<store::LocalStore> m_store;
    std::unique_ptr<domain::Notes> m_notes;
    std::unique_ptr<domain::Projects> m_projects;
    domain::Project m_project;
    crypto::SecureBytes m_recoveryKey;
};

// Passphrase text from the UI into secure memory; the UTF-8 copy is wiped.
crypto::SecureBytes secureFromText(const QString &text);
// "abcd efgh-ijkl " -> "ABCD-EFGH-IJKL": what people type back from paper.
crypto::SecureBytes normalizedRecoveryKey(const QString &typed);

} // namespace samla::ui
