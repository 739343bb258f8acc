#include "app/domain/consentforms.h"
#include "app/domain/consentlog.h"
#include "app/domain/identityvault.h"
#include "app/domain/participants.h"
#include "app/domain/projects.h"
#include "identitylookup.h"
#include "appmodes.h"
#include "appservices.h"
#include "appsettings.h"
#include "consentflow.h"
#include "consentformeditor.h"
#include "navigator.h"
#include "notebook.h"
#include "noteeditor.h"
#include "notemedia.h"
#include "participantconsent.h"
#include "participantregister.h"
#include "notedetailsform.h"
#include "observationagreement.h"
#include "observationcorrection.h"
#include "observationlive.h"
#include "observationreports.h"
#include "observationsetup.h"
#include "projecteditor.h"
#include "projectlist.h"
#include "schemeeditor.h"
#include "session.h"
#include "synccontroller.h"

#include "app/domain/notes.h"
#include "app/store/localstore.h"
#include "platform/db/database.h"
#include "sync/protocol/canonicalcbor.h"
#include "sync/protocol/messages.h"

#include <QDateTime>
#include <QUuid>
#include "platform/crypto/crypto.h"

#include <QCborArray>
#include <QCborMap>

#include <QDir>
#include <QFile>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QGuiApplication>
#include <QImage>
#include <QBuffer>
#include <QPainter>
#include <QMouseEvent>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>
#include <QWindow>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <vector>

namespace samla::ui {

namespace {

const QString kPassphrase = QStringLiteral("Tulpaner och kaffe på avdelning 7");

class Shooter {
public:
    Shooter(AppServices &services, QQuickWindow &window, const QString &outDir)
        : m_services(services)
        , m_window(window)
        , m_outDir(outDir)
    {
    }

    // Waits until the scene has been polished, synced and a frame swapped, twice:
    // a layout change seen in one frame may need one more polish to settle.
    void settle()
    {
        for (int frame = 0; frame < 3; ++frame) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
            QEventLoop loop;
            QTimer timeout;
            timeout.setSingleShot(true);
            QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
            bool swapped = false;
            auto connection = QObject::connect(&m_window, &QQuickWindow::frameSwapped, &loop, [&] {
                swapped = true;
                loop.quit();
            });
            m_window.update();
            timeout.start(1000);
            loop.exec();
            QObject::disconnect(connection);
            if (!swapped)
                ++m_frameTimeouts;
        }
    }

    // The item on screen of that name: a screen left earlier may still exist
    // (hidden, or waiting to be deleted) beside the one now shown.
    QObject *find(const QString &objectName)
    {
        const QList<QObject *> all = m_window.findChildren<QObject *>(objectName);
        for (auto it = all.crbegin(); it != all.crend(); ++it) {
            auto *item = qobject_cast<QQuickItem *>(*it);
            if (item && item->isVisible())
                return item;
        }
        return all.isEmpty() ? nullptr : all.first();
    }

    // Draws a looping stroke across an item, as a finger or mouse would.
    bool drawOn(const QString &objectName)
    {
        auto *item = qobject_cast<QQuickItem *>(find(objectName));
        if (!item || item->width() < 10 || item->height() < 10) {
            m_failures << QStringLiteral("nothing to draw on: ") + objectName;
            return false;
        }
        const qreal w = item->width();
        const qreal h = item->height();
        auto send = [&](QEvent::Type type, QPointF local, Qt::MouseButtons buttons) {
            const QPointF scene = item->mapToScene(local);
            QMouseEvent event(type, scene, scene, m_window.mapToGlobal(scene.toPoint()), Qt::LeftButton,
                buttons, Qt::NoModifier);
            QCoreApplication::sendEvent(&m_window, &event);
        };
        send(QEvent::MouseButtonPress, QPointF(w * 0.15, h * 0.6), Qt::LeftButton);
        for (int i = 1; i <= 40; ++i) {
            const qreal t = i / 40.0;
            send(QEvent::MouseMove,
                QPointF(w * (0.15 + 0.6 * t), h * (0.55 - 0.25 * std::sin(t * 9.0) * (1.0 - t * 0.5))),
                Qt::LeftButton);
        }
        send(QEvent::MouseButtonRelease, QPointF(w * 0.75, h * 0.5), Qt::NoButton);
        return true;
    }

    void setItemProperty(const QString &objectName, const char *name, const QVariant &value)
    {
        if (QObject *item = find(objectName))
            item->setProperty(name, value);
        else
            m_failures << QStringLiteral("no item named ") + objectName;
    }

    void setText(const QString &objectName, const QString &text)
    {
        if (QObject *field = find(objectName))
            field->setProperty("text", text);
        else
            m_failures << QStringLiteral("no item named ") + objectName;
    }

    // Renders the current state in both languages and both sizes.
    // Scrolls a Flickable to its end (after a resize, so the end is the new end).
    void scrollToEnd(const QString &objectName)
    {
        QObject *flickable = find(objectName);
        if (!flickable) {
            m_failures << QStringLiteral("nothing to scroll: ") + objectName;
            return;
        }
        const qreal end
            = flickable->property("contentHeight").toReal() - flickable->property("height").toReal();
        flickable->setProperty("contentY", std::max<qreal>(0, end));
        settle();
    }

    void shoot(const QString &screen, const std::function<void()> &afterLanguageSwitch = {},
        const std::function<void()> &afterResize = {})
    {
        const QString startLanguage = m_services.settings().language();
        for (const QString &language : { QStringLiteral("en"), QStringLiteral("sv") }) {
            m_services.settings().setLanguage(language);
            if (afterLanguageSwitch)
                afterLanguageSwitch();
            for (const QSize size : { QSize(1280, 800), QSize(800, 1280) }) {
                m_window.resize(size);
                settle();
                if (afterResize)
                    afterResize();
                const QImage image = m_window.grabWindow();
                const QString path = QDir(m_outDir).filePath(QStringLiteral("%1-%2-%3x%4.png")
                                                                 .arg(screen, language)
                                                                 .arg(size.width())
                                                                 .arg(size.height()));
                if (image.isNull() || !image.save(path))
                    m_failures << QStringLiteral("could not write ") + path;
                else
                    ++m_written;
            }
        }
        m_services.settings().setLanguage(startLanguage);
    }

