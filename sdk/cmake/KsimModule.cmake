# ksim_add_module(<name> SOURCES <file.c|file.cpp>... [OUTPUT_NAME <file name without .ko>])
#
# Builds a kernel module for ksim: a shared object named <name>.ko, compiled
# with the flags in scripts/Kbuild.flags (the same ones the Kbuild-style
# Makefile uses), with the SDK's headers only and the module stub that
# records its name and version magic. Dashes in the name become underscores
# in the module name, as Kbuild does (hello-1.ko loads as hello_1).
include_guard(GLOBAL)

set(KSIM_SDK_DIR "${CMAKE_CURRENT_LIST_DIR}/.." CACHE PATH "The ksim SDK (the folder with include/ and src/)")

file(STRINGS "${KSIM_SDK_DIR}/scripts/Kbuild.flags" _ksim_flag_lines REGEX "^KSIM_[A-Z_]+ :=")
foreach(_line IN LISTS _ksim_flag_lines)
    string(REGEX MATCH "^(KSIM_[A-Z_]+) := (.*)$" _ "${_line}")
    separate_arguments(${CMAKE_MATCH_1} UNIX_COMMAND "${CMAKE_MATCH_2}")
endforeach()

function(ksim_add_module name)
    cmake_parse_arguments(ARG "" "OUTPUT_NAME" "SOURCES" ${ARGN})
    if(NOT ARG_SOURCES)
        message(FATAL_ERROR "ksim_add_module(${name}): no SOURCES")
    endif()
    set(file_name "${name}")
    if(ARG_OUTPUT_NAME)
        set(file_name "${ARG_OUTPUT_NAME}")
    endif()
    string(REPLACE "-" "_" modname "${file_name}")

    add_library(${name} MODULE ${ARG_SOURCES} "${KSIM_SDK_DIR}/src/module_stub.c")
    set_target_properties(${name} PROPERTIES PREFIX "" SUFFIX ".ko" OUTPUT_NAME "${file_name}"
                                             C_VISIBILITY_PRESET hidden CXX_VISIBILITY_PRESET hidden)
    target_include_directories(${name} SYSTEM PRIVATE "${KSIM_SDK_DIR}/include" "${KSIM_SDK_DIR}/abi")
    target_compile_definitions(${name} PRIVATE "KBUILD_MODNAME=\"${modname}\"")
    target_compile_options(${name} PRIVATE ${KSIM_MODULE_FLAGS}
                                           $<$<COMPILE_LANGUAGE:C>:${KSIM_MODULE_CFLAGS}>
                                           $<$<COMPILE_LANGUAGE:CXX>:${KSIM_MODULE_CXXFLAGS}>)
    target_link_options(${name} PRIVATE ${KSIM_MODULE_LDFLAGS})
endfunction()
