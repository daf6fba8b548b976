/*
 * probe — the measuring client of the harpoon-supervisor benchmarks (bench/run.sh compiles it with gcc).
 *
 * It does the timing-critical parts in one small native process, so that the client's own overhead is
 * small and constant: fork/exec of the measured program, waiting for RUNDIR/control to appear (inotify,
 * not a busy loop: a spinning client would steal one of the machine's two cores from the JVM it is
 * timing), connecting at once, reading the Server-Sent Events and spotting the first "up":true state.
 * Python (bench/bench.py) drives it and does the statistics.
 *
 *   probe up [--timeout S] [--log FILE] [--count N] DIR -- PROG ARG...
 *       Starts PROG in DIR (with --count N: N copies, copy i in DIR/i with "{i}" in the arguments replaced
 *       by i) and prints "pid=" at once, then "up_ms=" (fork/exec -> first up:true state, one value per
 *       copy), "cpu_ms=" (each copy's user+sys CPU, all threads, when its up:true state arrived: from
 *       /proc/PID/stat, 10 ms ticks), "child_cpu_ms=" (the same for the children it had reaped by then,
 *       e.g. runc create and start) and "all_up_ms=". Then reads commands on stdin, one a line:
 *         stop|kill  send the command to every copy, print "down_ms=" (command -> first up:false state)
 *         exit       send exit, wait for every copy to end, print "exit_ms=" and "status="
 *       At end of input it cleans up: kill, exit, and SIGKILL for a copy that did not end in time.
 *   probe fanout --clients N [--samples K] [--timeout S] [--log FILE] DIR -- PROG ARG...
 *       Starts one copy, connects N more clients, then prints "spread_ms=" (first -> last client receiving
 *       the same metrics sample, K samples) and "deliver_ms=" (kill command -> each client receiving the
 *       up:false state), then exits the supervisor.
 *   probe exec [--log FILE] -- PROG ARG... [::: PROG ARG...]...
 *       Runs the programs one after the other; prints "ms=" (all of them), "cpu_ms=" (their user+sys
 *       CPU and their reaped children's) and "parts_ms=" (each).
 *
 * Output lines are key=value; lists are comma separated; times are milliseconds.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/inotify.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_SUPS 256
#define BUF_SIZE 16384

/* One connection to a control socket and the SSE events read from it. */
struct conn {
  int fd;
  char buf[BUF_SIZE];
  size_t len;
  long events;      /* complete state events received */
  int last_up;      /* up flag of the latest state: 1, 0, or -1 before the first */
  double first_new; /* receipt time of the first event after a mark, 0 before */
  long mark;        /* events count when the mark was set */
  double down_at;   /* receipt time of the first up:false state after a mark, 0 before */
  double first_up;  /* receipt time of the first up:true state, 0 before */
};

/* One supervised program started by the probe. */
struct sup {
  char dir[4096];
  pid_t pid;
  int wd;
  int connected;
  int exited;
  int status;
  double forked_at, up_at, cmd_at, exit_at;
  double forked_wall; /* CLOCK_REALTIME at the fork, to line up with the supervisor's log timestamps */
  double cpu_up_ms;   /* its own CPU (user+sys, all threads) when the first up:true state arrived */
  double child_cpu_up_ms; /* CPU of the children it had reaped by then (runc create, runc start) */
  struct conn c;
};

static struct sup sups[MAX_SUPS];
static int nsups;
static int inotify_fd = -1;
static int epoll_fd = -1;
static const char *log_path = "/dev/null";
static double timeout_s = 60;

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static void die(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fprintf(stderr, "probe: ");
  vfprintf(stderr, fmt, ap);
  fprintf(stderr, "\n");
  va_end(ap);
  exit(1);
}

static void say(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vprintf(fmt, ap);
  va_end(ap);
  putchar('\n');
  fflush(stdout);
}

