#include "agreement.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace samla::observation {

namespace {

bool square(const Table &t)
{
    if (t.isEmpty())
        return false;
    for (const QList<double> &row : t) {
        if (row.size() != t.size())
            return false;
        for (double v : row) {
            if (!std::isfinite(v) || v < 0)
                return false;
        }
    }
    return true;
}

double agreementWeight(KappaWeights w, qsizetype i, qsizetype j, qsizetype k)
{
    if (i == j)
        return 1;
    if (w == KappaWeights::None || k < 2)
        return 0;
    const double d = double(std::abs(i - j)) / double(k - 1);
    return w == KappaWeights::Linear ? 1 - d : 1 - d * d;
}

struct Margins {
    QList<double> rows;
    QList<double> columns;
    double total = 0;
};

Margins margins(const Table &t)
{
    Margins m;
    m.rows.resize(t.size());
    m.columns.resize(t.size());
    for (qsizetype i = 0; i < t.size(); ++i) {
        for (qsizetype j = 0; j < t.size(); ++j) {
            m.rows[i] += t[i][j];
            m.columns[j] += t[i][j];
            m.total += t[i][j];
        }
    }
    return m;
}

} // namespace

QString kappaWeightsKey(KappaWeights w)
{
    switch (w) {
    case KappaWeights::None: return QStringLiteral("unweighted");
    case KappaWeights::Linear: return QStringLiteral("linear");
    case KappaWeights::Quadratic: return QStringLiteral("quadratic");
    }
    return {};
}

QString iccFormKey(IccForm f)
{
    switch (f) {
    case IccForm::Icc1_1: return QStringLiteral("ICC(1,1)");
    case IccForm::Icc2_1: return QStringLiteral("ICC(2,1)");
    case IccForm::Icc3_1: return QStringLiteral("ICC(3,1)");
    case IccForm::Icc1_k: return QStringLiteral("ICC(1,k)");
    case IccForm::Icc2_k: return QStringLiteral("ICC(2,k)");
    case IccForm::Icc3_k: return QStringLiteral("ICC(3,k)");
    }
    return {};
}

std::optional<KappaResult> cohenKappa(const Table &t, KappaWeights weights)
{
    if (!square(t))
        return std::nullopt;
    const Margins m = margins(t);
    if (m.total <= 0)
        return std::nullopt;
    const qsizetype k = t.size();
    double po = 0, pe = 0;
    for (qsizetype i = 0; i < k; ++i) {
        for (qsizetype j = 0; j < k; ++j) {
            const double w = agreementWeight(weights, i, j, k);
            po += w * t[i][j] / m.total;
            pe += w * (m.rows[i] / m.total) * (m.columns[j] / m.total);
        }
    }
    if (1 - pe <= 1e-12)
        return std::nullopt;
    return KappaResult{(po - pe) / (1 - pe), po, pe, m.total};
}

std::optional<KappaResult> weightedKappa(const Table &t, const Table &v)
{
    if (!square(t) || !square(v) || v.size() != t.size())
        return std::nullopt;
    const Margins m = margins(t);
    if (m.total <= 0)
        return std::nullopt;
    double observed = 0, expected = 0;
    for (qsizetype i = 0; i < t.size(); ++i) {
        for (qsizetype j = 0; j < t.size(); ++j) {
            observed += v[i][j] * t[i][j] / m.total;
            expected += v[i][j] * (m.rows[i] / m.total) * (m.columns[j] / m.total);
        }
    }
    if (expected <= 1e-12)
        return std::nullopt;
    // Here observed and expected are weighted disagreements.
    return KappaResult{1 - observed / expected, observed, expected, m.total};
}

std::optional<double> percentAgreement(const Table &t)
{
    if (!square(t))
        return std::nullopt;
    const Margins m = margins(t);
    if (m.total <= 0)
        return std::nullopt;
    double diagonal = 0;
    for (qsizetype i = 0; i < t.size(); ++i)
        diagonal += t[i][i];
    return diagonal / m.total;
}

