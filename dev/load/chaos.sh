#!/usr/bin/env bash
# Chaos under load: the realistic mix at --rate cases/s for --cases cases on the embedded platform while faults happen
# in turn; then prints the exactly-once counts, whether every SLA timer due fired once and every text due went out,
# and exits 1 if any is off.
# Needs the services' -exec jars (./mvnw -DskipTests package) and Linux (/proc).
# Options (defaults): --cases 600 --rate 10 --outage 20 (seconds a stop or failure lasts) --sign-within PT2M
#   --sign-within: dispatch (only dispatch) is restarted before the load with a copy of the demo catalog in which
#   every matter is to be signed for within that, counted in all hours, so that sign reminders (at 3/4 of the window)
#   and breaches fall due while the faults happen; afterwards every task nobody signed for must have had its sign
#   reminder and breach exactly once, and no task signed before its reminder a breach. "off" keeps the demo
#   catalog (deadlines hours away) and checks no timers. Counting waits until the last deadline has passed.
#   --faults sms-fail,kill:intake-service,kill:dispatch-service,broker-restart,kill:notification-service,
#            registry-stop,kill:audit-service,postgres-stop
#   Faults: kill:<service> (SIGKILL, restarted at once), broker-restart (SIGTERM) or broker-kill (SIGKILL) and
#   started again on the same port and log dir, registry-stop[:s], postgres-stop[:s] (fast shutdown, same data dir),
#   sms-fail[:s] (the SMS gateway answers 503, and on until at least one text met it). Join faults with + to have
#   them at the same moment: --faults kill:notification-service+kill:audit-service. (--kill a,b is the older
#   spelling for services only.)
set -euo pipefail
cd "$(dirname "$0")/../.."
args=("$@")
[[ " $* " == *" --cases "* ]] || args+=(--cases 600)
[[ " $* " == *" --rate "* ]] || args+=(--rate 10)
[[ " $* " == *" --sign-within "* ]] || args+=(--sign-within PT2M)
exec ./mvnw -o -q -B -pl dev/load exec:java -Dexec.args="chaos ${args[*]}"
