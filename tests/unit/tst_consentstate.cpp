// Consent derivation: every event type, ordering ties, withdrawal against concurrent grants,
// expiry and re-affirmation, and the capacity and child routes for Sweden and England.
#include "app/domain/consentstate.h"

#include <QTest>

#include <algorithm>

using namespace samla;
using namespace samla::domain;

namespace {

constexpr std::int64_t kBase = 1'750'000'000'000;
constexpr std::int64_t kDay = 24LL * 60 * 60 * 1000;

// A small script language so each table row reads like what happened:
//   type@day[#hlc][/device][:args]; …
// types: consent, guardian, consultee (args for|against), assent, recheck
// (confirmed|hesitant|dissent), dissent, pause, resume, withdraw (scope key),
// rejoin (a consent naming every earlier withdrawal), rejoin-last (naming only
// the latest). Answer args for consent/guardian/consultee-for/rejoin: "all",
// or a comma list of "-item" (declined) and "!item" (not on the form). Every
// activity is an item named by its key; observation is required.
QList<ConsentEvent> parseScript(const QString &script)
{
    QList<ConsentEvent> out;
    QStringList withdrawals;
    int index = 0;
    for (QString token : script.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        token = token.trimmed();
        ConsentEvent e;
        e.id = QStringLiteral("e%1").arg(++index);
        QString args;
        if (const int colon = token.indexOf(QLatin1Char(':')); colon >= 0) {
            args = token.mid(colon + 1);
            token = token.left(colon);
        }
        QByteArray device(16, 'a');
        if (const int slash = token.indexOf(QLatin1Char('/')); slash >= 0) {
            device.fill(token.at(slash + 1).toLatin1());
            token = token.left(slash);
        }
        std::int64_t hlcMs = kBase + index;   // by default HLC follows arrival order
        if (const int hash = token.indexOf(QLatin1Char('#')); hash >= 0) {
            hlcMs = kBase + token.mid(hash + 1).toLongLong();
            token = token.left(hash);
        }
        const int at = token.indexOf(QLatin1Char('@'));
        const QString type = token.left(at);
        e.effectiveMs = kBase + token.mid(at + 1).toLongLong() * kDay;
        e.hlc = protocol::HlcStamp{hlcMs, 0, device};

        bool answers = false;
        if (type == QLatin1String("consent") || type == QLatin1String("rejoin") || type == QLatin1String("rejoin-last")) {
            e.type = ConsentEventType::ConsentGiven;
            answers = true;
            if (type == QLatin1String("rejoin"))
                e.reinstates = withdrawals;
            else if (type == QLatin1String("rejoin-last") && !withdrawals.isEmpty())
                e.reinstates = {withdrawals.last()};
        } else if (type == QLatin1String("guardian")) {
            e.type = ConsentEventType::GuardianConsent;
            answers = true;
        } else if (type == QLatin1String("consultee")) {
            e.type = ConsentEventType::ConsulteeAdvice;
            e.advice = args.startsWith(QLatin1String("against")) ? ConsulteeOpinion::Against : ConsulteeOpinion::For;
            answers = e.advice == ConsulteeOpinion::For;
            args = args.mid(args.indexOf(QLatin1Char(',')) + 1);
            if (!args.contains(QLatin1Char('-')) && !args.contains(QLatin1Char('!')))
                args = QStringLiteral("all");
        } else if (type == QLatin1String("assent")) {
            e.type = ConsentEventType::Assent;
        } else if (type == QLatin1String("recheck")) {
            e.type = ConsentEventType::Recheck;
            e.outcome = args == QLatin1String("confirmed") ? RecheckOutcome::Confirmed
                        : args == QLatin1String("hesitant") ? RecheckOutcome::Hesitant
                                                            : RecheckOutcome::DissentObserved;
        } else if (type == QLatin1String("dissent")) {
            e.type = ConsentEventType::Dissent;
        } else if (type == QLatin1String("pause")) {
            e.type = ConsentEventType::Pause;
        } else if (type == QLatin1String("resume")) {
            e.type = ConsentEventType::Resume;
        } else if (type == QLatin1String("withdraw")) {
            e.type = ConsentEventType::Withdrawal;
            e.scope = withdrawalScopeFromKey(args).value();
            withdrawals << e.id;
        } else {
            qFatal("unknown event type in script: %s", qPrintable(type));
        }
        if (answers) {
            const QStringList changes = args.split(QLatin1Char(','), Qt::SkipEmptyParts);
            for (Activity a : kAllActivities) {
                const QString key = activityKey(a);
                if (changes.contains(QLatin1Char('!') + key))
                    continue;
                e.answers.append(ItemAnswer{key, a, a == Activity::Observation, !changes.contains(QLatin1Char('-') + key)});
            }
        }
        out.append(e);
    }
    return out;
}

ParticipantProfile profile(const QString &who)
{
    // "adult", "adult-lacking", "child-<band>[-not-understanding]"
    ParticipantProfile p;
    if (who.startsWith(QLatin1String("adult"))) {
        p.category = ParticipantCategory::Patient;
        p.ageBand = AgeBand::Age18To64;
        p.understandsConsent = !who.endsWith(QLatin1String("lacking"));
        return p;
    }
    p.category = ParticipantCategory::ChildOrAdolescent;
    QString band = who.mid(int(qstrlen("child-")));
    band.remove(QLatin1String("-not-understanding"));
    p.ageBand = ageBandFromKey(band).value_or(AgeBand::Unknown);
    p.understandsConsent = !who.contains(QLatin1String("not-understanding"));
    return p;
}

ConsentState derive(const QList<ConsentEvent> &events, const QString &jurisdiction, const QString &who,
                    int intervalDays, bool assentRequired, int nowDay)
{
    ConsentRules rules;
    rules.jurisdiction = jurisdiction == QLatin1String("england") ? Jurisdiction::England : Jurisdiction::Sweden;
    rules.reconsentIntervalDays = intervalDays;
    rules.childAssentRequired = assentRequired;
    return deriveConsent(events, rules, profile(who), kBase + nowDay * kDay).state;
}

} // namespace

