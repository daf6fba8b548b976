# Shared by the launchers in this directory (sourced, not run): finds a Java >= 17.
# The caller sets PROGRAM (for messages) before sourcing. See docs/operations.md.

# find_java — the java binary: $JAVA_HOME/bin/java when JAVA_HOME is set, else the first on PATH.
find_java() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    echo "$JAVA_HOME/bin/java"
  elif command -v java >/dev/null 2>&1; then
    command -v java
  else
    return 1
  fi
}

# java_major JAVA — its major version, from the JDK's release file (JAVA_VERSION="17.0.15") when there is
# one: starting a JVM only to ask `java -version` would double the start-up of a short command.
java_major() {
  release=$(dirname "$(dirname "$(readlink -f "$1" 2>/dev/null || echo "$1")")")/release
  major=
  if [ -r "$release" ]; then
    major=$(version_of '/^JAVA_VERSION=/' <"$release")
  fi
  if [ -z "$major" ]; then
    # `java -version` prints e.g. openjdk version "17.0.15", or "1.8.0_392" for Java 8.
    major=$("$1" -version 2>&1 | version_of '/version/')
  fi
  echo "$major"
}

# java_home_of JAVA — the real path of the JDK a java binary belongs to.
java_home_of() {
  dirname "$(dirname "$(readlink -f "$1" 2>/dev/null || echo "$1")")"
}

# version_of PATTERN — the major version in the first quoted version string on a line matching PATTERN.
version_of() {
  awk -F'"' "$1"' { split($2, v, "."); print (v[1] == "1") ? v[2] : v[1]; exit }'
}

# require_java — prints the java binary to use, or explains on stderr why there is none and fails.
require_java() {
  java=$(find_java) || {
    echo "$PROGRAM: no Java found: install Java 17 or newer, or set JAVA_HOME" >&2
    return 1
  }
  major=$(java_major "$java")
  case "$major" in
    ''|*[!0-9]*) echo "$PROGRAM: cannot tell the version of $java" >&2; return 1 ;;
  esac
  if [ "$major" -lt 17 ]; then
    echo "$PROGRAM: $java is Java $major; Java 17 or newer is required (set JAVA_HOME)" >&2
    return 1
  fi
  echo "$java"
}

# sharing_option ARCHIVE JAVA — the JVM option that maps a class data sharing archive, or nothing. An
# archive with a ARCHIVE.jdk beside it belongs to that JDK only; one without is tried by any JDK (the JVM
# skips a stale archive, and the launchers silence its warning).
sharing_option() {
  [ -s "$1" ] || return 0
  if [ -r "$1.jdk" ] && [ "$(cat "$1.jdk")" != "$(java_home_of "$2")" ]; then
    return 0
  fi
  echo "-XX:SharedArchiveFile=$1"
}
