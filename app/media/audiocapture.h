// AudioCapture: PCM from the microphone (or any QIODevice) into an encrypted attachment, with its level and
// length.
#pragma once

#include "app/store/attachmentstore.h"
#include "platform/crypto/securebytes.h"

#include <QAudioFormat>
#include <QObject>
#include <QPointer>

#include <memory>

class QAudioSource;

namespace samla::media {

// A recording as it was saved.
struct Recording {
    store::AttachmentRef ref;
    qint64 durationMs = 0;
};

// Every byte the source yields is read into locked memory, written to the
// AttachmentSink (which encrypts it before it reaches the disk) and wiped: no
// clear PCM is kept, in memory or anywhere else, beyond one chunk. The file is
// a "streaming" WAV (see wavformat.h), so nothing needs to be rewritten at the
// end. The microphone and a test's fake device take the same path (start()).
class AudioCapture : public QObject {
    Q_OBJECT
public:
    explicit AudioCapture(QObject *parent = nullptr);
    ~AudioCapture() override;

    // Whether this device has a microphone Qt can open.
    static bool microphoneAvailable();

    // Records from the default microphone into `sink`.
    [[nodiscard]] Status startMicrophone(std::unique_ptr<store::AttachmentSink> sink);
    // Records `format` PCM from `source` (open for reading; not owned) into `sink`,
    // reading whenever it says it has bytes.
    [[nodiscard]] Status start(
        QIODevice *source, const QAudioFormat &format, std::unique_ptr<store::AttachmentSink> sink);

    bool active() const { return m_sink != nullptr; }
    qint64 elapsedMs() const;
    // Peak of the last chunk, 0 (silence) to 1 (full scale).
    double level() const { return m_level; }
    QAudioFormat format() const { return m_format; }
    Error lastError() const { return m_error; }

    // Reads what the source still has, stops it and saves the file.
    [[nodiscard]] Result<Recording> finish();
    // Stops and removes what was written.
    void cancel();

signals:
    void progressed(); // more audio arrived: the length and level changed
    void failed(); // writing failed (a full disk): the recording is dropped; see lastError()

private:
    void readAvailable();
    void stopSource();

    QPointer<QIODevice> m_source;
    std::unique_ptr<QAudioSource> m_microphone;
    std::unique_ptr<store::AttachmentSink> m_sink;
    QAudioFormat m_format;
    crypto::SecureBytes m_chunk;
    qint64 m_pcmBytes = 0;
    double m_level = 0;
    Error m_error;
};

// Peak level of a chunk of PCM in `format`, 0..1.
double peakLevel(const QAudioFormat &format, const char *data, qint64 bytes);

} // namespace samla::media
