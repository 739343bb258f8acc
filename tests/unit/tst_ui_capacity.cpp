// Gillick and capacity guidance in the consent flow: which guidance a child or
// an adult lacking capacity gets, that the competence assessment is asked for,
// and that it is recorded in the consent event (and decides the route after).
#include "app/domain/consentgate.h"
#include "app/domain/consentlog.h"
#include "app/domain/consentstate.h"
#include "app/domain/notes.h"
#include "app/domain/participants.h"
#include "app/domain/projects.h"
#include "app/store/localstore.h"
#include "app/ui/appmodes.h"
#include "app/ui/appservices.h"
#include "app/ui/appsettings.h"
#include "app/ui/consentflow.h"
#include "app/ui/consentmodels.h"
#include "app/ui/participantregister.h"
#include "app/ui/session.h"
#include "app/ui/signaturepad.h"
#include "platform/crypto/crypto.h"

#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>

using namespace samla;
using namespace samla::ui;

namespace {

const QString kPassphrase = QStringLiteral("blue tractor umbrella 42");

} // namespace

class TestUiCapacity : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<AppServices> m_services;

    AppServices &services() { return *m_services; }

    // Switches to the demo project with this code prefix (PW: England, LC: Sweden).
    bool useProject(const QString &prefix)
    {
        auto all = domain::Projects(services().session().store()->records()).list();
        if (!all.ok())
            return false;
        for (const domain::Project &p : all.value()) {
            if (p.settings.codePrefix == prefix)
                return p.id == services().session().projectId() || services().session().switchProject(p.id);
        }
        return false;
    }

    QString enrol(const char *category, const char *band, bool understands)
    {
        ParticipantRegister &reg = services().participants();
        if (!reg.enrol(QLatin1String(category), QLatin1String(band), {}, understands, {}, {}, {}, {}, {}))
            return {};
        return reg.lastEnrolledId();
    }

    void answerAll(ConsentFlow &flow)
    {
        flow.markInformationRead();
        for (const auto &item : flow.items()->items())
            QVERIFY(flow.setAnswer(item.id, true));
        QCOMPARE(flow.answersProblem(), QString());
    }

    QList<domain::ConsentEvent> eventsOf(const QString &participantId)
    {
        return domain::ConsentLog(*services().session().store(), services().clock()).events(participantId).value();
    }

    domain::ConsentRoute routeOf(const QString &participantId)
    {
        store::LocalStore *store = services().session().store();
        auto p = domain::Participants(store->records()).get(participantId);
        return domain::consentRouteFor(services().session().project().settings.jurisdictionFor(p->profile.siteId),
            p->profile);
    }

