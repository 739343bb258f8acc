// Benchmark: one tap to a persisted observation event, with 10,000 events already in the session,
// on Samla's encrypted store (SQLCipher through LocalStore). Target: p99 under 16 ms.
#include "app/domain/consentforms.h"
#include "app/domain/consentlog.h"
#include "app/domain/participants.h"
#include "app/domain/projects.h"
#include "app/observation/session.h"
#include "app/store/localstore.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace samla;
using namespace samla::observation;

namespace {

struct Figures {
    double p50 = 0, p99 = 0, max = 0, mean = 0;
};

Figures figures(QList<qint64> ns)
{
    std::sort(ns.begin(), ns.end());
    Figures f;
    if (ns.isEmpty())
        return f;
    auto at = [&](double q) { return double(ns[qsizetype(q * double(ns.size() - 1))]) / 1000.0; };
    f.p50 = at(0.50);
    f.p99 = at(0.99);
    f.max = double(ns.last()) / 1000.0;
    double sum = 0;
    for (qint64 v : ns)
        sum += double(v);
    f.mean = sum / double(ns.size()) / 1000.0;
    return f;
}

void print(const char *op, int n, const Figures &f)
{
    std::printf("observation %-22s n=%d mean_us=%.0f p50_us=%.0f p99_us=%.0f max_us=%.0f p99_target_us=16000 %s\n", op,
                n, f.mean, f.p50, f.p99, f.max, f.p99 < 16000 ? "OK" : "OVER");
}

// Consent with every item agreed, so the participant can be tagged.
bool consent(store::LocalStore &store, const Clock &clock, const domain::Participant &p, const QString &formId,
             const domain::ConsentFormContent &content)
{
    domain::ConsentCapture c;
    c.participantId = p.id;
    c.formVersionId = formId;
    c.language = QStringLiteral("en");
    for (const domain::ConsentItem &item : content.items)
        c.answers.insert(item.id, true);
    c.method = domain::ConsentMethod::ElectronicSignature;
    QImage signature(200, 60, QImage::Format_RGB32);
    signature.fill(Qt::white);
    QPainter(&signature).drawLine(10, 50, 190, 10);
    c.signature = signature;
    c.obtainedBy = QStringLiteral("R1");
    auto taken = domain::ConsentLog(store, clock).takeConsent(c);
    if (!taken.ok())
        std::fprintf(stderr, "consent: %s\n", qPrintable(taken.error().detail));
    return taken.ok();
}

int fail(const char *what, const Error &e)
{
    std::fprintf(stderr, "bench_observation: %s failed: %s (%s)\n", what, qPrintable(e.detail), errorCodeName(e.code));
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);   // the consent PDF snapshot needs it
    const int seeded = argc > 1 ? std::max(1, atoi(argv[1])) : 10'000;
    const int taps = argc > 2 ? std::max(100, atoi(argv[2])) : 1'000;
    if (!crypto::initialize().ok())
        return 1;
    QTemporaryDir dir;
    SystemClock wall;
    SteadyClock monotonic;
    QByteArray pass("benchmark passphrase");
    auto created = store::LocalStore::create(dir.path(), crypto::SecureBytes::fromUtf8AndWipe(pass), {1, 64 * 1024},
                                             wall);
    if (!created.ok()) {
        std::fprintf(stderr, "cannot create store: %s\n", qPrintable(created.error().detail));
        return 1;
    }
    store::LocalStore &store = *created->store;
    domain::ProjectSettings settings;
    settings.codePrefix = QStringLiteral("OB");
    settings.languages = {QStringLiteral("en")};
    settings.lawfulBasis = QStringLiteral("GDPR Art 6(1)(e) + 9(2)(j)");
    auto project = domain::Projects(store.records()).create(QStringLiteral("Ward study"), settings, false);
    if (!project.ok())
        return fail("project", project.error());
    domain::ConsentFormContent form;
    form.title = {{QStringLiteral("en"), QStringLiteral("Consent")}};
    form.information = {{QStringLiteral("en"), QStringLiteral("We observe care on the ward.")}};
    domain::ConsentItem item;
    item.id = QStringLiteral("observation");
    item.activity = domain::Activity::Observation;
    item.required = true;
    item.text = {{QStringLiteral("en"), QStringLiteral("I may be observed.")}};
    form.items = {item};
    auto published = domain::ConsentForms(store.records()).publish(project->id, QString(), form);
    if (!published.ok())
        return fail("consent form", published.error());
    auto participant = domain::Participants(store.records()).enrol(project->id, {});
    if (!participant.ok())
        return fail("participant", participant.error());
    if (!consent(store, wall, participant.value(), published->id, form))
        return 1;

