# Benchmark of observation sessions: one tap to a persisted event with 10,000 events in the session.
# Run: build/tests/bench/bench_observation [SEEDED_EVENTS] [TAPS]
add_executable(bench_observation ${CMAKE_CURRENT_LIST_DIR}/bench_observation.cpp)
target_link_libraries(bench_observation PRIVATE samla_observation samla_domain samla_store Qt6::Gui)
