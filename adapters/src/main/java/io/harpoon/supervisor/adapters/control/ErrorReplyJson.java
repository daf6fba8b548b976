package io.harpoon.supervisor.adapters.control;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The data of an {@code event: error} reply: the command as the client named it, and why it failed. */
@JsonPropertyOrder({"command", "error"})
record ErrorReplyJson(@JsonProperty("command") String command, @JsonProperty("error") String error) {}