class TestConsentState : public QObject {
    Q_OBJECT

private slots:
    void derivation_data()
    {
        QTest::addColumn<QString>("jurisdiction");
        QTest::addColumn<QString>("who");
        QTest::addColumn<int>("intervalDays");
        QTest::addColumn<bool>("assentRequired");
        QTest::addColumn<QString>("script");
        QTest::addColumn<int>("nowDay");
        QTest::addColumn<QString>("activity");
        QTest::addColumn<QString>("expected");   // "allowed" or a reason key

        auto row = [](const char *name, const char *j, const char *who, int interval, bool assent, const char *script,
                      int now, const char *activity, const char *expected) {
            QTest::newRow(name) << QString::fromLatin1(j) << QString::fromLatin1(who) << interval << assent
                                << QString::fromLatin1(script) << now << QString::fromLatin1(activity)
                                << QString::fromLatin1(expected);
        };
        // Adults with capacity: consent, items, every restriction.
        row("no events", "sweden", "adult", 0, true, "", 1, "diary", "no_consent");
        row("consent", "sweden", "adult", 0, true, "consent@1:all", 2, "diary", "allowed");
        row("audio declined", "sweden", "adult", 0, true, "consent@1:-audio_recording", 2, "audio_recording", "item_declined");
        row("audio declined, interview fine", "sweden", "adult", 0, true, "consent@1:-audio_recording", 2, "interview", "allowed");
        row("required item declined", "sweden", "adult", 0, true, "consent@1:-observation", 2, "interview", "required_item_declined");
        row("not on the form", "sweden", "adult", 0, true, "consent@1:!diary", 2, "diary", "not_in_form");
        row("no new data", "sweden", "adult", 0, true, "consent@1:all; withdraw@3:no_new_data", 4, "diary", "withdrawn");
        row("no new data keeps quotes", "sweden", "adult", 0, true, "consent@1:all; withdraw@3:no_new_data", 4, "quotes", "allowed");
        row("no more contact keeps observation", "england", "adult", 0, true, "consent@1:all; withdraw@3:no_more_contact", 4, "observation", "allowed");
        row("no more contact stops interviews", "england", "adult", 0, true, "consent@1:all; withdraw@3:no_more_contact", 4, "interview", "withdrawn");
        row("no more contact stops future contact", "england", "adult", 0, true, "consent@1:all; withdraw@3:no_more_contact", 4, "future_contact", "withdrawn");
        row("remove existing stops quotes", "sweden", "adult", 0, true, "consent@1:all; withdraw@3:remove_existing_data", 4, "quotes", "withdrawn");
        // Withdrawal always wins over a concurrent or late-arriving earlier grant.
        row("withdrawal vs concurrent grant (grant arrives later)", "sweden", "adult", 0, true, "withdraw@3:no_new_data; consent@3:all", 4, "diary", "withdrawn");
        row("withdrawal vs concurrent grant (grant has the higher HLC)", "sweden", "adult", 0, true, "consent@3#90:all; withdraw@3#10:no_new_data", 4, "diary", "withdrawn");
        row("earlier grant arriving later", "sweden", "adult", 0, true, "consent@1:all; withdraw@5:no_new_data; consent@2#99/z:all", 6, "diary", "withdrawn");
        row("later grant not naming the withdrawal", "sweden", "adult", 0, true, "consent@1:all; withdraw@5:no_new_data; consent@9:all", 10, "diary", "withdrawn");
        row("re-joining names the withdrawal", "sweden", "adult", 0, true, "consent@1:all; withdraw@5:no_new_data; rejoin@9:all", 10, "diary", "allowed");
        row("re-joining must name every withdrawal", "sweden", "adult", 0, true, "consent@1:all; withdraw@3:no_more_contact; withdraw@4:no_new_data; rejoin-last@9:all", 10, "diary", "withdrawn");
        row("re-joining before the withdrawal does nothing", "sweden", "adult", 0, true, "consent@1:all; withdraw@5:no_new_data; rejoin@4:all", 10, "diary", "withdrawn");
        row("recheck does not lift a withdrawal", "sweden", "adult", 0, true, "consent@1:all; withdraw@5:no_new_data; recheck@6:confirmed", 10, "observation", "withdrawn");
        // Dissent, recheck, pause.
        row("dissent", "sweden", "adult", 0, true, "consent@1:all; dissent@3", 4, "observation", "dissent");
        row("dissent stops quotes too", "sweden", "adult", 0, true, "consent@1:all; dissent@3", 4, "quotes", "dissent");
        row("dissent then confirmed recheck", "sweden", "adult", 0, true, "consent@1:all; dissent@3; recheck@4:confirmed", 5, "observation", "allowed");
        row("dissent then new consent", "sweden", "adult", 0, true, "consent@1:all; dissent@3; consent@4:-diary", 5, "diary", "item_declined");
        row("dissent vs concurrent recheck", "sweden", "adult", 0, true, "consent@1:all; recheck@3#50:confirmed; dissent@3#10", 5, "observation", "dissent");
        row("recheck observes dissent", "sweden", "adult", 0, true, "consent@1:all; recheck@3:dissent", 4, "interview", "dissent");
        row("hesitant recheck does not block", "sweden", "adult", 0, true, "consent@1:all; recheck@3:hesitant", 4, "interview", "allowed");
        row("paused", "sweden", "adult", 0, true, "consent@1:all; pause@3", 4, "diary", "paused");
        row("paused keeps quotes", "sweden", "adult", 0, true, "consent@1:all; pause@3", 4, "quotes", "allowed");
        row("resumed", "sweden", "adult", 0, true, "consent@1:all; pause@3; resume@5", 6, "diary", "allowed");
        row("pause vs concurrent resume", "sweden", "adult", 0, true, "consent@1:all; resume@3#90; pause@3#10", 6, "diary", "paused");
        // Ordering ties: effective time, then HLC, then device id.
        row("tie broken by HLC (later says no)", "sweden", "adult", 0, true, "consent@5#2:-audio_recording; consent@5#1:all", 6, "audio_recording", "item_declined");
        row("tie broken by HLC (later says yes)", "sweden", "adult", 0, true, "consent@5#1:-audio_recording; consent@5#2:all", 6, "audio_recording", "allowed");
        row("tie broken by device (b says yes)", "sweden", "adult", 0, true, "consent@5#1/b:all; consent@5#1/a:-audio_recording", 6, "audio_recording", "allowed");
        row("tie broken by device (b says no)", "sweden", "adult", 0, true, "consent@5#1/a:all; consent@5#1/b:-audio_recording", 6, "audio_recording", "item_declined");
        row("effective time beats HLC", "sweden", "adult", 0, true, "consent@6#1:all; consent@5#9:-audio_recording", 7, "audio_recording", "allowed");
        // Time: a grant dated in the future does not count yet; a restriction counts at once.
        row("grant dated after now", "sweden", "adult", 0, true, "consent@5:all", 3, "diary", "no_consent");
        row("grant counts from its time", "sweden", "adult", 0, true, "consent@5:all", 6, "diary", "allowed");
        row("restriction dated after now", "sweden", "adult", 0, true, "consent@1:all; withdraw@9:no_new_data", 3, "diary", "withdrawn");
        // Re-consent interval.
        row("within the interval", "sweden", "adult", 30, true, "consent@0:all", 29, "diary", "allowed");
        row("interval lapsed", "sweden", "adult", 30, true, "consent@0:all", 30, "diary", "expired");
        row("lapsed consent keeps quotes", "sweden", "adult", 30, true, "consent@0:all", 31, "quotes", "allowed");
        row("re-affirmed by recheck", "sweden", "adult", 30, true, "consent@0:all; recheck@20:confirmed", 45, "diary", "allowed");
        row("re-affirmed recheck lapses too", "sweden", "adult", 30, true, "consent@0:all; recheck@20:confirmed", 50, "diary", "expired");
        row("hesitant does not re-affirm", "sweden", "adult", 30, true, "consent@0:all; recheck@20:hesitant", 31, "diary", "expired");
        row("re-affirmed by new consent", "sweden", "adult", 30, true, "consent@0:all; consent@25:all", 40, "diary", "allowed");
        // Adults lacking capacity: consultee route (both jurisdictions).
        row("lacking capacity, no advice", "england", "adult-lacking", 0, true, "", 1, "observation", "consultee_advice_missing");
        row("lacking capacity, own consent is not enough", "england", "adult-lacking", 0, true, "consent@1:all", 2, "observation", "consultee_advice_missing");
        row("consultee advises for", "england", "adult-lacking", 0, true, "consultee@1:for", 2, "observation", "allowed");
        row("consultee advises for, audio declined", "england", "adult-lacking", 0, true, "consultee@1:for,-audio_recording", 2, "audio_recording", "item_declined");
        row("consultee advises against", "england", "adult-lacking", 0, true, "consultee@1:against", 2, "observation", "consultee_advised_against");
        row("consultee for and against at once", "england", "adult-lacking", 0, true, "consultee@1#9:for; consultee@1#1:against", 2, "observation", "consultee_advised_against");
        row("consultee changes view later", "sweden", "adult-lacking", 0, true, "consultee@1:against; consultee@3:for", 4, "observation", "allowed");
        row("objection withdraws (MCA)", "england", "adult-lacking", 0, true, "consultee@1:for; dissent@5", 6, "observation", "withdrawn");
        row("objection is not lifted by a recheck", "england", "adult-lacking", 0, true, "consultee@1:for; dissent@5; recheck@6:confirmed", 7, "observation", "withdrawn");
        row("objection keeps retained quotes", "england", "adult-lacking", 0, true, "consultee@1:for; dissent@5", 6, "quotes", "allowed");
        // Children, Sweden: under 15 the guardian consents and the child's wishes are respected.
        row("SE under 15: guardian only", "sweden", "child-0-14", 0, true, "guardian@1:all", 2, "diary", "assent_missing");
        row("SE under 15: guardian and assent", "sweden", "child-0-14", 0, true, "guardian@1:all; assent@1", 2, "diary", "allowed");
        row("SE under 15: assent only", "sweden", "child-0-14", 0, true, "assent@1", 2, "diary", "guardian_consent_missing");
        row("SE under 15: own consent only", "sweden", "child-0-14", 0, true, "consent@1:all", 2, "diary", "guardian_consent_missing");
        row("SE under 15: child's dissent respected", "sweden", "child-0-14", 0, true, "guardian@1:all; assent@1; dissent@3", 4, "diary", "dissent");
        row("SE under 15: guardian cannot override dissent", "sweden", "child-0-14", 0, true, "guardian@1:all; assent@1; dissent@3; guardian@4:all", 5, "diary", "dissent");
        row("SE under 15: new assent after dissent", "sweden", "child-0-14", 0, true, "guardian@1:all; assent@1; dissent@3; assent@4", 5, "diary", "allowed");
        row("SE under 15: child's own no respected", "sweden", "child-0-14", 0, true, "guardian@1:all; consent@1:-audio_recording", 2, "audio_recording", "item_declined");
        row("SE under 15: project does not require assent", "sweden", "child-0-14", 0, false, "guardian@1:all", 2, "diary", "allowed");
        row("SE under 15 who understands: still guardian", "sweden", "child-0-14", 0, true, "consent@1:all", 2, "diary", "guardian_consent_missing");
        row("SE 15 understanding: consents alone", "sweden", "child-15", 0, true, "consent@1:all", 2, "diary", "allowed");
        row("SE 16-17 understanding: consents alone", "sweden", "child-16-17", 0, true, "consent@1:all", 2, "diary", "allowed");
        row("SE 15 not understanding: guardian", "sweden", "child-15-not-understanding", 0, true, "consent@1:all", 2, "diary", "guardian_consent_missing");
        row("SE unknown age child: most protective", "sweden", "child-unknown", 0, true, "consent@1:all", 2, "diary", "guardian_consent_missing");
        // Children, England: under 16 both parent and a Gillick-competent child agree.
        row("EN 15 competent: own consent only", "england", "child-15", 0, true, "consent@1:all", 2, "diary", "guardian_consent_missing");
        row("EN 15 competent: parent only", "england", "child-15", 0, true, "guardian@1:all", 2, "diary", "no_consent");
        row("EN 15 competent: both", "england", "child-15", 0, true, "guardian@1:all; consent@2:all", 3, "diary", "allowed");
        row("EN under 16 competent: parent said no to audio", "england", "child-0-14", 0, true, "guardian@1:-audio_recording; consent@2:all", 3, "audio_recording", "item_declined");
        row("EN under 16 competent: child said no to audio", "england", "child-0-14", 0, true, "guardian@1:all; consent@2:-audio_recording", 3, "audio_recording", "item_declined");
        row("EN under 16 not competent: parent and assent", "england", "child-0-14-not-understanding", 0, true, "guardian@1:all; assent@1", 2, "diary", "allowed");
        row("EN under 16 not competent: parent only", "england", "child-0-14-not-understanding", 0, true, "guardian@1:all", 2, "diary", "assent_missing");
        row("EN 16-17 with capacity: alone", "england", "child-16-17", 0, true, "consent@1:all", 2, "diary", "allowed");
        row("EN 16-17 lacking capacity: MCA consultee", "england", "child-16-17-not-understanding", 0, true, "guardian@1:all", 2, "diary", "consultee_advice_missing");
        row("EN child withdrawal", "england", "child-15", 0, true, "guardian@1:all; consent@2:all; withdraw@3:no_new_data", 4, "diary", "withdrawn");
    }

