#!/usr/bin/env bash
# Builds the platform (tests skipped) and runs all of it on the embedded default:
# a KRaft broker, the dev schema registry and PostgreSQL in one JVM, the services and the console in their own JVMs,
# demo data loaded through the real front doors. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -B -q -DskipTests package
exec java -Dcivicdispatch.root="$PWD" -jar dev/devstack/target/devstack-*-exec.jar "$@"
