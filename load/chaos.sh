#!/usr/bin/env bash
# Chaos under load: the realistic mix at --rate cases/s for --cases cases on the embedded platform while each
# service in turn is killed with SIGKILL (kill -9) and restarted; then prints the exactly-once counts and exits 1 if
# any is off. Needs the services' -exec jars (./mvnw -DskipTests package) and Linux (/proc).
# Options (defaults): --cases 600 --rate 10 --kill intake-service,dispatch-service,notification-service,audit-service
#   (join services with + to kill them at the same moment: --kill notification-service+audit-service)
set -euo pipefail
cd "$(dirname "$0")/.."
args=("$@")
[[ " $* " == *" --cases "* ]] || args+=(--cases 600)
[[ " $* " == *" --rate "* ]] || args+=(--rate 10)
exec ./mvnw -o -q -B -pl load exec:java -Dexec.args="chaos ${args[*]}"
