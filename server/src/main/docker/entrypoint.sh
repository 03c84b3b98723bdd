#!/bin/sh
# NasNetConnect launcher: runs the server from the current A/B slot and switches to a staged update. POSIX sh
# (busybox ash in the container; ./nnc run uses it too).
#
#   entrypoint.sh [server args]     with NNC_JAR (the built jar), NNC_DATA_DIR, NNC_UPDATE_TRIAL_TIMEOUT (90s)
#
# The update directory ($NNC_UPDATE_DIR, default $NNC_DATA_DIR/update) holds slot-a.jar and slot-b.jar, a `current`
# marker ("<slot> <version>"; none: the built jar runs), the `staged` marker the server writes, and launcher.log.
# When the server exits with 75 and something is staged, the staged version starts ON TRIAL (NNC_UPDATE_TRIAL=<v>):
# it must write the `committed` marker (it does so once /health/ready is OK) within the trial timeout. If it exits
# first, or does not commit in time, it is stopped, the previous slot starts again, and launcher.log says why.
#
# JVM settings for a small box (README: Footprint): the serial collector with a heap of at most NNC_HEAP (default
# 64m) that grows only as needed and gives memory back after a full collection, an 8 MB young generation whose
# survivor spaces (1.6 MB each) hold what a poll round has in flight so that it dies young, compact object headers, the client
# compiler only, a small code cache, freed native memory handed back every 5 s, two malloc arenas, no perf-counter
# file. NNC_JAVA_OPTS is added after them (a later option wins).
# AOT cache (README: Faster start-up): the first start of a build records one in $UPDATE/aot/ with a short training
# run of that build (its own temporary data directory and port, stopped after NNC_AOT_TRAINING_TIMEOUT, default
# 180s); later starts use it. NNC_AOT=off skips both.
set -u -f # -f: no globbing (lib/* is for java)
umask 077 # the data directory holds secrets: what the launcher writes there (slots, markers, its log) is the owner's only

JAR=${NNC_JAR:-/opt/nasnetconnect/nasnetconnect.jar}
LIB=${NNC_LIB:-$(dirname "$JAR")/lib}
JAVA=${NNC_JAVA:-java}
UPDATE=${NNC_UPDATE_DIR:-${NNC_DATA_DIR:-./data}/update}
RESTART=75
export NNC_UPDATE_DIR="$UPDATE" NNC_LAUNCHER=1

seconds() { # DURATION [VARIABLE]: 90s, 2m, 1h or plain seconds
  case "$1" in
    *[!0-9smh]* | "" | [smh]*) echo "nasnetconnect launcher: ${2:-NNC_UPDATE_TRIAL_TIMEOUT} '$1' is not a duration like 90s or 2m" >&2; exit 2 ;;
    *s) echo "${1%s}" ;;
    *m) echo $(( ${1%m} * 60 )) ;;
    *h) echo $(( ${1%h} * 3600 )) ;;
    *) echo "$1" ;;
  esac
}
TRIAL_TIMEOUT=$(seconds "${NNC_UPDATE_TRIAL_TIMEOUT:-90s}") || exit 2

HEAP=${NNC_HEAP:-64m}
case "$HEAP" in
  *[!0-9kmgKMG]* | "" | [kmgKMG]* | *[kmgKMG]?* | *[0-9]) echo "nasnetconnect launcher: NNC_HEAP '$HEAP' is not a size like 64m or 1g" >&2; exit 2 ;;
esac
JVM="-XX:+UseSerialGC -Xms16m -Xmx$HEAP -XX:NewSize=8m -XX:MaxNewSize=8m -XX:SurvivorRatio=3 -XX:MinHeapFreeRatio=5 -XX:MaxHeapFreeRatio=15 \
-XX:-ShrinkHeapInSteps -XX:+UseCompactObjectHeaders -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=3 -XX:ReservedCodeCacheSize=24m \
-XX:TrimNativeHeapInterval=5000 -XX:+PerfDisableSharedMem -Xlog:aot*=error ${NNC_JAVA_OPTS:-}"
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
AOT_TIMEOUT=$(seconds "${NNC_AOT_TRAINING_TIMEOUT:-180s}" NNC_AOT_TRAINING_TIMEOUT) || exit 2
case "${NNC_AOT:-on}" in
  on | off) ;;
  *) echo "nasnetconnect launcher: NNC_AOT '$NNC_AOT' must be on or off" >&2; exit 2 ;;
