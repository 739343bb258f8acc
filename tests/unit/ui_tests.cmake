# Unit tests of the app shell (app/ui) and the translations. Included from tests/unit/CMakeLists.txt.
samla_add_unit_test(tst_ui_passphrasestrength SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_ui_passphrasestrength.cpp LIBS samla_ui)
samla_add_unit_test(tst_ui_notesmodel SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_ui_notesmodel.cpp LIBS samla_ui)
samla_add_unit_test(tst_ui_idlemonitor SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_ui_idlemonitor.cpp LIBS samla_ui)
samla_add_unit_test(tst_ui_settings SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_ui_settings.cpp LIBS samla_ui)
samla_add_unit_test(tst_ui_session SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_ui_session.cpp LIBS samla_ui samla_qml)
samla_add_unit_test(tst_ui_projecteditor SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_ui_projecteditor.cpp LIBS samla_ui samla_qml)
samla_add_unit_test(tst_ui_projects SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_ui_projects.cpp LIBS samla_ui samla_qml)
samla_add_unit_test(tst_ui_consent SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_ui_consent.cpp LIBS samla_ui samla_qml Qt6::Quick)
samla_add_unit_test(tst_ui_identity SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_ui_identity.cpp LIBS samla_ui samla_qml)
samla_add_unit_test(tst_ui_capacity SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_ui_capacity.cpp LIBS samla_ui samla_qml Qt6::Quick)

# Fails when a qsTr()/tr() string in app/ or qml/ has no finished Swedish translation.
samla_add_unit_test(tst_translations SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_translations.cpp LIBS Qt6::Core)
get_target_property(samla_lupdate Qt6::lupdate IMPORTED_LOCATION)
if(NOT samla_lupdate)
  set(samla_lupdate /usr/lib/qt6/bin/lupdate)
endif()
target_compile_definitions(tst_translations PRIVATE
  SAMLA_LUPDATE="${samla_lupdate}"
  SAMLA_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
samla_add_unit_test(tst_ui_observation SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_ui_observation.cpp LIBS samla_ui samla_qml Qt6::Quick)
samla_add_unit_test(tst_ui_observation_reports SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_ui_observation_reports.cpp LIBS samla_ui samla_qml Qt6::Quick)
samla_add_unit_test(tst_ui_consentforms SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_ui_consentforms.cpp LIBS samla_ui samla_qml)
samla_add_unit_test(tst_ui_schemes SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_ui_schemes.cpp LIBS samla_ui samla_qml)
samla_add_unit_test(tst_ui_qrscanner SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_ui_qrscanner.cpp LIBS samla_ui samla_media samla_server_core)
samla_add_unit_test(tst_ui_qdpx SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_ui_qdpx.cpp LIBS samla_ui samla_qml QuaZip::QuaZip Qt6::Xml)
