#!/usr/bin/env bash
# Runs the adapter benchmark (not a test): com.nasnetconnect.routeros.api.bench.GatewayBench.
# Usage: routeros/bench.sh [iterations-per-round] [rounds]   (from the repository root; needs JDK 21+, 25 preferred)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
mvn -B -q -pl routeros/adapter -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
    -Dmdep.includeScope=test >/dev/null
A=routeros/adapter/target
CP="$A/test-classes:$A/classes:routeros/protocol/target/classes:routeros/simulator/target/classes:domain/target/classes:$(cat $A/bench-classpath.txt)"
exec "$JAVA_HOME/bin/java" -cp "$CP" com.nasnetconnect.routeros.api.bench.GatewayBench "$@"
