/** The one Jackson configuration every adapter that reads or writes JSON uses. */
package io.harpoon.supervisor.adapters.json;
