#include "notemedia.h"

#include "app/media/devices.h"
#include "app/media/photostore.h"
#include "app/media/wavformat.h"
#include "appsettings.h"
#include "engineservices.h"
#include "errortext.h"
#include "languagewatcher.h"
#include "noteeditor.h"
#include "observationtext.h"
#include "platform/core/logging.h"
#include "session.h"

#include <QAudioDevice>
#include <QAudioSink>
#include <QBuffer>
#include <QCamera>
#include <QImageCapture>
#include <QMediaCaptureSession>
#include <QMediaDevices>
#include <QUrl>

#include <cstring>

namespace samla::ui {

namespace {

constexpr QSize kThumbnailBound(480, 480);

void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty())
        std::memset(bytes.data(), 0, std::size_t(bytes.size()));
    bytes.clear();
}

QString problemText(ErrorCode code)
{
    switch (code) {
    case ErrorCode::NotFound:
        return NoteMedia::tr("There is no file at that path. Check the path and try again.");
    case ErrorCode::Unsupported:
        return NoteMedia::tr("That file is not a JPEG or PNG photo. Choose a photo in one of those formats.");
    case ErrorCode::Tampered:
    case ErrorCode::Corrupt:
        return NoteMedia::tr(
            "This attachment could not be opened: its file is damaged. The note itself is safe.");
    default:
        return ErrorText::forCode(code);
    }
}

} // namespace

