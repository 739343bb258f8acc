#include "consentmodels.h"

#include "consenttext.h"

#include <QDateTime>

namespace samla::ui {

using namespace samla::domain;

// ---- ParticipantsModel

ParticipantsModel::ParticipantsModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void ParticipantsModel::setRows(QList<Row> rows, std::int64_t nowMs)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_nowMs = nowMs;
    endResetModel();
}

void ParticipantsModel::retranslate()
{
    if (!m_rows.isEmpty())
        emit dataChanged(index(0), index(int(m_rows.size()) - 1));
}

int ParticipantsModel::indexOfCode(const QString &code) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).participant.code == code)
            return int(i);
    }
    return -1;
}

int ParticipantsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ParticipantsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case IdRole:
        return row.participant.id;
    case Qt::DisplayRole:
    case CodeRole:
        return row.participant.code;
    case CategoryRole:
        return ConsentText::category(row.participant.profile.category);
    case AgeBandRole:
        return ConsentText::ageBand(row.participant.profile.ageBand);
    case ConsentSummaryRole:
        return ConsentText::stateSummary(row.state, m_nowMs);
    case CollectionAllowedRole:
        return ConsentText::collectionAllowed(row.state);
    case DuplicateCodeRole:
        return row.duplicateCode;
    default:
        return {};
    }
}

QHash<int, QByteArray> ParticipantsModel::roleNames() const
{
    return {
        { IdRole, "participantId" },
        { CodeRole, "code" },
        { CategoryRole, "category" },
        { AgeBandRole, "ageBand" },
        { ConsentSummaryRole, "consentSummary" },
        { CollectionAllowedRole, "collectionAllowed" },
        { DuplicateCodeRole, "duplicateCode" },
    };
}

// ---- ConsentItemsModel

ConsentItemsModel::ConsentItemsModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void ConsentItemsModel::setItems(const QList<ConsentItem> &items, const QString &language)
{
    beginResetModel();
    m_items = items;
    m_language = language;
    // Answers belong to the text they were given to: a new form or language starts afresh.
    m_answers.clear();
    endResetModel();
}

void ConsentItemsModel::clear()
{
    setItems({}, {});
}

bool ConsentItemsModel::setAnswer(const QString &itemId, bool agreed)
{
    for (qsizetype i = 0; i < m_items.size(); ++i) {
        if (m_items.at(i).id != itemId)
            continue;
        m_answers.insert(itemId, agreed);
        emit dataChanged(index(int(i)), index(int(i)), { AnswerRole });
        return true;
    }
    return false;
}

ConsentItemsModel::Answer ConsentItemsModel::answer(const QString &itemId) const
{
    const auto it = m_answers.constFind(itemId);
    if (it == m_answers.cend())
        return Unanswered;
    return it.value() ? Yes : No;
}

QMap<QString, bool> ConsentItemsModel::answers() const
{
    return m_answers;
}

void ConsentItemsModel::retranslate()
{
    if (!m_items.isEmpty())
        emit dataChanged(index(0), index(int(m_items.size()) - 1), { ActivityRole });
}

int ConsentItemsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant ConsentItemsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConsentItem &item = m_items.at(index.row());
    switch (role) {
    case ItemIdRole:
        return item.id;
    case Qt::DisplayRole:
    case TextRole:
        return item.text.value(m_language);
    case RequiredRole:
        return item.required;
    case ActivityRole:
        return ConsentText::activity(item.activity);
    case AnswerRole:
        return int(answer(item.id));
    default:
        return {};
    }
}

QHash<int, QByteArray> ConsentItemsModel::roleNames() const
{
    return {
        { ItemIdRole, "itemId" },
        { TextRole, "itemText" },
        { RequiredRole, "isRequired" },
        { ActivityRole, "activity" },
        { AnswerRole, "answer" },
    };
}

// ---- ConsentTimelineModel

