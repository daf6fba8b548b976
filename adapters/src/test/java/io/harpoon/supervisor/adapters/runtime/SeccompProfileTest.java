package io.harpoon.supervisor.adapters.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shape of the seccomp filter: what is refused stays refused, what a program needs is there.
 */
class SeccompProfileTest {

  private static final long CLONE_NEWUSER = 0x10000000L;
  private static final long CLONE_NEWNS = 0x20000L;
  private static final long CLONE_NEWNET = 0x40000000L;

  @ParameterizedTest
  @ValueSource(strings = {"amd64", "aarch64"})
  void anyHost_profile_refusesByDefaultWithEperm(String arch) {
    ObjectNode seccomp = SeccompProfile.of(arch);

    assertThat(seccomp.get("defaultAction").asText()).isEqualTo("SCMP_ACT_ERRNO");
    assertThat(seccomp.get("defaultErrnoRet").asInt()).isEqualTo(1);
  }

  @Test
  void eachHost_profile_coversItsNativeAndCompatArchitectures() {
    assertThat(texts(SeccompProfile.of("amd64").get("architectures")))
        .containsExactly("SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32");
    assertThat(texts(SeccompProfile.of("aarch64").get("architectures")))
        .containsExactly("SCMP_ARCH_AARCH64", "SCMP_ARCH_ARM");
    assertThat(SeccompProfile.of("riscv64").get("architectures")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"amd64", "aarch64"})
  void refusedCalls_profile_areAllowedByNoRule(String arch) {
    List<String> allowed = allowedNames(SeccompProfile.of(arch));

    assertThat(allowed).doesNotContainAnyElementsOf(SeccompSyscalls.REFUSED);
    assertThat(SeccompSyscalls.REFUSED)
        .contains("keyctl", "add_key", "request_key", "io_uring_setup", "perf_event_open", "bpf")
        .contains("fsopen", "fsmount", "move_mount", "open_tree", "fsconfig", "mount_setattr")
        .contains("ptrace", "process_vm_readv", "kexec_load", "init_module", "finit_module")
        .contains("setns", "mount", "socketcall", "userfaultfd");
  }

  @ParameterizedTest
  @ValueSource(strings = {"amd64", "aarch64"})
  void whatProgramsNeed_profile_isAllowedUnconditionally(String arch) {
    List<String> unconditional = unconditionalNames(SeccompProfile.of(arch));

    assertThat(unconditional)
        .contains("execve", "read", "write", "openat", "close", "mmap", "futex", "exit_group")
        .contains("rt_sigaction", "wait4", "pipe2", "epoll_pwait", "getdents64", "nanosleep")
        .contains("connect", "accept4", "inotify_init1", "prlimit64", "fork")
        .doesNotHaveDuplicates()
        .allMatch(name -> name.matches("[a-z_][a-z0-9_]*"))
        .doesNotContain("clone", "clone3", "unshare", "socket", "personality");
  }

  @Test
  void x86Host_profile_allowsArchPrctlOnly_armHostItsOwnCalls() {
    assertThat(unconditionalNames(SeccompProfile.of("amd64")))
        .contains("arch_prctl")
        .doesNotContain("set_tls");
    assertThat(unconditionalNames(SeccompProfile.of("aarch64")))
        .contains("set_tls")
        .doesNotContain("arch_prctl");
  }

  @Test
  void cloneAndUnshare_profile_allowedOnlyWithoutNamespaceFlags() {
    ObjectNode seccomp = SeccompProfile.of("amd64");

    for (String call : List.of("clone", "unshare")) {
      JsonNode rule = single(rulesFor(seccomp, call));
      JsonNode arg = single(rule.get("args"));
      assertThat(rule.get("action").asText()).isEqualTo("SCMP_ACT_ALLOW");
      assertThat(arg.get("op").asText()).isEqualTo("SCMP_CMP_MASKED_EQ");
      assertThat(arg.get("index").asInt()).isZero();
      assertThat(arg.get("valueTwo").asLong()).isZero();
      long mask = arg.get("value").asLong();
      assertThat(mask & CLONE_NEWUSER).as(call + " mask has CLONE_NEWUSER").isNotZero();
      assertThat(mask & CLONE_NEWNS).as(call + " mask has CLONE_NEWNS").isNotZero();
      assertThat(mask & CLONE_NEWNET).as(call + " mask has CLONE_NEWNET").isNotZero();
    }
    JsonNode clone = single(single(rulesFor(seccomp, "clone")).get("args"));
    assertThat(clone.get("value").asLong() & 0xff).as("the exit signal byte").isZero();
  }

  @Test
  void clone3_profile_failsWithEnosysSoLibcFallsBackToClone() {
    JsonNode rule = single(rulesFor(SeccompProfile.of("amd64"), "clone3"));

    assertThat(rule.get("action").asText()).isEqualTo("SCMP_ACT_ERRNO");
    assertThat(rule.get("errnoRet").asInt()).isEqualTo(38);
  }

  @Test
  void socket_profile_allowedForUnixInetAndInet6Only() {
    List<JsonNode> rules = rulesFor(SeccompProfile.of("amd64"), "socket");

    List<Long> families = new ArrayList<>();
    for (JsonNode rule : rules) {
      JsonNode arg = single(rule.get("args"));
      assertThat(arg.get("op").asText()).isEqualTo("SCMP_CMP_EQ");
      assertThat(arg.get("index").asInt()).isZero();
      families.add(arg.get("value").asLong());
    }
    assertThat(families).containsExactlyInAnyOrder(1L, 2L, 10L);
  }

  @Test
  void personality_profile_allowedForTheHarmlessPersonasOnly() {
    List<Long> values = new ArrayList<>();
    for (JsonNode rule : rulesFor(SeccompProfile.of("amd64"), "personality")) {
      values.add(single(rule.get("args")).get("value").asLong());
    }

    assertThat(values).containsExactlyInAnyOrder(0L, 8L, 0x20000L, 0x20008L, 0xffffffffL);
  }

  private static List<JsonNode> rulesFor(ObjectNode seccomp, String name) {
    return StreamSupport.stream(seccomp.get("syscalls").spliterator(), false)
        .filter(rule -> texts(rule.get("names")).contains(name))
        .toList();
  }

  private static List<String> allowedNames(ObjectNode seccomp) {
    return StreamSupport.stream(seccomp.get("syscalls").spliterator(), false)
        .filter(rule -> rule.get("action").asText().equals("SCMP_ACT_ALLOW"))
        .flatMap(rule -> texts(rule.get("names")).stream())
        .toList();
  }

  private static List<String> unconditionalNames(ObjectNode seccomp) {
    return StreamSupport.stream(seccomp.get("syscalls").spliterator(), false)
        .filter(rule -> rule.get("action").asText().equals("SCMP_ACT_ALLOW"))
        .filter(rule -> !rule.has("args"))
        .flatMap(rule -> texts(rule.get("names")).stream())
        .toList();
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  private static JsonNode single(Iterable<JsonNode> nodes) {
    List<JsonNode> list = new ArrayList<>();
    nodes.forEach(list::add);
    assertThat(list).hasSize(1);
    return list.get(0);
  }
}
