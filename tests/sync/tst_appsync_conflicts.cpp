// Conflict policies through the real samla-server: a participant changed on two devices at once
// merges per field, a field both changed is one conflict, and resolving it on one device closes it on both.
#include "synctestsupport.h"
#include "appdevice.h"

#include "app/domain/participants.h"
#include "app/domain/projects.h"
#include "app/store/localstore.h"
#include "app/sync/devicesync.h"
#include "sync/protocol/canonicalcbor.h"

using namespace samla;
using namespace samla::domain;
using samla::test::ServerProcess;
using samla::test::AppDevice;

class TestAppSyncConflicts : public QObject {
    Q_OBJECT
    SystemClock m_clock;

    ServerProcess m_server;
    AppDevice m_admin;
    AppDevice m_field;
    QString m_project;

    static bool synced(AppDevice &d)
    {
        auto r = d.sync->syncNow();
        if (!r.ok())
            qWarning() << "sync:" << r.error().detail;
        return r.ok();
    }
    QByteArray current(AppDevice &d, const QString &id)
    {
        return protocol::encodeCanonical(d.store->records().get(id)->body);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(crypto::initialize().ok());
        QVERIFY(m_server.init());
        const QString serverProject = m_server.createProject();
        QVERIFY(m_server.start(0, {}, ServerProcess::Tls::On));
        QVERIFY(m_admin.open(m_clock));
        QVERIFY(m_field.open(m_clock));

        ProjectSettings settings;
        settings.codePrefix = QStringLiteral("WS");
        settings.sites = {Site{QStringLiteral("ward"), QStringLiteral("Ward 12"), Jurisdiction::Sweden},
                          Site{QStringLiteral("cafe"), QStringLiteral("Heart café"), Jurisdiction::Sweden}};
        settings.languages = {QStringLiteral("sv"), QStringLiteral("en")};
        settings.lawfulBasis = QStringLiteral("GDPR Art 6(1)(e) + 9(2)(j)");
        settings.retentionMonths = 120;
        settings.reconsentIntervalDays = 180;
        auto project = Projects(m_admin.store->records()).create(QStringLiteral("Ward study"), settings, false);
        QVERIFY(project.ok());
        m_project = project->id;
        QVERIFY(m_admin.sync->join(m_server.enrolCode(serverProject, "admin"), m_project).ok());
        QVERIFY(synced(m_admin));
        QVERIFY(m_field.sync->join(m_server.enrolCode(serverProject, "member")).ok());
        QVERIFY(synced(m_field));
        auto members = m_admin.sync->members(serverProject);
        QVERIFY(members.ok());
        QList<protocol::Member> toApprove;
        for (const protocol::Member &m : members.value())
            if (m.signKey.toHex() == m_field.sync->deviceId())
                toApprove.append(m);
        QVERIFY(m_admin.sync->approve(serverProject, toApprove).ok());
        QVERIFY(synced(m_field));
        QVERIFY(m_field.projects->get(m_project).ok());
    }

    void disjointFieldsMergeWithoutAConflict()
    {
        ParticipantProfile profile;
        profile.siteId = QStringLiteral("ward");
        profile.ageBand = AgeBand::Age65Plus;
        auto p = Participants(m_admin.store->records()).enrol(m_project, profile);
        QVERIFY(p.ok());
        QVERIFY(synced(m_admin));
        QVERIFY(synced(m_field));

        // Offline on both: the administrator moves the participant to the
        // café, the fieldworker notes their capacity.
        ParticipantProfile onAdmin = profile;
        onAdmin.siteId = QStringLiteral("cafe");
        QVERIFY(Participants(m_admin.store->records()).updateProfile(p->id, onAdmin).ok());
        ParticipantProfile onField = profile;
        onField.capacityNotes = QStringLiteral("Uses a hearing aid");
        QVERIFY(Participants(m_field.store->records()).updateProfile(p->id, onField).ok());
        QVERIFY(synced(m_admin));
        auto fieldSync = m_field.sync->syncNow();
        QVERIFY(fieldSync.ok());
        QCOMPARE(fieldSync->applied.merged, 1);
        auto adminSync = m_admin.sync->syncNow();
        QVERIFY(adminSync.ok());
        QCOMPARE(adminSync->applied.merged, 1);

        for (AppDevice *d : {&m_admin, &m_field}) {
            auto got = Participants(d->store->records()).get(p->id);
            QVERIFY(got.ok());
            QCOMPARE(got->profile.siteId, QStringLiteral("cafe"));
            QCOMPARE(got->profile.capacityNotes, QStringLiteral("Uses a hearing aid"));
            QVERIFY(d->store->records().openConflicts()->isEmpty());
            // The merge is made on each device; nothing new waits to be sent.
            QCOMPARE(d->sync->pendingCount().value(), 0);
        }
        QCOMPARE(current(m_admin, p->id), current(m_field, p->id));
    }

    void sameFieldIsOneConflictClosedOnBothDevices()
    {
        auto p = Participants(m_admin.store->records()).enrol(m_project, {});
        QVERIFY(p.ok());
        QVERIFY(synced(m_admin));
        QVERIFY(synced(m_field));

        ParticipantProfile onAdmin = p->profile;
        onAdmin.capacityNotes = QStringLiteral("Prefers mornings");
        QVERIFY(Participants(m_admin.store->records()).updateProfile(p->id, onAdmin).ok());
        QTest::qWait(5);   // the fieldworker's change is the later one
        ParticipantProfile onField = p->profile;
        onField.capacityNotes = QStringLiteral("Prefers afternoons");
        onField.ageBand = AgeBand::Age18To64;
        QVERIFY(Participants(m_field.store->records()).updateProfile(p->id, onField).ok());
        QVERIFY(synced(m_admin));
        QVERIFY(synced(m_field));
        QVERIFY(synced(m_admin));
        for (AppDevice *d : {&m_admin, &m_field}) {
            auto got = Participants(d->store->records()).get(p->id).value();
            QCOMPARE(got.profile.capacityNotes, QStringLiteral("Prefers afternoons"));
            QCOMPARE(got.profile.ageBand, AgeBand::Age18To64);
            auto conflicts = d->store->records().openConflicts().value();
            QCOMPARE(conflicts.size(), 1);
            QCOMPARE(conflicts.first().recordId, p->id);
            QCOMPARE(conflicts.first().fields, QStringList{QStringLiteral("capacity_notes")});
        }

        // The administrator keeps their own words: a new version and the
        // resolution go out; on the fieldworker's device the conflict closes.
        auto open = m_admin.store->records().openConflicts().value();
        QVERIFY(m_admin.store->records().resolveConflict(open.first().id, store::ConflictChoice::UseOther).ok());
        QVERIFY(m_admin.store->records().openConflicts()->isEmpty());
        QVERIFY(synced(m_admin));
        QVERIFY(synced(m_field));
        QVERIFY(m_field.store->records().openConflicts()->isEmpty());
        for (AppDevice *d : {&m_admin, &m_field}) {
            auto got = Participants(d->store->records()).get(p->id).value();
            QCOMPARE(got.profile.capacityNotes, QStringLiteral("Prefers mornings"));
            QCOMPARE(got.profile.ageBand, AgeBand::Age18To64);
        }
        QCOMPARE(current(m_admin, p->id), current(m_field, p->id));
    }
};

QTEST_GUILESS_MAIN(TestAppSyncConflicts)
#include "tst_appsync_conflicts.moc"
