# One bad-input case: copy the sample issue (with the layouts and fonts it uses) to a
# scratch directory, break one file by replacing FIND with REPLACE, run
# `quire check`, and compare the exit code and the first diagnostic line exactly.
#
# -DQUIRE=path/to/quire -DSOURCE_DIR=project -DWORK_DIR=scratch -DFILE=relative/path
# -DFIND=text -DREPLACE=text -DEXPECT_EXIT=1 -DEXPECT_LINE=text  [-DREPLACE_ALL=1]
# FIND may be "<whole-file>" to replace the whole file's content.
string(REPLACE "<semicolon>" ";" EXPECT_LINE "${EXPECT_LINE}")
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR}/issues)
file(COPY ${SOURCE_DIR}/issues/2025-spring DESTINATION ${WORK_DIR}/issues)
file(COPY ${SOURCE_DIR}/layouts ${SOURCE_DIR}/fonts DESTINATION ${WORK_DIR})
# A file beside the project, outside every tree the manifest may read, and a symlink
# in the issue that points at it.
file(WRITE ${WORK_DIR}/secret.xml "<article><title>secret</title><body><p>x</p></body></article>\n")
file(CREATE_LINK ../../../secret.xml ${WORK_DIR}/issues/2025-spring/articles/linked.xml SYMBOLIC)

set(target ${WORK_DIR}/${FILE})
if(FIND STREQUAL "<whole-file>")
  file(WRITE ${target} "${REPLACE}")
else()
  file(READ ${target} content)
  string(FIND "${content}" "${FIND}" at)
  if(at EQUAL -1)
    # The case must really break something: a FIND that no longer matches the sample
    # would let the test pass for the wrong reason.
    message(FATAL_ERROR "'${FIND}' does not occur in ${FILE}: update the case")
  endif()
  string(REPLACE "${FIND}" "${REPLACE}" content "${content}")
  file(WRITE ${target} "${content}")
endif()

# An optional second break in another file: every error of a run must be reported.
if(DEFINED FILE2)
  file(READ ${WORK_DIR}/${FILE2} content2)
  string(FIND "${content2}" "${FIND2}" at2)
  if(at2 EQUAL -1)
    message(FATAL_ERROR "'${FIND2}' does not occur in ${FILE2}: update the case")
  endif()
  string(REPLACE "${FIND2}" "${REPLACE2}" content2 "${content2}")
  file(WRITE ${WORK_DIR}/${FILE2} "${content2}")
endif()

execute_process(
  COMMAND ${QUIRE} check issues/2025-spring/issue.xml
  WORKING_DIRECTORY ${WORK_DIR}
  RESULT_VARIABLE exit_code
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err)
string(REGEX REPLACE "\n.*" "" first_line "${err}")
if(NOT exit_code STREQUAL EXPECT_EXIT)
  message(FATAL_ERROR "exit code ${exit_code}, expected ${EXPECT_EXIT}; stderr:\n${err}")
endif()
if(NOT first_line STREQUAL EXPECT_LINE)
  message(FATAL_ERROR "first diagnostic:\n  ${first_line}\nexpected:\n  ${EXPECT_LINE}\nwhole stderr:\n${err}")
endif()
if(DEFINED EXPECT_ERRORS)
  string(REGEX MATCHALL ": error: " errors "${err}")
  list(LENGTH errors error_count)
  if(NOT error_count EQUAL EXPECT_ERRORS)
    message(FATAL_ERROR "${error_count} errors reported, expected ${EXPECT_ERRORS}:\n${err}")
  endif()
endif()
if(NOT out STREQUAL "")
  message(FATAL_ERROR "check wrote to stdout: ${out}")
endif()
file(REMOVE_RECURSE ${WORK_DIR})
