// The SQLCipher wrapper: keyed opening, refusal of wrong keys and damaged pages,
// interoperability with Debian's sqlcipher shell, and no plain SQLite in the process.
#include "testsupport.h"

#include "platform/crypto/crypto.h"
#include "platform/db/cipherprovider.h"
#include "platform/db/database.h"

#include <QCryptographicHash>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace samla;
using namespace samla::db;

namespace {

crypto::SecureBytes fixedKey(char fill)
{
    crypto::SecureBytes key(32);
    std::fill(key.data(), key.data() + key.size(), std::uint8_t(fill));
    return key;
}

QString hexOf(const crypto::SecureBytes &key)
{
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(key.data()), qsizetype(key.size())).toHex());
}

std::unique_ptr<Database> createWithRows(const QString &path, const crypto::SecureBytes &key, int rows,
                                         int pageSize = Database::Options().cipherPageSize)
{
    Database::Options options;
    options.create = true;
    options.cipherPageSize = pageSize;
    auto db = Database::open(path, key, options);
    if (!db.ok())
        return nullptr;
    if (!db.value()->exec("CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)").ok())
        return nullptr;
    if (!db.value()->begin().ok())
        return nullptr;
    auto ins = db.value()->prepare("INSERT INTO t(v) VALUES(?1)");
    for (int i = 0; i < rows; ++i) {
        ins->bind(1, QStringLiteral("row %1 with some text to fill pages").arg(i));
        if (!ins->run().ok())
            return nullptr;
    }
    if (!db.value()->commit().ok())
        return nullptr;
    return std::move(db.value());
}

} // namespace

