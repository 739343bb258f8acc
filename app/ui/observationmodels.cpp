#include "observationmodels.h"

#include "observationtext.h"

#include <QDateTime>

namespace samla::ui {

using namespace samla::observation;

// ---- ObservationSessionsModel ----

ObservationSessionsModel::ObservationSessionsModel(QObject *parent) : QAbstractListModel(parent) {}

void ObservationSessionsModel::setRows(QList<SessionInfo> rows, QMap<QString, QString> siteNames, QString language,
    QLocale locale)
{
    beginResetModel();
    m_all = std::move(rows);
    // A corrected session lists once, as its newest finalised version; a
    // correction being made shows on the version it corrects.
    m_rows = sessionsInForce(m_all);
    m_siteNames = std::move(siteNames);
    m_language = std::move(language);
    m_locale = std::move(locale);
    endResetModel();
}

void ObservationSessionsModel::retranslate(QString language, QLocale locale)
{
    setRows(m_all, m_siteNames, std::move(language), std::move(locale));
}

const SessionInfo *ObservationSessionsModel::info(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

int ObservationSessionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ObservationSessionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SessionInfo &s = m_rows[index.row()];
    switch (role) {
    case IdRole:
        return s.id;
    case Qt::DisplayRole:
    case SchemeRole:
        return labelIn(s.scheme.name, m_language);
    case PlaceRole: {
        QStringList parts;
        if (!s.siteId.isEmpty())
            parts << m_siteNames.value(s.siteId, s.siteId);
        if (!s.setting.isEmpty())
            parts << ObservationText::settingLabel(s.setting);
        return parts.join(QStringLiteral(" · "));
    }
    case StartedRole:
        return m_locale.toString(
            QDateTime::fromMSecsSinceEpoch(s.startedWallMs, Qt::OffsetFromUTC, s.startUtcOffsetS), QLocale::ShortFormat);
    case StateRole:
        if (s.isCorrection() && s.state == SessionState::Finalised)
            return ObservationText::tr("Corrected (version %1)").arg(s.versionNo);
        return ObservationText::stateLabel(s.state);
    case VersionRole:
        return s.versionNo;
    case CorrectingRole:
        if (const auto open = openCorrectionOf(m_all, s.id))
            return ObservationText::tr("Correction to version %1 begun by %2, not finalised yet")
                .arg(open->versionNo)
                .arg(open->correctedBy);
        return QString();
    case StateKeyRole:
        return sessionStateKey(s.state);
    case ObserversRole:
        return s.observers.join(QStringLiteral(", "));
    }
    return {};
}

QHash<int, QByteArray> ObservationSessionsModel::roleNames() const
{
    return {{IdRole, "sessionId"}, {SchemeRole, "scheme"}, {PlaceRole, "place"}, {StartedRole, "started"},
            {StateRole, "stateText"}, {StateKeyRole, "stateKey"}, {ObserversRole, "observers"},
            {VersionRole, "versionNo"}, {CorrectingRole, "correcting"}};
}

// ---- ObservationEventsModel ----

ObservationEventsModel::ObservationEventsModel(QObject *parent) : QAbstractListModel(parent) {}

void ObservationEventsModel::setEvents(QList<ObservationEvent> events, const CodingScheme &scheme, QString language)
{
    beginResetModel();
    m_events = std::move(events);
    m_scheme = scheme;
    m_language = std::move(language);
    endResetModel();
}

void ObservationEventsModel::retranslate(QString language)
{
    beginResetModel();
    m_language = std::move(language);
    endResetModel();
}

void ObservationEventsModel::clear()
{
    setEvents({}, {}, m_language);
}

int ObservationEventsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

QString ObservationEventsModel::subjectText(const Subject &s, const CodingScheme &scheme, const QString &language)
{
    switch (s.kind) {
    case Subject::Kind::None:
        return {};
    case Subject::Kind::Participant:
        return s.code;
    case Subject::Kind::Role:
        for (const observation::SubjectRole &r : scheme.roles) {
            if (r.code == s.code)
                return labelIn(r.label, language);
        }
        return s.code;
    }
    return {};
}

QString ObservationEventsModel::modifiersText(const ModifierValues &values, const CodingScheme &scheme,
    const QString &language)
{
    QStringList parts;
    for (auto it = values.begin(); it != values.end(); ++it) {
        const Modifier *m = scheme.modifier(it.key());
        if (!m)
            continue;
        auto optionLabel = [&](const QString &code) {
            for (const ModifierOption &o : m->options) {
                if (o.code == code)
                    return labelIn(o.label, language);
            }
            return code;
        };
        QString value;
        switch (m->type) {
        case ModifierType::SingleChoice:
            value = optionLabel(it.value().toString());
            break;
        case ModifierType::MultipleChoice: {
            QStringList chosen;
            for (const QString &code : it.value().toStringList())
                chosen << optionLabel(code);
            value = chosen.join(QStringLiteral(", "));
            break;
        }
        case ModifierType::Number:
        case ModifierType::FreeText:
            value = it.value().toString();
            break;
        }
        parts << QStringLiteral("%1: %2").arg(labelIn(m->label, language), value);
    }
    return parts.join(QStringLiteral("; "));
}

QString ObservationEventsModel::whatText(const ObservationEvent &e, const CodingScheme &scheme, const QString &language)
{
    const Behaviour *b = scheme.behaviour(e.behaviour);
    const QString label = b ? labelIn(b->label, language) : e.behaviour;
    switch (e.kind) {
    case EventKind::Point:
        return label;
    case EventKind::Start:
        return ObservationText::tr("%1 started").arg(label);
    case EventKind::Stop:
        return ObservationText::tr("%1 ended").arg(label);
    case EventKind::Note:
        return ObservationText::tr("Note");
    case EventKind::Dissent:
        return ObservationText::tr("Dissent: observation stopped for this participant");
    case EventKind::Undo:
    case EventKind::Pause:
    case EventKind::Resume:
        break;
    }
    return {};
}

QVariant ObservationEventsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ObservationEvent &e = m_events[index.row()];
    switch (role) {
    case IdRole:
        return e.id;
    case OffsetRole:
        return ObservationText::clock(e.offsetMs);
    case LocalTimeRole:
        return ObservationText::localTime(e);
    case KindRole:
        return eventKindKey(e.kind);
    case Qt::DisplayRole:
    case WhatRole:
        return whatText(e, m_scheme, m_language);
    case SubjectRole:
        return subjectText(e.subject, m_scheme, m_language);
    case ModifiersRole:
        return modifiersText(e.modifiers, m_scheme, m_language);
    case CommentRole:
        return e.comment;
    case ColorRole: {
        const Behaviour *b = m_scheme.behaviour(e.behaviour);
        return b ? b->color : QString();
    }
    }
    return {};
}

QHash<int, QByteArray> ObservationEventsModel::roleNames() const
{
    return {{IdRole, "eventId"}, {OffsetRole, "offset"}, {LocalTimeRole, "localTime"}, {KindRole, "kind"},
            {WhatRole, "what"}, {SubjectRole, "subject"}, {ModifiersRole, "modifiers"}, {CommentRole, "comment"},
            {ColorRole, "behaviourColor"}};
}

} // namespace samla::ui
