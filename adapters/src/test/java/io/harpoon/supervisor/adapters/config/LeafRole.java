package io.harpoon.supervisor.adapters.config;

/**
 * What a leaf of agent.json is for, with values that are fine there: a generator writes one of
 * these unless it chose to be hostile at that spot, so that documents are often valid but for a few
 * leaves and validation's rules for valid configs get exercised.
 */
enum LeafRole {
  LABEL("\"demo\"", "\"\"", "\"web\""),
  NAME("\"HTTP\"", "\"ADMIN\"", "\"GREETING\"", "\"A_B\"", "\"PATH\""),
  SECRET(),
  ARG("\"sh\"", "\"-c\"", "\"true\""),
  MOUNT_TARGET(
      "\"/scratch\"",
      "\"/data\"",
      "\"/a/b\"",
      "\"/var/lib/x/\"",
      "\"//x\"",
      "\"/x/./y\"",
      "\"/é\""),
  HOST_PATH("\"/srv/data\"", "\"/tmp\"", "\"/\""),
  WORKING_DIR("\"/\"", "\"/app\"", "\"\""),
  MEMORY("64", "0", "1024"),
  CPU("0.5", "0", "2", "1.5"),
  FILES("1024", "4096", "1"),
  PORT("8080", "0", "65535"),
  TMP_SIZE("16", "-1", "1"),
  DURATION("\"1s\"", "\"250ms\"", "\"1m30s\"", "\"\""),
  RESTART("\"no\"", "\"on-failure\"", "\"always\"");

  private final String[] fine;

  LeafRole(String... fine) {
    this.fine = fine;
  }

  /** A fine value for this role; SECRET has none of its own (see {@link JsonLeaves#secret}). */
  String fine(int pick) {
    return fine[pick % fine.length];
  }

  boolean hasFineValues() {
    return fine.length > 0;
  }
}
