package io.harpoon.supervisor.domain.container;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The name that identifies a container on the host. It names the cgroup ({@code harpoon/ID}) and the OCI
 * runtime's container id, so it is restricted to characters that are safe in a path component.
 */
public record ContainerId(String value) {

  private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

  /** Rules, in words, for error messages. */
  public static final String RULE = "1-128 characters from [A-Za-z0-9_.-], starting with a letter or digit";

  public ContainerId {
    Objects.requireNonNull(value, "value");
    if (!isValid(value)) {
      throw new IllegalArgumentException("invalid container ID '" + value + "': " + RULE);
    }
  }

  /** The id, or empty when {@code value} breaks {@link #RULE}. */
  public static Optional<ContainerId> parse(String value) {
    return isValid(value) ? Optional.of(new ContainerId(value)) : Optional.empty();
  }

  /**
   * The container's cgroup, relative to each hierarchy's root: {@code harpoon/ID} (SPEC §3). The one place
   * that says so: the runtime's config and the metrics readers both ask here.
   */
  public String cgroup() {
    return "harpoon/" + value;
  }

  private static boolean isValid(String value) {
    return value != null && ALLOWED.matcher(value).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
