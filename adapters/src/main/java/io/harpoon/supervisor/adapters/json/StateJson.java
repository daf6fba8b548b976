package io.harpoon.supervisor.adapters.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import io.harpoon.supervisor.domain.container.ExitStatus;
import io.harpoon.supervisor.domain.lifecycle.ContainerProcessState;
import java.io.IOException;
import java.util.Optional;

/**
 * ContainerProcessState on the wire (SPEC §5), shared by the control socket and {@code state.json}. Key
 * order and omission rules reproduce the original supervisor byte for byte: {@code err} only when set,
 * every other key always. Written with the streaming generator ({@link #write}); the annotations serve
 * reading it back with databind.
 */
@JsonPropertyOrder({
  "up", "restarting", "err", "container_exit_status", "restarts", "ooms", "container_metrics"
})
public record StateJson(
    @JsonProperty("up") boolean up,
    @JsonProperty("restarting") boolean restarting,
    @JsonProperty("err") @JsonInclude(JsonInclude.Include.NON_EMPTY) String err,
    @JsonProperty("container_exit_status") ExitStatusJson containerExitStatus,
    @JsonProperty("restarts") int restarts,
    @JsonProperty("ooms") int ooms,
    @JsonProperty("container_metrics") MetricsJson containerMetrics) {

  /** The wire form of {@code state}. */
  public static StateJson of(ContainerProcessState state) {
    return new StateJson(
        state.up(),
        state.restarting(),
        state.err(),
        ExitStatusJson.of(state.exitStatus()),
        state.restarts(),
        state.ooms(),
        MetricsJson.of(state.metrics()));
  }

  /** The compact JSON text of {@code state}, as sent in a {@code data:} line. */
  public static String encode(ContainerProcessState state) {
    return Json.text(out -> write(state, out));
  }

  /** Writes {@code state} as one JSON object, the same as {@link #encode}. */
  public static void write(ContainerProcessState state, JsonGenerator out) throws IOException {
    out.writeStartObject();
    out.writeBooleanField("up", state.up());
    out.writeBooleanField("restarting", state.restarting());
    if (!state.err().isEmpty()) {
      out.writeStringField("err", state.err());
    }
    out.writeFieldName("container_exit_status");
    ExitStatusJson.write(state.exitStatus(), out);
    out.writeNumberField("restarts", state.restarts());
    out.writeNumberField("ooms", state.ooms());
    out.writeFieldName("container_metrics");
    MetricsJson.write(state.metrics(), out);
    out.writeEndObject();
  }

  /**
   * Back to the domain, or empty when this wire form does not describe a valid state (missing parts,
   * contradictory exit flags, negative counters).
   */
  public Optional<ContainerProcessState> toState() {
    if (containerExitStatus == null || containerMetrics == null) {
      return Optional.empty();
    }
    Optional<ExitStatus> status = containerExitStatus.toExitStatus();
    if (status.isEmpty() || restarts < 0 || ooms < 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new ContainerProcessState(
              up,
              restarting,
              err == null ? "" : err,
              status.get(),
              restarts,
              ooms,
              containerMetrics.toMetrics()));
    } catch (IllegalArgumentException invalid) {
      return Optional.empty();
    }
  }
}
