#include "observationlog.h"

Q_LOGGING_CATEGORY(lcObservation, "samla.observation")
