package org.civicdispatch.audit.replay;

import java.util.List;
import java.util.Set;
import org.civicdispatch.audit.ingest.AuditedTopics;
import org.civicdispatch.contract.TopicSpec;
import org.civicdispatch.contract.Topics;

/**
 * Where a replay may go: a new topic named {@code replay-…}. Never a live topic of the contract (a consumer would
 * take replayed events for new ones), never a topic audit itself reads (it would audit its own replay), and never
 * an existing topic (a replay topic holds exactly one replay). Audit's ACLs allow writing only {@code replay-*}.
 */
public final class ReplayTopics {

    public static final String PREFIX = "replay-";

    private ReplayTopics() {
    }

    public static void check(String name, Set<String> existingTopics) {
        if (name == null || name.isBlank()) {
            throw new ReplayRefusedException(ReplayRefusedException.Reason.INVALID_REQUEST,
                    "name the new topic to replay into, e.g. replay-2026-11-23");
        }
        if (isLive(name)) {
            throw new ReplayRefusedException(ReplayRefusedException.Reason.LIVE_TOPIC,
                    name + " is a live topic of the platform; replay into a new topic named " + PREFIX + "…");
        }
        if (!name.startsWith(PREFIX) || !Topics.isValidName(name)) {
            throw new ReplayRefusedException(ReplayRefusedException.Reason.NOT_A_REPLAY_TOPIC,
                    "replay topics are lowercase kebab-case names starting with " + PREFIX + ", not " + name);
        }
        if (existingTopics.contains(name)) {
            throw new ReplayRefusedException(ReplayRefusedException.Reason.TOPIC_EXISTS,
                    name + " exists already; a replay goes to a new topic");
        }
    }

    private static boolean isLive(String name) {
        return Topics.all(List.of()).stream().map(TopicSpec::name).anyMatch(name::equals)
                || AuditedTopics.PATTERN.matcher(name).matches();
    }
}
