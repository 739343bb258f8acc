// The note editor's photos and recordings as a user meets them: a photo from a
// file shown as a thumbnail and removed, a recording listed with its length,
// what the buttons say without a camera or microphone (in both languages), bad
// files refused with a sentence; and the observation prompt's sound cue.
#include "app/media/promptcue.h"
#include "app/ui/appmodes.h"
#include "app/ui/appservices.h"
#include "app/ui/appsettings.h"
#include "app/ui/attachmentimages.h"
#include "app/ui/navigator.h"
#include "app/ui/noteeditor.h"
#include "app/ui/notemedia.h"
#include "app/ui/observationlive.h"
#include "app/ui/observationsetup.h"
#include "app/ui/session.h"
#include "fakemicrophone.h"
#include "platform/crypto/crypto.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace samla;
using namespace samla::ui;

class TestUiNoteMedia : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    ManualClock m_wall { 1'780'000'000'000 };
    observation::ManualMonotonicClock m_mono { 1'000 };
    std::unique_ptr<AppServices> m_services;

    NoteMedia &media() { return m_services->noteMedia(); }
    NoteEditor &editor() { return m_services->editor(); }
    QString writePhoto(const QString &name, const char *format)
    {
        QImage image(1200, 800, QImage::Format_RGB32);
        image.fill(QColor(200, 80, 40));
        const QString path = m_dir.filePath(name);
        return image.save(path, format) ? path : QString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(crypto::initialize().ok());
        AppServicesOptions options;
        options.dataDir = m_dir.filePath(QStringLiteral("data"));
        options.systemLocale = QLocale(QLocale::English, QLocale::UnitedKingdom);
        options.fixedKdf = AppServices::cheapKdfForTests();
        options.clock = &m_wall;
        options.monotonicClock = &m_mono;
        m_services = std::make_unique<AppServices>(options);
        QString error;
        QVERIFY2(createUnlockedDemoStore(*m_services, QStringLiteral("blue tractor umbrella 42"), &error),
            qPrintable(error));
    }

    void init()
    {
        editor().newNote();
        editor().setTitle(QStringLiteral("Avdelning 3"));
        editor().setText(QStringLiteral("Eftermiddagen i dagrummet."));
    }

    void aPhotoFromAFileIsShownAndRemoved()
    {
        QAbstractItemModelTester tester(media().attachments());
        const QString path = writePhoto(QStringLiteral("whiteboard.jpg"), "JPEG");
        QVERIFY(!path.isEmpty());
        const QByteArray original = test::readFile(path);
        QVERIFY(media().addPhotoFromFile(QUrl::fromLocalFile(path).toString()));
        QCOMPARE(media().infoString(),
            QStringLiteral("Photo added to the note. The file you chose was not changed."));
        QCOMPARE(test::readFile(path), original);
        QCOMPARE(media().attachmentCount(), 1);
        QVERIFY(!editor().dirty());
        const int versionWithPhoto = editor().version();

        // The tile's thumbnail comes from the image provider, decrypted in memory and scaled down.
        NoteAttachmentsModel *model = media().attachments();
        const QString url = model->data(model->index(0), NoteAttachmentsModel::ThumbnailRole).toString();
        QVERIFY(url.startsWith(QStringLiteral("image://attachment/")));
        AttachmentImages provider(media().thumbnails());
        QSize size;
        const QImage thumb
            = provider.requestImage(url.mid(QStringLiteral("image://attachment/").size()), &size, {});
        QVERIFY(!thumb.isNull());
        QCOMPARE(thumb.size(), QSize(480, 320));
        QVERIFY(qAbs(QColor(thumb.pixel(10, 10)).red() - 200) < 12); // the photo, not a placeholder
        QCOMPARE(model->data(model->index(0), NoteAttachmentsModel::LabelRole).toString(),
            QStringLiteral("Photo"));

        // Remove: a new version without it; the thumbnail is gone from memory.
        const QString hash = model->data(model->index(0), NoteAttachmentsModel::HashRole).toString();
        QVERIFY(media().remove(hash));
        QCOMPARE(media().attachmentCount(), 0);
        QCOMPARE(editor().version(), versionWithPhoto + 1);
        QVERIFY(provider.requestImage(hash, &size, {}).isNull());
        QVERIFY(m_services->session().notes()->get(editor().noteId())->attachments.isEmpty());
        QVERIFY(!media().remove(hash));
    }

    void badPhotoFilesAreRefusedWithASentence()
    {
        QVERIFY(!media().addPhotoFromFile(m_dir.filePath(QStringLiteral("nowhere.jpg"))));
        QCOMPARE(media().errorString(),
            QStringLiteral("There is no file at that path. Check the path and try again."));
        const QString text = m_dir.filePath(QStringLiteral("notes.jpg"));
        QVERIFY(test::writeFile(text, "not a photo at all, just words"));
        QVERIFY(!media().addPhotoFromFile(text));
        QCOMPARE(media().errorString(),
            QStringLiteral("That file is not a JPEG or PNG photo. Choose a photo in one of those formats."));
        // A PNG is fine.
        QVERIFY(media().addPhotoFromFile(writePhoto(QStringLiteral("map.png"), "PNG")));
        QCOMPARE(media().errorString(), QString());
        QCOMPARE(media().attachmentCount(), 1);
    }

    void aRecordingIsListedWithItsLength()
    {
        QAbstractItemModelTester tester(media().attachments());
        QSignalSpy progressed(&media(), &NoteMedia::recordingProgressed);
        test::FakeMicrophone microphone;
        QAudioFormat format;
        format.setSampleRate(16000);
        format.setChannelCount(1);
        format.setSampleFormat(QAudioFormat::Int16);
        QVERIFY(media().startRecordingFrom(&microphone, format));
        QVERIFY(media().recording());
        QCOMPARE(media().elapsedText(), QStringLiteral("00:00"));
        for (int i = 0; i < 42; ++i)
            microphone.deliver(test::tonePcm(32000)); // one second each
        QCOMPARE(media().elapsedText(), QStringLiteral("00:42"));
        QVERIFY(media().level() > 0.3 && media().level() < 0.4); // 12000 of 32768
        QVERIFY(progressed.count() >= 42);
        QVERIFY(media().stopRecording());
        QVERIFY(!media().recording());
        QCOMPARE(media().infoString(), QStringLiteral("Recording saved (00:42)."));
        NoteAttachmentsModel *model = media().attachments();
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(
            model->data(model->index(0), NoteAttachmentsModel::KindRole).toString(), QStringLiteral("audio"));
        QCOMPARE(model->data(model->index(0), NoteAttachmentsModel::LabelRole).toString(),
            QStringLiteral("Recording, 00:42"));
        QCOMPARE(model->data(model->index(0), NoteAttachmentsModel::DurationRole).toString(),
            QStringLiteral("00:42"));

        // Playing decrypts into memory; without an audio output it says so.
        const QString hash = model->data(model->index(0), NoteAttachmentsModel::HashRole).toString();
        const bool played = media().play(hash);
        QCOMPARE(played, media().lastPlaybackStarted());
        if (played) {
            QCOMPARE(media().playingHash(), hash);
            media().stopPlayback();
            QCOMPARE(media().playingHash(), QString());
        } else {
            QCOMPARE(media().errorString(),
                QStringLiteral("No audio output found: the recording cannot be played on this device."));
        }

        // Locked while recording: what was recorded is kept.
        QVERIFY(media().startRecordingFrom(&microphone, format));
        microphone.deliver(test::tonePcm(64000));
        const QString noteId = editor().noteId();
        m_services->session().lock();
        QVERIFY(!media().recording());
        QCOMPARE(media().attachmentCount(), 0); // nothing decrypted stays while locked
        m_services->session().unlock(QStringLiteral("blue tractor umbrella 42"));
        m_services->session().waitForWorker();
        QTRY_COMPARE(m_services->session().state(), Session::Unlocked);
        const auto note = m_services->session().notes()->get(noteId);
        QCOMPARE(note->attachments.size(), 2);
        QCOMPARE(note->attachments.at(1).durationMs, 2000);
    }

    void leavingTheEditorSavesARunningRecording()
    {
        Navigator &nav = m_services->navigator();
        nav.home();
        nav.push(QStringLiteral("notes"));
        nav.push(QStringLiteral("editor"));
        test::FakeMicrophone microphone;
        QAudioFormat format;
        format.setSampleRate(8000);
        format.setChannelCount(1);
        format.setSampleFormat(QAudioFormat::UInt8);
        QVERIFY(media().startRecordingFrom(&microphone, format));
        microphone.deliver(QByteArray(24000, char(200)));
        nav.back();
        QCOMPARE(nav.screen(), QStringLiteral("notes"));
        QVERIFY(!media().recording());
        const auto note = m_services->session().notes()->get(editor().noteId());
        QCOMPARE(note->attachments.size(), 1);
        QCOMPARE(note->attachments.first().durationMs, 3000);
        nav.home();
    }

    void withoutCameraOrMicrophoneTheButtonsSaySo()
    {
        media().setDevicesForTests(false, false);
        QCOMPARE(media().cameraButtonText(), QStringLiteral("No camera found"));
        QCOMPARE(media().recordButtonText(), QStringLiteral("No microphone found"));
        QVERIFY(!media().startRecording());
        QCOMPARE(media().errorString(), QStringLiteral("No microphone found. Connect one and try again."));
        QVERIFY(!media().openCamera());
        QCOMPARE(media().errorString(), QStringLiteral("No camera found. Add a photo from a file instead."));
        QVERIFY(!media().cameraOpen());

        QSignalSpy devices(&media(), &NoteMedia::devicesChanged);
        m_services->settings().setLanguage(QStringLiteral("sv"));
        QVERIFY(devices.count() >= 1);
        QCOMPARE(media().cameraButtonText(), QStringLiteral("Ingen kamera hittades"));
        QCOMPARE(media().recordButtonText(), QStringLiteral("Ingen mikrofon hittades"));
        m_services->settings().setLanguage(QStringLiteral("en"));

        media().setDevicesForTests(true, true);
        QCOMPARE(media().cameraButtonText(), QStringLiteral("Take photo"));
        QCOMPARE(media().recordButtonText(), QStringLiteral("Record audio"));
        media().setDevicesForTests(std::nullopt, std::nullopt);
    }

    void anEmptyNewNoteAsksForWordsFirst()
    {
        editor().newNote();
        QImage photo(10, 10, QImage::Format_RGB32);
        photo.fill(Qt::white);
        QVERIFY(!media().attachPhoto(photo));
        QCOMPARE(media().errorString(),
            QStringLiteral("Write a title or a few words first, then add photos and recordings."));
    }

    void thePromptPlaysASoundOrSaysWhyNot()
    {
        ObservationSetup &setup = m_services->observationSetup();
        ObservationLive &live = m_services->observationLive();
        setup.reset();
        setup.setSchemeId(QStringLiteral("quis"));
        setup.setObserver(QStringLiteral("AL"));
        setup.setPromptMinutes(1);
        QVERIFY(setup.start());
        const media::PromptCue &cue = live.promptCue();
        QSignalSpy fell(&live, &ObservationLive::promptFell);
        auto pass = [&](std::int64_t ms) {
            m_wall.advance(ms);
            m_mono.advance(ms);
            live.tick();
        };

        m_services->settings().setPromptSound(true);
        pass(61'000);
        QCOMPARE(fell.count(), 1);
        QCOMPARE(cue.playedCount() + cue.notPlayedCount(), 1);
        if (media::PromptCue::outputAvailable()) {
            QCOMPARE(cue.lastOutcome(), media::PromptCue::Outcome::Played);
            QCOMPARE(live.cueText(), QString());
        } else {
            QCOMPARE(cue.lastOutcome(), media::PromptCue::Outcome::NoOutput);
            QCOMPARE(live.cueText(), QStringLiteral("No sound: this device has no audio output."));
        }
        live.acknowledgePrompt();

        m_services->settings().setPromptSound(false);
        pass(60'000);
        QCOMPARE(fell.count(), 2);
        QCOMPARE(cue.lastOutcome(), media::PromptCue::Outcome::TurnedOff);
        QCOMPARE(live.cueText(), QStringLiteral("The prompt sound is turned off."));
        QCOMPARE(cue.playedCount() + cue.notPlayedCount(), 2);
        m_services->settings().setPromptSound(true);
        QVERIFY(live.stop());
    }
};

QTEST_MAIN(TestUiNoteMedia)
#include "tst_ui_notemedia.moc"
