# ksim_add_module(<name> SOURCES <file.c|file.cpp>... [OUTPUT_NAME <file name without .ko>]
#                 [EXTRA_SYMBOLS <module target>...] [CFLAGS <flag>...]
#                 [MODPOST_FLAGS <flag>...])
#
# Builds a kernel module for ksim the way Kbuild does, with the flags in
# scripts/Kbuild.flags (the ones the Kbuild-style Makefile uses too):
#   1. compile the sources with the SDK's headers only;
#   2. link them into one relocatable object, <name>.o;
#   3. run modpost on it: it resolves the symbols the module needs against the
#      kernel's Module.symvers and those of EXTRA_SYMBOLS (like Kbuild's
#      KBUILD_EXTRA_SYMBOLS), reports missing licences, GPL-only misuse and
#      undefined symbols, and writes <name>.mod.c and <name>.symvers;
#   4. compile <name>.mod.c and link <name>.ko.
# Dashes in the name become underscores in the module name, as Kbuild does
# (hello-1.ko loads as hello_1). CFLAGS adds compiler flags, like ccflags-y;
# MODPOST_FLAGS adds modpost options (-w is KBUILD_MODPOST_WARN=1).
include_guard(GLOBAL)

set(KSIM_SDK_DIR "${CMAKE_CURRENT_LIST_DIR}/.." CACHE PATH "The ksim SDK (the folder with include/ and abi/)")
# Inside ksim's own build the tools are targets; from outside, a built ksim tree.
if(TARGET ksim_modpost)
    set(_ksim_modpost $<TARGET_FILE:ksim_modpost>)
    # The target that writes Module.symvers too: another folder's generated
    # file is no rule here, so without it a parallel build can race it.
    set(_ksim_tool_deps ksim_modpost ksim_sdk_tools ${KSIM_KERNEL_SYMVERS})
else()
    set(KSIM_SDK_BUILD_DIR "${KSIM_SDK_DIR}/../build/sdk" CACHE PATH "The SDK's built tools (modpost, Module.symvers)")
    set(_ksim_modpost "${KSIM_SDK_BUILD_DIR}/modpost")
    set(KSIM_KERNEL_SYMVERS "${KSIM_SDK_BUILD_DIR}/Module.symvers")
    if(NOT EXISTS "${_ksim_modpost}" OR NOT EXISTS "${KSIM_KERNEL_SYMVERS}")
        message(FATAL_ERROR "ksim's modpost is not built in ${KSIM_SDK_BUILD_DIR}: run scripts/setup.sh in the ksim "
                            "folder, or set KSIM_SDK_BUILD_DIR")
    endif()
    set(_ksim_tool_deps ${_ksim_modpost} ${KSIM_KERNEL_SYMVERS})
endif()

# Changed flags take effect at the next build: CMake configures again.
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${KSIM_SDK_DIR}/scripts/Kbuild.flags")
file(STRINGS "${KSIM_SDK_DIR}/scripts/Kbuild.flags" _ksim_flag_lines REGEX "^KSIM_[A-Z_]+ :=")
foreach(_line IN LISTS _ksim_flag_lines)
    string(REGEX MATCH "^(KSIM_[A-Z_]+) := (.*)$" _ "${_line}")
    string(REPLACE "$(KSIM_SDK)" "${KSIM_SDK_DIR}" _flags "${CMAKE_MATCH_2}")
    separate_arguments(${CMAKE_MATCH_1} UNIX_COMMAND "${_flags}")
endforeach()

