// Conflict policies per kind (ARCHITECTURE.md §3) as sync applies them: ops handed between devices'
// stores in every order, as the server would deliver them.
#include "tst_consentfixture.h"

#include "app/domain/auditlog.h"
#include "app/domain/notes.h"
#include "app/observation/session.h"
#include "app/store/conflictpolicy.h"
#include "app/store/recordstore.h"
#include "sync/protocol/canonicalcbor.h"

#include <QTest>

using namespace samla;
using namespace samla::domain;
using store::ConflictChoice;

namespace {

// One device: its own store, on the clock all devices share (so the test
// says which of two changes is the later).
struct Device {
    QTemporaryDir dir;
    std::unique_ptr<store::LocalStore> store;
    std::int64_t sentSeq = 0;   // what this device has handed on so far

    bool open(const Clock &clock)
    {
        auto created = store::LocalStore::create(dir.path() + QStringLiteral("/data"), test::secure(test::kFixturePass),
                                                 test::cheapKdf(), clock);
        if (!created.ok())
            return false;
        store = std::move(created->store);
        return true;
    }
    store::RecordStore &records() { return store->records(); }

    // The ops written since the last call (an outbox page).
    QList<QByteArray> newOps()
    {
        QList<QByteArray> ops;
        const QList<store::OutboxEntry> entries = records().outbox(sentSeq, 100000).value();
        for (const store::OutboxEntry &e : entries) {
            ops << e.body;
            sentSeq = e.deviceSeq;
        }
        return ops;
    }
};

store::RemoteApplyReport apply(Device &to, const QList<QByteArray> &ops)
{
    auto r = to.records().applyRemote(ops, nullptr, {});
    if (!r.ok())
        qWarning() << "apply:" << r.error().detail;
    return r.ok() ? r.value() : store::RemoteApplyReport{};
}

QByteArray currentBytes(Device &d, const QString &id)
{
    return protocol::encodeCanonical(d.records().get(id)->body);
}

} // namespace

class TestConflictPolicies : public QObject {
    Q_OBJECT

    ManualClock m_clock{1'760'000'000'000};

    // Four devices that all hold `setup` (the ops of a project and what it needs).
    bool fourDevices(std::array<Device, 4> &devices, const std::function<void(Device &)> &setup)
    {
        for (Device &d : devices)
            if (!d.open(m_clock))
                return false;
        setup(devices[0]);
        const QList<QByteArray> ops = devices[0].newOps();
        for (int i = 1; i < 4; ++i)
            apply(devices[i], ops);
        return true;
    }

    Participant enrolled(Device &d, QString *projectId)
    {
        auto project = Projects(d.records()).create(QStringLiteral("Ward study"), test::cafeSettings(), false);
        ProjectSettings two = project->settings;
        two.sites.append(Site{QStringLiteral("ward"), QStringLiteral("Ward 12"), Jurisdiction::Sweden});
        Project p = project.value();
        p.settings = two;
        (void)Projects(d.records()).update(p);
        *projectId = project->id;
        ParticipantProfile profile;
        profile.siteId = QStringLiteral("cafe");
        profile.ageBand = AgeBand::Age65Plus;
        return Participants(d.records()).enrol(project->id, profile).value();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(crypto::initialize().ok());
        observation::installConflictPolicies();
    }

    // The table the domain fills.
    void everyKindHasItsPolicy()
    {
        QCOMPARE(store::kindPolicy(ConsentLog::kKind).policy, store::ConflictPolicy::AppendOnly);
        QCOMPARE(store::kindPolicy(AuditLog::kKind).policy, store::ConflictPolicy::AppendOnly);
        QCOMPARE(store::kindPolicy(observation::Sessions::kEventKind).policy, store::ConflictPolicy::AppendOnly);
        QCOMPARE(store::kindPolicy(observation::Sessions::kSessionKind).policy, store::ConflictPolicy::Finalisable);
        QCOMPARE(store::kindPolicy(Notes::kKind).policy, store::ConflictPolicy::KeepBoth);
        QCOMPARE(store::kindPolicy(Participants::kKind).policy, store::ConflictPolicy::MergeFields);
        QCOMPARE(store::kindPolicy(Projects::kKind).policy, store::ConflictPolicy::MergeFields);
    }

