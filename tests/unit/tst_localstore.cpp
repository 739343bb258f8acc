// LocalStore end to end on disk: passphrases, recovery, rollback, damage,
// full and read-only disks, and no plaintext in any file.
#include "testsupport.h"

#include "app/domain/notes.h"
#include "app/store/attachmentstore.h"
#include "app/store/localstore.h"
#include "app/store/recordstore.h"
#include "platform/db/database.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDirIterator>
#include <QMap>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

#include <sys/wait.h>
#include <unistd.h>

using namespace samla;
using namespace samla::store;

namespace {

const char *kPass = "my long field passphrase";

QMap<QString, QByteArray> snapshot(const QString &dir)
{
    QMap<QString, QByteArray> out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        out.insert(path, QCryptographicHash::hash(test::readFile(path), QCryptographicHash::Sha256));
    }
    return out;
}

QString recoveryText(const LocalStore::Created &created)
{
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(created.recoveryKeyText.data()),
                                          qsizetype(created.recoveryKeyText.size())));
}

void copyDatabaseFiles(const QString &fromDir, const QString &toDir)
{
    QDir().mkpath(toDir);
    for (const QString &name : {QStringLiteral("samla.db"), QStringLiteral("samla.db-wal")}) {
        QFile::remove(toDir + QLatin1Char('/') + name);
        if (QFile::exists(fromDir + QLatin1Char('/') + name))
            QFile::copy(fromDir + QLatin1Char('/') + name, toDir + QLatin1Char('/') + name);
    }
}

} // namespace

class TestLocalStore : public QObject {
    Q_OBJECT
    ManualClock m_clock{1'750'000'000'000};
    const QString m_project = QStringLiteral("p");

    std::unique_ptr<LocalStore> createStore(const QString &dir, QString *recovery = nullptr)
    {
        auto created = LocalStore::create(dir, test::secure(kPass), test::cheapKdf(), m_clock);
        if (!created.ok())
            return nullptr;
        if (recovery)
            *recovery = recoveryText(created.value());
        return std::move(created->store);
    }

private slots:
    void initTestCase() { QVERIFY(crypto::initialize().ok()); }

    void wrongPassphraseIsRefusedAndChangesNothing()
    {
        QTemporaryDir dir;
        {
            auto store = createStore(dir.path());
            QVERIFY(store);
            domain::Notes notes(store->records());
            QVERIFY(notes.create(m_project, QStringLiteral("kept"), QStringLiteral("safe")).ok());
        }
        const auto before = snapshot(dir.path());
        for (const char *wrong : {"my long field passphrasE", "", "my long field passphrase "}) {
            auto opened = LocalStore::unlock(dir.path(), test::secure(wrong), m_clock);
            QVERIFY(!opened.ok());
            QCOMPARE(opened.code(), ErrorCode::WrongPassphrase);
        }
        QCOMPARE(snapshot(dir.path()), before);
        auto opened = LocalStore::unlock(dir.path(), test::secure(kPass), m_clock);
        QVERIFY(opened.ok());
        domain::Notes notes(opened.value()->records());
        QCOMPARE(notes.list(m_project, 10)->first().title, QStringLiteral("kept"));
    }

    // A second connection (the sync worker's) writes beside the first from
    // another thread: every save of both lands, device_seq has no gap, no HLC
    // stamp repeats, a record written on one is found by search on the other,
    // and closing the second leaves the store and its counter to the first.
    void aSecondConnectionWritesBesideTheFirstFromAnotherThread()
    {
        QTemporaryDir dir;
        auto store = createStore(dir.path());
        QVERIFY(store);
        domain::Notes notes(store->records());   // registers how notes are indexed
        auto opened = store->openConnection();
        QVERIFY(opened.ok());
        std::unique_ptr<LocalStore> second = std::move(opened.value());
        constexpr int kEach = 300;
        std::atomic<int> failures{0};
        std::thread worker([&] {
            for (int i = 0; i < kEach; ++i) {
                RecordChange change;
                change.kind = domain::Notes::kKind;
                change.projectId = m_project;
                change.body.insert(QStringLiteral("title"), QStringLiteral("worker %1").arg(i));
                change.body.insert(QStringLiteral("text"), QStringLiteral("written by the zeppelin thread"));
                if (!second->records().put(change).ok())
                    ++failures;
            }
        });
        for (int i = 0; i < kEach; ++i)
            if (!notes.create(m_project, QStringLiteral("main %1").arg(i), QStringLiteral("typed on")).ok())
                ++failures;
        worker.join();
        QCOMPARE(failures.load(), 0);

        auto outbox = store->records().outbox(0, 4 * kEach);
        QVERIFY(outbox.ok());
        QCOMPARE(int(outbox->size()), 2 * kEach);
        QSet<QByteArray> stamps;
        for (int i = 0; i < outbox->size(); ++i) {
            QCOMPARE(outbox->at(i).deviceSeq, std::int64_t(i + 1));
            stamps.insert(outbox->at(i).hlc.toBytes());
        }
        QCOMPARE(int(stamps.size()), 2 * kEach);
        auto found = notes.search(m_project, QStringLiteral("zeppelin"), 1000);
        QVERIFY(found.ok());
        QCOMPARE(int(found->size()), kEach);

        second.reset();
        QVERIFY(notes.create(m_project, QStringLiteral("after"), QStringLiteral("still open")).ok());
        store.reset();
        auto again = LocalStore::unlock(dir.path(), test::secure(kPass), m_clock);
        QVERIFY2(again.ok(), again.ok() ? "" : qPrintable(again.error().detail));
        QCOMPARE(int(domain::Notes(again.value()->records()).list(m_project, 1000)->size()), 2 * kEach + 1);
    }

