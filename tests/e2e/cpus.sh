#!/bin/sh
# ksim --cpus N: nproc, /proc/cpuinfo and a task's Cpus_allowed_list all say N;
# a count outside 1..64 (or not a number) is refused with status 2.
# usage: cpus.sh KSIM
set -eu
ksim=$1
fail() {
    echo "FAIL: $*"
    exit 1
}
[ "$("$ksim" -c nproc)" = 2 ] || fail "the default is 2 CPUs"
[ "$("$ksim" --cpus 4 -c 'nproc; grep -c ^processor /proc/cpuinfo; grep Cpus_allowed_list /proc/self/status')" = \
    "$(printf '4\n4\nCpus_allowed_list:\t0-3')" ] || fail "--cpus 4"
[ "$("$ksim" --cpus 64 -c 'nproc --ignore=60')" = 4 ] || fail "--cpus 64, nproc --ignore=60"
[ "$("$ksim" --cpus 1 -c 'nproc --ignore 3')" = 1 ] || fail "nproc never prints less than 1"
for bad in 0 65 -1 two; do
    status=0
    out=$("$ksim" --cpus "$bad" -c nproc 2>&1) || status=$?
    [ "$status" = 2 ] || fail "--cpus $bad: status $status"
    case $out in
    "ksim: the argument ('$bad') for option '--cpus' is invalid"*) ;;
    *) fail "--cpus $bad: $out" ;;
    esac
done
echo ok
