// FakeMicrophone: a QIODevice that delivers PCM in pieces and says so, as QAudioSource's push device does.
#pragma once

#include <QByteArray>
#include <QIODevice>

#include <cstring>

namespace samla::test {

class FakeMicrophone final : public QIODevice {
public:
    FakeMicrophone() { open(QIODevice::ReadOnly); }
    // Makes `pcm` available and announces it (readyRead), like a sound card's period.
    void deliver(const QByteArray &pcm)
    {
        m_pending.append(pcm);
        emit readyRead();
    }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return m_pending.size() + QIODevice::bytesAvailable(); }

protected:
    qint64 readData(char *data, qint64 max) override
    {
        const qint64 n = std::min<qint64>(max, m_pending.size());
        std::memcpy(data, m_pending.constData(), std::size_t(n));
        m_pending.remove(0, n);
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_pending;
};

// 16-bit mono PCM: a tone, with `canary` written into it every `every` bytes.
inline QByteArray tonePcm(int bytes, const QByteArray &canary = {}, int every = 150'000)
{
    QByteArray pcm(bytes, Qt::Uninitialized);
    for (int i = 0; i + 1 < bytes; i += 2) {
        const qint16 s = qint16(12000 * ((i / 2) % 40 < 20 ? 1 : -1));
        std::memcpy(pcm.data() + i, &s, 2);
    }
    if (bytes % 2)
        pcm[bytes - 1] = 0;
    if (!canary.isEmpty()) {
        for (int at = 1000; at + canary.size() < bytes; at += every)
            pcm.replace(at, canary.size(), canary);
    }
    return pcm;
}

} // namespace samla::test
