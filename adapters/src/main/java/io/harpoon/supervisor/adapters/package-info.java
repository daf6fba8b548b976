/** One package per port implementation; adapters translate, they do not decide. */
package io.harpoon.supervisor.adapters;