function(ksim_add_module name)
    cmake_parse_arguments(ARG "" "OUTPUT_NAME" "SOURCES;EXTRA_SYMBOLS;CFLAGS;MODPOST_FLAGS" ${ARGN})
    if(NOT ARG_SOURCES)
        message(FATAL_ERROR "ksim_add_module(${name}): no SOURCES")
    endif()
    set(file_name "${name}")
    if(ARG_OUTPUT_NAME)
        set(file_name "${ARG_OUTPUT_NAME}")
    endif()
    string(REPLACE "-" "_" modname "${file_name}")
    set(base "${CMAKE_CURRENT_BINARY_DIR}/${file_name}")

    add_library(${name}_objects OBJECT ${ARG_SOURCES})
    add_library(${name}_mod OBJECT "${base}.mod.c")
    # The module's object first, so its .modinfo tags precede the build's.
    add_library(${name} MODULE "${base}.o" $<TARGET_OBJECTS:${name}_mod>)
    foreach(target IN ITEMS ${name}_objects ${name}_mod)
        set_target_properties(${target} PROPERTIES C_VISIBILITY_PRESET hidden CXX_VISIBILITY_PRESET hidden)
        target_include_directories(${target} SYSTEM PRIVATE "${KSIM_SDK_DIR}/include" "${KSIM_SDK_DIR}/abi")
        target_compile_definitions(${target} PRIVATE "KBUILD_MODNAME=\"${modname}\"")
        target_compile_options(${target} PRIVATE ${KSIM_MODULE_FLAGS}
                                                 $<$<COMPILE_LANGUAGE:C>:${KSIM_MODULE_CFLAGS} ${KSIM_MODULE_CWARNINGS}>
                                                 $<$<COMPILE_LANG_AND_ID:C,GNU>:${KSIM_MODULE_CWARNINGS_GCC}>
                                                 $<$<COMPILE_LANG_AND_ID:C,Clang>:${KSIM_MODULE_CWARNINGS_CLANG}>
                                                 $<$<COMPILE_LANGUAGE:CXX>:${KSIM_MODULE_CXXFLAGS}>
                                                 $<$<COMPILE_LANG_AND_ID:CXX,GNU>:${KSIM_MODULE_CXXFLAGS_GCC}>
                                                 $<$<COMPILE_LANG_AND_ID:CXX,Clang>:${KSIM_MODULE_CXXFLAGS_CLANG}>)
    endforeach()
    target_compile_options(${name}_objects PRIVATE ${ARG_CFLAGS})
    target_compile_options(${name}_mod PRIVATE ${ARG_CFLAGS})

    add_custom_command(OUTPUT "${base}.o"
                       COMMAND ${CMAKE_C_COMPILER} -r -nostdlib -o "${base}.o" $<TARGET_OBJECTS:${name}_objects>
                       DEPENDS ${name}_objects $<TARGET_OBJECTS:${name}_objects>
                       COMMAND_EXPAND_LISTS
                       COMMENT "Linking ${file_name}.o")

    set(inputs -i "${KSIM_KERNEL_SYMVERS}")
    set(input_deps ${_ksim_tool_deps})
    foreach(provider IN LISTS ARG_EXTRA_SYMBOLS)
        list(APPEND inputs -i "$<TARGET_PROPERTY:${provider},KSIM_SYMVERS>")
        list(APPEND input_deps "$<TARGET_PROPERTY:${provider},KSIM_SYMVERS>")
    endforeach()
    add_custom_command(OUTPUT "${base}.mod.c" "${base}.symvers"
                       COMMAND ${_ksim_modpost} ${ARG_MODPOST_FLAGS} ${inputs} -o "${base}.symvers" "${base}.o"
                       DEPENDS "${base}.o" ${input_deps}
                       COMMENT "MODPOST ${file_name}.ko")

    set_source_files_properties("${base}.o" PROPERTIES EXTERNAL_OBJECT TRUE GENERATED TRUE)
    set_target_properties(${name} PROPERTIES PREFIX "" SUFFIX ".ko" OUTPUT_NAME "${file_name}"
                                             LINKER_LANGUAGE C KSIM_SYMVERS "${base}.symvers")
    target_link_options(${name} PRIVATE ${KSIM_MODULE_LDFLAGS})
    set_property(TARGET ${name} APPEND PROPERTY LINK_DEPENDS "${KSIM_SDK_DIR}/scripts/module.lds")
endfunction()
