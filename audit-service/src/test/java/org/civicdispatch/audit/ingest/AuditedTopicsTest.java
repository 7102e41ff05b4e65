package org.civicdispatch.audit.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.civicdispatch.contract.TopicSpec;
import org.civicdispatch.contract.Topics;
import org.junit.jupiter.api.Test;

class AuditedTopicsTest {

    @Test
    void shouldSubscribeToEveryTopicOfTheContractIncludingNewDepartments() {
        assertThat(Topics.all(List.of("sanitation", "gas-utility")).stream().map(TopicSpec::name))
                .allMatch(name -> AuditedTopics.PATTERN.matcher(name).matches());
        assertThat(AuditedTopics.PATTERN.matcher("department-tasks-new-department").matches()).isTrue();
    }

    @Test
    void shouldLeaveOutTopicsThatAreNotPlatformEvents() {
        assertThat(List.of("_schemas", "__consumer_offsets", "case-events-archive", "x-case-events",
                "department-tasks-", "dispatch-store-changelog"))
                .noneMatch(name -> AuditedTopics.PATTERN.matcher(name).matches());
    }
}