    void derivation()
    {
        QFETCH(QString, jurisdiction);
        QFETCH(QString, who);
        QFETCH(int, intervalDays);
        QFETCH(bool, assentRequired);
        QFETCH(QString, script);
        QFETCH(int, nowDay);
        QFETCH(QString, activity);
        QFETCH(QString, expected);

        const QList<ConsentEvent> events = parseScript(script);
        const Activity a = activityFromKey(activity).value();
        // Arrival order must never matter: the same answer for the script's
        // order, its reverse and a rotation.
        QList<QList<ConsentEvent>> orders{events};
        QList<ConsentEvent> reversed(events.crbegin(), events.crend());
        orders.append(reversed);
        QList<ConsentEvent> rotated = events;
        if (!rotated.isEmpty())
            std::rotate(rotated.begin(), rotated.begin() + 1, rotated.end());
        orders.append(rotated);
        for (const QList<ConsentEvent> &order : orders) {
            const ActivityState s = derive(order, jurisdiction, who, intervalDays, assentRequired, nowDay).forActivity(a);
            const QString got = s.allowed ? QStringLiteral("allowed") : reasonKey(s.reason);
            QVERIFY2(s.allowed == (s.reason == Reason::None), qPrintable(s.detail));
            QCOMPARE(got, expected);
        }
    }