    QStringList failures() const { return m_failures; }
    int written() const { return m_written; }
    void fail(const QString &why) { m_failures << why; }

private:
    AppServices &m_services;
    QQuickWindow &m_window;
    QString m_outDir;
    QStringList m_failures;
    int m_written = 0;

public:
    int m_frameTimeouts = 0;
};

// Sync: the join form, a code that is not one, and a device that joined and
// waits for approval (its sync state written as a join would leave it, since
// the screenshots run without a server).
// The note editor with a photo and a recording, and while recording (from
// generated sound: a screenshot run has no microphone, so its buttons say so).
void shootNoteMediaScreens(Shooter &shooter, AppServices &services)
{
    NoteMedia &media = services.noteMedia();
    QImage board(1200, 800, QImage::Format_RGB32);
    board.fill(QColor(250, 250, 247));
    {
        QPainter p(&board);
        const QColor notes[] = {QColor(253, 230, 138), QColor(167, 243, 208), QColor(191, 219, 254), QColor(251, 207, 232)};
        for (int i = 0; i < 12; ++i) {
            p.fillRect(QRect(80 + (i % 4) * 270, 90 + (i / 4) * 220, 200, 160), notes[i % 4]);
            p.setPen(QPen(QColor(55, 65, 81), 6));
            p.drawLine(110 + (i % 4) * 270, 140 + (i / 4) * 220, 240 + (i % 4) * 270, 140 + (i / 4) * 220);
            p.drawLine(110 + (i % 4) * 270, 180 + (i / 4) * 220, 200 + (i % 4) * 270, 180 + (i / 4) * 220);
        }
    }
    if (!media.attachPhoto(board))
        shooter.fail(QStringLiteral("note media: the photo was not attached: ") + media.errorString());
    const auto tone = [](int seconds) {
        QByteArray pcm(seconds * 32000, Qt::Uninitialized);
        for (int i = 0; i + 1 < pcm.size(); i += 2) {
            const auto sample = qint16(9000 * std::sin(double(i / 2) * 0.11) * (0.5 + 0.5 * std::sin(double(i) / 9000)));
            std::memcpy(pcm.data() + i, &sample, 2);
        }
        return pcm;
    };
    QAudioFormat speech;
    speech.setSampleRate(16000);
    speech.setChannelCount(1);
    speech.setSampleFormat(QAudioFormat::Int16);
    QByteArray interview = tone(47);
    QBuffer interviewSource(&interview);
    interviewSource.open(QIODevice::ReadOnly);
    if (!media.startRecordingFrom(&interviewSource, speech) || !media.stopRecording())
        shooter.fail(QStringLiteral("note media: the recording was not saved: ") + media.errorString());
    shooter.shoot(QStringLiteral("editor-media"));

    QByteArray more = tone(12);
    QBuffer moreSource(&more);
    moreSource.open(QIODevice::ReadOnly);
    if (!media.startRecordingFrom(&moreSource, speech))
        shooter.fail(QStringLiteral("note media: recording did not start: ") + media.errorString());
    shooter.shoot(QStringLiteral("editor-recording"));
    media.cancelRecording();
    media.clearMessages();
}

// A participant's own device, joined write-only and approved: what it does,
// an entry waiting to be sent, and the last time it sent (the sync state
// written as approval leaves it; the screenshots run without a server).
void shootSubmitsOnlyScreen(Shooter &shooter, AppServices &services)
{
    store::LocalStore *store = services.session().store();
    if (!store)
        return;
    db::Database &db = store->database();
    const QString server = QStringLiteral("0190f0c2-0000-7000-8000-00000000beef");
    const QString diaryProject = QStringLiteral("0190f0c2-0000-7000-8000-0000000d1a77");
    QCborArray key{server, 1, crypto::hash(QByteArrayLiteral("submission key")), diaryProject};
    auto role = db.prepare("UPDATE sync_projects SET role = 'writeonly'");
    auto link = db.prepare("INSERT OR REPLACE INTO sync_projects(project_id, server_project, role, joined_ms) "
                           "VALUES(?1, ?2, 'writeonly', 0)");
    if (!role.ok() || !link.ok() || !role->run().ok() || !link->bind(1, diaryProject).bind(2, server).run().ok()
        || !store->records().setMeta("sync_submission_keys", QCborValue(QCborArray{key}).toCbor()).ok()
        || !store->records().setMeta("sync_last_ms", QByteArray::number(qint64(1'764'590'400'000))).ok()) {
        shooter.fail(QStringLiteral("sync: submits-only demo state not written"));
        return;
    }
    if (!domain::Notes(store->records()).create(diaryProject, QStringLiteral("Tuesday"), QStringLiteral("Slept well")).ok())
        shooter.fail(QStringLiteral("sync: the demo entry was not written"));
    services.session().lock();
    services.session().unlock(kPassphrase);
    services.session().waitForWorker();
    services.navigator().home();
    services.navigator().push(QStringLiteral("sync"));
    if (!services.sync().submitsOnly() || services.sync().waitingForApproval() || services.sync().pendingCount() != 1)
        shooter.fail(QStringLiteral("sync: the demo device does not show as submitting only"));
    shooter.shoot(QStringLiteral("sync-submits-only"));
}

void shootSyncScreens(Shooter &shooter, AppServices &services)
{
    services.navigator().home();
    services.navigator().push(QStringLiteral("sync"));
    shooter.shoot(QStringLiteral("sync-join"));
    shooter.setText(QStringLiteral("enrolCodeField"), QStringLiteral("https://example.org/join"));
    services.sync().join(QStringLiteral("https://example.org/join"));
    if (services.sync().errorString().isEmpty())
        shooter.fail(QStringLiteral("sync: a malformed code gave no error"));
    shooter.shoot(QStringLiteral("sync-join-error"));
    services.sync().clearError();

    store::LocalStore *store = services.session().store();
    if (!store) {
        shooter.fail(QStringLiteral("sync: no store"));
        return;
    }
    db::Database &db = store->database();
    QCborMap server;
    server.insert(QStringLiteral("host"), QStringLiteral("sync.example.org"));
    server.insert(QStringLiteral("port"), 443);
    server.insert(QStringLiteral("fp"), QByteArray(32, '\x3d'));
    auto meta = db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES('sync_server', ?1)");
    auto link = db.prepare("INSERT OR REPLACE INTO sync_projects(project_id, server_project, role, joined_ms) "
                           "VALUES(?1, ?1, 'member', 0)");
    if (!meta.ok() || !link.ok()) {
        shooter.fail(QStringLiteral("sync: demo state"));
        return;
    }
    meta->bindBlob(1, protocol::encodeCanonical(server));
    link->bind(1, QStringLiteral("0190f0c2-0000-7000-8000-00000000beef"));
    if (!meta->run().ok() || !link->run().ok())
        shooter.fail(QStringLiteral("sync: demo state not written"));
    // A note edited on two devices at once, as applying a sync leaves it.
    if (domain::Notes *notes = services.session().notes()) {
        auto list = notes->list(services.session().projectId(), 1);
        if (list.ok() && !list->isEmpty()) {
            const domain::Note &note = list->first();
            auto edited = notes->update(note.id, note.title,
                                        note.text + QStringLiteral("\n\nAdded on the ward tablet: the family "
                                                                   "joined the café at 15:10."));
            auto versions = store->records().versions(note.id);
            auto conflict = db.prepare("INSERT INTO sync_conflicts(record_id, kind, kept_hlc, other_hlc, created_ms) "
                                       "VALUES(?1, 'note', ?2, ?3, 0)");
            if (edited.ok() && versions.ok() && versions->size() >= 2 && conflict.ok()) {
                conflict->bind(1, note.id).bindBlob(2, versions->at(0).hlc.toBytes()).bindBlob(3, versions->at(1).hlc.toBytes());
                if (!conflict->run().ok())
                    shooter.fail(QStringLiteral("sync: demo conflict not written"));
            } else {
                shooter.fail(QStringLiteral("sync: demo conflict"));
            }
        }
    }
    // A participant changed here and on another device at once, as that
    // device's op arrives: the age band merges silently, the notes on
    // capacity both changed, so the later change is in force and listed.
    {
        domain::Participants participants(store->records());
        auto list = participants.list(services.session().projectId());
        auto p = list.ok() && !list->isEmpty() ? Result<domain::Participant>(list->first())
                                               : participants.enrol(services.session().projectId(), {});
        auto before = p.ok() ? store->records().get(p->id) : Result<store::Record>(makeError(ErrorCode::NotFound, {}));
        if (before.ok()) {
            domain::ParticipantProfile here = p->profile;
            here.capacityNotes = QStringLiteral("Prefers mornings");
            (void)participants.updateProfile(p->id, here);
            QCborMap body = before->body;
            body.insert(QStringLiteral("capacity_notes"), QStringLiteral("Prefers afternoons; tires after half an hour"));
            body.insert(QStringLiteral("age_band"), QStringLiteral("65+"));
            protocol::HlcStamp stamp;
            stamp.physicalMs = before->hlc.physicalMs + 60'000;
            stamp.deviceId = QByteArray(16, '\x42');
            QCborMap op;
            op.insert(QStringLiteral("id"), p->id);
            op.insert(QStringLiteral("kind"), domain::Participants::kKind);
            op.insert(QStringLiteral("project"), before->projectId);
            op.insert(QStringLiteral("version"), before->version + 1);
            op.insert(QStringLiteral("hlc"), QCborValue(stamp.toBytes()));
            op.insert(QStringLiteral("base"), QCborValue(before->hlc.toBytes()));
            op.insert(QStringLiteral("deleted"), false);
            op.insert(QStringLiteral("body"), body);
            auto applied = store->records().applyRemote({protocol::encodeCanonical(op)}, nullptr, {});
            if (!applied.ok() || applied->conflicts != 1)
                shooter.fail(QStringLiteral("sync: demo participant conflict"));
        } else {
            shooter.fail(QStringLiteral("sync: no participant for the demo conflict"));
        }
    }
    // A note from a device whose clock runs weeks ahead: held back until
    // this clock catches up, and the screen says so.
    {
        protocol::HlcStamp stamp;
        stamp.physicalMs = QDateTime::currentMSecsSinceEpoch() + 30LL * 24 * 3600 * 1000;
        stamp.deviceId = QByteArray(16, '\x43');
        QCborMap body;
        body.insert(QStringLiteral("title"), QStringLiteral("Handover"));
        body.insert(QStringLiteral("text"), QStringLiteral("Written on a laptop whose clock was wrong."));
        QCborMap op;
        op.insert(QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces));
        op.insert(QStringLiteral("kind"), domain::Notes::kKind);
        op.insert(QStringLiteral("project"), services.session().projectId());
        op.insert(QStringLiteral("version"), 1);
        op.insert(QStringLiteral("hlc"), QCborValue(stamp.toBytes()));
        op.insert(QStringLiteral("deleted"), false);
        op.insert(QStringLiteral("body"), body);
        auto applied = store->records().applyRemote({protocol::encodeCanonical(op)}, nullptr, {});
        if (!applied.ok() || applied->deferred != 1)
            shooter.fail(QStringLiteral("sync: demo note from the future not held back"));
    }
    // The demo server does not exist: no automatic attempt while the screens are shot.
    SyncController::AutoTimings never;
    never.firstMs = never.pendingMs = never.idleMs = 24 * 3600 * 1000;
    services.sync().setAutoTimings(never);
    services.session().lock();
    services.session().unlock(kPassphrase);
    services.session().waitForWorker();
    services.navigator().home();
    services.navigator().push(QStringLiteral("sync"));
    if (!services.sync().joined() || !services.sync().waitingForApproval())
        shooter.fail(QStringLiteral("sync: the demo device does not show as joined and waiting"));
    shooter.shoot(QStringLiteral("sync-waiting"));
    if (services.sync().conflicts().isEmpty())
        shooter.fail(QStringLiteral("sync: the demo conflict is not listed"));
    shooter.shoot(QStringLiteral("sync-conflict"), {}, [&] { shooter.scrollToEnd(QStringLiteral("syncScreen")); });
    // A sync under way: changes and a photo's bytes going up (the screen has no server to sync with).
    sync::SyncProgress underWay;
    underWay.sent = 3;
    underWay.received = 12;
    underWay.attachmentBytesDone = 2'400'000;
    underWay.attachmentBytesTotal = 5'000'000;
    services.sync().showProgressForScreenshots(underWay, 7);
    shooter.shoot(QStringLiteral("sync-progress"));
    services.sync().showProgressForScreenshots({}, 0);