esac

mkdir -p "$UPDATE" || exit 2
RUN=$(mktemp -d) || exit 2
trap 'rm -rf "$RUN"' EXIT
trap 'forward TERM' TERM
trap 'forward INT' INT

forward() { # pass a stop signal to the running server (TERM: background jobs ignore INT); the launcher then ends
  stopping=1
  [ -s "$RUN/pid" ] && kill -TERM "$(cat "$RUN/pid")" 2>/dev/null
}

record() { # KIND VERSION ok|failed DETAIL -> one line of launcher.log
  printf '%s\t%s\t%s\t%s\t%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$1" "$2" "$3" "$(printf '%s' "$4" | tr '\t\n' '  ')" >>"$UPDATE/launcher.log"
  echo "nasnetconnect launcher: $4" >&2
}

marker() { # FILE FIELD(1 slot, 2 version) -> the field, empty when there is no marker
  [ -f "$UPDATE/$1" ] && awk -v f="$2" 'NR == 1 { print $f }' "$UPDATE/$1"
}

put_marker() { # FILE CONTENT, renamed into place
  printf '%s\n' "$2" >"$UPDATE/$1.tmp" && mv -f "$UPDATE/$1.tmp" "$UPDATE/$1"
}

aot() { # SLOT -> $cache_opt: the option using that build's AOT cache, recorded first when it has none (or a stale one)
  cache_opt=""
  [ "${NNC_AOT:-on}" = on ] || return 0
  case "$1" in a|b) jar="$UPDATE/slot-$1.jar"; name=$1 ;; *) jar=$JAR; name=built ;; esac
  cache="$UPDATE/aot/$name.aot"
  # the cache belongs to these jars, this Java and these JVM settings: any change records it again
  java_bin=$(command -v "$JAVA" 2>/dev/null || echo "$JAVA")
  key=$( (ls -ln "$jar" "$LIB"; ls -lnL "$(dirname "$java_bin")/../lib/server/libjvm.so"; echo "$JVM") 2>/dev/null | md5sum)
  if [ ! -f "$cache" ] || [ "$(cat "$cache.key" 2>/dev/null)" != "$key" ]; then
    mkdir -p "$UPDATE/aot" && rm -f "$cache" "$cache.key" || return 0
    echo "nasnetconnect launcher: recording the AOT cache of this build for a faster start (once)" >&2
    train=$(mktemp -d) || return 0
    ( unset NNC_CONFIG NNC_UPDATE_TRIAL NNC_LAUNCHER
      export NNC_AOT_TRAINING=true NNC_DATA_DIR="$train" NNC_EVENTS_HOT_DIR="$train/hot" NNC_DEMO=true NNC_DEMO_API_PORT=0 \
        NNC_UPDATE_URL=
      cache_opt="-XX:AOTCacheOutput=$cache"
      launch "$1" ) >"$UPDATE/aot/$name.log" 2>&1 </dev/null &
    echo $! >"$RUN/pid" # a stop signal now ends the training run
    i=0
    while kill -0 "$(cat "$RUN/pid")" 2>/dev/null && [ $i -lt "$AOT_TIMEOUT" ] && [ $stopping = 0 ]; do
      sleep 1; i=$((i + 1))
    done
    kill -KILL "$(cat "$RUN/pid")" 2>/dev/null # a training run that hangs must not keep the server from starting
    wait "$(cat "$RUN/pid")" 2>/dev/null
    rm -rf "$train" "$RUN/pid"
    [ $stopping = 0 ] || exit 143
    if [ ! -f "$cache" ] || [ $i -ge "$AOT_TIMEOUT" ]; then
      rm -f "$cache"
      echo "nasnetconnect launcher: no AOT cache was recorded (see $UPDATE/aot/$name.log); starting without one" >&2
      return 0
    fi
    echo "$key" >"$cache.key"
  fi
  cache_opt="-XX:AOTCache=$cache"
}

launch() { # SLOT [ARGS]: becomes the JVM of that slot (a or b; anything else: the built jar), with $cache_opt
  slot=$1; shift
  case "$slot" in
    a|b) exec "$JAVA" $JVM ${cache_opt:+"$cache_opt"} --enable-native-access=ALL-UNNAMED \
           -cp "$UPDATE/slot-$slot.jar:$LIB/*" com.nasnetconnect.server.Main "$@" ;;
    *) exec "$JAVA" $JVM ${cache_opt:+"$cache_opt"} --enable-native-access=ALL-UNNAMED -jar "$JAR" "$@" ;;
  esac
}

