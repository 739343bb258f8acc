// Benchmark: the store workload on Samla's encrypted store (SQLCipher through LocalStore).
#include "workload.h"

#include "app/store/localstore.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (!samla::crypto::initialize().ok())
        return 1;
    QTemporaryDir dir;
    samla::SystemClock clock;
    QByteArray pass("benchmark passphrase");
    // The key derivation cost is not part of this workload.
    auto created = samla::store::LocalStore::create(dir.path(), samla::crypto::SecureBytes::fromUtf8AndWipe(pass),
                                                    {1, 64 * 1024}, clock);
    if (!created.ok()) {
        std::fprintf(stderr, "cannot create store: %s\n", qPrintable(created.error().detail));
        return 1;
    }
    return samla::bench::runWorkload(QStringLiteral("encrypted"), created->store->records(),
                                     samla::bench::parseOptions(argc, argv));
}