    // Disjoint changes to a participant on two devices: merged without a
    // conflict into one version, the same on every device whichever change
    // arrived first, and nothing of it goes back into any outbox.
    void participantFieldsMergeTheSameInEitherOrder()
    {
        std::array<Device, 4> d;
        QString projectId;
        Participant p;
        QVERIFY(fourDevices(d, [&](Device &a) { p = enrolled(a, &projectId); }));

        ParticipantProfile onA = p.profile;
        onA.ageBand = AgeBand::Age18To64;
        QVERIFY(Participants(d[0].records()).updateProfile(p.id, onA).ok());
        m_clock.advance(1000);
        ParticipantProfile onB = p.profile;
        onB.siteId = QStringLiteral("ward");
        QVERIFY(Participants(d[1].records()).updateProfile(p.id, onB).ok());
        const QList<QByteArray> fromA = d[0].newOps();
        const QList<QByteArray> fromB = d[1].newOps();

        const std::int64_t outboxBefore[] = {d[0].records().lastDeviceSeq().value(),
                                             d[1].records().lastDeviceSeq().value(),
                                             d[2].records().lastDeviceSeq().value(),
                                             d[3].records().lastDeviceSeq().value()};
        auto onAReport = apply(d[0], fromB);
        QCOMPARE(onAReport.merged, 1);
        QCOMPARE(onAReport.conflicts, 0);
        QCOMPARE(apply(d[1], fromA).merged, 1);
        apply(d[2], fromA);   // C: A's change first
        apply(d[2], fromB);
        apply(d[3], fromB);   // D: B's change first
        apply(d[3], fromA);

        const QByteArray merged = currentBytes(d[0], p.id);
        for (int i = 0; i < 4; ++i) {
            auto got = Participants(d[i].records()).get(p.id);
            QVERIFY(got.ok());
            QCOMPARE(got->profile.ageBand, AgeBand::Age18To64);
            QCOMPARE(got->profile.siteId, QStringLiteral("ward"));
            QCOMPARE(currentBytes(d[i], p.id), merged);
            QCOMPARE(d[i].records().get(p.id)->hlc, d[0].records().get(p.id)->hlc);
            QVERIFY(d[i].records().openConflicts()->isEmpty());
            // The merge is made on every device alike: no op for it.
            QCOMPARE(d[i].records().lastDeviceSeq().value(), outboxBefore[i]);
            // Both sides' versions stay in the history.
            QCOMPARE(d[i].records().versions(p.id)->size(), 4);   // the enrolment, A's, B's and the merge
        }

        // An edit made from the merge is a plain later version everywhere.
        m_clock.advance(1000);
        ParticipantProfile onC = Participants(d[2].records()).get(p.id)->profile;
        onC.capacityNotes = QStringLiteral("Uses a hearing aid");
        QVERIFY(Participants(d[2].records()).updateProfile(p.id, onC).ok());
        const QList<QByteArray> fromC = d[2].newOps();
        for (int i : {0, 1, 3}) {
            auto r = apply(d[i], fromC);
            QCOMPARE(r.applied, 1);
            QCOMPARE(r.merged + r.conflicts, 0);
            QCOMPARE(currentBytes(d[i], p.id), currentBytes(d[2], p.id));
        }
    }

