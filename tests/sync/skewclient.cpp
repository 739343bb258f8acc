// samla-skew-client: a device as its own process (the app's encrypted store, domain and sync),
// for tst_sync_skew to run under libfaketime with a wall clock of its own. Commands:
//   DIR create-admin CODE     new store, a project with a consent form and one participant,
//                             joined as the server project's admin; prints "participant ID"
//   DIR create-member CODE    new store, joined as a member (waits for approval)
//   DIR approve               approves every other device of the project
//   DIR sync                  syncs until nothing is pending; prints "synced" and the
//                             report ("applied A conflicts C ignored I deferred D")
//   DIR note-new TITLE TEXT   a new note; prints "note ID"
//   DIR note-edit ID TEXT     a new version of the note
//   DIR consent PID           takes the participant's consent (every item agreed)
//   DIR withdraw PID          records the participant's withdrawal (no new data)
//   DIR state PID             prints what a user would see: "clock MS", "hlc STAMP",
//                             "own SEQ STAMP" per op this device made (in device_seq order),
//                             "record ID STAMP" per record of the project, "note ID STAMP TEXT" per note, "conflict RECORD" per open
//                             conflict, "event ID STAMP TYPE" per consent event and
//                             "consent withdrawn=0|1 observation=0|1" (derived a day
//                             from now, so grants dated ahead count)
// Every command that writes prints "hlc STAMP" of the last stamp after it.
// Exit code 0, or 2 for wrong arguments, 3 for a failure (the reason on stderr).
#include "app/domain/consentforms.h"
#include "app/domain/consentgate.h"
#include "app/domain/consentlog.h"
#include "app/domain/notes.h"
#include "app/domain/participants.h"
#include "app/domain/projects.h"
#include "app/store/localstore.h"
#include "app/sync/devicesync.h"
#include "platform/core/clock.h"
#include "platform/crypto/crypto.h"
#include "platform/db/database.h"

#include <QGuiApplication>
#include <QImage>
#include <QLoggingCategory>
#include <QPainter>
#include <QThread>

#include <cstdio>

using namespace samla;