/* A thousand clients need a thousand descriptors: raise the soft limit to the hard one. */
static void raise_fd_limit(void) {
  struct rlimit r;
  if (getrlimit(RLIMIT_NOFILE, &r) == 0 && r.rlim_cur < r.rlim_max) {
    r.rlim_cur = r.rlim_max;
    setrlimit(RLIMIT_NOFILE, &r);
  }
}

static void epoll_add(int fd, void *ptr) {
  struct epoll_event ev = {.events = EPOLLIN, .data.ptr = ptr};
  if (epoll_ctl(epoll_fd, EPOLL_CTL_ADD, fd, &ev) != 0) die("epoll_ctl: %s", strerror(errno));
}

/* Connects to PATH; -1 with errno set when nobody listens yet. */
static int connect_unix(const char *path) {
  struct sockaddr_un addr = {.sun_family = AF_UNIX};
  if (strlen(path) >= sizeof addr.sun_path) die("socket path too long: %s", path);
  strcpy(addr.sun_path, path);
  int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) die("socket: %s", strerror(errno));
  if (connect(fd, (struct sockaddr *)&addr, sizeof addr) != 0) {
    int saved = errno;
    close(fd);
    errno = saved;
    return -1;
  }
  return fd;
}

static void send_command(struct conn *c, const char *command) {
  char frame[64];
  /* As the original agent sends commands: an event with an empty data line (SPEC §5 reads both). */
  int n = snprintf(frame, sizeof frame, "event: %s\ndata\n\n", command);
  if (write(c->fd, frame, n) != n) die("cannot send %s: %s", command, strerror(errno));
}

/* Handles one complete event (text up to, not including, the blank line) received at time t. */
static void on_event(struct conn *c, char *event, double t) {
  if (strncmp(event, "event: state\n", 13) != 0) return;
  const char *data = strstr(event, "\ndata: {");
  if (data == NULL) return;
  int up = strstr(data, "\"up\":true") != NULL;
  c->events++;
  c->last_up = up;
  if (up && c->first_up == 0) c->first_up = t;
  if (c->mark >= 0 && c->first_new == 0 && c->events > c->mark) c->first_new = t;
  if (c->mark >= 0 && c->down_at == 0 && !up) c->down_at = t;
}

/* Reads what is available and dispatches complete events; 0 at end of stream. */
static int conn_read(struct conn *c) {
  ssize_t n = read(c->fd, c->buf + c->len, sizeof c->buf - 1 - c->len);
  if (n < 0 && (errno == EAGAIN || errno == EINTR)) return 1;
  if (n <= 0) return 0;
  double t = now_ms();
  c->len += n;
  c->buf[c->len] = 0;
  char *start = c->buf, *end;
  while ((end = strstr(start, "\n\n")) != NULL) {
    end[1] = 0;
    on_event(c, start, t);
    start = end + 2;
  }
  c->len -= start - c->buf;
  memmove(c->buf, start, c->len);
  if (c->len == sizeof c->buf - 1) die("an event larger than %d bytes", BUF_SIZE);
  return 1;
}

static void conn_init(struct conn *c, int fd) {
  memset(c, 0, sizeof *c);
  c->fd = fd;
  c->last_up = -1;
  c->mark = -1;
}

/* Starts counting new events (first_new) and down states (down_at) from now on. */
static void conn_mark(struct conn *c) {
  c->mark = c->events;
  c->first_new = 0;
  c->down_at = 0;
}

