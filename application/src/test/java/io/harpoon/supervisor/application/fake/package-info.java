/** In-memory doubles of the ports, shared through the test-jar: Fake (works), Recording (captures), Manual (time). */
package io.harpoon.supervisor.application.fake;
