package org.civicdispatch.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.civicdispatch.devinfra.DevSmsGateway;
import org.civicdispatch.devstack.DevStack;

/**
 * The faults of a chaos run, as named on the command line ({@code --faults}, comma-separated, in order; faults
 * joined with '+' happen at the same moment):
 * <ul>
 *   <li>{@code kill:<service>} (or the bare module name): SIGKILL of the service's JVM, started again at once;</li>
 *   <li>{@code broker-restart} / {@code broker-kill}: the broker stopped with SIGTERM / SIGKILL and started again
 *   at once on the same port and log directory;</li>
 *   <li>{@code registry-stop[:seconds]}: the schema registry gone for that long (default {@code --outage}), then
 *   started again on its port, replaying {@code _schemas};</li>
 *   <li>{@code postgres-stop[:seconds]}: PostgreSQL stopped (fast shutdown) for that long, then started on the same
 *   port and data directory;</li>
 *   <li>{@code sms-fail[:seconds]}: the SMS gateway answers 503 to every message for that long, and longer (at most
 *   {@link #SMS_OUTAGE_LIMIT}) until at least one message has been refused.</li>
 * </ul>
 * The broker and PostgreSQL faults need the run's own infrastructure ({@link ChaosInfrastructure}).
 */
final class Faults {

    /** The longest an SMS outage is stretched while waiting for the first text to meet it. */
    static final Duration SMS_OUTAGE_LIMIT = Duration.ofMinutes(2);

    /** One fault: injects itself, undoes itself, and says what happened. */
    interface Fault {

        String name();

        /** Returns once the fault is over and the part is back; the line describes what happened. */
        String inject() throws Exception;
    }

    /** What the faults reach. {@code infra} is null where DevStack owns the broker and the databases. */
    record Platform(DevStack stack, ServiceJvms jvms, ChaosInfrastructure infra, Traffic traffic,
                    Duration outage) {
    }

    private Faults() {
    }

    /** The groups of faults in order, each group's faults at the same moment; refuses unknown names. */
    static List<List<Fault>> parse(List<String> groups, Platform platform) {
        List<List<Fault>> parsed = new ArrayList<>();
        for (String group : groups) {
            List<Fault> together = new ArrayList<>();
            for (String spec : group.strip().split("\\+")) {
                together.add(parseOne(spec.strip(), platform));
            }
            parsed.add(together);
        }
        return parsed;
    }

    private static Fault parseOne(String spec, Platform p) {
        int colon = spec.indexOf(':');
        String kind = colon < 0 ? spec : spec.substring(0, colon);
        String argument = colon < 0 ? null : spec.substring(colon + 1);
        return switch (kind) {
            case "kill" -> kill(argument, p);
            case "broker-restart" -> broker(spec, false, p);
            case "broker-kill" -> broker(spec, true, p);
            case "registry-stop" -> registry(spec, seconds(argument, p), p);
            case "postgres-stop" -> postgres(spec, seconds(argument, p), p);
            case "sms-fail" -> smsFail(spec, seconds(argument, p), p);
            default -> {
                if (Chaos.SERVICES.contains(spec)) {
                    yield kill(spec, p);
                }
                throw new IllegalArgumentException("unknown fault '" + spec + "': kill:<service>, broker-restart, "
                        + "broker-kill, registry-stop[:s], postgres-stop[:s] or sms-fail[:s]");
            }
        };
    }

    /** {@code registry-stop:30} (or {@code :30s}) lasts 30 s; without a number, as long as {@code --outage}. */
    private static Duration seconds(String argument, Platform p) {
        return argument == null ? p.outage()
                : Duration.ofMillis(Math.round(Double.parseDouble(argument.replaceFirst("s$", "")) * 1000));
    }

    private static Fault kill(String service, Platform p) {
        if (service == null || !Chaos.SERVICES.contains(service)) {
            throw new IllegalArgumentException("kill:" + service + " names no service of " + Chaos.SERVICES);
        }
        return fault("kill:" + service, p, () -> String.format("kill -9 %s: back and healthy after %.1f s", service,
                p.jvms().crashAndRestart(service).toMillis() / 1000.0));
    }

