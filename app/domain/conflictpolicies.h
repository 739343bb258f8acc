// Which conflict policy each of the domain's record kinds follows (ARCHITECTURE.md §3); sync applies them.
#pragma once

namespace samla::domain {

// Fills store's policy table with the domain's kinds, once per process
// (later calls do nothing). Called by the domain classes' constructors, so
// a store that syncs has the table before its first op arrives.
//   consent events, audit events   append-only (derived state, never merged)
//   participants, projects         fields merge per field against the base
//   notes (and every other kind)   both versions kept, listed side by side
// The observation layer adds its own kinds (observation::installConflictPolicies).
void installConflictPolicies();

} // namespace samla::domain
