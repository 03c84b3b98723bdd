#!/usr/bin/env bash
# Assembles the file tree of the OCI image (everything but its config), for jib's extra directory:
#
#   assemble-root.sh TARGET_DIR ARCH JDK
#
#   TARGET_DIR  the server module's build directory (holds nasnetconnect.jar and lib/ after `package`)
#   ARCH        x86_64 (CHR, x86 boxes) or arm64 (RouterBOARDs with ARM64 CPUs)
#   JDK         the JDK whose jlink links the runtime; for x86_64 also the runtime linked from (JDK 25 links from its
#               own run-time image, no jmods needed); on an x86_64 host
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
# x86_64: busybox comes from the host when Debian's busybox-static is installed, else from `apt-get download
# busybox-static` (the only step that needs the network; the .deb is kept in TARGET_DIR/image/debs); the libraries
# from the host.
# arm64: everything foreign comes from Debian trixie's arm64 packages (trixie is the first release with a Java 21+
# for arm64): openjdk-<JDK's feature version>-jdk-headless for its jmods (the host's jlink links them: jlink needs
# jmods of the same feature version), libc6, libgcc-s1, libstdc++6, zlib1g and busybox-static, fetched with
# `apt-get download` through a private apt configuration in TARGET_DIR/image/apt-arm64 (the host's apt is untouched).
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
  x86_64) triplet=x86_64-linux-gnu; loader=/lib64/ld-linux-x86-64.so.2; deb_arch=amd64; libdir=/lib/x86_64-linux-gnu ;;
  arm64) triplet=aarch64-linux-gnu; loader=/lib/ld-linux-aarch64.so.1; deb_arch=arm64; libdir=/usr/lib/aarch64-linux-gnu ;;
  *) echo "assemble-root: unknown architecture '$arch' (x86_64 or arm64)" >&2; exit 2 ;;
esac
[[ "$(uname -m)" == x86_64 ]] || { echo "assemble-root: builds on an x86_64 host only (found $(uname -m))" >&2; exit 2; }
[[ -f "$jar" && -d "$target/lib" ]] || { echo "assemble-root: $jar and $target/lib are missing: run the package phase first" >&2; exit 2; }

rm -rf "$root"
mkdir -p "$root"/{bin,etc,tmp,data,run/nasnetconnect,opt/nasnetconnect} "$root$libdir" "$root$(dirname "$loader")"

jlink_common=(--add-modules "$MODULES" --no-header-files --no-man-pages --compress=zip-6)
if [[ "$arch" == x86_64 ]]; then
  # the runtime: stripped and compressed (zip-6 halves lib/modules)
  "$jdk/bin/jlink" "${jlink_common[@]}" --exclude-files="${DESKTOP_NATIVES%,}" --strip-debug --output "$root/opt/java"
else
  feature=$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}')
  debs=$image/debs-arm64 apt=$image/apt-arm64
  if [[ ! -d "$debs/x" ]]; then
    mkdir -p "$apt"/{lists/partial,cache/archives/partial} "$debs"
    echo "deb [arch=arm64 signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main" >"$apt/sources.list"
    touch "$apt/status"
    cat >"$apt/apt.conf" <<APT
Dir::Etc::SourceList "$apt/sources.list"; Dir::Etc::SourceParts "/nonexistent"; Dir::State::Lists "$apt/lists";
Dir::State::status "$apt/status"; Dir::Cache "$apt/cache"; APT::Architecture "arm64"; APT::Architectures { "arm64"; };
Acquire::Languages "none";
APT
    APT_CONFIG=$apt/apt.conf apt-get -q update >&2
    (cd "$debs" && APT_CONFIG=$apt/apt.conf apt-get -q download "openjdk-$feature-jdk-headless:arm64" libc6:arm64 \
      libgcc-s1:arm64 libstdc++6:arm64 zlib1g:arm64 busybox-static:arm64 >&2) \
      || { echo "assemble-root: cannot download Debian's arm64 packages (openjdk-$feature-jdk-headless...)" >&2; exit 2; }
    mkdir -p "$debs/x.tmp" && for deb in "$debs"/*.deb; do dpkg-deb -x "$deb" "$debs/x.tmp"; done && mv "$debs/x.tmp" "$debs/x"
  fi
  # jlink's --strip-debug would run the host's objcopy on arm64 files: strip Java debug attributes and drop the
  # separate .debuginfo files instead
  "$jdk/bin/jlink" "${jlink_common[@]}" --module-path "$debs/x/usr/lib/jvm/java-$feature-openjdk-arm64/jmods" \
    --exclude-files="${DESKTOP_NATIVES}glob:**.debuginfo" --strip-java-debug-attributes --output "$root/opt/java"
fi

# the app, as the package phase lays it out (the launcher runs NNC_JAR with $(dirname NNC_JAR)/lib)
cp "$jar" "$root/opt/nasnetconnect/"
cp -r "$target/lib" "$root/opt/nasnetconnect/lib"
cp "$here/../main/docker/entrypoint.sh" "$root/opt/nasnetconnect/entrypoint.sh"

# the shared libraries the runtime needs
if [[ "$arch" == x86_64 ]]; then # from the build host (the same glibc the JDK was tested against)
  libs=$(find "$root/opt/java" -name '*.so' -o -path '*/bin/*' -type f | xargs ldd 2>/dev/null \
    | awk '$2 == "=>" && $3 ~ /^\// { print $3 }' | sort -u)
  for lib in $libs "$(ldconfig -p | awk -v t="$triplet" '/libgcc_s.so.1 / && $0 ~ t { print $NF; exit }')"; do
    case "$lib" in "$root"/*) continue ;; esac
    cp -L "$lib" "$root$libdir/$(basename "$lib")"
  done
  cp -L "$loader" "$root$loader"
else # from the arm64 packages: what the runtime's ELF files need (readelf reads any architecture), and libgcc_s
  needed=$(find "$root/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec readelf -d {} + 2>/dev/null \
    | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort -u)
  for name in $needed libgcc_s.so.1; do
    [[ -e "$root/opt/java/lib/$name" || -e "$root/opt/java/lib/server/$name" || "$name" == "$(basename "$loader")" ]] && continue
    cp -L "$debs/x/usr/lib/$triplet/$name" "$root$libdir/$name"
  done
  cp -L "$debs/x/usr/lib/$triplet/$(basename "$loader")" "$root$loader"
fi

# busybox, static: the shell and tools of the launcher
busybox=""
if [[ "$arch" == arm64 ]]; then
  busybox=$debs/x/usr/bin/busybox; [[ -f "$busybox" ]] || busybox=$debs/x/bin/busybox # trixie is usr-merged
elif dpkg-query -W -f '${Status}' busybox-static 2>/dev/null | grep -q 'ok installed'; then
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
