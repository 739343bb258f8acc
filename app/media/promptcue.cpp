#include "promptcue.h"

#include "devices.h"

#include <QAudioDevice>
#include <QMediaDevices>
#include <QSoundEffect>
#include <QUrl>

namespace samla::media {

PromptCue::PromptCue(QObject *parent)
    : QObject(parent)
{
}

PromptCue::~PromptCue() = default;

bool PromptCue::outputAvailable()
{
    return hasAudioOutput();
}

PromptCue::Outcome PromptCue::play(bool enabled)
{
    Outcome outcome = Outcome::Played;
    if (!enabled) {
        outcome = Outcome::TurnedOff;
    } else if (!outputAvailable()) {
        outcome = Outcome::NoOutput;
    } else {
        if (!m_effect) {
            // Made on first use: a QSoundEffect opens the audio output as it is made.
            m_effect = std::make_unique<QSoundEffect>();
            m_effect->setSource(QUrl(QStringLiteral("qrc:/samla/media/prompt.wav")));
            m_effect->setVolume(0.8f);
        }
        // Still loading the first time: QSoundEffect plays it once it is loaded.
        m_effect->play();
    }
    m_last = outcome;
    if (outcome == Outcome::Played)
        ++m_played;
    else
        ++m_notPlayed;
    emit cued(outcome);
    return outcome;
}

} // namespace samla::media