namespace {

constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;

crypto::SecureBytes passphrase()
{
    QByteArray p("skew test passphrase");
    return crypto::SecureBytes::fromUtf8AndWipe(p);
}

int fail(const QString &what, const QString &detail)
{
    std::fprintf(stderr, "skew-client: %s: %s\n", qPrintable(what), qPrintable(detail));
    return 3;
}
int fail(const QString &what, const Error &e) { return fail(what, e.detail); }

void say(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

QByteArray stamp(const protocol::HlcStamp &s)
{
    return QByteArray::number(qint64(s.physicalMs)) + '.' + QByteArray::number(s.counter) + '@'
           + s.deviceId.left(4).toHex();
}

domain::ConsentItem item(const char *id, domain::Activity a, bool required, const char *sv, const char *en)
{
    domain::ConsentItem i;
    i.id = QString::fromLatin1(id);
    i.activity = a;
    i.required = required;
    i.text.insert(QStringLiteral("sv"), QString::fromUtf8(sv));
    i.text.insert(QStringLiteral("en"), QString::fromUtf8(en));
    return i;
}

domain::ProjectSettings settings()
{
    domain::ProjectSettings s;
    s.codePrefix = QStringLiteral("SK");
    s.sites = {domain::Site{QStringLiteral("ward"), QStringLiteral("Ward"), domain::Jurisdiction::Sweden}};
    s.languages = {QStringLiteral("sv"), QStringLiteral("en")};
    s.lawfulBasis = QStringLiteral("GDPR Art 6(1)(e) + 9(2)(j)");
    s.withdrawalPolicy = domain::WithdrawalPolicy::StopAndRetain;
    return s;
}

domain::ConsentFormContent form()
{
    domain::ConsentFormContent c;
    c.title = {{QStringLiteral("sv"), QStringLiteral("Samtycke")}, {QStringLiteral("en"), QStringLiteral("Consent")}};
    c.information = {{QStringLiteral("sv"), QStringLiteral("Vi studerar avdelningen.")},
                     {QStringLiteral("en"), QStringLiteral("We study the ward.")}};
    c.items = {item("observation", domain::Activity::Observation, true, "Jag får observeras.", "I may be observed."),
               item("interview", domain::Activity::Interview, false, "Jag deltar i en intervju.",
                    "I will take part in an interview.")};
    return c;
}

QImage signature()
{
    QImage image(300, 100, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setPen(QPen(Qt::black, 3));
    p.drawLine(10, 70, 140, 20);
    p.drawLine(140, 20, 280, 80);
    return image;
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
        sync::SyncClientOptions options;
        options.backoff = std::chrono::milliseconds(50);
        sync = std::make_unique<appsync::DeviceSync>(*store, clock, options);
    }
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
    // The device's HLC position as it is persisted (meta hlc_last).
    void sayHlc() const
    {
        auto last = store->records().meta("hlc_last");
        say("hlc " + stamp(protocol::HlcStamp::fromBytes(last.ok() ? last.value() : QByteArray())));
    }
};

} // namespace

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);   // the consent PDF is rendered with Qt's painter
    QLoggingCategory::setFilterRules(QStringLiteral("samla.*.info=false"));
    const QStringList args = app.arguments();
    if (args.size() < 3)
        return 2;
    if (!crypto::initialize().ok())
        return 3;
    SystemClock clock;   // what libfaketime makes of it
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
        QString local, participant;
        if (command == QLatin1String("create-admin")) {
            auto project = d.projects->create(QStringLiteral("Skew"), settings(), false);
            if (!project.ok())
                return fail(QStringLiteral("project"), project.error());
            local = project->id;
            auto published = domain::ConsentForms(d.store->records()).publish(local, QString(), form());
            if (!published.ok())
                return fail(QStringLiteral("form"), published.error());
            domain::ParticipantProfile profile;
            profile.ageBand = domain::AgeBand::Age18To64;
            profile.siteId = QStringLiteral("ward");
            auto enrolled = domain::Participants(d.store->records()).enrol(local, profile);
            if (!enrolled.ok())
                return fail(QStringLiteral("enrol"), enrolled.error());
            participant = enrolled->id;
        }
        auto joined = d.sync->join(code.value(), local);
        if (!joined.ok())
            return fail(QStringLiteral("join"), joined.error());
        say("joined");
        if (!participant.isEmpty())
            say("participant " + participant.toUtf8());
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
            if (m.signKey.toHex() != d.sync->deviceId() && !m.revoked)
                others.append(m);
        const Status approved = d.sync->approve(project, others);
        if (!approved.ok())
            return fail(QStringLiteral("approve"), approved.error());
        say("approved " + QByteArray::number(others.size()));
        return 0;
    }

    if (command == QLatin1String("sync")) {
        store::RemoteApplyReport total;
        QString last = QStringLiteral("no attempt");
        for (int attempt = 0; attempt < 20; ++attempt) {
            auto synced = d.sync->syncNow();
            if (!synced.ok()) {
                last = synced.error().detail;
                QThread::msleep(100);
                continue;
            }
            total.applied += synced->applied.applied;
            total.kept += synced->applied.kept;
            total.conflicts += synced->applied.conflicts;
            total.ignored += synced->applied.ignored;
            total.deferred += synced->applied.deferred;
            auto pending = d.sync->pendingCount();
            if (synced->waitingForApproval || !pending.ok() || pending.value() != 0 || d.projectId().isEmpty()) {
                last = QStringLiteral("waiting");
                QThread::msleep(100);
                continue;
            }
            say("synced");
            say(QStringLiteral("report applied %1 kept %2 conflicts %3 ignored %4 deferred %5")
                    .arg(total.applied)
                    .arg(total.kept)
                    .arg(total.conflicts)
                    .arg(total.ignored)
                    .arg(total.deferred)
                    .toUtf8());
            d.sayHlc();
            return 0;
        }
        return fail(QStringLiteral("sync"), last);
    }

    if (command == QLatin1String("note-new") && args.size() == 5) {
        auto note = d.notes->create(d.projectId(), args.at(3), args.at(4));
        if (!note.ok())
            return fail(QStringLiteral("note-new"), note.error());
        say("note " + note->id.toUtf8());
        d.sayHlc();
        return 0;
    }
    if (command == QLatin1String("note-edit") && args.size() == 5) {
        auto current = d.notes->get(args.at(3));
        if (!current.ok())
            return fail(QStringLiteral("note-edit"), current.error());
        auto note = d.notes->update(args.at(3), current->title, args.at(4));
        if (!note.ok())
            return fail(QStringLiteral("note-edit"), note.error());
        d.sayHlc();
        return 0;
    }

    if (command == QLatin1String("consent") && args.size() == 4) {
        const QString project = d.projectId();
        auto versions = domain::ConsentForms(d.store->records()).forms(project);
        if (!versions.ok() || versions->isEmpty())
            return fail(QStringLiteral("consent"), QStringLiteral("no consent form"));
        const domain::ConsentFormVersion &v = versions->first();
        domain::ConsentCapture c;
        c.participantId = args.at(3);
        c.formVersionId = v.id;
        c.language = QStringLiteral("en");
        for (const domain::ConsentItem &i : v.content.items)
            c.answers.insert(i.id, true);
        c.method = domain::ConsentMethod::ElectronicSignature;
        c.signature = signature();
        c.obtainedBy = QStringLiteral("R1");
        auto taken = domain::ConsentLog(*d.store, clock).takeConsent(c);
        if (!taken.ok())
            return fail(QStringLiteral("consent"), taken.error());
        say("event " + taken->id.toUtf8());
        d.sayHlc();
        return 0;
    }
    if (command == QLatin1String("withdraw") && args.size() == 4) {
        domain::ConsentEvent e;
        e.participantId = args.at(3);
        e.type = domain::ConsentEventType::Withdrawal;
        e.scope = domain::WithdrawalScope::NoNewData;
        e.obtainedBy = QStringLiteral("R1");
        auto recorded = domain::ConsentLog(*d.store, clock).record(e);
        if (!recorded.ok())
            return fail(QStringLiteral("withdraw"), recorded.error());
        say("event " + recorded->id.toUtf8());
        d.sayHlc();
        return 0;
    }

    if (command == QLatin1String("state") && args.size() == 4) {
        say("clock " + QByteArray::number(qint64(clock.nowMs())));
        d.sayHlc();
        auto own = d.store->records().outbox(0, 1'000'000);
        if (!own.ok())
            return fail(QStringLiteral("outbox"), own.error());
        for (const store::OutboxEntry &e : own.value())
            say("own " + QByteArray::number(qint64(e.deviceSeq)) + ' ' + stamp(e.hlc));
        const QString project = d.projectId();
        auto records = d.store->database().prepare("SELECT id, hlc, deleted FROM records WHERE project_id = ?1 ORDER BY id");
        if (!records.ok())
            return fail(QStringLiteral("records"), records.error());
        records->bind(1, project);
        const Status listed = records->forEachRow([&] {
            say("record " + records->columnText(0).toUtf8() + ' '
                + stamp(protocol::HlcStamp::fromBytes(records->columnBlob(1))) + (records->columnInt(2) ? " deleted" : ""));
        });
        if (!listed.ok())
            return fail(QStringLiteral("records"), listed.error());
        auto notes = d.notes->list(project, 1'000'000);
        if (!notes.ok())
            return fail(QStringLiteral("notes"), notes.error());
        for (const domain::Note &n : notes.value()) {
            auto record = d.store->records().get(n.id);
            if (!record.ok())
                return fail(QStringLiteral("note"), record.error());
            say("note " + n.id.toUtf8() + ' ' + stamp(record->hlc) + ' ' + n.text.toUtf8());
        }
        auto conflicts = d.store->records().openConflicts();
        if (!conflicts.ok())
            return fail(QStringLiteral("conflicts"), conflicts.error());
        for (const store::SyncConflict &c : conflicts.value())
            say("conflict " + c.recordId.toUtf8());
        auto events = domain::ConsentLog(*d.store, clock).events(args.at(3));
        for (const domain::ConsentEvent &e : events.ok() ? events.value() : QList<domain::ConsentEvent>())
            say("event " + e.id.toUtf8() + ' ' + stamp(e.hlc) + ' ' + domain::consentEventTypeKey(e.type).toUtf8());
        auto derived = domain::deriveConsentFor(d.store->records(), args.at(3), clock.nowMs() + kDayMs);
        if (!derived.ok()) {
            say("consent none");   // the participant has not arrived here yet
            return 0;
        }
        say("consent withdrawn=" + QByteArray(derived->state.withdrawal ? "1" : "0") + " observation="
            + QByteArray(derived->state.forActivity(domain::Activity::Observation).allowed ? "1" : "0"));
        return 0;
    }
    return 2;
}
