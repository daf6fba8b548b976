package io.harpoon.supervisor.it.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Image;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * The image the container suite runs the supervisor in, built locally FROM scratch (no registry is
 * needed or used) and tagged with the SHA-256 of its build context: the same files give the same
 * tag, and an image that already has it is reused instead of rebuilt. Tags of the repository older
 * than an hour are removed, so repeated builds do not pile up images.
 */
public final class ContainerImage {

  /** The repository of every image this class builds. */
  public static final String REPOSITORY = "harpoon-supervisor-it";

  /** Where the distribution's launcher is inside the image. */
  public static final String LAUNCHER = RootFilesystem.LAUNCHER;

  /** How old another tag of the repository must be to be removed. */
  private static final Duration STALE_AFTER = Duration.ofHours(1);

  private static final Logger LOG = LoggerFactory.getLogger(ContainerImage.class);
  private static ContainerImage shared;

  private final String name;
  private final boolean reused;
  private final Duration buildTime;
  private final long sizeBytes;

  private ContainerImage(String name, boolean reused, Duration buildTime, long sizeBytes) {
    this.name = name;
    this.reused = reused;
    this.buildTime = buildTime;
    this.sizeBytes = sizeBytes;
  }

  /**
   * The image for this machine's sources, built at most once per test JVM (in {@code
   * target/hs-container} under the working directory, which is the module's under failsafe).
   */
  public static synchronized ContainerImage forThisMachine() throws IOException {
    if (shared == null) {
      shared = build(ImageSources.ofThisMachine(), Path.of("target/hs-container"));
    }
    return shared;
  }

  /** Builds the image from {@code sources}, or reuses the one with the same content hash. */
  public static ContainerImage build(ImageSources sources, Path workDir) throws IOException {
    Path work = workDir.toAbsolutePath();
    long started = System.nanoTime();
    ContextTar context = new ContextTar(RootFilesystem.assemble(sources, work));
    String name = REPOSITORY + ":" + context.sha256().substring(0, 16);
    Duration assembly = Duration.ofNanos(System.nanoTime() - started);
    DockerClient docker = DockerClientFactory.instance().client();
    boolean reused = exists(docker, name);
    Duration buildTime = reused ? Duration.ZERO : dockerBuild(docker, context, name, work);
    removeOtherTags(docker, name);
    long size = docker.inspectImageCmd(name).exec().getSize();
    LOG.info(
        "image {} {} (context assembled in {} ms, docker build {} ms, {} MB)",
        name,
        reused ? "reused" : "built",
        assembly.toMillis(),
        buildTime.toMillis(),
        size / 1_000_000);
    return new ContainerImage(name, reused, buildTime, size);
  }

  /** {@code repository:tag}, e.g. {@code harpoon-supervisor-it:3f1c...}. */
  public String name() {
    return name;
  }

  /** Whether an image with this content already existed, so nothing was built. */
  public boolean reused() {
    return reused;
  }

  /** How long {@code docker build} took; zero when the image was reused. */
  public Duration buildTime() {
    return buildTime;
  }

  /** The image's size as Docker reports it. */
  public long sizeBytes() {
    return sizeBytes;
  }

  private static boolean exists(DockerClient docker, String name) {
    try {
      docker.inspectImageCmd(name).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  /** Writes the context tar to disk (the build reads it as a stream) and builds from it. */
  private static Duration dockerBuild(
      DockerClient docker, ContextTar context, String name, Path work) throws IOException {
    Path tar = work.resolve("context.tar");
    try (OutputStream out = Files.newOutputStream(tar)) {
      context.writeTo(out);
    }
    long started = System.nanoTime();
    try (InputStream in = Files.newInputStream(tar)) {
      docker
          .buildImageCmd(in)
          .withTags(Set.of(name))
          .withPull(false)
          .withRemove(true)
          .exec(new BuildImageResultCallback())
          .awaitImageId(5, TimeUnit.MINUTES);
    } finally {
      Files.deleteIfExists(tar);
    }
    return Duration.ofNanos(System.nanoTime() - started);
  }

  /**
   * Untags the other tags of the repository built more than {@link #STALE_AFTER} ago; Docker deletes
   * an image with its last tag. Younger ones are kept: test JVMs of other worktrees share the daemon
   * and may be about to start a container from theirs (each JVM checks its image once). By tag, not
   * by id, so an image that someone also tagged otherwise keeps that tag.
   */
  private static void removeOtherTags(DockerClient docker, String keep) {
    long staleBefore = Instant.now().minus(STALE_AFTER).getEpochSecond();
    for (Image image : docker.listImagesCmd().withReferenceFilter(REPOSITORY).exec()) {
      if (image.getCreated() == null || image.getCreated() >= staleBefore) {
        continue;
      }
      for (String tag : image.getRepoTags() == null ? new String[0] : image.getRepoTags()) {
        if (tag.startsWith(REPOSITORY + ":") && !tag.equals(keep)) {
          LOG.info("removing stale image {}", tag);
          docker.removeImageCmd(tag).withForce(true).exec();
        }
      }
    }
  }
}
