package io.harpoon.supervisor.adapters.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import io.harpoon.supervisor.domain.container.ExitStatus;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code container_exit_status} on the wire: every flag and number is omitted when false or 0, so "no
 * exit" is {@code {}} and a clean exit is {@code {"exited":true}}, exactly as the original supervisor
 * wrote them. {@code unknown} is our extension for an exit that could not be observed (SPEC §8).
 */
@JsonPropertyOrder({"exited", "exit_status", "signaled", "signal", "oomed", "unknown"})
public record ExitStatusJson(
    @JsonProperty("exited") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean exited,
    @JsonProperty("exit_status") @JsonInclude(JsonInclude.Include.NON_DEFAULT) int exitStatus,
    @JsonProperty("signaled") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean signaled,
    @JsonProperty("signal") @JsonInclude(JsonInclude.Include.NON_DEFAULT) int signal,
    @JsonProperty("oomed") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean oomed,
    @JsonProperty("unknown") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean unknown) {

  /** The wire form of {@code status}. */
  public static ExitStatusJson of(ExitStatus status) {
    if (status instanceof ExitStatus.None) {
      return new ExitStatusJson(false, 0, false, 0, false, false);
    }
    if (status instanceof ExitStatus.Exited) {
      return new ExitStatusJson(true, ((ExitStatus.Exited) status).code(), false, 0, false, false);
    }
    if (status instanceof ExitStatus.Signaled) {
      return new ExitStatusJson(false, 0, true, ((ExitStatus.Signaled) status).signal(), false, false);
    }
    if (status instanceof ExitStatus.OomKilled) {
      return new ExitStatusJson(false, 0, false, 0, true, false);
    }
    if (status instanceof ExitStatus.Unknown) {
      return new ExitStatusJson(false, 0, false, 0, false, true);
    }
    throw new AssertionError("unmapped exit status " + status);
  }

  /** Writes {@code status} as this record's JSON object: only the keys that are set. */
  static void write(ExitStatus status, JsonGenerator out) throws IOException {
    ExitStatusJson json = of(status);
    out.writeStartObject();
    if (json.exited) {
      out.writeBooleanField("exited", true);
    }
    if (json.exitStatus != 0) {
      out.writeNumberField("exit_status", json.exitStatus);
    }
    if (json.signaled) {
      out.writeBooleanField("signaled", true);
    }
    if (json.signal != 0) {
      out.writeNumberField("signal", json.signal);
    }
    if (json.oomed) {
      out.writeBooleanField("oomed", true);
    }
    if (json.unknown) {
      out.writeBooleanField("unknown", true);
    }
    out.writeEndObject();
  }

  /** The exit status this wire form names, or empty when its flags contradict each other. */
  public Optional<ExitStatus> toExitStatus() {
    int flags = (exited ? 1 : 0) + (signaled ? 1 : 0) + (oomed ? 1 : 0) + (unknown ? 1 : 0);
    if (flags > 1 || (!exited && exitStatus != 0) || (!signaled && signal != 0)) {
      return Optional.empty();
    }
    if (exited) {
      return Optional.of(new ExitStatus.Exited(exitStatus));
    }
    if (signaled) {
      return Optional.of(new ExitStatus.Signaled(signal));
    }
    if (oomed) {
      return Optional.of(new ExitStatus.OomKilled());
    }
    return Optional.of(unknown ? new ExitStatus.Unknown() : ExitStatus.NONE);
  }
}