    void storeFilesAreOwnerOnly()
    {
        QTemporaryDir dir;
        auto store = createStore(dir.path());
        QVERIFY(store);
        for (const QString &name : {QStringLiteral("samla.keys"), QStringLiteral("samla.db")}) {
            const auto perms = QFileInfo(dir.filePath(name)).permissions();
            QVERIFY2(!(perms & (QFileDevice::ReadGroup | QFileDevice::ReadOther)), qPrintable(name));
        }
    }

    void passphraseCanBeChanged()
    {
        QTemporaryDir dir;
        {
            auto store = createStore(dir.path());
            QCOMPARE(store->changePassphrase(test::secure("not it"), test::secure("new passphrase here")).code(),
                     ErrorCode::WrongPassphrase);
            QVERIFY(store->changePassphrase(test::secure(kPass), test::secure("new passphrase here")).ok());
        }
        QCOMPARE(LocalStore::unlock(dir.path(), test::secure(kPass), m_clock).code(), ErrorCode::WrongPassphrase);
        QVERIFY(LocalStore::unlock(dir.path(), test::secure("new passphrase here"), m_clock).ok());
    }

    // The two-step change (Argon2id off the GUI thread) writes nothing until
    // commit, and a change prepared before a lock and unlock is refused.
    void aPreparedChangeWritesNothingUntilCommitAndGoesStale()
    {
        QTemporaryDir dir;
        const QString keys = dir.filePath(QStringLiteral("samla.keys"));
        std::unique_ptr<LocalStore::PassphraseChange> stale;
        {
            auto store = createStore(dir.path());
            QFile f(keys);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray before = f.readAll();
            f.close();
            auto change = store->preparePassphraseChange();
            std::thread worker([&] { change->run(test::secure(kPass), test::secure("another new passphrase")); });
            worker.join();
            QVERIFY(change->result.ok());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.readAll(), before);
            f.close();
            stale = store->preparePassphraseChange();
            stale->run(test::secure(kPass), test::secure("a stale passphrase"));
            QVERIFY(store->commitPassphraseChange(*change).ok());
        }
        auto reopened = LocalStore::unlock(dir.path(), test::secure("another new passphrase"), m_clock);
        QVERIFY(reopened.ok());
        QCOMPARE(reopened.value()->commitPassphraseChange(*stale).code(), ErrorCode::Tampered);
        reopened.value().reset();
        QVERIFY(LocalStore::unlock(dir.path(), test::secure("another new passphrase"), m_clock).ok());
    }

    void recoveryKeyOpensAndSetsANewPassphrase()
    {
        QTemporaryDir dir;
        QString recovery;
        {
            auto store = createStore(dir.path(), &recovery);
            domain::Notes notes(store->records());
            QVERIFY(notes.create(m_project, QStringLiteral("before recovery"), QString()).ok());
        }
        QCOMPARE(recovery.size(), 64);
        QString wrong = recovery;
        wrong[0] = wrong[0] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
        QCOMPARE(LocalStore::recover(dir.path(), test::secure(wrong.toLatin1().constData()),
                                     test::secure("whatever new"), m_clock).code(),
                 ErrorCode::WrongRecoveryKey);
        {
            auto recovered = LocalStore::recover(dir.path(), test::secure(recovery.toLower().toLatin1().constData()),
                                                 test::secure("a brand new passphrase"), m_clock);
            QVERIFY(recovered.ok());
            domain::Notes notes(recovered.value()->records());
            QCOMPARE(notes.list(m_project, 10)->first().title, QStringLiteral("before recovery"));
        }
        QCOMPARE(LocalStore::unlock(dir.path(), test::secure(kPass), m_clock).code(), ErrorCode::WrongPassphrase);
        QVERIFY(LocalStore::unlock(dir.path(), test::secure("a brand new passphrase"), m_clock).ok());
        // The recovery key still works after the passphrase changed.
        QVERIFY(LocalStore::recover(dir.path(), test::secure(recovery.toLatin1().constData()),
                                    test::secure("third passphrase"), m_clock).ok());
    }

    void restoredOlderDatabaseIsDetected()
    {
        QTemporaryDir dir, backup;
        {
            auto store = createStore(dir.path());
            domain::Notes notes(store->records());
            QVERIFY(notes.create(m_project, QStringLiteral("old"), QString()).ok());
        }
        copyDatabaseFiles(dir.path(), backup.path());
        {
            auto store = LocalStore::unlock(dir.path(), test::secure(kPass), m_clock);
            QVERIFY(store.ok());
            domain::Notes notes(store.value()->records());
            QVERIFY(notes.create(m_project, QStringLiteral("new"), QString()).ok());
        }
        copyDatabaseFiles(backup.path(), dir.path());
        const auto before = snapshot(dir.path());
        auto opened = LocalStore::unlock(dir.path(), test::secure(kPass), m_clock);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.code(), ErrorCode::RolledBack);
        QCOMPARE(snapshot(dir.path()).value(dir.filePath(QStringLiteral("samla.keys"))),
                 before.value(dir.filePath(QStringLiteral("samla.keys"))));
    }

    void noPlaintextInAnyFile()
    {
        QTemporaryDir dir;
        const QByteArray canary = "CANARY-7f3a-Åsa-Öberg-4711";
        auto store = createStore(dir.path());
        domain::Notes notes(store->records());
        for (int i = 0; i < 3000; ++i) {
            auto r = notes.create(m_project, QStringLiteral("Visit %1 %2").arg(i).arg(QString::fromUtf8(canary)),
                                  QStringLiteral("Observed %1 in the day room").arg(QString::fromUtf8(canary)));
            QVERIFY(r.ok());
        }
        QBuffer photo;
        QByteArray photoBytes = canary.repeated(5000);
        photo.setBuffer(&photoBytes);
        photo.open(QIODevice::ReadOnly);
        QVERIFY(store->attachments().write(photo, crypto::SecureBytes::random(32)).ok());

        const auto scan = [&] {
            QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("samla.db-wal"))));
            for (const QByteArray &needle : {canary, QByteArray("SQLite format 3"), QByteArray("Observed "),
                                             QByteArray("Visit 12")}) {
                const QStringList hits = test::filesContaining(dir.path(), needle);
                QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char(' '))));
            }
        };
        scan(); // while open, with a WAL full of fresh pages
        store.reset();
        // No stray temporary or journal files next to the store either.
        const QStringList names = QDir(dir.path()).entryList(QDir::Files | QDir::Hidden);
        for (const QString &name : names)
            QVERIFY2(name.startsWith(QStringLiteral("samla.")), qPrintable(name));
        for (const QByteArray &needle : {canary, QByteArray("SQLite format 3")})
            QVERIFY(test::filesContaining(dir.path(), needle).isEmpty());
    }

    void damagedDatabaseIsReportedNotRead()
    {
        QTemporaryDir dir;
        QMap<QString, QString> original;
        {
            auto store = createStore(dir.path());
            domain::Notes notes(store->records());
            for (int i = 0; i < 500; ++i) {
                auto n = notes.create(m_project, QStringLiteral("n%1").arg(i), QStringLiteral("text %1 ").arg(i).repeated(20));
                QVERIFY(n.ok());
                original.insert(n->id, n->text);
            }
        }
        const QString path = dir.filePath(QStringLiteral("samla.db"));
        QByteArray bytes = test::readFile(path);
        QVERIFY(bytes.size() > 4096 * 20);
        // One flipped bit in every eighth page (never page 1, which is read at open).
        for (qsizetype page = 1; page * 4096 < bytes.size(); page += 8)
            bytes[page * 4096 + 2000] = char(bytes[page * 4096 + 2000] ^ 0x04);
        QVERIFY(test::writeFile(path, bytes));

        auto opened = LocalStore::unlock(dir.path(), test::secure(kPass), m_clock);
        if (!opened.ok()) {
            QCOMPARE(opened.code(), ErrorCode::Corrupt);
            return;
        }
        // Whatever is read is either refused as corrupt or exactly what was written.
        domain::Notes notes(opened.value()->records());
        int refused = 0;
        for (auto it = original.cbegin(); it != original.cend(); ++it) {
            auto note = notes.get(it.key());
            if (!note.ok()) {
                QCOMPARE(note.code(), ErrorCode::Corrupt);
                ++refused;
            } else {
                QCOMPARE(note->text, it.value());
            }
        }
        auto all = notes.list(m_project, 1000);
        QVERIFY(!all.ok() || all->size() == original.size());
        QVERIFY2(refused > 0 || !all.ok(), "no read noticed the damaged pages");
        QCOMPARE(opened.value()->database().checkIntegrity().code(), ErrorCode::Corrupt);
    }

    void fullDiskKeepsEverythingSavedEarlier()
    {
        QTemporaryDir dir;
        QString firstId;
        {
            auto store = createStore(dir.path());
            domain::Notes notes(store->records());
            firstId = notes.create(m_project, QStringLiteral("saved before"), QStringLiteral("safe"))->id;
            auto pages = store->database().prepare("PRAGMA page_count");
            QVERIFY(pages->step().value());
            QVERIFY(store->database().setMaxPageCount(pages->columnInt(0) + 2).ok());
            Status last;
            int saved = 0;
            for (int i = 0; i < 500; ++i) {
                auto r = notes.create(m_project, QStringLiteral("big %1").arg(i), QString(3000, QLatin1Char('z')));
                if (!r.ok()) {
                    last = r.error();
                    break;
                }
                ++saved;
            }
            QCOMPARE(last.code(), ErrorCode::DiskFull);
            QCOMPARE(notes.count(m_project).value(), saved + 1);
            QCOMPARE(store->records().lastDeviceSeq().value(), saved + 1);
            QCOMPARE(store->records().outbox(0, 1000)->size(), saved + 1);
        }
        auto reopened = LocalStore::unlock(dir.path(), test::secure(kPass), m_clock);
        QVERIFY(reopened.ok());
        domain::Notes notes(reopened.value()->records());
        QCOMPARE(notes.get(firstId)->text, QStringLiteral("safe"));
        QVERIFY(notes.create(m_project, QStringLiteral("after space freed"), QString()).ok());
    }

    void readOnlyDataDirectoryIsReportedAndNothingIsLost()
    {
        QTemporaryDir dir;
        {
            auto store = createStore(dir.path());
            domain::Notes notes(store->records());
            QVERIFY(notes.create(m_project, QStringLiteral("kept"), QString()).ok());
        }
        const auto before = snapshot(dir.path());
        // root ignores file modes, so the check runs as an unprivileged user in a child.
        const bool asRoot = ::geteuid() == 0;
        const QByteArray nativeDir = QFile::encodeName(dir.path());
        if (asRoot) {
            QVERIFY(::chown(nativeDir.constData(), 65534, 65534) == 0);
            QDirIterator it(dir.path(), QDir::Files | QDir::Hidden);
            while (it.hasNext())
                QVERIFY(::chown(QFile::encodeName(it.next()).constData(), 65534, 65534) == 0);
        }
        const auto readOnly = QFileDevice::ReadOwner | QFileDevice::ExeOwner;
        QVERIFY(QFile::setPermissions(dir.path(), readOnly));
        for (const QString &name : QDir(dir.path()).entryList(QDir::Files | QDir::Hidden))
            QVERIFY(QFile::setPermissions(dir.filePath(name), QFileDevice::ReadOwner));

        int code = -1;
        const pid_t child = ::fork();
        if (child == 0) {
            if (asRoot && (::setgid(65534) != 0 || ::setuid(65534) != 0))
                ::_exit(90);
            auto opened = LocalStore::unlock(dir.path(), test::secure(kPass), m_clock);
            ::_exit(opened.ok() ? 91 : int(opened.code()));
        }
        int status = 0;
        ::waitpid(child, &status, 0);
        code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;

        QFile::setPermissions(dir.path(), readOnly | QFileDevice::WriteOwner);
        for (const QString &name : QDir(dir.path()).entryList(QDir::Files | QDir::Hidden))
            QFile::setPermissions(dir.filePath(name), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QCOMPARE(code, int(ErrorCode::ReadOnly));
        QCOMPARE(snapshot(dir.path()), before);
        auto opened = LocalStore::unlock(dir.path(), test::secure(kPass), m_clock);
        QVERIFY(opened.ok());
        QCOMPARE(domain::Notes(opened.value()->records()).list(m_project, 5)->first().title, QStringLiteral("kept"));
    }

    void corruptKeyFileIsReportedAsDamaged()
    {
        QTemporaryDir dir;
        createStore(dir.path()).reset();
        const QString path = dir.filePath(QStringLiteral("samla.keys"));
        QByteArray bytes = test::readFile(path);
        bytes[20] = char(bytes[20] ^ 1);
        QVERIFY(test::writeFile(path, bytes));
        QCOMPARE(LocalStore::unlock(dir.path(), test::secure(kPass), m_clock).code(), ErrorCode::Corrupt);
    }
};

QTEST_GUILESS_MAIN(TestLocalStore)
#include "tst_localstore.moc"
