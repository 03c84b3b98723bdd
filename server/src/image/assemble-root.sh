#!/usr/bin/env bash
# Assembles the file tree of the OCI image (everything but its config), for jib's extra directory:
#
#   assemble-root.sh TARGET_DIR ARCH JDK
#
#   TARGET_DIR  the server module's build directory (holds nasnetconnect.jar and lib/ after `package`)
#   ARCH        x86_64 (the only one with a runtime here; see README "Container image")
#   JDK         the JDK whose run-time image jlink links from (JDK 25: no jmods needed)
#
# Writes TARGET_DIR/image/root:
#   /opt/java                 a jlink'ed runtime with only the modules the server needs (MODULES below)
#   /opt/nasnetconnect        nasnetconnect.jar, lib/ (as `package` lays them out) and entrypoint.sh
#   /bin/sh                   busybox (static): ash plus every tool the launcher calls (mkdir, awk, tail...),
#                             run as applets without links (Debian builds it with FEATURE_SH_STANDALONE)
#   /lib64, /lib/<triplet>    the glibc loader and the shared libraries the runtime links (found with ldd), plus
#                             libgcc_s (glibc loads it to unwind threads)
#   /etc/passwd, /etc/group   root and nobody (the JVM looks the user up for user.home)
#   /data, /tmp, /run/nasnetconnect   the data volume, the JVM's temp dir (native libraries are unpacked there),
#                             the mount point of the hot event tier's tmpfs
# busybox comes from the host when Debian's busybox-static is installed, else from `apt-get download
# busybox-static` (the only step that needs the network; the .deb is kept in TARGET_DIR/image/debs).
set -euo pipefail

target=$(cd "$1" && pwd); arch=$2; jdk=$3
here=$(cd "$(dirname "$0")" && pwd)
image=$target/image
root=$image/root
jar=$target/nasnetconnect.jar

# the modules `jdeps --print-module-deps` finds in the jar and lib/, plus those only reflection and service loading
# reach: jdk.unsupported (sun.misc.Unsafe: Caffeine, Netty-free Helidon, Jackson), jdk.zipfs (Vaadin reads its
# resources through zip file systems), jdk.management (the metrics' OS and process figures), java.xml
MODULES=java.base,java.compiler,java.desktop,java.instrument,java.management,java.naming,java.net.http,java.rmi,\
java.security.jgss,java.sql,java.xml,jdk.httpserver,jdk.unsupported,jdk.zipfs,jdk.management
# java.desktop is there for java.beans (Vaadin's Binder): its AWT, sound and font natives are never loaded headless
DESKTOP_NATIVES=$(printf '/java.desktop/lib/%s,' libawt_xawt.so libsplashscreen.so libjsound.so libfontmanager.so \
  libfreetype.so liblcms.so libmlib_image.so libjavajpeg.so libjawt.so)

case "$arch" in
  x86_64) triplet=x86_64-linux-gnu; loader=/lib64/ld-linux-x86-64.so.2; deb_arch=amd64 ;;
  *) echo "assemble-root: no runtime for architecture '$arch' here (x86_64 only; see README 'Container image')" >&2; exit 2 ;;
esac
[[ -f "$jar" && -d "$target/lib" ]] || { echo "assemble-root: $jar and $target/lib are missing: run the package phase first" >&2; exit 2; }

rm -rf "$root"
mkdir -p "$root"/{bin,etc,tmp,data,run/nasnetconnect,opt/nasnetconnect,lib/$triplet,lib64}

# the runtime: stripped and compressed (zip-6 halves lib/modules; start-up pays ~no measurable cost for it)
"$jdk/bin/jlink" --add-modules "$MODULES" --exclude-files="${DESKTOP_NATIVES%,}" \
  --strip-debug --no-header-files --no-man-pages --compress=zip-6 --output "$root/opt/java"

# the app, as the package phase lays it out (the launcher runs NNC_JAR with $(dirname NNC_JAR)/lib)
cp "$jar" "$root/opt/nasnetconnect/"
cp -r "$target/lib" "$root/opt/nasnetconnect/lib"
cp "$here/../main/docker/entrypoint.sh" "$root/opt/nasnetconnect/entrypoint.sh"

# the shared libraries the runtime needs, from the build host (the same glibc the JDK was tested against)
libs=$(find "$root/opt/java" -name '*.so' -o -path '*/bin/*' -type f | xargs ldd 2>/dev/null \
  | awk '$2 == "=>" && $3 ~ /^\// { print $3 }' | sort -u)
for lib in $libs "$(ldconfig -p | awk -v t="$triplet" '/libgcc_s.so.1 / && $0 ~ t { print $NF; exit }')"; do
  case "$lib" in "$root"/*) continue ;; esac
  cp -L "$lib" "$root/lib/$triplet/$(basename "$lib")"
done
cp -L "$loader" "$root$loader"

# busybox, static: the shell and tools of the launcher
busybox=""
if dpkg-query -W -f '${Status}' busybox-static 2>/dev/null | grep -q 'ok installed'; then
  busybox=/bin/busybox
else
  mkdir -p "$image/debs"
  deb=$(ls "$image"/debs/busybox-static_*_"$deb_arch".deb 2>/dev/null | head -1 || true)
  if [[ -z "$deb" ]]; then
    (cd "$image/debs" && apt-get download "busybox-static:$deb_arch" >&2) \
      || { echo "assemble-root: cannot download busybox-static (apt-get download); install it or put its .deb into $image/debs" >&2; exit 2; }
    deb=$(ls "$image"/debs/busybox-static_*_"$deb_arch".deb | head -1)
  fi
  rm -rf "$image/debs/x" && dpkg-deb -x "$deb" "$image/debs/x"
  busybox=$image/debs/x/bin/busybox
fi
cp "$busybox" "$root/bin/sh"

cat >"$root/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/bin/sh
nobody:x:65534:65534:nobody:/nonexistent:/bin/false
PASSWD
cat >"$root/etc/group" <<'GROUP'
root:x:0:
nogroup:x:65534:
GROUP

echo "assemble-root: $(du -sh "$root" | cut -f1) in $root (runtime $(du -sh "$root/opt/java" | cut -f1))" >&2
