# Shared by the launchers in this directory (sourced, not run): picks the Java to run and the class data
# archive to give it. The caller sets PROGRAM (for messages) and HARPOON_HOME before sourcing.
# See docs/operations.md ("Which Java").
#
# The functions set variables instead of printing: a $(...) is a fork, and the launcher of a process
# started hundreds of times per host should cost next to nothing before the JVM.

# The usual places of installed JDKs (Debian/Ubuntu, RPM-based, tarballs, the Temurin images), as globs;
# HARPOON_JAVA_SEARCH replaces them (an unusual layout, or tests).
JAVA_SEARCH_PATH=${HARPOON_JAVA_SEARCH-/usr/lib/jvm/* /usr/java/* /opt/java/* /usr/local/java/*}

# release_version HOME — sets VERSION to JAVA_VERSION of HOME/release (e.g. 25.0.3), read by the shell.
release_version() {
  VERSION=
  [ -r "$1/release" ] || return 0
  while IFS= read -r line || [ -n "$line" ]; do
    case $line in
      JAVA_VERSION=*) line=${line#JAVA_VERSION=}; line=${line#\"}; VERSION=${line%%\"*}; return 0 ;;
    esac
  done <"$1/release"
}

# java_version HOME — sets VERSION from the release file; only a JDK without one is asked `java -version`
# (it prints e.g. openjdk version "17.0.15", or "1.8.0_392" for Java 8).
java_version() {
  release_version "$1"
  if [ -z "$VERSION" ]; then
    VERSION=$("$1/bin/java" -version 2>&1 | awk -F'"' '/version/ { print $2; exit }')
  fi
}

# major_of VERSION — sets MAJOR: 25.0.3 -> 25, 26-ea -> 26, 1.8.0_392 -> 8; empty when unreadable.
major_of() {
  MAJOR=${1%%[!0-9]*}
  if [ "$MAJOR" = 1 ]; then
    MAJOR=${1#1.}
    MAJOR=${MAJOR%%[!0-9]*}
  fi
}

# consider HOME — makes HOME the chosen JDK when it has bin/java, is Java 17 or newer and newer than the
# one chosen so far (so among equals the first considered wins).
consider() {
  [ -n "$1" ] && [ -x "$1/bin/java" ] || return 0
  java_version "$1"
  major_of "$VERSION"
  case "$MAJOR" in ''|*[!0-9]*) return 0 ;; esac
  if [ "$MAJOR" -ge 17 ] && [ "$MAJOR" -gt "$JAVA_MAJOR" ]; then
    JDK=$1
    JAVA_MAJOR=$MAJOR
    JAVA_VERSION=$VERSION
  fi
}

# pin VARIABLE HOME — makes HOME the chosen JDK, or explains on stderr, naming VARIABLE, why it cannot be.
pin() {
  consider "$2"
  if [ -z "$JDK" ]; then
    echo "$PROGRAM: $1=$2 is not a Java 17 or newer (no bin/java, or older): point it at one, or unset it to let $PROGRAM search" >&2
    return 1
  fi
}

# select_java — sets JDK (its real path), JAVA (its bin/java), JAVA_MAJOR and JAVA_VERSION, or explains on
# stderr why there is none and fails. HARPOON_JAVA_HOME pins the JDK, else JAVA_HOME does (as it does for
# Maven and Gradle); else the distribution's own runtime (HARPOON_HOME/runtime, linked by the build from the
# newest JDK it had, its class data made for it) when it is there; else the newest of the usual places and
# the java on PATH.
select_java() {
  JDK= JAVA_MAJOR=0 JAVA_VERSION=
  if [ -z "${HARPOON_JAVA_HOME:-}" ] && [ -z "${JAVA_HOME:-}" ] && [ -x "$HARPOON_HOME/runtime/bin/java" ]; then
    # No search: nothing to compare, no process to start (HARPOON_HOME is already a physical path).
    consider "$HARPOON_HOME/runtime"
    if [ -n "$JDK" ]; then
      JAVA=$JDK/bin/java
      return 0
    fi
  fi
  if [ -n "${HARPOON_JAVA_HOME:-}" ]; then
    pin HARPOON_JAVA_HOME "$HARPOON_JAVA_HOME" || return 1
  elif [ -n "${JAVA_HOME:-}" ]; then
    pin JAVA_HOME "$JAVA_HOME" || return 1
  else
    for home in $JAVA_SEARCH_PATH; do
      consider "$home"
    done
    if on_path=$(command -v java); then
      # /usr/bin/java is usually a chain of links (alternatives) into a JDK's bin/.
      on_path=$(readlink -f "$on_path" 2>/dev/null || echo "$on_path")
      consider "${on_path%/bin/java}"
    fi
    if [ -z "$JDK" ]; then
      echo "$PROGRAM: no Java 17 or newer found ($JAVA_SEARCH_PATH, PATH): install one, or set JAVA_HOME" >&2
      return 1
    fi
  fi
  JDK=$(cd -P "$JDK" && pwd)
  JAVA=$JDK/bin/java
}

# class_data ARCHIVE_BASE — sets the class data archive for the chosen JDK: ARCHIVE (its path), ARCHIVE_USE
# and ARCHIVE_DUMP (the JVM options that map it and that write it), CLASS_DATA (the option to pass, empty
# when none) and CLASS_DATA_STATUS (what --version says). Java 25 and newer get an AOT cache (JEP 483/514,
# ARCHIVE_BASE.aot), older ones a dynamic AppCDS archive (ARCHIVE_BASE.jsa). ARCHIVE.jdk, written by the
# training (JDK_STAMP), names the JDK the archive was made by: another JDK is not given it.
class_data() {
  if [ "$JAVA_MAJOR" -ge 25 ]; then
    ARCHIVE=$1.aot KIND="AOT cache"
    ARCHIVE_USE=-XX:AOTCache=$ARCHIVE ARCHIVE_DUMP=-XX:AOTCacheOutput=
  else
    ARCHIVE=$1.jsa KIND="AppCDS archive"
    ARCHIVE_USE=-XX:SharedArchiveFile=$ARCHIVE ARCHIVE_DUMP=-XX:ArchiveClassesAtExit=
  fi
  CLASS_DATA=
  STAMP=
  # The stamp names the distribution's own runtime by its place in the distribution, so the archive stays
  # valid wherever the distribution is unpacked (the JVM itself accepts a moved runtime and class path).
  JDK_STAMP="$JDK $JAVA_VERSION"
  [ "$JDK" != "$HARPOON_HOME/runtime" ] || JDK_STAMP="HARPOON_HOME/runtime $JAVA_VERSION"
  [ -r "$ARCHIVE.jdk" ] && read -r STAMP <"$ARCHIVE.jdk"
  if [ "${HARPOON_CLASS_DATA:-on}" = off ]; then
    CLASS_DATA_STATUS="not used (HARPOON_CLASS_DATA=off)"
  elif [ ! -s "$ARCHIVE" ]; then
    CLASS_DATA_STATUS="none for Java $JAVA_MAJOR (no $ARCHIVE; make one with $PROGRAM --train-class-data)"
  elif [ "$STAMP" != "$JDK_STAMP" ]; then
    CLASS_DATA_STATUS="not used: $ARCHIVE was made for another JDK (${STAMP:-unknown}; retrain with $PROGRAM --train-class-data)"
  else
    CLASS_DATA=$ARCHIVE_USE
    CLASS_DATA_STATUS="$KIND $ARCHIVE"
  fi
}

# quiet_class_data — the options that keep the JVM silent about an archive it cannot use (it would print
# on stdout, into the container's log or harpoonctl's --json output) and start without it.
quiet_class_data() {
  if [ "$JAVA_MAJOR" -ge 25 ]; then
    QUIET_CLASS_DATA="-Xlog:cds*=off -Xlog:aot*=off"
  else
    QUIET_CLASS_DATA="-Xlog:cds*=off"
  fi
}

# train TRAINING_CLASS — makes the class data for the chosen JDK from a training run (TRAINING_CLASS, run by
# the launcher's own jvm function, so with exactly its flags and class path), then stamps it with that JDK.
# class_data must have run. HARPOON_TRAINING_LOG=FILE records the classes the run loads.
train() {
  tmp=$ARCHIVE.tmp.$$
  log=${HARPOON_TRAINING_LOG:+-Xlog:class+load=info:file=$HARPOON_TRAINING_LOG:none}
  CLASS_DATA_STATUS=training
  rm -f "$tmp" "$tmp.config"
  if [ "$JAVA_MAJOR" -ge 25 ]; then
    # Two steps rather than -XX:AOTCacheOutput's one: its second JVM would rewrite the class list.
    jvm "" -XX:AOTMode=record -XX:AOTConfiguration="$tmp.config" ${log:+"$log"} "$1" \
      && jvm "" -XX:AOTMode=create -XX:AOTConfiguration="$tmp.config" -XX:AOTCache="$tmp" || true
    rm -f "$tmp.config"
  else
    jvm "" "$ARCHIVE_DUMP$tmp" ${log:+"$log"} "$1" || true
  fi
  if [ ! -s "$tmp" ]; then
    rm -f "$tmp"
    echo "$PROGRAM: the training run on $JDK made no $KIND" >&2
    return 1
  fi
  rm -f "$ARCHIVE.jdk"
  mv -f "$tmp" "$ARCHIVE"
  echo "$JDK_STAMP" >"$ARCHIVE.jdk"
  echo "$PROGRAM: $KIND $ARCHIVE made for Java $JAVA_VERSION at $JDK"
}
