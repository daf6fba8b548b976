package io.harpoon.supervisor.adapters.runtime;

import java.util.List;
import java.util.stream.Stream;

/**
 * The system calls the container may make without conditions, grouped by what they are for, and
 * the ones it is refused on purpose. The container runs as uid 1 with no capability, so the list is
 * what an unprivileged program needs (C libraries, Go and Java runtimes, busybox, the runtime's own
 * init between loading the filter and {@code execve}); everything else fails with {@code EPERM}.
 * Names a kernel or libseccomp does not know are skipped by the runtime, so 32-bit variants and
 * recent calls can be listed for every architecture. Calls allowed only with some arguments are in
 * {@link SeccompProfile}.
 */
final class SeccompSyscalls {

  static final List<String> PROCESSES =
      List.of(
          "fork", "vfork", "execve", "execveat", "exit", "exit_group", "wait4", "waitid", "waitpid",
          "kill", "tkill", "tgkill", "getpid", "getppid", "gettid", "getpgid", "getpgrp", "setpgid",
          "getsid", "setsid", "set_tid_address", "set_robust_list", "get_robust_list", "rseq",
          "restart_syscall", "prctl", "getpriority", "setpriority", "getcpu", "ioprio_get",
          "ioprio_set", "membarrier", "pidfd_open", "pidfd_send_signal", "process_mrelease",
          "set_thread_area", "get_thread_area", "capget", "capset", "seccomp",
          "landlock_create_ruleset", "landlock_add_rule", "landlock_restrict_self");

  static final List<String> SCHEDULING =
      List.of(
          "sched_yield", "sched_getaffinity", "sched_setaffinity", "sched_getattr",
          "sched_setattr", "sched_getparam", "sched_setparam", "sched_getscheduler",
          "sched_setscheduler", "sched_get_priority_max", "sched_get_priority_min",
          "sched_rr_get_interval", "sched_rr_get_interval_time64");

  /** Changing ids needs CAP_SETUID/CAP_SETGID except to the ids the process already has. */
  static final List<String> IDENTITY =
      List.of(
          "getuid", "geteuid", "getgid", "getegid", "getresuid", "getresgid", "getgroups",
          "setuid", "setgid", "setreuid", "setregid", "setresuid", "setresgid", "setgroups",
          "setfsuid", "setfsgid", "getuid32", "geteuid32", "getgid32", "getegid32", "getresuid32",
          "getresgid32", "getgroups32", "setuid32", "setgid32", "setreuid32", "setregid32",
          "setresuid32", "setresgid32", "setgroups32", "setfsuid32", "setfsgid32");

  static final List<String> SIGNALS =
      List.of(
          "rt_sigaction", "rt_sigprocmask", "rt_sigreturn", "rt_sigsuspend", "rt_sigpending",
          "rt_sigtimedwait", "rt_sigtimedwait_time64", "rt_sigqueueinfo", "rt_tgsigqueueinfo",
          "sigaltstack", "signalfd", "signalfd4", "sigreturn", "sigprocmask", "pause", "alarm");

  static final List<String> MEMORY =
      List.of(
          "brk", "mmap", "mmap2", "munmap", "mremap", "mprotect", "madvise", "mincore", "mlock",
          "mlock2", "mlockall", "munlock", "munlockall", "msync", "memfd_create", "memfd_secret",
          "pkey_alloc", "pkey_free", "pkey_mprotect", "remap_file_pages", "map_shadow_stack",
          "mseal");

  static final List<String> DESCRIPTORS =
      List.of(
          "open", "openat", "openat2", "creat", "close", "close_range", "read", "readv", "pread64",
          "preadv", "preadv2", "write", "writev", "pwrite64", "pwritev", "pwritev2", "lseek",
          "_llseek", "dup", "dup2", "dup3", "fcntl", "fcntl64", "ioctl", "flock", "fsync",
          "fdatasync", "syncfs", "sync", "sync_file_range", "fadvise64", "fadvise64_64",
          "fallocate", "readahead", "ftruncate", "ftruncate64", "sendfile", "sendfile64",
          "copy_file_range", "splice", "tee", "vmsplice", "pipe", "pipe2", "cachestat");

  static final List<String> FILESYSTEM =
      List.of(
          "stat", "stat64", "lstat", "lstat64", "fstat", "fstat64", "newfstatat", "fstatat64",
          "statx", "statfs", "statfs64", "fstatfs", "fstatfs64", "access", "faccessat",
          "faccessat2", "readlink", "readlinkat", "getdents", "getdents64", "getcwd", "chdir",
          "fchdir", "mkdir", "mkdirat", "rmdir", "rename", "renameat", "renameat2", "link",
          "linkat", "symlink", "symlinkat", "unlink", "unlinkat", "truncate", "truncate64",
          "chmod", "fchmod", "fchmodat", "fchmodat2", "chown", "chown32", "fchown", "fchown32",
          "fchownat", "lchown", "lchown32", "umask", "utime", "utimes", "utimensat",
          "utimensat_time64", "futimesat", "mknod", "mknodat", "name_to_handle_at", "getxattr",
          "lgetxattr", "fgetxattr", "setxattr", "lsetxattr", "fsetxattr", "listxattr",
          "llistxattr", "flistxattr", "removexattr", "lremovexattr", "fremovexattr");

