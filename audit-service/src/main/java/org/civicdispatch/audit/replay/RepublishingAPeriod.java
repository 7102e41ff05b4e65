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
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("topic", topic);
        parameters.put("from", from);
        parameters.put("to", to);
        queries.record(caller, QueryLog.REPUBLISH, parameters);
        ReplayRefusedException.requirePeriod(from, to);
        ReplayTopics.check(topic, target.existingTopics());
        target.createTopic(topic, partitions);
        long upTo = rows.head().lastSeq();
        long after = 0;
        long published = 0;
        long withheld = 0;
        while (true) {
            List<ChainedRow> page = rows.periodPage(from, to, after, upTo, PAGE);
            for (ChainedRow row : page) {
                if (!caller.maySeePersonalData() && PersonalData.carriedBy(row.content().topic())) {
                    withheld++;
                } else {
                    target.send(topic, row.content().recordKey(), row.content().raw(), headers(row));
                    published++;
                }
            }
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1).content().seq();
        }
        target.flush();
        return new Result(topic, published, withheld, upTo);
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
