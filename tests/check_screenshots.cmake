# Runs `samla --screenshots OUT` and checks that every screen was rendered in
# both languages at both sizes, as non-trivial PNG files.
file(REMOVE_RECURSE ${OUT})
execute_process(COMMAND ${SAMLA} --screenshots ${OUT} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "samla --screenshots failed with ${rc}")
endif()
set(screens first-run first-run-strength recovery-key unlock unlock-error recover home notes notes-search notes-export
            editor note-details versions editor-media editor-recording settings change-passphrase quick-note
            participants-empty participants enrol enrol-novault enrol-vault consent-setup consent-read
            consent-items-required consent-sign consent-done participant participant-timeline
            participant-withdrawn project project-error projects projects-error
            consent-forms consent-form-edit consent-form-edit-xl consent-form-problems consent-form-problems-end consent-form-published
            consent-forms-versions consent-forms-import-error consent-form-version
            observations-empty observation-setup observation-setup-end observation-setup-recheck observation-live observation-live-xl
            observation-prompt observation-refused observation-stopped observation-finalised observation-meeting
            observation-correction observation-correction-events observation-versions
            observation-modifiers observation-stop-confirm
            observation-agreement-empty observation-agreement-refused observation-agreement observation-agreement-events
            observation-summary observation-summary-export observation-summary-meeting observation-summary-states
            observation-summaries observation-summaries-arms observation-summaries-arms-end
            observations
            coding-schemes scheme-editor scheme-editor-end scheme-editor-problems scheme-editor-problems-end
            scheme-builtin coding-schemes-import-error coding-schemes-archived
            identity-purpose identity-shown identity-audit identity-refused enrol-researcher
            participants-duplicate participant-duplicate consent-setup-gillick consent-setup-gillick-end
            consent-setup-understanding consent-setup-consultee
            sync-join sync-join-error sync-waiting sync-conflict sync-progress sync-devices sync-grant-data-manager sync-revoke-device
            sync-submits-only)
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
