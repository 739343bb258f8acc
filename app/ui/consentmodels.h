// List models for the participant and consent screens: participants, consent items, timeline, activities.
#pragma once

#include "app/domain/consentforms.h"
#include "app/domain/consentgate.h"

#include <QAbstractListModel>
#include <QLocale>
#include <QtQml/qqmlregistration.h>

namespace samla::ui {

// The project's participants by code, with a one-line consent summary.
class ParticipantsModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Participants come from the ParticipantRegister singleton")
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        CodeRole,
        CategoryRole, // translated
        AgeBandRole, // translated
        ConsentSummaryRole, // translated, one line
        CollectionAllowedRole, // some data collection is allowed now
        DuplicateCodeRole, // another participant of the project has the same code
    };
    Q_ENUM(Role)

    struct Row {
        domain::Participant participant;
        domain::ConsentState state;
        bool duplicateCode = false;
    };

    explicit ParticipantsModel(QObject *parent = nullptr);
    void setRows(QList<Row> rows, std::int64_t nowMs);
    void retranslate();
    int indexOfCode(const QString &code) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QList<Row> m_rows;
    std::int64_t m_nowMs = 0;
};

// The items of the consent form being taken, with the answer given so far.
class ConsentItemsModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Consent items come from the ConsentFlow singleton")
public:
    enum Answer { Unanswered = -1, No = 0, Yes = 1 };
    Q_ENUM(Answer)
    enum Role {
        ItemIdRole = Qt::UserRole + 1,
        TextRole, // in the language the consent is taken in
        RequiredRole,
        ActivityRole, // translated
        AnswerRole, // Answer
    };
    Q_ENUM(Role)

    explicit ConsentItemsModel(QObject *parent = nullptr);
    void setItems(const QList<domain::ConsentItem> &items, const QString &language);
    void clear();
    bool setAnswer(const QString &itemId, bool agreed);
    Answer answer(const QString &itemId) const;
    const QList<domain::ConsentItem> &items() const { return m_items; }
    QMap<QString, bool> answers() const; // answered items only
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QList<domain::ConsentItem> m_items;
    QMap<QString, bool> m_answers;
    QString m_language;
};

// Every consent event of one participant, in derivation order.
class ConsentTimelineModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The timeline comes from the ParticipantConsent singleton")
public:
    enum Role {
        EventIdRole = Qt::UserRole + 1,
        WhenRole, // date and time in the user's locale
        TypeRole, // translated event type
        DetailsRole, // translated: what was agreed, by whom, scope, outcome…
        EffectRole, // translated; empty when the event simply counted
        RestrictionRole, // withdrawal, dissent, pause…
    };
    Q_ENUM(Role)

    explicit ConsentTimelineModel(QObject *parent = nullptr);
    void setEntries(QList<domain::TimelineEntry> entries);
    void setLocale(const QLocale &locale);
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    static QString details(const domain::ConsentEvent &event);

private:
    QList<domain::TimelineEntry> m_entries;
    QLocale m_locale;
};

// What the gate says now for each activity, with its reason when it refuses.
class ActivityStatesModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Activity states come from the ParticipantConsent singleton")
public:
    enum Role {
        ActivityKeyRole = Qt::UserRole + 1,
        ActivityRole, // translated
        AllowedRole,
        ReasonRole, // translated reason of the refusal; empty when allowed
    };
    Q_ENUM(Role)

    explicit ActivityStatesModel(QObject *parent = nullptr);
    void setStates(QList<domain::ActivityState> states);
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QList<domain::ActivityState> m_states;
};

} // namespace samla::ui
