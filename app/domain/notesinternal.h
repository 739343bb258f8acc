// Between notes.cpp and notedetails.cpp: how a note's details sit in its record body.
#pragma once

#include "notes.h"

namespace samla::domain::notes_internal {

NoteDetails detailsFrom(const store::Record &r);
void writeDetails(QCborMap &body, const NoteDetails &d);
QString bodyText(const QCborMap &body);
Note toNote(const store::Record &r);

} // namespace samla::domain::notes_internal
