#include "logging.h"

Q_LOGGING_CATEGORY(lcCrypto, "samla.crypto")
Q_LOGGING_CATEGORY(lcDb, "samla.db")
Q_LOGGING_CATEGORY(lcStore, "samla.store")
Q_LOGGING_CATEGORY(lcUi, "samla.ui")
Q_LOGGING_CATEGORY(lcSync, "samla.sync")