    private static Fault broker(String spec, boolean kill, Platform p) {
        ChaosInfrastructure infra = infra(spec, p);
        return fault(spec, p, () -> {
            long stop = System.nanoTime();
            infra.broker().stop(kill);
            long start = System.nanoTime();
            infra.broker().start();
            return String.format("broker %s: exited after %.1f s, listening again %.1f s after its start "
                    + "(%.1f s without a broker)", kill ? "kill -9" : "restart (SIGTERM)", (start - stop) / 1e9,
                    (System.nanoTime() - start) / 1e9, (System.nanoTime() - stop) / 1e9);
        });
    }

    private static Fault registry(String spec, Duration outage, Platform p) {
        return fault(spec, p, () -> {
            long stop = System.nanoTime();
            p.stack().stopRegistry();
            Thread.sleep(outage.toMillis());
            long start = System.nanoTime();
            p.stack().startRegistry();
            return String.format("registry stopped for %.1f s, serving again %.1f s after its start (schemas "
                    + "replayed from _schemas)", (start - stop) / 1e9, (System.nanoTime() - start) / 1e9);
        });
    }

    private static Fault postgres(String spec, Duration outage, Platform p) {
        ChaosInfrastructure infra = infra(spec, p);
        return fault(spec, p, () -> {
            long stop = System.nanoTime();
            infra.stopPostgres();
            double stopping = (System.nanoTime() - stop) / 1e9;
            Thread.sleep(outage.toMillis());
            long start = System.nanoTime();
            infra.startPostgres();
            return String.format("PostgreSQL fast shutdown in %.1f s, down %.1f s, accepting connections %.1f s "
                    + "after its start", stopping, (start - stop) / 1e9, (System.nanoTime() - start) / 1e9);
        });
    }

    private static Fault smsFail(String spec, Duration outage, Platform p) {
        return fault(spec, p, () -> {
            DevSmsGateway gateway = p.stack().smsGateway();
            int before = gateway.failed();
            long start = System.nanoTime();
            gateway.failFor(outage, 503);
            Thread.sleep(outage.toMillis());
            // a loaded machine's notification may send nothing within a short outage: keep failing until one text
            // has met it, so the run always tests retries
            long limit = start + SMS_OUTAGE_LIMIT.toNanos();
            while (gateway.failed() == before && System.nanoTime() < limit) {
                gateway.failFor(Duration.ofSeconds(1), 503);
                Thread.sleep(500);
            }
            gateway.failFor(Duration.ZERO, 503);
            return String.format("SMS gateway answered 503 to every message for %.1f s: %d requests refused",
                    (System.nanoTime() - start) / 1e9, gateway.failed() - before);
        });
    }

    private static ChaosInfrastructure infra(String spec, Platform p) {
        if (p.infra() == null) {
            throw new IllegalArgumentException(spec + " needs the chaos run's own broker and PostgreSQL "
                    + "(load/chaos.sh), not DevStack's embedded ones");
        }
        return p.infra();
    }

    /** What each fault does, followed by what intake answered the hotline while it lasted. */
    private static Fault fault(String name, Platform p, Callable<String> action) {
        return new Fault() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String inject() throws Exception {
                Map<String, Integer> before = snapshot(p.traffic().answers);
                String happened = action.call();
                Map<String, Integer> during = snapshot(p.traffic().answers);
                before.forEach((answer, n) -> during.merge(answer, -n, Integer::sum));
                during.values().removeIf(n -> n == 0);
                return happened + "; intake answered meanwhile " + (during.isEmpty() ? "nothing" : during);
            }
        };
    }

    private static Map<String, Integer> snapshot(Map<String, AtomicInteger> answers) {
        Map<String, Integer> copy = new TreeMap<>();
        answers.forEach((answer, n) -> copy.put(answer, n.get()));
        return copy;
    }
}
