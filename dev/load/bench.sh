#!/usr/bin/env bash
# The benchmarks of BENCHMARKS.md on one embedded platform, Kafka's own tools first on the same broker.
# Needs the services' -exec jars: ./mvnw -DskipTests package (or install) once. Takes about 9 minutes on 2 cores.
# Options (defaults): --raw-records 200000 --max-cases 3000 --latency-seconds 20 --http-concurrency 8,32
#                     --http-cases 1500 --http-shares 0.1,0.2,0.3,0.4,0.6 --http-seconds 15 --eos-records 100000
#                     --eos-config k=v,… (Streams settings for the pass-through only)
set -euo pipefail
cd "$(dirname "$0")/../.."
exec ./mvnw -o -q -B -pl dev/load exec:java -Dexec.args="bench $*"
