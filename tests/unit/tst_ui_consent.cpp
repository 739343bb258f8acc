// The participant and consent controllers over a real store: enrolment and the
// identity vault, the consent flow's steps, signatures, re-checks, withdrawal and FHIR export.
#include "app/domain/consentforms.h"
#include "app/domain/consentlog.h"
#include "app/domain/identityvault.h"
#include "app/ui/appmodes.h"
#include "app/ui/appservices.h"
#include "app/ui/appsettings.h"
#include "app/ui/consentflow.h"
#include "app/ui/consentmodels.h"
#include "app/ui/navigator.h"
#include "app/ui/participantconsent.h"
#include "app/ui/participantregister.h"
#include "app/ui/session.h"
#include "app/ui/signaturepad.h"
#include "platform/crypto/crypto.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QFile>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace samla;
using namespace samla::ui;

namespace {

const QString kPassphrase = QStringLiteral("blue tractor umbrella 42");

bool hasInk(const QImage &image)
{
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (qGray(image.pixel(x, y)) < 100)
                return true;
        }
    }
    return false;
}

} // namespace

class TestUiConsent : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<AppServices> m_services;

    AppServices &services() { return *m_services; }

    QString enrolPatient()
    {
        ParticipantRegister &reg = services().participants();
        if (!reg.enrol(QStringLiteral("patient"), QStringLiteral("65+"), {}, true, {}, {}, {}, {}, {}))
            return {};
        return reg.lastEnrolledId();
    }

    // Answers every item of the flow's form: yes, except the ids in `no`.
    void answerAll(ConsentFlow &flow, const QStringList &no = {})
    {
        for (const auto &item : flow.items()->items())
            QVERIFY(flow.setAnswer(item.id, !no.contains(item.id)));
    }

private slots:
    void initTestCase();
    void enrolShowsCodesAndTheModelPassesTheTester();
    void identityGoesOnlyIntoTheVault();
    void flowNeedsReadingAndRequiredItems();
    void signatureIsRequiredAndStoredEncrypted();
    void verbalConsentNeedsAWitness();
    void recheckDissentAndWithdrawalFollowThePolicy();
    void timelineAndActivitiesPassTheTester();
    void fhirExportWritesAFileOrSaysWhy();
    void lapsedConsentIsRemindedInTheListAndTheTimeline();
    void refusalsAreShownInSwedish();
    void lockDropsTheHalfTakenConsent();
};

void TestUiConsent::initTestCase()
{
    QVERIFY(crypto::initialize().ok());
    QVERIFY(m_dir.isValid());
    AppServicesOptions options;
    options.dataDir = m_dir.path();
    options.systemLocale = QLocale(QLocale::English, QLocale::UnitedKingdom);
    options.fixedKdf = AppServices::cheapKdfForTests();
    options.application = qApp;
    m_services = std::make_unique<AppServices>(options);
    QString error;
    QVERIFY2(createUnlockedDemoStore(*m_services, kPassphrase, &error), qPrintable(error));
}

void TestUiConsent::enrolShowsCodesAndTheModelPassesTheTester()
{
    ParticipantRegister &reg = services().participants();
    ParticipantsModel *model = reg.participants();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int before = reg.count();

    QVERIFY(reg.enrol(QStringLiteral("family_member"), QStringLiteral("18-64"), {}, true,
        QStringLiteral("prefers short sessions"), {}, {}, {}, {}));
    QCOMPARE(reg.count(), before + 1);
    QVERIFY(QRegularExpression(QStringLiteral("^LC-\\d{3}$")).match(reg.lastEnrolledCode()).hasMatch());
    const int row = model->indexOfCode(reg.lastEnrolledCode());
    QVERIFY(row >= 0);
    const QModelIndex index = model->index(row);
    QCOMPARE(index.data(ParticipantsModel::CategoryRole).toString(), QStringLiteral("Family member"));
    QCOMPARE(index.data(ParticipantsModel::AgeBandRole).toString(), QStringLiteral("18–64 years"));
    QCOMPARE(index.data(ParticipantsModel::ConsentSummaryRole).toString(), QStringLiteral("No consent yet"));
    QCOMPARE(index.data(ParticipantsModel::CollectionAllowedRole).toBool(), false);

    // A category and age band that cannot go together are refused with a reason.
    QVERIFY(!reg.enrol(QStringLiteral("staff"), QStringLiteral("0-14"), {}, true, {}, {}, {}, {}, {}));
    QVERIFY(reg.errorString().contains(QStringLiteral("staff")));
    QCOMPARE(reg.count(), before + 1);
}

