// The canary test of issue 4: audio recorded and a photo taken in the app go
// through the same code paths as the microphone and the camera, and no byte of
// them reaches the disk in clear — during recording or after — in the data
// directory or the process's temporary directory; they decrypt back
// byte-identical; a cancelled recording leaves nothing; a damaged file is an
// error on screen, not a crash.
#include "app/media/photostore.h"
#include "app/media/wavformat.h"
#include "app/ui/appmodes.h"
#include "app/ui/appservices.h"
#include "app/ui/noteeditor.h"
#include "app/ui/notemedia.h"
#include "app/ui/session.h"
#include "fakemicrophone.h"
#include "platform/crypto/crypto.h"
#include "testsupport.h"

#include <QBuffer>
#include <QDir>
#include <QDirIterator>
#include <QImageWriter>
#include <QTemporaryDir>
#include <QTest>

using namespace samla;
using namespace samla::ui;

namespace {

const QByteArray kCanary = "CANARY-media-9c41b7-kanariefagel";

QAudioFormat speech()
{
    QAudioFormat f;
    f.setSampleRate(16000);
    f.setChannelCount(1);
    f.setSampleFormat(QAudioFormat::Int16);
    return f;
}

// What a clear photo or recording would leave: the canary, a JPEG/RIFF-WAVE
// start, or JPEG's JFIF/Exif marker or "WAVEfmt " anywhere (these are 5-8 fixed
// bytes, which random ciphertext does not contain by chance).
QStringList clearMediaUnder(const QString &dir)
{
    QStringList hits;
    QDirIterator it(
        dir, QDir::Files | QDir::Hidden | QDir::System | QDir::NoSymLinks, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = f.readAll();
        if (bytes.contains(kCanary) || media::looksLikeClearMedia(bytes)
            || bytes.contains(QByteArray("JFIF\0", 5)) || bytes.contains(QByteArray("Exif\0\0", 6))
            || bytes.contains("WAVEfmt "))
            hits << path;
    }
    return hits;
}

QByteArray decrypt(store::LocalStore &store, const QString &noteId, const store::AttachmentRef &ref)
{
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    if (!store.attachments().read(ref, store.attachmentKeyFor(noteId), buffer).ok())
        return {};
    return out;
}

} // namespace

