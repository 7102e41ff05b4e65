package org.civicdispatch.audit.replay;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.civicdispatch.audit.access.Caller;
import org.civicdispatch.audit.access.PersonalData;
import org.civicdispatch.audit.chain.ChainedRow;
import org.civicdispatch.audit.store.ChainRows;
import org.civicdispatch.audit.store.QueryLog;

/**
 * Publishes a period's events again, byte for byte with their keys and headers, in chain order, to a new
 * {@code replay-…} topic, so a consumer can be run over history. Each record also names where it came from. The
 * bytes cannot be masked, so for a caller without {@link Caller#AUDITOR_PII} the records of topics that carry
 * personal data are withheld (and counted).
 */
public class RepublishingAPeriod {

    public static final String ORIGINAL_TOPIC = "replay-original-topic";
    public static final String ORIGINAL_PARTITION = "replay-original-partition";
    public static final String ORIGINAL_OFFSET = "replay-original-offset";
    public static final String CHAIN_SEQ = "replay-chain-seq";

    private static final int PAGE = 500;

    public record Result(String topic, long published, long withheld, long upToSeq) {
    }

    /** Told after every record: how many were sent and how many withheld so far. */
    public interface Progress {
        Progress NONE = (published, withheld) -> {
        };

        void advanced(long published, long withheld);
    }

    private final ChainRows rows;
    private final QueryLog queries;
    private final ReplayTarget target;
    private final int partitions;

    public RepublishingAPeriod(ChainRows rows, QueryLog queries, ReplayTarget target, int partitions) {
        this.rows = rows;
        this.queries = queries;
        this.target = target;
        this.partitions = partitions;
    }

    public Result republish(Caller caller, String topic, Instant from, Instant to) {
        return start(caller, topic, from, to).run(Progress.NONE);
    }

    /**
     * Records the query, checks the request and creates the topic now, so a refusal reaches the caller at once; the
     * replay returned publishes when run. It is pinned to the chain head of this moment, so {@link Replay#total()}
     * is what it will go through.
     */
    public Replay start(Caller caller, String topic, Instant from, Instant to) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("topic", topic);
        parameters.put("from", from);
        parameters.put("to", to);
        queries.record(caller, QueryLog.REPUBLISH, parameters);
        ReplayRefusedException.requirePeriod(from, to);
        ReplayTopics.check(topic, target.existingTopics());
        target.createTopic(topic, partitions);
        long upTo = rows.head().lastSeq();
        return new Replay(topic, from, to, upTo, rows.countInPeriod(from, to, upTo), caller.maySeePersonalData());
    }

    /** A checked replay whose topic exists, not yet published. */
    public final class Replay {

        private final String topic;
        private final Instant from;
        private final Instant to;
        private final long upToSeq;
        private final long total;
        private final boolean maySeePersonalData;

        private Replay(String topic, Instant from, Instant to, long upToSeq, long total, boolean maySeePersonalData) {
            this.topic = topic;
            this.from = from;
            this.to = to;
            this.upToSeq = upToSeq;
            this.total = total;
            this.maySeePersonalData = maySeePersonalData;
        }

        public String topic() {
            return topic;
        }

        public Instant from() {
            return from;
        }

        public Instant to() {
            return to;
        }

        public long upToSeq() {
            return upToSeq;
        }

        /** The records of the period up to the pinned chain head: published plus withheld when done. */
        public long total() {
            return total;
        }

        /** Publishes the period and waits until the broker has every record. */
        public Result run(Progress progress) {
            long after = 0;
            long published = 0;
            long withheld = 0;
            while (true) {
                List<ChainedRow> page = rows.periodPage(from, to, after, upToSeq, PAGE);
                for (ChainedRow row : page) {
                    if (!maySeePersonalData && PersonalData.carriedBy(row.content().topic())) {
                        withheld++;
                    } else {
                        target.send(topic, row.content().recordKey(), row.content().raw(), headers(row));
                        published++;
                    }
                    progress.advanced(published, withheld);
                }
                if (page.size() < PAGE) {
                    break;
                }
                after = page.get(page.size() - 1).content().seq();
            }
            target.flush();
            return new Result(topic, published, withheld, upToSeq);
        }
    }

    private static Map<String, String> headers(ChainedRow row) {
        Map<String, String> headers = new TreeMap<>(ExportedRecord.of(row, true).headers());
        headers.put(ORIGINAL_TOPIC, row.content().topic());
        headers.put(ORIGINAL_PARTITION, Integer.toString(row.content().partition()));
        headers.put(ORIGINAL_OFFSET, Long.toString(row.content().offset()));
        headers.put(CHAIN_SEQ, Long.toString(row.content().seq()));
        return headers;
    }
}
