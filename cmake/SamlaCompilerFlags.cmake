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

if(SAMLA_SANITIZE)
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
