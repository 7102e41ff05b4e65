package org.civicdispatch.load;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.civicdispatch.contract.Topics;
import org.civicdispatch.events.CaseEvent;
import org.civicdispatch.events.DepartmentResponse;
import org.civicdispatch.events.DepartmentTask;
import org.civicdispatch.events.IncidentDispatched;
import org.civicdispatch.events.IncidentReported;
import org.civicdispatch.events.ResponseKind;
import org.civicdispatch.events.SlaEvent;
import org.civicdispatch.events.TaskRole;
import org.civicdispatch.registry.SchemaRegistryClient;
import org.civicdispatch.registry.wire.AvroCodec;

/**
 * Reads what the platform makes of the traffic, committed records only, as a department system and an auditor
 * would: each case's acceptance (incident-reports), its dispatch (case-events) and its tasks (department-tasks-*),
 * with the time each task became readable. Plays the departments too: signs for a share of the lead tasks on
 * department-responses. Keeps every record's coordinates, so audit can be checked against the log.
 */
final class Observer implements AutoCloseable {

    /** Where one record sits in the log. */
    record Coordinate(String topic, int partition, long offset) {
    }

    private final String runId;
    private final AvroCodec codec;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> responses;
    private final double signShare;
    private final Thread thread;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final CountDownLatch assigned = new CountDownLatch(1);

    final Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
    final Map<String, String> caseOfExternalId = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> reportsPerCase = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> dispatchedPerCase = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> recordsPerTask = new ConcurrentHashMap<>();
    final Map<String, Long> firstTaskSeenAt = new ConcurrentHashMap<>();
    /** Every record read, with its case: filtered by the run's cases when counting, since topics interleave. */
    final Map<Coordinate, String> caseOfRecord = new ConcurrentHashMap<>();
    final AtomicLong signed = new AtomicLong();
    /** SLA events per case, stage and kind ("C-1|SIGN|BREACH"), and how late each was readable after its deadline. */
    final Map<String, AtomicInteger> slaEvents = new ConcurrentHashMap<>();
    final Histogram slaLateness = new Histogram(TimeUnit.HOURS.toMicros(1), 3);

    /**
     * @param runId     only cases whose external id or description carries it are counted
     * @param signShare share of lead tasks the departments sign for (0 sends no responses)
     */
    Observer(Target target, String runId, double signShare) {
        this.runId = runId;
        this.signShare = signShare;
        this.codec = new AvroCodec(new SchemaRegistryClient(target.registryUrl()), true);
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "load-observer-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "2000");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers());
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        this.responses = new KafkaProducer<>(producerProps, new StringSerializer(), new ByteArraySerializer());
        this.thread = new Thread(this::read, "load-observer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Blocks until the consumer has its partitions and has read what was there before. */
    void awaitAssigned() throws InterruptedException {
        if (!assigned.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the observer got no partitions within 60 s");
        }
    }

    private void read() {
        consumer.subscribe(Pattern.compile(Pattern.quote(Topics.INCIDENT_REPORTS.name()) + "|"
                + Pattern.quote(Topics.CASE_EVENTS.name()) + "|" + Pattern.quote(Topics.SLA_EVENTS.name()) + "|"
                + Topics.DEPARTMENT_TASKS_PREFIX + ".*"));
        while (running.get()) {
            var records = consumer.poll(Duration.ofMillis(50));
            long now = System.currentTimeMillis();
            if (!consumer.assignment().isEmpty() && records.isEmpty()) {
                assigned.countDown(); // partitions assigned and what was there before is read
            }
            for (ConsumerRecord<String, byte[]> r : records) {
                try {
                    handle(r, now);
                } catch (RuntimeException e) {
                    System.err.println("observer: cannot read " + r.topic() + "@" + r.offset() + ": " + e);
                }
            }
        }
        consumer.close();
    }

    private void handle(ConsumerRecord<String, byte[]> r, long now) {
        if (r.topic().equals(Topics.INCIDENT_REPORTS.name())) {
            IncidentReported report = codec.decode(r.value(), IncidentReported.class).value();
            String external = report.getExternalId();
            if ((external == null || !external.startsWith(runId)) && !report.getDescription().contains(runId)) {
                return;
            }
            caseOfRecord.put(new Coordinate(r.topic(), r.partition(), r.offset()), report.getCaseId());
            acceptedAt.putIfAbsent(report.getCaseId(), report.getAcceptedAt().toEpochMilli());
            if (external != null) {
                caseOfExternalId.putIfAbsent(external, report.getCaseId());
            }
            reportsPerCase.computeIfAbsent(report.getCaseId(), k -> new AtomicInteger()).incrementAndGet();
        } else if (r.topic().equals(Topics.CASE_EVENTS.name())) {
            caseOfRecord.put(new Coordinate(r.topic(), r.partition(), r.offset()), r.key());
            CaseEvent event = codec.decode(r.value(), CaseEvent.class).value();
            if (event.getPayload() instanceof IncidentDispatched) {
                dispatchedPerCase.computeIfAbsent(event.getCaseId(), k -> new AtomicInteger()).incrementAndGet();
            }
        } else if (r.topic().equals(Topics.SLA_EVENTS.name())) {
            SlaEvent sla = codec.decode(r.value(), SlaEvent.class).value();
            slaEvents.computeIfAbsent(sla.getCaseId() + "|" + sla.getStage() + "|" + sla.getKind(),
                    k -> new AtomicInteger()).incrementAndGet();
            synchronized (slaLateness) {
                slaLateness.recordValue(Math.max(0, now - sla.getDeadline().toEpochMilli()) * 1000);
            }
        } else {
            caseOfRecord.put(new Coordinate(r.topic(), r.partition(), r.offset()), r.key());
            firstTaskSeenAt.putIfAbsent(r.key(), now);
            DepartmentTask task = codec.decode(r.value(), DepartmentTask.class).value();
            if (recordsPerTask.computeIfAbsent(task.getTaskId(), k -> new AtomicInteger()).incrementAndGet() == 1
                    && task.getRole() == TaskRole.LEAD && Math.floorMod(task.getTaskId().hashCode(), 1000)
                    < signShare * 1000) {
                sign(task);
            }
        }
    }

    private void sign(DepartmentTask task) {
        DepartmentResponse response = DepartmentResponse.newBuilder().setResponseId("R-" + task.getTaskId() + "-A")
                .setTaskId(task.getTaskId()).setCaseId(task.getCaseId()).setDepartmentCode(task.getDepartmentCode())
                .setKind(ResponseKind.ACCEPTED).setStaffId("load-" + task.getDepartmentCode())
                .setRespondedAt(Instant.now()).build();
        responses.send(new ProducerRecord<>(Topics.DEPARTMENT_RESPONSES.name(), task.getCaseId(),
                codec.encode(Topics.DEPARTMENT_RESPONSES.valueSubject(), response)));
        signed.incrementAndGet();
    }

    /** Waits until every case accepted so far has a task, or the time is up; answers whether they all have. */
    boolean awaitTasks(Set<String> cases, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (firstTaskSeenAt.keySet().containsAll(cases)) {
                return true;
            }
            Thread.sleep(50);
        }
        return firstTaskSeenAt.keySet().containsAll(cases);
    }

    @Override
    public void close() {
        running.set(false);
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        responses.close(Duration.ofSeconds(5));
    }
}