class TestDatabase : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(crypto::initialize().ok()); }

    void wrongKeyIsRefusedAndFileUnchanged()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.db"));
        createWithRows(path, fixedKey(1), 50).reset();
        const QByteArray before = QCryptographicHash::hash(test::readFile(path), QCryptographicHash::Sha256);

        auto wrong = Database::open(path, fixedKey(2), {});
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.code(), ErrorCode::WrongKey);
        QCOMPARE(QCryptographicHash::hash(test::readFile(path), QCryptographicHash::Sha256), before);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")) || test::readFile(path + QStringLiteral("-wal")).isEmpty());

        auto right = Database::open(path, fixedKey(1), {});
        QVERIFY(right.ok());
        auto count = right.value()->prepare("SELECT count(*) FROM t");
        QVERIFY(count->step().value());
        QCOMPARE(count->columnInt(0), 50);
    }

    void fileHasNoPlaintextHeader()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.db"));
        createWithRows(path, fixedKey(1), 10).reset();
        const QByteArray bytes = test::readFile(path);
        QVERIFY(!bytes.isEmpty());
        QVERIFY(!bytes.contains("SQLite format 3"));
        QVERIFY(!bytes.contains("row 5 with some text"));
    }

    void flippedByteInsidePageIsReportedAsCorruption()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.db"));
        createWithRows(path, fixedKey(1), 2000).reset();
        QByteArray bytes = test::readFile(path);
        QVERIFY(bytes.size() > 4096 * 4);
        // Flip a byte in the middle of the third page: its HMAC no longer matches.
        bytes[4096 * 2 + 1000] = char(bytes[4096 * 2 + 1000] ^ 0x01);
        QVERIFY(test::writeFile(path, bytes));

        auto db = Database::open(path, fixedKey(1), {});
        QVERIFY(db.ok()); // page 1 is intact
        auto scan = db.value()->prepare("SELECT sum(length(v)) FROM t");
        QVERIFY(scan.ok());
        auto row = scan->step();
        QVERIFY2(!row.ok(), "a damaged page was read as if it were fine");
        QVERIFY(row.code() == ErrorCode::Corrupt || row.code() == ErrorCode::Io);
        QCOMPARE(db.value()->checkIntegrity().code(), ErrorCode::Corrupt);
    }

    void debianSqlcipherShellOpensWithRawKeyOnly()
    {
        const QString shell = QStandardPaths::findExecutable(QStringLiteral("sqlcipher"));
        if (shell.isEmpty())
            QSKIP("Debian's sqlcipher shell is not installed (scripts/install-deps.sh installs it)");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.db"));
        const crypto::SecureBytes key = fixedKey(7);
        createWithRows(path, key, 42).reset();

        const auto run = [&](const QString &script) {
            QProcess p;
            p.start(shell, {path});
            p.write(script.toUtf8());
            p.closeWriteChannel();
            p.waitForFinished(30000);
            return QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
        };
        const QString withKey = run(QStringLiteral("PRAGMA key = \"x'%1'\";\nPRAGMA cipher_page_size = 2048;\n"
                                                   "SELECT count(*) FROM t;\n")
                                        .arg(hexOf(key)));
        QVERIFY2(withKey.trimmed().endsWith(QStringLiteral("42")), qPrintable(withKey));
        const QString withoutKey = run(QStringLiteral("SELECT count(*) FROM t;\n"));
        QVERIFY2(withoutKey.contains(QStringLiteral("not a database")) || withoutKey.contains(QStringLiteral("encrypted")),
                 qPrintable(withoutKey));
        QVERIFY(!withoutKey.contains(QStringLiteral("42")));
        const QString wrongKey = run(QStringLiteral("PRAGMA key = \"x'%1'\";\nPRAGMA cipher_page_size = 2048;\n"
                                                    "SELECT count(*) FROM t;\n")
                                         .arg(hexOf(fixedKey(8))));
        QVERIFY(!wrongKey.contains(QStringLiteral("42")));

        // The other way round: what the shell writes, Samla reads, and the
        // file stays whole.
        run(QStringLiteral("PRAGMA key = \"x'%1'\";\nPRAGMA cipher_page_size = 2048;\n"
                           "CREATE TABLE fromshell(v TEXT);\n"
                           "INSERT INTO fromshell VALUES('written by the shell');\n")
                .arg(hexOf(key)));
        auto reopened = db::Database::open(path, key, {});
        QVERIFY(reopened.ok());
        auto read = reopened.value()->prepare("SELECT v FROM fromshell");
        QVERIFY(read.ok());
        QVERIFY(read->step().value());
        QCOMPARE(read->columnText(0), QStringLiteral("written by the shell"));
        QVERIFY(reopened.value()->checkIntegrity().ok());
    }

    void storeWithFormerPageSizeStillOpens()
    {
        // Stores made before 2048-byte pages use 4096; they open as they are.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.db"));
        createWithRows(path, fixedKey(3), 300, Database::kLegacyCipherPageSize).reset();
        auto db = Database::open(path, fixedKey(3), {});
        QVERIFY(db.ok());
        QCOMPARE(db.value()->cipherPageSize(), Database::kLegacyCipherPageSize);
        {
            auto count = db.value()->prepare("SELECT count(*) FROM t");
            QVERIFY(count->step().value());
            QCOMPARE(count->columnInt(0), 300);
        }
        QVERIFY(db.value()->exec("INSERT INTO t(v) VALUES('after the upgrade')").ok());
        QVERIFY(db.value()->checkIntegrity().ok());
        db.value().reset();
        // ... and a wrong key is still a wrong key, whatever the page size.
        auto wrong = Database::open(path, fixedKey(4), {});
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.code(), ErrorCode::WrongKey);
        // New files get the smaller pages.
        auto fresh = createWithRows(dir.filePath(QStringLiteral("new.db")), fixedKey(3), 1);
        QVERIFY(fresh);
        QCOMPARE(fresh->cipherPageSize(), 2048);
    }

    void pagesGoThroughSamlasCipherProvider()
    {
        // Every keyed connection, including ones opened after all others
        // closed (SQLCipher then drops its provider), uses Samla's provider.
        QTemporaryDir dir;
        for (int round = 0; round < 2; ++round) {
            auto db = createWithRows(dir.filePath(QStringLiteral("t%1.db").arg(round)), fixedKey(5), 20);
            QVERIFY(db);
            auto provider = db->prepare("PRAGMA cipher_provider");
            QVERIFY(provider.ok());
            QVERIFY(provider->step().value());
            QCOMPARE(provider->columnText(0), QString::fromLatin1(kCipherProviderName));
        }
    }

    void injectedFailureAbortsStatement()
    {
        QTemporaryDir dir;
        auto db = createWithRows(dir.filePath(QStringLiteral("t.db")), fixedKey(1), 1);
        QVERIFY(db);
        auto ins = db->prepare("INSERT INTO t(v) VALUES('x')");
        db->failAfter(1);
        QVERIFY(ins->run().ok());
        const auto failed = ins->run();
        QVERIFY(!failed.ok());
        QCOMPARE(failed.code(), ErrorCode::Io);
        QVERIFY(ins->run().ok()); // one failure only
    }

    void fullDiskIsReportedAsDiskFull()
    {
        QTemporaryDir dir;
        auto db = createWithRows(dir.filePath(QStringLiteral("t.db")), fixedKey(1), 10);
        QVERIFY(db);
        auto pages = db->prepare("PRAGMA page_count");
        QVERIFY(pages->step().value());
        QVERIFY(db->setMaxPageCount(pages->columnInt(0)).ok());
        pages->reset();
        QVERIFY(db->begin().ok());
        auto ins = db->prepare("INSERT INTO t(v) VALUES(?1)");
        Status last;
        for (int i = 0; i < 1000 && last.ok(); ++i) {
            ins->bind(1, QString(500, QLatin1Char('x')));
            last = ins->run();
        }
        QCOMPARE(last.code(), ErrorCode::DiskFull);
        db->rollback();
    }

    void processMapsNoPlainSqliteNorQtSql()
    {
        QTemporaryDir dir;
        auto db = createWithRows(dir.filePath(QStringLiteral("t.db")), fixedKey(1), 1);
        QVERIFY(db);
        const QByteArray maps = test::readFile(QStringLiteral("/proc/self/maps"));
        QVERIFY(maps.contains("libsqlcipher"));
        QVERIFY2(!maps.contains("libsqlite3.so"), "plain SQLite is mapped next to SQLCipher");
        QVERIFY(!maps.contains("libQt6Sql"));
        QVERIFY(!maps.contains("libqsqlite"));
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
