// WavFormat: the RIFF/WAVE header of recordings written as they are made, and reading it back.
#pragma once

#include <QAudioFormat>
#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace samla::media {

// A recording is encrypted as it arrives, into an append-only sink, so its
// length is not known when the header is written. The header is a
// "streaming" WAV: the RIFF and data sizes are 0xFFFFFFFF, meaning "to the end
// of the file". FFmpeg, GStreamer's wavparse, VLC, sox and libsndfile read
// such files to their end; a strict reader (some Windows players) would want
// the real sizes, which withRealSizes() puts in when the file is exported or
// played (always in memory).
constexpr quint32 kStreamingSize = 0xFFFFFFFFu;
constexpr int kWavHeaderBytes = 44;

// The 44-byte header for PCM in `format` (8/16/32-bit integer, or 32-bit float).
QByteArray streamingWavHeader(const QAudioFormat &format);

struct WavInfo {
    QAudioFormat format;
    qsizetype dataOffset = 0; // where the samples start
    qsizetype dataBytes = 0; // the samples actually present
};

// Reads the header of a WAV in memory (a streaming one or not). Nothing when it is not a PCM WAV.
std::optional<WavInfo> readWav(QByteArrayView wav);

// The same WAV with its RIFF and data sizes set from what is there.
QByteArray withRealSizes(QByteArray wav);

// How long `bytes` of PCM in `format` last.
qint64 durationMs(const QAudioFormat &format, qint64 bytes);

} // namespace samla::media