void TestUiConsent::identityGoesOnlyIntoTheVault()
{
    ParticipantRegister &reg = services().participants();
    QVERIFY(!reg.vaultAvailable());
    QVERIFY(reg.canCreateVault());
    QCOMPARE(reg.vaultStatusText(), domain::vaultRefusalText(domain::VaultRefusal::NotCreated));
    const int before = reg.count();

    // Without the vault, a name is never stored anywhere: nothing is enrolled.
    QVERIFY(!reg.enrol(QStringLiteral("patient"), QStringLiteral("65+"), {}, true, {},
        QStringLiteral("Astrid Ek"), {}, {}, {}));
    QVERIFY(reg.errorString().contains(QStringLiteral("cannot be stored on this device")));
    QCOMPARE(reg.count(), before);

    QVERIFY(reg.createVault());
    QVERIFY(reg.vaultAvailable());
    QVERIFY(reg.enrol(QStringLiteral("patient"), QStringLiteral("65+"), {}, true, {},
        QStringLiteral("Astrid Ek"), QStringLiteral("070-123 45 67"), QStringLiteral("1948-03-02"), {}));
    QCOMPARE(reg.count(), before + 1);
    const QString id = reg.lastEnrolledId();

    // The identity is in the vault, and the participants list shows only the code.
    store::LocalStore *store = services().session().store();
    auto vault = domain::IdentityVault::open(*store, services().clock());
    QVERIFY(vault.ok());
    auto identity = vault.vault->lookup(id, domain::LookupPurpose::DataManagement);
    QVERIFY(identity.ok());
    QCOMPARE(identity->name, QStringLiteral("Astrid Ek"));
    ParticipantsModel *model = reg.participants();
    for (int row = 0; row < model->rowCount(); ++row) {
        for (int role : model->roleNames().keys())
            QVERIFY(!model->index(row).data(role).toString().contains(QStringLiteral("Astrid")));
    }
}

void TestUiConsent::flowNeedsReadingAndRequiredItems()
{
    const QString id = enrolPatient();
    ConsentFlow &flow = services().consentFlow();
    QVERIFY(flow.start(id));
    QCOMPARE(flow.suggestedRoute(), ConsentFlow::Self);
    QVERIFY(!flow.formChoices().isEmpty());
    QVERIFY(!flow.information().isEmpty());

    // Who takes consent must be known before the information is shown.
    QCOMPARE(flow.setupProblem(), domain::captureProblemText(domain::CaptureProblem::ObtainedByMissing));
    flow.setObtainedBy(QStringLiteral("AL"));
    QVERIFY(flow.setupProblem().isEmpty());

    // Nothing can be answered before the information has been read to its end.
    QVERIFY(!flow.informationRead());
    QVERIFY(!flow.readProblem().isEmpty());
    QVERIFY(!flow.setAnswer(QStringLiteral("observation"), true));
    QCOMPARE(flow.items()->answer(QStringLiteral("observation")), ConsentItemsModel::Unanswered);
    flow.markInformationRead();
    QVERIFY(flow.informationRead());

    QCOMPARE(flow.answersProblem(), domain::captureProblemText(domain::CaptureProblem::AnswersIncomplete));
    answerAll(flow, { QStringLiteral("observation") });
    QVERIFY(flow.answersProblem().contains(QStringLiteral("Observation")));
    QVERIFY(!flow.submit(nullptr)); // enforced here too, not only by the view
    QVERIFY(flow.setAnswer(QStringLiteral("observation"), true));
    QVERIFY(flow.answersProblem().isEmpty());

    // Another language is another text: reading and answering start again.
    QCOMPARE(flow.language(), QStringLiteral("en"));
    flow.setLanguage(QStringLiteral("sv"));
    QVERIFY(!flow.informationRead());
    QCOMPARE(flow.items()->answer(QStringLiteral("observation")), ConsentItemsModel::Unanswered);
    // What the participant reads around the form follows the form's language, not the app's.
    QCOMPARE(services().settings().language(), QStringLiteral("en"));
    QCOMPARE(flow.readerTexts().value(QStringLiteral("agree")).toString(), QStringLiteral("Jag samtycker"));
    QCOMPARE(flow.readerTexts().value(QStringLiteral("yes")).toString(), QStringLiteral("Ja"));
    flow.setLanguage(QStringLiteral("en"));
    QCOMPARE(flow.readerTexts().value(QStringLiteral("agree")).toString(), QStringLiteral("I agree"));
    flow.reset();
}

