# Tests of projects, participants, the identity vault and consent (app/domain).
# Included from tests/unit/CMakeLists.txt; uses samla_add_unit_test() from tests/CMakeLists.txt.
samla_add_unit_test(tst_projects SOURCES tst_projects.cpp LIBS samla_domain)
samla_add_unit_test(tst_participants SOURCES tst_participants.cpp LIBS samla_domain)
samla_add_unit_test(tst_conflictpolicies SOURCES tst_conflictpolicies.cpp LIBS samla_observation)
samla_add_unit_test(tst_vault SOURCES tst_vault.cpp LIBS samla_domain)
samla_add_unit_test(tst_consentstate SOURCES tst_consentstate.cpp LIBS samla_domain)
samla_add_unit_test(tst_consentforms SOURCES tst_consentforms.cpp LIBS samla_domain)
samla_add_unit_test(tst_consentgate SOURCES tst_consentgate.cpp LIBS samla_domain)
samla_add_unit_test(tst_consentpdf SOURCES tst_consentpdf.cpp LIBS samla_domain)

# FHIR R4 export, validated by node against the official R4 JSON schema. The
# test copies tests/fhir (package.json, package-lock.json, validate.mjs) into
# its build directory and runs `npm ci` there, so node_modules never lands in
# the source tree. It skips only when node or npm is missing.
samla_add_unit_test(tst_fhirexport SOURCES tst_fhirexport.cpp LIBS samla_export)
target_compile_definitions(tst_fhirexport PRIVATE
  SAMLA_FHIR_SOURCE_DIR="${CMAKE_CURRENT_LIST_DIR}/../fhir"
  SAMLA_FHIR_WORK_DIR="${CMAKE_CURRENT_BINARY_DIR}/fhir-validator")
samla_add_unit_test(tst_erasure SOURCES tst_erasure.cpp LIBS samla_domain)
samla_add_unit_test(tst_auditlog SOURCES tst_auditlog.cpp LIBS samla_domain)
