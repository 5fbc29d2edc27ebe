#!/usr/bin/env bash
# The batch's stage benchmarks (ChunkBenchmark, CsvDecodeBenchmark, RollupBenchmark) measure
# package-private stages, so they are test classes of the batch module, beside what they measure.
# This runs JMH on them from the batch's test class path; arguments go to JMH.
# Usage (from the repository root):
#   benchmarks/e2e/stages.sh ChunkBenchmark -prof gc
set -euo pipefail
./mvnw -q -B install -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true -pl batch -am
./mvnw -q -B -pl batch dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/stages.classpath
exec java -cp "batch/target/test-classes:batch/target/classes:$(cat batch/target/stages.classpath)" org.openjdk.jmh.Main "$@"
