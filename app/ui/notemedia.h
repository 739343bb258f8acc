// NoteMedia: photos and audio recordings of the note being edited — recording, the camera, playback and
// removal.
#pragma once

#include "app/domain/notes.h"
#include "app/media/audiocapture.h"
#include "app/media/photostore.h"

#include <QAbstractListModel>
#include <QAudioFormat>
#include <QHash>
#include <QImage>
#include <QLocale>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <memory>
#include <optional>

class QAudioSink;
class QBuffer;
class QCamera;
class QImageCapture;
class QMediaCaptureSession;
class QMediaDevices;
class QQmlEngine;
class QJSEngine;

namespace samla::ui {

class AppSettings;
class NoteEditor;
class Session;

// Thumbnails of the open note's photos, decoded in memory only. Shared with
// the QML image provider, which may run on another thread.
class ThumbnailCache {
public:
    void put(const QString &hash, const QImage &image);
    QImage get(const QString &hash) const;
    void clear();

private:
    mutable QMutex m_mutex;
    QHash<QString, QImage> m_images;
};

// The open note's attachments, newest last.
class NoteAttachmentsModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Attachments come from the NoteMedia singleton")
public:
    enum Role {
        HashRole = Qt::UserRole + 1,
        KindRole, // "photo" or "audio"
        LabelRole, // "Photo" / "Recording, 00:42"
        DurationRole, // "00:42" for audio
        AddedRole, // date and time in the user's locale
        ThumbnailRole, // image://attachment/<hash> for a photo that opened
        ProblemRole, // why it cannot be shown or played, or empty
        PlayingRole,
    };
    Q_ENUM(Role)

    explicit NoteAttachmentsModel(QObject *parent = nullptr);
    void setAttachments(QList<domain::NoteAttachment> attachments, QHash<QString, ErrorCode> problems);
    void setPlaying(const QString &hash);
    void setLocale(const QLocale &locale);
    void retranslate();
    const domain::NoteAttachment *find(const QString &hash) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QList<domain::NoteAttachment> m_items;
    QHash<QString, ErrorCode> m_problems;
    QString m_playing;
    QLocale m_locale;
};

// Everything is encrypted before it reaches the disk: recordings stream
// through media::AudioCapture into an AttachmentSink, photos are JPEG-encoded
// in memory, chosen photo files are read straight into the store, and
// thumbnails and playback decrypt into memory. The note is saved (a version)
// before anything is attached, since the attachment key is the note's.
class NoteMedia : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(samla::ui::NoteAttachmentsModel *attachments READ attachments CONSTANT)
    Q_PROPERTY(int attachmentCount READ attachmentCount NOTIFY attachmentsChanged)
    Q_PROPERTY(bool cameraAvailable READ cameraAvailable NOTIFY devicesChanged)
    Q_PROPERTY(bool microphoneAvailable READ microphoneAvailable NOTIFY devicesChanged)
    Q_PROPERTY(QString cameraButtonText READ cameraButtonText NOTIFY devicesChanged)
    Q_PROPERTY(QString recordButtonText READ recordButtonText NOTIFY devicesChanged)
    Q_PROPERTY(bool recording READ recording NOTIFY recordingChanged)
    Q_PROPERTY(QString elapsedText READ elapsedText NOTIFY recordingProgressed)
    Q_PROPERTY(double level READ level NOTIFY recordingProgressed)
    Q_PROPERTY(bool cameraOpen READ cameraOpen NOTIFY cameraChanged)
    Q_PROPERTY(QObject *viewfinder READ viewfinder WRITE setViewfinder NOTIFY cameraChanged)
    Q_PROPERTY(QString playingHash READ playingHash NOTIFY playingChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY messageChanged)
    Q_PROPERTY(QString infoString READ infoString NOTIFY messageChanged)
