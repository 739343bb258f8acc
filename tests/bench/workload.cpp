#include "workload.h"

#include "app/domain/notes.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QStringList>

#include <algorithm>
#include <cstdio>
#include <ctime>
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

// CPU time of this thread: on a shared two-core machine it is far steadier
// than wall time, and for this workload (no waiting on the disk: WAL with
// synchronous=NORMAL, files in the page cache) the two agree on an idle one.
double threadCpuUs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e6 + double(ts.tv_nsec) / 1000.0;
}

// Times one operation at a time: wall time per operation for the
// percentiles, and the thread's CPU time summed over the phase.
class Meter {
public:
    explicit Meter(size_t expected) { m_wallUs.reserve(expected); }
    void start()
    {
        m_cpuStartUs = threadCpuUs();
        m_timer.start();
    }
    void stop()
    {
        m_wallUs.push_back(double(m_timer.nsecsElapsed()) / 1000.0);
        m_cpuUs += threadCpuUs() - m_cpuStartUs;
    }
    // Prints "<label> <op> count=… total_ms=… per_op_us=… cpu_per_op_us=… p50_us=… p99_us=…" and starts over.
    void print(const QString &label, const char *op)
    {
        const size_t n = m_wallUs.size();
        double totalUs = 0;
        for (double v : m_wallUs)
            totalUs += v;
        std::sort(m_wallUs.begin(), m_wallUs.end());
        const double p50 = n ? m_wallUs[n / 2] : 0.0;
        const double p99 = n ? m_wallUs[std::min(n - 1, n * 99 / 100)] : 0.0;
        std::printf("%s %s count=%zu total_ms=%.1f per_op_us=%.1f cpu_per_op_us=%.1f p50_us=%.1f p99_us=%.1f\n",
                    qPrintable(label), op, n, totalUs / 1000.0, n ? totalUs / double(n) : 0.0,
                    n ? m_cpuUs / double(n) : 0.0, p50, p99);
        std::fflush(stdout);
        m_wallUs.clear();
        m_cpuUs = 0;
    }

private:
    QElapsedTimer m_timer;
    std::vector<double> m_wallUs;
    double m_cpuStartUs = 0;
    double m_cpuUs = 0;
};

} // namespace

int runWorkload(const QString &label, store::RecordStore &records, const Options &options)
{
    domain::Notes notes(records);
    const QString project = QStringLiteral("bench-project");
    QRandomGenerator rng(4711);
    std::vector<QString> ids;
    ids.reserve(size_t(options.notes));
    Meter meter(size_t(options.notes));

    for (int i = 0; i < options.notes; ++i) {
        const QString title = sentence(rng, 4);
        const QString text = sentence(rng, 45);
        meter.start();
        auto note = notes.create(project, title, text);
        meter.stop();
        if (!note.ok()) {
            std::fprintf(stderr, "insert failed: %s\n", qPrintable(note.error().detail));
            return 1;
        }
        ids.push_back(note->id);
    }
    meter.print(label, "insert");

    for (int i = 0; i < options.reads; ++i) {
        const QString &id = ids[size_t(rng.bounded(quint32(ids.size())))];
        meter.start();
        auto note = notes.get(id);
        meter.stop();
        if (!note.ok())
            return 1;
    }
    meter.print(label, "read_by_id");

    for (int i = 0; i < options.listings; ++i) {
        const int offset = int(rng.bounded(20)) * 50;
        meter.start();
        auto page = notes.list(project, 50, offset);
        meter.stop();
        if (!page.ok() || page->size() != std::min(50, options.notes - offset))
            return 1;
    }
    meter.print(label, "list_page");

    for (int i = 0; i < options.searches; ++i) {
        // A word and a prefix of another, as typed in the search field.
        const QString word = kWords.at(int(rng.bounded(quint32(kWords.size())))) + QString::number(rng.bounded(50));
        const QString other = kWords.at(int(rng.bounded(quint32(kWords.size())))).left(4);
        meter.start();
        auto hits = notes.search(project, word + QLatin1Char(' ') + other, 50);
        meter.stop();
        if (!hits.ok())
            return 1;
    }
    meter.print(label, "search");
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