    void stateFlagsForTheTimeline()
    {
        const auto events = parseScript(QStringLiteral("consent@0:all; recheck@10:hesitant; pause@11"));
        const ConsentState s = derive(events, QStringLiteral("sweden"), QStringLiteral("adult"), 30, true, 12);
        QVERIFY(s.hesitant);
        QVERIFY(s.paused);
        QVERIFY(!s.dissent);
        QCOMPARE(s.lastAffirmedMs, kBase);
        QCOMPARE(s.reconsentDueMs, kBase + 30 * kDay);

        const auto withdrawn = parseScript(QStringLiteral("consent@0:all; withdraw@3:no_more_contact; withdraw@4:no_new_data"));
        const ConsentState w = derive(withdrawn, QStringLiteral("sweden"), QStringLiteral("adult"), 30, true, 5);
        QCOMPARE(w.withdrawal, std::optional<WithdrawalScope>(WithdrawalScope::NoNewData));
        QCOMPARE(w.activeWithdrawalIds, (QStringList{QStringLiteral("e2"), QStringLiteral("e3")}));
        QCOMPARE(w.reconsentDueMs, kBase + 30 * kDay); // still reported; reminders leave withdrawn people out
    }

    void timelineMarksIgnoredGrants()
    {
        ConsentRules rules;
        const auto events = parseScript(QStringLiteral("consent@1:all; withdraw@5:no_new_data; consent@9:all; guardian@9:all"));
        const Derivation d = deriveConsent(events, rules, profile(QStringLiteral("adult")), kBase + 10 * kDay);
        QCOMPARE(d.timeline.size(), 4);
        QCOMPARE(d.timeline.at(0).effect, EventEffect::Applied);
        QCOMPARE(d.timeline.at(1).event.type, ConsentEventType::Withdrawal);
        QCOMPARE(d.timeline.at(2).effect, EventEffect::IgnoredWhileWithdrawn);
        QCOMPARE(d.timeline.at(3).effect, EventEffect::IgnoredWhileWithdrawn);

        const auto adult = parseScript(QStringLiteral("consent@1:all; guardian@2:all"));
        const Derivation g = deriveConsent(adult, rules, profile(QStringLiteral("adult")), kBase + 3 * kDay);
        QCOMPARE(g.timeline.at(1).effect, EventEffect::NotUsedForRoute);
    }

