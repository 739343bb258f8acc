// kill -9 soak: a writing device, a reading device (each the app's store in a process of
// its own: samla-soak-client) and samla-server, SIGKILLed at random moments for many
// cycles. After each cycle: no committed note lost or doubled, the writer's device_seq
// on the server gapless, and the reader holding exactly what the writer holds (a cursor
// ahead of what it applied would leave a hole there for good).
//   SAMLA_SOAK_CYCLES  how many cycles (default 12; tests/sync/soak.sh runs hundreds)
//   SAMLA_SOAK_SEED    replays a run (the seed is printed)
#include "synctestsupport.h"

#include "platform/core/clock.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSet>
#include <QThread>

#include <random>

using namespace samla;
using samla::test::MemoryJournal;
using samla::test::ServerProcess;
using samla::test::TestDevice;

namespace {

struct ClientRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

ClientRun runClient(const QStringList &args, int timeoutMs = 120'000)
{
    QProcess p;
    p.start(QStringLiteral(SAMLA_SOAK_CLIENT_BIN), args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return ClientRun{-2, p.readAllStandardOutput(), "timed out; " + p.readAllStandardError()};
    }
    return ClientRun{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
                     p.readAllStandardError()};
}

// The lines of a report that name notes: their titles.
QStringList noteTitles(const QByteArray &report)
{
    QStringList titles;
    for (const QByteArray &line : report.split('\n'))
        if (line.startsWith("note "))
            titles << QString::fromUtf8(line.mid(5));
    return titles;
}

} // namespace

class TestSyncSoak : public QObject {
    Q_OBJECT
    SystemClock m_clock;

    static protocol::EnrolCode codeFor(ServerProcess &server, const QString &project, const char *role)
    {
        protocol::EnrolCode code;
        code.host = QStringLiteral("127.0.0.1");
        code.port = server.port();
        code.fingerprint = server.fingerprint();
        code.token = server.enrolToken(project, role);
        return code;
    }