    // An administrator's device that holds the identity register: the
    // project's devices, and handing the data-manager role to one of them,
    // asked once more with what the role shows.
    QList<protocol::Member> members;
    auto member = [&members](QByteArray signKey, const char *role, bool approved) {
        protocol::Member m;
        m.signKey = std::move(signKey);
        m.boxKey = crypto::hash(m.signKey);
        m.role = QString::fromLatin1(role);
        if (approved)
            m.grantedEpochs = {1};
        members.append(m);
    };
    member(services.session().store()->deviceSigningKey().publicKey, protocol::kRoleAdmin, true);
    member(crypto::hash(QByteArrayLiteral("fieldworker tablet")), protocol::kRoleMember, true);
    member(crypto::hash(QByteArrayLiteral("new laptop")), protocol::kRoleMember, false);
    // A participant's own diary tablet, marked as submitting only, waiting for approval.
    member(crypto::hash(QByteArrayLiteral("participant tablet")), protocol::kRoleWriteOnly, false);
    services.sync().showDevicesForScreenshots(members);
    if (!services.sync().holdsRegister())
        shooter.fail(QStringLiteral("sync: the demo device does not hold the identity register"));
    shooter.shoot(QStringLiteral("sync-devices"), {}, [&] { shooter.scrollToEnd(QStringLiteral("syncScreen")); });
    shooter.setItemProperty(QStringLiteral("syncScreen"), "grantCandidate",
                            QString::fromLatin1(members.at(1).signKey.toHex()));
    shooter.shoot(QStringLiteral("sync-grant-data-manager"), {},
                  [&] { shooter.scrollToEnd(QStringLiteral("syncScreen")); });
    shooter.setItemProperty(QStringLiteral("syncScreen"), "grantCandidate", QString());
    shooter.setItemProperty(QStringLiteral("syncScreen"), "revokeCandidate",
                            QString::fromLatin1(members.at(1).signKey.toHex()));
    shooter.shoot(QStringLiteral("sync-revoke-device"), {}, [&] { shooter.scrollToEnd(QStringLiteral("syncScreen")); });
    shooter.setItemProperty(QStringLiteral("syncScreen"), "revokeCandidate", QString());
    shootSubmitsOnlyScreen(shooter, services);
}

// A word from the first demo note, so the search screenshot has hits to highlight.
QString searchWordFrom(NotesModel &model)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString text = model.data(model.index(row), NotesModel::FirstLineRole).toString()
            + QLatin1Char(' ') + model.data(model.index(row), NotesModel::TitleRole).toString();
        const auto words = text.split(QRegularExpression(QStringLiteral("\\W+")), Qt::SkipEmptyParts);
        for (const QString &word : words) {
            if (word.size() >= 5)
                return word.toLower();
        }
    }
    return QStringLiteral("note");
}

// Participants and consent with demo data: three participants in different
// states, one consent taken step by step through the real screens.
void shootConsentScreens(Shooter &shooter, AppServices &services)
{
    Navigator &nav = services.navigator();
    ParticipantRegister &reg = services.participants();
    ConsentFlow &flow = services.consentFlow();
    ParticipantConsent &person = services.participantConsent();

    nav.home();
    nav.push(QStringLiteral("participants"));
    shooter.shoot(QStringLiteral("participants-empty"));

    const auto enrol = [&](const char *category, const char *band, bool understands, const char *notes) {
        if (!reg.enrol(QLatin1String(category), QLatin1String(band), {}, understands, QLatin1String(notes),
                {}, {}, {}, {}))
            shooter.fail(QStringLiteral("could not enrol: ") + reg.errorString());
        return reg.lastEnrolledId();
    };
    const QString first = enrol("patient", "65+", true, "");
    const QString second = enrol("family_member", "18-64", true, "");
    const QString third
        = enrol("patient", "65+", false, "Dementia diagnosis; daughter is personal consultee.");

    // The first: consent taken without the screens, then a hesitant re-check.
    if (flow.start(first)) {
        flow.setObtainedBy(QStringLiteral("AL"));
        flow.setRoute(ConsentFlow::Verbal);
        flow.setWitness(QStringLiteral("Nurse KB"));
        flow.markInformationRead();
        for (const auto &item : flow.items()->items())
            flow.setAnswer(item.id, item.id != QLatin1String("audio"));
        if (!flow.submit(nullptr))
            shooter.fail(QStringLiteral("verbal consent not taken: ") + flow.errorString());
    }
    person.open(first);
    person.setRecordedBy(QStringLiteral("AL"));
    if (!person.recheck(ParticipantConsent::Hesitant))
        shooter.fail(QStringLiteral("re-check not recorded: ") + person.message());

    // The fourth: consent taken seven months ago; the café asks again every 180 days.
    const QString fourth = enrol("citizen", "18-64", true, "");
    if (store::LocalStore *store = services.session().store()) {
        auto forms = domain::ConsentForms(store->records()).forms(services.session().projectId());
        domain::ConsentCapture old;
        old.participantId = fourth;
        old.formVersionId = forms.ok() && !forms->isEmpty() ? forms->constFirst().id : QString();
        old.language = QStringLiteral("sv");
        if (forms.ok() && !forms->isEmpty()) {
            for (const auto &item : forms->constFirst().content.items)
                old.answers.insert(item.id, true);
        }
        old.method = domain::ConsentMethod::VerbalWithWitness;
        old.witness = QStringLiteral("KB");
        old.obtainedBy = QStringLiteral("AL");
        old.effectiveMs = services.clock().nowMs() - 210LL * 24 * 60 * 60 * 1000;
        if (!domain::ConsentLog(*store, services.clock()).takeConsent(old).ok())
            shooter.fail(QStringLiteral("could not take the earlier consent"));
    }

    // The third: the consultee route; a dissent recorded during observation.
    person.open(third);
    person.dissent();
    flow.reset();
    reg.refresh();
    nav.home();
    nav.push(QStringLiteral("participants"));
    shooter.shoot(QStringLiteral("participants"));

    nav.push(QStringLiteral("enrol"));
    shooter.shoot(QStringLiteral("enrol"));
    shooter.shoot(
        QStringLiteral("enrol-novault"), {}, [&] { shooter.scrollToEnd(QStringLiteral("enrolScreen")); });
    if (!reg.createVault())
        shooter.fail(QStringLiteral("could not create the identity vault: ") + reg.errorString());
    shooter.shoot(
        QStringLiteral("enrol-vault"), {}, [&] { shooter.scrollToEnd(QStringLiteral("enrolScreen")); });
    nav.back();

    // The second, through every step of the flow.
    if (!flow.start(second))
        shooter.fail(QStringLiteral("consent flow did not start: ") + flow.errorString());
    flow.setObtainedBy(QStringLiteral("AL"));
    nav.push(QStringLiteral("consentSetup"));
    shooter.shoot(QStringLiteral("consent-setup"));
    nav.push(QStringLiteral("consentRead"));
    // The form is read in the language of the screenshot (reading starts again in each).
    shooter.shoot(QStringLiteral("consent-read"), [&] { flow.setLanguage(services.settings().language()); });
    // The questions too, answered again in each language (a new text starts afresh).
    const auto answerWithObservationDeclined = [&] {
        flow.setLanguage(services.settings().language());
        flow.markInformationRead();
        for (const auto &item : flow.items()->items())
            flow.setAnswer(
                item.id, item.id != QLatin1String("observation") && item.id != QLatin1String("diary"));
    };
    answerWithObservationDeclined();
    nav.push(QStringLiteral("consentItems"));
    shooter.shoot(QStringLiteral("consent-items-required"), answerWithObservationDeclined);
    flow.setLanguage(QStringLiteral("en"));
    flow.markInformationRead();
    for (const auto &item : flow.items()->items())
        flow.setAnswer(item.id, item.id != QLatin1String("diary"));
    nav.push(QStringLiteral("consentSign"));
    shooter.settle();
    shooter.drawOn(QStringLiteral("signaturePad"));
    shooter.shoot(QStringLiteral("consent-sign"));
    if (auto *pad = qobject_cast<SignaturePad *>(shooter.find(QStringLiteral("signaturePad")));
        !pad || !flow.submit(pad))
        shooter.fail(QStringLiteral("signed consent not stored: ") + flow.errorString());
    nav.push(QStringLiteral("consentDone"));
    shooter.shoot(QStringLiteral("consent-done"));

    person.open(first);
    nav.home();
    nav.push(QStringLiteral("participants"));
    nav.push(QStringLiteral("participant"));
    shooter.shoot(QStringLiteral("participant"));
    shooter.shoot(QStringLiteral("participant-timeline"), {},
        [&] { shooter.scrollToEnd(QStringLiteral("participantScreen")); });
    // A refusal of the gate with its reason, and the FHIR export's message.
    QTemporaryDir exports;
    person.open(third);
    person.setExportDirectory(exports.path());
    shooter.settle();
    // Through the button, as a person would, so the message shows beside it.
    QObject *exportButton = shooter.find(QStringLiteral("exportFhirButton"));
    if (!exportButton || !QMetaObject::invokeMethod(exportButton, "clicked")
        || person.lastExportPath().isEmpty())
        shooter.fail(QStringLiteral("FHIR export failed: ") + person.message());
    shooter.shoot(QStringLiteral("participant-withdrawn"), {},
        [&] { shooter.scrollToEnd(QStringLiteral("participantScreen")); });
    nav.home();
}