/* utime+stime of PID and of its reaped children (cutime+cstime), in ms; -1 when unreadable. */
static void proc_cpu(pid_t pid, double *self_ms, double *children_ms) {
  char path[64], buf[2048];
  *self_ms = *children_ms = -1;
  snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;
  ssize_t n = read(fd, buf, sizeof buf - 1);
  close(fd);
  if (n <= 0) return;
  buf[n] = 0;
  /* Fields after "(comm)": 3 state ... 14 utime 15 stime 16 cutime 17 cstime (proc(5)). */
  char *p = strrchr(buf, ')');
  if (p == NULL) return;
  unsigned long long v[20] = {0};
  int field = 2;
  for (char *tok = strtok(p + 1, " "); tok != NULL && field < 17; tok = strtok(NULL, " ")) {
    field++;
    if (field >= 14) v[field] = strtoull(tok, NULL, 10);
  }
  if (field < 17) return;
  double tick = 1e3 / sysconf(_SC_CLK_TCK);
  *self_ms = (v[14] + v[15]) * tick;
  *children_ms = (v[16] + v[17]) * tick;
}

static void spawn(struct sup *s, char **argv) {
  int out = open(log_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (out < 0) die("cannot open %s: %s", log_path, strerror(errno));
  struct timespec wall;
  clock_gettime(CLOCK_REALTIME, &wall);
  s->forked_at = now_ms();
  s->forked_wall = wall.tv_sec * 1e3 + wall.tv_nsec / 1e6;
  pid_t pid = fork();
  if (pid < 0) die("fork: %s", strerror(errno));
  if (pid == 0) {
    int in = open("/dev/null", O_RDONLY);
    if (chdir(s->dir) != 0 || in < 0) _exit(126);
    /* Start it as an agent would: default dispositions, not what our parents chose to ignore. */
    signal(SIGPIPE, SIG_DFL);
    signal(SIGINT, SIG_DFL);
    signal(SIGQUIT, SIG_DFL);
    dup2(in, 0);
    dup2(out, 1);
    dup2(out, 2);
    execvp(argv[0], argv);
    _exit(127);
  }
  close(out);
  s->pid = pid;
}

/* argv with every "{i}" replaced by the index (for distinct container IDs). */
static char **argv_for(char **argv, int index) {
  int n = 0;
  while (argv[n]) n++;
  char **copy = calloc(n + 1, sizeof *copy);
  for (int i = 0; i < n; i++) {
    char *at = strstr(argv[i], "{i}");
    if (at == NULL) {
      copy[i] = argv[i];
    } else if (asprintf(&copy[i], "%.*s%d%s", (int)(at - argv[i]), argv[i], index, at + 3) < 0) {
      die("out of memory");
    }
  }
  return copy;
}

static void try_connect(struct sup *s) {
  char path[4200];
  snprintf(path, sizeof path, "%.4000s/control", s->dir);
  int fd = connect_unix(path);
  if (fd < 0) return; /* not there or not listening yet: the caller retries */
  conn_init(&s->c, fd);
  s->connected = 1;
  epoll_add(fd, &s->c);
}

static void reap(void) {
  int status;
  pid_t pid;
  while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
    for (int i = 0; i < nsups; i++) {
      if (sups[i].pid == pid) {
        sups[i].exited = 1;
        sups[i].status = status;
        sups[i].exit_at = now_ms();
      }
    }
  }
}

static void on_inotify(void) {
  char buf[8192] __attribute__((aligned(__alignof__(struct inotify_event))));
  ssize_t n = read(inotify_fd, buf, sizeof buf);
  for (char *p = buf; n > 0 && p < buf + n;) {
    struct inotify_event *e = (struct inotify_event *)p;
    if (e->len > 0 && strcmp(e->name, "control") == 0) {
      for (int i = 0; i < nsups; i++) {
        if (sups[i].wd == e->wd && !sups[i].connected) try_connect(&sups[i]);
      }
    }
    p += sizeof *e + e->len;
  }
}

