#include "workload.h"

#include "app/domain/notes.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QStringList>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace samla::bench {

namespace {

const QStringList kWords = {
    QStringLiteral("patient"), QStringLiteral("sjuksköterska"), QStringLiteral("avdelning"),
    QStringLiteral("samtal"), QStringLiteral("medication"), QStringLiteral("läkemedel"),
    QStringLiteral("family"), QStringLiteral("anhörig"), QStringLiteral("observation"),
    QStringLiteral("dagrum"), QStringLiteral("co-design"), QStringLiteral("workshop"),
    QStringLiteral("trygghet"), QStringLiteral("discharge"), QStringLiteral("utskrivning"),
    QStringLiteral("interaction"), QStringLiteral("positive"), QStringLiteral("neutral"),
    QStringLiteral("restrictive"), QStringLiteral("kaffe"), QStringLiteral("idea"),
    QStringLiteral("question"), QStringLiteral("beslut"), QStringLiteral("story"),
    QStringLiteral("morning"), QStringLiteral("evening"), QStringLiteral("natt"),
    QStringLiteral("överlämning"), QStringLiteral("rehabilitation"), QStringLiteral("café"),
};

QString sentence(QRandomGenerator &rng, int words)
{
    QStringList out;
    for (int i = 0; i < words; ++i)
        out << kWords.at(int(rng.bounded(quint32(kWords.size())))) + QString::number(rng.bounded(50));
    return out.join(QLatin1Char(' '));
}

struct Stats {
    double totalMs = 0;
    double p50Us = 0;
    double p99Us = 0;
    int count = 0;
};

Stats summarise(std::vector<double> &samplesUs)
{
    Stats s;
    s.count = int(samplesUs.size());
    for (double v : samplesUs)
        s.totalMs += v / 1000.0;
    std::sort(samplesUs.begin(), samplesUs.end());
    if (!samplesUs.empty()) {
        s.p50Us = samplesUs[samplesUs.size() / 2];
        s.p99Us = samplesUs[std::min(samplesUs.size() - 1, samplesUs.size() * 99 / 100)];
    }
    return s;
}

void print(const QString &label, const char *op, const Stats &s)
{
    std::printf("%s %s count=%d total_ms=%.1f per_op_us=%.1f p50_us=%.1f p99_us=%.1f\n", qPrintable(label), op,
                s.count, s.totalMs, s.count ? s.totalMs * 1000.0 / s.count : 0.0, s.p50Us, s.p99Us);
    std::fflush(stdout);
}

} // namespace

int runWorkload(const QString &label, store::RecordStore &records, const Options &options)
{
    domain::Notes notes(records);
    const QString project = QStringLiteral("bench-project");
    QRandomGenerator rng(4711);
    std::vector<QString> ids;
    ids.reserve(size_t(options.notes));
    std::vector<double> samples;
    samples.reserve(size_t(options.notes));
    QElapsedTimer timer;

    for (int i = 0; i < options.notes; ++i) {
        const QString title = sentence(rng, 4);
        const QString text = sentence(rng, 45);
        timer.start();
        auto note = notes.create(project, title, text);
        samples.push_back(double(timer.nsecsElapsed()) / 1000.0);
        if (!note.ok()) {
            std::fprintf(stderr, "insert failed: %s\n", qPrintable(note.error().detail));
            return 1;
        }
        ids.push_back(note->id);
    }
    print(label, "insert", summarise(samples));

    samples.clear();
    for (int i = 0; i < options.reads; ++i) {
        const QString &id = ids[size_t(rng.bounded(quint32(ids.size())))];
        timer.start();
        auto note = notes.get(id);
        samples.push_back(double(timer.nsecsElapsed()) / 1000.0);
        if (!note.ok())
            return 1;
    }
    print(label, "read_by_id", summarise(samples));

    samples.clear();
    for (int i = 0; i < options.listings; ++i) {
        const int offset = int(rng.bounded(20)) * 50;
        timer.start();
        auto page = notes.list(project, 50, offset);
        samples.push_back(double(timer.nsecsElapsed()) / 1000.0);
        if (!page.ok() || page->size() != std::min(50, options.notes - offset))
            return 1;
    }
    print(label, "list_page", summarise(samples));

    samples.clear();
    for (int i = 0; i < options.searches; ++i) {
        // A word and a prefix of another, as typed in the search field.
        const QString word = kWords.at(int(rng.bounded(quint32(kWords.size())))) + QString::number(rng.bounded(50));
        const QString other = kWords.at(int(rng.bounded(quint32(kWords.size())))).left(4);
        timer.start();
        auto hits = notes.search(project, word + QLatin1Char(' ') + other, 50);
        samples.push_back(double(timer.nsecsElapsed()) / 1000.0);
        if (!hits.ok())
            return 1;
    }
    print(label, "search", summarise(samples));
    return 0;
}

Options parseOptions(int argc, char **argv)
{
    Options o;
    if (argc > 1)
        o.notes = std::max(100, std::atoi(argv[1]));
    o.reads = std::min(o.reads, o.notes);
    return o;
}

} // namespace samla::bench
