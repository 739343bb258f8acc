// Devices whose wall clocks disagree, each a process of its own (samla-skew-client, the app's store,
// domain and sync) run under libfaketime, syncing through the real samla-server: one device on time,
// one 3 hours behind, one 20 minutes ahead whose clock is later set back 2 hours, one 2 days ahead.
// What a user would notice: every device shows the same current version of every record; the last
// edit in real time wins even from the device that is behind (the HLC carries what it has seen); no
// device's stamps ever go backwards; a withdrawal stands against grants made without knowing of it,
// whatever their clocks say; and an op stamped more than a day ahead is held back and reported, then
// applied once the receiving clock has caught up, never dropped.
// Without libfaketime (Debian package libfaketime) the test is skipped, saying so.
#include "synctestsupport.h"

#include <QFileInfo>
#include <QLoggingCategory>
#include <QProcessEnvironment>
#include <QRegularExpression>

using namespace samla;
using samla::test::ServerProcess;

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QList<QByteArray> lines(const char *prefix) const
    {
        QList<QByteArray> found;
        for (const QByteArray &line : out.split('\n'))
            if (line.startsWith(prefix))
                found << line.mid(qsizetype(qstrlen(prefix)));
        return found;
    }
    QByteArray first(const char *prefix) const { return lines(prefix).value(0); }
};

QString libfaketime()
{
    const QString fromEnv = qEnvironmentVariable("SAMLA_FAKETIME_LIB");
    QStringList candidates;
    if (!fromEnv.isEmpty())
        candidates << fromEnv;
    candidates << QStringLiteral("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1")
               << QStringLiteral("/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1")
               << QStringLiteral("/usr/lib/faketime/libfaketime.so.1")
               << QStringLiteral("/usr/local/lib/faketime/libfaketime.so.1");
    for (const QString &c : candidates)
        if (QFileInfo::exists(c))
            return c;
    return {};
}

// "1700000000000.3@ab12cd34" -> comparable (ms, counter).
std::pair<qint64, quint32> stampOf(const QByteArray &text)
{
    const qsizetype dot = text.indexOf('.');
    const qsizetype at = text.indexOf('@');
    return {text.left(dot).toLongLong(), text.mid(dot + 1, at - dot - 1).toUInt()};
}

} // namespace

class TestSyncSkew : public QObject {
    Q_OBJECT

    QString m_lib;
    QTemporaryDir m_tmp;
    // Every HLC position each device reported, in real-time order.
    std::map<QString, QList<QByteArray>> m_hlcSeen;

