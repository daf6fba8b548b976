package io.harpoon.supervisor.domain.container;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Paths of agent.json become mount targets and bind sources: absolute, no '..', bounded. */
class PathRulesTest {

  @ParameterizedTest
  @ValueSource(strings = {"/", "/srv", "/a/b/c", "/a..b", "/a/./b", "/a/"})
  void absolutePath_absoluteProblem_isNone(String path) {
    assertThat(PathRules.absoluteProblem(path)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "'', is empty",
    "srv, is not absolute",
    "./srv, is not absolute",
    "/a/../b, contains '..'",
    "/.., contains '..'",
    "/a/.., contains '..'"
  })
  void badPath_absoluteProblem_saysWhy(String path, String why) {
    assertThat(PathRules.absoluteProblem(path)).contains(why);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/a\0b"})
  void pathWithNul_absoluteProblem_saysWhy(String path) {
    assertThat(PathRules.absoluteProblem(path)).contains("contains a NUL character");
  }

  @ParameterizedTest
  @ValueSource(ints = {4096, 4097})
  void longPath_absoluteProblem_boundedAt4096(int length) {
    String path = "/" + "a".repeat(length - 1);
    assertThat(PathRules.absoluteProblem(path).isPresent()).isEqualTo(length > 4096);
  }

  @ParameterizedTest
  @CsvSource({
    "/, is the root directory",
    "///, is the root directory",
    "/., is the root directory",
    "//././/, is the root directory",
    "tmp, is not absolute"
  })
  void rootOrRelative_mountTargetProblem_saysWhy(String path, String why) {
    assertThat(PathRules.mountTargetProblem(path)).contains(why);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/tmp", "/a/b", "/./x", "/.x", "/..."})
  void absoluteNonRoot_mountTargetProblem_isNone(String path) {
    assertThat(PathRules.mountTargetProblem(path)).isEmpty();
  }
}
