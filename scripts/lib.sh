# Shared by scripts/*.sh: install what the supervisor and its tests need on Debian/Ubuntu.

# ensure_packages PKG... — installs missing Debian packages when root on apt; otherwise says what is missing.
ensure_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing: ${missing[*]}" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "missing packages: ${missing[*]} — install them (as root: apt-get install ${missing[*]})" >&2
    return 1
  fi
}

# ensure_build_tools — a JDK >= 17 and Maven.
ensure_build_tools() {
  command -v mvn >/dev/null 2>&1 || ensure_packages maven
  command -v javac >/dev/null 2>&1 || ensure_packages openjdk-17-jdk-headless
}

# busybox_rootfs DIR — a minimal root filesystem: a static busybox and its applet links.
busybox_rootfs() {
  local root=$1
  mkdir -p "$root/bin" "$root/etc" "$root/proc" "$root/dev" "$root/sys" "$root/tmp" "$root/data"
  cp /bin/busybox "$root/bin/busybox"
  for applet in sh echo sleep cat ls id hostname date true false kill env ps head dd; do
    ln -sf busybox "$root/bin/$applet"
  done
  echo "daemon:x:1:1:daemon:/:/bin/sh" > "$root/etc/passwd"
  echo "daemon:x:1:" > "$root/etc/group"
  touch "$root/etc/resolv.conf"
}
