// ObservationReports: summaries with charts of one session or of all sessions of a scheme, and CSV/TSV
// export.
#pragma once

#include "app/observation/sessionclock.h"
#include "app/observation/summary.h"

#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <functional>

class QQmlEngine;
class QJSEngine;

namespace samla::ui {

class AppSettings;
class Session;

// The figures are the domain's (summary.h); this controller picks what a
// scheme calls for (QuIS: interactions per patient per hour and category
// shares, grouped by site and, when the project's sites have study arms, by
// intervention/control arm; meetings: contributions by role and type; state
// events: time budgets), writes every number out in the user's locale, and
// describes charts the screen draws as labelled bars.
class ObservationReports : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool acrossSessions READ acrossSessions NOTIFY reportChanged)
    Q_PROPERTY(QString sessionId READ sessionId NOTIFY reportChanged)
    Q_PROPERTY(QString title READ title NOTIFY reportChanged)
    Q_PROPERTY(QString subtitle READ subtitle NOTIFY reportChanged)
    Q_PROPERTY(QVariantList schemeChoices READ schemeChoices NOTIFY reportChanged) // [{key, label}]
    Q_PROPERTY(QString schemeId READ schemeId WRITE setSchemeId NOTIFY reportChanged)
    // [{key, label, value}]: the headline numbers.
    Q_PROPERTY(QVariantList headline READ headline NOTIFY reportChanged)
    // [{key, title, note, groups: [{title, rows: [{label, fraction, value, color}]}]}]
    Q_PROPERTY(QVariantList charts READ charts NOTIFY reportChanged)
    Q_PROPERTY(QString emptyText READ emptyText NOTIFY reportChanged)
    Q_PROPERTY(
        QString exportDirectory READ exportDirectory WRITE setExportDirectory NOTIFY exportDirectoryChanged)
    Q_PROPERTY(QString lastExportPath READ lastExportPath NOTIFY messageChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY messageChanged)
    Q_PROPERTY(QString infoString READ infoString NOTIFY messageChanged)
public:
    ObservationReports(Session &session, AppSettings &settings, const observation::MonotonicClock &monotonic,
        const QTimeZone &zone, QObject *parent = nullptr);
    static ObservationReports *create(QQmlEngine *qml, QJSEngine *js);

    bool acrossSessions() const { return m_sessionId.isEmpty(); }
    QString sessionId() const { return m_sessionId; }
    QString title() const;
    QString subtitle() const;
    QVariantList schemeChoices() const;
    QString schemeId() const { return m_schemeId; }
    void setSchemeId(const QString &id);
    QVariantList headline() const;
    QVariantList charts() const;
    QString emptyText() const;
    QString exportDirectory() const { return m_exportDirectory; }
    void setExportDirectory(const QString &dir);
    QString lastExportPath() const { return m_lastExportPath; }
    QString errorString() const { return m_errorText ? m_errorText() : QString(); }
    QString infoString() const { return m_infoText ? m_infoText() : QString(); }

    // The summaries shown, one per session included (for tests and the screen's counts).
    const QList<observation::SessionSummary> &summaries() const { return m_summaries; }

    // One session's summary.
    Q_INVOKABLE void showSession(const QString &sessionId);
    // Every stopped or finalised session of the chosen scheme, grouped by site (and by arm).
    Q_INVOKABLE void showAll();
    Q_INVOKABLE void refresh();
    // Writes the events of the session shown (or of every session of the
    // project, across sessions) as "csv" or "tsv" into exportDirectory.
    Q_INVOKABLE bool exportEvents(const QString &format);

    // An export that failed, as a sentence naming the folder (exposed for tests).
    static QString exportErrorText(ErrorCode code, const QString &dir);

signals:
    void reportChanged();
    void exportDirectoryChanged();
    void messageChanged();

private:
    void setMessages(std::function<QString()> error, std::function<QString()> info);
    void load();
    const observation::CodingScheme *scheme() const;
    QString language() const;

    Session &m_session;
    AppSettings &m_settings;
    const observation::MonotonicClock &m_monotonic;
    QTimeZone m_zone;
    QString m_sessionId; // empty: across sessions
    QString m_schemeId;
    QList<observation::SessionInfo> m_listed; // the project's sessions
    QList<observation::SessionInfo> m_included; // those summarised
    QList<observation::SessionSummary> m_summaries;
    QString m_exportDirectory;
    QString m_lastExportPath;
    std::function<QString()> m_errorText;
    std::function<QString()> m_infoText;
};

} // namespace samla::ui