/* One round of waiting: inotify, connections, stdin (when wanted); returns 1 if stdin is readable. */
static int pump(int timeout_ms, int watch_stdin) {
  int pending = 0;
  for (int i = 0; i < nsups; i++) {
    if (!sups[i].connected && sups[i].wd >= 0 && !sups[i].exited) {
      /* The socket may exist but not listen yet (bind comes before listen): retry within 0.1 ms. */
      struct stat st;
      char path[4200];
      snprintf(path, sizeof path, "%.4000s/control", sups[i].dir);
      if (stat(path, &st) == 0) try_connect(&sups[i]);
      if (!sups[i].connected && stat(path, &st) == 0) pending = 1;
    }
  }
  if (pending) timeout_ms = 0;
  struct epoll_event events[64];
  int n = epoll_wait(epoll_fd, events, 64, timeout_ms);
  if (pending && n == 0) {
    struct timespec pause = {0, 100000};
    nanosleep(&pause, NULL);
  }
  int stdin_ready = 0;
  for (int i = 0; i < n; i++) {
    void *p = events[i].data.ptr;
    if (p == &inotify_fd) {
      on_inotify();
    } else if (p == NULL) {
      stdin_ready = watch_stdin;
    } else {
      struct conn *c = p;
      if (!conn_read(c)) {
        epoll_ctl(epoll_fd, EPOLL_CTL_DEL, c->fd, NULL);
        close(c->fd);
        c->fd = -1;
      }
    }
  }
  reap();
  return stdin_ready;
}

/* Stdin is watched only while waiting for a command: unread lines must not wake every later wait. */
static void watch_stdin(int on) {
  struct epoll_event ev = {.events = EPOLLIN, .data.ptr = NULL};
  epoll_ctl(epoll_fd, on ? EPOLL_CTL_ADD : EPOLL_CTL_DEL, 0, &ev);
}

static void setup(void) {
  raise_fd_limit();
  epoll_fd = epoll_create1(EPOLL_CLOEXEC);
  inotify_fd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
  if (epoll_fd < 0 || inotify_fd < 0) die("epoll/inotify: %s", strerror(errno));
  epoll_add(inotify_fd, &inotify_fd);
}

/* Starts COUNT copies of ARGV and waits until each reported up:true; returns 0 if all did. */
static int start_all(const char *dir, int count, char **argv) {
  for (int i = 0; i < count; i++) {
    struct sup *s = &sups[nsups++];
    if (count == 1) {
      snprintf(s->dir, sizeof s->dir, "%s", dir);
    } else {
      snprintf(s->dir, sizeof s->dir, "%s/%d", dir, i);
    }
    /* Watch before the fork, so the socket's creation cannot be missed. */
    s->wd = inotify_add_watch(inotify_fd, s->dir, IN_CREATE | IN_MOVED_TO);
    if (s->wd < 0) die("inotify on %s: %s", s->dir, strerror(errno));
  }
  for (int i = 0; i < count; i++) spawn(&sups[i], count == 1 ? argv : argv_for(argv, i));
  printf("pid=");
  for (int i = 0; i < count; i++) printf("%s%d", i ? "," : "", sups[i].pid);
  say("");
  double deadline = now_ms() + timeout_s * 1e3;
  int waiting = count;
  while (waiting > 0 && now_ms() < deadline) {
    pump(20, 0);
    waiting = 0;
    for (int i = 0; i < count; i++) {
      struct sup *s = &sups[i];
      if (s->up_at == 0 && s->connected && s->c.first_up != 0) {
        s->up_at = s->c.first_up;
        proc_cpu(s->pid, &s->cpu_up_ms, &s->child_cpu_up_ms);
      }
      if (s->up_at == 0 && !s->exited) waiting++;
      if (s->up_at == 0 && s->exited) {
        say("error=copy %d exited with status %d before it was up", i, s->status);
        return 1;
      }
    }
  }
  if (waiting > 0) {
    say("error=%d of %d not up within %.0f s", waiting, count, timeout_s);
    return 1;
  }
  return 0;
}