  static final List<String> WAITING =
      List.of(
          "poll", "ppoll", "ppoll_time64", "select", "_newselect", "pselect6", "pselect6_time64",
          "epoll_create", "epoll_create1", "epoll_ctl", "epoll_wait", "epoll_pwait",
          "epoll_pwait2", "eventfd", "eventfd2", "inotify_init", "inotify_init1",
          "inotify_add_watch", "inotify_rm_watch", "futex", "futex_time64", "futex_waitv",
          "futex_wait", "futex_wake", "futex_requeue", "io_setup", "io_destroy", "io_submit",
          "io_cancel", "io_getevents", "io_pgetevents", "io_pgetevents_time64");

  /** Setting a clock needs CAP_SYS_TIME; reading one does not. */
  static final List<String> TIME =
      List.of(
          "nanosleep", "clock_nanosleep", "clock_nanosleep_time64", "clock_gettime",
          "clock_gettime64", "clock_getres", "clock_getres_time64", "gettimeofday", "time",
          "times", "getitimer", "setitimer", "timer_create", "timer_delete", "timer_getoverrun",
          "timer_gettime", "timer_gettime64", "timer_settime", "timer_settime64",
          "timerfd_create", "timerfd_gettime", "timerfd_gettime64", "timerfd_settime",
          "timerfd_settime64", "adjtimex", "clock_adjtime", "clock_adjtime64");

  /** {@code socket} itself is allowed for some families only, see {@link SeccompProfile}. */
  static final List<String> SOCKETS =
      List.of(
          "socketpair", "bind", "connect", "listen", "accept", "accept4", "getsockname",
          "getpeername", "getsockopt", "setsockopt", "sendto", "recvfrom", "sendmsg", "recvmsg",
          "sendmmsg", "recvmmsg", "recvmmsg_time64", "send", "recv", "shutdown");

  static final List<String> IPC =
      List.of(
          "msgget", "msgsnd", "msgrcv", "msgctl", "semget", "semop", "semtimedop",
          "semtimedop_time64", "semctl", "shmget", "shmat", "shmdt", "shmctl", "ipc", "mq_open",
          "mq_unlink", "mq_timedsend", "mq_timedsend_time64", "mq_timedreceive",
          "mq_timedreceive_time64", "mq_notify", "mq_getsetattr");

  static final List<String> LIMITS_AND_INFO =
      List.of(
          "getrlimit", "setrlimit", "prlimit64", "ugetrlimit", "getrusage", "sysinfo", "uname",
          "getrandom");

  /** x86-64 (and x32): the thread pointer is set with arch_prctl. */
  static final List<String> X86_64_ONLY = List.of("arch_prctl");

  /** 32-bit ARM programs on an arm64 kernel. */
  static final List<String> ARM_ONLY =
      List.of(
          "arm_fadvise64_64", "arm_sync_file_range", "sync_file_range2", "breakpoint",
          "cacheflush", "set_tls");

  /**
   * Refused on purpose, each the entry of kernel code an unprivileged container has no use for and
   * that recent escapes went through: user namespaces are refused through {@code clone} and {@code
   * unshare}'s flags, netlink through {@code socket}'s family (both in {@link SeccompProfile}).
   * {@code socketcall}, the 32-bit x86 multiplexer, is refused because its arguments sit in memory a
   * filter cannot read, so it would bypass the socket family check.
   */
  static final List<String> REFUSED =
      List.of(
          "add_key", "keyctl", "request_key", "io_uring_setup", "io_uring_enter",
          "io_uring_register", "perf_event_open", "bpf", "userfaultfd", "fsopen", "fsconfig",
          "fsmount", "fspick", "move_mount", "open_tree", "mount_setattr", "mount", "umount",
          "umount2", "pivot_root", "chroot", "setns", "ptrace", "process_vm_readv",
          "process_vm_writev", "process_madvise", "pidfd_getfd", "kcmp", "kexec_load",
          "kexec_file_load", "init_module", "finit_module", "delete_module", "reboot", "swapon",
          "swapoff", "acct", "syslog", "quotactl", "quotactl_fd", "lookup_dcookie",
          "open_by_handle_at", "fanotify_init", "fanotify_mark", "socketcall", "modify_ldt",
          "iopl", "ioperm", "settimeofday", "clock_settime", "clock_settime64", "stime",
          "sethostname", "setdomainname", "vhangup", "uselib", "mbind", "set_mempolicy",
          "get_mempolicy", "migrate_pages", "move_pages");

  private SeccompSyscalls() {}

  /** Every unconditionally allowed call of every architecture's common set. */
  static List<String> common() {
    return Stream.of(
            PROCESSES, SCHEDULING, IDENTITY, SIGNALS, MEMORY, DESCRIPTORS, FILESYSTEM, WAITING,
            TIME, SOCKETS, IPC, LIMITS_AND_INFO)
        .flatMap(List::stream)
        .toList();
  }
}
