package org.civicdispatch.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.civicdispatch.events.DepartmentTask;
import org.civicdispatch.events.IncidentReported;
import org.junit.jupiter.api.Test;

class TopicsTest {

    private static final List<String> DEPARTMENTS = List.of("water", "sanitation", "road-works");
    private static final List<TopicSpec> ALL = Topics.all(DEPARTMENTS);

    @Test
    void shouldNameEveryTopicInLowercaseKebabCase() {
        assertThat(ALL).extracting(TopicSpec::name)
                .allMatch(name -> name.matches("[a-z0-9]+(-[a-z0-9]+)*"), "lowercase kebab-case");
    }

    @Test
    void shouldNeverUseAJavaClassNameAsATopic() {
        assertThat(ALL).extracting(TopicSpec::name).doesNotContain(
                IncidentReported.class.getName(), IncidentReported.class.getSimpleName(),
                DepartmentTask.class.getName(), DepartmentTask.class.getSimpleName());
        assertThat(ALL).extracting(TopicSpec::name).noneMatch(name -> name.contains("."));
    }

    @Test
    void shouldDeclareEachTopicOnceWithExactlyOneWriter() {
        Map<String, Long> declarations = ALL.stream()
                .collect(Collectors.groupingBy(TopicSpec::name, Collectors.counting()));

        assertThat(declarations).allSatisfy((name, count) -> assertThat(count).as(name).isEqualTo(1));
        assertThat(ALL).allSatisfy(t -> assertThat(t.writer()).as(t.name()).isNotNull());
    }

    @Test
    void shouldDeclareTheFixedTopicsWithTheirWriters() {
        Map<String, Party> writers = ALL.stream().collect(Collectors.toMap(TopicSpec::name, TopicSpec::writer));

        assertThat(writers).containsEntry("incident-submissions", Party.CHANNEL_SYSTEMS)
                .containsEntry("incident-reports", Party.INTAKE)
                .containsEntry("case-events", Party.DISPATCH)
                .containsEntry("department-responses", Party.DEPARTMENT_SYSTEMS)
                .containsEntry("sla-events", Party.DISPATCH)
                .containsEntry("notifications", Party.NOTIFICATION);
    }

    @Test
    void shouldGiveEachTopicWithAValueTypeAnAvroClassAndTopicNameSubject() {
        assertThat(ALL).filteredOn(t -> t.valueType() != null).allSatisfy(t -> {
            assertThat(SpecificRecord.class).as(t.name()).isAssignableFrom(t.valueType());
            assertThat(t.valueSubject()).isEqualTo(t.name() + "-value");
        });
    }

    @Test
    void shouldGiveEachDepartmentItsOwnTaskTopicWrittenOnlyByDispatch() {
        TopicSpec water = Topics.departmentTasks("water");

        assertThat(water.name()).isEqualTo("department-tasks-water");
        assertThat(water.valueType()).isEqualTo(DepartmentTask.class);
        assertThat(water.writer()).isEqualTo(Party.DISPATCH);
        assertThat(water.provisioner()).isEqualTo(Party.DISPATCH);
        assertThat(water.readers()).containsExactlyInAnyOrder(Party.DEPARTMENT_SYSTEMS, Party.AUDIT);
        assertThat(water.containsPersonalData()).isFalse();
        assertThat(ALL).extracting(TopicSpec::name).filteredOn(n -> n.startsWith(Topics.DEPARTMENT_TASKS_PREFIX))
                .containsExactly("department-tasks-road-works", "department-tasks-sanitation",
                        "department-tasks-water");
    }

    @Test
    void shouldRefuseADepartmentCodeThatMakesAnInvalidTopicName() {
        assertThatThrownBy(() -> Topics.departmentTasks("Water Works"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("department-tasks-Water Works");
        assertThatThrownBy(() -> Topics.departmentTasks("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topics.departmentTasks("water_works")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldGiveEachConsumingServiceOneDeadLetterTopicItWritesItself() {
        List<TopicSpec> dlqs = ALL.stream().filter(t -> t.name().endsWith(Topics.DEAD_LETTER_SUFFIX)).toList();

        assertThat(dlqs).extracting(TopicSpec::name)
                .as("audit keeps even unreadable records, so it has no DLQ")
                .containsExactlyInAnyOrder("intake-dlq", "dispatch-dlq", "notification-dlq");
        assertThat(dlqs).allSatisfy(dlq -> {
            assertThat(dlq.valueType()).as("a DLQ keeps the bytes as they came").isNull();
            assertThat(dlq.name()).isEqualTo(dlq.writer().serviceName() + "-dlq");
            assertThat(dlq.provisioner()).isEqualTo(dlq.writer());
            assertThat(dlq.readers()).containsExactly(Party.AUDIT);
        });
        assertThat(Topics.deadLetters(Party.DEPARTMENT_SYSTEMS).name()).isEqualTo("department-systems-dlq");
    }

    @Test
    void shouldKeepPersonalDataOffTopicsThatDepartmentsRead() {
        assertThat(ALL).filteredOn(t -> t.readers().contains(Party.DEPARTMENT_SYSTEMS))
                .isNotEmpty().noneMatch(TopicSpec::containsPersonalData);
    }

    @Test
    void shouldProvisionEveryTopicByExactlyOneServiceOfThePlatform() {
        Set<Party> services = Set.of(Party.INTAKE, Party.DISPATCH, Party.NOTIFICATION, Party.AUDIT);
        Map<Party, List<String>> byProvisioner = services.stream().collect(Collectors.toMap(Function.identity(),
                s -> Topics.provisionedBy(s, DEPARTMENTS).stream().map(TopicSpec::name).toList()));

        assertThat(byProvisioner.values().stream().mapToInt(List::size).sum()).isEqualTo(ALL.size());
        assertThat(byProvisioner.get(Party.INTAKE))
                .containsExactlyInAnyOrder("incident-submissions", "incident-reports", "intake-dlq");
        assertThat(byProvisioner.get(Party.DISPATCH)).contains("department-responses", "department-tasks-water");
    }

    @Test
    void shouldRejectInvalidNamesInTheSpecItself() {
        assertThat(Topics.isValidName("case-events")).isTrue();
        assertThat(Topics.isValidName(null)).isFalse();
        assertThat(Topics.isValidName("case--events")).isFalse();
        assertThat(Topics.isValidName("-case-events")).isFalse();
        assertThat(Topics.isValidName("CaseEvents")).isFalse();
        assertThat(Topics.isValidName("case_events")).isFalse();
        assertThat(Topics.isValidName("case.events")).isFalse();
    }
}
