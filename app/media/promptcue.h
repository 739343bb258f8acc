// PromptCue: the short chime of an interval prompt, and an account of whether it was heard.
#pragma once

#include <QObject>

#include <memory>

class QSoundEffect;

namespace samla::media {

// The chime is a small WAV in the resources, played with QSoundEffect. Where
// there is no audio output (a CI machine, an offscreen run, a tablet with its
// sound routed nowhere) nothing is played, and the outcome says so: tests and
// the screen can tell "played" from "could not be played".
class PromptCue : public QObject {
    Q_OBJECT
public:
    enum class Outcome { None, Played, TurnedOff, NoOutput };

    explicit PromptCue(QObject *parent = nullptr);
    ~PromptCue() override;

    // Plays the chime unless `enabled` is false or there is no audio output.
    Outcome play(bool enabled);

    int playedCount() const { return m_played; }
    int notPlayedCount() const { return m_notPlayed; }
    Outcome lastOutcome() const { return m_last; }

    // Whether this device has somewhere to play a sound.
    static bool outputAvailable();

signals:
    void cued(samla::media::PromptCue::Outcome outcome);

private:
    std::unique_ptr<QSoundEffect> m_effect;
    int m_played = 0;
    int m_notPlayed = 0;
    Outcome m_last = Outcome::None;
};

} // namespace samla::media