std::optional<IccResult> icc(const Ratings &x, IccForm form)
{
    const qsizetype n = x.size();
    if (n < 2)
        return std::nullopt;
    const qsizetype k = x.first().size();
    if (k < 2)
        return std::nullopt;
    double grand = 0;
    for (const QList<double> &row : x) {
        if (row.size() != k)
            return std::nullopt;
        for (double v : row) {
            if (!std::isfinite(v))
                return std::nullopt;
            grand += v;
        }
    }
    grand /= double(n * k);
    double ssRows = 0, ssColumns = 0, ssTotal = 0;
    for (qsizetype i = 0; i < n; ++i) {
        double mean = 0;
        for (double v : x[i])
            mean += v;
        mean /= double(k);
        ssRows += double(k) * (mean - grand) * (mean - grand);
        for (double v : x[i])
            ssTotal += (v - grand) * (v - grand);
    }
    for (qsizetype j = 0; j < k; ++j) {
        double mean = 0;
        for (qsizetype i = 0; i < n; ++i)
            mean += x[i][j];
        mean /= double(n);
        ssColumns += double(n) * (mean - grand) * (mean - grand);
    }
    IccResult r;
    r.targets = int(n);
    r.raters = int(k);
    r.msRows = ssRows / double(n - 1);
    r.msColumns = ssColumns / double(k - 1);
    r.msError = (ssTotal - ssRows - ssColumns) / double((n - 1) * (k - 1));
    r.msWithin = (ssTotal - ssRows) / double(n * (k - 1));
    const double bms = r.msRows, jms = r.msColumns, ems = r.msError, wms = r.msWithin;
    const double kk = double(k), nn = double(n);
    double num = 0, den = 0;
    switch (form) {
    case IccForm::Icc1_1: num = bms - wms; den = bms + (kk - 1) * wms; break;
    case IccForm::Icc2_1: num = bms - ems; den = bms + (kk - 1) * ems + kk * (jms - ems) / nn; break;
    case IccForm::Icc3_1: num = bms - ems; den = bms + (kk - 1) * ems; break;
    case IccForm::Icc1_k: num = bms - wms; den = bms; break;
    case IccForm::Icc2_k: num = bms - ems; den = bms + (jms - ems) / nn; break;
    case IccForm::Icc3_k: num = bms - ems; den = bms; break;
    }
    if (std::abs(den) < 1e-12)
        return std::nullopt;
    r.icc = num / den;
    return r;
}

Paired pairBySlices(const QList<CodedEvent> &a, const QList<CodedEvent> &b, const AgreementOptions &o)
{
    Paired out;
    if (o.sliceMs <= 0 || o.endMs <= o.startMs)
        return out;
    const qsizetype slices = qsizetype((o.endMs - o.startMs + o.sliceMs - 1) / o.sliceMs);
    // Per slice: -1 nothing, -2 more than one category, else the category.
    auto labels = [&](const QList<CodedEvent> &events) {
        QList<int> l(slices, -1);
        for (const CodedEvent &e : events) {
            const int category = int(o.scale.indexOf(e.code));
            if (category < 0 || e.timeMs < o.startMs || e.timeMs >= o.endMs)
                continue;
            int &slot = l[qsizetype((e.timeMs - o.startMs) / o.sliceMs)];
            slot = slot == -1 || slot == category ? category : -2;
        }
        return l;
    };
    const QList<int> la = labels(a), lb = labels(b);
    for (qsizetype i = 0; i < slices; ++i) {
        if (la[i] == -2 || lb[i] == -2) {
            ++out.excluded;
            continue;
        }
        out.a.append(la[i]);
        out.b.append(lb[i]);
    }
    return out;
}

Paired pairByEvents(const QList<CodedEvent> &a, const QList<CodedEvent> &b, const AgreementOptions &o)
{
    auto inScale = [&](const QList<CodedEvent> &events) {
        QList<CodedEvent> out;
        for (const CodedEvent &e : events) {
            if (o.scale.contains(e.code) && (o.endMs <= o.startMs || (e.timeMs >= o.startMs && e.timeMs < o.endMs)))
                out.append(e);
        }
        std::stable_sort(out.begin(), out.end(), [](const CodedEvent &x, const CodedEvent &y) { return x.timeMs < y.timeMs; });
        return out;
    };
    const QList<CodedEvent> ea = inScale(a), eb = inScale(b);
    QList<bool> used(eb.size(), false);
    Paired out;
    for (const CodedEvent &e : ea) {
        qsizetype best = -1;
        for (qsizetype j = 0; j < eb.size(); ++j) {
            if (used[j] || std::llabs(eb[j].timeMs - e.timeMs) > o.toleranceMs)
                continue;
            if (best < 0 || std::llabs(eb[j].timeMs - e.timeMs) < std::llabs(eb[best].timeMs - e.timeMs))
                best = j;
        }
        out.a.append(int(o.scale.indexOf(e.code)));
        if (best < 0) {
            out.b.append(-1);
        } else {
            used[best] = true;
            out.b.append(int(o.scale.indexOf(eb[best].code)));
        }
    }
    for (qsizetype j = 0; j < eb.size(); ++j) {
        if (!used[j]) {
            out.a.append(-1);
            out.b.append(int(o.scale.indexOf(eb[j].code)));
        }
    }
    return out;
}

