// Devices: asks Qt Multimedia for cameras, microphones and speakers, quietly where there is no sound server.
#pragma once

namespace samla::media {

// The first question about audio devices makes Qt connect to PulseAudio; on a
// machine without a sound server (CI, offscreen runs, some kiosks) Qt then
// logs "PulseAudioService: pa_context_connect() failed" as a warning. That is
// an expected answer ("no audio devices"), so it is logged as info under
// samla.ui instead. Every check below goes through this first.
void probeAudioQuietly();

bool hasCamera();
bool hasMicrophone();
bool hasAudioOutput();

} // namespace samla::media
