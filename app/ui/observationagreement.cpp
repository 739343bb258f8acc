#include "observationagreement.h"

#include <algorithm>

#include "app/store/localstore.h"
#include "appsettings.h"
#include "engineservices.h"
#include "errortext.h"
#include "languagewatcher.h"
#include "observationtext.h"
#include "session.h"

#include <QDateTime>
#include <QVariantMap>

namespace samla::ui {

using namespace samla::observation;

ObservationAgreement::ObservationAgreement(Session &session, AppSettings &settings,
    const MonotonicClock &monotonic, const QTimeZone &zone, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_settings(settings)
    , m_monotonic(monotonic)
    , m_zone(zone)
{
    connect(&m_session, &Session::opened, this, &ObservationAgreement::refresh);
    connect(&m_session, &Session::aboutToClose, this, [this] {
        m_sessions.clear();
        m_pairs.clear();
        m_a.clear();
        m_b.clear();
        m_result.reset();
        m_problem = {};
        setMessages({}, {});
        emit sessionsChanged();
        emit choiceChanged();
        emit resultChanged();
    });
    new LanguageWatcher(this, [this] {
        // The method sentences come from the domain already translated: compute them again.
        recompute();
        emit sessionsChanged();
        emit choiceChanged();
        emit messageChanged();
    });
    if (m_session.state() == Session::Unlocked)
        refresh();
}

ObservationAgreement *ObservationAgreement::create(QQmlEngine *qml, QJSEngine *)
{
    return serviceFromEngine<ObservationAgreement>(qml);
}

QString ObservationAgreement::language() const
{
    return m_settings.language();
}

void ObservationAgreement::setMessages(std::function<QString()> error, std::function<QString()> info)
{
    m_errorText = std::move(error);
    m_infoText = std::move(info);
    emit messageChanged();
}

void ObservationAgreement::refresh()
{
    store::LocalStore *store = m_session.store();
    if (!store)
        return;
    auto list = Sessions(*store, m_session.clock(), m_monotonic, m_zone).list(m_session.projectId());
    auto pairs = ObserverPairs(*store, m_session.clock()).list(m_session.projectId());
    if (!list.ok() || !pairs.ok()) {
        const ErrorCode code = !list.ok() ? list.code() : pairs.code();
        setMessages([code] { return ErrorText::forCode(code); }, {});
        return;
    }
    m_sessions = list.value();
    m_pairs = pairs.value();
    // A chosen session that is gone (erased elsewhere) is no longer chosen.
    if (!info(m_a))
        m_a.clear();
    if (!info(m_b))
        m_b.clear();
    emit sessionsChanged();
    emit choiceChanged();
    recompute();
}

const SessionInfo *ObservationAgreement::info(const QString &id) const
{
    for (const SessionInfo &s : m_sessions) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

QString ObservationAgreement::sessionText(const QString &id) const
{
    const SessionInfo *s = info(id);
    if (!s)
        return {};
    const QString started = m_settings.locale().toString(
        QDateTime::fromMSecsSinceEpoch(s->startedWallMs, Qt::OffsetFromUTC, s->startUtcOffsetS),
        QLocale::ShortFormat);
    return tr("%1, %2, coded by %3").arg(labelIn(s->scheme.name, language()), started, s->observer);
}

QVariantList ObservationAgreement::sessions() const
{
    QMap<QString, QString> siteNames;
    for (const domain::Site &site : m_session.project().settings.sites)
        siteNames.insert(site.id, site.name);
    QVariantList out;
    for (const SessionInfo &s : m_sessions) {
        const QString started = m_settings.locale().toString(
            QDateTime::fromMSecsSinceEpoch(s.startedWallMs, Qt::OffsetFromUTC, s.startUtcOffsetS),
            QLocale::ShortFormat);
        QStringList detail { started, tr("Coded by %1").arg(s.observer) };
        if (!s.siteId.isEmpty())
            detail << siteNames.value(s.siteId, s.siteId);
        detail << ObservationText::stateLabel(s.state);
        out.append(QVariantMap { { QStringLiteral("id"), s.id },
            { QStringLiteral("title"), labelIn(s.scheme.name, language()) },
            { QStringLiteral("detail"), detail.join(QStringLiteral(" · ")) },
            { QStringLiteral("finalised"), s.state == SessionState::Finalised },
            { QStringLiteral("side"),
                s.id == m_a       ? QStringLiteral("A")
                    : s.id == m_b ? QStringLiteral("B")
                                  : QString() } });
    }
    return out;
}

QVariantList ObservationAgreement::pairs() const
{
    QVariantList out;
    for (const ObserverPair &p : m_pairs) {
        const QString a = sessionText(p.sessionA), b = sessionText(p.sessionB);
        if (a.isEmpty() || b.isEmpty())
            continue; // a session of the pair is no longer here
        out.append(
            QVariantMap { { QStringLiteral("id"), p.id }, { QStringLiteral("title"), tr("A: %1").arg(a) },
                { QStringLiteral("detail"), tr("B: %1").arg(b) } });
    }
    return out;
}

void ObservationAgreement::setSessionA(const QString &id)
{
    if (id == m_a)
        return;
    m_a = id;
    setMessages({}, {});
    emit choiceChanged();
    emit sessionsChanged();
    recompute();
}

void ObservationAgreement::setSessionB(const QString &id)
{
    if (id == m_b)
        return;
    m_b = id;
    setMessages({}, {});
    emit choiceChanged();
    emit sessionsChanged();
    recompute();
}

QString ObservationAgreement::sessionAText() const
{
    return sessionText(m_a);
}

QString ObservationAgreement::sessionBText() const
{
    return sessionText(m_b);
}

void ObservationAgreement::choose(const QString &sessionId)
{
    if (sessionId == m_a)
        setSessionA({});
    else if (sessionId == m_b)
        setSessionB({});
    else if (m_a.isEmpty())
        setSessionA(sessionId);
    else if (m_b.isEmpty())
        setSessionB(sessionId);
    else
        setSessionB(sessionId); // both chosen: the newest tap replaces B
}

void ObservationAgreement::clearChoice()
{
    m_a.clear();
    m_b.clear();
    setMessages({}, {});
    emit choiceChanged();
    emit sessionsChanged();
    recompute();
}

void ObservationAgreement::setMethod(const QString &key)
{
    const auto m = agreementMethodFromKey(key);
    if (!m || *m == m_options.method)
        return;
    m_options.method = *m;
    emit choiceChanged();
    recompute();
}

void ObservationAgreement::setSliceSeconds(int seconds)
{
    // One second to one day: a slice shorter than a tap makes no sense, a longer one compares nothing.
    seconds = std::clamp(seconds, 1, 86'400);
    if (seconds * 1000LL == m_options.sliceMs)
        return;
    m_options.sliceMs = seconds * 1000LL;
    emit choiceChanged();
    recompute();
}

void ObservationAgreement::setToleranceSeconds(int seconds)
{
    seconds = std::clamp(seconds, 0, 3'600);
    if (seconds * 1000LL == m_options.toleranceMs)
        return;
    m_options.toleranceMs = seconds * 1000LL;
    emit choiceChanged();
    recompute();
}

QVariantList ObservationAgreement::methodChoices() const
{
    return { QVariantMap { { QStringLiteral("key"), QStringLiteral("slices") },
                 { QStringLiteral("label"), tr("Time slices") } },
        QVariantMap { { QStringLiteral("key"), QStringLiteral("events") },
            { QStringLiteral("label"), tr("Matched events") } } };
}

void ObservationAgreement::recompute()
{
    m_result.reset();
    m_problem = {};
    const SessionInfo *a = info(m_a);
    const SessionInfo *b = info(m_b);
    store::LocalStore *store = m_session.store();
    if (!a || !b || !store) {
        emit resultChanged();
        return;
    }
    PairProblem problem = checkPair(*a, *b);
    if (problem == PairProblem::None) {
        // A correction supersedes the version it corrects: that one is no longer the record.
        // Only a finalised correction replaces: one still being made is not yet the record.
        if (replacedByCorrection(m_sessions, a->id) || replacedByCorrection(m_sessions, b->id))
            problem = PairProblem::Superseded;
    }
    if (problem != PairProblem::None) {
        m_problem = [problem] { return pairProblemText(problem); };
        emit resultChanged();
        return;
    }
    Sessions sessions(*store, m_session.clock(), m_monotonic, m_zone);
    auto openA = sessions.open(a->id);
    auto openB = sessions.open(b->id);
    if (!openA.ok() || !openB.ok()) {
        const Error error = !openA.ok() ? openA.error() : openB.error();
        m_problem = ObservationText::later(error);
        emit resultChanged();
        return;
    }
    const ObserverSide sideA { &openA.value()->info(), openA.value()->events(), openA.value()->log() };
    const ObserverSide sideB { &openB.value()->info(), openB.value()->events(), openB.value()->log() };
    auto compared = comparePair(sideA, sideB, m_options);
    if (!compared.ok()) {
        const QString key = compared.error().detail;
        PairProblem p = PairProblem::None;
        for (PairProblem candidate :
            { PairProblem::SameSession, PairProblem::NotFinalised, PairProblem::DifferentSchemes,
                PairProblem::Superseded, PairProblem::NoOverlap, PairProblem::NothingToCompare }) {
            if (pairProblemKey(candidate) == key)
                p = candidate;
        }
        if (p != PairProblem::None)
            m_problem = [p] { return pairProblemText(p); };
        else
            m_problem = ObservationText::later(compared.error());
        emit resultChanged();
        return;
    }
    m_result = compared.value();
    emit resultChanged();
}

bool ObservationAgreement::marked() const
{
    for (const ObserverPair &p : m_pairs) {
        if ((p.sessionA == m_a && p.sessionB == m_b) || (p.sessionA == m_b && p.sessionB == m_a))
            return true;
    }
    return false;
}

QVariantList ObservationAgreement::figures() const
{
    if (!m_result)
        return {};
    const QLocale locale = m_settings.locale();
    const PairAgreement &r = *m_result;
    auto number = [&](double v) { return locale.toString(v, 'f', 2); };
    const QString none = tr("Cannot be computed");
    QVariantList out;
    auto add = [&](const QString &key, const QString &label, const QString &value, const QString &note) {
        out.append(QVariantMap { { QStringLiteral("key"), key }, { QStringLiteral("label"), label },
            { QStringLiteral("value"), value }, { QStringLiteral("note"), note } });
    };
    const QString oneCategory = tr("Both observers used one category only, so chance agreement is complete.");
    add(QStringLiteral("kappa"), tr("Cohen's kappa (unweighted)"), r.kappa ? number(r.kappa->kappa) : none,
        r.kappa ? tr("Observed agreement %1, chance agreement %2")
                      .arg(number(r.kappa->observed), number(r.kappa->expected))
                : oneCategory);
    if (r.ordered) {
        add(QStringLiteral("linear"), tr("Weighted kappa, linear weights"),
            r.linear ? number(r.linear->kappa) : none,
            r.linear ? tr("Over %n unit(s) both observers coded", "", r.bothCoded) : oneCategory);
        add(QStringLiteral("quadratic"), tr("Weighted kappa, quadratic weights"),
            r.quadratic ? number(r.quadratic->kappa) : none,
            r.quadratic ? tr("Over %n unit(s) both observers coded", "", r.bothCoded) : oneCategory);
    }
    add(QStringLiteral("percent"), tr("Percentage agreement"),
        r.percent ? tr("%1%").arg(locale.toString(*r.percent * 100.0, 'f', 1)) : none,
        tr("Units where both observers coded the same, or both coded nothing"));
    add(QStringLiteral("icc"), tr("ICC(2,1) of event counts"), r.icc ? number(r.icc->icc) : none,
        r.icc ? tr("Counts in %n time slice(s)", "", r.iccSlices)
              : tr("The counts do not vary between slices, so ICC cannot be computed."));
    add(QStringLiteral("units"), tr("Units compared"), locale.toString(r.units),
        m_options.method == AgreementMethod::TimeSlices ? tr("%n slice(s) left out", "", r.excluded)
                                                        : tr("Event pairs, including unmatched events"));
    return out;
}

QString ObservationAgreement::methodText() const
{
    return m_result ? m_result->method + QLatin1Char(' ') + m_result->iccMethod : QString();
}

QString ObservationAgreement::spanText() const
{
    if (!m_result)
        return {};
    const SessionInfo *a = info(m_a);
    const int offset = a ? a->startUtcOffsetS : 0;
    const QLocale locale = m_settings.locale();
    auto time = [&](std::int64_t ms) {
        return locale.toString(
            QDateTime::fromMSecsSinceEpoch(ms, Qt::OffsetFromUTC, offset).time(), QLocale::ShortFormat);
    };
    return tr(
        "Compared: %1 of observation both sessions share, between %2 and %3 on the devices' clocks (UTC "
        "lines the two devices up); time either observer paused is left out.")
        .arg(ObservationText::clock(m_result->comparedMs), time(m_result->startWallMs),
            time(m_result->endWallMs));
}

QString ObservationAgreement::scaleText() const
{
    if (!m_result)
        return {};
    const SessionInfo *a = info(m_a);
    if (!a)
        return {};
    QStringList labels;
    for (const QString &code : m_result->scale) {
        const Behaviour *b = a->scheme.behaviour(code);
        labels << (b ? labelIn(b->label, language()) : code);
    }
    return m_result->ordered ? tr("Categories compared, in order: %1").arg(labels.join(QStringLiteral(", ")))
                             : tr("Categories compared: %1").arg(labels.join(QStringLiteral(", ")));
}

bool ObservationAgreement::markPair()
{
    store::LocalStore *store = m_session.store();
    if (!store)
        return false;
    if (!m_result) {
        setMessages([] { return tr("Choose two sessions that can be compared first."); }, {});
        return false;
    }
    auto marked = ObserverPairs(*store, m_session.clock()).mark(m_session.projectId(), m_a, m_b, m_options);
    if (!marked.ok()) {
        setMessages(ObservationText::later(marked.error()), {});
        return false;
    }
    setMessages({}, [] { return tr("Marked as a paired-observer pair. It is listed under Marked pairs."); });
    refresh();
    return true;
}

bool ObservationAgreement::unmarkPair(const QString &pairId)
{
    store::LocalStore *store = m_session.store();
    // Only a pair of the open project, as listed: an id from elsewhere changes nothing.
    const bool listed = std::any_of(m_pairs.cbegin(), m_pairs.cend(), [&pairId](const ObserverPair &p) { return p.id == pairId; });
    if (!store || !listed)
        return false;
    auto done = ObserverPairs(*store, m_session.clock()).unmark(pairId);
    if (!done.ok()) {
        setMessages(ObservationText::later(done.error()), {});
        return false;
    }
    setMessages({}, [] { return tr("The pair is no longer marked. Both sessions are unchanged."); });
    refresh();
    return true;
}

void ObservationAgreement::openPair(const QString &pairId)
{
    for (const ObserverPair &p : m_pairs) {
        if (p.id != pairId)
            continue;
        m_a = p.sessionA;
        m_b = p.sessionB;
        m_options = p.options;
        setMessages({}, {});
        emit choiceChanged();
        emit sessionsChanged();
        recompute();
        return;
    }
}

} // namespace samla::ui