Table tableOf(const Paired &p, int categories, bool withNothing)
{
    const int size = categories + (withNothing ? 1 : 0);
    Table t(size, QList<double>(size, 0.0));
    for (qsizetype i = 0; i < p.a.size(); ++i) {
        const int ra = p.a[i] < 0 ? (withNothing ? categories : -1) : p.a[i];
        const int cb = p.b[i] < 0 ? (withNothing ? categories : -1) : p.b[i];
        if (ra >= 0 && cb >= 0 && ra < size && cb < size)
            t[ra][cb] += 1;
    }
    return t;
}

Paired bothCoded(const Paired &p)
{
    Paired out;
    for (qsizetype i = 0; i < p.a.size(); ++i) {
        if (p.a[i] >= 0 && p.b[i] >= 0) {
            out.a.append(p.a[i]);
            out.b.append(p.b[i]);
        } else {
            ++out.excluded;
        }
    }
    out.excluded += p.excluded;
    return out;
}

Ratings countsBySlices(const QList<CodedEvent> &a, const QList<CodedEvent> &b, const AgreementOptions &o)
{
    Ratings out;
    if (o.sliceMs <= 0 || o.endMs <= o.startMs)
        return out;
    const qsizetype slices = qsizetype((o.endMs - o.startMs + o.sliceMs - 1) / o.sliceMs);
    out = Ratings(slices, QList<double>(2, 0.0));
    auto count = [&](const QList<CodedEvent> &events, int column) {
        for (const CodedEvent &e : events) {
            if ((o.scale.isEmpty() || o.scale.contains(e.code)) && e.timeMs >= o.startMs && e.timeMs < o.endMs)
                out[qsizetype((e.timeMs - o.startMs) / o.sliceMs)][column] += 1;
        }
    };
    count(a, 0);
    count(b, 1);
    return out;
}

namespace {

QString weightsText(KappaWeights w)
{
    switch (w) {
    case KappaWeights::None: return QCoreApplication::translate("Agreement", "Cohen's kappa (unweighted)");
    case KappaWeights::Linear: return QCoreApplication::translate("Agreement", "Cohen's weighted kappa, linear weights");
    case KappaWeights::Quadratic:
        return QCoreApplication::translate("Agreement", "Cohen's weighted kappa, quadratic weights");
    }
    return {};
}

} // namespace

QString describeSlices(KappaWeights weights, const Paired &paired, std::int64_t sliceMs)
{
    return QCoreApplication::translate("Agreement",
                                       "%1 over %2 time slices of %3 s. Each slice takes the category each observer "
                                       "coded in it; %4 slices where an observer coded more than one category are "
                                       "left out.")
        .arg(weightsText(weights))
        .arg(paired.a.size())
        .arg(double(sliceMs) / 1000.0)
        .arg(paired.excluded);
}

QString describeEvents(KappaWeights weights, const Paired &paired, std::int64_t toleranceMs)
{
    return QCoreApplication::translate("Agreement",
                                       "%1 over %2 matched events: each event is paired with the other observer's "
                                       "nearest event within %3 s; an event with no partner counts as a "
                                       "disagreement with \"nothing coded\"; %4 pairs left out.")
        .arg(weightsText(weights))
        .arg(paired.a.size())
        .arg(double(toleranceMs) / 1000.0)
        .arg(paired.excluded);
}

QString describeIcc(IccForm form, int slices, std::int64_t sliceMs)
{
    QString model;
    switch (form) {
    case IccForm::Icc1_1:
    case IccForm::Icc1_k: model = QCoreApplication::translate("Agreement", "one-way random effects"); break;
    case IccForm::Icc2_1:
    case IccForm::Icc2_k:
        model = QCoreApplication::translate("Agreement", "two-way random effects, absolute agreement");
        break;
    case IccForm::Icc3_1:
    case IccForm::Icc3_k: model = QCoreApplication::translate("Agreement", "two-way mixed effects, consistency"); break;
    }
    return QCoreApplication::translate("Agreement",
                                       "%1 (%2; Shrout & Fleiss 1979) of event counts in %3 time slices of %4 s.")
        .arg(iccFormKey(form), model)
        .arg(slices)
        .arg(double(sliceMs) / 1000.0);
}

} // namespace samla::observation