ConsentTimelineModel::ConsentTimelineModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void ConsentTimelineModel::setEntries(QList<TimelineEntry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

void ConsentTimelineModel::setLocale(const QLocale &locale)
{
    if (locale == m_locale)
        return;
    m_locale = locale;
    retranslate();
}

void ConsentTimelineModel::retranslate()
{
    if (!m_entries.isEmpty())
        emit dataChanged(index(0), index(int(m_entries.size()) - 1));
}

QString ConsentTimelineModel::details(const ConsentEvent &e)
{
    QStringList parts;
    switch (e.type) {
    case ConsentEventType::ConsentGiven:
    case ConsentEventType::GuardianConsent:
    case ConsentEventType::ConsulteeAdvice: {
        if (e.type == ConsentEventType::ConsulteeAdvice && e.advice == ConsulteeOpinion::Against) {
            parts << tr("Advised that the person would not want to take part.");
            break;
        }
        QStringList yes;
        QStringList no;
        for (const ItemAnswer &a : e.answers)
            (a.agreed ? yes : no) << ConsentText::activity(a.activity);
        if (!yes.isEmpty())
            parts << tr("Yes to: %1").arg(yes.join(QStringLiteral(", ")));
        if (!no.isEmpty())
            parts << tr("No to: %1").arg(no.join(QStringLiteral(", ")));
        parts << ConsentText::method(e.method);
        if (!e.formHash.isEmpty())
            parts << tr("Form %1, %2").arg(e.formHash.left(12), ConsentText::language(e.language));
        if (!e.witness.isEmpty())
            parts << tr("Witness: %1").arg(e.witness);
        break;
    }
    case ConsentEventType::Recheck:
        parts << tr("Outcome: %1").arg(ConsentText::recheckOutcome(e.outcome));
        break;
    case ConsentEventType::Dissent:
        if (e.duringActivity)
            parts << tr("During: %1").arg(ConsentText::activity(*e.duringActivity));
        break;
    case ConsentEventType::Withdrawal:
        parts << tr("Scope: %1").arg(ConsentText::withdrawalScope(e.scope));
        break;
    case ConsentEventType::Assent:
    case ConsentEventType::Pause:
    case ConsentEventType::Resume:
        break;
    }
    if (e.capacity) {
        const bool gillick = e.capacity->test == CapacityTest::Gillick;
        QString assessed = e.capacity->competent
            ? (gillick ? tr("Assessed as Gillick competent") : tr("Assessed as understanding what consent means"))
            : (gillick ? tr("Assessed as not Gillick competent")
                       : tr("Assessed as not understanding what consent means"));
        if (!e.capacity->note.isEmpty())
            assessed += QStringLiteral(" (%1)").arg(e.capacity->note);
        parts << assessed;
    }
    if (!e.reinstates.isEmpty())
        parts << tr("Re-joined the study after withdrawing.");
    if (!e.obtainedBy.isEmpty())
        parts << tr("Recorded by %1").arg(e.obtainedBy);
    return parts.join(QStringLiteral(" · "));
}

int ConsentTimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant ConsentTimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TimelineEntry &entry = m_entries.at(index.row());
    switch (role) {
    case EventIdRole:
        return entry.event.id;
    case WhenRole:
        return m_locale.toString(
            QDateTime::fromMSecsSinceEpoch(entry.event.effectiveMs), QLocale::ShortFormat);
    case Qt::DisplayRole:
    case TypeRole:
        return ConsentText::eventType(entry.event.type);
    case DetailsRole:
        return details(entry.event);
    case EffectRole:
        return ConsentText::effect(entry.effect);
    case RestrictionRole:
        return entry.event.isRestriction();
    default:
        return {};
    }
}

QHash<int, QByteArray> ConsentTimelineModel::roleNames() const
{
    return {
        { EventIdRole, "eventId" },
        { WhenRole, "when" },
        { TypeRole, "type" },
        { DetailsRole, "details" },
        { EffectRole, "effect" },
        { RestrictionRole, "restriction" },
    };
}

// ---- ActivityStatesModel

ActivityStatesModel::ActivityStatesModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void ActivityStatesModel::setStates(QList<ActivityState> states)
{
    beginResetModel();
    m_states.clear();
    // The six kinds of data collection the timeline screen is about; permissions follow.
    for (const ActivityState &s : states) {
        if (isCollectionActivity(s.activity))
            m_states.append(s);
    }
    for (const ActivityState &s : states) {
        if (!isCollectionActivity(s.activity))
            m_states.append(s);
    }
    endResetModel();
}

void ActivityStatesModel::retranslate()
{
    if (!m_states.isEmpty())
        emit dataChanged(index(0), index(int(m_states.size()) - 1));
}

int ActivityStatesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_states.size());
}

QVariant ActivityStatesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ActivityState &s = m_states.at(index.row());
    switch (role) {
    case ActivityKeyRole:
        return activityKey(s.activity);
    case Qt::DisplayRole:
    case ActivityRole:
        return ConsentText::activity(s.activity);
    case AllowedRole:
        return s.allowed;
    case ReasonRole:
        return s.allowed ? QString() : reasonText(s.reason);
    default:
        return {};
    }
}

QHash<int, QByteArray> ActivityStatesModel::roleNames() const
{
    return {
        { ActivityKeyRole, "activityKey" },
        { ActivityRole, "activity" },
        { AllowedRole, "allowed" },
        { ReasonRole, "reason" },
    };
}

} // namespace samla::ui
