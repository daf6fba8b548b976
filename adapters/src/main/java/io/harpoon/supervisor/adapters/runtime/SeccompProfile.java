package io.harpoon.supervisor.adapters.runtime;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The container's seccomp filter ({@code linux.seccomp} of the OCI config): an allow-list, so a
 * system call nobody listed fails with {@code EPERM} — including the ones a newer kernel adds. The
 * calls are in {@link SeccompSyscalls}; here are the ones allowed only with some arguments.
 *
 * <p>Shaped like Docker's default profile, with fewer allowances: the container has no
 * capabilities, so nothing is granted per capability; {@code ptrace}, {@code process_vm_*}, {@code
 * kcmp}, {@code modify_ldt}, fanotify, the NUMA policy calls and every socket family but unix, IPv4
 * and IPv6 are refused too.
 */
final class SeccompProfile {

  /** {@code EPERM}: what a refused call returns, as when a capability is missing. */
  static final int REFUSED_ERRNO = 1;

  /** {@code ENOSYS} for {@code clone3}: C libraries then fall back to {@code clone}. */
  static final int NOT_IMPLEMENTED_ERRNO = 38;

  /**
   * The {@code CLONE_NEW*} flags (mount, cgroup, uts, ipc, user, pid, net, time): a new namespace.
   * Without capabilities only a user namespace can be made, and inside it the process would hold
   * every capability over the namespaces it creates next, the start of many kernel exploits.
   */
  static final long NAMESPACE_FLAGS = 0x7E020080L;

  /** AF_UNIX, AF_INET, AF_INET6: the socket families a service needs. */
  static final long[] SOCKET_FAMILIES = {1, 2, 10};

  /**
   * personality(2) values glibc and {@code setarch} use: PER_LINUX, PER_LINUX32, UNAME26 with each,
   * and the query 0xffffffff. Others can turn off address-space randomisation or map page zero.
   */
  static final long[] PERSONALITIES = {0x0, 0x8, 0x20000, 0x20008, 0xffffffffL};

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private SeccompProfile() {}

  /** The filter for a host whose {@code os.arch} is {@code arch} (e.g. amd64, aarch64). */
  static ObjectNode of(String arch) {
    ObjectNode seccomp = JSON.objectNode();
    seccomp.put("defaultAction", "SCMP_ACT_ERRNO");
    seccomp.put("defaultErrnoRet", REFUSED_ERRNO);
    ArrayNode architectures = seccomp.putArray("architectures");
    architectures(arch).forEach(architectures::add);
    ArrayNode rules = seccomp.putArray("syscalls");
    allow(rules, SeccompSyscalls.common());
    allow(rules, archOnly(arch));
    withoutFlags(rules, "clone", NAMESPACE_FLAGS & ~0x80L);
    withoutFlags(rules, "unshare", NAMESPACE_FLAGS);
    ObjectNode clone3 = rule(rules, "clone3", "SCMP_ACT_ERRNO");
    clone3.put("errnoRet", NOT_IMPLEMENTED_ERRNO);
    for (long family : SOCKET_FAMILIES) {
      argumentIs(rules, "socket", family);
    }
    for (long persona : PERSONALITIES) {
      argumentIs(rules, "personality", persona);
    }
    return seccomp;
  }

  /**
   * The native architecture and the 32-bit ones its kernel also runs; a call made through any other
   * architecture is refused by the runtime's filter. Unknown hosts get the native one only.
   */
  static List<String> architectures(String arch) {
    return switch (arch) {
      case "amd64", "x86_64" -> List.of("SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32");
      case "aarch64", "arm64" -> List.of("SCMP_ARCH_AARCH64", "SCMP_ARCH_ARM");
      default -> List.of();
    };
  }

  private static List<String> archOnly(String arch) {
    List<String> architectures = architectures(arch);
    if (architectures.contains("SCMP_ARCH_X86_64")) {
      return SeccompSyscalls.X86_64_ONLY;
    }
    return architectures.contains("SCMP_ARCH_ARM") ? SeccompSyscalls.ARM_ONLY : List.of();
  }

  private static void allow(ArrayNode rules, List<String> names) {
    if (names.isEmpty()) {
      return;
    }
    ObjectNode rule = rules.addObject();
    ArrayNode list = rule.putArray("names");
    names.forEach(list::add);
    rule.put("action", "SCMP_ACT_ALLOW");
  }

  /** Allows {@code name} when its first argument (the flags) has none of {@code flags} set. */
  private static void withoutFlags(ArrayNode rules, String name, long flags) {
    ObjectNode arg = rule(rules, name, "SCMP_ACT_ALLOW").putArray("args").addObject();
    arg.put("index", 0);
    arg.put("value", flags);
    arg.put("valueTwo", 0);
    arg.put("op", "SCMP_CMP_MASKED_EQ");
  }

  /** Allows {@code name} when its first argument is {@code value}. */
  private static void argumentIs(ArrayNode rules, String name, long value) {
    ObjectNode arg = rule(rules, name, "SCMP_ACT_ALLOW").putArray("args").addObject();
    arg.put("index", 0);
    arg.put("value", value);
    arg.put("op", "SCMP_CMP_EQ");
  }

  private static ObjectNode rule(ArrayNode rules, String name, String action) {
    ObjectNode rule = rules.addObject();
    rule.putArray("names").add(name);
    rule.put("action", action);
    return rule;
  }
}
