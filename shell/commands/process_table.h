// The processes user space sees, read from /proc/PID/{stat,status,cmdline} as procps' readproc does.
#pragma once

#include <string>
#include <vector>

#include "shell/command.h"

namespace ksim::shell {

struct ProcessInfo {
    int pid = 0;
    int ppid = 0;
    int pgrp = 0;
    int session = 0;
    int tty = 0; // new_encode_dev() of the terminal, 0 for none
    int tpgid = -1; // the terminal's foreground process group
    char state = '?';
    std::string comm;
    std::vector<std::string> args; // empty for kernel threads
    unsigned uid = 0;
    long long start_ticks = 0; // clock ticks (USER_HZ) after boot
    int processor = 0;
    int nice = 0;
};

constexpr long user_hz = 100;

// Every process in /proc, in pid order; one that ends while it is read is left out.
std::vector<ProcessInfo> read_processes(CommandContext& c);
// The calling process (/proc/self).
ProcessInfo read_self(CommandContext& c);
// "pts/0", or "?" without a terminal.
std::string tty_name(int tty);

} // namespace ksim::shell