public:
    NoteMedia(Session &session, AppSettings &settings, NoteEditor &editor, QObject *parent = nullptr);
    ~NoteMedia() override;
    static NoteMedia *create(QQmlEngine *qml, QJSEngine *js);

    NoteAttachmentsModel *attachments() { return &m_model; }
    int attachmentCount() const { return m_model.rowCount(); }
    bool cameraAvailable() const;
    bool microphoneAvailable() const;
    QString cameraButtonText() const;
    QString recordButtonText() const;
    bool recording() const { return m_capture.active(); }
    QString elapsedText() const;
    double level() const { return m_capture.level(); }
    bool cameraOpen() const { return m_camera != nullptr; }
    QObject *viewfinder() const { return m_viewfinder; }
    void setViewfinder(QObject *output);
    QString playingHash() const { return m_playing; }
    QString errorString() const { return m_errorText ? m_errorText() : QString(); }
    QString infoString() const { return m_infoText ? m_infoText() : QString(); }
    std::shared_ptr<ThumbnailCache> thumbnails() const { return m_thumbnails; }

    Q_INVOKABLE bool startRecording();
    // Saves the recording as an attachment of the note.
    Q_INVOKABLE bool stopRecording();
    // Drops the recording; nothing is left in the attachments directory.
    Q_INVOKABLE void cancelRecording();
    Q_INVOKABLE bool openCamera();
    Q_INVOKABLE bool takePhoto();
    Q_INVOKABLE void closeCamera();
    Q_INVOKABLE bool addPhotoFromFile(const QString &pathOrUrl);
    Q_INVOKABLE bool play(const QString &hash);
    Q_INVOKABLE void stopPlayback();
    // A new version of the note without it.
    Q_INVOKABLE bool remove(const QString &hash);
    Q_INVOKABLE void refresh();
    Q_INVOKABLE void clearMessages();
    // The editor was left: a recording running is saved, the camera and playback stop.
    void editorLeft();

    // The microphone's path for any PCM source: tests feed their own device.
    bool startRecordingFrom(QIODevice *source, const QAudioFormat &format);
    // A photo taken (the camera's QImage, or a test's): encoded in memory and attached.
    bool attachPhoto(const QImage &image);
    // Tests: pretend a camera / microphone is or is not there.
    void setDevicesForTests(std::optional<bool> camera, std::optional<bool> microphone);
    // The outcome of the last play(): false when there was no audio output.
    bool lastPlaybackStarted() const { return m_playbackStarted; }

signals:
    void attachmentsChanged();
    void devicesChanged();
    void recordingChanged();
    void recordingProgressed();
    void cameraChanged();
    void playingChanged();
    void messageChanged();
    void attached(const QString &hash);

private:
    void watchDevices() const;
    bool attachStoredPhoto(const QString &noteId, const Result<media::StoredPhoto> &photo,
        std::function<QString()> done);
    void setMessages(std::function<QString()> error, std::function<QString()> info = {});
    void failWith(ErrorCode code);
    // Saves the draft so there is a note (and a key) to attach to. Empty on failure.
    QString noteForAttaching();
    bool attachToNote(const QString &noteId, const domain::NoteAttachment &attachment);
    void onPhotoCaptured(int id, const QImage &image);
    void onAboutToClose();
    void clearAll();

    Session &m_session;
    AppSettings &m_settings;
    NoteEditor &m_editor;
    NoteAttachmentsModel m_model;
    std::shared_ptr<ThumbnailCache> m_thumbnails;
    media::AudioCapture m_capture;
    QString m_recordingNote;
    QTimer m_levelTicker;
    std::optional<bool> m_cameraOverride;
    mutable QMediaDevices *m_devices = nullptr;   // made by watchDevices()
    std::optional<bool> m_microphoneOverride;
    std::unique_ptr<QMediaCaptureSession> m_captureSession;
    std::unique_ptr<QCamera> m_camera;
    std::unique_ptr<QImageCapture> m_imageCapture;
    QString m_cameraNote;
    QPointer<QObject> m_viewfinder;
    std::unique_ptr<QAudioSink> m_player;
    std::unique_ptr<QBuffer> m_playBuffer;
    QByteArray m_playBytes;
    QString m_playing;
    bool m_playbackStarted = false;
    bool m_closing = false; // the store is about to close: the editor has wiped its draft
    QString m_shownNote;
    std::function<QString()> m_errorText;
    std::function<QString()> m_infoText;
};

} // namespace samla::ui
