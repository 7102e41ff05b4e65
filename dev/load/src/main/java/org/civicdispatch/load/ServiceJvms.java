package org.civicdispatch.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Crashes a service of the running platform as the kernel would (SIGKILL) and starts it again as it was: the same
 * command line and environment, read from /proc (Linux), so nothing here needs to know how DevStack configured it.
 * The JVMs it restarts are its own to stop.
 */
final class ServiceJvms implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path logs;
    private final List<Process> restarted = java.util.Collections.synchronizedList(new ArrayList<>());

    ServiceJvms(Path logs) {
        this.logs = logs;
    }

    /** kill -9 of the service's JVM, then the same JVM again; returns once it is healthy, with the time it took. */
    Duration crashAndRestart(String module) throws IOException, InterruptedException {
        return crashAndRestart(module, List.of());
    }

    /** The same, restarting it with more JVM options (placed before the others, so later ones still win). */
    Duration crashAndRestart(String module, List<String> moreJvmOptions) throws IOException, InterruptedException {
        ProcessHandle victim = find(module);
        List<String> command = new ArrayList<>(Arrays.asList(read(victim, "cmdline").split("\0")));
        command.addAll(1, moreJvmOptions);
        Map<String, String> env = new HashMap<>();
        for (String entry : read(victim, "environ").split("\0")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                env.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        long begin = System.nanoTime();
        victim.destroyForcibly(); // SIGKILL: no shutdown hooks, open transactions left as they are
        victim.onExit().join();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(module + ".log").toFile()));
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        restarted.add(process);
        awaitHealthy(module, process, Integer.parseInt(env.get("PORT")));
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    /** Stops a service for the rest of the run (SIGTERM), so that what is measured has the machine's cores. */
    void stop(String module) {
        ProcessHandle service = find(module);
        service.destroy();
        service.onExit().join();
    }

    /** Kills every service JVM of the platform: a chaos run's platform is thrown away, not shut down politely. */
    void killAll() {
        ProcessHandle.current().children().filter(p -> commandLine(p).contains("-exec.jar"))
                .forEach(ProcessHandle::destroyForcibly);
    }

    private static ProcessHandle find(String module) {
        String jar = "/" + module + "/target/";
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .filter(p -> commandLine(p).contains(jar)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no running JVM of " + module));
    }

    /** The command line, or nothing for a process that has gone meanwhile. */
    private static String commandLine(ProcessHandle process) {
        try {
            return read(process, "cmdline");
        } catch (UncheckedIOException e) {
            return "";
        }
    }

    private static String read(ProcessHandle process, String file) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(process.pid()), file)),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/" + process.pid() + "/" + file
                    + " (the chaos run needs Linux)", e);
        }
    }

    private static void awaitHealthy(String module, Process process, int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(module + " exited with " + process.exitValue() + " after restart");
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(module + " not healthy 3 minutes after its restart");
    }

    @Override
    public void close() {
        List<Process> all;
        synchronized (restarted) {
            all = List.copyOf(restarted);
        }
        for (Process p : all) {
            p.destroy();
        }
        for (Process p : all) {
            try {
                if (!p.waitFor(15, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
