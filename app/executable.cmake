# The samla executable: app/main.cpp plus the libraries. Included from app/CMakeLists.txt.
qt_add_executable(samla ${CMAKE_CURRENT_LIST_DIR}/main.cpp)
target_link_libraries(samla PRIVATE
  samla_ui samla_uiplugin
  samla_qml samla_qmlplugin
  Qt6::Gui Qt6::Qml Qt6::Quick Qt6::QuickControls2)
target_compile_definitions(samla PRIVATE SAMLA_VERSION="${PROJECT_VERSION}")
samla_set_target_defaults(samla)
# build/samla, as the README says, not build/app/samla.
set_target_properties(samla PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR})
