# Sourced by the end-to-end cases that need ksim on a terminal: script(1)
# gives it one. Every step waits for the screen to show what it waits for,
# polling with a generous deadline, so no step depends on timing.
#   start_terminal KSIM DIR   runs ksim interactively in DIR (HOME=DIR);
#                             type with printf ... >&3
#   wait_for PATTERN          until a line of the screen matches (grep)
#   screen                    the screen so far, without \r and paste codes
#   end_terminal              closes the keyboard, waits for ksim; sets $status
#   fail MESSAGE              prints it and the screen, exits 1
command -v script > /dev/null || exit 77
terminal_pid=
terminal_dir=
trap '[ -z "$terminal_pid" ] || kill "$terminal_pid" 2> /dev/null || true; [ -z "$terminal_dir" ] || rm -rf "$terminal_dir"' EXIT
screen() {
    tr -d '\r' < "$terminal_dir/screen" | sed 's/\x1b\[?2004[hl]//g'
}
fail() {
    echo "FAIL: $*"
    [ -z "$terminal_dir" ] || screen
    exit 1
}
start_terminal() {
    terminal_dir=$(mktemp -d)
    mkfifo "$terminal_dir/keyboard"
    : > "$terminal_dir/screen"
    # Its own HOME (history) and runtime folder (where `ksim attach` finds it).
    export XDG_RUNTIME_DIR="$terminal_dir"
    (cd "$2" && HOME=$terminal_dir script -qfec "$1" /dev/null < "$terminal_dir/keyboard" > "$terminal_dir/screen" 2>&1) &
    terminal_pid=$!
    exec 3> "$terminal_dir/keyboard"
}
wait_for() {
    tries=0
    until screen | grep -q -- "$1"; do
        tries=$((tries + 1))
        [ "$tries" -le 600 ] || fail "nothing matched '$1' within 120 s"
        sleep 0.2
    done
}
end_terminal() {
    exec 3>&-
    status=0
    wait "$terminal_pid" || status=$?
    terminal_pid=
}
