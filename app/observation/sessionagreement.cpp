#include "sessionagreement.h"

#include "app/store/localstore.h"
#include "app/store/recordstore.h"
#include "summary.h"

#include <QCoreApplication>

#include <algorithm>

namespace samla::observation {

namespace {

constexpr int kMaxPairs = 10'000;

struct Span {
    std::int64_t start = 0;
    std::int64_t end = 0;
};

std::int64_t stopWall(const SessionInfo &s)
{
    return s.stopWallMs > 0 ? s.stopWallMs : s.startedWallMs + s.stopElapsedMs;
}

// When a session was observing, on the wall clock. Within a stretch between
// a resume (or the start) and the next pause (or the stop) wall and elapsed
// time advance together, so a stretch ends its elapsed length after it began.
// (Reopening a session that was running writes a pause at its last event's
// elapsed time: the gap before the reopen is not observed, and not counted.)
QList<Span> observedSpans(const ObserverSide &side)
{
    QList<Span> out;
    std::int64_t fromWall = side.info->startedWallMs;
    std::int64_t fromElapsed = 0;
    bool running = true;
    for (const ObservationEvent &e : side.log) {
        if (e.kind == EventKind::Pause && running) {
            if (e.elapsedMs > fromElapsed)
                out.append(Span { fromWall, fromWall + (e.elapsedMs - fromElapsed) });
            running = false;
        } else if (e.kind == EventKind::Resume && !running) {
            fromWall = e.wallMs;
            fromElapsed = e.elapsedMs;
            running = true;
        }
    }
    if (running && side.info->stopElapsedMs > fromElapsed)
        out.append(Span { fromWall, fromWall + (side.info->stopElapsedMs - fromElapsed) });
    return out;
}

// The stretches both observers were observing.
QList<Span> commonSegments(const ObserverSide &a, const ObserverSide &b)
{
    const QList<Span> sa = observedSpans(a), sb = observedSpans(b);
    QList<Span> out;
    qsizetype i = 0, j = 0;
    while (i < sa.size() && j < sb.size()) {
        const std::int64_t start = std::max(sa[i].start, sb[j].start);
        const std::int64_t end = std::min(sa[i].end, sb[j].end);
        if (end > start)
            out.append(Span { start, end });
        if (sa[i].end < sb[j].end)
            ++i;
        else
            ++j;
    }
    return out;
}

QList<CodedEvent> coded(const ObserverSide &side, const QStringList &scale)
{
    QList<CodedEvent> out;
    for (const ObservationEvent &e : side.events) {
        if (e.kind == EventKind::Point && scale.contains(e.behaviour))
            out.append(CodedEvent { e.wallMs, e.behaviour });
    }
    return out;
}

bool inSegments(std::int64_t t, const QList<Span> &segments)
{
    return std::any_of(
        segments.begin(), segments.end(), [t](const Span &s) { return t >= s.start && t < s.end; });
}

void append(Paired &into, const Paired &more)
{
    into.a += more.a;
    into.b += more.b;
    into.excluded += more.excluded;
}

} // namespace

QString pairProblemKey(PairProblem p)
{
    switch (p) {
    case PairProblem::None:
        return QStringLiteral("none");
    case PairProblem::SameSession:
        return QStringLiteral("same_session");
    case PairProblem::NotFinalised:
        return QStringLiteral("not_finalised");
    case PairProblem::DifferentSchemes:
        return QStringLiteral("different_schemes");
    case PairProblem::Superseded:
        return QStringLiteral("superseded");
    case PairProblem::NoOverlap:
        return QStringLiteral("no_overlap");
    case PairProblem::NothingToCompare:
        return QStringLiteral("nothing_to_compare");
    }
    return {};
}

QString pairProblemText(PairProblem p)
{
    switch (p) {
    case PairProblem::None:
        return {};
    case PairProblem::SameSession:
        return QCoreApplication::translate(
            "Agreement", "The same session is chosen twice. Choose the session each observer coded.");
    case PairProblem::NotFinalised:
        return QCoreApplication::translate("Agreement",
            "Only finalised sessions can be compared: their events can no longer change. Finalise both "
            "sessions first.");
    case PairProblem::DifferentSchemes:
        return QCoreApplication::translate("Agreement",
            "The two sessions were coded with different coding schemes (or different versions of one), so "
            "their codes cannot be compared.");
    case PairProblem::Superseded:
        return QCoreApplication::translate(
            "Agreement", "A correction has replaced one of these sessions. Choose the corrected version.");
    case PairProblem::NoOverlap:
        return QCoreApplication::translate("Agreement",
            "The two sessions were not observing at the same time, so there is nothing to compare.");
    case PairProblem::NothingToCompare:
        return QCoreApplication::translate("Agreement",
            "This coding scheme has no point events that observers rate, so there is nothing to compare.");
    }
    return {};
}

PairProblem checkPair(const SessionInfo &a, const SessionInfo &b)
{
    if (a.id == b.id)
        return PairProblem::SameSession;
    if (a.state != SessionState::Finalised || b.state != SessionState::Finalised)
        return PairProblem::NotFinalised;
    if (a.scheme.id != b.scheme.id || a.scheme.version != b.scheme.version
        || a.scheme.behaviours != b.scheme.behaviours || a.scheme.categories != b.scheme.categories)
        return PairProblem::DifferentSchemes;
    if (ratingScale(a.scheme).size() < 2)
        return PairProblem::NothingToCompare;
    if (std::min(stopWall(a), stopWall(b)) <= std::max(a.startedWallMs, b.startedWallMs))
        return PairProblem::NoOverlap;
    return PairProblem::None;
}

QString agreementMethodKey(AgreementMethod m)
{
    return m == AgreementMethod::TimeSlices ? QStringLiteral("slices") : QStringLiteral("events");
}

std::optional<AgreementMethod> agreementMethodFromKey(const QString &key)
{
    if (key == QLatin1String("slices"))
        return AgreementMethod::TimeSlices;
    if (key == QLatin1String("events"))
        return AgreementMethod::MatchedEvents;
    return std::nullopt;
}

Result<PairAgreement> comparePair(const ObserverSide &a, const ObserverSide &b, const PairOptions &options)
{
    if (!a.info || !b.info)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("missing session"));
    if (const PairProblem p = checkPair(*a.info, *b.info); p != PairProblem::None)
        return makeError(ErrorCode::InvalidArgument, pairProblemKey(p));
    if (options.sliceMs < 1000 || options.toleranceMs < 0)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("bad_method"));

    PairAgreement r;
    r.scale = ratingScale(a.info->scheme, &r.ordered);
    const QList<Span> segments = commonSegments(a, b);
    if (segments.isEmpty())
        return makeError(ErrorCode::InvalidArgument, pairProblemKey(PairProblem::NoOverlap));
    r.startWallMs = segments.constFirst().start;
    r.endWallMs = segments.constLast().end;
    for (const Span &s : segments)
        r.comparedMs += s.end - s.start;

    const QList<CodedEvent> ea = coded(a, r.scale), eb = coded(b, r.scale);
    AgreementOptions o;
    o.scale = r.scale;
    o.sliceMs = options.sliceMs;
    o.toleranceMs = options.toleranceMs;

    // Slices lie on one grid from the common start; a slice counts only when
    // both observers watched all of it (none that a pause or the end cuts).
    Paired paired;
    Ratings counts;
    const std::int64_t origin = segments.constFirst().start;
    for (const Span &s : segments) {
        const std::int64_t first = (s.start - origin + options.sliceMs - 1) / options.sliceMs;
        const std::int64_t last = (s.end - origin) / options.sliceMs;
        if (last <= first)
            continue;
        o.startMs = origin + first * options.sliceMs;
        o.endMs = origin + last * options.sliceMs;
        if (options.method == AgreementMethod::TimeSlices)
            append(paired, pairBySlices(ea, eb, o));
        counts += countsBySlices(ea, eb, o);
    }
    if (options.method == AgreementMethod::MatchedEvents) {
        // Events in a pause of the other observer have no partner that could
        // have been coded; they are left out rather than counted as disagreements.
        auto kept = [&](const QList<CodedEvent> &events) {
            QList<CodedEvent> out;
            for (const CodedEvent &e : events) {
                if (inSegments(e.timeMs, segments))
                    out.append(e);
            }
            return out;
        };
        o.startMs = 0;
        o.endMs = 0;
        paired = pairByEvents(kept(ea), kept(eb), o);
    }

    const int k = int(r.scale.size());
    r.units = int(paired.a.size());
    r.excluded = paired.excluded;
    r.table = tableOf(paired, k, true);
    r.kappa = cohenKappa(r.table, KappaWeights::None);
    r.percent = percentAgreement(r.table);
    const Paired both = bothCoded(paired);
    r.bothCoded = int(both.a.size());
    if (r.ordered) {
        const Table scaleTable = tableOf(both, k, false);
        r.linear = cohenKappa(scaleTable, KappaWeights::Linear);
        r.quadratic = cohenKappa(scaleTable, KappaWeights::Quadratic);
    }
    r.icc = icc(counts, IccForm::Icc2_1);
    r.iccSlices = int(counts.size());
    r.method = options.method == AgreementMethod::TimeSlices
        ? describeSlices(KappaWeights::None, paired, options.sliceMs)
        : describeEvents(KappaWeights::None, paired, options.toleranceMs);
    if (r.ordered)
        r.method += QLatin1Char(' ')
            + QCoreApplication::translate("Agreement",
                "The weighted kappas use the %1 units both observers coded a category in, with the "
                "categories "
                "in the scheme's order.")
                  .arg(r.bothCoded);
    r.iccMethod = describeIcc(IccForm::Icc2_1, r.iccSlices, options.sliceMs);
    return r;
}

