#!/bin/sh
# Build step (bootstrap/pom.xml, prepare-package): links the distribution's own Java runtime into
# DIST/runtime with jlink, from the newest JDK of this machine (the launchers' own search, so
# HARPOON_JAVA_HOME pins another), with only the modules the supervisor needs. The launchers prefer it,
# and the class data training that follows is made for exactly this runtime. A JDK without jlink (or a
# pre-24 JDK without jmods) leaves the distribution without a runtime: the launchers then search the host.
#
#   link-runtime.sh DIST CACHE_DIR
#
# jlink takes tens of seconds; its output is kept in CACHE_DIR under a name made of the JDK, its version
# and the modules, so a rebuild copies it instead (mvn clean removes it).
set -eu
DIST=$1
CACHE=$2
PROGRAM=link-runtime
# The modules, from jdeps --print-module-deps on each jar of the distribution: jnr-posix needs
# java.management; Guice, Guava, jffi and jnr-ffi java.logging; jffi, Guice and Guava jdk.unsupported.
# jdeps on all jars at once also names java.desktop, java.sql (Jackson's optional java.beans and
# java.sql.Date support, looked up reflectively) and java.compiler (error_prone's annotations): none is
# needed at run time (it-tests/.../container/JavaRuntime.java links the same set for its image).
MODULES=java.base,java.logging,java.management,jdk.unsupported

rm -rf "$DIST/runtime"
HARPOON_HOME=$DIST
. "$DIST/bin/launcher-common.sh"
select_java || exit 1
if [ ! -x "$JDK/bin/jlink" ]; then
  echo "$PROGRAM: $JDK has no jlink: the distribution has no Java runtime of its own" >&2
  exit 0
fi
KEY=$(printf '%s %s %s' "$JDK" "$JAVA_VERSION" "$MODULES" | cksum | cut -d ' ' -f 1)
LINKED=$CACHE/runtime-$JAVA_VERSION-$KEY
if [ ! -x "$LINKED/bin/java" ]; then
  mkdir -p "$CACHE"
  rm -rf "$LINKED.partial"
  # No debug attributes, headers or man pages: a smaller runtime to ship and to map. Below Java 25 the
  # distribution's class data is a dynamic AppCDS archive, which builds on the runtime's own CDS archive:
  # jlink makes that one (the one for compressed oops only; the launcher caps the heap at 64 MB). From 25
  # on the AOT cache holds the JDK's classes too, and the runtime needs none.
  CDS=
  [ "$JAVA_MAJOR" -ge 25 ] || CDS=--generate-cds-archive
  if ! "$JDK/bin/jlink" --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages $CDS \
    --output "$LINKED.partial" >"$CACHE/jlink.log" 2>&1; then
    echo "$PROGRAM: jlink of $JDK failed, the distribution has no Java runtime of its own:" >&2
    cat "$CACHE/jlink.log" >&2
    rm -rf "$LINKED.partial"
    exit 0
  fi
  rm -f "$LINKED.partial/lib/server/classes_nocoops.jsa"
  mv "$LINKED.partial" "$LINKED"
fi
cp -pR "$LINKED" "$DIST/runtime"
echo "$PROGRAM: $DIST/runtime is Java $JAVA_VERSION, linked from $JDK ($MODULES)"
