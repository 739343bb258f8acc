#include "audiocapture.h"

#include "devices.h"
#include "platform/core/logging.h"
#include "wavformat.h"

#include <QAudioDevice>
#include <QAudioSource>
#include <QMediaDevices>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace samla::media {

namespace {

constexpr std::size_t kChunkBytes = 32 * 1024;

// 16 kHz mono 16-bit is plenty for speech; the device's own format when it will not do that.
QAudioFormat microphoneFormat(const QAudioDevice &device)
{
    QAudioFormat wanted;
    wanted.setSampleRate(16000);
    wanted.setChannelCount(1);
    wanted.setSampleFormat(QAudioFormat::Int16);
    if (device.isFormatSupported(wanted))
        return wanted;
    QAudioFormat preferred = device.preferredFormat();
    QAudioFormat int16 = preferred;
    int16.setSampleFormat(QAudioFormat::Int16);
    return device.isFormatSupported(int16) ? int16 : preferred;
}

} // namespace

double peakLevel(const QAudioFormat &format, const char *data, qint64 bytes)
{
    double peak = 0;
    switch (format.sampleFormat()) {
    case QAudioFormat::UInt8:
        for (qint64 i = 0; i < bytes; ++i)
            peak = std::max(peak, std::abs(double(quint8(data[i])) - 128.0) / 128.0);
        break;
    case QAudioFormat::Int16:
        for (qint64 i = 0; i + 1 < bytes; i += 2) {
            qint16 s;
            std::memcpy(&s, data + i, 2);
            peak = std::max(peak, std::abs(double(s)) / 32768.0);
        }
        break;
    case QAudioFormat::Int32:
        for (qint64 i = 0; i + 3 < bytes; i += 4) {
            qint32 s;
            std::memcpy(&s, data + i, 4);
            peak = std::max(peak, std::abs(double(s)) / 2147483648.0);
        }
        break;
    case QAudioFormat::Float:
        for (qint64 i = 0; i + 3 < bytes; i += 4) {
            float s;
            std::memcpy(&s, data + i, 4);
            if (std::isfinite(s))
                peak = std::max(peak, double(std::abs(s)));
        }
        break;
    default:
        break;
    }
    return std::clamp(peak, 0.0, 1.0);
}

AudioCapture::AudioCapture(QObject *parent)
    : QObject(parent)
{
}

AudioCapture::~AudioCapture()
{
    cancel();
}

bool AudioCapture::microphoneAvailable()
{
    return hasMicrophone();
}

Status AudioCapture::startMicrophone(std::unique_ptr<store::AttachmentSink> sink)
{
    probeAudioQuietly();
    const QAudioDevice device = QMediaDevices::defaultAudioInput();
    if (device.isNull())
        return makeError(ErrorCode::NotFound, QStringLiteral("no microphone"));
    const QAudioFormat format = microphoneFormat(device);
    auto microphone = std::make_unique<QAudioSource>(device, format);
    QIODevice *source = microphone->start();
    if (!source || microphone->error() != QAudio::NoError)
        return makeError(ErrorCode::Io, QStringLiteral("microphone did not start"));
    m_microphone = std::move(microphone);
    connect(m_microphone.get(), &QAudioSource::stateChanged, this, [this](QAudio::State state) {
        if (state == QAudio::StoppedState && m_microphone && m_microphone->error() != QAudio::NoError
            && m_sink) {
            qCWarning(lcUi) << "microphone stopped with error" << int(m_microphone->error());
            // What arrived so far is still saved when the user stops.
            stopSource();
        }
    });
    const Status started = start(source, format, std::move(sink));
    if (!started.ok())
        stopSource();
    return started;
}

Status AudioCapture::start(
    QIODevice *source, const QAudioFormat &format, std::unique_ptr<store::AttachmentSink> sink)
{
    if (m_sink)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("already recording"));
    if (!source || !sink || !format.isValid())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("no source or sink"));
    const QByteArray header = streamingWavHeader(format);
    if (sink->write(header) != header.size()) {
        if (!sink->status().ok())
            return sink->status();
        return makeError(ErrorCode::Io, QStringLiteral("header not written"));
    }
    m_sink = std::move(sink);
    m_source = source;
    m_format = format;
    m_pcmBytes = 0;
    m_level = 0;
    if (m_chunk.size() != kChunkBytes)
        m_chunk = crypto::SecureBytes(kChunkBytes);
    connect(source, &QIODevice::readyRead, this, &AudioCapture::readAvailable);
    readAvailable();
    return {};
}

qint64 AudioCapture::elapsedMs() const
{
    return durationMs(m_format, m_pcmBytes);
}

void AudioCapture::readAvailable()
{
    if (!m_sink || !m_source)
        return;
    char *chunk = reinterpret_cast<char *>(m_chunk.data());
    bool any = false;
    for (;;) {
        const qint64 n = m_source->read(chunk, qint64(m_chunk.size()));
        if (n <= 0)
            break;
        any = true;
        m_level = peakLevel(m_format, chunk, n);
        const qint64 written = m_sink->write(chunk, n);
        std::memset(chunk, 0, std::size_t(n));
        if (written != n) {
            m_error = m_sink->status().ok() ? makeError(ErrorCode::Io, QStringLiteral("write failed"))
                                            : m_sink->status().error();
            qCWarning(lcUi) << "recording dropped: write failed" << int(m_error.code);
            cancel();
            emit failed();
            return;
        }
        m_pcmBytes += n;
    }
    if (any)
        emit progressed();
}

void AudioCapture::stopSource()
{
    if (m_source)
        disconnect(m_source, nullptr, this, nullptr);
    if (m_microphone) {
        m_microphone->disconnect(this);
        m_microphone->stop();
    }
}

Result<Recording> AudioCapture::finish()
{
    if (!m_sink)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("not recording"));
    readAvailable();
    if (!m_sink) // a write failed while draining
        return m_error;
    stopSource();
    auto ref = m_sink->commit();
    m_sink.reset();
    m_microphone.reset();
    m_source = nullptr;
    if (!ref.ok())
        return ref.error();
    return Recording { ref.value(), elapsedMs() };
}

void AudioCapture::cancel()
{
    stopSource();
    m_sink.reset(); // an uncommitted sink removes its file
    m_microphone.reset();
    m_source = nullptr;
    m_level = 0;
}

} // namespace samla::media
