# Tests of field notes, the codebook and the REFI-QDA export. Included from tests/unit/CMakeLists.txt.
samla_add_unit_test(tst_fieldnotes SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_fieldnotes.cpp LIBS samla_domain)
# The .qdpx is checked with xmllint against the QDA-XML 1.0 schema (a copy of
# ../shared/data/refi-qda/Project-mrt2019.xsd, MIT licence, in tests/data).
find_package(Qt6 REQUIRED COMPONENTS Xml)
samla_add_unit_test(tst_qdpx SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_qdpx.cpp LIBS samla_export QuaZip::QuaZip Qt6::Xml)
target_compile_definitions(tst_qdpx PRIVATE
  SAMLA_REFI_XSD="${CMAKE_SOURCE_DIR}/tests/data/refi-qda/Project-mrt2019.xsd")
samla_add_unit_test(tst_noteattachments SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_noteattachments.cpp LIBS samla_domain)
# Photos and audio of notes: the canary test (nothing in clear on disk) and the editor's media controller.
samla_add_unit_test(tst_media_canary SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_media_canary.cpp
  ${CMAKE_CURRENT_LIST_DIR}/fakemicrophone.h LIBS samla_ui)
samla_add_unit_test(tst_ui_notemedia SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_ui_notemedia.cpp
  ${CMAKE_CURRENT_LIST_DIR}/fakemicrophone.h LIBS samla_ui samla_qml)
