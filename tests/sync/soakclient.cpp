// samla-soak-client: a device as its own process (the app's encrypted store and its sync),
// for tst_sync_soak to SIGKILL at random moments. Commands:
//   DIR create-admin CODE   new store, a project, joined to the server as its admin
//   DIR create-member CODE  new store, joined as a member (waits for approval)
//   DIR approve             approves every other device of the project
//   DIR write N [FROM]      writes notes "soak-000001", … (from FROM at least) forever, syncing after every N;
//                           prints "committed K" once note K is committed
//   DIR pull                syncs forever
//   DIR erase TITLE         erases the note with that title (as a participant's withdrawal would)
//   DIR report              syncs until nothing is pending, then prints "pending 0" and
//                           one "note TITLE" line per note of the project
// Exit code 0, or 2 for wrong arguments, 3 for a failure (the reason on stderr).
#include "app/domain/notes.h"
#include "app/domain/projects.h"
#include "app/store/localstore.h"
#include "app/sync/devicesync.h"
#include "platform/core/clock.h"
#include "platform/crypto/crypto.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QThread>

#include <cstdio>

using namespace samla;

namespace {

crypto::SecureBytes passphrase()
{
    QByteArray p("soak test passphrase");
    return crypto::SecureBytes::fromUtf8AndWipe(p);
}

int fail(const QString &what, const Error &e)
{
    std::fprintf(stderr, "soak-client: %s: %s\n", qPrintable(what), qPrintable(e.detail));
    return 3;
}

struct Device {
    std::unique_ptr<store::LocalStore> store;
    std::unique_ptr<domain::Notes> notes;
    std::unique_ptr<domain::Projects> projects;
    std::unique_ptr<appsync::DeviceSync> sync;

    void attach(const Clock &clock)
    {
        notes = std::make_unique<domain::Notes>(store->records());
        projects = std::make_unique<domain::Projects>(store->records());
        sync = std::make_unique<appsync::DeviceSync>(*store, clock);
    }
    // The local id of the (one) synced project, once known.
    QString projectId() const
    {
        auto joined = sync->projects();
        if (!joined.ok())
            return {};
        for (const appsync::JoinedProject &p : joined.value())
            if (!p.localProjectId.isEmpty())
                return p.localProjectId;
        return {};
    }
    QString serverProject() const
    {
        auto joined = sync->projects();
        return joined.ok() && !joined->isEmpty() ? joined->first().serverProject : QString();
    }
};

void say(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("samla.*.info=false"));
    const QStringList args = app.arguments();
    if (args.size() < 3)
        return 2;
    if (!crypto::initialize().ok())
        return 3;
    SystemClock clock;
    const QString dir = args.at(1);
    const QString command = args.at(2);
    Device d;

    if (command == QLatin1String("create-admin") || command == QLatin1String("create-member")) {
        if (args.size() != 4)
            return 2;
        auto code = protocol::EnrolCode::decode(args.at(3));
        if (!code.ok())
            return fail(QStringLiteral("code"), code.error());
        auto created = store::LocalStore::create(dir, passphrase(), {1, 8 * 1024}, clock);
        if (!created.ok())
            return fail(QStringLiteral("create"), created.error());
        d.store = std::move(created->store);
        d.attach(clock);
        QString local;
        if (command == QLatin1String("create-admin")) {
            auto project = d.projects->create(QStringLiteral("Soak"), false);
            if (!project.ok())
                return fail(QStringLiteral("project"), project.error());
            local = project->id;
        }
        auto joined = d.sync->join(code.value(), local);
        if (!joined.ok())
            return fail(QStringLiteral("join"), joined.error());
        say("joined");
        return 0;
    }

    auto unlocked = store::LocalStore::unlock(dir, passphrase(), clock);
    if (!unlocked.ok())
        return fail(QStringLiteral("unlock"), unlocked.error());
    d.store = std::move(unlocked.value());
    d.attach(clock);

    if (command == QLatin1String("approve")) {
        const QString project = d.serverProject();
        auto members = d.sync->members(project);
        if (!members.ok())
            return fail(QStringLiteral("members"), members.error());
        QList<protocol::Member> others;
        for (const protocol::Member &m : members.value())
            if (m.signKey.toHex() != d.sync->deviceId())
                others.append(m);
        const Status approved = d.sync->approve(project, others);
        if (!approved.ok())
            return fail(QStringLiteral("approve"), approved.error());
        say("approved " + QByteArray::number(others.size()));
        return 0;
    }

    if (command == QLatin1String("write")) {
        const int every = args.size() > 3 ? std::max(1, args.at(3).toInt()) : 1;
        const QString project = d.projectId();
        if (project.isEmpty())
            return fail(QStringLiteral("write"), makeError(ErrorCode::NotFound, QStringLiteral("no synced project")));
        // Go on after the highest note there is, committed or not when the
        // last run was killed, so every title is written once.
        auto existing = d.notes->list(project, 1'000'000);
        if (!existing.ok())
            return fail(QStringLiteral("list"), existing.error());
        // (Not below FROM: an erased note is not listed, and its title
        // must not be written again.)
        int next = args.size() > 4 ? std::max(1, args.at(4).toInt()) : 1;
        for (const domain::Note &n : existing.value())
            next = std::max(next, n.title.mid(5).toInt() + 1);
        for (int written = 0;; ++next) {
            const QString title = QStringLiteral("soak-%1").arg(next, 6, 10, QLatin1Char('0'));
            auto note = d.notes->create(project, title, QStringLiteral("note %1 of the soak").arg(next));
            if (!note.ok())
                return fail(QStringLiteral("note"), note.error());
            say("committed " + QByteArray::number(next));
            if (++written % every == 0)
                say(d.sync->syncNow().ok() ? "synced" : "sync-failed");
        }
    }

    if (command == QLatin1String("erase")) {
        if (args.size() != 4)
            return 2;
        const QString project = d.projectId();
        auto notes = d.notes->list(project, 1'000'000);
        if (!notes.ok())
            return fail(QStringLiteral("list"), notes.error());
        for (const domain::Note &n : notes.value()) {
            if (n.title != args.at(3))
                continue;
            auto erased = d.store->records().erase({n.id});
            if (!erased.ok())
                return fail(QStringLiteral("erase"), erased.error());
            say("erased");
            return 0;
        }
        return fail(QStringLiteral("erase"), makeError(ErrorCode::NotFound, QStringLiteral("no such note")));
    }

    if (command == QLatin1String("pull")) {
        for (;;) {
            say(d.sync->syncNow().ok() ? "synced" : "sync-failed");
            QThread::msleep(20);
        }
    }

    if (command == QLatin1String("report")) {
        Error last = makeError(ErrorCode::Io, QStringLiteral("no attempt"));
        bool done = false;
        for (int attempt = 0; attempt < 30 && !done; ++attempt) {
            auto synced = d.sync->syncNow();
            auto pending = d.sync->pendingCount();
            if (synced.ok() && pending.ok() && pending.value() == 0 && !d.projectId().isEmpty())
                done = true;
            else if (!synced.ok())
                last = synced.error();
            else
                QThread::msleep(200);
        }
        if (!done)
            return fail(QStringLiteral("report"), last);
        say("pending 0");
        auto notes = d.notes->list(d.projectId(), 1'000'000);
        if (!notes.ok())
            return fail(QStringLiteral("list"), notes.error());
        for (const domain::Note &n : notes.value())
            say("note " + n.title.toUtf8());
        return 0;
    }
    return 2;
}
