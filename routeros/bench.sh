#!/usr/bin/env bash
# Runs the adapter benchmark (not a test): com.nasnetconnect.routeros.api.bench.GatewayBench.
# Usage: routeros/bench.sh [iterations-per-round] [rounds]   (from the repository root; needs JDK 21+, 25 preferred)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
mvn -B -q -pl routeros -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
    -Dmdep.includeScope=test >/dev/null
CP="routeros/target/test-classes:routeros/target/classes:domain/target/classes:$(cat routeros/target/bench-classpath.txt)"
exec "$JAVA_HOME/bin/java" -cp "$CP" com.nasnetconnect.routeros.api.bench.GatewayBench "$@"
