// A store with one project, its consent form and helpers, shared by the consent tests.
#pragma once

#include "testsupport.h"

#include "app/domain/consentforms.h"
#include "app/domain/consentgate.h"
#include "app/domain/consentlog.h"
#include "app/domain/participants.h"
#include "app/domain/projects.h"
#include "app/store/localstore.h"
#include "app/store/recordstore.h"
#include "platform/db/database.h"

#include <QImage>
#include <QPainter>
#include <QTemporaryDir>

#include <memory>

namespace samla::test {

inline constexpr const char *kFixturePass = "a test passphrase";
inline constexpr std::int64_t kFixtureDayMs = 24LL * 60 * 60 * 1000;

inline domain::ConsentItem consentItem(const char *id, domain::Activity a, bool required, const char *sv,
                                       const char *en)
{
    domain::ConsentItem item;
    item.id = QString::fromLatin1(id);
    item.activity = a;
    item.required = required;
    item.text.insert(QStringLiteral("sv"), QString::fromUtf8(sv));
    item.text.insert(QStringLiteral("en"), QString::fromUtf8(en));
    return item;
}

// A bilingual form with one item per activity; observation is required.
inline domain::ConsentFormContent cafeConsentForm(const QString &informationEn = QStringLiteral(
                                                      "We study how a learning cafe supports people with heart disease."))
{
    using domain::Activity;
    domain::ConsentFormContent c;
    c.title = {{QStringLiteral("sv"), QStringLiteral("Samtycke till lärcaféstudien")},
               {QStringLiteral("en"), QStringLiteral("Consent to the learning cafe study")}};
    c.information = {{QStringLiteral("sv"), QStringLiteral("Vi studerar hur ett lärcafé stöder personer med hjärtsjukdom.")},
                     {QStringLiteral("en"), informationEn}};
    c.items = {
        consentItem("observation", Activity::Observation, true, "Jag får observeras.", "I may be observed."),
        consentItem("interview", Activity::Interview, false, "Jag deltar i en intervju.", "I will take part in an interview."),
        consentItem("audio", Activity::AudioRecording, false, "Intervjun får spelas in.", "The interview may be audio recorded."),
        consentItem("diary", Activity::Diary, false, "Jag för dagbok.", "I will keep a diary."),
        consentItem("questionnaires", Activity::Questionnaires, false, "Jag besvarar enkäter.", "I will answer questionnaires."),
        consentItem("quotes", Activity::Quotes, false, "Citat får användas.", "Quotes may be used."),
        consentItem("future_contact", Activity::FutureContact, false, "Jag får kontaktas igen.", "I may be contacted again."),
        consentItem("data_sharing", Activity::DataSharing, false, "Data får delas.", "Data may be shared."),
    };
    return c;
}

inline domain::ProjectSettings cafeSettings()
{
    domain::ProjectSettings s;
    s.codePrefix = QStringLiteral("LC");
    s.sites = {domain::Site{QStringLiteral("cafe"), QStringLiteral("Heart café"), domain::Jurisdiction::Sweden}};
    s.languages = {QStringLiteral("sv"), QStringLiteral("en")};
    s.lawfulBasis = QStringLiteral("GDPR Art 6(1)(e) + 9(2)(j)");
    s.withdrawalPolicy = domain::WithdrawalPolicy::StopAndRetain;
    s.retentionMonths = 120;
    s.reconsentIntervalDays = 180;
    return s;
}

// A drawn signature: a few strokes on white.
inline QImage signatureImage()
{
    QImage image(300, 100, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setPen(QPen(Qt::black, 3));
    p.drawLine(10, 70, 80, 20);
    p.drawLine(80, 20, 140, 80);
    p.drawLine(140, 80, 280, 30);
    return image;
}

struct ConsentFixture {
    QTemporaryDir dir;
    ManualClock clock{1'750'000'000'000};
    std::unique_ptr<store::LocalStore> store;
    domain::Project project;
    domain::ConsentFormVersion form;

    // Creates the store, a project with `settings` and the café form.
    bool setUp(const domain::ProjectSettings &settings = cafeSettings())
    {
        auto created = store::LocalStore::create(dir.path() + QStringLiteral("/data"), secure(kFixturePass), cheapKdf(), clock);
        if (!created.ok())
            return false;
        store = std::move(created->store);
        auto p = domain::Projects(store->records()).create(QStringLiteral("Learning café"), settings, false);
        if (!p.ok())
            return false;
        project = p.value();
        auto f = domain::ConsentForms(store->records()).publish(project.id, QString(), cafeConsentForm());
        if (!f.ok())
            return false;
        form = f.value();
        return true;
    }

    domain::Participant enrol(const domain::ParticipantProfile &profile = {})
    {
        auto p = domain::Participants(store->records()).enrol(project.id, profile);
        return p.ok() ? p.value() : domain::Participant();
    }

    // A capture with every item agreed except those listed.
    domain::ConsentCapture capture(const QString &participantId, const QStringList &declined = {},
                                   const QString &language = QStringLiteral("en")) const
    {
        domain::ConsentCapture c;
        c.participantId = participantId;
        c.formVersionId = form.id;
        c.language = language;
        for (const domain::ConsentItem &item : form.content.items)
            c.answers.insert(item.id, !declined.contains(item.id));
        c.method = domain::ConsentMethod::ElectronicSignature;
        c.signature = signatureImage();
        c.obtainedBy = QStringLiteral("researcher R1");
        return c;
    }

    domain::ConsentLog log() { return domain::ConsentLog(*store, clock); }
    domain::ConsentGate gate() { return domain::ConsentGate(store->records(), clock); }
    QString dataDir() const { return dir.path() + QStringLiteral("/data"); }
};

// Marks a project as shared through a sync server, as joining one does.
inline bool markShared(store::LocalStore &store, const QString &projectId)
{
    auto s = store.database().prepare(
        "INSERT INTO sync_projects(project_id, server_project, role, joined_ms) VALUES(?1, ?1, 'member', 0)");
    if (!s.ok())
        return false;
    s->bind(1, projectId);
    return s->run().ok();
}

// Hands every op `from` wrote after `afterSeq` to `to`, as sync would; returns the last seq sent.
inline std::int64_t deliver(store::LocalStore &from, store::LocalStore &to, std::int64_t afterSeq = 0)
{
    auto entries = from.records().outbox(afterSeq, 100000);
    if (!entries.ok())
        return -1;
    QList<QByteArray> ops;
    std::int64_t last = afterSeq;
    for (const store::OutboxEntry &e : entries.value()) {
        ops << e.body;
        last = e.deviceSeq;
    }
    if (auto applied = to.records().applyRemote(ops, nullptr, {}); !applied.ok()) {
        qWarning() << "deliver:" << applied.error().detail;
        return -1;
    }
    return last;
}

} // namespace samla::test
