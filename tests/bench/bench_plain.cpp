// Benchmark baseline: the same workload through the same wrapper and RecordStore, on plain SQLite.
#include "workload.h"

#include "app/store/migrations.h"
#include "app/store/recordstore.h"
#include "platform/crypto/crypto.h"
#include "platform/db/database.h"

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
    samla::db::Database::Options options;
    options.create = true;
    auto db = samla::db::Database::open(dir.filePath(QStringLiteral("plain.db")),
                                        samla::crypto::SecureBytes::random(32), options);
    if (!db.ok() || !samla::store::migrate(*db.value()).ok()) {
        std::fprintf(stderr, "cannot create plain database\n");
        return 1;
    }
    samla::protocol::HlcClock hlc(clock, QByteArray(16, '\x01'));
    samla::store::RecordStore records(*db.value(), clock, hlc);
#ifndef SAMLA_BENCH_LABEL
#define SAMLA_BENCH_LABEL "plain"
#endif
    return samla::bench::runWorkload(QStringLiteral(SAMLA_BENCH_LABEL), records, samla::bench::parseOptions(argc, argv));
}
