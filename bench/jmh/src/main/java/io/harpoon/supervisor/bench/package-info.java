/**
 * JMH micro-benchmarks of the supervisor's hot in-process paths: what runs on every state change and
 * every metrics sample (the lifecycle transition, the state JSON, the SSE frame) and on every command
 * (the SSE decoder). Run by {@code bench/run.sh}; see {@code docs/benchmarks.md}.
 */
package io.harpoon.supervisor.bench;