private slots:
    void initTestCase()
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
        // The ward (England) and the care network beside the café (Sweden).
        store::LocalStore *store = services().session().store();
        domain::Notes notes(store->records());
        QVERIFY(domain::Projects(store->records()).seedDemoCaseStudies(notes).ok());
    }

    void anEnglishChildNeedsAGillickAssessmentAndItIsRecorded()
    {
        QVERIFY(useProject(QStringLiteral("PW")));
        const QString id = enrol("child_or_adolescent", "0-14", true);
        QVERIFY(!id.isEmpty());
        QCOMPARE(routeOf(id), domain::ConsentRoute::GuardianAndChild);

        ConsentFlow &flow = services().consentFlow();
        QVERIFY(flow.start(id));
        QCOMPARE(flow.capacityCheck(), ConsentFlow::GillickCheck);
        QVERIFY(flow.assessmentRequired());
        QVERIFY(flow.capacityGuidance().contains(QStringLiteral("risks and benefits")));
        QVERIFY(flow.capacityGuidance().contains(QStringLiteral("say no")));
        flow.setObtainedBy(QStringLiteral("JH"));
        // Nothing is shown to the child before the assessment is recorded.
        QVERIFY(flow.setupProblem().contains(QStringLiteral("Gillick competent")));

        // The child's own consent, assessed as competent.
        flow.setRoute(ConsentFlow::Verbal);
        flow.setWitness(QStringLiteral("RN"));
        flow.setAssessment(1);
        flow.setAssessmentNote(QStringLiteral("Told the study back in own words; knows she can stop"));
        QCOMPARE(flow.setupProblem(), QString());
        answerAll(flow);
        QVERIFY2(flow.submit(nullptr), qPrintable(flow.errorString()));

        const QList<domain::ConsentEvent> events = eventsOf(id);
        QCOMPARE(events.size(), 1);
        QVERIFY(events.first().capacity.has_value());
        QCOMPARE(events.first().capacity->test, domain::CapacityTest::Gillick);
        QCOMPARE(events.first().capacity->competent, true);
        QCOMPARE(events.first().capacity->note, QStringLiteral("Told the study back in own words; knows she can stop"));
        // The timeline a DPO reads says so.
        QVERIFY(ConsentTimelineModel::details(events.first()).contains(QStringLiteral("Assessed as Gillick competent")));
        QCOMPARE(routeOf(id), domain::ConsentRoute::GuardianAndChild);
    }

    void aChildFoundNotCompetentCannotConsentAloneAndMovesToAssent()
    {
        QVERIFY(useProject(QStringLiteral("PW")));
        const QString id = enrol("child_or_adolescent", "15", true);
        QCOMPARE(routeOf(id), domain::ConsentRoute::GuardianAndChild);
        ConsentFlow &flow = services().consentFlow();
        QVERIFY(flow.start(id));
        flow.setObtainedBy(QStringLiteral("JH"));
        flow.setAssessment(0);
        flow.setAssessmentNote(QStringLiteral("Could not say what the study involves"));
        // The child's own consent is refused once they were found not competent.
        flow.setRoute(ConsentFlow::Self);
        QVERIFY(flow.setupProblem().contains(QStringLiteral("cannot consent for themselves")));
        flow.setRoute(ConsentFlow::Verbal);
        flow.setWitness(QStringLiteral("RN"));
        QVERIFY(flow.setupProblem().contains(QStringLiteral("cannot consent for themselves")));
        QVERIFY(!flow.submit(nullptr));
        QVERIFY(eventsOf(id).isEmpty());

        // A parent consents, signing; the assessment goes into the parent's consent event.
        flow.setRoute(ConsentFlow::Guardian);
        QCOMPARE(flow.setupProblem(), QString());
        flow.setChildAssent(true);
        answerAll(flow);
        QQuickWindow window;
        window.resize(400, 200);
        SignaturePad pad(window.contentItem());
        pad.setSize(QSizeF(400, 200));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::mousePress(&window, Qt::LeftButton, {}, QPoint(40, 120));
        for (int x = 50; x <= 300; x += 10)
            QTest::mouseMove(&window, QPoint(x, 120 - (x % 60)));
        QTest::mouseRelease(&window, Qt::LeftButton, {}, QPoint(300, 100));
        QVERIFY2(flow.submit(&pad), qPrintable(flow.errorString()));

        const QList<domain::ConsentEvent> events = eventsOf(id);
        QCOMPARE(events.size(), 2);   // the parent's consent and the child's assent
        const domain::ConsentEvent &guardian
            = events.first().type == domain::ConsentEventType::GuardianConsent ? events.first() : events.last();
        QCOMPARE(guardian.type, domain::ConsentEventType::GuardianConsent);
        QVERIFY(guardian.capacity.has_value());
        QCOMPARE(guardian.capacity->test, domain::CapacityTest::Gillick);
        QCOMPARE(guardian.capacity->competent, false);
        QCOMPARE(guardian.capacity->note, QStringLiteral("Could not say what the study involves"));
        // From now on the parent's consent with the child's assent is the route, and it stands.
        QCOMPARE(routeOf(id), domain::ConsentRoute::GuardianWithAssent);
        QVERIFY(!domain::Participants(services().session().store()->records()).get(id)->profile.understandsConsent);
        auto derived = domain::deriveConsentFor(services().session().store()->records(), id, services().clock().nowMs());
        QVERIFY(derived.ok());
        QVERIFY(derived->state.forActivity(domain::Activity::Observation).allowed);
    }

    void aSwedishSixteenYearOldIsAskedWhetherTheyUnderstand()
    {
        QVERIFY(useProject(QStringLiteral("LC")));
        const QString id = enrol("child_or_adolescent", "16-17", true);
        QCOMPARE(routeOf(id), domain::ConsentRoute::Self);
        ConsentFlow &flow = services().consentFlow();
        QVERIFY(flow.start(id));
        QCOMPARE(flow.capacityCheck(), ConsentFlow::UnderstandingCheck);
        QVERIFY(flow.assessmentRequired());
        QVERIFY(flow.capacityGuidance().contains(QStringLiteral("voluntary")));
        flow.setObtainedBy(QStringLiteral("AL"));
        QVERIFY(flow.setupProblem().contains(QStringLiteral("understand what consent means")));
        flow.setRoute(ConsentFlow::Verbal);
        flow.setWitness(QStringLiteral("KB"));
        flow.setAssessment(1);
        QCOMPARE(flow.setupProblem(), QString());
        answerAll(flow);
        QVERIFY2(flow.submit(nullptr), qPrintable(flow.errorString()));
        const auto events = eventsOf(id);
        QCOMPARE(events.size(), 1);
        QVERIFY(events.first().capacity.has_value());
        QCOMPARE(events.first().capacity->test, domain::CapacityTest::Understanding);
        QVERIFY(events.first().capacity->competent);
    }

    void adultsGetNoChildAssessmentButTheConsulteeGuidance()
    {
        QVERIFY(useProject(QStringLiteral("PW")));
        ConsentFlow &flow = services().consentFlow();
        const QString adult = enrol("patient", "18-64", true);
        QVERIFY(flow.start(adult));
        QCOMPARE(flow.capacityCheck(), ConsentFlow::NoCheck);
        QVERIFY(!flow.assessmentRequired());
        QCOMPARE(flow.capacityGuidance(), QString());
        flow.setAssessment(1);   // ignored: there is nothing to assess here
        QCOMPARE(flow.assessment(), -1);

        const QString lacking = enrol("patient", "65+", false);
        QVERIFY(flow.start(lacking));
        QCOMPARE(flow.capacityCheck(), ConsentFlow::ConsulteeGuidance);
        QVERIFY(!flow.assessmentRequired());
        QVERIFY(flow.capacityGuidance().contains(QStringLiteral("personal consultee")));
        QVERIFY(flow.capacityGuidance().contains(QStringLiteral("would not want to take part")));
    }

    // An adult who cannot consent: the guidance follows the law of the participant's site.
    void theAdultLackingCapacityGuidanceFollowsTheJurisdiction()
    {
        ConsentFlow &flow = services().consentFlow();
        // The ward is under English rules: the Mental Capacity Act and a consultee.
        QVERIFY(useProject(QStringLiteral("PW")));
        const QString english = enrol("patient", "65+", false);
        QVERIFY(flow.start(english));
        QCOMPARE(flow.capacityCheck(), ConsentFlow::ConsulteeGuidance);
        QVERIFY(flow.capacityGuidance().contains(QStringLiteral("Mental Capacity Act")));
        QVERIFY(!flow.capacityGuidance().contains(QStringLiteral("2003:460")));
        QVERIFY(flow.adviceAgainstText().contains(QStringLiteral("consultee")));

        // The café is under Swedish rules: the Ethical Review Act, relatives and a guardian.
        QVERIFY(useProject(QStringLiteral("LC")));
        const QString swedish = enrol("patient", "65+", false);
        QVERIFY(flow.start(swedish));
        QCOMPARE(flow.capacityCheck(), ConsentFlow::ConsulteeGuidance);
        const QString guidance = flow.capacityGuidance();
        QVERIFY2(!guidance.contains(QStringLiteral("Mental Capacity Act")), qPrintable(guidance));
        QVERIFY(guidance.contains(QStringLiteral("Ethical Review Act (2003:460), 22 §")));
        QVERIFY(guidance.contains(QStringLiteral("ethical approval covers it")));
        QVERIFY(guidance.contains(QStringLiteral("closest relatives")));
        QVERIFY(guidance.contains(QStringLiteral("god man or förvaltare")));
        QVERIFY(guidance.contains(QStringLiteral("do not want to take part")));
        QVERIFY(flow.capacityQuestion().contains(QStringLiteral("22 §")));
        QVERIFY(!flow.routeExplanation().contains(QStringLiteral("consultee")));
        QVERIFY(flow.routeExplanation().contains(QStringLiteral("closest relatives")));
        QVERIFY(!flow.adviceAgainstText().contains(QStringLiteral("consultee")));

        // And in Swedish, in Swedish words.
        services().settings().setLanguage(QStringLiteral("sv"));
        const QString svGuidance = flow.capacityGuidance();
        const QString svButton = flow.adviceAgainstText();
        services().settings().setLanguage(QStringLiteral("en"));
        QVERIFY2(svGuidance.contains(QStringLiteral("etikprövningslagen (2003:460)")), qPrintable(svGuidance));
        QVERIFY(svGuidance.contains(QStringLiteral("närmaste anhöriga")));
        QVERIFY(!svButton.isEmpty() && svButton != flow.adviceAgainstText());
    }

    void guidanceIsInSwedish()
    {
        QVERIFY(useProject(QStringLiteral("PW")));
        const QString id = enrol("child_or_adolescent", "0-14", true);
        ConsentFlow &flow = services().consentFlow();
        QVERIFY(flow.start(id));
        services().settings().setLanguage(QStringLiteral("sv"));
        const QString guidance = flow.capacityGuidance();
        const QString question = flow.capacityQuestion();
        services().settings().setLanguage(QStringLiteral("en"));
        QVERIFY(guidance.contains(QStringLiteral("Gillick")));
        QVERIFY(!guidance.contains(QStringLiteral("risks and benefits")));
        QVERIFY(question.contains(QStringLiteral("Gillick")));
        QVERIFY(!question.startsWith(QStringLiteral("Is the child")));
    }
};

QTEST_MAIN(TestUiCapacity)
#include "tst_ui_capacity.moc"