    Sessions sessions(store, wall, monotonic);
    SessionSetup setup;
    setup.projectId = project->id;
    setup.observer = QStringLiteral("R1");
    setup.participantCodes = {participant->code};
    CodingScheme scheme = quisScheme();
    Behaviour sitting{QStringLiteral("sit"), {{QString(), QStringLiteral("Sitting")}}, EventType::State};
    Behaviour standing{QStringLiteral("stand"), {{QString(), QStringLiteral("Standing")}}, EventType::State};
    scheme.behaviours << sitting << standing;
    scheme.exclusiveGroups = {ExclusiveGroup{QStringLiteral("posture"), {QStringLiteral("sit"), QStringLiteral("stand")}}};
    setup.scheme = scheme;
    QList<ParticipantRefusal> refused;
    auto started = sessions.start(setup, &refused);
    if (!started.ok())
        return fail("session start", started.error());
    if (!refused.isEmpty()) {
        std::fprintf(stderr, "bench_observation: the consent gate refused the participant\n");
        return 1;
    }
    ObservationSession &session = *started.value();
    const QStringList quis = scheme.behavioursIn(QStringLiteral("quis"));

    QElapsedTimer seeding;
    seeding.start();
    for (int i = 0; i < seeded; ++i) {
        auto logged = session.logPoint(quis[i % quis.size()], Subject::role(QStringLiteral("patient")));
        if (!logged.ok())
            return fail("seeding", logged.error());
    }
    std::printf("observation seeded %d events in %.1f s (encrypted store)\n", seeded, double(seeding.elapsed()) / 1000.0);

    auto measure = [&](const char *name, auto tap) {
        QList<qint64> ns;
        ns.reserve(taps);
        QElapsedTimer t;
        for (int i = 0; i < taps; ++i) {
            t.start();
            const bool ok = tap(i);
            ns.append(t.nsecsElapsed());
            if (!ok) {
                std::fprintf(stderr, "%s: tap %d failed\n", name, i);
                return false;
            }
        }
        print(name, taps, figures(ns));
        return true;
    };
    const Subject patient = Subject::role(QStringLiteral("patient"));
    const Subject coded = Subject::participant(participant->code);
    if (!measure("point_role", [&](int i) { return session.logPoint(quis[i % quis.size()], patient).ok(); }))
        return 1;
    // A participant subject is checked by the consent gate on every tap.
    if (!measure("point_participant", [&](int i) { return session.logPoint(quis[i % quis.size()], coded).ok(); }))
        return 1;
    if (!measure("toggle_exclusive_state", [&](int i) {
            return session.toggleState(i % 2 ? QStringLiteral("sit") : QStringLiteral("stand"), patient).ok();
        }))
        return 1;
    if (!measure("undo_last", [&](int) { return session.undoLast().ok(); }))
        return 1;

    QElapsedTimer reopening;
    reopening.start();
    auto reopened = sessions.open(session.id());
    if (!reopened.ok())
        return 1;
    std::printf("observation reopen_session events=%lld ms=%lld\n", qlonglong(reopened.value()->log().size()),
                qlonglong(reopening.elapsed()));
    return 0;
}
