// Makes a data directory for the start-up benchmark: a store with N notes in one
// project, and prints how long the device's calibrated key derivation takes.
// Usage: bench_seed DIR NOTES   (passphrase from SAMLA_PROBE_PASSPHRASE)
#include "app/domain/notes.h"
#include "app/store/localstore.h"
#include "platform/db/database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <cstdio>

using namespace samla;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QByteArray passEnv = qgetenv("SAMLA_PROBE_PASSPHRASE");
    if (argc < 3 || passEnv.isEmpty() || !crypto::initialize().ok()) {
        std::fprintf(stderr, "usage: SAMLA_PROBE_PASSPHRASE=… bench_seed DIR NOTES\n");
        return 2;
    }
    const QString dir = QString::fromLocal8Bit(argv[1]);
    const int count = std::atoi(argv[2]);
    SystemClock clock;

    // What a real unlock pays for the passphrase, on this device.
    QElapsedTimer timer;
    timer.start();
    const crypto::Argon2Params calibrated = crypto::calibrateArgon2(std::chrono::milliseconds(700));
    const qint64 calibrateMs = timer.elapsed();
    QByteArray probe("probe passphrase");
    timer.start();
    auto derived = crypto::deriveKeyFromPassphrase(crypto::SecureBytes::fromUtf8AndWipe(probe),
                                                   crypto::randomBytes(crypto::kSaltBytes), calibrated);
    std::printf("kdf-calibrated ops=%llu mem_mib=%llu derive_ms=%lld (calibration took %lld ms)\n",
                static_cast<unsigned long long>(calibrated.opsLimit),
                static_cast<unsigned long long>(calibrated.memLimitBytes / (1024 * 1024)),
                static_cast<long long>(timer.elapsed()), static_cast<long long>(calibrateMs));
    if (!derived.ok())
        return 1;

    // The seeded store uses the cheapest derivation so the unlock benchmark
    // measures Samla's own work after the key is known.
    QByteArray pass = passEnv;
    auto created = store::LocalStore::create(dir, crypto::SecureBytes::fromUtf8AndWipe(pass), {1, 64 * 1024}, clock);
    if (!created.ok()) {
        std::fprintf(stderr, "cannot create store: %s\n", qPrintable(created.error().detail));
        return 1;
    }
    domain::Notes notes(created->store->records());
    domain::Projects projects(created->store->records());
    auto project = projects.create(QStringLiteral("Benchmark project"), true);
    if (!project.ok())
        return 1;
    QRandomGenerator rng(7);
    for (int i = 0; i < count; ++i) {
        auto n = notes.create(project->id, QStringLiteral("Observation %1").arg(i),
                              QStringLiteral("Ward round note %1, interaction quality %2.").arg(i).arg(rng.bounded(5)));
        if (!n.ok())
            return 1;
    }
    std::printf("seeded %d notes\n", count);
    return 0;
}
