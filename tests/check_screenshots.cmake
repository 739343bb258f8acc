# Runs `samla --screenshots OUT` and checks that every screen was rendered in
# both languages at both sizes, as non-trivial PNG files.
file(REMOVE_RECURSE ${OUT})
execute_process(COMMAND ${SAMLA} --screenshots ${OUT} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "samla --screenshots failed with ${rc}")
endif()
set(screens first-run first-run-strength recovery-key unlock unlock-error recover home notes notes-search
            editor note-details versions settings change-passphrase
            participants-empty participants enrol enrol-novault enrol-vault consent-setup consent-read
            consent-items-required consent-sign consent-done participant participant-timeline
            participant-withdrawn project project-error
            observations-empty observation-setup observation-setup-end observation-live observation-live-xl
            observation-prompt observation-refused observation-stopped observation-finalised observation-meeting
            observation-modifiers observation-stop-confirm
            observations)
foreach(screen ${screens})
  foreach(lang en sv)
    foreach(size 1280x800 800x1280)
      set(png ${OUT}/${screen}-${lang}-${size}.png)
      if(NOT EXISTS ${png})
        message(FATAL_ERROR "missing ${png}")
      endif()
      file(SIZE ${png} bytes)
      if(bytes LESS 5000)
        message(FATAL_ERROR "${png} is almost empty (${bytes} bytes)")
      endif()
    endforeach()
  endforeach()
endforeach()
message(STATUS "all screenshots present")
