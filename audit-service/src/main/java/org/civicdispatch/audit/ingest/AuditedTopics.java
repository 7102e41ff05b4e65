package org.civicdispatch.audit.ingest;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.civicdispatch.contract.Party;
import org.civicdispatch.contract.TopicSpec;
import org.civicdispatch.contract.Topics;

/**
 * Every topic audit reads, as one subscription pattern taken from the contract: the fixed topics, and any
 * department task topic or DLQ, including those created after start-up.
 */
public final class AuditedTopics {

    public static final Pattern PATTERN = Pattern.compile(Stream.concat(
                    Topics.all(List.of()).stream()
                            .filter(topic -> topic.readers().contains(Party.AUDIT))
                            .map(TopicSpec::name)
                            .map(Pattern::quote),
                    Stream.of(Pattern.quote(Topics.DEPARTMENT_TASKS_PREFIX) + ".+",
                            ".+" + Pattern.quote(Topics.DEAD_LETTER_SUFFIX)))
            .collect(Collectors.joining("|", "^(?:", ")$")));

    private AuditedTopics() {
    }
}