// The identity register: the audited look-up (purpose, then the details), the
// DPO's list of look-ups, a device without the grant, two participants under
// one code after a sync, and the capacity guidance when taking consent.
void shootIdentityScreens(Shooter &shooter, AppServices &services)
{
    Navigator &nav = services.navigator();
    ParticipantRegister &reg = services.participants();
    IdentityLookup &lookup = services.identityLookup();
    ConsentFlow &flow = services.consentFlow();
    store::LocalStore *store = services.session().store();
    if (!store || !reg.vaultAvailable()) {
        shooter.fail(QStringLiteral("identity: no vault on the demo device"));
        return;
    }
    if (!reg.enrol(QStringLiteral("patient"), QStringLiteral("65+"), {}, true, {}, QStringLiteral("Margareta Sjöberg"),
            QStringLiteral("070-555 01 23, Storgatan 4, Umeå"), QStringLiteral("1944-05-17"),
            QStringLiteral("Lars Sjöberg (son), 070-555 98 76")))
        shooter.fail(QStringLiteral("identity: enrol with identity: ") + reg.errorString());
    const QString id = reg.lastEnrolledId();

    nav.home();
    nav.push(QStringLiteral("participants"));
    if (!lookup.open(id))
        shooter.fail(QStringLiteral("identity: open"));
    nav.push(QStringLiteral("identity"));
    shooter.shoot(QStringLiteral("identity-purpose"));
    lookup.setPurpose(QStringLiteral("reconsent"));
    if (!lookup.lookUp())
        shooter.fail(QStringLiteral("identity: look-up: ") + lookup.errorString());
    shooter.shoot(QStringLiteral("identity-shown"));
    lookup.clear();
    lookup.setPurpose(QStringLiteral("subject_access"));
    (void)lookup.lookUp();
    nav.back();
    if (lookup.shown())
        shooter.fail(QStringLiteral("identity: still shown after leaving the screen"));
    nav.push(QStringLiteral("identityAudit"));
    shooter.shoot(QStringLiteral("identity-audit"));
    nav.back();

    // Guidance when taking consent: an English child (Gillick), a Swedish
    // 16-year-old, and an adult who cannot consent (the consultee route).
    const QString cafe = services.session().projectId();
    domain::Notes notes(store->records());
    if (!domain::Projects(store->records()).seedDemoCaseStudies(notes).ok())
        shooter.fail(QStringLiteral("identity: the demo case studies"));
    auto projects = domain::Projects(store->records()).list();
    for (const domain::Project &p : projects.ok() ? projects.value() : QList<domain::Project>()) {
        if (p.settings.codePrefix == QLatin1String("PW"))
            services.session().switchProject(p.id);
    }
    if (!reg.enrol(QStringLiteral("child_or_adolescent"), QStringLiteral("0-14"), {}, true, {}, {}, {}, {}, {})
        || !flow.start(reg.lastEnrolledId()))
        shooter.fail(QStringLiteral("identity: a child on the ward: ") + reg.errorString() + flow.errorString());
    flow.setObtainedBy(QStringLiteral("JH"));
    nav.push(QStringLiteral("consentSetup"));
    shooter.shoot(QStringLiteral("consent-setup-gillick"));
    flow.setAssessment(0);
    flow.setAssessmentNote(QStringLiteral("Could not tell back what the study involves"));
    flow.setRoute(ConsentFlow::Self);
    shooter.shoot(QStringLiteral("consent-setup-gillick-end"), {},
        [&] { shooter.scrollToEnd(QStringLiteral("consentSetupScreen")); });
    nav.back();
    flow.reset();
    services.session().switchProject(cafe);
    if (!reg.enrol(QStringLiteral("child_or_adolescent"), QStringLiteral("16-17"), {}, true, {}, {}, {}, {}, {})
        || !flow.start(reg.lastEnrolledId()))
        shooter.fail(QStringLiteral("identity: a 16-year-old at the café"));
    flow.setObtainedBy(QStringLiteral("AL"));
    nav.push(QStringLiteral("consentSetup"));
    shooter.shoot(QStringLiteral("consent-setup-understanding"));
    nav.back();
    if (!reg.enrol(QStringLiteral("patient"), QStringLiteral("65+"), {}, false, QStringLiteral("Advanced dementia"),
            {}, {}, {}, {})
        || !flow.start(reg.lastEnrolledId()))
        shooter.fail(QStringLiteral("identity: an adult lacking capacity"));
    flow.setObtainedBy(QStringLiteral("AL"));
    nav.push(QStringLiteral("consentSetup"));
    shooter.shoot(QStringLiteral("consent-setup-consultee"));
    nav.back();
    flow.reset();

    // A participant another device enrolled offline under the same code (a
    // build without device tags), as sync delivers it; erased again afterwards.
    store::RecordChange twin;
    twin.id = QStringLiteral("0190f0c2-dddd-7000-8000-00000000d0b1");
    twin.kind = domain::Participants::kKind;
    twin.projectId = cafe;
    twin.participantRef = twin.id;
    twin.body.insert(QStringLiteral("code"), QStringLiteral("LC-002"));
    twin.body.insert(QStringLiteral("number"), 2);
    twin.body.insert(QStringLiteral("category"), QStringLiteral("citizen"));
    twin.body.insert(QStringLiteral("age_band"), QStringLiteral("18-64"));
    if (!store->records().put(twin).ok())
        shooter.fail(QStringLiteral("identity: the twin participant"));
    reg.refresh();
    if (reg.duplicateCodesText().isEmpty())
        shooter.fail(QStringLiteral("identity: two participants under LC-002 not shown"));
    nav.home();
    nav.push(QStringLiteral("participants"));
    shooter.shoot(QStringLiteral("participants-duplicate"));
    services.participantConsent().open(twin.id);
    nav.push(QStringLiteral("participant"));
    shooter.shoot(QStringLiteral("participant-duplicate"));
    (void)store->records().erase({ twin.id });
    reg.refresh();

    // A researcher's device: the grant taken away, the look-up refused with
    // the reason (and given back afterwards: the data manager's device again).
    QByteArray grant;
    if (auto kept = store->records().meta("identity_vault_grant"); kept.ok())
        grant = kept.value();
    if (!domain::IdentityVault::revokeGrant(*store).ok())
        shooter.fail(QStringLiteral("identity: revoke"));
    reg.reloadVault();
    if (!lookup.open(id))
        shooter.fail(QStringLiteral("identity: open without grant"));
    nav.home();
    nav.push(QStringLiteral("participants"));
    nav.push(QStringLiteral("identity"));
    shooter.shoot(QStringLiteral("identity-refused"));
    nav.push(QStringLiteral("enrol"));
    shooter.shoot(QStringLiteral("enrol-researcher"), {}, [&] { shooter.scrollToEnd(QStringLiteral("enrolScreen")); });
    nav.home();
    if (grant.isEmpty() || !store->records().setMeta("identity_vault_grant", grant).ok())
        shooter.fail(QStringLiteral("identity: the grant could not be given back"));
    reg.reloadVault();
}

// Consent forms: the list, the editor with problems beside their fields, a
// published version 2, and version 1 read-only with the consents given with it.
void shootConsentFormScreens(Shooter &shooter, AppServices &services)
{
    Navigator &nav = services.navigator();
    ConsentFormEditor &forms = services.consentForms();
    nav.home();
    forms.refresh();
    const QVariantMap first = forms.forms().value(0).toMap();
    const QString formId = first.value(QStringLiteral("formId")).toString();
    const QString version1 = first.value(QStringLiteral("versionId")).toString();
    nav.push(QStringLiteral("forms"));
    shooter.shoot(QStringLiteral("consent-forms"));

    if (!forms.editForm(formId))
        shooter.fail(QStringLiteral("consent forms: the demo form cannot be edited"));
    nav.push(QStringLiteral("formEditor"));
    shooter.shoot(QStringLiteral("consent-form-edit"));
    // The largest text size: side by side gives way to one language above the other.
    services.settings().setTextSize(AppSettings::ExtraLarge);
    shooter.shoot(QStringLiteral("consent-form-edit-xl"), {},
        [&] { shooter.scrollToEnd(QStringLiteral("consentFormEditorPage")); });
    services.settings().setTextSize(AppSettings::Normal);
    if (QObject *page = shooter.find(QStringLiteral("consentFormEditorPage")))
        page->setProperty("contentY", 0);

    // A new item with its Swedish text only, and the Swedish title emptied: refused, nothing lost.
    const QString title = forms.title().value(QStringLiteral("sv")).toString();
    forms.addItem();
    const int added = int(forms.items().size()) - 1;
    // The fields show what a person typed; here the draft is set directly, so the fields too.
    // Rows made by a Repeater are children of their item, not QObject children: search the item tree.
    std::function<QQuickItem *(QQuickItem *, const QString &)> findItem
        = [&findItem](QQuickItem *under, const QString &name) -> QQuickItem * {
        for (QQuickItem *child : under->childItems()) {
            if (child->objectName() == name)
                return child;
            if (QQuickItem *found = findItem(child, name))
                return found;
        }
        return nullptr;
    };
    const auto type = [&](const QString &field, const QString &text) {
        shooter.settle();
        auto *screen = qobject_cast<QQuickItem *>(shooter.find(QStringLiteral("consentFormEditorScreen")));
        QQuickItem *item = screen ? findItem(screen, field) : nullptr;
        if (item)
            item->setProperty("text", text);
        else
            shooter.fail(QStringLiteral("consent forms: no field ") + field);
    };
    forms.setItemText(added, QStringLiteral("sv"), QStringLiteral("Jag vill få en kopia av rapporten."));
    type(QStringLiteral("itemText_%1_sv").arg(added), QStringLiteral("Jag vill få en kopia av rapporten."));
    forms.setTitle(QStringLiteral("sv"), QString());
    type(QStringLiteral("formTitle_sv"), QString());
    if (forms.publish())
        shooter.fail(QStringLiteral("consent forms: a form without a Swedish title was published"));
    shooter.shoot(QStringLiteral("consent-form-problems"));
    shooter.shoot(QStringLiteral("consent-form-problems-end"), {},
        [&] { shooter.scrollToEnd(QStringLiteral("consentFormEditorPage")); });

    forms.setTitle(QStringLiteral("sv"), title);
    type(QStringLiteral("formTitle_sv"), title);
    forms.setItemText(added, QStringLiteral("en"), QStringLiteral("I would like a copy of the report."));
    if (!forms.publish())
        shooter.fail(QStringLiteral("consent forms: version 2 not published: ") + forms.errorString());
    shooter.shoot(QStringLiteral("consent-form-published"), {},
        [&] { shooter.scrollToEnd(QStringLiteral("consentFormEditorPage")); });
    nav.back();

    // An import that finds no file, as the researcher sees it under the field.
    shooter.setText(QStringLiteral("formFileField"), QStringLiteral("/media/usb/samtycke-fokusgrupp.json"));
    forms.importFile(QStringLiteral("/media/usb/samtycke-fokusgrupp.json"));
    if (forms.importErrorString().isEmpty())
        shooter.fail(QStringLiteral("consent forms: a missing file gave no error"));
    shooter.shoot(QStringLiteral("consent-forms-versions"));
    shooter.shoot(QStringLiteral("consent-forms-import-error"), {},
        [&] { shooter.scrollToEnd(QStringLiteral("consentFormsScreen")); });
    shooter.setText(QStringLiteral("formFileField"), QString());

    if (!forms.showVersion(version1))
        shooter.fail(QStringLiteral("consent forms: version 1 cannot be shown"));
    nav.push(QStringLiteral("formVersion"));
    shooter.shoot(QStringLiteral("consent-form-version"), [&] { forms.setShownLanguage(services.settings().language()); });
    nav.home();
}