    // Starts a long-running client whose output goes to a file (read after it is killed).
    static std::unique_ptr<QProcess> startClient(const QStringList &args, const QString &outFile)
    {
        auto p = std::make_unique<QProcess>();
        p->setStandardOutputFile(outFile, QIODevice::Append);
        p->setStandardErrorFile(outFile + QStringLiteral(".err"), QIODevice::Append);
        p->start(QStringLiteral(SAMLA_SOAK_CLIENT_BIN), args);
        p->waitForStarted(10'000);
        return p;
    }
    static void sigkill(std::unique_ptr<QProcess> &p)
    {
        if (p && p->state() != QProcess::NotRunning) {
            p->kill();   // SIGKILL
            p->waitForFinished(10'000);
        }
        p.reset();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(crypto::initialize().ok());
        QLoggingCategory::setFilterRules(QStringLiteral("samla.sync.info=false"));
    }

    void nothingLostThroughKills()
    {
        bool ok = false;
        int cycles = qEnvironmentVariableIntValue("SAMLA_SOAK_CYCLES", &ok);
        if (!ok || cycles < 1)
            cycles = 12;
        quint64 seed = qEnvironmentVariable("SAMLA_SOAK_SEED").toULongLong(&ok);
        if (!ok)
            seed = QRandomGenerator::system()->generate64() >> 1;
        qInfo("soak seed %llu, %d cycles (replay with SAMLA_SOAK_SEED=%llu)", (unsigned long long)seed, cycles,
              (unsigned long long)seed);
        QString why = QStringLiteral(" [soak seed %1]").arg(seed);
        std::mt19937_64 rng(seed);
        QElapsedTimer timer;
        timer.start();

        ServerProcess server;
        QVERIFY(server.init());
        const QString project = server.createProject();
        QVERIFY(server.start(0, {}, ServerProcess::Tls::On));
        const std::uint16_t port = server.port();

        QTemporaryDir tmp;
        // SAMLA_SOAK_KEEP=1 keeps the devices' stores and outputs for a post-mortem.
        if (qEnvironmentVariableIntValue("SAMLA_SOAK_KEEP")) {
            tmp.setAutoRemove(false);
            qInfo("soak files in %s", qPrintable(tmp.path()));
        }
        const QString writerDir = tmp.filePath(QStringLiteral("writer"));
        const QString readerDir = tmp.filePath(QStringLiteral("reader"));
        const QString writerOut = tmp.filePath(QStringLiteral("writer.out"));
        const QString readerOut = tmp.filePath(QStringLiteral("reader.out"));
        ClientRun r = runClient({writerDir, QStringLiteral("create-admin"), codeFor(server, project, "admin").encode()});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = runClient({readerDir, QStringLiteral("create-member"), codeFor(server, project, "member").encode()});
        QVERIFY2(r.exitCode == 0, r.err.constData());

        // The auditor reads the server's order with the headers in view.
        TestDevice auditorKeys;
        sync::BeastTransportOptions t;
        t.pinnedCertificateSha256 = server.fingerprint();
        sync::BeastTransport auditorTransport(QStringLiteral("127.0.0.1"), port, t);
        sync::SyncClientOptions fast;
        fast.backoff = std::chrono::milliseconds(50);
        sync::SyncClient auditor(auditorTransport, m_clock, auditorKeys.sign, server.fingerprint(), fast);
        auto auditorJoined = auditor.enrol(server.enrolToken(project), auditorKeys.box.publicKey);
        QVERIFY(auditorJoined.ok());
        const QList<QByteArray> admins = auditorJoined->admins;   // the writer's device

        r = runClient({writerDir, QStringLiteral("approve")});
        QVERIFY2(r.exitCode == 0 && r.out.startsWith("approved 2"), r.out + r.err);
        auto keys = auditor.fetchKeys(auditorKeys.box,
                                      [&admins](const QString &, const QByteArray &by) { return admins.contains(by); });
        QCOMPARE(keys->installed, 1);

        QSet<int> committed;
        QSet<QString> erased;        // titles the reader erased
        QStringList readerHas;       // the reader's notes after the last cycle
        int serverKills = 0, writerKillsWhileRunning = 0, readerKillsWhileRunning = 0;
        qsizetype opsOnServer = 0;
        for (int cycle = 0; cycle < cycles; ++cycle) {
            why = QStringLiteral(" [soak seed %1, cycle %2]").arg(seed).arg(cycle);
            // Every third cycle the reader erases one of the writer's notes
            // (a withdrawal); the erasure is sent while the kills go on.
            if (cycle % 3 == 1 && !readerHas.isEmpty()) {
                const QString victim = readerHas.at(qsizetype(rng() % std::uint64_t(readerHas.size())));
                const ClientRun e = runClient({readerDir, QStringLiteral("erase"), victim});
                QVERIFY2(e.exitCode == 0, qPrintable(QString::fromUtf8(e.err) + why));
                erased.insert(victim);
            }
            int from = 1;
            for (int k : committed)
                from = std::max(from, k + 1);
            for (const QString &title : erased)
                from = std::max(from, title.mid(5).toInt() + 1);
            auto writer = startClient({writerDir, QStringLiteral("write"), QString::number(1 + int(rng() % 4)),
                                       QString::number(from)},
                                      writerOut);
            auto reader = startClient({readerDir, QStringLiteral("pull")}, readerOut);
            // Kill the three in a random order at random moments; the server
            // is restarted on its port at once, the clients only next cycle.
            std::vector<int> order{0, 1, 2};
            std::shuffle(order.begin(), order.end(), rng);
            const bool killServer = rng() % 2 == 0;
            for (int who : order) {
                QThread::msleep(100 + rng() % 700);
                if (who == 0) {
                    writerKillsWhileRunning += writer->state() == QProcess::Running;
                    sigkill(writer);
                } else if (who == 1) {
                    readerKillsWhileRunning += reader->state() == QProcess::Running;
                    sigkill(reader);
                } else if (killServer) {
                    server.kill();
                    ++serverKills;
                    QVERIFY2(server.start(port, {}, ServerProcess::Tls::On), qPrintable("restart" + why));
                }
            }

            QFile out(writerOut);
            QVERIFY(out.open(QIODevice::ReadOnly));
            for (const QByteArray &line : out.readAll().split('\n'))
                if (line.startsWith("committed "))
                    committed.insert(line.mid(10).toInt());

            // The writer syncs to the end: every note it said it committed is
            // there, once, and nothing is pending.
            const ClientRun w = runClient({writerDir, QStringLiteral("report")});
            QVERIFY2(w.exitCode == 0, qPrintable(QStringLiteral("writer report: exit %1 %2").arg(w.exitCode).arg(QString::fromUtf8(w.err)) + why));
            const QStringList titles = noteTitles(w.out);
            const QSet<QString> unique(titles.cbegin(), titles.cend());
            QVERIFY2(unique.size() == titles.size(), qPrintable("a note twice on the writer" + why));
            for (int k : committed) {
                const QString title = QStringLiteral("soak-%1").arg(k, 6, 10, QLatin1Char('0'));
                QVERIFY2(erased.contains(title) || unique.contains(title),
                         qPrintable(QStringLiteral("committed note %1 lost").arg(k) + why));
            }
            // An erasure, once made, is never undone: not by the writer's
            // retries of the note's ops, nor by a restart on either side.
            for (const QString &title : erased)
                QVERIFY2(!unique.contains(title), qPrintable(title + QStringLiteral(" came back on the writer") + why));

            // The reader, killed mid-pull over and over, holds exactly the same.
            const ClientRun rd = runClient({readerDir, QStringLiteral("report")});
            QVERIFY2(rd.exitCode == 0, qPrintable(QStringLiteral("reader report: exit %1 %2").arg(rd.exitCode).arg(QString::fromUtf8(rd.err)) + why));
            QStringList readerTitles = noteTitles(rd.out), writerTitles = titles;
            readerTitles.sort();
            writerTitles.sort();
            readerHas = readerTitles;
            QVERIFY2(readerTitles == writerTitles,
                     qPrintable(QStringLiteral("reader has %1 notes, writer %2").arg(readerTitles.size()).arg(writerTitles.size())
                                + why));

            // On the server: each device's ops in its own order without a
            // repeat, in the server's order, and every note in one. The
            // store itself holds every device's ops numbered 1, 2, 3, …
            // without a gap; those of erased notes are kept without their
            // envelopes (one per erased note), so a pull steps over them.
            MemoryJournal audit;
            const Status audited = auditor.sync(audit);
            QVERIFY2(audited.ok(), qPrintable((audited.ok() ? QString() : audited.error().detail) + why));
            QSet<QByteArray> opIds;
            std::map<QByteArray, std::int64_t> seqOf;
            for (const sync::IncomingOp &op : audit.applied) {
                QVERIFY(!opIds.contains(op.header.opId));
                opIds.insert(op.header.opId);
                std::int64_t &seq = seqOf[op.header.authorDevice];
                QVERIFY2(op.header.deviceSeq > seq, qPrintable(QStringLiteral("device_seq %1 after %2")
                                                                   .arg(op.header.deviceSeq)
                                                                   .arg(seq)
                                                               + why));
                seq = op.header.deviceSeq;
            }
            const QList<QByteArray> status = server.admin({QStringLiteral("status")}).split('\n');
            QCOMPARE(status.value(5), QByteArray("device sequences with gaps 0"));
            QCOMPARE(status.value(4), QByteArray("erased envelopes ") + QByteArray::number(erased.size()));
            QCOMPARE(audit.cursorValue, audit.applied.isEmpty() ? 0 : audit.applied.last().serverSeq);
            QSet<QString> onServer;
            for (const sync::IncomingOp &op : audit.applied)
                for (qsizetype at = op.plaintext.indexOf("soak-"); at >= 0; at = op.plaintext.indexOf("soak-", at + 1))
                    onServer.insert(QString::fromLatin1(op.plaintext.mid(at, 11)));
            for (const QString &title : unique)
                QVERIFY2(onServer.contains(title), qPrintable(title + QStringLiteral(" not on the server") + why));
            QCOMPARE(status.value(2), QByteArray("ops ") + QByteArray::number(audit.applied.size() + erased.size()));
            opsOnServer = audit.applied.size();
            if ((cycle + 1) % 25 == 0)
                qInfo("cycle %d: %lld notes committed, %lld ops on the server, %lld ms", cycle + 1,
                      (long long)committed.size(), (long long)opsOnServer, (long long)timer.elapsed());
        }
        qInfo("soak seed %llu: %d cycles, %d server kills, %d writer and %d reader kills while running, "
              "%lld notes committed, %lld erased, %lld ops on the server, %lld ms",
              (unsigned long long)seed, cycles, serverKills, writerKillsWhileRunning, readerKillsWhileRunning,
              (long long)committed.size(), (long long)erased.size(), (long long)opsOnServer, (long long)timer.elapsed());
        QVERIFY(!committed.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSyncSoak)
#include "tst_sync_soak.moc"
