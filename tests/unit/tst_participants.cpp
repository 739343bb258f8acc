// Participants: pseudonymous codes that carry no identity; names only ever reach the vault.
#include "tst_consentfixture.h"

#include "app/domain/identityvault.h"
#include "app/store/recordstore.h"
#include "platform/db/database.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace samla;
using namespace samla::domain;
using samla::test::deliver;
using samla::test::markShared;

namespace {

IdentityDetails asa()
{
    return IdentityDetails{QStringLiteral("Åsa Lindqvist"), QStringLiteral("070-123 45 67, asa.lindqvist@example.se"),
                           QStringLiteral("1948-03-02"), QStringLiteral("Örjan Lindqvist (son), 070-765 43 21")};
}

// Every decrypted byte the research database holds: record bodies, versions, outbox envelopes.
QByteArray researchDatabaseBytes(store::LocalStore &store)
{
    QByteArray all;
    for (const char *sql : {"SELECT body FROM records", "SELECT body FROM record_versions", "SELECT body FROM outbox",
                            "SELECT participant_ref FROM records", "SELECT value FROM meta"}) {
        auto s = store.database().prepare(sql);
        if (!s.ok())
            return {};
        // Record and version bodies may be stored compressed: compare the
        // decompressed bytes, or a leak would hide inside the zlib stream.
        const bool storedBody = QByteArray(sql).startsWith("SELECT body FROM record");
        for (auto row = s->step(); row.ok() && row.value(); row = s->step())
            all += storedBody ? store::storedBodyToCbor(s->columnBlob(0)) : s->columnBlob(0);
    }
    return all;
}

} // namespace

class TestParticipants : public QObject {
    Q_OBJECT

    std::unique_ptr<test::ConsentFixture> f;

private slots:
    void initTestCase() { QVERIFY(crypto::initialize().ok()); }

    void init()
    {
        f = std::make_unique<test::ConsentFixture>();
        QVERIFY(f->setUp());
    }

    void cleanup() { f.reset(); }

    void codesFollowEachOtherWithinAProject()
    {
        Participants participants(f->store->records());
        QStringList codes;
        for (int i = 0; i < 3; ++i)
            codes << participants.enrol(f->project.id, {})->code;
        QCOMPARE(codes, (QStringList{QStringLiteral("LC-001"), QStringLiteral("LC-002"), QStringLiteral("LC-003")}));

        ProjectSettings ward = test::cafeSettings();
        ward.codePrefix = QStringLiteral("PW");
        auto other = Projects(f->store->records()).create(QStringLiteral("Ward"), ward, false);
        QCOMPARE(participants.enrol(other->id, {})->code, QStringLiteral("PW-001"));
        QCOMPARE(participants.enrol(f->project.id, {})->code, QStringLiteral("LC-004"));
        QCOMPARE(participants.list(f->project.id)->size(), 4);
        QCOMPARE(participants.list(f->project.id)->last().code, QStringLiteral("LC-004"));
    }

    void theNextCodeComesFromTheStoredRecords()
    {
        QCOMPARE(Participants(f->store->records()).enrol(f->project.id, {})->code, QStringLiteral("LC-001"));
        QCOMPARE(Participants(f->store->records()).enrol(f->project.id, {})->code, QStringLiteral("LC-002"));
        f->store.reset();
        auto reopened = store::LocalStore::unlock(f->dataDir(), test::secure(test::kFixturePass), f->clock);
        QVERIFY(reopened.ok());
        f->store = std::move(reopened.value());
        QCOMPARE(Participants(f->store->records()).enrol(f->project.id, {})->code, QStringLiteral("LC-003"));
    }

    void codeFormat_data()
    {
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<int>("number");
        QTest::addColumn<QString>("code");
        QTest::newRow("padded") << "LC" << 7 << "LC-007";
        QTest::newRow("three digits") << "PW" << 123 << "PW-123";
        QTest::newRow("grows past 999") << "CN" << 1000 << "CN-1000";
    }

    void codeFormat()
    {
        QFETCH(QString, prefix);
        QFETCH(int, number);
        QFETCH(QString, code);
        QCOMPARE(Participants::formatCode(prefix, number), code);
    }