    // Both change the same field: the later change is in force on every
    // device, one conflict names the field, and resolving it on one device
    // closes it on the others.
    void sameFieldIsOneConflictResolvedEverywhere()
    {
        std::array<Device, 4> d;
        QString projectId;
        Participant p;
        QVERIFY(fourDevices(d, [&](Device &a) { p = enrolled(a, &projectId); }));

        ParticipantProfile onA = p.profile;
        onA.siteId = QStringLiteral("ward");
        onA.capacityNotes = QStringLiteral("Prefers mornings");
        QVERIFY(Participants(d[0].records()).updateProfile(p.id, onA).ok());
        m_clock.advance(1000);
        ParticipantProfile onB = p.profile;
        onB.siteId = QStringLiteral("cafe");   // unchanged: not a conflict
        onB.ageBand = AgeBand::Age18To64;
        onB.capacityNotes = QStringLiteral("Prefers afternoons");
        QVERIFY(Participants(d[1].records()).updateProfile(p.id, onB).ok());
        const QList<QByteArray> fromA = d[0].newOps();
        const QList<QByteArray> fromB = d[1].newOps();
        QCOMPARE(apply(d[0], fromB).conflicts, 1);
        QCOMPARE(apply(d[1], fromA).conflicts, 1);
        apply(d[2], fromA);
        apply(d[2], fromB);
        apply(d[3], fromB);
        apply(d[3], fromA);
        for (Device &dev : d) {
            auto got = Participants(dev.records()).get(p.id).value();
            QCOMPARE(got.profile.capacityNotes, QStringLiteral("Prefers afternoons"));   // B's, the later
            QCOMPARE(got.profile.siteId, QStringLiteral("ward"));                          // A's alone
            QCOMPARE(got.profile.ageBand, AgeBand::Age18To64);                             // B's alone
            auto conflicts = dev.records().openConflicts().value();
            QCOMPARE(conflicts.size(), 1);
            QCOMPARE(conflicts.first().policy, QStringLiteral("fields"));
            QCOMPARE(conflicts.first().fields, QStringList{QStringLiteral("capacity_notes")});
            QCOMPARE(currentBytes(dev, p.id), currentBytes(d[0], p.id));
        }

        // On C the user takes the other side: only that field goes back.
        QVERIFY(d[2].records().resolveConflict(d[2].records().openConflicts()->first().id, ConflictChoice::UseOther).ok());
        QVERIFY(d[2].records().openConflicts()->isEmpty());
        const QList<QByteArray> fromC = d[2].newOps();
        QCOMPARE(fromC.size(), 2);   // the new version and the resolution
        for (int i : {0, 1, 3}) {
            apply(d[i], fromC);
            QVERIFY2(d[i].records().openConflicts()->isEmpty(), "the resolution closes the conflict everywhere");
        }
        for (Device &dev : d) {
            auto got = Participants(dev.records()).get(p.id).value();
            QCOMPARE(got.profile.capacityNotes, QStringLiteral("Prefers mornings"));
            QCOMPARE(got.profile.siteId, QStringLiteral("ward"));
            QCOMPARE(got.profile.ageBand, AgeBand::Age18To64);
        }
    }

    // Project settings merge per field too, nested settings included.
    void projectSettingsMergePerField()
    {
        std::array<Device, 4> d;
        QString projectId;
        QVERIFY(fourDevices(d, [&](Device &a) { enrolled(a, &projectId); }));
        Project onA = Projects(d[0].records()).get(projectId).value();
        onA.name = QStringLiteral("Ward study 2");
        QVERIFY(Projects(d[0].records()).update(onA).ok());
        m_clock.advance(1000);
        Project onB = Projects(d[1].records()).get(projectId).value();
        onB.settings.retentionMonths = 60;
        QVERIFY(Projects(d[1].records()).update(onB).ok());
        const QList<QByteArray> fromA = d[0].newOps();
        const QList<QByteArray> fromB = d[1].newOps();
        apply(d[0], fromB);
        apply(d[1], fromA);
        for (Device *dev : {&d[0], &d[1]}) {
            Project got = Projects(dev->records()).get(projectId).value();
            QCOMPARE(got.name, QStringLiteral("Ward study 2"));
            QCOMPARE(got.settings.retentionMonths, 60);
            QVERIFY(dev->records().openConflicts()->isEmpty());
        }
        QCOMPARE(currentBytes(d[0], projectId), currentBytes(d[1], projectId));
    }

    // Notes: both versions kept and listed, in either order; keeping the
    // current one on one device closes the conflict on the others.
    void notesKeepBothAndTheResolutionTravels()
    {
        std::array<Device, 4> d;
        QString projectId;
        Note note;
        QVERIFY(fourDevices(d, [&](Device &a) {
            enrolled(a, &projectId);
            note = Notes(a.records()).create(projectId, QStringLiteral("Handover"), QStringLiteral("First")).value();
        }));
        QVERIFY(Notes(d[0].records()).update(note.id, QStringLiteral("Handover"), QStringLiteral("A's reading")).ok());
        m_clock.advance(1000);
        QVERIFY(Notes(d[1].records()).update(note.id, QStringLiteral("Handover"), QStringLiteral("B's reading")).ok());
        const QList<QByteArray> fromA = d[0].newOps();
        const QList<QByteArray> fromB = d[1].newOps();
        apply(d[0], fromB);
        apply(d[1], fromA);
        apply(d[2], fromA);
        apply(d[2], fromB);
        apply(d[3], fromB);
        apply(d[3], fromA);
        for (Device &dev : d) {
            QCOMPARE(Notes(dev.records()).get(note.id)->text, QStringLiteral("B's reading"));
            auto conflicts = dev.records().openConflicts().value();
            QCOMPARE(conflicts.size(), 1);
            QCOMPARE(conflicts.first().policy, QStringLiteral("keep_both"));
            QStringList texts;
            const auto versions = Notes(dev.records()).versions(note.id).value();
            for (const auto &v : versions)
                texts << v.text;
            QVERIFY(texts.contains(QStringLiteral("A's reading")));
        }
        QVERIFY(d[3].records().resolveConflict(d[3].records().openConflicts()->first().id).ok());
        const QList<QByteArray> fromD = d[3].newOps();
        QCOMPARE(fromD.size(), 1);   // the resolution alone: the text stays as it is
        for (int i : {0, 1, 2}) {
            apply(d[i], fromD);
            QVERIFY(d[i].records().openConflicts()->isEmpty());
            QCOMPARE(Notes(d[i].records()).get(note.id)->text, QStringLiteral("B's reading"));
        }
    }

