#!/bin/sh
# Installs what ksim needs on Debian 12 (as root, or through sudo), skipping
# packages already present, then configures and builds into build/. kmod is
# there for the tests that check ksim's .ko files against kmod's own tools,
# bubblewrap for the checker's sandbox, libseccomp for its system-call
# allow-list, binutils (objdump) for its scan of a module's instructions,
# patch for the lesson tests' wrong solutions, clang and its runtimes for the
# fuzz targets (libFuzzer).
set -eu
packages="g++ gcc make cmake pkg-config libboost-dev libboost-program-options-dev nlohmann-json3-dev doctest-dev libelf-dev libdw-dev libreadline-dev libssl-dev openssl kmod bubblewrap libseccomp-dev binutils bsdutils patch clang libclang-rt-14-dev"
missing=""
for p in $packages; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
    as_root=""
    [ "$(id -u)" = 0 ] || as_root="sudo"
    $as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq $missing
fi
cd "$(dirname "$0")/.."
# CI builds with warnings as errors; a user's build never fails on a warning.
werror=OFF
[ "${CI:-}" = true ] && werror=ON
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKSIM_WERROR=$werror > /dev/null
cmake --build build -j"$(nproc)"
