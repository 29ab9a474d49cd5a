# The installable package: one static library, libnewsgraph.a, holding every
# module's objects, exported as newsgraph::newsgraph with include/newsgraph/
# as its only headers. Consumers write
#
#   find_package(newsgraph CONFIG REQUIRED)
#   target_link_libraries(app PRIVATE newsgraph::newsgraph)
#
# and the config finds the libraries the archive needs (RocksDB with its
# compression libraries, ICU, the ANTLR runtime, Threads).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

# Every library newsgraph_module() made, and the generated grammar.
get_property(NEWSGRAPH_PACKAGE_MODULES GLOBAL PROPERTY NEWSGRAPH_MODULES)
list(APPEND NEWSGRAPH_PACKAGE_MODULES ng_grammar)
add_library(newsgraph_lib STATIC)
add_library(newsgraph::newsgraph ALIAS newsgraph_lib)
set_target_properties(newsgraph_lib PROPERTIES
  OUTPUT_NAME newsgraph
  EXPORT_NAME newsgraph
  LINKER_LANGUAGE CXX
  POSITION_INDEPENDENT_CODE ON)
target_include_directories(newsgraph_lib INTERFACE
  $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
  $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
target_compile_features(newsgraph_lib INTERFACE cxx_std_20)

# The modules' own link dependencies, less the modules themselves and the
# header-only libraries (their code is already compiled into the objects and
# no public header includes them).
set(_ng_deps "")
foreach(module ${NEWSGRAPH_PACKAGE_MODULES})
  if(NOT TARGET ${module})
    continue()
  endif()
  target_sources(newsgraph_lib PRIVATE $<TARGET_OBJECTS:${module}>)
  add_dependencies(newsgraph_lib ${module})
  get_target_property(_libs ${module} INTERFACE_LINK_LIBRARIES)
  foreach(lib ${_libs})
    if(lib MATCHES "^(ng_|newsgraph::)" OR lib MATCHES "^(Boost::headers|nlohmann_json::nlohmann_json)$"
       OR lib MATCHES "^\\$<")
      continue()
    endif()
    list(APPEND _ng_deps ${lib})
  endforeach()
endforeach()
list(REMOVE_DUPLICATES _ng_deps)
target_link_libraries(newsgraph_lib PUBLIC ${_ng_deps})

install(TARGETS newsgraph_lib EXPORT newsgraphTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/newsgraph
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.h")
install(EXPORT newsgraphTargets
  NAMESPACE newsgraph::
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/newsgraph)
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/newsgraphConfig.cmake.in
  ${PROJECT_BINARY_DIR}/newsgraphConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/newsgraph)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/newsgraphConfigVersion.cmake
  VERSION ${PROJECT_VERSION}
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/newsgraphConfig.cmake ${PROJECT_BINARY_DIR}/newsgraphConfigVersion.cmake
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/newsgraph)

# The command, and the lexicon it reads (point NEWSGRAPH_LEXICON at
# share/newsgraph/lexicon when the source tree is gone).
if(TARGET newsgraph)
  install(TARGETS newsgraph RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
install(DIRECTORY ${PROJECT_SOURCE_DIR}/lexicon/
  DESTINATION ${CMAKE_INSTALL_DATADIR}/newsgraph/lexicon
  PATTERN "gen" EXCLUDE)