void TestUiConsent::signatureIsRequiredAndStoredEncrypted()
{
    const QString id = enrolPatient();
    ConsentFlow &flow = services().consentFlow();
    QVERIFY(flow.start(id));
    flow.setObtainedBy(QStringLiteral("AL"));
    flow.markInformationRead();
    answerAll(flow, { QStringLiteral("audio") });

    QQuickWindow window;
    window.resize(400, 200);
    SignaturePad pad(window.contentItem());
    pad.setSize(QSizeF(400, 200));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // Unsigned: refused, with the reason in words.
    QVERIFY(pad.isEmpty());
    QVERIFY(!flow.submit(&pad));
    QCOMPARE(flow.errorString(), domain::captureProblemText(domain::CaptureProblem::SignatureMissing));
    QVERIFY(!flow.certified());

    QTest::mousePress(&window, Qt::LeftButton, {}, QPoint(40, 120));
    for (int x = 50; x <= 300; x += 10)
        QTest::mouseMove(&window, QPoint(x, 120 - (x % 60)));
    QTest::mouseRelease(&window, Qt::LeftButton, {}, QPoint(300, 100));
    QVERIFY(!pad.isEmpty());
    QVERIFY(hasInk(pad.image()));

    QVERIFY2(flow.submit(&pad), qPrintable(flow.errorString()));
    QVERIFY(flow.certified());
    QVERIFY(flow.certPdfStored());
    QCOMPARE(flow.certHash().size(), 64);
    QVERIFY(pad.isEmpty()); // the pad is cleared for the next person

    // The stored event carries the signature, encrypted; decrypted it is the drawing.
    store::LocalStore *store = services().session().store();
    domain::ConsentLog log(*store, services().clock());
    auto event = log.event(flow.certEventId());
    QVERIFY(event.ok());
    QVERIFY(event->signature.has_value());
    auto png = log.signaturePng(event.value());
    QVERIFY(png.ok());
    QBuffer buffer(&png.value());
    const QImage stored = QImageReader(&buffer, "png").read();
    QCOMPARE(stored.size(), QSize(400, 200));
    QVERIFY(hasInk(stored));
    QVERIFY(flow.certSignature().startsWith(QStringLiteral("data:image/png;base64,")));

    // The certification lists every answer as given.
    const QVariantList answers = flow.certAnswers();
    QCOMPARE(answers.size(), flow.items()->rowCount());
    int declined = 0;
    for (const QVariant &a : answers)
        declined += a.toMap().value(QStringLiteral("agreed")).toBool() ? 0 : 1;
    QCOMPARE(declined, 1);
}

void TestUiConsent::verbalConsentNeedsAWitness()
{
    const QString id = enrolPatient();
    ConsentFlow &flow = services().consentFlow();
    QVERIFY(flow.start(id));
    flow.setObtainedBy(QStringLiteral("AL"));
    flow.setRoute(ConsentFlow::Verbal);
    QVERIFY(!flow.needsSignature());
    QCOMPARE(flow.setupProblem(), domain::captureProblemText(domain::CaptureProblem::WitnessMissing));
    flow.setWitness(QStringLiteral("Nurse KB"));
    QVERIFY(flow.setupProblem().isEmpty());
    flow.markInformationRead();
    answerAll(flow);
    QVERIFY2(flow.submit(nullptr), qPrintable(flow.errorString()));
    QCOMPARE(flow.certMethod(), QStringLiteral("Verbal, with a witness"));
    QVERIFY(flow.certSignature().isEmpty());
}