/* Fork -> receipt of the first up:true state, per copy; and first fork -> the last copy up. */
static void print_up(void) {
  double first = sups[0].forked_at, last = 0;
  printf("up_ms=");
  for (int i = 0; i < nsups; i++) {
    printf("%s%.3f", i ? "," : "", sups[i].up_at - sups[i].forked_at);
    if (sups[i].up_at > last) last = sups[i].up_at;
  }
  say("");
  printf("cpu_ms=");
  for (int i = 0; i < nsups; i++) printf("%s%.0f", i ? "," : "", sups[i].cpu_up_ms);
  say("");
  printf("child_cpu_ms=");
  for (int i = 0; i < nsups; i++) printf("%s%.0f", i ? "," : "", sups[i].child_cpu_up_ms);
  say("");
  say("forked_wall_ms=%.3f", sups[0].forked_wall);
  say("all_up_ms=%.3f", last - first);
}

static int wait_all_down(double limit_ms) {
  double deadline = now_ms() + limit_ms;
  for (;;) {
    int waiting = 0;
    for (int i = 0; i < nsups; i++) {
      if (sups[i].c.fd >= 0 && sups[i].c.down_at == 0) waiting++;
    }
    if (waiting == 0) return 0;
    if (now_ms() > deadline) return waiting;
    pump(20, 0);
  }
}

static void command_down(const char *command) {
  for (int i = 0; i < nsups; i++) {
    if (sups[i].c.fd < 0) continue;
    conn_mark(&sups[i].c);
    sups[i].cmd_at = now_ms();
    send_command(&sups[i].c, command);
  }
  int late = wait_all_down(20000);
  if (late) say("error=%d not down 20 s after %s", late, command);
  printf("down_ms=");
  for (int i = 0; i < nsups; i++) {
    double d = sups[i].c.down_at ? sups[i].c.down_at - sups[i].cmd_at : -1;
    printf("%s%.3f", i ? "," : "", d);
  }
  say("");
}

static void command_exit(void) {
  double sent = now_ms();
  for (int i = 0; i < nsups; i++) {
    if (sups[i].c.fd >= 0 && !sups[i].exited) send_command(&sups[i].c, "exit");
  }
  /* A JVM writing an AOT cache at exit takes a while: allow the whole --timeout. */
  double deadline = sent + timeout_s * 1e3;
  for (;;) {
    int alive = 0;
    for (int i = 0; i < nsups; i++) alive += !sups[i].exited;
    if (alive == 0) break;
    if (now_ms() > deadline) {
      say("error=%d still running %.0f s after exit: SIGKILL", alive, timeout_s);
      for (int i = 0; i < nsups; i++) {
        if (!sups[i].exited) kill(sups[i].pid, SIGKILL);
      }
      deadline = now_ms() + 5000;
    }
    pump(10, 0);
  }
  printf("exit_ms=");
  for (int i = 0; i < nsups; i++) printf("%s%.3f", i ? "," : "", sups[i].exit_at - sent);
  printf("\nstatus=");
  for (int i = 0; i < nsups; i++) {
    int st = sups[i].status;
    printf("%s%d", i ? "," : "", WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st));
  }
  say("");
}

/* Reads commands on stdin until it ends; cleans up whatever still runs. */
static void serve_stdin(void) {
  char line[256];
  size_t len = 0;
  for (;;) {
    watch_stdin(1);
    while (!pump(1000, 1)) {
    }
    watch_stdin(0);
    ssize_t n = read(0, line + len, sizeof line - 1 - len);
    if (n <= 0) break;
    len += n;
    line[len] = 0;
    char *nl;
    while ((nl = strchr(line, '\n')) != NULL) {
      *nl = 0;
      if (strcmp(line, "stop") == 0 || strcmp(line, "kill") == 0) {
        command_down(line);
      } else if (strcmp(line, "exit") == 0) {
        command_exit();
      } else if (line[0]) {
        say("error=unknown command %s", line);
      }
      len -= nl + 1 - line;
      memmove(line, nl + 1, len + 1);
    }
  }
  int alive = 0;
  for (int i = 0; i < nsups; i++) alive += !sups[i].exited;
  if (alive) {
    command_down("kill");
    command_exit();
  }
}

