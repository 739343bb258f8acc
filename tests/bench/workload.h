// The store benchmark workload, run unchanged against SQLCipher (Samla's store) and plain SQLite.
#pragma once

#include "app/store/recordstore.h"

#include <QString>

namespace samla::bench {

struct Options {
    int notes = 100'000;
    int reads = 20'000;
    int listings = 2'000;
    int searches = 1'000;
};

// Inserts notes one transaction each (as the app saves them), then reads them
// back by id, lists pages and runs full-text searches. Prints one line per
// operation: "<label> <operation> total_ms=… per_op_us=… p50_us=… p99_us=…".
int runWorkload(const QString &label, store::RecordStore &records, const Options &options);

Options parseOptions(int argc, char **argv);

} // namespace samla::bench
