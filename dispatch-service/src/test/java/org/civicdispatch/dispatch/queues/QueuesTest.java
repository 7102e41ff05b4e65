package org.civicdispatch.dispatch.queues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.civicdispatch.dispatch.routing.Fixtures.NOW;
import static org.civicdispatch.dispatch.routing.Fixtures.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.civicdispatch.dispatch.lifecycle.CaseFile;
import org.civicdispatch.dispatch.lifecycle.CaseLifecycle;
import org.civicdispatch.dispatch.routing.Dispatching;
import org.civicdispatch.dispatch.routing.Fixtures;
import org.civicdispatch.dispatch.routing.Router;
import org.civicdispatch.events.Urgency;
import org.junit.jupiter.api.Test;

class QueuesTest {

    private final Dispatching dispatching = new Dispatching(new Router(Fixtures.catalog()));

    private CaseFile opened(String caseId, String matter) {
        return CaseLifecycle.opened(caseId, matter,
                dispatching.dispatch(report(caseId, matter, Urgency.ROUTINE), NOW).tasks());
    }

    @Test
    void shouldKeepTheBreachedAndNextDueFirstOfAQueueTooLongToSortWhole() {
        Instant now = Instant.parse("2026-12-02T08:00:00Z");
        Random random = new Random(7);
        List<QueueEntry> entries = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            long remaining = random.nextInt(20_000) - 2_000;
            entries.add(new QueueEntry("C-" + i, "T-" + i, "sanitation", "LEAD", "m", "OPEN", "ISSUED", "SIGN",
                    now.plusSeconds(remaining), remaining, remaining < 0, "S1", "C1", "G1", "d", null, null));
        }
        Queues.Filter anyone = new Queues.Filter(null, null, null, null);

        List<QueueEntry> first = Queues.sorted(entries.stream(), anyone, 50);

        assertThat(first).containsExactlyElementsOf(entries.stream().sorted(Queues.BREACHED_FIRST).limit(50).toList());
        assertThat(first.get(0).breached()).isTrue();
    }

    @Test
    void shouldPutTheArrivalDeadlineOfAWhistleMatterFirst() {
        List<QueueEntry> queue = Queues.sorted(Stream.of(opened("C-Q1", "housing.illegal-construction"),
                        opened("C-Q2", "sanitation.garbage-overflow"))
                .flatMap(f -> Queues.entriesOf(f, NOW.plus(Duration.ofMinutes(40)))),
                new Queues.Filter(null, null, null, null), 10);

        assertThat(queue).extracting(QueueEntry::caseId, QueueEntry::stage, QueueEntry::breached)
                .containsExactly(tuple("C-Q1", "ARRIVAL", true),
                        tuple("C-Q2", "SIGN", false));
    }

    @Test
    void shouldGiveATerritorialUnitTheTasksAssignedToItAndTheCasesItOwns() {
        Stream<QueueEntry> entries = Stream.of(opened("C-Q3", "community.corridor-clutter"),
                opened("C-Q4", "sanitation.garbage-overflow")).flatMap(f -> Queues.entriesOf(f, NOW));

        List<QueueEntry> community = Queues.sorted(entries, new Queues.Filter(null, null, null, "NG-S01-C03"), 10);

        assertThat(community).extracting(QueueEntry::taskId)
                .containsExactlyInAnyOrder("C-Q3/community-committee", "C-Q4/sanitation");
    }
}