void TestUiConsent::recheckDissentAndWithdrawalFollowThePolicy()
{
    // A participant with consent in place.
    const QString id = enrolPatient();
    ConsentFlow &flow = services().consentFlow();
    QVERIFY(flow.start(id));
    flow.setObtainedBy(QStringLiteral("AL"));
    flow.setRoute(ConsentFlow::Verbal);
    flow.setWitness(QStringLiteral("KB"));
    flow.markInformationRead();
    answerAll(flow);
    QVERIFY(flow.submit(nullptr));

    ParticipantConsent &person = services().participantConsent();
    QVERIFY(person.open(id));
    QVERIFY(person.summary().startsWith(QStringLiteral("Consent in place")));
    QVERIFY(person.reminder().isEmpty());

    QVERIFY(person.recheck(ParticipantConsent::Hesitant));
    QCOMPARE(person.reminder(), domain::recheckWhyText(domain::RecheckWhy::Hesitant));
    QVERIFY(person.recheck(ParticipantConsent::Confirmed));
    QVERIFY(person.reminder().isEmpty());

    QVERIFY(person.dissent());
    QVERIFY(person.summary().startsWith(QStringLiteral("Objected")));
    QVERIFY(!person.messageIsError());
    ActivityStatesModel *activities = person.activities();
    QCOMPARE(activities->index(0).data(ActivityStatesModel::ReasonRole).toString(),
        domain::reasonText(domain::Reason::Dissent));

    // The café keeps data on withdrawal: erasing is refused, with the policy as the reason.
    QVERIFY(!person.erasureAllowed());
    QVERIFY(!person.withdraw(ParticipantConsent::RemoveExistingData));
    QVERIFY(person.messageIsError());
    QCOMPARE(person.message(), domain::captureProblemText(domain::CaptureProblem::EraseNotAllowedByPolicy));
    QVERIFY(!person.withdrawn());
    QVERIFY(person.withdraw(ParticipantConsent::NoNewData));
    QVERIFY(person.withdrawn());
    QVERIFY(person.summary().startsWith(QStringLiteral("Withdrawn")));

    // Consent again after withdrawal must name the withdrawal: the flow asks first.
    QVERIFY(flow.start(id));
    QVERIFY(flow.withdrawn());
    flow.setObtainedBy(QStringLiteral("AL"));
    QCOMPARE(
        flow.setupProblem(), domain::captureProblemText(domain::CaptureProblem::WithdrawnNeedsReinstatement));
    flow.setRejoining(true);
    QVERIFY(flow.setupProblem().isEmpty());
    flow.reset();
}

