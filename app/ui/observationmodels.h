// List models for the observation screens: a project's sessions, and one session's events.
#pragma once

#include "app/observation/session.h"

#include <QAbstractListModel>
#include <QLocale>
#include <QtQml/qqmlregistration.h>

namespace samla::ui {

// The current project's observation sessions, newest first: one row per
// session, its newest finalised version when a correction replaced it.
class ObservationSessionsModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Sessions come from the ObservationSetup singleton")
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        SchemeRole,   // the scheme's name, in the UI's language
        PlaceRole,    // "Site · Ward area"
        StartedRole,  // date and time, in the UI's locale
        StateRole,    // translated
        StateKeyRole, // "running", "paused", "stopped", "finalised"
        ObserversRole,
        VersionRole,     // 1, 2, 3 …
        CorrectingRole,  // "" or a line saying a correction is being made
    };
    Q_ENUM(Role)

    explicit ObservationSessionsModel(QObject *parent = nullptr);
    void setRows(QList<observation::SessionInfo> rows, QMap<QString, QString> siteNames, QString language,
        QLocale locale);
    void retranslate(QString language, QLocale locale);
    const observation::SessionInfo *info(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QList<observation::SessionInfo> m_all;
    QList<observation::SessionInfo> m_rows;
    QMap<QString, QString> m_siteNames;
    QString m_language;
    QLocale m_locale;
};

// The events in force of one session in order (undone ones left out), as the
// table a researcher checks: offset, local time, what, subject, modifiers.
class ObservationEventsModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Events come from the ObservationLive singleton")
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        OffsetRole,     // observation time, m:ss
        LocalTimeRole,  // HH:mm:ss at the device, with the event's own UTC offset
        KindRole,       // "point", "start", "stop", "note", "dissent"
        WhatRole,       // the behaviour's label and what happened, translated
        SubjectRole,    // a role's label, a participant code, or empty
        ModifiersRole,  // "Label: value; …", or empty
        CommentRole,
        ColorRole,      // the behaviour's colour, or empty
    };
    Q_ENUM(Role)

    explicit ObservationEventsModel(QObject *parent = nullptr);
    void setEvents(QList<observation::ObservationEvent> events, const observation::CodingScheme &scheme,
        QString language);
    void retranslate(QString language);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // What the roles say, for one event (the live screen's "last logged" line uses it too).
    static QString whatText(const observation::ObservationEvent &e, const observation::CodingScheme &scheme,
        const QString &language);
    static QString subjectText(const observation::Subject &s, const observation::CodingScheme &scheme,
        const QString &language);
    static QString modifiersText(const observation::ModifierValues &values, const observation::CodingScheme &scheme,
        const QString &language);

private:
    QList<observation::ObservationEvent> m_events;
    observation::CodingScheme m_scheme;
    QString m_language;
};

} // namespace samla::ui