    // Runs the client for `device` with its wall clock shifted by `offset`
    // (libfaketime's relative form: "-3h", "+20m", "+2d", "+0").
    Run client(const QString &device, const char *offset, QStringList args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LD_PRELOAD"), m_lib);
        env.insert(QStringLiteral("FAKETIME"), QString::fromLatin1(offset));
        // Timeouts and back-off run on the monotonic clock: leave it alone.
        env.insert(QStringLiteral("DONT_FAKE_MONOTONIC"), QStringLiteral("1"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        // Under AddressSanitizer (the CI's second run) libfaketime comes before
        // its runtime in the library list, which it refuses unless told.
        const QString asan = env.value(QStringLiteral("ASAN_OPTIONS"));
        env.insert(QStringLiteral("ASAN_OPTIONS"),
                   (asan.isEmpty() ? QString() : asan + QLatin1Char(':')) + QStringLiteral("verify_asan_link_order=0"));
        p.setProcessEnvironment(env);
        args.prepend(m_tmp.filePath(device));
        p.start(QStringLiteral(SAMLA_SKEW_CLIENT_BIN), args);
        if (!p.waitForFinished(120'000)) {
            p.kill();
            p.waitForFinished();
            return Run{-2, p.readAllStandardOutput(), "timed out; " + p.readAllStandardError()};
        }
        Run r{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
              p.readAllStandardError()};
        for (const QByteArray &h : r.lines("hlc "))
            m_hlcSeen[device].append(h);
        return r;
    }
    // As client(), and the command must succeed.
    Run ok(const QString &device, const char *offset, const QStringList &args)
    {
        Run r = client(device, offset, args);
        if (r.exitCode != 0)
            qWarning("%s %s %s: exit %d\n%s%s", qPrintable(device), offset, qPrintable(args.join(QLatin1Char(' '))),
                     r.exitCode, r.out.constData(), r.err.constData());
        return r;
    }

    // What a user sees on a device: every record's current version, the notes' texts,
    // open conflicts, the consent state.
    struct View {
        QStringList records;   // "id stamp"
        QStringList notes;     // "id text"
        QStringList conflicts;
        QByteArray consent;
        QList<QByteArray> own; // "seq stamp", in device_seq order
        qint64 clock = 0;
    };
    View view(const QString &device, const char *offset, const QString &participant)
    {
        const Run r = ok(device, offset, {QStringLiteral("state"), participant});
        View v;
        for (const QByteArray &line : r.lines("record "))
            v.records << QString::fromUtf8(line);
        for (const QByteArray &line : r.lines("note ")) {
            const QList<QByteArray> parts = line.split(' ');
            v.notes << QString::fromUtf8(parts.at(0) + ' ' + line.mid(parts.at(0).size() + parts.at(1).size() + 2));
        }
        for (const QByteArray &line : r.lines("conflict "))
            v.conflicts << QString::fromUtf8(line);
        v.records.sort();
        v.notes.sort();
        v.conflicts.sort();
        v.consent = r.first("consent ");
        v.own = r.lines("own ");
        v.clock = r.first("clock ").toLongLong();
        return v;
    }
    static QString textOf(const View &v, const QString &noteId)
    {
        for (const QString &n : v.notes)
            if (n.startsWith(noteId + QLatin1Char(' ')))
                return n.mid(noteId.size() + 1);
        return QStringLiteral("<missing>");
    }

private slots:
    void initTestCase()
    {
        QVERIFY(crypto::initialize().ok());
        QLoggingCategory::setFilterRules(QStringLiteral("samla.sync.info=false"));
        m_lib = libfaketime();
    }

    void clocksThatDisagree()
    {
        if (m_lib.isEmpty())
            QSKIP("libfaketime is not installed (Debian package libfaketime; scripts/install-deps.sh installs it): "
                  "the clock-skew test did not run");
        ServerProcess server;
        QVERIFY(server.init());
        const QString project = server.createProject();
        QVERIFY(server.start(0, {}, ServerProcess::Tls::On));

        // A on time, B 3 hours behind, C 20 minutes ahead (set back later), D 2 days ahead.
        const char *const a = "+0", *const b = "-3h", *const c = "+20m", *const cBack = "-100m", *const d = "+2d";
        const QString A = QStringLiteral("A"), B = QStringLiteral("B"), C = QStringLiteral("C"), D = QStringLiteral("D");
        Run r = ok(A, a, {QStringLiteral("create-admin"), server.enrolCode(project, "admin").encode()});
        QCOMPARE(r.exitCode, 0);
        const QString participant = QString::fromUtf8(r.first("participant "));
        QVERIFY(!participant.isEmpty());
        for (const auto &[dev, off] : {std::pair{B, b}, std::pair{C, c}, std::pair{D, d}})
            QCOMPARE(ok(dev, off, {QStringLiteral("create-member"), server.enrolCode(project, "member").encode()}).exitCode, 0);
        QCOMPARE(ok(A, a, {QStringLiteral("approve")}).first("approved "), QByteArray("3"));

        // libfaketime is really in force: B's clock reads 3 hours behind this one's.
        const qint64 realNow = QDateTime::currentMSecsSinceEpoch();
        const qint64 bClock = ok(B, b, {QStringLiteral("state"), participant}).first("clock ").toLongLong();
        QVERIFY2(std::abs(realNow - 3 * 3600'000 - bClock) < 60'000,
                 qPrintable(QStringLiteral("B's clock is %1 ms off this one's, not 3 h").arg(realNow - bClock)));

        auto syncAll = [&](std::initializer_list<std::pair<QString, const char *>> devices) {
            for (const auto &[dev, off] : devices) {
                const Run s = ok(dev, off, {QStringLiteral("sync")});
                if (s.exitCode != 0)
                    return false;
            }
            return true;
        };
        QVERIFY(syncAll({{A, a}, {B, b}, {C, c}, {D, d}, {A, a}}));

        // 1. One note edited in turn, each device syncing before it edits:
        // the last edit in real time is current everywhere, even though B's
        // clock is 3 hours behind C's edit before it.
        r = ok(A, a, {QStringLiteral("note-new"), QStringLiteral("Handover"), QStringLiteral("v1 by A")});
        const QString n = QString::fromUtf8(r.first("note "));
        QVERIFY(!n.isEmpty());
        QVERIFY(syncAll({{A, a}, {B, b}}));
        QCOMPARE(ok(B, b, {QStringLiteral("note-edit"), n, QStringLiteral("v2 by B, 3 h behind")}).exitCode, 0);
        QVERIFY(syncAll({{B, b}, {C, c}}));
        QCOMPARE(ok(C, c, {QStringLiteral("note-edit"), n, QStringLiteral("v3 by C, 20 min ahead")}).exitCode, 0);
        QVERIFY(syncAll({{C, c}, {B, b}}));
        QCOMPARE(ok(B, b, {QStringLiteral("note-edit"), n, QStringLiteral("v4 by B, last")}).exitCode, 0);
        QVERIFY(syncAll({{B, b}, {A, a}, {C, c}, {D, d}}));
        for (const auto &[dev, off] : {std::pair{A, a}, std::pair{B, b}, std::pair{C, c}, std::pair{D, d}}) {
            const View v = view(dev, off, participant);
            QCOMPARE(textOf(v, n), QStringLiteral("v4 by B, last"));
            QVERIFY2(!v.conflicts.contains(n), qPrintable(dev + QStringLiteral(": edits made one after another listed as a conflict")));
        }

        // 2. C's clock is set back 2 hours: its next edit still comes after
        // everything it has seen, and wins everywhere.
        QVERIFY(syncAll({{C, cBack}}));
        QCOMPARE(ok(C, cBack, {QStringLiteral("note-edit"), n, QStringLiteral("v5 by C after its clock went back")}).exitCode, 0);
        QVERIFY(syncAll({{C, cBack}, {A, a}, {B, b}}));
        for (const auto &[dev, off] : {std::pair{A, a}, std::pair{B, b}, std::pair{C, cBack}})
            QCOMPARE(textOf(view(dev, off, participant), n), QStringLiteral("v5 by C after its clock went back"));

        // 3. Two devices edit another note at once (neither has seen the
        // other's edit): both versions kept, the same one current everywhere,
        // the conflict listed everywhere.
        r = ok(A, a, {QStringLiteral("note-new"), QStringLiteral("Observation"), QStringLiteral("m1 by A")});
        const QString m = QString::fromUtf8(r.first("note "));
        QVERIFY(syncAll({{A, a}, {B, b}}));
        QCOMPARE(ok(A, a, {QStringLiteral("note-edit"), m, QStringLiteral("m2 by A")}).exitCode, 0);
        QCOMPARE(ok(B, b, {QStringLiteral("note-edit"), m, QStringLiteral("m2 by B")}).exitCode, 0);
        QVERIFY(syncAll({{A, a}, {B, b}, {A, a}, {C, cBack}}));

        // 4. Consent: taken on A and synced; then A records a withdrawal
        // while B (3 h behind) and C (its clock 20 min ahead again) take
        // consent again without having seen it: one grant is dated before the
        // withdrawal, one after. The withdrawal stands on every device.
        QVERIFY(!ok(A, a, {QStringLiteral("consent"), participant}).first("event ").isEmpty());
        QVERIFY(syncAll({{A, a}, {B, b}, {C, cBack}}));
        QCOMPARE(view(B, b, participant).consent, QByteArray("withdrawn=0 observation=1"));
        QVERIFY(!ok(A, a, {QStringLiteral("withdraw"), participant}).first("event ").isEmpty());
        QVERIFY(!ok(B, b, {QStringLiteral("consent"), participant}).first("event ").isEmpty());
        QVERIFY(!ok(C, c, {QStringLiteral("consent"), participant}).first("event ").isEmpty());
        QVERIFY(syncAll({{B, b}, {C, c}, {A, a}, {B, b}, {C, c}, {D, d}}));
        for (const auto &[dev, off] : {std::pair{A, a}, std::pair{B, b}, std::pair{C, c}, std::pair{D, d}})
            QVERIFY2(view(dev, off, participant).consent == "withdrawn=1 observation=0",
                     qPrintable(dev + QStringLiteral(": a grant made without knowing of the withdrawal undid it")));

        // Everything so far is the same on every device, D included.
        const View va = view(A, a, participant);
        QVERIFY(va.conflicts.contains(m));
        QVERIFY(textOf(va, m) == QStringLiteral("m2 by A") || textOf(va, m) == QStringLiteral("m2 by B"));
        for (const auto &[dev, off] : {std::pair{B, b}, std::pair{C, c}, std::pair{D, d}}) {
            const View v = view(dev, off, participant);
            QCOMPARE(v.records, va.records);
            QCOMPARE(v.notes, va.notes);
            QCOMPARE(v.conflicts, va.conflicts);
        }

        // 5. D, 2 days ahead, writes a note. The others hold it back (more
        // than a day ahead of their clocks would drag every clock along) and
        // say so; it is not lost: B applies it once its clock has caught up.
        r = ok(D, d, {QStringLiteral("note-new"), QStringLiteral("Ahead"), QStringLiteral("written 2 days ahead")});
        const QString f = QString::fromUtf8(r.first("note "));
        QVERIFY(syncAll({{D, d}}));
        for (const auto &[dev, off] : {std::pair{A, a}, std::pair{B, b}}) {
            const Run s = ok(dev, off, {QStringLiteral("sync")});
            QCOMPARE(s.exitCode, 0);
            QVERIFY2(s.first("report ").endsWith(" deferred 1"), s.out.constData());
            QCOMPARE(textOf(view(dev, off, participant), f), QStringLiteral("<missing>"));
            // Still held at the next sync, still said.
            QVERIFY(ok(dev, off, {QStringLiteral("sync")}).first("report ").endsWith(" deferred 1"));
        }
        // A day later on B's clock (+25 h from real time): the note arrives,
        // with nothing new to pull, and nothing is held any more.
        const char *bLater = "+25h";
        const Run later = ok(B, bLater, {QStringLiteral("sync")});
        QVERIFY2(later.first("report ").endsWith(" deferred 0"), later.out.constData());
        QCOMPARE(textOf(view(B, bLater, participant), f), QStringLiteral("written 2 days ahead"));
        QCOMPARE(view(B, bLater, participant).notes, view(D, d, participant).notes);

        // No device's stamps ever went backwards: its own ops in device_seq
        // order, and every HLC position it reported over the whole run.
        for (const QString &dev : {A, B, C, D}) {
            const View v = view(dev, dev == B ? bLater : dev == C ? cBack : dev == D ? d : a, participant);
            QVERIFY2(v.own.size() >= 1, qPrintable(dev));
            for (qsizetype i = 1; i < v.own.size(); ++i)
                QVERIFY2(stampOf(v.own.at(i - 1).split(' ').at(1)) < stampOf(v.own.at(i).split(' ').at(1)),
                         qPrintable(dev + QStringLiteral(": own op stamped before the one it follows: ")
                                    + QString::fromUtf8(v.own.at(i - 1) + " then " + v.own.at(i))));
            const QList<QByteArray> &seen = m_hlcSeen[dev];
            for (qsizetype i = 1; i < seen.size(); ++i)
                QVERIFY2(!(stampOf(seen.at(i)) < stampOf(seen.at(i - 1))),
                         qPrintable(dev + QStringLiteral(": HLC went back from ") + QString::fromUtf8(seen.at(i - 1))
                                    + QStringLiteral(" to ") + QString::fromUtf8(seen.at(i))));
        }
    }
};

QTEST_GUILESS_MAIN(TestSyncSkew)
#include "tst_sync_skew.moc"
