package io.harpoon.supervisor.application.port.out;

import io.harpoon.supervisor.domain.container.ConfigDraft;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link ConfigSource} found: a draft (defaults where a value could not be read) and the problems
 * it met that validation cannot see — unreadable file, not JSON, wrong types, missing rootfs.
 */
public record ConfigLoad(ConfigDraft draft, List<String> problems) {

  public ConfigLoad {
    Objects.requireNonNull(draft, "draft");
    problems = List.copyOf(problems);
  }
}
