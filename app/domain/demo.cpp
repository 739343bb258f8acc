#include "demo.h"

#include "codebook.h"
#include "consentforms.h"
#include "notes.h"
#include "projects.h"

#include <QCoreApplication>

namespace samla::domain {

namespace {

const QString kSv = QStringLiteral("sv");
const QString kEn = QStringLiteral("en");
const QString kLawfulBasisSe = QStringLiteral("GDPR Art 6(1)(e) + 9(2)(j), Art 89");
const QString kLawfulBasisUk = QStringLiteral("UK GDPR Art 6(1)(e) + 9(2)(j), Art 89");

ConsentItem item(const char *id, Activity activity, bool required, const char *sv, const char *en)
{
    ConsentItem i;
    i.id = QString::fromLatin1(id);
    i.activity = activity;
    i.required = required;
    if (sv)
        i.text.insert(kSv, QString::fromUtf8(sv));
    if (en)
        i.text.insert(kEn, QString::fromUtf8(en));
    return i;
}

ConsentFormContent cafeForm()
{
    ConsentFormContent c;
    c.title = {{kSv, QStringLiteral("Samtycke: Lärcafé för personer med hjärtsjukdom")},
               {kEn, QStringLiteral("Consent: Learning café for people with cardiac care needs")}};
    c.information = {
        {kSv, QStringLiteral("Vi studerar hur ett lärcafé kan öka känslan av trygghet hos personer med hjärtsjukdom "
                             "och deras närstående. Deltagandet är frivilligt och du kan när som helst avbryta utan "
                             "att förklara varför; det påverkar inte din vård. Uppgifter behandlas med stöd av "
                             "GDPR artikel 6.1 e och 9.2 j och förvaras kodade.")},
        {kEn, QStringLiteral("We study how a learning café can strengthen the sense of security of people with cardiac "
                             "care needs and their families. Taking part is voluntary and you can stop at any time "
                             "without giving a reason; it does not affect your care. Data are processed under GDPR "
                             "Art 6(1)(e) and 9(2)(j) and kept under a code.")}};
    c.items = {
        item("observation", Activity::Observation, true, "Jag samtycker till att forskaren observerar caféträffarna.",
             "I agree that the researcher observes the café meetings."),
        item("questionnaires", Activity::Questionnaires, false, "Jag besvarar enkäter om trygghet och nöjdhet.",
             "I will answer questionnaires on sense of security and satisfaction."),
        item("interview", Activity::Interview, false, "Jag kan delta i en intervju eller fokusgrupp.",
             "I may take part in an interview or focus group."),
        item("audio", Activity::AudioRecording, false, "Intervjuer och fokusgrupper får spelas in (ljud).",
             "Interviews and focus groups may be audio recorded."),
        item("diary", Activity::Diary, false, "Jag för en patientdagbok under studien.",
             "I will keep a patient diary during the study."),
        item("quotes", Activity::Quotes, false, "Anonyma citat från mig får användas i publikationer.",
             "Anonymous quotes from me may be used in publications."),
        item("future_contact", Activity::FutureContact, false, "Jag får kontaktas om framtida studier.",
             "I may be contacted about future studies."),
    };
    return c;
}

ConsentFormContent wardForm()
{
    ConsentFormContent c;
    c.title = {{kEn, QStringLiteral("Consent: Co-designing nurse–patient engagement on an acute ward")}};
    c.information = {{kEn, QStringLiteral(
                               "We are studying how nurses and patients on acute psychiatric wards engage with "
                               "each other, and whether co-designed changes improve it. A researcher will observe "
                               "interactions on the ward without taking part. You can ask the researcher to stop "
                               "at any time, and saying no will not affect your care.")}};
    c.items = {
        item("observation", Activity::Observation, true, nullptr,
             "I agree to my interactions with staff being observed and rated (QuIS)."),
        item("questionnaires", Activity::Questionnaires, false, nullptr,
             "I will answer a short questionnaire after co-design events."),
        item("quotes", Activity::Quotes, false, nullptr, "Anonymous quotes from me may be used in reports."),
        item("future_contact", Activity::FutureContact, false, nullptr, "I may be contacted about the study's results."),
    };
    return c;
}

ConsentFormContent networkForm()
{
    ConsentFormContent c;
    c.title = {{kSv, QStringLiteral("Samtycke: Samskapande i ett vårdnätverk")},
               {kEn, QStringLiteral("Consent: Co-production in a care network")}};
    c.information = {
        {kSv, QStringLiteral("Vi följer nätverkets samskapande träffar för att förstå vem som kommer till tals och hur "
                             "beslut fattas. Du kan när som helst återkalla ditt samtycke; då raderas även de "
                             "uppgifter som redan samlats in om dig.")},
        {kEn, QStringLiteral("We follow the network's co-production events to understand who gets to speak and how "
                             "decisions are made. You can withdraw at any time; the data already collected about "
                             "you is then erased as well.")}};
    c.items = {
        item("observation", Activity::Observation, true, "Jag samtycker till att träffarna observeras.",
             "I agree that the events are observed."),
        item("audio", Activity::AudioRecording, false, "Träffarna får spelas in (ljud).", "The events may be audio recorded."),
        item("questionnaires", Activity::Questionnaires, false, "Jag besvarar en kort enkät efter träffarna.",
             "I will answer a short questionnaire after the events."),
        item("quotes", Activity::Quotes, false, "Anonyma citat från mig får användas.", "Anonymous quotes from me may be used."),
        item("data_sharing", Activity::DataSharing, false,
             "Kodade data får delas med forskare i programmets andra fallstudier.",
             "Coded data may be shared with researchers in the programme's other case studies."),
    };
    return c;
}

Result<Project> createWithForm(Projects &projects, ConsentForms &forms, const QString &name,
                               const ProjectSettings &settings, const ConsentFormContent &form)
{
    auto project = projects.create(name, settings, true);
    if (!project.ok())
        return project.error();
    auto published = forms.publish(project->id, QString(), form);
    if (!published.ok())
        return published.error();
    return project;
}

ProjectSettings wardSettings()
{
    ProjectSettings ward;
    ward.codePrefix = QStringLiteral("PW");
    ward.description = QStringLiteral("Structured observation (QuIS) of nurse–patient engagement; co-design events.");
    ward.sites = {Site{QStringLiteral("intervention-ward"), QStringLiteral("Intervention ward"), Jurisdiction::England,
                       StudyArm::Intervention},
                  Site{QStringLiteral("control-ward"), QStringLiteral("Control ward"), Jurisdiction::England,
                       StudyArm::Control}};
    ward.languages = {kEn};
    ward.lawfulBasis = kLawfulBasisUk;
    ward.withdrawalPolicy = WithdrawalPolicy::StopAndRetain;
    ward.jurisdiction = Jurisdiction::England;
    ward.retentionMonths = 120;
    ward.reconsentIntervalDays = 28;
    ward.recheckEverySession = true; // consent as a process on an acute ward: checked at every session
    return ward;
}

ProjectSettings networkSettings()
{
    ProjectSettings network;
    network.codePrefix = QStringLiteral("CN");
    network.description = QStringLiteral("Observation of co-production events in a regional care-coordination network.");
    network.sites = {Site{QStringLiteral("network-events"), QStringLiteral("Network events"), Jurisdiction::Sweden}};
    network.languages = {kSv, kEn};
    network.lawfulBasis = kLawfulBasisSe;
    network.withdrawalPolicy = WithdrawalPolicy::StopAndErase;
    network.jurisdiction = Jurisdiction::Sweden;
    network.retentionMonths = 120;
    network.reconsentIntervalDays = 365;
    return network;
}

} // namespace

Result<Project> seedDemoCafe(store::RecordStore &records, Projects &projects, Notes &notes)
{
    ConsentForms forms(records);
    ProjectSettings cafe;
    cafe.codePrefix = QStringLiteral("LC");
    cafe.description = QStringLiteral("Surveys, focus groups, interviews, patient diaries and non-participant observation.");
    cafe.sites = {Site{QStringLiteral("heart-cafe"), QStringLiteral("Heart café, cardiology outpatient clinic"),
                       Jurisdiction::Sweden}};
    cafe.languages = {kSv, kEn};
    cafe.lawfulBasis = kLawfulBasisSe;
    cafe.withdrawalPolicy = WithdrawalPolicy::StopAndRetain;
    cafe.jurisdiction = Jurisdiction::Sweden;
    cafe.retentionMonths = 120;
    cafe.reconsentIntervalDays = 180;
    // Demo content is written in the language of the UI that seeds it.
    auto project = createWithForm(projects, forms,
                                  QCoreApplication::translate("samla::domain::Demo", "Demo: Learning café"), cafe,
                                  cafeForm());
    if (!project.ok())
        return project.error();

    struct DemoNote {
        const char *title;
        const char *text;
    };
    static const DemoNote demoNotes[] = {
        {QT_TRANSLATE_NOOP("samla::domain::Demo", "Arrival at the café"),
         QT_TRANSLATE_NOOP("samla::domain::Demo",
                           "Eight participants and two nurses. Coffee first; people sit in pairs they already know. "
                           "P03 asks whether the heart-rate watch can be borrowed.")},
        {QT_TRANSLATE_NOOP("samla::domain::Demo", "Reflexive memo: my role"),
         QT_TRANSLATE_NOOP("samla::domain::Demo",
                           "I was asked twice to help with the blood pressure cuff. Note for the methods chapter: "
                           "observer presence shapes who speaks first.")},
        {QT_TRANSLATE_NOOP("samla::domain::Demo", "Discussion on feeling secure at home"),
         QT_TRANSLATE_NOOP("samla::domain::Demo",
                           "Several describe the first week after discharge as the hardest. Idea from a relative: "
                           "a phone list of who to call at night.")},
    };
    for (const DemoNote &n : demoNotes) {
        auto created = notes.create(project->id, QCoreApplication::translate("samla::domain::Demo", n.title),
                                    QCoreApplication::translate("samla::domain::Demo", n.text));
        if (!created.ok())
            return created.error();
    }
    // A small codebook to tag the notes with.
    static const char *const demoCodes[] = {
        QT_TRANSLATE_NOOP("samla::domain::Demo", "Peer support"),
        QT_TRANSLATE_NOOP("samla::domain::Demo", "Feeling secure"),
        QT_TRANSLATE_NOOP("samla::domain::Demo", "Information needs"),
        QT_TRANSLATE_NOOP("samla::domain::Demo", "Observer effect"),
    };
    Codebook codebook(records);
    for (const char *name : demoCodes) {
        auto code = codebook.create(project->id, QCoreApplication::translate("samla::domain::Demo", name));
        if (!code.ok())
            return code.error();
    }
    return project;
}

Result<QList<Project>> seedDemoCaseStudies(store::RecordStore &records, Projects &projects, Notes &notes)
{
    auto existing = projects.list();
    if (!existing.ok())
        return existing.error();
    // A demo project that is neither ward nor network is the café (stores
    // seeded before projects had settings have a café with the default prefix).
    bool hasWard = false;
    bool hasNetwork = false;
    bool hasCafe = false;
    for (const Project &p : existing.value()) {
        if (!p.demo)
            continue;
        const QString prefix = p.settings.codePrefix;
        hasWard = hasWard || prefix == QLatin1String("PW");
        hasNetwork = hasNetwork || prefix == QLatin1String("CN");
        hasCafe = hasCafe || (prefix != QLatin1String("PW") && prefix != QLatin1String("CN"));
    }
    ConsentForms forms(records);
    QList<Project> out;
    if (!hasWard) {
        auto ward = createWithForm(
            projects, forms,
            QCoreApplication::translate("samla::domain::Demo", "Demo: Acute psychiatric ward, nurse–patient engagement"),
            wardSettings(), wardForm());
        if (!ward.ok())
            return ward.error();
        out.append(ward.value());
    }
    if (!hasNetwork) {
        auto network = createWithForm(
            projects, forms, QCoreApplication::translate("samla::domain::Demo", "Demo: Care network co-production events"),
            networkSettings(), networkForm());
        if (!network.ok())
            return network.error();
        out.append(network.value());
    }
    if (!hasCafe) {
        auto cafe = seedDemoCafe(records, projects, notes);
        if (!cafe.ok())
            return cafe.error();
        out.prepend(cafe.value());
    }
    return out;
}

} // namespace samla::domain
