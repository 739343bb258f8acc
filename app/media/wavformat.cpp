#include "wavformat.h"

#include <QtEndian>

namespace samla::media {

namespace {

constexpr quint16 kPcm = 1;
constexpr quint16 kFloat = 3;

void put32(QByteArray &out, quint32 v)
{
    char b[4];
    qToLittleEndian(v, b);
    out.append(b, 4);
}

void put16(QByteArray &out, quint16 v)
{
    char b[2];
    qToLittleEndian(v, b);
    out.append(b, 2);
}

quint32 get32(QByteArrayView in, qsizetype at)
{
    return qFromLittleEndian<quint32>(in.data() + at);
}
quint16 get16(QByteArrayView in, qsizetype at)
{
    return qFromLittleEndian<quint16>(in.data() + at);
}

} // namespace

QByteArray streamingWavHeader(const QAudioFormat &format)
{
    const quint16 channels = quint16(format.channelCount());
    const quint16 bytesPerSample = quint16(format.bytesPerSample());
    QByteArray out;
    out.reserve(kWavHeaderBytes);
    out.append("RIFF", 4);
    put32(out, kStreamingSize);
    out.append("WAVEfmt ", 8);
    put32(out, 16);
    put16(out, format.sampleFormat() == QAudioFormat::Float ? kFloat : kPcm);
    put16(out, channels);
    put32(out, quint32(format.sampleRate()));
    put32(out, quint32(format.sampleRate()) * channels * bytesPerSample);
    put16(out, quint16(channels * bytesPerSample));
    put16(out, quint16(bytesPerSample * 8));
    out.append("data", 4);
    put32(out, kStreamingSize);
    return out;
}

std::optional<WavInfo> readWav(QByteArrayView wav)
{
    if (wav.size() < 12 || !wav.startsWith("RIFF") || wav.sliced(8, 4) != QByteArrayView("WAVE"))
        return std::nullopt;
    WavInfo info;
    bool haveFormat = false;
    qsizetype at = 12;
    while (at + 8 <= wav.size()) {
        const QByteArrayView id = wav.sliced(at, 4);
        const quint32 size = get32(wav, at + 4);
        const qsizetype body = at + 8;
        if (id == QByteArrayView("fmt ")) {
            if (size < 16 || body + 16 > wav.size())
                return std::nullopt;
            const quint16 tag = get16(wav, body);
            const int channels = get16(wav, body + 2);
            const int rate = int(get32(wav, body + 4));
            const int bits = get16(wav, body + 14);
            if (channels < 1 || channels > 8 || rate < 1000 || rate > 384000)
                return std::nullopt;
            info.format.setChannelCount(channels);
            info.format.setSampleRate(rate);
            if (tag == kFloat && bits == 32)
                info.format.setSampleFormat(QAudioFormat::Float);
            else if (tag == kPcm && bits == 8)
                info.format.setSampleFormat(QAudioFormat::UInt8);
            else if (tag == kPcm && bits == 16)
                info.format.setSampleFormat(QAudioFormat::Int16);
            else if (tag == kPcm && bits == 32)
                info.format.setSampleFormat(QAudioFormat::Int32);
            else
                return std::nullopt;
            haveFormat = true;
        } else if (id == QByteArrayView("data")) {
            if (!haveFormat)
                return std::nullopt;
            info.dataOffset = body;
            const qsizetype present = wav.size() - body;
            info.dataBytes = size == kStreamingSize ? present : std::min<qsizetype>(size, present);
            // Whole frames only.
            info.dataBytes -= info.dataBytes % info.format.bytesPerFrame();
            return info;
        }
        if (size == kStreamingSize)
            return std::nullopt;
        at = body + qsizetype(size) + (size & 1);
    }
    return std::nullopt;
}

QByteArray withRealSizes(QByteArray wav)
{
    const auto info = readWav(wav);
    if (!info)
        return wav;
    wav.truncate(info->dataOffset + info->dataBytes);
    qToLittleEndian(quint32(wav.size() - 8), wav.data() + 4);
    qToLittleEndian(quint32(info->dataBytes), wav.data() + info->dataOffset - 4);
    return wav;
}

qint64 durationMs(const QAudioFormat &format, qint64 bytes)
{
    const qint64 perSecond = qint64(format.sampleRate()) * format.bytesPerFrame();
    return perSecond > 0 ? bytes * 1000 / perSecond : 0;
}

} // namespace samla::media
