#!/usr/bin/env bash
# Regenerates the lifecycle state diagram from the domain and renders it:
#   docs/lifecycle.mmd, docs/lifecycle.dot and the Mermaid block in docs/architecture.md — written by
#   LifecycleDiagramTest, which explores Lifecycle.next (the same test fails the build when they drift);
#   docs/lifecycle.png — rendered from the .dot by Graphviz, and docs/lifecycle.dot.sha256, the checksum
#   of the .dot it was rendered from (the test checks it, so the picture cannot drift either).
# The build never renders: CI checks the committed files and needs no Graphviz. Installs graphviz on
# Debian/Ubuntu when run as root.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

ensure_build_tools
command -v dot >/dev/null 2>&1 || ensure_packages graphviz

echo "== generating docs/lifecycle.mmd, docs/lifecycle.dot and docs/architecture.md's diagram"
# The test checks the PNG's checksum too, which is only right after the render below: ignore its result
# here and check everything once at the end.
mvn -B -q -ntp -pl bootstrap -am test -Dtest=LifecycleDiagramTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dharpoon.docs.update=true >/dev/null 2>&1 || true

echo "== rendering docs/lifecycle.png with $(dot -V 2>&1)"
dot -Tpng -Gdpi=110 docs/lifecycle.dot -o docs/lifecycle.png
(cd docs && sha256sum lifecycle.dot > lifecycle.dot.sha256)

echo "== checking"
mvn -B -q -ntp -pl bootstrap -am test -Dtest=LifecycleDiagramTest -Dsurefire.failIfNoSpecifiedTests=false
git status --short docs/ || true
