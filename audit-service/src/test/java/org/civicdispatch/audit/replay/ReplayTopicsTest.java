package org.civicdispatch.audit.replay;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplayTopicsTest {

    @Test
    void shouldRefuseEveryLiveTopicOfTheContract() {
        for (String live : new String[] {"case-events", "incident-reports", "incident-submissions",
                "department-tasks-sanitation", "intake-dlq", "notifications", "replay-case-events-dlq"}) {
            assertThatThrownBy(() -> ReplayTopics.check(live, Set.of())).as(live)
                    .isInstanceOfSatisfying(ReplayRefusedException.class, e ->
                            org.assertj.core.api.Assertions.assertThat(e.reason())
                                    .isEqualTo(ReplayRefusedException.Reason.LIVE_TOPIC));
        }
    }

    @Test
    void shouldRefuseNamesWithoutTheReplayPrefixAndExistingTopics() {
        assertThatThrownBy(() -> ReplayTopics.check("my-copy", Set.of()))
                .hasFieldOrPropertyWithValue("reason", ReplayRefusedException.Reason.NOT_A_REPLAY_TOPIC);
        assertThatThrownBy(() -> ReplayTopics.check("replay-Upper", Set.of()))
                .hasFieldOrPropertyWithValue("reason", ReplayRefusedException.Reason.NOT_A_REPLAY_TOPIC);
        assertThatThrownBy(() -> ReplayTopics.check("replay-done", Set.of("replay-done")))
                .hasFieldOrPropertyWithValue("reason", ReplayRefusedException.Reason.TOPIC_EXISTS);
        assertThatThrownBy(() -> ReplayTopics.check(" ", Set.of()))
                .hasFieldOrPropertyWithValue("reason", ReplayRefusedException.Reason.INVALID_REQUEST);
    }

    @Test
    void shouldAcceptANewReplayTopic() {
        assertThatCode(() -> ReplayTopics.check("replay-2026-11-23", Set.of("case-events"))).doesNotThrowAnyException();
    }
}