    void namesGoOnlyToTheVault()
    {
        auto vault = IdentityVault::create(*f->store, f->clock);
        QVERIFY(vault.ok());
        ParticipantProfile profile;
        profile.category = ParticipantCategory::Patient;
        profile.ageBand = AgeBand::Age65Plus;
        profile.siteId = QStringLiteral("cafe");
        profile.capacityNotes = QStringLiteral("Has capacity; hearing aid, speak clearly.");
        auto p = Participants(f->store->records()).enrol(f->project.id, profile, asa(), *vault.value());
        QVERIFY2(p.ok(), qPrintable(p.ok() ? QString() : p.error().detail));
        QVERIFY(QRegularExpression(QStringLiteral("^LC-\\d{3}$")).match(p->code).hasMatch());
        QCOMPARE(vault.value()->lookup(p->id, LookupPurpose::Contact).value(), asa());

        // Nothing identifying in the research data, decrypted or on disk (vault.db included).
        const QByteArray research = researchDatabaseBytes(*f->store);
        QVERIFY(research.contains(p->code.toUtf8()));
        for (const QString &secret : {QStringLiteral("Åsa"), QStringLiteral("Lindqvist"), QStringLiteral("1948-03-02"),
                                      QStringLiteral("070-123"), QStringLiteral("example.se"), QStringLiteral("Örjan")}) {
            QVERIFY2(!research.contains(secret.toUtf8()), qPrintable(secret));
            QCOMPARE(test::filesContaining(f->dataDir(), secret.toUtf8()), QStringList());
            QVERIFY(!p->code.contains(secret));
        }
    }

    void aFailedEnrolmentLeavesNoIdentityBehind()
    {
        auto vault = IdentityVault::create(*f->store, f->clock);
        QVERIFY(vault.ok());
        auto p = Participants(f->store->records()).enrol(QStringLiteral("no-such-project"), {}, asa(), *vault.value());
        QVERIFY(!p.ok());
        QCOMPARE(vault.value()->count().value(), 0);
    }

    void profilesAreChecked_data()
    {
        QTest::addColumn<int>("category");
        QTest::addColumn<int>("ageBand");
        QTest::addColumn<QString>("site");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("adult patient") << int(ParticipantCategory::Patient) << int(AgeBand::Age18To64) << "cafe" << true;
        QTest::newRow("child under 15") << int(ParticipantCategory::ChildOrAdolescent) << int(AgeBand::Under15) << "" << true;
        QTest::newRow("child with an adult age band") << int(ParticipantCategory::ChildOrAdolescent) << int(AgeBand::Age18To64) << "" << false;
        QTest::newRow("staff aged 16") << int(ParticipantCategory::Staff) << int(AgeBand::Age16To17) << "" << false;
        QTest::newRow("unknown site") << int(ParticipantCategory::Citizen) << int(AgeBand::Age18To64) << "elsewhere" << false;
    }

    void profilesAreChecked()
    {
        QFETCH(int, category);
        QFETCH(int, ageBand);
        QFETCH(QString, site);
        QFETCH(bool, accepted);
        ParticipantProfile p;
        p.category = ParticipantCategory(category);
        p.ageBand = AgeBand(ageBand);
        p.siteId = site;
        auto r = Participants(f->store->records()).enrol(f->project.id, p);
        QCOMPARE(r.ok(), accepted);
        if (!accepted)
            QCOMPARE(r.code(), ErrorCode::InvalidArgument);
    }

