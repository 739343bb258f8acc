// ObservationAgreement: two observers' sessions chosen as a pair, the method, and the agreement figures.
#pragma once

#include "app/observation/sessionagreement.h"
#include "app/observation/sessionclock.h"

#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <optional>

class QQmlEngine;
class QJSEngine;

namespace samla::ui {

class AppSettings;
class Session;

// The statistics and the rules of which pairs compare are the domain's
// (sessionagreement.h); this controller keeps the choice, turns refusals into
// sentences, writes the figures out in the user's locale, and stores a marked
// pair as a project record so it can be opened again.
class ObservationAgreement : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    // [{id, title, detail, finalised, stateText}]: the project's sessions, newest first.
    Q_PROPERTY(QVariantList sessions READ sessions NOTIFY sessionsChanged)
    // [{id, title, detail}]: marked pairs, newest first.
    Q_PROPERTY(QVariantList pairs READ pairs NOTIFY sessionsChanged)
    Q_PROPERTY(QString sessionA READ sessionA WRITE setSessionA NOTIFY choiceChanged)
    Q_PROPERTY(QString sessionB READ sessionB WRITE setSessionB NOTIFY choiceChanged)
    Q_PROPERTY(QString sessionAText READ sessionAText NOTIFY choiceChanged)
    Q_PROPERTY(QString sessionBText READ sessionBText NOTIFY choiceChanged)
    Q_PROPERTY(QString method READ method WRITE setMethod NOTIFY choiceChanged) // "slices", "events"
    Q_PROPERTY(int sliceSeconds READ sliceSeconds WRITE setSliceSeconds NOTIFY choiceChanged)
    Q_PROPERTY(int toleranceSeconds READ toleranceSeconds WRITE setToleranceSeconds NOTIFY choiceChanged)
    Q_PROPERTY(QVariantList methodChoices READ methodChoices NOTIFY resultChanged)
    // Why the chosen pair cannot be compared (empty when it can, or nothing is chosen yet).
    Q_PROPERTY(QString problem READ problem NOTIFY resultChanged)
    Q_PROPERTY(bool hasResult READ hasResult NOTIFY resultChanged)
    Q_PROPERTY(bool ordered READ ordered NOTIFY resultChanged)
    Q_PROPERTY(bool marked READ marked NOTIFY resultChanged)
    // [{key, label, value, note}]: kappa, weighted kappas (ordered scales), percentage agreement, ICC, units.
    Q_PROPERTY(QVariantList figures READ figures NOTIFY resultChanged)
    Q_PROPERTY(QString methodText READ methodText NOTIFY resultChanged)
    Q_PROPERTY(QString spanText READ spanText NOTIFY resultChanged)
    Q_PROPERTY(QString scaleText READ scaleText NOTIFY resultChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY messageChanged)
    Q_PROPERTY(QString infoString READ infoString NOTIFY messageChanged)
public:
    ObservationAgreement(Session &session, AppSettings &settings,
        const observation::MonotonicClock &monotonic, const QTimeZone &zone, QObject *parent = nullptr);
    static ObservationAgreement *create(QQmlEngine *qml, QJSEngine *js);

    QVariantList sessions() const;
    QVariantList pairs() const;
    QString sessionA() const { return m_a; }
    void setSessionA(const QString &id);
    QString sessionB() const { return m_b; }
    void setSessionB(const QString &id);
    QString sessionAText() const;
    QString sessionBText() const;
    QString method() const { return observation::agreementMethodKey(m_options.method); }
    void setMethod(const QString &key);
    int sliceSeconds() const { return int(m_options.sliceMs / 1000); }
    void setSliceSeconds(int seconds);
    int toleranceSeconds() const { return int(m_options.toleranceMs / 1000); }
    void setToleranceSeconds(int seconds);
    QVariantList methodChoices() const;
    QString problem() const { return m_problem ? m_problem() : QString(); }
    bool hasResult() const { return m_result.has_value(); }
    bool ordered() const { return m_result && m_result->ordered; }
    bool marked() const;
    QVariantList figures() const;
    QString methodText() const;
    QString spanText() const;
    QString scaleText() const;
    QString errorString() const { return m_errorText ? m_errorText() : QString(); }
    QString infoString() const { return m_infoText ? m_infoText() : QString(); }

    const std::optional<observation::PairAgreement> &result() const { return m_result; }

    // Re-reads the project's sessions and marked pairs.
    Q_INVOKABLE void refresh();
    // Chooses a session for the next free side (A, then B); tapping a chosen one takes it back.
    Q_INVOKABLE void choose(const QString &sessionId);
    Q_INVOKABLE void clearChoice();
    // Stores the chosen pair (with its method) as a paired-observer pair of the project.
    Q_INVOKABLE bool markPair();
    Q_INVOKABLE bool unmarkPair(const QString &pairId);
    // Chooses a marked pair's sessions and method again.
    Q_INVOKABLE void openPair(const QString &pairId);

signals:
    void sessionsChanged();
    void choiceChanged();
    void resultChanged();
    void messageChanged();

private:
    void recompute();
    void setMessages(std::function<QString()> error, std::function<QString()> info);
    const observation::SessionInfo *info(const QString &id) const;
    QString sessionText(const QString &id) const;
    QString language() const;

    Session &m_session;
    AppSettings &m_settings;
    const observation::MonotonicClock &m_monotonic;
    QTimeZone m_zone;
    QList<observation::SessionInfo> m_sessions;
    QList<observation::ObserverPair> m_pairs;
    QString m_a;
    QString m_b;
    observation::PairOptions m_options;
    std::optional<observation::PairAgreement> m_result;
    std::function<QString()> m_problem;
    std::function<QString()> m_errorText;
    std::function<QString()> m_infoText;
};

} // namespace samla::ui
