# Warnings and hardening in one place; samla_set_target_defaults() applies them.
set(SAMLA_WARNINGS -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align
    -Woverloaded-virtual -Wformat=2 -Wimplicit-fallthrough -Wno-missing-field-initializers)
if(SAMLA_WERROR)
  list(APPEND SAMLA_WARNINGS -Werror)
endif()

set(SAMLA_HARDENING -fstack-protector-strong -D_GLIBCXX_ASSERTIONS)
if(NOT SAMLA_SANITIZE AND NOT SAMLA_FUZZ)
  list(APPEND SAMLA_HARDENING -D_FORTIFY_SOURCE=2)
endif()

# Debug information is compressed in objects and binaries: each test binary links the whole app,
# and some fifty of them with full DWARF fill gigabytes. SAMLA_DEBUG_INFO=lines keeps only what a
# backtrace needs (the test and sanitizer builds of scripts/samla use it).
set(SAMLA_DEBUG_INFO "full" CACHE STRING "Debug information: full or lines")
set_property(CACHE SAMLA_DEBUG_INFO PROPERTY STRINGS full lines)
include(CheckCXXCompilerFlag)
check_cxx_compiler_flag(-gz=zlib SAMLA_HAVE_GZ)
if(SAMLA_HAVE_GZ)
  add_compile_options($<$<CONFIG:Debug,RelWithDebInfo>:-gz=zlib>)
  add_link_options($<$<CONFIG:Debug,RelWithDebInfo>:-Wl,--compress-debug-sections=zlib>)
endif()
if(SAMLA_DEBUG_INFO STREQUAL "lines")
  add_compile_options($<$<CONFIG:Debug,RelWithDebInfo>:-g1>)
endif()

if(SAMLA_SANITIZE)
  # -O1: the sanitizers' own advice; -O0 with UBSan makes every UI test binary ~370 MB.
  add_compile_options($<$<CONFIG:Debug>:-O1>)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

# Fuzzing: the libraries are instrumented for libFuzzer's coverage and the sanitizers; the fuzz
# targets (tests/fuzz) link the fuzzer's main with -fsanitize=fuzzer.
if(SAMLA_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "SAMLA_FUZZ needs clang: CC=clang CXX=clang++ cmake -DSAMLA_FUZZ=ON ...")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

add_compile_definitions(QT_NO_NARROWING_CONVERSIONS_IN_CONNECT QT_NO_URL_CAST_FROM_STRING)

function(samla_set_target_defaults target)
  target_compile_options(${target} PRIVATE ${SAMLA_WARNINGS} ${SAMLA_HARDENING})
  target_link_options(${target} PRIVATE -Wl,-z,relro,-z,now)
endfunction()