    void profileChangesKeepTheCode()
    {
        Participants participants(f->store->records());
        ParticipantProfile child;
        child.category = ParticipantCategory::ChildOrAdolescent;
        child.ageBand = AgeBand::Under15;
        const Participant p = participants.enrol(f->project.id, child).value();
        child.ageBand = AgeBand::Age15;
        child.capacityNotes = QStringLiteral("Understands the study; explained with pictures.");
        auto updated = participants.updateProfile(p.id, child);
        QVERIFY(updated.ok());
        QCOMPARE(updated->code, p.code);
        QCOMPARE(updated->version, 2);
        QCOMPARE(updated->enrolledMs, p.enrolledMs);
        QCOMPARE(participants.get(p.id)->profile, child);
        QCOMPARE(participants.findByCode(f->project.id, p.code.toLower())->id, p.id);
        QCOMPARE(participants.findByCode(f->project.id, QStringLiteral("LC-999")).code(), ErrorCode::NotFound);
    }
    void deviceTags_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QString>("tag");
        QTest::newRow("zero") << QByteArray(32, '\0') << "222";
        QTest::newRow("one") << (QByteArray(3, '\0') + QByteArray(1, '\1') + QByteArray(28, '\0')) << "322";
        QTest::newRow("thirty") << (QByteArray(3, '\0') + QByteArray(1, char(30)) + QByteArray(28, '\0')) << "232";
    }

    void deviceTags()
    {
        QFETCH(QByteArray, key);
        QFETCH(QString, tag);
        QCOMPARE(Participants::deviceTag(key), tag);
    }

    void taggedCodeFormat()
    {
        QCOMPARE(Participants::formatCode(QStringLiteral("LC"), QStringLiteral("K7Q"), 12), QStringLiteral("LC-K7Q-012"));
        QCOMPARE(Participants::formatCode(QStringLiteral("LC"), QString(), 12), QStringLiteral("LC-012"));
    }

    void aSharedProjectsCodesNameTheDevice()
    {
        // Kept on this device alone: the short code.
        QCOMPARE(Participants::codeTagFor(*f->store, f->project.id), QString());
        QVERIFY(markShared(*f->store, f->project.id));
        const QString tag = Participants::codeTagFor(*f->store, f->project.id);
        QCOMPARE(tag, Participants::deviceTag(f->store->deviceSigningKey().publicKey));
        QVERIFY(QRegularExpression(QStringLiteral("^[2-9A-HJKMNP-TV-Z]{3}$")).match(tag).hasMatch());
        auto p = Participants(f->store->records(), tag).enrol(f->project.id, {});
        QVERIFY(p.ok());
        QCOMPARE(p->code, QStringLiteral("LC-%1-001").arg(tag));
    }

    void existingCodesKeepWorking()
    {
        // Codes made before the project was shared keep their form, and numbering goes on after them.
        const Participant old = Participants(f->store->records()).enrol(f->project.id, {}).value();
        QCOMPARE(old.code, QStringLiteral("LC-001"));
        QVERIFY(markShared(*f->store, f->project.id));
        const QString tag = Participants::codeTagFor(*f->store, f->project.id);
        Participants participants(f->store->records(), tag);
        const Participant tagged = participants.enrol(f->project.id, {}).value();
        QCOMPARE(tagged.code, QStringLiteral("LC-%1-002").arg(tag));
        QCOMPARE(participants.findByCode(f->project.id, QStringLiteral("lc-001"))->id, old.id);
        QCOMPARE(participants.findByCode(f->project.id, tagged.code.toLower())->id, tagged.id);
        QCOMPARE(participants.list(f->project.id)->size(), 2);
        QVERIFY(participants.duplicateCodes(f->project.id)->isEmpty());
    }

    void twoDevicesEnrollingOfflineNeverIssueTheSameCode()
    {
        test::ConsentFixture other;
        QVERIFY(other.setUp());
        // The second device has the project from the first (as sync brings it) and both share it.
        QVERIFY(deliver(*f->store, *other.store) >= 0);
        QVERIFY(Projects(other.store->records()).get(f->project.id).ok());
        QVERIFY(markShared(*f->store, f->project.id));
        QVERIFY(markShared(*other.store, f->project.id));
        const QString tagA = Participants::codeTagFor(*f->store, f->project.id);
        const QString tagB = Participants::codeTagFor(*other.store, f->project.id);
        if (tagA == tagB)
            QSKIP("the two random device keys happen to share a tag (1 in 27 000); the backstop test covers it");
        const std::int64_t sentA = f->store->records().lastDeviceSeq().value();
        const std::int64_t sentB = other.store->records().lastDeviceSeq().value();

        // Both offline, both enrol three people.
        for (int i = 0; i < 3; ++i) {
            QVERIFY(Participants(f->store->records(), tagA).enrol(f->project.id, {}).ok());
            QVERIFY(Participants(other.store->records(), tagB).enrol(f->project.id, {}).ok());
        }
        QVERIFY(deliver(*f->store, *other.store, sentA) >= 0);
        QVERIFY(deliver(*other.store, *f->store, sentB) >= 0);

        for (store::LocalStore *device : {f->store.get(), other.store.get()}) {
            Participants participants(device->records());
            const QList<Participant> all = participants.list(f->project.id).value();
            QCOMPARE(all.size(), 6);
            QSet<QString> codes;
            for (const Participant &p : all)
                codes.insert(p.code);
            QCOMPARE(codes.size(), 6);
            QVERIFY(participants.duplicateCodes(f->project.id)->isEmpty());
        }
    }

    void theSameCodeFromTwoDevicesIsDetectedNotMerged()
    {
        test::ConsentFixture other;
        QVERIFY(other.setUp());
        QVERIFY(deliver(*f->store, *other.store) >= 0);
        const std::int64_t sentA = f->store->records().lastDeviceSeq().value();
        const std::int64_t sentB = other.store->records().lastDeviceSeq().value();
        // Two devices without tags (a build from before them) enrol offline.
        const Participant a = Participants(f->store->records()).enrol(f->project.id, {}).value();
        other.clock.advance(1000);
        const Participant b = Participants(other.store->records()).enrol(f->project.id, {}).value();
        QCOMPARE(a.code, b.code);
        QVERIFY(deliver(*f->store, *other.store, sentA) >= 0);
        QVERIFY(deliver(*other.store, *f->store, sentB) >= 0);

        for (store::LocalStore *device : {f->store.get(), other.store.get()}) {
            Participants participants(device->records());
            QCOMPARE(participants.list(f->project.id)->size(), 2);   // both kept
            const QList<DuplicateCode> duplicates = participants.duplicateCodes(f->project.id).value();
            QCOMPARE(duplicates.size(), 1);
            QCOMPARE(duplicates.first().code, a.code);
            QStringList both{a.id, b.id};
            both.sort();
            QCOMPARE(duplicates.first().participantIds, both);
            QCOMPARE(participants.get(a.id)->id, a.id);
            QCOMPARE(participants.get(b.id)->id, b.id);
        }
    }
};

QTEST_MAIN(TestParticipants)
#include "tst_participants.moc"