class TestMediaCanary : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmpRoot;
    QString m_tmp;
    std::unique_ptr<QTemporaryDir> m_data;
    std::unique_ptr<AppServices> m_services;

    NoteMedia &media() { return m_services->noteMedia(); }
    NoteEditor &editor() { return m_services->editor(); }
    store::LocalStore &store() { return *m_services->session().store(); }
    QStringList attachmentFiles()
    {
        return QDir(store().attachments().directory()).entryList(QDir::Files | QDir::Hidden);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(crypto::initialize().ok());
        // The process's own temp directory, so every file in it can be scanned.
        QVERIFY(m_tmpRoot.isValid());
        m_tmp = m_tmpRoot.filePath(QStringLiteral("tmp"));
        QVERIFY(QDir().mkpath(m_tmp));
        qputenv("TMPDIR", m_tmp.toLocal8Bit());
        QCOMPARE(QDir::tempPath(), QDir(m_tmp).absolutePath());
    }

    void init()
    {
        m_data = std::make_unique<QTemporaryDir>(QDir(m_tmp).filePath(QStringLiteral("data-XXXXXX")));
        QVERIFY(m_data->isValid());
        AppServicesOptions options;
        options.dataDir = m_data->path();
        options.systemLocale = QLocale(QLocale::English, QLocale::UnitedKingdom);
        options.fixedKdf = AppServices::cheapKdfForTests();
        m_services = std::make_unique<AppServices>(options);
        QString error;
        QVERIFY2(createUnlockedDemoStore(*m_services, QStringLiteral("blue tractor umbrella 42"), &error),
            qPrintable(error));
        editor().newNote();
        editor().setTitle(QStringLiteral("Dagrummet"));
        editor().setText(QStringLiteral("Intervju med personal, inspelad."));
    }

    void cleanup()
    {
        m_services.reset();
        m_data.reset();
    }

    void recordingAndPhotoNeverReachTheDiskInClear()
    {
        test::FakeMicrophone microphone;
        QVERIFY(media().startRecordingFrom(&microphone, speech()));
        QVERIFY(media().recording());
        const QString noteId = editor().noteId();
        QVERIFY(!noteId.isEmpty()); // the draft was saved to have a key

        // 2 MB in the pieces a sound card delivers, the canary in them.
        const QByteArray pcm = test::tonePcm(2 * 1024 * 1024, kCanary);
        for (qsizetype at = 0; at < pcm.size(); at += 3200) {
            microphone.deliver(pcm.mid(at, 3200));
            if (at == 1024 * 1000) {
                // Mid-recording: nothing in clear anywhere, and the temporary file is ciphertext.
                QCOMPARE(clearMediaUnder(m_data->path()), QStringList());
                QCOMPARE(clearMediaUnder(m_tmp), QStringList());
                // (The temporary file may have no name yet: Qt uses O_TMPFILE where it can.)
                QVERIFY(attachmentFiles().size() <= 1);
            }
        }
        QCOMPARE(media().elapsedText(), QStringLiteral("01:05")); // 2 MiB at 32 000 bytes a second
        QVERIFY(media().level() > 0.3);
        QVERIFY(media().stopRecording());

        // A photo through the camera's path: a QImage in memory, the canary in its JPEG comment.
        QImage photo(640, 480, QImage::Format_RGB32);
        photo.fill(QColor(20, 120, 140));
        photo.setText(QStringLiteral("Description"), QString::fromLatin1(kCanary));
        QVERIFY(media().attachPhoto(photo));

        auto note = m_services->session().notes()->get(noteId);
        QVERIFY(note.ok());
        QCOMPARE(note->attachments.size(), 2);
        const domain::NoteAttachment audio = note->attachments.at(0);
        const domain::NoteAttachment jpeg = note->attachments.at(1);
        QCOMPARE(audio.kind, QStringLiteral("audio"));
        QCOMPARE(audio.durationMs, 65536);
        QCOMPARE(jpeg.kind, QStringLiteral("photo"));

        // Scan every file under the data directory and the temp directory.
        QCOMPARE(clearMediaUnder(m_data->path()), QStringList());
        QCOMPARE(clearMediaUnder(m_tmp), QStringList());
        QCOMPARE(attachmentFiles().size(), 2);

        // They decrypt back byte-identical: the streaming WAV, and the JPEG as encoded.
        const QByteArray wav = decrypt(store(), noteId, audio.ref);
        QCOMPARE(wav, media::streamingWavHeader(speech()) + pcm);
        QCOMPARE(media::readWav(wav)->dataBytes, pcm.size());
        QByteArray expectedJpeg;
        {
            QBuffer b(&expectedJpeg);
            b.open(QIODevice::WriteOnly);
            QImageWriter w(&b, "jpeg");
            w.setQuality(90);
            w.setText(QStringLiteral("Description"), QString::fromLatin1(kCanary));
            QVERIFY(w.write(photo));
        }
        const QByteArray clearJpeg = decrypt(store(), noteId, jpeg.ref);
        QCOMPARE(clearJpeg, expectedJpeg);
        QVERIFY(clearJpeg.contains(kCanary));

        // The scan does find clear media and the canary (so an empty answer means something).
        QVERIFY(test::writeFile(QDir(m_tmp).filePath(QStringLiteral("planted.jpg")), clearJpeg));
        QCOMPARE(clearMediaUnder(m_tmp).size(), 1);
        QVERIFY(test::writeFile(QDir(m_tmp).filePath(QStringLiteral("planted.jpg")), "x" + kCanary));
        QCOMPARE(clearMediaUnder(m_tmp).size(), 1);
        QVERIFY(QFile::remove(QDir(m_tmp).filePath(QStringLiteral("planted.jpg"))));
    }

    void aCancelledRecordingLeavesNoFile()
    {
        test::FakeMicrophone microphone;
        QVERIFY(media().startRecordingFrom(&microphone, speech()));
        microphone.deliver(test::tonePcm(200'000, kCanary));
        QVERIFY(attachmentFiles().size() <= 1); // the encrypted temporary file, if it has a name yet
        media().cancelRecording();
        QVERIFY(!media().recording());
        QCOMPARE(attachmentFiles(), QStringList());
        QCOMPARE(media().attachmentCount(), 0);
        QCOMPARE(m_services->session().notes()->get(editor().noteId())->attachments.size(), 0);
        QCOMPARE(media().infoString(), QStringLiteral("Recording discarded."));
        // More sound after cancelling goes nowhere.
        microphone.deliver(test::tonePcm(10'000));
        QCOMPARE(attachmentFiles(), QStringList());
    }

    void aDamagedAttachmentIsAnErrorInTheEditor()
    {
        QImage photo(200, 100, QImage::Format_RGB32);
        photo.fill(Qt::darkGreen);
        QVERIFY(media().attachPhoto(photo));
        test::FakeMicrophone microphone;
        QVERIFY(media().startRecordingFrom(&microphone, speech()));
        microphone.deliver(test::tonePcm(64'000));
        QVERIFY(media().stopRecording());
        const QString noteId = editor().noteId();
        const auto attachments = m_services->session().notes()->get(noteId)->attachments;
        QCOMPARE(attachments.size(), 2);

        // One flipped byte in each file.
        for (const domain::NoteAttachment &a : attachments) {
            const QString path = store().attachments().pathFor(a.ref.hash);
            QByteArray bytes = test::readFile(path);
            bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x20);
            QVERIFY(test::writeFile(path, bytes));
        }
        // Opening the note again: the photo tile says what is wrong, and so does the editor.
        editor().newNote();
        QVERIFY(editor().openNote(noteId));
        NoteAttachmentsModel *model = media().attachments();
        QCOMPARE(model->rowCount(), 2);
        const QModelIndex photoRow = model->index(0);
        QCOMPARE(model->data(photoRow, NoteAttachmentsModel::ProblemRole).toString(),
            QStringLiteral("This photo cannot be shown: its file is damaged."));
        QCOMPARE(model->data(photoRow, NoteAttachmentsModel::ThumbnailRole).toString(), QString());
        QCOMPARE(media().errorString(),
            QStringLiteral(
                "An attachment of this note is damaged and cannot be opened; the note itself is safe."));
        // Playing the damaged recording is refused with a sentence, not a crash.
        QVERIFY(!media().play(attachments.at(1).ref.hash));
        QCOMPARE(media().errorString(),
            QStringLiteral(
                "This attachment could not be opened: its file is damaged. The note itself is safe."));
        // The note's words are untouched.
        QCOMPARE(editor().text(), QStringLiteral("Intervju med personal, inspelad."));

        // A missing file is named as missing.
        QVERIFY(QFile::remove(store().attachments().pathFor(attachments.at(0).ref.hash)));
        editor().newNote();
        QVERIFY(editor().openNote(noteId));
        QCOMPARE(model->data(model->index(0), NoteAttachmentsModel::ProblemRole).toString(),
            QStringLiteral("The file of this attachment is missing on this device."));
    }
};

QTEST_MAIN(TestMediaCanary)
#include "tst_media_canary.moc"
