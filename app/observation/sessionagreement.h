// Agreement between two observers' sessions: which pairs can be compared, the figures, and stored pairings.
#pragma once

#include "agreement.h"
#include "session.h"

namespace samla::store {
class LocalStore;
}

namespace samla::observation {

// Why two sessions cannot be compared. pairProblemText() says it in words.
enum class PairProblem {
    None,
    SameSession, // one session chosen twice
    NotFinalised, // a session still running, paused or stopped but not finalised
    DifferentSchemes, // other schemes, or other versions of one scheme
    Superseded, // a correction replaces this session
    NoOverlap, // the two sessions were not observing at the same time
    NothingToCompare, // the scheme has no point behaviours to rate
};
QString pairProblemKey(PairProblem p);
QString pairProblemText(PairProblem p); // translated, context "Agreement"

// The checks that need only the two sessions (Superseded needs the list: the caller's).
PairProblem checkPair(const SessionInfo &a, const SessionInfo &b);

enum class AgreementMethod { TimeSlices, MatchedEvents };
QString agreementMethodKey(AgreementMethod m); // "slices", "events"
std::optional<AgreementMethod> agreementMethodFromKey(const QString &key);

struct PairOptions {
    AgreementMethod method = AgreementMethod::TimeSlices;
    std::int64_t sliceMs = 60'000; // time slices, and the slices ICC counts events in
    std::int64_t toleranceMs = 5'000; // matched events
};

// One observer's side: the session, its events in force, and its whole log
// (the pause and resume records say when it was not observing).
struct ObserverSide {
    const SessionInfo *info = nullptr;
    QList<ObservationEvent> events;
    QList<ObservationEvent> log;
};

struct PairAgreement {
    QStringList scale; // behaviour codes compared, in order
    bool ordered = false; // weighted kappas apply
    // The common observed span on the UTC wall clock: both sessions running,
    // the pauses of either left out.
    std::int64_t startWallMs = 0;
    std::int64_t endWallMs = 0;
    std::int64_t comparedMs = 0;
    int units = 0; // slices or event pairs compared
    int excluded = 0; // slices left out (an observer coded two categories in one)
    int bothCoded = 0; // units both observers coded a category in (weighted kappas use these)
    Table table; // A's rows, B's columns; the last row and column "nothing coded"
    std::optional<KappaResult> kappa; // unweighted, "nothing coded" a category of its own
    std::optional<KappaResult> linear; // ordered scales only, over units both coded
    std::optional<KappaResult> quadratic;
    std::optional<double> percent; // share of units on the diagonal, 0..1
    std::optional<IccResult> icc; // ICC(2,1) of event counts per slice
    int iccSlices = 0;
    QString method; // the method in words (translated)
    QString iccMethod;
};

// Lines the two sessions up on the UTC wall clock (the time two devices share)
// and compares the events on the scheme's rating scale. Refuses (with
// InvalidArgument and the problem's key) what checkPair refuses.
[[nodiscard]] Result<PairAgreement> comparePair(
    const ObserverSide &a, const ObserverSide &b, const PairOptions &options);

// Two sessions marked as observed by two observers at once, stored as a
// project record ("observation_pair") so the pairing syncs and outlives this device.
struct ObserverPair {
    QString id;
    QString sessionA;
    QString sessionB;
    PairOptions options;
    std::int64_t markedMs = 0;
};

class ObserverPairs {
public:
    static inline const QString kKind = QStringLiteral("observation_pair");
    ObserverPairs(store::LocalStore &store, const Clock &clock);

    // Marks the pair (or updates the stored options of the same two sessions, in either order).
    [[nodiscard]] Result<ObserverPair> mark(const QString &projectId, const QString &sessionA,
        const QString &sessionB, const PairOptions &options);
    // Newest first.
    [[nodiscard]] Result<QList<ObserverPair>> list(const QString &projectId) const;
    [[nodiscard]] Status unmark(const QString &pairId);

private:
    store::LocalStore &m_store;
    const Clock &m_clock;
};

} // namespace samla::observation