static char **after_dashes(int argc, char **argv, int from) {
  for (int i = from; i < argc; i++) {
    if (strcmp(argv[i], "--") == 0) {
      if (i + 1 >= argc) die("no program after --");
      return argv + i + 1;
    }
  }
  die("missing -- PROG ARG...");
  return NULL;
}

static int mode_up(int argc, char **argv) {
  int count = 1;
  const char *dir = NULL;
  for (int i = 2; i < argc && strcmp(argv[i], "--") != 0; i++) {
    if (strcmp(argv[i], "--count") == 0 && i + 1 < argc) {
      count = atoi(argv[++i]);
    } else if (strcmp(argv[i], "--timeout") == 0 && i + 1 < argc) {
      timeout_s = atof(argv[++i]);
    } else if (strcmp(argv[i], "--log") == 0 && i + 1 < argc) {
      log_path = argv[++i];
    } else {
      dir = argv[i];
    }
  }
  if (dir == NULL || count < 1 || count > MAX_SUPS) die("usage: probe up [--count N] DIR -- PROG...");
  setup();
  int failed = start_all(dir, count, after_dashes(argc, argv, 2));
  if (!failed) print_up();
  serve_stdin();
  return failed;
}

static void print_list(const char *key, double *values, int n) {
  printf("%s=", key);
  for (int i = 0; i < n; i++) printf("%s%.3f", i ? "," : "", values[i]);
  say("");
}

/* Waits until no client received anything for QUIET ms (so no publish is half delivered). */
static void settle(struct conn *clients, int n, double quiet) {
  long total = -1;
  double since = now_ms();
  while (now_ms() - since < quiet) {
    pump(10, 0);
    long sum = 0;
    for (int i = 0; i < n; i++) sum += clients[i].events;
    if (sum != total) {
      total = sum;
      since = now_ms();
    }
  }
}

static int mode_fanout(int argc, char **argv) {
  int nclients = 1, samples = 1;
  const char *dir = NULL;
  for (int i = 2; i < argc && strcmp(argv[i], "--") != 0; i++) {
    if (strcmp(argv[i], "--clients") == 0 && i + 1 < argc) {
      nclients = atoi(argv[++i]);
    } else if (strcmp(argv[i], "--samples") == 0 && i + 1 < argc) {
      samples = atoi(argv[++i]);
    } else if (strcmp(argv[i], "--timeout") == 0 && i + 1 < argc) {
      timeout_s = atof(argv[++i]);
    } else if (strcmp(argv[i], "--log") == 0 && i + 1 < argc) {
      log_path = argv[++i];
    } else {
      dir = argv[i];
    }
  }
  if (dir == NULL || nclients < 1) die("usage: probe fanout --clients N DIR -- PROG...");
  setup();
  if (start_all(dir, 1, after_dashes(argc, argv, 2))) return 1;
  print_up();
  char path[4200];
  snprintf(path, sizeof path, "%.4000s/control", dir);
  struct conn *clients = calloc(nclients, sizeof *clients);
  double *times = calloc(nclients, sizeof *times);
  for (int i = 0; i < nclients; i++) {
    int fd = connect_unix(path);
    if (fd < 0) die("client %d cannot connect: %s", i, strerror(errno));
    fcntl(fd, F_SETFL, O_NONBLOCK);
    conn_init(&clients[i], fd);
    epoll_add(fd, &clients[i]);
  }
  settle(clients, nclients, 300);
  for (int i = 0; i < nclients; i++) {
    if (clients[i].events < 1) die("client %d got no initial state", i);
  }
  /* Metrics samples: every client gets the same publish; how far apart are the first and the last? */
  double *spreads = calloc(samples, sizeof *spreads);
  for (int k = 0; k < samples; k++) {
    for (int i = 0; i < nclients; i++) conn_mark(&clients[i]);
    double deadline = now_ms() + 10000;
    int waiting = nclients;
    while (waiting > 0 && now_ms() < deadline) {
      pump(20, 0);
      waiting = 0;
      for (int i = 0; i < nclients; i++) waiting += clients[i].first_new == 0;
    }
    if (waiting) die("%d clients got no metrics sample within 10 s", waiting);
    double first = clients[0].first_new, last = first;
    for (int i = 0; i < nclients; i++) {
      if (clients[i].first_new < first) first = clients[i].first_new;
      if (clients[i].first_new > last) last = clients[i].first_new;
    }
    spreads[k] = last - first;
    settle(clients, nclients, 200);
  }
  print_list("spread_ms", spreads, samples);
  /* The kill command: from sending it to each client holding the down state. */
  for (int i = 0; i < nclients; i++) conn_mark(&clients[i]);
  conn_mark(&sups[0].c);
  double sent = now_ms();
  send_command(&sups[0].c, "kill");
  double deadline = sent + 20000;
  int waiting = nclients;
  while (waiting > 0 && now_ms() < deadline) {
    pump(20, 0);
    waiting = 0;
    for (int i = 0; i < nclients; i++) waiting += clients[i].down_at == 0;
  }
  if (waiting) die("%d clients got no down state within 20 s", waiting);
  for (int i = 0; i < nclients; i++) times[i] = clients[i].down_at - sent;
  print_list("deliver_ms", times, nclients);
  for (int i = 0; i < nclients; i++) close(clients[i].fd);
  command_exit();
  return 0;
}