    void unknownEventTypesCloseTheGate()
    {
        // A record from a newer build whose type this build does not know must
        // never be read as a grant.
        QCborMap body = parseScript(QStringLiteral("consent@1:all")).constFirst().toCbor();
        ConsentEvent grant = ConsentEvent::fromCbor(body);
        grant.id = QStringLiteral("g");
        body.insert(QStringLiteral("type"), QStringLiteral("objection_from_the_future"));
        ConsentEvent unknown = ConsentEvent::fromCbor(body);
        unknown.id = QStringLiteral("u");
        unknown.effectiveMs = grant.effectiveMs + kDay;
        ConsentRules rules;
        const ConsentState s = deriveConsent({grant, unknown}, rules, profile(QStringLiteral("adult")), kBase + 9 * kDay).state;
        QVERIFY(!s.forActivity(Activity::Observation).allowed);
    }

    void routes_data()
    {
        QTest::addColumn<QString>("jurisdiction");
        QTest::addColumn<QString>("who");
        QTest::addColumn<QString>("route");
        QTest::newRow("SE adult") << "sweden" << "adult" << "self";
        QTest::newRow("SE adult lacking capacity") << "sweden" << "adult-lacking" << "consultee";
        QTest::newRow("SE 0-14") << "sweden" << "child-0-14" << "guardian_with_assent";
        QTest::newRow("SE 15") << "sweden" << "child-15" << "self";
        QTest::newRow("SE 15 not understanding") << "sweden" << "child-15-not-understanding" << "guardian_with_assent";
        QTest::newRow("SE 16-17") << "sweden" << "child-16-17" << "self";
        QTest::newRow("EN adult") << "england" << "adult" << "self";
        QTest::newRow("EN adult lacking capacity") << "england" << "adult-lacking" << "consultee";
        QTest::newRow("EN 0-14 Gillick") << "england" << "child-0-14" << "guardian_and_child";
        QTest::newRow("EN 15 Gillick") << "england" << "child-15" << "guardian_and_child";
        QTest::newRow("EN 15 not competent") << "england" << "child-15-not-understanding" << "guardian_with_assent";
        QTest::newRow("EN 16-17") << "england" << "child-16-17" << "self";
        QTest::newRow("EN 16-17 lacking capacity") << "england" << "child-16-17-not-understanding" << "consultee";
    }

    void routes()
    {
        QFETCH(QString, jurisdiction);
        QFETCH(QString, who);
        QFETCH(QString, route);
        const Jurisdiction j = jurisdiction == QLatin1String("england") ? Jurisdiction::England : Jurisdiction::Sweden;
        QCOMPARE(consentRouteKey(consentRouteFor(j, profile(who))), route);
    }
};

QTEST_GUILESS_MAIN(TestConsentState)
#include "tst_consentstate.moc"
