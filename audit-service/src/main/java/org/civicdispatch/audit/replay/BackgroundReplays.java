package org.civicdispatch.audit.replay;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.civicdispatch.audit.access.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays started over HTTP with {@code Prefer: respond-async}: checked and given their topic at once, then
 * published one at a time on a thread of their own, so the request answers at once and the auditor's page follows
 * the progress. Progress lives in memory for the last {@value #KEPT} replays; after a restart a replay topic still
 * holds what was published, but its progress is gone.
 */
public class BackgroundReplays implements AutoCloseable {

    static final int KEPT = 100;
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundReplays.class);

    private final RepublishingAPeriod republishing;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "audit-replay");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Tracked> replays = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Tracked> eldest) {
            return size() > KEPT;
        }
    };

    public BackgroundReplays(RepublishingAPeriod republishing) {
        this.republishing = republishing;
    }

    /** Refusals ({@link ReplayRefusedException}) are thrown here, before anything runs. */
    public ReplayProgress start(Caller caller, String topic, Instant from, Instant to) {
        Tracked tracked = new Tracked(republishing.start(caller, topic, from, to));
        synchronized (replays) {
            replays.put(tracked.replay.topic(), tracked);
        }
        worker.execute(tracked::run);
        return tracked.progress();
    }

    public Optional<ReplayProgress> find(String id) {
        synchronized (replays) {
            return Optional.ofNullable(replays.get(id)).map(Tracked::progress);
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }

    private static final class Tracked implements RepublishingAPeriod.Progress {

        private final RepublishingAPeriod.Replay replay;
        private volatile long published;
        private volatile long withheld;
        private volatile ReplayProgress.Status status = ReplayProgress.Status.QUEUED;
        private volatile String error;

        Tracked(RepublishingAPeriod.Replay replay) {
            this.replay = replay;
        }

        @Override
        public void advanced(long published, long withheld) {
            this.published = published;
            this.withheld = withheld;
        }

        void run() {
            status = ReplayProgress.Status.RUNNING;
            try {
                replay.run(this);
                status = ReplayProgress.Status.DONE;
            } catch (RuntimeException e) {
                LOG.warn("replay to {} failed", replay.topic(), e);
                error = e.getMessage() + (e.getCause() == null ? "" : ": " + e.getCause().getMessage());
                status = ReplayProgress.Status.FAILED;
            }
        }

        ReplayProgress progress() {
            ReplayProgress.Status now = status; // read first: a DONE replay's counts are final
            return new ReplayProgress(replay.topic(), replay.topic(), replay.from(), replay.to(), replay.upToSeq(),
                    replay.total(), published, withheld, now, error);
        }
    }
}