void TestUiConsent::timelineAndActivitiesPassTheTester()
{
    const QString id = enrolPatient();
    ParticipantConsent &person = services().participantConsent();
    QAbstractItemModelTester timelineTester(
        person.timeline(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester activityTester(
        person.activities(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(person.open(id));
    QCOMPARE(person.timeline()->rowCount(), 0);
    QCOMPARE(person.activities()->rowCount(), 8);
    // The six kinds of collection come first, each refused for want of consent.
    for (int row = 0; row < 6; ++row) {
        const QModelIndex index = person.activities()->index(row);
        QVERIFY(!index.data(ActivityStatesModel::AllowedRole).toBool());
        QCOMPARE(index.data(ActivityStatesModel::ReasonRole).toString(),
            domain::reasonText(domain::Reason::NoConsent));
    }
    QVERIFY(person.pause());
    QVERIFY(person.paused());
    // Events in the same millisecond put restrictions last; a person never taps that fast.
    QTest::qWait(5);
    QVERIFY(person.resume());
    QVERIFY(!person.paused());
    QCOMPARE(person.timeline()->rowCount(), 2);
    const QModelIndex first = person.timeline()->index(0);
    QCOMPARE(first.data(ConsentTimelineModel::TypeRole).toString(), QStringLiteral("Paused"));
    QVERIFY(first.data(ConsentTimelineModel::RestrictionRole).toBool());
    QVERIFY(!first.data(ConsentTimelineModel::WhenRole).toString().isEmpty());
}

void TestUiConsent::fhirExportWritesAFileOrSaysWhy()
{
    const QString id = enrolPatient();
    ParticipantConsent &person = services().participantConsent();
    QVERIFY(person.open(id));
    QVERIFY(person.dissent());

    QTemporaryDir exports;
    person.setExportDirectory(exports.path());
    QVERIFY(person.exportFhir());
    QVERIFY(!person.messageIsError());
    QVERIFY(person.message().contains(person.lastExportPath()));
    QFile file(person.lastExportPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject bundle = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(bundle.value(QStringLiteral("resourceType")).toString(), QStringLiteral("Bundle"));
    QVERIFY(!bundle.value(QStringLiteral("entry")).toArray().isEmpty());

    // A folder that cannot be created: an error that says where and what to do.
    QFile blocker(exports.filePath(QStringLiteral("not-a-folder")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    person.setExportDirectory(exports.filePath(QStringLiteral("not-a-folder/inside")));
    QVERIFY(!person.exportFhir());
    QVERIFY(person.messageIsError());
    QVERIFY(person.message().contains(QStringLiteral("could not be saved")));
}

void TestUiConsent::lapsedConsentIsRemindedInTheListAndTheTimeline()
{
    // Consent taken 200 days ago; the café asks for it again every 180 days.
    const QString id = enrolPatient();
    ParticipantRegister &reg = services().participants();
    const QString code = reg.lastEnrolledCode();
    store::LocalStore *store = services().session().store();
    auto forms = domain::ConsentForms(store->records()).forms(services().session().projectId());
    QVERIFY(forms.ok() && !forms->isEmpty());
    domain::ConsentCapture capture;
    capture.participantId = id;
    capture.formVersionId = forms->constFirst().id;
    capture.language = QStringLiteral("en");
    for (const auto &item : forms->constFirst().content.items)
        capture.answers.insert(item.id, true);
    capture.method = domain::ConsentMethod::VerbalWithWitness;
    capture.witness = QStringLiteral("KB");
    capture.obtainedBy = QStringLiteral("AL");
    capture.effectiveMs = services().clock().nowMs() - 200LL * 24 * 60 * 60 * 1000;
    QVERIFY(domain::ConsentLog(*store, services().clock()).takeConsent(capture).ok());

    reg.refresh();
    QVERIFY2(reg.reconsentDueText().contains(code + QStringLiteral(" (overdue)")),
        qPrintable(reg.reconsentDueText()));
    ParticipantConsent &person = services().participantConsent();
    QVERIFY(person.open(id));
    QCOMPARE(person.summary(), QStringLiteral("Re-consent due"));
    const QModelIndex row = reg.participants()->index(reg.participants()->indexOfCode(code));
    QVERIFY(!row.data(ParticipantsModel::CollectionAllowedRole).toBool());
    QVERIFY(person.reminder().startsWith(domain::recheckWhyText(domain::RecheckWhy::Lapsed)));
    QCOMPARE(person.activities()->index(0).data(ActivityStatesModel::ReasonRole).toString(),
        domain::reasonText(domain::Reason::Expired));

    // A confirmed re-check renews it: no reminder, and off the list.
    QVERIFY(person.recheck(ParticipantConsent::Confirmed));
    QVERIFY(person.reminder().isEmpty());
    QVERIFY(person.activities()->index(0).data(ActivityStatesModel::AllowedRole).toBool());
    QVERIFY(!reg.reconsentDueText().contains(code));
}

void TestUiConsent::refusalsAreShownInSwedish()
{
    const QString id = enrolPatient();
    ParticipantConsent &person = services().participantConsent();
    QVERIFY(person.open(id));
    services().settings().setLanguage(QStringLiteral("sv"));
    const QString reason = person.activities()->index(0).data(ActivityStatesModel::ReasonRole).toString();
    QCOMPARE(reason, domain::reasonText(domain::Reason::NoConsent));
    QVERIFY2(reason.startsWith(QStringLiteral("Deltagaren")), qPrintable(reason));
    QCOMPARE(person.summary(), QStringLiteral("Inget samtycke än"));
    services().settings().setLanguage(QStringLiteral("en"));
    QCOMPARE(person.summary(), QStringLiteral("No consent yet"));
}

void TestUiConsent::lockDropsTheHalfTakenConsent()
{
    const QString id = enrolPatient();
    ConsentFlow &flow = services().consentFlow();
    QVERIFY(flow.start(id));
    flow.setObtainedBy(QStringLiteral("AL"));
    flow.markInformationRead();
    answerAll(flow);
    services().navigator().push(QStringLiteral("participants"));
    services().navigator().push(QStringLiteral("consentItems"));
    services().session().lock();
    QVERIFY(flow.participantId().isEmpty());
    QCOMPARE(flow.items()->rowCount(), 0);
    QVERIFY(!flow.informationRead());
    QCOMPARE(services().navigator().screen(), QStringLiteral("participants"));
    QCOMPARE(services().participants().count(), 0);
}

QTEST_MAIN(TestUiConsent)

#include "tst_ui_consent.moc"
