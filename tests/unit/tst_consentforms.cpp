// Consent forms: bilingual, imported from JSON, published as immutable versions with a content hash.
#include "tst_consentfixture.h"

#include "sync/protocol/canonicalcbor.h"

#include <QTest>

using namespace samla;
using namespace samla::domain;

namespace {

QByteArray testData(const char *name)
{
    return test::readFile(qEnvironmentVariable("SAMLA_TEST_DATA") + QLatin1Char('/') + QLatin1String(name));
}

} // namespace

class TestConsentForms : public QObject {
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

    void theHashIsOverTheCanonicalContent()
    {
        const ConsentFormContent content = test::cafeConsentForm();
        const QByteArray expected = crypto::hash(protocol::encodeCanonical(content.toCbor())).toHex();
        QCOMPARE(f->form.hash.toLatin1(), expected);
        QCOMPARE(f->form.hash.size(), 64);
        QCOMPARE(ConsentForms::contentHash(content), f->form.hash);
        // Any change to any text changes the hash.
        ConsentFormContent changed = content;
        changed.items[2].text[QStringLiteral("sv")] += QLatin1Char(' ');
        QVERIFY(ConsentForms::contentHash(changed) != f->form.hash);
        changed = content;
        changed.items[2].required = true;
        QVERIFY(ConsentForms::contentHash(changed) != f->form.hash);
    }

    void everyChangePublishesANewVersion()
    {
        ConsentForms forms(f->store->records());
        QCOMPARE(f->form.number, 1);
        QCOMPARE(f->form.content.languages(), (QStringList{QStringLiteral("sv"), QStringLiteral("en")}));
        ConsentFormContent next = test::cafeConsentForm(QStringLiteral("We now also hold focus groups."));
        auto v2 = forms.publish(f->project.id, f->form.formId, next);
        QVERIFY(v2.ok());
        QCOMPARE(v2->number, 2);
        QCOMPARE(v2->formId, f->form.formId);
        QVERIFY(v2->id != f->form.id);

        auto all = forms.versions(f->project.id, f->form.formId);
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->at(0).number, 2);
        QCOMPARE(all->at(1).content, test::cafeConsentForm());
        // Version 1's record was never written again.
        QCOMPARE(f->store->records().get(f->form.id)->version, 1);
        QCOMPARE(forms.version(f->form.id)->content, test::cafeConsentForm());
        auto latest = forms.forms(f->project.id);
        QCOMPARE(latest->size(), 1);
        QCOMPARE(latest->first().number, 2);
    }

    void republishingTheSameTextIsRefused()
    {
        auto again = ConsentForms(f->store->records()).publish(f->project.id, f->form.formId, test::cafeConsentForm());
        QVERIFY(!again.ok());
        QCOMPARE(again.code(), ErrorCode::AlreadyExists);
    }

    void aChangedVersionIsNeverShown()
    {
        // Somebody (or a bad sync) rewrites version 1's text in place.
        auto record = f->store->records().get(f->form.id);
        store::RecordChange change;
        change.id = record->id;
        change.kind = record->kind;
        change.projectId = record->projectId;
        change.body = record->body;
        ConsentFormContent forged = test::cafeConsentForm();
        forged.items[2].text[QStringLiteral("en")] = QStringLiteral("Everything may be recorded.");
        change.body.insert(QStringLiteral("content"), forged.toCbor());
        QVERIFY(f->store->records().put(change).ok());
        auto v = ConsentForms(f->store->records()).version(f->form.id);
        QVERIFY(!v.ok());
        QCOMPARE(v.code(), ErrorCode::Tampered);
        // And no consent can be taken on it.
        const Participant p = f->enrol();
        QCOMPARE(f->log().checkCapture(f->capture(p.id)), CaptureProblem::FormChanged);
    }

    void importsTheExampleForm()
    {
        const QByteArray json = testData("consent-form-learning-cafe.json");
        QVERIFY2(!json.isEmpty(), "tests/data/consent-form-learning-cafe.json (SAMLA_TEST_DATA)");
        auto v = ConsentForms(f->store->records()).importJson(f->project.id, QString(), json);
        QVERIFY2(v.ok(), qPrintable(v.ok() ? QString() : v.error().detail));
        QCOMPARE(v->content.items.size(), 8);
        QCOMPARE(v->content.items.at(2).activity, Activity::AudioRecording);
        QVERIFY(v->content.items.at(0).required);
        QCOMPARE(v->content.title.value(QStringLiteral("sv")), QStringLiteral("Samtycke: Lärcafé för personer med hjärtsjukdom"));
        QCOMPARE(v->content.languages(), (QStringList{QStringLiteral("sv"), QStringLiteral("en")}));
        // Written back and read again, nothing changes (and so neither does the hash).
        auto again = ConsentForms::parseJson(ConsentForms::toJson(v->content));
        QVERIFY(again.ok());
        QCOMPARE(again.value(), v->content);
    }

    void badJsonIsRefusedWithTheReason_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("mentions");
        const QByteArray item = R"({"id":"obs","activity":"observation","required":true,"text":{"en":"I may be observed."}})";
        const QByteArray head = R"({"title":{"en":"T"},"information":{"en":"I"},"items":[)";
        QTest::newRow("not json") << QByteArray("{title:") << "not a JSON object";
        QTest::newRow("no items") << QByteArray(head + "]}") << "at least one item";
        QTest::newRow("unknown activity")
            << QByteArray(head + R"({"id":"x","activity":"skydiving","required":false,"text":{"en":"t"}}]})") << "skydiving";
        QTest::newRow("required not a boolean")
            << QByteArray(head + R"({"id":"x","activity":"diary","required":"yes","text":{"en":"t"}}]})") << "required";
        QTest::newRow("duplicate item") << QByteArray(head + item + "," + item + "]}") << "twice";
        QTest::newRow("bad item id")
            << QByteArray(head + R"({"id":"Audio Rec","activity":"diary","required":false,"text":{"en":"t"}}]})") << "Audio Rec";
        QTest::newRow("half-translated")
            << QByteArray(R"({"title":{"en":"T","sv":"T"},"information":{"en":"I","sv":"I"},"items":[)" + item + "]}")
            << "'sv' is incomplete";
        QTest::newRow("unsupported language")
            << QByteArray(R"({"title":{"de":"T"},"information":{"de":"I"},"items":[{"id":"x","activity":"diary","required":false,"text":{"de":"t"}}]})")
            << "'de'";
        QTest::newRow("text not a string")
            << QByteArray(head + R"({"id":"x","activity":"diary","required":false,"text":{"en":5}}]})") << "text must map";
    }

    void badJsonIsRefusedWithTheReason()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, mentions);
        const int before = int(ConsentForms(f->store->records()).forms(f->project.id)->size());
        auto r = ConsentForms(f->store->records()).importJson(f->project.id, QString(), json);
        QVERIFY(!r.ok());
        QCOMPARE(r.code(), ErrorCode::InvalidArgument);
        QVERIFY2(r.error().detail.contains(mentions), qPrintable(r.error().detail));
        QCOMPARE(int(ConsentForms(f->store->records()).forms(f->project.id)->size()), before);
    }

    void aNewVersionOfAnUnknownFormIsRefused()
    {
        auto r = ConsentForms(f->store->records()).publish(f->project.id, QStringLiteral("no-such-form"), test::cafeConsentForm());
        QCOMPARE(r.code(), ErrorCode::NotFound);
    }
};

QTEST_MAIN(TestConsentForms)
#include "tst_consentforms.moc"
