# Tests of app/observation: coding schemes, sessions, agreement statistics and event export.
# Included from tests/unit/CMakeLists.txt; uses samla_add_unit_test() from tests/CMakeLists.txt.
samla_add_unit_test(tst_scheme SOURCES tst_scheme.cpp LIBS samla_observation)
samla_add_unit_test(tst_scheme_library SOURCES tst_scheme_library.cpp LIBS samla_observation)
samla_add_unit_test(tst_observation_session SOURCES tst_observation_session.cpp LIBS samla_observation)
samla_add_unit_test(tst_agreement SOURCES tst_agreement.cpp LIBS samla_observation)
samla_add_unit_test(tst_observation_summary SOURCES tst_observation_summary.cpp LIBS samla_observation)
samla_add_unit_test(tst_observation_export SOURCES tst_observation_export.cpp LIBS samla_observation)