start() { # SLOT [TRIAL_VERSION]: the server in the background; its pid in $RUN/pid, its exit code in $RUN/exit
  rm -f "$RUN/pid" "$RUN/exit"
  cache_opt=""
  [ -n "${2:-}" ] || aot "$1" # on trial without one: a version that is not kept is not worth recording
  if [ -n "${2:-}" ]; then # on trial: its error output is kept to say why it failed
    rm -f "$RUN/err" "$RUN/err.fifo" && mkfifo "$RUN/err.fifo"
    tee "$RUN/err" <"$RUN/err.fifo" >&2 &
    ( NNC_UPDATE_TRIAL=$2; export NNC_UPDATE_TRIAL
      launch "$1" 2>"$RUN/err.fifo" & echo $! >"$RUN/pid"; wait $!; echo $? >"$RUN/exit" ) &
  else
    ( unset NNC_UPDATE_TRIAL
      launch "$1" & echo $! >"$RUN/pid"; wait $!; echo $? >"$RUN/exit" ) &
  fi
  wrapper=$!
}

running() { [ ! -f "$RUN/exit" ]; }

finish() { # waits for the server started last; its exit code in $code
  while running; do
    wait "$wrapper"; status=$? # a trapped signal interrupts wait: wait again
    if running && ! kill -0 "$wrapper" 2>/dev/null; then
      # the wrapper itself was killed (a signal to the whole process group) and cannot write the server's exit
      # code: wait for the server by its pid, then take the wrapper's status (waiting again would spin)
      while [ -s "$RUN/pid" ] && kill -0 "$(cat "$RUN/pid")" 2>/dev/null; do sleep 1; done
      running && echo "$status" >"$RUN/exit"
    fi
  done
  code=$(cat "$RUN/exit")
}

stop() { # the server started last: TERM, then KILL after 10 s
  [ -s "$RUN/pid" ] && kill -TERM "$(cat "$RUN/pid")" 2>/dev/null
  i=0
  while running && [ $i -lt 10 ]; do sleep 1; i=$((i + 1)); done
  running && kill -KILL "$(cat "$RUN/pid")" 2>/dev/null
  finish
}

case "${1:-serve}" in
  serve) ;;
  *) launch "$(marker current 1)" "$@" ;; # commands (apikey, db, release…) run once with the current version
esac

stopping=0
trial=""
while :; do
  if [ -n "$trial" ]; then
    trial=""
    slot=$(marker staged 1); version=$(marker staged 2)
    previous=$(marker current 2); previous=${previous:-the built version}
    rm -f "$UPDATE/committed"
    record APPLY "$version" ok "switched from $previous to $version on trial"
    start "$slot" "$version"
    deadline=$(( $(date +%s) + TRIAL_TIMEOUT ))
    while running && [ ! -f "$UPDATE/committed" ] && [ $stopping = 0 ] && [ "$(date +%s)" -lt "$deadline" ]; do
      sleep 1
    done
    if [ -f "$UPDATE/committed" ]; then
      put_marker current "$slot $version"
      rm -f "$UPDATE/staged" "$UPDATE/committed"
      record COMMIT "$version" ok "$version reported healthy and is kept"
      finish
    elif [ $stopping = 1 ]; then
      finish
      exit "$code"
    else
      if running; then
        stop; why="did not report healthy within $TRIAL_TIMEOUT s: stopped"
      else
        finish; why="did not report healthy within $TRIAL_TIMEOUT s: exited with $code"
      fi
      last=$(tail -n 3 "$RUN/err" 2>/dev/null | tr '\n' ' ' | cut -c1-300 | sed 's/ *$//')
      rm -f "$UPDATE/staged"
      record ROLLBACK "$version" failed "$version $why${last:+: $last}; back to $previous"
      start "$(marker current 1)"
      finish
    fi
  else
    start "$(marker current 1)"
    finish
  fi
  if [ $stopping = 0 ] && [ "$code" = "$RESTART" ] && [ -f "$UPDATE/staged" ]; then trial=yes; else exit "$code"; fi
done
