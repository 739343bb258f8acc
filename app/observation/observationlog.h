// Logging category of app/observation. Log session and event ids, never participant codes or notes.
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcObservation)