// The system's wall clock, moved on by hand together with the monotonic clock,
// so a demo observation session has minutes between its taps.
class DemoClock final : public Clock {
public:
    std::int64_t nowMs() const override { return QDateTime::currentMSecsSinceEpoch() + m_skewMs; }
    void advance(std::int64_t ms) { m_skewMs += ms; }

private:
    std::int64_t m_skewMs = 0;
};

struct DemoTime {
    DemoClock wall;
    observation::ManualMonotonicClock monotonic { 1'000 };
    void pass(std::int64_t seconds)
    {
        wall.advance(seconds * 1000);
        monotonic.advance(seconds * 1000);
    }
};

observation::Label both(const char *sv, const char *en)
{
    return { { QStringLiteral("sv"), QString::fromUtf8(sv) }, { QStringLiteral("en"), QString::fromUtf8(en) } };
}

// Mealtime support on a ward: who eats how (states that exclude each other), and drinks offered.
observation::CodingScheme mealtimeScheme()
{
    using namespace observation;
    CodingScheme s;
    s.id = QStringLiteral("mealtime");
    s.name = both("Stöd vid måltid", "Mealtime support");
    s.roles = { SubjectRole { QStringLiteral("patient"), both("Patient", "Patient") } };
    s.categories = { Category { QStringLiteral("eating"), both("Ätande", "Eating"), false },
        Category { QStringLiteral("drinks"), both("Dryck", "Drinks"), false } };
    Modifier accepted { QStringLiteral("accepted"), both("Tackade ja", "Accepted"), ModifierType::SingleChoice,
        { ModifierOption { QStringLiteral("yes"), both("Ja", "Yes") }, ModifierOption { QStringLiteral("no"), both("Nej", "No") } } };
    accepted.required = true;
    s.modifiers = { accepted };
    Behaviour alone { QStringLiteral("alone"), both("Äter själv", "Eats unaided"), EventType::State, QStringLiteral("eating") };
    Behaviour assisted { QStringLiteral("assisted"), both("Får hjälp att äta", "Assisted to eat"), EventType::State,
        QStringLiteral("eating") };
    Behaviour drink { QStringLiteral("drink"), both("Erbjuds dryck", "Offered a drink"), EventType::Point, QStringLiteral("drinks") };
    drink.modifiers = { QStringLiteral("accepted") };
    drink.color = QStringLiteral("#1565c0");
    s.behaviours = { alone, assisted, drink };
    s.exclusiveGroups = { ExclusiveGroup { QStringLiteral("eating"), { QStringLiteral("alone"), QStringLiteral("assisted") } } };
    return s;
}

// Observation with demo data: a QuIS session on the café's participants, coded,
// paused and stopped through the real controllers; a co-production meeting.
void shootObservationScreens(Shooter &shooter, AppServices &services, DemoTime &time)
{
    Navigator &nav = services.navigator();
    ObservationSetup &setup = services.observationSetup();
    ObservationLive &live = services.observationLive();
    const auto check = [&](bool ok, const char *what) {
        if (!ok)
            shooter.fail(QStringLiteral("observation: %1: %2 %3")
                             .arg(QLatin1String(what), live.errorString(), setup.errorString()));
    };

    nav.home();
    nav.push(QStringLiteral("observations"));
    shooter.shoot(QStringLiteral("observations-empty"));

    setup.reset();
    setup.setSchemeId(QStringLiteral("quis"));
    setup.setSetting(QStringLiteral("event"));
    setup.setObserver(QStringLiteral("AL"));
    setup.setOtherObservers(QStringLiteral("KB"));
    QStringList allowed;
    for (const QVariant &p : setup.participants()) {
        if (p.toMap().value(QStringLiteral("allowed")).toBool())
            allowed << p.toMap().value(QStringLiteral("code")).toString();
    }
    if (allowed.size() < 2)
        shooter.fail(QStringLiteral("observation: fewer than two participants may be observed"));
    for (const QString &code : allowed)
        setup.toggleParticipant(code);
    setup.setAttendeeCount(QStringLiteral("staff"), 2);
    setup.setAttendeeCount(QStringLiteral("patient"), 3);
    nav.push(QStringLiteral("observationSetup"));
    shooter.shoot(QStringLiteral("observation-setup"));
    shooter.shoot(QStringLiteral("observation-setup-end"), {},
        [&] { shooter.scrollToEnd(QStringLiteral("observationSetupScreen")); });

    // A project that checks consent at every session: each participant present is asked about first.
    if (store::LocalStore *store = services.session().store()) {
        domain::Projects projects(store->records());
        auto project = projects.get(services.session().projectId());
        check(project.ok(), "project");
        if (project.ok()) {
            project->settings.recheckEverySession = true;
            check(projects.update(project.value()).ok(), "recheck every session");
            time.pass(60);
            setup.reset();
            setup.setSchemeId(QStringLiteral("quis"));
            setup.setObserver(QStringLiteral("AL"));
            for (const QString &code : allowed)
                setup.toggleParticipant(code);
            check(!setup.start(), "start refused before the re-check");
            shooter.shoot(QStringLiteral("observation-setup-recheck"));
            for (const QVariant &p : setup.participants())
                if (p.toMap().value(QStringLiteral("recheckNeeded")).toBool())
                    check(setup.recordRecheck(p.toMap().value(QStringLiteral("id")).toString(), 0), "re-check");
            project->settings.recheckEverySession = false;
            check(projects.update(project.value()).ok(), "recheck back off");
            setup.setSetting(QStringLiteral("event"));
            setup.setOtherObservers(QStringLiteral("KB"));
            setup.setAttendeeCount(QStringLiteral("staff"), 2);
            setup.setAttendeeCount(QStringLiteral("patient"), 3);
        }
    }

    check(setup.start(), "start");
    nav.back();
    nav.push(QStringLiteral("observationLive"));
    const QString first = allowed.value(0);
    const QString second = allowed.value(1);
    struct Tap {
        int afterSeconds;
        QString subject;
        const char *behaviour;
    };
    const Tap taps[] = {
        { 42, QStringLiteral("p:") + first, "ps" },
        { 95, QStringLiteral("p:") + first, "pc" },
        { 130, QStringLiteral("r:patient"), "n" },
        { 210, QStringLiteral("p:") + second, "pc" },
        { 75, QStringLiteral("p:") + second, "np" },
        { 160, QStringLiteral("r:patient"), "ps" },
    };
    for (const Tap &tap : taps) {
        time.pass(tap.afterSeconds);
        live.setSubject(tap.subject);
        check(live.tap(QString::fromLatin1(tap.behaviour)), "tap");
    }
    time.pass(40);
    check(live.addNote(QStringLiteral("Lunch trolley arrives; two patients wait at the door.")), "note");
    check(live.pause(), "pause");
    time.pass(120);
    check(live.resume(), "resume");
    time.pass(65);
    live.setSubject(QStringLiteral("p:") + first);
    check(live.tap(QStringLiteral("nr")), "tap");
    time.pass(30);
    check(live.dissent(second), "dissent");
    time.pass(12);
    live.tick();
    shooter.shoot(QStringLiteral("observation-live"));
    // The largest text size: targets and text grow together, nothing may clip.
    services.settings().setTextSize(AppSettings::ExtraLarge);
    shooter.shoot(QStringLiteral("observation-live-xl"));
    services.settings().setTextSize(AppSettings::Normal);
    // The 15-minute prompt falls due.
    time.pass(60);
    live.tick();
    if (!live.promptDue())
        shooter.fail(QStringLiteral("observation: no prompt fell due"));
    shooter.shoot(QStringLiteral("observation-prompt"));
    live.acknowledgePrompt();
    // A refusal from the domain, as the observer sees it.
    live.setSubject(QStringLiteral("p:") + second);
    check(!live.errorString().isEmpty(), "refusal shown");
    shooter.shoot(QStringLiteral("observation-refused"));
    live.clearMessages();

    // Stop asks once more.
    if (QObject *screen = shooter.find(QStringLiteral("observationLiveScreen")))
        screen->setProperty("confirmingStop", true);
    else
        shooter.fail(QStringLiteral("observation: no live screen"));
    shooter.shoot(QStringLiteral("observation-stop-confirm"));

    time.pass(20);
    check(live.stop(), "stop");
    nav.back();
    nav.push(QStringLiteral("observationView"));
    shooter.shoot(QStringLiteral("observation-stopped"));
    check(live.finalise(), "finalise");
    shooter.shoot(QStringLiteral("observation-finalised"), {},
        [&] { shooter.scrollToEnd(QStringLiteral("observationViewScreen")); });

    // The next day a miscoded interaction is spotted: a correction changes one
    // event and adds a missed one (the editor, with the missed one being added),
    // then the finalised correction's history of versions.
    {
        ObservationCorrection &correction = services.observationCorrection();
        const auto fixed = [&](bool ok, const char *what) {
            if (!ok)
                shooter.fail(QStringLiteral("correction: %1: %2").arg(QLatin1String(what), correction.errorString()));
        };
        time.pass(20 * 60 * 60);
        correction.showHistory(live.sessionId());
        fixed(correction.begin(QStringLiteral("The interaction at 4:27 was positive care, not neutral; a greeting "
                                              "at 6:30 was missed (paper notes)."),
                  QStringLiteral("KB")),
            "begin");
        nav.push(QStringLiteral("observationCorrection"));
        QString neutral;
        if (const observation::ObservationSession *editing = correction.current()) {
            for (const observation::ObservationEvent &e : editing->events()) {
                if (e.behaviour == QLatin1String("n") && neutral.isEmpty())
                    neutral = e.id;
            }
        }
        correction.startChange(neutral);
        correction.setDraftBehaviour(QStringLiteral("pc"));
        fixed(correction.saveDraft(), "change");
        correction.startAdd();
        correction.setDraftBehaviour(QStringLiteral("ps"));
        correction.setDraftSubject(QStringLiteral("r:patient"));
        correction.setDraftTime(QStringLiteral("6:30"));
        shooter.shoot(QStringLiteral("observation-correction"));
        fixed(correction.saveDraft(), "add");
        shooter.shoot(QStringLiteral("observation-correction-events"), {},
            [&] { shooter.scrollToEnd(QStringLiteral("observationCorrectionScreen")); });
        fixed(correction.finalise(), "finalise");
        check(live.open(correction.newestId()), "open version 2");
        nav.back();
        shooter.shoot(QStringLiteral("observation-versions"), {},
            [&] { shooter.scrollToEnd(QStringLiteral("observationViewScreen")); });
    }

    // A co-production meeting: every contribution has a speaker role.
    setup.reset();
    setup.setSchemeId(QStringLiteral("coproduction"));
    setup.setSetting(QStringLiteral("meeting"));
    setup.setObserver(QStringLiteral("AL"));
    check(setup.start(), "start meeting");
    nav.home();
    nav.push(QStringLiteral("observations"));
    nav.push(QStringLiteral("observationLive"));
    const std::pair<const char *, const char *> contributions[] = {
        { "r:staff", "idea" }, { "r:patient", "question" }, { "r:family", "story" }, { "r:manager", "decision" },
    };
    for (const auto &[who, what] : contributions) {
        time.pass(50);
        live.setSubject(QString::fromLatin1(who));
        check(live.tap(QString::fromLatin1(what)), "contribution");
    }
    live.setSubject(QStringLiteral("r:patient"));
    time.pass(8);
    live.tick();
    shooter.shoot(QStringLiteral("observation-meeting"));
    check(live.stop(), "stop meeting");

    // A scheme with state events and a modifier (as a study would import one):
    // a state shown as on, and a tap waiting for its modifier.
    setup.addScheme(mealtimeScheme());
    setup.reset();
    setup.setSetting(QStringLiteral("ward area"));
    setup.setObserver(QStringLiteral("AL"));
    check(setup.start(), "start mealtime");
    live.setSubject(QStringLiteral("r:patient"));
    time.pass(30);
    check(live.tap(QStringLiteral("assisted")), "state on");
    time.pass(45);
    check(live.tap(QStringLiteral("drink")), "modifier asked");
    live.setModifierValue(QStringLiteral("accepted"), QStringLiteral("yes"));
    time.pass(3);
    live.tick();
    shooter.shoot(QStringLiteral("observation-modifiers"));
    live.cancelModifiers();
    check(live.stop(), "stop mealtime");

    nav.back();
    services.observationSetup().refresh();
    shooter.shoot(QStringLiteral("observations"));
    nav.home();
}

// After sessions: a second observer's QuIS session over the same time as the
// first (written through the domain on clocks of its own, as the second
// device would), agreement of the pair, summaries with charts, and an export.
// Coding schemes: the list (built in and the project's own), the builder with
// states, a group and a modifier, its problems beside their fields, a built-in
// scheme read-only, and an import that is not a scheme.
void shootSchemeScreens(Shooter &shooter, AppServices &services)
{
    Navigator &nav = services.navigator();
    SchemeEditor &schemes = services.schemeEditor();
    const QString sv = QStringLiteral("sv");
    const QString en = QStringLiteral("en");
    const QString behaviours = QStringLiteral("behaviours");
    schemes.newScheme();
    schemes.setSchemeId(QStringLiteral("mobility"));
    schemes.setName(sv, QStringLiteral("Rörlighet på avdelningen"));
    schemes.setName(en, QStringLiteral("Ward mobility"));
    schemes.setDescription(sv, QStringLiteral("Hur patienter sitter, står och går under dagen."));
    schemes.setDescription(en, QStringLiteral("How patients sit, stand and walk during the day."));
    schemes.setParticipantSubjects(true);
    schemes.add(QStringLiteral("roles"));
    schemes.setCode(QStringLiteral("roles"), 0, QStringLiteral("patient"));
    schemes.setLabel(QStringLiteral("roles"), 0, sv, QStringLiteral("Patient"));
    schemes.setLabel(QStringLiteral("roles"), 0, en, QStringLiteral("Patient"));
    schemes.add(QStringLiteral("modifiers"));
    schemes.setCode(QStringLiteral("modifiers"), 0, QStringLiteral("help"));
    schemes.setLabel(QStringLiteral("modifiers"), 0, sv, QStringLiteral("Hjälp"));
    schemes.setLabel(QStringLiteral("modifiers"), 0, en, QStringLiteral("Help"));
    const QList<std::array<const char *, 3>> options = {{"none", "Ingen", "None"}, {"staff", "Personal", "Staff"}};
    for (int o = 0; o < options.size(); ++o) {
        schemes.addOption(0);
        schemes.setOptionCode(0, o, QString::fromUtf8(options[o][0]));
        schemes.setOptionLabel(0, o, sv, QString::fromUtf8(options[o][1]));
        schemes.setOptionLabel(0, o, en, QString::fromUtf8(options[o][2]));
    }
    const QList<std::array<const char *, 4>> rows = {{"sit", "Sitter", "Sitting", "#1565c0"},
        {"stand", "Står", "Standing", "#2e7d32"}, {"walk", "Går", "Walks", "#ef6c00"}};
    for (int b = 0; b < rows.size(); ++b) {
        schemes.add(behaviours);
        schemes.setCode(behaviours, b, QString::fromUtf8(rows[b][0]));
        schemes.setLabel(behaviours, b, sv, QString::fromUtf8(rows[b][1]));
        schemes.setLabel(behaviours, b, en, QString::fromUtf8(rows[b][2]));
        schemes.setBehaviourColor(b, QString::fromUtf8(rows[b][3]));
        schemes.setBehaviourState(b, b < 2);
    }
    schemes.setBehaviourModifier(2, QStringLiteral("help"), true);
    schemes.add(QStringLiteral("groups"));
    schemes.setCode(QStringLiteral("groups"), 0, QStringLiteral("posture"));
    schemes.setGroupMember(0, QStringLiteral("sit"), true);
    schemes.setGroupMember(0, QStringLiteral("stand"), true);
    if (!schemes.save())
        shooter.fail(QStringLiteral("schemes: the mobility scheme was not saved: ") + schemes.errorString());

    nav.home();
    nav.push(QStringLiteral("observations"));
    nav.push(QStringLiteral("codingSchemes"));
    shooter.shoot(QStringLiteral("coding-schemes"));

    // The saved scheme, opened again: the screen is built from the stored version.
    nav.push(QStringLiteral("schemeEditor"));
    shooter.shoot(QStringLiteral("scheme-editor"));
    shooter.shoot(QStringLiteral("scheme-editor-end"), {},
        [&] { shooter.scrollToEnd(QStringLiteral("schemeEditorPage")); });
    nav.back();

    // A duplicated code and a group naming a behaviour the scheme no longer has: refused, named beside the fields.
    schemes.setCode(behaviours, 1, QStringLiteral("sit"));
    schemes.setGroupMember(0, QStringLiteral("lie"), true);
    schemes.setLabel(behaviours, 2, en, QString());
    schemes.setLabel(behaviours, 2, sv, QString());
    if (schemes.save())
        shooter.fail(QStringLiteral("schemes: a scheme with a duplicated code was saved"));
    nav.push(QStringLiteral("schemeEditor"));
    // The page on screen (the one shown before this may not be deleted yet).
    const auto shownPage = []() -> QQuickItem * {
        for (QWindow *window : QGuiApplication::topLevelWindows()) {
            for (auto *page : window->findChildren<QQuickItem *>(QStringLiteral("schemeEditorPage"))) {
                if (page->isVisible() && page->parentItem())
                    return page;
            }
        }
        return nullptr;
    };
    // Scrolls the page so `name` shows, or to the end when it is empty.
    const auto scrollTo = [&](const QString &name) {
        QQuickItem *page = shownPage();
        auto *content = page ? qvariant_cast<QQuickItem *>(page->property("contentItem")) : nullptr;
        if (!page || !content) {
            shooter.fail(QStringLiteral("schemes: no editor page on screen"));
            return;
        }
        const qreal end = std::max<qreal>(0, page->property("contentHeight").toReal() - page->height());
        qreal y = end;
        if (!name.isEmpty()) {
            std::function<QQuickItem *(QQuickItem *)> search = [&](QQuickItem *under) -> QQuickItem * {
                for (QQuickItem *child : under->childItems()) {
                    if (child->objectName() == name)
                        return child;
                    if (QQuickItem *found = search(child))
                        return found;
                }
                return nullptr;
            };
            QQuickItem *target = search(page);
            if (!target) {
                shooter.fail(QStringLiteral("schemes: nothing named ") + name);
                return;
            }
            y = std::clamp<qreal>(target->mapToItem(content, QPointF(0, 0)).y() - 200, 0, end);
        }
        page->setProperty("contentY", y);
        shooter.settle();
    };
    shooter.shoot(QStringLiteral("scheme-editor-problems"), {},
        [&] { scrollTo(QStringLiteral("problem_behaviours[1].code")); });
    shooter.shoot(QStringLiteral("scheme-editor-problems-end"), {}, [&] { scrollTo(QString()); });
    schemes.discardChanges();
    nav.back();

    // A built-in scheme, read-only.
    schemes.openScheme(QStringLiteral("builtin:quis"));
    nav.push(QStringLiteral("schemeEditor"));
    shooter.shoot(QStringLiteral("scheme-builtin"));
    nav.back();

    // An import of a file that is not valid JSON, as the researcher sees it under the field.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("mobility.json"));
    QFile broken(path);
    if (!broken.open(QIODevice::WriteOnly) || broken.write("{\"format\": \"samla-coding-scheme\",") < 0)
        shooter.fail(QStringLiteral("schemes: no file to import"));
    broken.close();
    shooter.setText(QStringLiteral("schemeImportField"), path);
    if (schemes.importFile(path))
        shooter.fail(QStringLiteral("schemes: a broken file was imported"));
    shooter.shoot(QStringLiteral("coding-schemes-import-error"), {},
        [&] { shooter.scrollToEnd(QStringLiteral("codingSchemesScreen")); });

    // A pilot copy of QuIS put away, listed under "Archived schemes"; the
    // mobility scheme (no session coded with it yet) with its removal asked about.
    schemes.duplicateScheme(QStringLiteral("builtin:quis"));
    schemes.setSchemeId(QStringLiteral("quis-pilot"));
    if (!schemes.save())
        shooter.fail(QStringLiteral("schemes: the pilot copy was not saved: ") + schemes.errorString());
    for (const QVariant &v : schemes.schemes()) {
        const QVariantMap scheme = v.toMap();
        const QString code = scheme.value(QStringLiteral("schemeId")).toString();
        if (code == QLatin1String("quis-pilot") && !schemes.archiveScheme(scheme.value(QStringLiteral("key")).toString()))
            shooter.fail(QStringLiteral("schemes: the pilot copy was not archived"));
        if (code == QLatin1String("mobility"))
            shooter.setItemProperty(QStringLiteral("codingSchemesScreen"), "removeCandidate",
                scheme.value(QStringLiteral("key")));
    }
    shooter.setText(QStringLiteral("schemeImportField"), QString());
    shooter.shoot(QStringLiteral("coding-schemes-archived"), {},
        [&] { shooter.scrollToEnd(QStringLiteral("codingSchemesScreen")); });
    nav.home();
}

void shootObservationReportScreens(Shooter &shooter, AppServices &services)
{
    using namespace observation;
    Navigator &nav = services.navigator();
    store::LocalStore *store = services.session().store();
    if (!store) {
        shooter.fail(QStringLiteral("observation reports: no store"));
        return;
    }
    const SteadyClock steady;
    auto listed = Sessions(*store, services.clock(), steady, QTimeZone::systemTimeZone())
                      .list(services.session().projectId());
    if (!listed.ok()) {
        shooter.fail(QStringLiteral("observation reports: no sessions"));
        return;
    }
    QString quis, meeting, mealtime;
    SessionInfo first;
    for (const SessionInfo &s : listed.value()) {
        if (s.scheme.id == QLatin1String("quis") && s.state == SessionState::Finalised && quis.isEmpty()) {
            quis = s.id;
            first = s;
        } else if (s.scheme.id == QLatin1String("coproduction")) {
            meeting = s.id;
        } else if (s.scheme.id == QLatin1String("mealtime")) {
            mealtime = s.id;
        }
    }
    if (quis.isEmpty() || meeting.isEmpty() || mealtime.isEmpty()) {
        shooter.fail(QStringLiteral("observation reports: the demo sessions are missing"));
        return;
    }
    // KB started 3 s after AL and coded the same interactions a moment later, disagreeing twice.
    QString second;
    {
        ManualClock wall(first.startedWallMs + 3'000);
        ManualMonotonicClock mono(1'000);
        Sessions sessions(*store, wall, mono, QTimeZone::systemTimeZone());
        SessionSetup setup;
        setup.projectId = first.projectId;
        setup.siteId = first.siteId;
        setup.setting = first.setting;
        setup.observer = QStringLiteral("KB");
        setup.observers = { QStringLiteral("KB"), QStringLiteral("AL") };
        setup.attendeesByRole = first.attendeesByRole;
        setup.scheme = first.scheme;
        setup.promptIntervalS = 0;
        auto started = sessions.start(setup);
        if (!started.ok()) {
            shooter.fail(QStringLiteral("observation reports: KB's session did not start"));
            return;
        }
        ObservationSession &s = *started.value();
        std::int64_t now = 0;
        const std::pair<std::int64_t, const char *> taps[] = {
            { 41, "ps" }, { 136, "ps" }, { 266, "n" }, { 476, "pc" }, { 551, "np" }, { 711, "ps" }, { 936, "np" },
        };
        bool ok = true;
        for (const auto &[at, code] : taps) {
            wall.advance(at * 1000 - now);
            mono.advance(at * 1000 - now);
            now = at * 1000;
            ok = ok && s.logPoint(QString::fromLatin1(code), Subject::role(QStringLiteral("patient"))).ok();
        }
        const std::int64_t stopAt = first.stopWallMs - first.startedWallMs - 3'000;
        wall.advance(stopAt - now);
        mono.advance(stopAt - now);
        ok = ok && s.stop().ok() && s.finalise().ok();
        if (!ok)
            shooter.fail(QStringLiteral("observation reports: KB's session could not be coded"));
        second = s.id();
    }

    nav.home();
    nav.push(QStringLiteral("observations"));
    services.observationSetup().refresh();
    ObservationAgreement &agreement = services.observationAgreement();
    agreement.refresh();
    agreement.clearChoice();
    nav.push(QStringLiteral("observationAgreement"));
    shooter.shoot(QStringLiteral("observation-agreement-empty"));
    // A pair that cannot be compared says why.
    agreement.setSessionA(quis);
    agreement.setSessionB(meeting);
    if (agreement.problem().isEmpty())
        shooter.fail(QStringLiteral("observation reports: an unfinalised pair was compared"));
    shooter.shoot(QStringLiteral("observation-agreement-refused"), {},
        [&] { shooter.scrollToEnd(QStringLiteral("observationAgreementScreen")); });
    agreement.setSessionB(second);
    agreement.setSliceSeconds(60);
    if (!agreement.hasResult() || !agreement.markPair())
        shooter.fail(QStringLiteral("observation reports: the pair gave no figures: ") + agreement.problem());
    shooter.shoot(QStringLiteral("observation-agreement"), {},
        [&] { shooter.scrollToEnd(QStringLiteral("observationAgreementScreen")); });
    agreement.setMethod(QStringLiteral("events"));
    agreement.setToleranceSeconds(5);
    shooter.shoot(QStringLiteral("observation-agreement-events"), {},
        [&] { shooter.scrollToEnd(QStringLiteral("observationAgreementScreen")); });
    agreement.setMethod(QStringLiteral("slices"));
    nav.back();

    ObservationReports &reports = services.observationReports();
    reports.showSession(quis);
    nav.push(QStringLiteral("observationSummary"));
    shooter.shoot(QStringLiteral("observation-summary"));
    QTemporaryDir exports;
    reports.setExportDirectory(exports.path());
    if (!reports.exportEvents(QStringLiteral("csv")))
        shooter.fail(QStringLiteral("observation reports: export failed: ") + reports.errorString());
    shooter.shoot(QStringLiteral("observation-summary-export"), {},
        [&] { shooter.scrollToEnd(QStringLiteral("observationSummaryScreen")); });
    reports.setExportDirectory(QDir(services.session().dataDir()).filePath(QStringLiteral("exports")));
    reports.showSession(meeting);
    shooter.shoot(QStringLiteral("observation-summary-meeting"));
    reports.showSession(mealtime);
    shooter.shoot(QStringLiteral("observation-summary-states"));
    reports.showAll();
    reports.setSchemeId(QStringLiteral("quis"));
    shooter.shoot(QStringLiteral("observation-summaries"));

    // The acute psychiatric ward: one QuIS session on the intervention ward
    // and one on the control ward, compared by study arm.
    const QString cafe = services.session().projectId();
    domain::Project ward;
    auto projects = domain::Projects(store->records()).list();
    for (const domain::Project &p : projects.ok() ? projects.value() : QList<domain::Project>()) {
        if (p.settings.codePrefix == QLatin1String("PW"))
            ward = p;
    }
    if (ward.settings.sites.size() < 2 || !services.session().switchProject(ward.id)) {
        shooter.fail(QStringLiteral("observation reports: the ward case study is missing"));
    } else {
        struct WardSession {
            int site;
            int patients;
            std::int64_t startS;
            std::int64_t stopS;
            std::vector<std::pair<std::int64_t, const char *>> taps;
        };
        const WardSession wardSessions[] = {
            { 0, 4, 0, 1800,
                { { 60, "ps" }, { 200, "ps" }, { 330, "pc" }, { 500, "ps" }, { 640, "n" }, { 800, "pc" },
                    { 950, "ps" }, { 1100, "pc" }, { 1240, "np" }, { 1400, "ps" }, { 1600, "pc" } } },
            { 1, 4, 7200, 1800, { { 90, "n" }, { 400, "pc" }, { 700, "np" }, { 1000, "nr" }, { 1500, "n" } } },
        };
        for (const WardSession &w : wardSessions) {
            ManualClock wall(first.startedWallMs + 86'400'000 + w.startS * 1000);
            ManualMonotonicClock mono(1'000);
            Sessions sessions(*store, wall, mono, QTimeZone::systemTimeZone());
            SessionSetup setup;
            setup.projectId = ward.id;
            setup.siteId = ward.settings.sites.at(w.site).id;
            setup.setting = first.setting;
            setup.observer = QStringLiteral("JH");
            setup.attendeesByRole = { { QStringLiteral("patient"), w.patients }, { QStringLiteral("staff"), 2 } };
            setup.scheme = first.scheme;
            setup.promptIntervalS = 0;
            auto started = sessions.start(setup);
            if (!started.ok()) {
                shooter.fail(QStringLiteral("observation reports: a ward session did not start"));
                continue;
            }
            ObservationSession &s = *started.value();
            std::int64_t now = 0;
            bool ok = true;
            for (const auto &[at, code] : w.taps) {
                wall.advance(at * 1000 - now);
                mono.advance(at * 1000 - now);
                now = at * 1000;
                ok = ok && s.logPoint(QString::fromLatin1(code), Subject::role(QStringLiteral("patient"))).ok();
            }
            wall.advance(w.stopS * 1000 - now);
            mono.advance(w.stopS * 1000 - now);
            if (!ok || !s.stop().ok() || !s.finalise().ok())
                shooter.fail(QStringLiteral("observation reports: a ward session could not be coded"));
        }
        reports.showAll();
        reports.setSchemeId(QStringLiteral("quis"));
        const QVariantList charts = reports.charts();
        if (std::none_of(charts.begin(), charts.end(),
                [](const QVariant &c) { return c.toMap().value(QStringLiteral("key")) == QLatin1String("rateByArm"); }))
            shooter.fail(QStringLiteral("observation reports: the ward shows no study arms"));
        shooter.shoot(QStringLiteral("observation-summaries-arms"));
        shooter.shoot(QStringLiteral("observation-summaries-arms-end"), {},
            [&] { shooter.scrollToEnd(QStringLiteral("observationSummaryScreen")); });
        services.session().switchProject(cafe);
        reports.showAll();
    }
    nav.home();
}

} // namespace

int runScreenshots(QGuiApplication &app, const QString &outDir)
{
    if (!QDir().mkpath(outDir)) {
        std::fprintf(stderr, "screenshots: cannot create %s\n", qPrintable(outDir));
        return 1;
    }
    QTemporaryDir dataDir;
    if (!dataDir.isValid()) {
        std::fputs("screenshots: cannot create a temporary data directory\n", stderr);
        return 1;
    }
    AppServicesOptions options;
    options.dataDir = dataDir.path();
    options.systemLocale = QLocale(QLocale::English, QLocale::UnitedKingdom);
    options.fixedKdf = AppServices::cheapKdfForTests();
    options.application = &app;
    DemoTime demoTime;
    options.clock = &demoTime.wall;
    options.monotonicClock = &demoTime.monotonic;
    AppServices services(options);

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    services.attachEngine(engine);
    engine.load(QUrl(kMainQmlUrl));
    QQuickWindow *window = engine.rootObjects().isEmpty()
        ? nullptr
        : qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (!window) {
        std::fputs("screenshots: the main window did not load\n", stderr);
        return 1;
    }
    Shooter shooter(services, *window, outDir);
    Session &session = services.session();
    shooter.settle();

    shooter.shoot(QStringLiteral("first-run"));
    shooter.setText(QStringLiteral("newPassphraseField"), kPassphrase);
    shooter.setText(QStringLiteral("repeatPassphraseField"), kPassphrase);
    shooter.shoot(QStringLiteral("first-run-strength"));

    session.createStore(kPassphrase, kPassphrase);
    session.waitForWorker();
    if (session.state() != Session::ShowRecoveryKey) {
        std::fprintf(
            stderr, "screenshots: could not create the store: %s\n", qPrintable(session.errorString()));
        return 1;
    }
    shooter.shoot(QStringLiteral("recovery-key"));
    if (!session.confirmRecoveryKey(true, session.recoveryKey().section(QLatin1Char('-'), -1))) {
        std::fputs("screenshots: could not confirm the recovery key\n", stderr);
        return 1;
    }
    shooter.shoot(QStringLiteral("home"));

    services.navigator().push(QStringLiteral("notes"));
    shooter.shoot(QStringLiteral("notes"));

    const QString word = searchWordFrom(*services.notebook().notes());
    services.notebook().setSearchQuery(word);
    services.notebook().searchNow();
    shooter.shoot(QStringLiteral("notes-search"));
    services.notebook().setSearchQuery({});
    services.notebook().searchNow();

    // The REFI-QDA export, done: the message names the file.
    {
        QTemporaryDir qdpxDir;
        const QString defaultDir = services.notebook().exportDirectory();
        services.notebook().setExportDirectory(qdpxDir.path());
        if (!services.notebook().exportQdpx())
            shooter.fail(QStringLiteral("qdpx export failed: ") + services.notebook().exportMessage());
        shooter.shoot(QStringLiteral("notes-export"));
        services.notebook().clearExportMessage();
        services.notebook().setExportDirectory(defaultDir);
    }

    NotesModel *notes = services.notebook().notes();
    if (notes->rowCount() == 0)
        shooter.fail(QStringLiteral("the demo project has no notes"));
    else
        services.editor().openNote(notes->data(notes->index(0), NotesModel::IdRole).toString());
    services.navigator().push(QStringLiteral("editor"));
    shooter.shoot(QStringLiteral("editor"));

    // Details of the note: a memo type and a code chosen, not yet saved.
    services.navigator().push(QStringLiteral("noteDetails"));
    NoteDetailsForm &details = services.noteDetails();
    details.load(services.editor().noteId());
    details.setMemoType(QStringLiteral("reflexive"));
    if (!details.codes().isEmpty())
        details.toggleCode(details.codes().first().toMap().value(QStringLiteral("id")).toString());
    shooter.shoot(QStringLiteral("note-details"));
    services.navigator().back();

    // A second version, so the history has something to show.
    NoteEditor &editor = services.editor();
    editor.setText(
        editor.text() + QStringLiteral("\n\nFollow-up 14:20: the handover took place in the corridor."));
    if (!editor.save())
        shooter.fail(QStringLiteral("could not save a second version: ") + editor.errorString());
    editor.loadVersions();
    editor.viewVersion(1);
    services.navigator().push(QStringLiteral("versions"));
    shooter.shoot(QStringLiteral("versions"));
    services.navigator().back();
    shootNoteMediaScreens(shooter, services);

    shootConsentScreens(shooter, services);
    shootIdentityScreens(shooter, services);
    shootConsentFormScreens(shooter, services);
    shootObservationScreens(shooter, services, demoTime);
    shootObservationReportScreens(shooter, services);
    shootSchemeScreens(shooter, services);

    services.navigator().home();
    services.navigator().push(QStringLiteral("project"));
    shooter.shoot(QStringLiteral("project"));
    // A refusal names the field in words.
    services.projectEditor().setCodePrefix(QStringLiteral("Lärcafé"));
    if (services.projectEditor().save())
        shooter.fail(QStringLiteral("an invalid code prefix was saved"));
    shooter.shoot(
        QStringLiteral("project-error"), {}, [&] { shooter.scrollToEnd(QStringLiteral("projectScreen")); });
    services.projectEditor().load();

    // Every project on the device (the three case studies), and a new one refused in words.
    services.navigator().home();
    services.navigator().push(QStringLiteral("projects"));
    if (services.projectList().projects().size() < 3)
        shooter.fail(QStringLiteral("projects: the three demo case studies are not listed"));
    shooter.shoot(QStringLiteral("projects"));
    shooter.setText(QStringLiteral("newProjectNameField"), QStringLiteral("Home visits"));
    shooter.setText(QStringLiteral("newProjectPrefixField"), QStringLiteral("ASTRID"));
    if (services.projectList().createProject(QStringLiteral("Home visits"), QStringLiteral("ASTRID")))
        shooter.fail(QStringLiteral("projects: a name was taken as a code prefix"));
    shooter.shoot(
        QStringLiteral("projects-error"), {}, [&] { shooter.scrollToEnd(QStringLiteral("projectsScreen")); });
    services.projectList().clearError();

    shootSyncScreens(shooter, services);

    services.navigator().home();
    services.navigator().push(QStringLiteral("settings"));
    shooter.shoot(QStringLiteral("settings"));
    services.navigator().push(QStringLiteral("changePassphrase"));
    shooter.setText(QStringLiteral("newPassphraseField"), QStringLiteral("sommar2024"));
    shooter.shoot(QStringLiteral("change-passphrase"));
    services.navigator().home();

    // The quick note, opened over the screen the user is on.
    services.navigator().push(QStringLiteral("notes"));
    services.notebook().setQuickText(QStringLiteral("Bed 4 asked for the window to be opened; staff did so at once."));
    if (QObject *dialog = shooter.find(QStringLiteral("quickNoteDialog")); !dialog || !QMetaObject::invokeMethod(dialog, "open"))
        shooter.fail(QStringLiteral("no quick note dialog"));
    shooter.shoot(QStringLiteral("quick-note"));
    if (QObject *dialog = shooter.find(QStringLiteral("quickNoteDialog")))
        QMetaObject::invokeMethod(dialog, "close");
    services.notebook().setQuickText({});
    services.navigator().home();

    session.lock();
    shooter.shoot(QStringLiteral("unlock"));
    session.unlock(QStringLiteral("not the passphrase"));
    session.waitForWorker();
    if (session.errorString().isEmpty())
        shooter.fail(QStringLiteral("a wrong passphrase gave no error"));
    shooter.shoot(QStringLiteral("unlock-error"));
    session.clearError();

    if (QObject *root = shooter.find(QStringLiteral("appRoot")))
        root->setProperty("recovering", true);
    else
        shooter.fail(QStringLiteral("no appRoot"));
    shooter.shoot(QStringLiteral("recover"));

    for (const QString &failure : shooter.failures())
        std::fprintf(stderr, "screenshots: FAIL %s\n", qPrintable(failure));
    std::fprintf(stdout, "screenshots: %d images written to %s (%d frame waits timed out)\n",
        shooter.written(), qPrintable(outDir), shooter.m_frameTimeouts);
    std::fflush(stdout);
    return shooter.failures().isEmpty() ? 0 : 1;
}

} // namespace samla::ui
