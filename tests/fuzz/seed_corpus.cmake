# Sorts the project's XML files into seed corpora by their root element:
# OUT/manifest (<issue>), OUT/article (<article>), OUT/layout (<layout>); the pipeline
# target takes the articles too. -DSOURCE_DIR=project -DOUT=dir
file(GLOB_RECURSE xml_files ${SOURCE_DIR}/issues/*.xml ${SOURCE_DIR}/layouts/*.xml ${SOURCE_DIR}/tests/*.xml)
foreach(kind manifest article layout pipeline)
  file(MAKE_DIRECTORY ${OUT}/${kind})
endforeach()
foreach(f ${xml_files})
  file(READ ${f} text LIMIT 65536)
  string(SHA1 id "${f}")
  if(text MATCHES "<issue[ >\n]")
    file(COPY_FILE ${f} ${OUT}/manifest/${id}.xml)
  elseif(text MATCHES "<article[ >\n]")
    file(COPY_FILE ${f} ${OUT}/article/${id}.xml)
    file(COPY_FILE ${f} ${OUT}/pipeline/${id}.xml)
    # fuzz_pipeline also reads a shape from two leading bytes (fuzz_pipeline.cpp): a few
    # issue shapes around each article, so the fuzzer starts from whole issues.
    foreach(shape "11;9" "47;12" "16;16" "42;5")  # no NUL: CMake strings cannot hold it
      list(GET shape 0 flags)
      list(GET shape 1 copies)
      string(ASCII ${flags} ${copies} header)
      file(WRITE ${OUT}/pipeline/${id}-${flags}-${copies}.xml "${header}${text}")
    endforeach()
  elseif(text MATCHES "<layout[ >\n]")
    file(COPY_FILE ${f} ${OUT}/layout/${id}.xml)
  endif()
endforeach()