    // Append-only kinds: a second version of one is a protocol error,
    // refused and counted, never merged and never listed.
    void appendOnlyKindsRefuseASecondVersion_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("consent event") << ConsentLog::kKind;
        QTest::newRow("audit event") << AuditLog::kKind;
        QTest::newRow("observation event") << observation::Sessions::kEventKind;
    }
    void appendOnlyKindsRefuseASecondVersion()
    {
        QFETCH(QString, kind);
        Device a, b;
        QVERIFY(a.open(m_clock) && b.open(m_clock));
        store::RecordChange first;
        first.kind = kind;
        first.projectId = QStringLiteral("p");
        first.body.insert(QStringLiteral("what"), QStringLiteral("original"));
        auto written = a.records().put(first);
        QVERIFY(written.ok());
        QCOMPARE(apply(b, a.newOps()).applied, 1);
        // Both devices change it (a misbehaving build): neither side's change is taken from the other.
        for (Device *dev : {&a, &b}) {
            store::RecordChange change = first;
            change.id = written->id;
            change.body.insert(QStringLiteral("what"), dev == &a ? QStringLiteral("changed on A")
                                                                : QStringLiteral("changed on B"));
            QVERIFY(dev->records().put(change).ok());
            m_clock.advance(10);
        }
        auto onA = apply(a, b.newOps());
        auto onB = apply(b, a.newOps());
        for (const auto &r : {onA, onB}) {
            QCOMPARE(r.refused, 1);
            QCOMPARE(r.conflicts, 0);
            QCOMPARE(r.applied, 0);
        }
        QCOMPARE(a.records().get(written->id)->body.value(QStringLiteral("what")).toString(), QStringLiteral("changed on A"));
        QCOMPARE(b.records().get(written->id)->body.value(QStringLiteral("what")).toString(), QStringLiteral("changed on B"));
        QVERIFY(a.records().openConflicts()->isEmpty());
        QVERIFY(b.records().openConflicts()->isEmpty());
    }

    // A finalised observation session is immutable: a change made from it is
    // refused; finalised on one device while changed on another, the
    // finalised version is in force on both (either order) and both are
    // flagged for review, which cannot be "resolved" by un-finalising it.
    void finalisedSessionsAreImmutable()
    {
        auto sessionBody = [](const char *state, const char *setting) {
            QCborMap body;
            body.insert(QStringLiteral("state"), QString::fromLatin1(state));
            body.insert(QStringLiteral("setting"), QString::fromLatin1(setting));
            return body;
        };
        std::array<Device, 4> d;
        QString id;
        QVERIFY(fourDevices(d, [&](Device &a) {
            store::RecordChange c;
            c.kind = observation::Sessions::kSessionKind;
            c.projectId = QStringLiteral("p");
            c.body = sessionBody("stopped", "Day room");
            id = a.records().put(c)->id;
        }));
        auto change = [&](Device &dev, const char *state, const char *setting) {
            store::RecordChange c;
            c.id = id;
            c.kind = observation::Sessions::kSessionKind;
            c.projectId = QStringLiteral("p");
            c.body = sessionBody(state, setting);
            return dev.records().put(c).ok();
        };
        QVERIFY(change(d[0], "finalised", "Day room"));
        m_clock.advance(1000);
        QVERIFY(change(d[1], "stopped", "Dining room"));   // later, but not finalised
        const QList<QByteArray> fromA = d[0].newOps();
        const QList<QByteArray> fromB = d[1].newOps();
        apply(d[0], fromB);
        apply(d[1], fromA);
        apply(d[2], fromA);
        apply(d[2], fromB);
        apply(d[3], fromB);
        apply(d[3], fromA);
        for (Device &dev : d) {
            QCOMPARE(dev.records().get(id)->body.value(QStringLiteral("state")).toString(), QStringLiteral("finalised"));
            auto conflicts = dev.records().openConflicts().value();
            QCOMPARE(conflicts.size(), 1);
            QCOMPARE(conflicts.first().policy, QStringLiteral("review"));
            QCOMPARE(currentBytes(dev, id), currentBytes(d[0], id));
        }
        auto undo = d[1].records().resolveConflict(d[1].records().openConflicts()->first().id, ConflictChoice::UseOther);
        QVERIFY(!undo.ok());
        QCOMPARE(undo.error().code, ErrorCode::ReadOnly);
        QVERIFY(d[1].records().resolveConflict(d[1].records().openConflicts()->first().id).ok());
        const QList<QByteArray> reviewed = d[1].newOps();
        for (int i : {0, 2, 3}) {
            apply(d[i], reviewed);
            QVERIFY(d[i].records().openConflicts()->isEmpty());
        }

        // A change made from the finalised version (the store's own write
        // path does not stop it; the domain does) is refused where it arrives.
        QVERIFY(change(d[2], "stopped", "Garden"));
        auto r = apply(d[0], d[2].newOps());
        QCOMPARE(r.refused, 1);
        QCOMPARE(r.applied + r.conflicts, 0);
        QCOMPARE(d[0].records().get(id)->body.value(QStringLiteral("setting")).toString(), QStringLiteral("Day room"));
    }

    // Erasure wins: an edit made meanwhile on another device brings nothing
    // back, whichever arrives first, for notes and for the registry.
    void erasureWinsInEitherOrder_data()
    {
        QTest::addColumn<bool>("erasureFirst");
        QTest::newRow("erasure arrives first") << true;
        QTest::newRow("edit arrives first") << false;
    }
    void erasureWinsInEitherOrder()
    {
        QFETCH(bool, erasureFirst);
        std::array<Device, 4> d;
        QString projectId;
        Participant p;
        Note note;
        QVERIFY(fourDevices(d, [&](Device &a) {
            p = enrolled(a, &projectId);
            note = Notes(a.records()).create(projectId, QStringLiteral("Quote"), QStringLiteral("CANARY words")).value();
        }));
        // B edits both; A erases both; C and D hear of them in the given order.
        m_clock.advance(1000);
        QVERIFY(Notes(d[1].records()).update(note.id, QStringLiteral("Quote"), QStringLiteral("CANARY edited")).ok());
        ParticipantProfile edited = p.profile;
        edited.capacityNotes = QStringLiteral("CANARY capacity");
        QVERIFY(Participants(d[1].records()).updateProfile(p.id, edited).ok());
        m_clock.advance(erasureFirst ? -500 : 500);
        QVERIFY(d[0].records().erase({note.id, p.id}).ok());
        const QList<QByteArray> edits = d[1].newOps();
        const QList<QByteArray> erasure = d[0].newOps();
        if (erasureFirst) {
            apply(d[2], erasure);
            apply(d[2], edits);
        } else {
            apply(d[2], edits);
            apply(d[2], erasure);
        }
        apply(d[0], edits);
        apply(d[1], erasure);
        for (int i : {0, 1, 2}) {
            for (const QString &id : {note.id, p.id}) {
                auto r = d[i].records().get(id);
                QVERIFY(r.ok());
                QVERIFY(r->deleted);
                QVERIFY(r->body.isEmpty());
                QCOMPARE(d[i].records().versions(id)->size(), 1);
            }
            QVERIFY(d[i].records().openConflicts()->isEmpty());
            QVERIFY(Notes(d[i].records()).search(projectId, QStringLiteral("CANARY"), 10)->isEmpty());
        }
    }

    // Withdrawal wins: a consent re-check recorded on another device before
    // it heard of the withdrawal does not lift it, in either order.
    void withdrawalWinsInEitherOrder_data()
    {
        QTest::addColumn<bool>("withdrawalFirst");
        QTest::newRow("withdrawal arrives first") << true;
        QTest::newRow("re-check arrives first") << false;
    }
    void withdrawalWinsInEitherOrder()
    {
        QFETCH(bool, withdrawalFirst);
        test::ConsentFixture a;
        QVERIFY(a.setUp());
        Device b, c;
        QVERIFY(b.open(a.clock) && c.open(a.clock));
        const Participant p = a.enrol();
        auto taken = a.log().takeConsent(a.capture(p.id));
        QVERIFY2(taken.ok(), qPrintable(taken.ok() ? QString() : taken.error().detail));
        std::int64_t sentA = test::deliver(*a.store, *b.store);
        QVERIFY(sentA > 0);

        a.clock.advance(60'000);
        ConsentEvent withdrawal;
        withdrawal.participantId = p.id;
        withdrawal.type = ConsentEventType::Withdrawal;
        withdrawal.scope = WithdrawalScope::NoNewData;
        withdrawal.obtainedBy = QStringLiteral("R1");
        QVERIFY(a.log().record(withdrawal).ok());
        a.clock.advance(60'000);   // B's re-check comes later by the clock, made without knowing
        ConsentEvent recheck;
        recheck.participantId = p.id;
        recheck.type = ConsentEventType::Recheck;
        recheck.outcome = RecheckOutcome::Confirmed;
        recheck.obtainedBy = QStringLiteral("R2");
        QVERIFY(ConsentLog(*b.store, a.clock).record(recheck).ok());

        QList<QByteArray> fromA;
        const QList<store::OutboxEntry> entries = a.store->records().outbox(0, 1000).value();
        for (const store::OutboxEntry &e : entries)
            fromA << e.body;
        const QList<QByteArray> fromB = b.newOps();
        if (withdrawalFirst) {
            apply(c, fromA);
            apply(c, fromB);
        } else {
            apply(c, fromB);
            apply(c, fromA);
        }
        QCOMPARE(apply(b, fromA).conflicts, 0);
        QVERIFY(test::deliver(*b.store, *a.store) > 0);
        for (store::RecordStore *records : {&a.store->records(), &b.records(), &c.records()}) {
            auto derived = deriveConsentFor(*records, p.id, a.clock.nowMs());
            QVERIFY(derived.ok());
            QVERIFY2(derived->state.withdrawal.has_value(), "the withdrawal stays in force");
            QVERIFY(!derived->state.forActivity(Activity::Observation).allowed);
            QVERIFY(records->openConflicts()->isEmpty());
        }
    }

    // The merge itself: a field changed on one side is taken, both sides'
    // same change is no conflict, nested maps merge key by key.
    void mergeFieldsIsThreeWay()
    {
        QCborMap base, earlier, later, inner;
        base.insert(QStringLiteral("a"), 1);
        base.insert(QStringLiteral("b"), 1);
        base.insert(QStringLiteral("c"), 1);
        inner.insert(QStringLiteral("x"), 1);
        inner.insert(QStringLiteral("y"), 1);
        base.insert(QStringLiteral("settings"), inner);
        earlier = base;
        later = base;
        earlier.insert(QStringLiteral("a"), 2);
        later.insert(QStringLiteral("b"), 3);
        earlier.insert(QStringLiteral("c"), 5);
        later.insert(QStringLiteral("c"), 5);
        QCborMap e = inner, l = inner;
        e.insert(QStringLiteral("x"), 7);
        l.insert(QStringLiteral("y"), 8);
        earlier.insert(QStringLiteral("settings"), e);
        later.insert(QStringLiteral("settings"), l);
        later.insert(QStringLiteral("d"), QStringLiteral("new"));
        auto m = store::mergeFields(base, earlier, later);
        QVERIFY(m.conflicting.isEmpty());
        QCOMPARE(m.body.value(QStringLiteral("a")).toInteger(), 2);
        QCOMPARE(m.body.value(QStringLiteral("b")).toInteger(), 3);
        QCOMPARE(m.body.value(QStringLiteral("c")).toInteger(), 5);
        QCOMPARE(m.body.value(QStringLiteral("d")).toString(), QStringLiteral("new"));
        QCOMPARE(m.body.value(QStringLiteral("settings")).toMap().value(QStringLiteral("x")).toInteger(), 7);
        QCOMPARE(m.body.value(QStringLiteral("settings")).toMap().value(QStringLiteral("y")).toInteger(), 8);
        e.insert(QStringLiteral("y"), 9);
        earlier.insert(QStringLiteral("settings"), e);
        m = store::mergeFields(base, earlier, later);
        QCOMPARE(m.conflicting, QStringList{QStringLiteral("settings.y")});
        QCOMPARE(m.body.value(QStringLiteral("settings")).toMap().value(QStringLiteral("y")).toInteger(), 8);
    }
};

QTEST_MAIN(TestConflictPolicies)
#include "tst_conflictpolicies.moc"
