// ConsentFlow: taking consent step by step — form and route, reading, answering, signing, certification.
#pragma once

#include "app/domain/consentlog.h"
#include "app/domain/projects.h"
#include "consentmodels.h"
#include "errortext.h"
#include "signaturepad.h"

#include <QObject>
#include <QTranslator>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <functional>

class QQmlEngine;
class QJSEngine;

namespace samla::ui {

class Session;
class AppSettings;

// The draft of one consent lives here, not in the views, so each step's
// screen only shows it. Whether a consent can be stored is decided by
// domain::ConsentLog (checkCapture/takeConsent); this class only holds the
// person back earlier, with the reason, where a step is not finished: the
// information not read to its end, an item unanswered, a required item declined.
class ConsentFlow : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString participantId READ participantId NOTIFY participantChanged)
    Q_PROPERTY(QString participantCode READ participantCode NOTIFY participantChanged)
    Q_PROPERTY(Route suggestedRoute READ suggestedRoute NOTIFY participantChanged)
    Q_PROPERTY(QString routeExplanation READ routeExplanation NOTIFY textsChanged)
    Q_PROPERTY(bool withdrawn READ withdrawn NOTIFY participantChanged)
    Q_PROPERTY(QVariantList formChoices READ formChoices NOTIFY formChoicesChanged)
    Q_PROPERTY(QString versionId READ versionId WRITE setVersionId NOTIFY formChanged)
    Q_PROPERTY(QStringList languages READ languages NOTIFY formChanged)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY formChanged)
    Q_PROPERTY(Route route READ route WRITE setRoute NOTIFY routeChanged)
    Q_PROPERTY(QString role READ role WRITE setRole NOTIFY routeChanged)
    Q_PROPERTY(QString obtainedBy READ obtainedBy WRITE setObtainedBy NOTIFY draftChanged)
    Q_PROPERTY(QString witness READ witness WRITE setWitness NOTIFY draftChanged)
    Q_PROPERTY(bool childAssent READ childAssent WRITE setChildAssent NOTIFY draftChanged)
    Q_PROPERTY(bool rejoining READ rejoining WRITE setRejoining NOTIFY draftChanged)
    // Children and adults lacking capacity: which guidance the setup shows, and
    // the competence assessment (-1 not made, 0 not competent, 1 competent)
    // stored with the consent (domain::CapacityAssessment).
    Q_PROPERTY(CapacityCheck capacityCheck READ capacityCheck NOTIFY participantChanged)
    Q_PROPERTY(bool assessmentRequired READ assessmentRequired NOTIFY participantChanged)
    Q_PROPERTY(QString capacityQuestion READ capacityQuestion NOTIFY textsChanged)
    Q_PROPERTY(QString capacityGuidance READ capacityGuidance NOTIFY textsChanged)
    // The button that records a no from whoever speaks for an adult who cannot consent.
    Q_PROPERTY(QString adviceAgainstText READ adviceAgainstText NOTIFY textsChanged)
    Q_PROPERTY(int assessment READ assessment WRITE setAssessment NOTIFY draftChanged)
    Q_PROPERTY(QString assessmentNote READ assessmentNote WRITE setAssessmentNote NOTIFY draftChanged)
    Q_PROPERTY(QString setupProblem READ setupProblem NOTIFY draftChanged)
    Q_PROPERTY(QString formTitle READ formTitle NOTIFY formChanged)
    Q_PROPERTY(QString information READ information NOTIFY formChanged)
    // What the participant reads around the form, in the form's language (not the app's):
    // {agree, askedAbout, requiredItem (with %1), end, readFirst, yes, no, required}.
    Q_PROPERTY(QVariantMap readerTexts READ readerTexts NOTIFY formChanged)
    Q_PROPERTY(int formVersionNumber READ formVersionNumber NOTIFY formChanged)
    Q_PROPERTY(bool informationRead READ informationRead NOTIFY informationReadChanged)
    Q_PROPERTY(QString readProblem READ readProblem NOTIFY informationReadChanged)
    Q_PROPERTY(samla::ui::ConsentItemsModel *items READ items CONSTANT)
    Q_PROPERTY(QString answersProblem READ answersProblem NOTIFY answersChanged)
    Q_PROPERTY(bool needsSignature READ needsSignature NOTIFY routeChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
    Q_PROPERTY(bool certified READ certified NOTIFY certificationChanged)
    Q_PROPERTY(QString certEventId READ certEventId NOTIFY certificationChanged)
    Q_PROPERTY(QString certDate READ certDate NOTIFY certificationChanged)
    Q_PROPERTY(QString certHash READ certHash NOTIFY certificationChanged)
    Q_PROPERTY(QString certType READ certType NOTIFY certificationChanged)
    Q_PROPERTY(QString certMethod READ certMethod NOTIFY certificationChanged)
    Q_PROPERTY(QVariantList certAnswers READ certAnswers NOTIFY certificationChanged)
    Q_PROPERTY(QString certSignature READ certSignature NOTIFY certificationChanged)
    Q_PROPERTY(bool certPdfStored READ certPdfStored NOTIFY certificationChanged)
    Q_PROPERTY(bool certAssentRecorded READ certAssentRecorded NOTIFY certificationChanged)
public:
    enum Route {
        Self, // the participant's own consent, signed
        Guardian, // a parent or guardian signs; the child's assent is recorded beside it
        Consultee, // a consultee advises for an adult lacking capacity, and signs
        Verbal, // the participant's own consent, verbal, with a witness
    };
    Q_ENUM(Route)
    enum CapacityCheck {
        NoCheck,
        GillickCheck, // England, under 16: is the child Gillick competent?
        UnderstandingCheck, // Sweden, 15-17: does the young person understand what consent means?
        ConsulteeGuidance, // an adult lacking capacity: how the consultee route works
    };
    Q_ENUM(CapacityCheck)

    ConsentFlow(Session &session, AppSettings &settings, QObject *parent = nullptr);
    static ConsentFlow *create(QQmlEngine *qml, QJSEngine *js);

    QString participantId() const { return m_participant.id; }
    QString participantCode() const { return m_participant.code; }
    Route suggestedRoute() const { return m_suggested; }
    QString routeExplanation() const;
    bool withdrawn() const { return !m_activeWithdrawals.isEmpty(); }
    QVariantList formChoices() const;
    QString versionId() const { return m_version.id; }
    void setVersionId(const QString &id);
    QStringList languages() const { return m_version.content.languages(); }
    QString language() const { return m_language; }
    void setLanguage(const QString &language);
    Route route() const { return m_route; }
    void setRoute(Route route);
    QString role() const { return m_role; }
    void setRole(const QString &role);
    QString obtainedBy() const { return m_obtainedBy; }
    void setObtainedBy(const QString &who);
    QString witness() const { return m_witness; }
    void setWitness(const QString &witness);
    bool childAssent() const { return m_childAssent; }
    void setChildAssent(bool assent);
    bool rejoining() const { return m_rejoining; }
    void setRejoining(bool rejoining);
    CapacityCheck capacityCheck() const { return m_capacityCheck; }
    bool assessmentRequired() const;
    QString capacityQuestion() const;
    QString capacityGuidance() const;
    QString adviceAgainstText() const;
    int assessment() const { return m_assessment; }
    void setAssessment(int assessment);
    QString assessmentNote() const { return m_assessmentNote; }
    void setAssessmentNote(const QString &note);
    QString setupProblem() const;
    QString formTitle() const { return m_version.content.title.value(m_language); }
    QString information() const { return m_version.content.information.value(m_language); }
    int formVersionNumber() const { return m_version.number; }
    QVariantMap readerTexts() const;
    bool informationRead() const { return m_informationRead; }
    QString readProblem() const;
    ConsentItemsModel *items() { return &m_items; }
    QString answersProblem() const;
    bool needsSignature() const { return m_route != Verbal; }
    QString errorString() const;

    bool certified() const { return !m_cert.id.isEmpty(); }
    QString certEventId() const { return m_cert.id; }
    QString certDate() const;
    QString certHash() const { return m_cert.formHash; }
    QString certType() const;
    QString certMethod() const;
    QVariantList certAnswers() const;
    QString certSignature() const { return m_certSignature; }
    bool certPdfStored() const { return m_certPdfStored; }
    bool certAssentRecorded() const { return m_certAssent; }

    // Starts a new consent for a participant of the current project.
    Q_INVOKABLE bool start(const QString &participantId);
    // The view calls this once the information text has been shown to its end.
    Q_INVOKABLE void markInformationRead();
    Q_INVOKABLE bool setAnswer(const QString &itemId, bool agreed);
    // Stores the consent through ConsentLog::takeConsent, with the pad's
    // signature (null for verbal consent); then certification data is set.
    Q_INVOKABLE bool submit(samla::ui::SignaturePad *pad);
    // Consultee route: the consultee advises that the person would not want to take part.
    Q_INVOKABLE bool recordAdviceAgainst();
    Q_INVOKABLE void clearError();
    // Forgets the draft and the certification (after a lock, or when the flow is left).
    Q_INVOKABLE void reset();

signals:
    void participantChanged();
    void formChoicesChanged();
    void formChanged();
    void routeChanged();
    void draftChanged();
    void informationReadChanged();
    void answersChanged();
    void errorStringChanged();
    void certificationChanged();
    void textsChanged();
    void consentRecorded(const QString &participantId);

private:
    void loadVersions();
    std::optional<domain::CapacityAssessment> capacityAssessment() const;
    void applyAssessmentToProfile();
    void selectVersion(const domain::ConsentFormVersion &version);
    void resetReading();
    void loadReaderTranslator();
    void setError(const UiProblem &problem, std::function<QString()> text = {});
    void retranslate();

    Session &m_session;
    AppSettings &m_settings;
    domain::Participant m_participant;
    Route m_suggested = Self;
    domain::ConsentRoute m_domainRoute = domain::ConsentRoute::Self;
    QStringList m_activeWithdrawals;
    QList<domain::ConsentFormVersion> m_versions;
    domain::ConsentFormVersion m_version;
    QString m_language;
    Route m_route = Self;
    QString m_role;
    QString m_obtainedBy; // kept across consents: the same researcher takes several
    QString m_witness;
    bool m_childAssent = false;
    bool m_rejoining = false;
    CapacityCheck m_capacityCheck = NoCheck;
    // Whose law applies to the participant's site: the adult-lacking-capacity guidance follows it.
    domain::Jurisdiction m_jurisdiction = domain::Jurisdiction::Sweden;
    int m_assessment = -1;
    QString m_assessmentNote;
    bool m_informationRead = false;
    ConsentItemsModel m_items;
    UiProblem m_error;
    std::function<QString()> m_errorText;
    domain::ConsentEvent m_cert;
    QString m_certSignature;
    bool m_certPdfStored = false;
    bool m_certAssent = false;
    QTranslator m_readerTranslator; // the catalogue of the form's language
};

// The CaptureProblem named by a ConsentLog refusal's detail, or None.
domain::CaptureProblem captureProblemFromDetail(const QString &detail);

} // namespace samla::ui