static int mode_exec(int argc, char **argv) {
  char **prog = NULL;
  for (int i = 2; i < argc; i++) {
    if (strcmp(argv[i], "--log") == 0 && i + 1 < argc) {
      log_path = argv[++i];
    } else if (strcmp(argv[i], "--") == 0) {
      prog = argv + i + 1;
      break;
    }
  }
  if (prog == NULL || *prog == NULL) die("usage: probe exec -- PROG ARG... [::: PROG ARG...]");
  double parts[16];
  int nparts = 0, status = 0;
  struct sup s = {.dir = "."};
  struct rusage before, after;
  getrusage(RUSAGE_CHILDREN, &before);
  double start = now_ms();
  while (*prog && nparts < 16) {
    char **next = prog;
    while (*next && strcmp(*next, ":::") != 0) next++;
    int more = *next != NULL;
    *next = NULL;
    spawn(&s, prog);
    waitpid(s.pid, &status, 0);
    parts[nparts++] = now_ms() - s.forked_at;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) break;
    prog = more ? next + 1 : next;
  }
  say("ms=%.3f", now_ms() - start);
  getrusage(RUSAGE_CHILDREN, &after);
  /* The programs' CPU, and that of the children they reaped (runc's own init stages). */
  double cpu = (after.ru_utime.tv_sec - before.ru_utime.tv_sec + after.ru_stime.tv_sec -
                before.ru_stime.tv_sec) * 1e3 +
               (after.ru_utime.tv_usec - before.ru_utime.tv_usec + after.ru_stime.tv_usec -
                before.ru_stime.tv_usec) / 1e3;
  say("cpu_ms=%.1f", cpu);
  print_list("parts_ms", parts, nparts);
  say("status=%d", WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
  return status != 0;
}

int main(int argc, char **argv) {
  signal(SIGPIPE, SIG_IGN);
  if (argc >= 2 && strcmp(argv[1], "up") == 0) return mode_up(argc, argv);
  if (argc >= 2 && strcmp(argv[1], "fanout") == 0) return mode_fanout(argc, argv);
  if (argc >= 2 && strcmp(argv[1], "exec") == 0) return mode_exec(argc, argv);
  die("usage: probe up|fanout|exec ... (see the comment at the top of bench/src/probe.c)");
  return 2;
}
