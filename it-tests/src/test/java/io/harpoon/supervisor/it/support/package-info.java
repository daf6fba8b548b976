/**
 * Test infrastructure of the end-to-end scenarios: run directories with a busybox rootfs, the
 * supervisor process, an independent control-socket client (SSE decoding, bounded waits), and the
 * {@link io.harpoon.supervisor.it.support.Environment} that says where the supervisor runs.
 */
package io.harpoon.supervisor.it.support;
