// Inter-observer agreement (pure functions): Cohen's kappa (unweighted, weighted), percentage agreement, ICC.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace samla::observation {

// A square table of counts (or proportions): rows are observer A's
// categories, columns observer B's, in the same order.
using Table = QList<QList<double>>;
// Ratings of n targets (rows) by k raters (columns).
using Ratings = QList<QList<double>>;

// Agreement weights for ordered categories i, j of k (Cohen 1968; Cicchetti &
// Allison 1971 for linear, Fleiss & Cohen 1973 for quadratic):
//   none       w = 1 if i == j, else 0
//   linear     w = 1 - |i - j| / (k - 1)
//   quadratic  w = 1 - (i - j)^2 / (k - 1)^2
enum class KappaWeights { None, Linear, Quadratic };
QString kappaWeightsKey(KappaWeights w);

struct KappaResult {
    double kappa = 0;
    double observed = 0;   // (weighted) observed agreement p_o
    double expected = 0;   // (weighted) chance agreement p_e from the margins
    double total = 0;      // number of paired ratings
};

// Cohen's kappa = (p_o - p_e) / (1 - p_e). Nothing when the table is not
// square, is empty, or p_e = 1 (both observers used one category only).
std::optional<KappaResult> cohenKappa(const Table &table, KappaWeights weights = KappaWeights::None);
// Weighted kappa with any disagreement weights v_ij (v_ii = 0), as Cohen (1968)
// defines it: 1 - sum(v p_o) / sum(v p_e).
std::optional<KappaResult> weightedKappa(const Table &table, const Table &disagreementWeights);
// Share of paired ratings on the diagonal, 0..1.
std::optional<double> percentAgreement(const Table &table);

// Intraclass correlation forms of Shrout & Fleiss (1979), with McGraw & Wong
// (1996) names:
//   ICC(1,1)  one-way random, single rater
//   ICC(2,1)  two-way random, absolute agreement, single rater (the default
//             for event counts: observers are a sample of possible observers,
//             and one who counts more is disagreeing)
//   ICC(3,1)  two-way mixed, consistency, single rater
//   and ICC(1,k), ICC(2,k), ICC(3,k) for the mean of the k raters.
enum class IccForm { Icc1_1, Icc2_1, Icc3_1, Icc1_k, Icc2_k, Icc3_k };
QString iccFormKey(IccForm f);

struct IccResult {
    double icc = 0;
    double msRows = 0;     // between targets
    double msColumns = 0;  // between raters
    double msError = 0;    // residual
    double msWithin = 0;   // within targets (one-way)
    int targets = 0;
    int raters = 0;
};
// Nothing with fewer than 2 targets or raters, ragged rows, or a zero denominator.
std::optional<IccResult> icc(const Ratings &ratings, IccForm form);

// ---- From coded events to tables ----

// One coded event on a timeline shared by both observers (milliseconds).
struct CodedEvent {
    std::int64_t timeMs = 0;
    QString code;          // a behaviour of the scale, e.g. a QuIS category
};

struct AgreementOptions {
    QStringList scale;               // the categories compared, in order (ordered categories: their order)
    std::int64_t sliceMs = 60'000;   // time slices
    std::int64_t startMs = 0;        // the common observed span
    std::int64_t endMs = 0;
    std::int64_t toleranceMs = 5'000; // matched events: how far apart two codings may be
};

// Labels of each observer per unit compared, as category indexes into
// `scale`, or -1 for "nothing coded" (then the table has one more row and
// column, last).
struct Paired {
    QList<int> a;
    QList<int> b;
    int excluded = 0;        // units left out (slices where an observer coded more than one category)
};

// Time slices: each slice [start + i*slice, start + (i+1)*slice) gets, for
// each observer, the one scale category coded in it, "nothing" when none,
// and is left out (counted in `excluded`) when an observer coded two
// different categories in it.
Paired pairBySlices(const QList<CodedEvent> &a, const QList<CodedEvent> &b, const AgreementOptions &options);
// Matched events: in time order, each of A's events is paired with B's
// nearest unpaired event within the tolerance; what is left unpaired on
// either side is paired with "nothing".
Paired pairByEvents(const QList<CodedEvent> &a, const QList<CodedEvent> &b, const AgreementOptions &options);
// Contingency table of paired labels; with `withNothing` a last row and
// column count "nothing coded".
Table tableOf(const Paired &paired, int categories, bool withNothing);
// Pairs where both coded a category (for weighted kappa: "nothing" has no
// place on an ordered scale).
Paired bothCoded(const Paired &paired);
// Event counts per slice: one row per slice, one column per observer (for ICC).
Ratings countsBySlices(const QList<CodedEvent> &a, const QList<CodedEvent> &b, const AgreementOptions &options);

// The method in words, for the screen ("Cohen's kappa, linear weights, over
// 30 time slices of 60 s; 2 slices left out …"), translated, context "Agreement".
QString describeSlices(KappaWeights weights, const Paired &paired, std::int64_t sliceMs);
QString describeEvents(KappaWeights weights, const Paired &paired, std::int64_t toleranceMs);
QString describeIcc(IccForm form, int slices, std::int64_t sliceMs);

} // namespace samla::observation
