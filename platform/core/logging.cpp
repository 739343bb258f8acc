#include "logging.h"

Q_LOGGING_CATEGORY(lcCrypto, "samla.crypto", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDb, "samla.db", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "samla.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "samla.ui", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSync, "samla.sync", QtInfoMsg)
