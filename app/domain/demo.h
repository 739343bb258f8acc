// Demo content: three case studies modelled on the programme, for first runs and screenshots.
#pragma once

#include "app/store/recordstore.h"

namespace samla::domain {

class Notes;
class Projects;
struct Project;

// The learning café with its settings, consent form and field notes.
[[nodiscard]] Result<Project> seedDemoCafe(store::RecordStore &records, Projects &projects, Notes &notes);
// All three case studies; each is created only if no demo project with its
// code prefix exists yet. The café is created last, so on an empty store it lists first.
[[nodiscard]] Result<QList<Project>> seedDemoCaseStudies(store::RecordStore &records, Projects &projects, Notes &notes);

} // namespace samla::domain
