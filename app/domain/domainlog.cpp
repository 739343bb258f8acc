#include "domainlog.h"

Q_LOGGING_CATEGORY(lcDomain, "samla.domain")
