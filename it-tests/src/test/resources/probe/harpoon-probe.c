/*
 * A static probe run inside test containers: each mode makes system calls and prints how they
 * ended, one "name errno" line each (errno 0 when the call succeeded). Built by the it-tests with
 * gcc -static, so it needs nothing from the container's rootfs.
 *
 *   harpoon-probe syscalls        the calls the seccomp filter refuses, and a few it allows
 *   harpoon-probe inotify-hold F  opens inotify instances until refused, writes "held N errno E"
 *                                 to F, then waits for a signal holding them
 *   harpoon-probe inotify-one     opens one inotify instance, prints "inotify_init1 errno"
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/bpf.h>
#include <linux/keyctl.h>
#include <linux/netlink.h>
#include <linux/perf_event.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/ptrace.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef SYS_io_uring_setup
#define SYS_io_uring_setup 425
#endif
#ifndef SYS_fsopen
#define SYS_fsopen 430
#endif

static void report(const char *name, long result) {
  printf("%s %d\n", name, result < 0 ? errno : 0);
  fflush(stdout);
}

static long closing(long fd) {
  if (fd >= 0) close((int) fd);
  return fd;
}

static long clone_user_namespace(void) {
  long pid = syscall(SYS_clone, CLONE_NEWUSER | SIGCHLD, 0, 0, 0, 0);
  if (pid == 0) _exit(0);
  if (pid > 0) waitpid((pid_t) pid, NULL, 0);
  return pid;
}

static long perf_open(void) {
  struct perf_event_attr attr;
  memset(&attr, 0, sizeof attr);
  attr.size = sizeof attr;
  attr.type = PERF_TYPE_SOFTWARE;
  attr.config = PERF_COUNT_SW_CPU_CLOCK;
  attr.exclude_kernel = 1;
  return closing(syscall(SYS_perf_event_open, &attr, 0, -1, -1, 0));
}

static long bpf_map(void) {
  union bpf_attr attr;
  memset(&attr, 0, sizeof attr);
  attr.map_type = BPF_MAP_TYPE_ARRAY;
  attr.key_size = 4;
  attr.value_size = 4;
  attr.max_entries = 1;
  return closing(syscall(SYS_bpf, BPF_MAP_CREATE, &attr, sizeof attr));
}

static long io_uring(void) {
  char params[120];
  memset(params, 0, sizeof params);
  return closing(syscall(SYS_io_uring_setup, 1, params));
}

static int syscalls(void) {
  report("clone_newuser", clone_user_namespace());
  report("unshare_newuser", unshare(CLONE_NEWUSER));
  report("keyctl", syscall(SYS_keyctl, KEYCTL_GET_KEYRING_ID, KEY_SPEC_USER_KEYRING, 0));
  report("add_key", syscall(SYS_add_key, "user", "probe", "x", 1, KEY_SPEC_PROCESS_KEYRING));
  report("io_uring_setup", io_uring());
  report("perf_event_open", perf_open());
  report("bpf", bpf_map());
  report("fsopen", closing(syscall(SYS_fsopen, "tmpfs", 0)));
  report("socket_netlink", closing(socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE)));
  report("socket_inet", closing(socket(AF_INET, SOCK_STREAM, 0)));
  report("socket_unix", closing(socket(AF_UNIX, SOCK_STREAM, 0)));
  long pid = fork();
  if (pid == 0) _exit(0);
  if (pid > 0) waitpid((pid_t) pid, NULL, 0);
  report("fork", pid);
  /* Last: once traced, the next signal (a SIGCHLD) would stop the probe. */
  report("ptrace_traceme", ptrace(PTRACE_TRACEME, 0, 0, 0));
  return 0;
}

static int inotify_hold(const char *file) {
  int held = 0;
  while (inotify_init1(IN_CLOEXEC) >= 0) held++;
  int refused = errno;
  FILE *out = fopen(file, "w");
  if (out == NULL) return 1;
  fprintf(out, "held %d errno %d\n", held, refused);
  fclose(out);
  for (;;) pause();
}

int main(int argc, char **argv) {
  if (argc == 2 && strcmp(argv[1], "syscalls") == 0) return syscalls();
  if (argc == 3 && strcmp(argv[1], "inotify-hold") == 0) return inotify_hold(argv[2]);
  if (argc == 2 && strcmp(argv[1], "inotify-one") == 0) {
    report("inotify_init1", closing(inotify_init1(IN_CLOEXEC)));
    return 0;
  }
  fprintf(stderr, "usage: harpoon-probe syscalls | inotify-hold FILE | inotify-one\n");
  return 2;
}
