#!/bin/sh
# Storage benchmark (not a test): router database open/close latency and state commit latency on real files.
# Usage (from the repository root): storage/bench.sh [iterations]
set -e
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
mvn -B -q -pl domain,storage test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -cp "storage/target/test-classes:storage/target/classes:domain/target/classes:$(cat storage/target/bench.cp)" \
  com.nasnetconnect.storage.bench.DatabaseBench "$@"
