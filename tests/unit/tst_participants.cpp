// Participants: pseudonymous codes that carry no identity; names only ever reach the vault.
#include "tst_consentfixture.h"

#include "app/domain/identityvault.h"
#include "app/store/recordstore.h"
#include "platform/db/database.h"

#include <QRegularExpression>
#include <QTest>

using namespace samla;
using namespace samla::domain;

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
};

QTEST_MAIN(TestParticipants)
#include "tst_participants.moc"