// ---- ObserverPairs ----

namespace {

const QString kA = QStringLiteral("session_a");
const QString kB = QStringLiteral("session_b");
const QString kMethod = QStringLiteral("method");
const QString kSlice = QStringLiteral("slice_ms");
const QString kTolerance = QStringLiteral("tolerance_ms");
const QString kMarked = QStringLiteral("marked_ms");

ObserverPair pairFrom(const store::Record &r)
{
    ObserverPair p;
    p.id = r.id;
    p.sessionA = r.body.value(kA).toString();
    p.sessionB = r.body.value(kB).toString();
    p.options.method
        = agreementMethodFromKey(r.body.value(kMethod).toString()).value_or(AgreementMethod::TimeSlices);
    p.options.sliceMs = r.body.value(kSlice).toInteger(60'000);
    p.options.toleranceMs = r.body.value(kTolerance).toInteger(5'000);
    p.markedMs = r.body.value(kMarked).toInteger();
    return p;
}

} // namespace

ObserverPairs::ObserverPairs(store::LocalStore &store, const Clock &clock)
    : m_store(store)
    , m_clock(clock)
{
}

Result<QList<ObserverPair>> ObserverPairs::list(const QString &projectId) const
{
    auto rows = m_store.records().list(kKind, projectId, kMaxPairs);
    if (!rows.ok())
        return rows.error();
    QList<ObserverPair> out;
    for (const store::Record &r : rows.value())
        out.append(pairFrom(r));
    return out;
}

Result<ObserverPair> ObserverPairs::mark(
    const QString &projectId, const QString &sessionA, const QString &sessionB, const PairOptions &options)
{
    if (sessionA.isEmpty() || sessionB.isEmpty() || sessionA == sessionB)
        return makeError(ErrorCode::InvalidArgument, pairProblemKey(PairProblem::SameSession));
    auto existing = list(projectId);
    if (!existing.ok())
        return existing.error();
    store::RecordChange change;
    for (const ObserverPair &p : existing.value()) {
        if ((p.sessionA == sessionA && p.sessionB == sessionB)
            || (p.sessionA == sessionB && p.sessionB == sessionA))
            change.id = p.id;
    }
    change.kind = kKind;
    change.projectId = projectId;
    change.body.insert(kA, sessionA);
    change.body.insert(kB, sessionB);
    change.body.insert(kMethod, agreementMethodKey(options.method));
    change.body.insert(kSlice, qint64(options.sliceMs));
    change.body.insert(kTolerance, qint64(options.toleranceMs));
    change.body.insert(kMarked, qint64(m_clock.nowMs()));
    auto r = m_store.records().put(change);
    if (!r.ok())
        return r.error();
    return pairFrom(r.value());
}

Status ObserverPairs::unmark(const QString &pairId)
{
    auto record = m_store.records().get(pairId);
    if (!record.ok())
        return record.error();
    if (record->kind != kKind)
        return makeError(ErrorCode::NotFound, QStringLiteral("not an observer pair"));
    store::RecordChange change;
    change.id = pairId;
    change.kind = kKind;
    change.projectId = record->projectId;
    change.deleted = true;
    auto r = m_store.records().put(change);
    if (!r.ok())
        return r.error();
    return {};
}

} // namespace samla::observation