NoteMedia::NoteMedia(Session &session, AppSettings &settings, NoteEditor &editor, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_settings(settings)
    , m_editor(editor)
    , m_thumbnails(std::make_shared<ThumbnailCache>())
{
    m_model.setLocale(m_settings.locale());
    connect(
        &m_settings, &AppSettings::languageChanged, this, [this] { m_model.setLocale(m_settings.locale()); });
    new LanguageWatcher(this, [this] {
        emit devicesChanged();
        emit messageChanged();
        m_model.retranslate();
    });
    connect(&m_editor, &NoteEditor::noteChanged, this, &NoteMedia::refresh);
    connect(&m_session, &Session::aboutToClose, this, &NoteMedia::onAboutToClose);
    connect(&m_capture, &media::AudioCapture::progressed, this, &NoteMedia::recordingProgressed);
    connect(&m_capture, &media::AudioCapture::failed, this, [this] {
        m_recordingNote.clear();
        m_levelTicker.stop();
        emit recordingChanged();
        failWith(m_capture.lastError().code);
    });
    // The elapsed time moves on even while a quiet microphone delivers little.
    m_levelTicker.setInterval(250);
    connect(&m_levelTicker, &QTimer::timeout, this, &NoteMedia::recordingProgressed);
}

void NoteMedia::watchDevices() const
{
    // Asked for only when a screen first wants to know: connecting to the
    // sound server and listing cameras costs start-up time nobody needs
    // before a note's media panel shows.
    if (m_devices)
        return;
    media::probeAudioQuietly();
    auto *self = const_cast<NoteMedia *>(this);
    m_devices = new QMediaDevices(self);
    connect(m_devices, &QMediaDevices::videoInputsChanged, self, &NoteMedia::devicesChanged);
    connect(m_devices, &QMediaDevices::audioInputsChanged, self, &NoteMedia::devicesChanged);
}

NoteMedia::~NoteMedia()
{
    m_capture.cancel();
    stopPlayback();
}

NoteMedia *NoteMedia::create(QQmlEngine *qml, QJSEngine *)
{
    return serviceFromEngine<NoteMedia>(qml);
}

bool NoteMedia::cameraAvailable() const
{
    if (m_cameraOverride)
        return *m_cameraOverride;
    watchDevices();
    return m_cameraOverride ? *m_cameraOverride : media::hasCamera();
}

bool NoteMedia::microphoneAvailable() const
{
    if (m_microphoneOverride)
        return *m_microphoneOverride;
    watchDevices();
    return m_microphoneOverride ? *m_microphoneOverride : media::AudioCapture::microphoneAvailable();
}

QString NoteMedia::cameraButtonText() const
{
    return cameraAvailable() ? tr("Take photo") : tr("No camera found");
}

QString NoteMedia::recordButtonText() const
{
    return microphoneAvailable() ? tr("Record audio") : tr("No microphone found");
}

QString NoteMedia::elapsedText() const
{
    return ObservationText::clock(m_capture.elapsedMs());
}

void NoteMedia::setDevicesForTests(std::optional<bool> camera, std::optional<bool> microphone)
{
    m_cameraOverride = camera;
    m_microphoneOverride = microphone;
    emit devicesChanged();
}

void NoteMedia::setMessages(std::function<QString()> error, std::function<QString()> info)
{
    m_errorText = std::move(error);
    m_infoText = std::move(info);
    emit messageChanged();
}

void NoteMedia::clearMessages()
{
    setMessages({}, {});
}

void NoteMedia::failWith(ErrorCode code)
{
    setMessages([code] { return problemText(code); });
}

QString NoteMedia::noteForAttaching()
{
    if (!m_session.notes())
        return {};
    if (m_editor.noteId().isEmpty() || m_editor.dirty()) {
        if (!m_editor.save()) {
            setMessages(
                [] { return tr("Write a title or a few words first, then add photos and recordings."); });
            return {};
        }
    }
    return m_editor.noteId();
}

bool NoteMedia::attachToNote(const QString &noteId, const domain::NoteAttachment &attachment)
{
    domain::Notes *notes = m_session.notes();
    if (!notes)
        return false;
    auto note = notes->attach(noteId, attachment);
    if (!note.ok()) {
        failWith(note.code());
        return false;
    }
    if (!m_closing) {
        m_editor.adoptSaved(note.value());
        refresh();
    }
    emit attached(attachment.ref.hash);
    return true;
}

void NoteMedia::refresh()
{
    domain::Notes *notes = m_session.notes();
    store::LocalStore *store = m_session.store();
    const QString id = m_editor.noteId();
    QList<domain::NoteAttachment> list;
    QHash<QString, ErrorCode> problems;
    m_thumbnails->clear();
    if (notes && store && !id.isEmpty()) {
        auto note = notes->get(id);
        if (note.ok())
            list = note->attachments;
        const crypto::SecureBytes key = store->attachmentKeyFor(id);
        for (const domain::NoteAttachment &a : std::as_const(list)) {
            if (a.kind == QLatin1String("photo")) {
                auto image = media::loadPhoto(a.ref, store->attachments(), key, kThumbnailBound);
                if (image.ok())
                    m_thumbnails->put(a.ref.hash, image.value());
                else
                    problems.insert(a.ref.hash, image.code());
            } else if (!store->attachments().contains(a.ref.hash)) {
                problems.insert(a.ref.hash, ErrorCode::NotFound);
            }
        }
    }
    m_model.setAttachments(list, problems);
    if (id != m_shownNote) {
        m_shownNote = id;
        clearMessages();
    }
    if (!problems.isEmpty()) {
        const ErrorCode first = problems.cbegin().value();
        setMessages([first] {
            return first == ErrorCode::NotFound
                ? tr("An attachment of this note is missing on this device; the note itself is safe.")
                : tr("An attachment of this note is damaged and cannot be opened; the note itself is safe.");
        });
    }
    emit attachmentsChanged();
}

bool NoteMedia::startRecording()
{
    if (!microphoneAvailable()) {
        setMessages([] { return tr("No microphone found. Connect one and try again."); });
        return false;
    }
    if (m_capture.active())
        return false;
    const QString noteId = noteForAttaching();
    if (noteId.isEmpty())
        return false;
    auto sink = m_session.store()->attachments().begin(m_session.store()->attachmentKeyFor(noteId));
    if (!sink.ok()) {
        failWith(sink.code());
        return false;
    }
    const Status started = m_capture.startMicrophone(std::move(sink.value()));
    if (!started.ok()) {
        setMessages(
            [] { return tr("The microphone could not be started. Check that no other app is using it."); });
        return false;
    }
    m_recordingNote = noteId;
    clearMessages();
    m_levelTicker.start();
    emit recordingChanged();
    emit recordingProgressed();
    return true;
}

bool NoteMedia::startRecordingFrom(QIODevice *source, const QAudioFormat &format)
{
    if (m_capture.active())
        return false;
    const QString noteId = noteForAttaching();
    if (noteId.isEmpty())
        return false;
    auto sink = m_session.store()->attachments().begin(m_session.store()->attachmentKeyFor(noteId));
    if (!sink.ok()) {
        failWith(sink.code());
        return false;
    }
    const Status started = m_capture.start(source, format, std::move(sink.value()));
    if (!started.ok()) {
        failWith(started.code());
        return false;
    }
    m_recordingNote = noteId;
    clearMessages();
    m_levelTicker.start();
    emit recordingChanged();
    emit recordingProgressed();
    return true;
}

bool NoteMedia::stopRecording()
{
    if (!m_capture.active())
        return false;
    m_levelTicker.stop();
    const QString noteId = m_recordingNote;
    m_recordingNote.clear();
    auto recording = m_capture.finish();
    emit recordingChanged();
    if (!recording.ok()) {
        failWith(recording.code());
        return false;
    }
    domain::NoteAttachment attachment { recording->ref, QStringLiteral("audio"), QStringLiteral("audio/wav"),
        m_session.clock().nowMs(), recording->durationMs };
    if (!attachToNote(noteId, attachment))
        return false;
    const qint64 ms = recording->durationMs;
    setMessages({}, [ms] { return tr("Recording saved (%1).").arg(ObservationText::clock(ms)); });
    return true;
}

void NoteMedia::cancelRecording()
{
    if (!m_capture.active())
        return;
    m_levelTicker.stop();
    m_capture.cancel();
    m_recordingNote.clear();
    emit recordingChanged();
    setMessages({}, [] { return tr("Recording discarded."); });
}

bool NoteMedia::openCamera()
{
    if (!cameraAvailable()) {
        setMessages([] { return tr("No camera found. Add a photo from a file instead."); });
        return false;
    }
    if (m_camera)
        return true;
    const QString noteId = noteForAttaching();
    if (noteId.isEmpty())
        return false;
    m_captureSession = std::make_unique<QMediaCaptureSession>();
    m_camera = std::make_unique<QCamera>(QMediaDevices::defaultVideoInput());
    m_imageCapture = std::make_unique<QImageCapture>();
    m_captureSession->setCamera(m_camera.get());
    m_captureSession->setImageCapture(m_imageCapture.get());
    if (m_viewfinder)
        m_captureSession->setVideoOutput(m_viewfinder);
    // The photo arrives as a QImage in memory; captureToFile() is never used.
    connect(m_imageCapture.get(), &QImageCapture::imageCaptured, this, &NoteMedia::onPhotoCaptured);
    connect(m_imageCapture.get(), &QImageCapture::errorOccurred, this,
        [this](int, QImageCapture::Error, const QString &) {
            setMessages([] { return tr("The camera could not take a photo. Try again."); });
        });
    connect(m_camera.get(), &QCamera::errorOccurred, this, [this](QCamera::Error error, const QString &) {
        if (error == QCamera::NoError)
            return;
        setMessages(
            [] { return tr("The camera could not be opened. Check that no other app is using it."); });
        closeCamera();
    });
    m_cameraNote = noteId;
    m_camera->start();
    clearMessages();
    emit cameraChanged();
    return true;
}

void NoteMedia::setViewfinder(QObject *output)
{
    if (output == m_viewfinder)
        return;
    m_viewfinder = output;
    if (m_captureSession)
        m_captureSession->setVideoOutput(output);
    emit cameraChanged();
}

bool NoteMedia::takePhoto()
{
    if (!m_imageCapture)
        return false;
    if (!m_imageCapture->isReadyForCapture()) {
        setMessages([] { return tr("The camera is not ready yet. Try again in a moment."); });
        return false;
    }
    return m_imageCapture->capture() >= 0;
}

void NoteMedia::onPhotoCaptured(int, const QImage &image)
{
    const QString noteId = m_cameraNote;
    closeCamera();
    if (noteId != m_editor.noteId())
        return;
    attachPhoto(image);
}

void NoteMedia::closeCamera()
{
    if (!m_camera)
        return;
    m_camera->stop();
    m_captureSession.reset();
    m_imageCapture.reset();
    m_camera.reset();
    m_cameraNote.clear();
    emit cameraChanged();
}

bool NoteMedia::attachPhoto(const QImage &image)
{
    const QString noteId = noteForAttaching();
    if (noteId.isEmpty())
        return false;
    store::LocalStore *store = m_session.store();
    return attachStoredPhoto(noteId, media::storeJpeg(image, store->attachments(), store->attachmentKeyFor(noteId)),
        [] { return tr("Photo added to the note."); });
}

bool NoteMedia::attachStoredPhoto(
    const QString &noteId, const Result<media::StoredPhoto> &photo, std::function<QString()> done)
{
    if (!photo.ok()) {
        failWith(photo.code());
        return false;
    }
    if (!attachToNote(noteId,
            domain::NoteAttachment {
                photo->ref, QStringLiteral("photo"), photo->mimeType, m_session.clock().nowMs() }))
        return false;
    setMessages({}, std::move(done));
    return true;
}

bool NoteMedia::addPhotoFromFile(const QString &pathOrUrl)
{
    const QString trimmed = pathOrUrl.trimmed();
    const QUrl url(trimmed);
    const QString path = url.isLocalFile() ? url.toLocalFile() : trimmed;
    if (path.isEmpty()) {
        setMessages([] { return tr("Type the path of a photo file first."); });
        return false;
    }
    const QString noteId = noteForAttaching();
    if (noteId.isEmpty())
        return false;
    store::LocalStore *store = m_session.store();
    return attachStoredPhoto(noteId,
        media::storeImageFile(path, store->attachments(), store->attachmentKeyFor(noteId)),
        [] { return tr("Photo added to the note. The file you chose was not changed."); });
}

bool NoteMedia::play(const QString &hash)
{
    stopPlayback();
    m_playbackStarted = false;
    const domain::NoteAttachment *a = m_model.find(hash);
    store::LocalStore *store = m_session.store();
    if (!a || !store || a->kind != QLatin1String("audio"))
        return false;
    // Decrypted into memory only, and wiped when playback stops.
    QBuffer out(&m_playBytes);
    out.open(QIODevice::WriteOnly);
    const Status read = store->attachments().read(a->ref, store->attachmentKeyFor(m_editor.noteId()), out);
    out.close();
    if (!read.ok()) {
        wipe(m_playBytes);
        failWith(read.code());
        return false;
    }
    m_playBytes = media::withRealSizes(std::move(m_playBytes));
    const auto wav = media::readWav(m_playBytes);
    if (!wav) {
        wipe(m_playBytes);
        failWith(ErrorCode::Corrupt);
        return false;
    }
    media::probeAudioQuietly();
    const QAudioDevice output = QMediaDevices::defaultAudioOutput();
    if (output.isNull()) {
        wipe(m_playBytes);
        setMessages(
            [] { return tr("No audio output found: the recording cannot be played on this device."); });
        return false;
    }
    m_playBuffer = std::make_unique<QBuffer>(&m_playBytes);
    m_playBuffer->open(QIODevice::ReadOnly);
    m_playBuffer->seek(wav->dataOffset);
    m_player = std::make_unique<QAudioSink>(output, wav->format);
    connect(m_player.get(), &QAudioSink::stateChanged, this, [this](QAudio::State state) {
        if (state == QAudio::IdleState
            || (state == QAudio::StoppedState && m_player && m_player->error() != QAudio::NoError))
            QMetaObject::invokeMethod(this, &NoteMedia::stopPlayback, Qt::QueuedConnection);
    });
    m_player->start(m_playBuffer.get());
    m_playing = hash;
    m_playbackStarted = true;
    m_model.setPlaying(hash);
    clearMessages();
    emit playingChanged();
    return true;
}

void NoteMedia::stopPlayback()
{
    if (m_player) {
        m_player->disconnect(this);
        m_player->stop();
        m_player.reset();
    }
    m_playBuffer.reset();
    wipe(m_playBytes);
    if (!m_playing.isEmpty()) {
        m_playing.clear();
        m_model.setPlaying({});
        emit playingChanged();
    }
}

bool NoteMedia::remove(const QString &hash)
{
    domain::Notes *notes = m_session.notes();
    if (!notes || m_editor.noteId().isEmpty())
        return false;
    if (hash == m_playing)
        stopPlayback();
    if (m_editor.dirty() && !m_editor.save())
        return false;
    auto note = notes->detach(m_editor.noteId(), hash);
    if (!note.ok()) {
        failWith(note.code());
        return false;
    }
    m_editor.adoptSaved(note.value());
    refresh();
    setMessages({}, [] { return tr("Attachment removed. Earlier versions of the note still list it."); });
    return true;
}

void NoteMedia::editorLeft()
{
    if (m_capture.active())
        stopRecording();
    closeCamera();
    stopPlayback();
}

void NoteMedia::onAboutToClose()
{
    // A recording running when the app locks is kept, not lost.
    m_closing = true;
    if (m_capture.active())
        stopRecording();
    m_closing = false;
    clearAll();
}

void NoteMedia::clearAll()
{
    closeCamera();
    stopPlayback();
    m_thumbnails->clear();
    m_model.setAttachments({}, {});
    clearMessages();
    emit attachmentsChanged();
}

} // namespace samla::ui
