package org.civicdispatch.load;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;
import java.util.HashSet;
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
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.civicdispatch.contract.DeadLetterHeaders;
import org.civicdispatch.contract.Topics;
import org.civicdispatch.events.CaseEvent;
import org.civicdispatch.events.DepartmentResponse;
import org.civicdispatch.events.DepartmentTask;
import org.civicdispatch.events.FailureOutcome;
import org.civicdispatch.events.IncidentDispatched;
import org.civicdispatch.events.IncidentReported;
import org.civicdispatch.events.NotificationChannel;
import org.civicdispatch.events.NotificationFailed;
import org.civicdispatch.events.NotificationSent;
import org.civicdispatch.events.ResponseKind;
import org.civicdispatch.events.SlaEvent;
import org.civicdispatch.events.SlaEventKind;
import org.civicdispatch.events.TaskRole;
import org.civicdispatch.registry.RegistryUnavailableException;
import org.civicdispatch.registry.SchemaRegistryClient;
import org.civicdispatch.registry.wire.AvroCodec;

/**
 * Reads what the platform makes of the traffic, committed records only, as a department system and an auditor
 * would: each case's acceptance (incident-reports), its dispatch (case-events) and its tasks (department-tasks-*),
 * with the time each task became readable. Plays the departments too: signs for a share of the lead tasks on
 * department-responses. Keeps every record's coordinates, so audit can be checked against the log. For the chaos
 * run, also reads what notification made of the cases (texts sent and failed attempts) and what any service
 * dead-lettered, and keeps each task's signing deadline, its signature and its SLA events, so that the timers can
 * be checked.
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
    private final boolean chaos;
    private final Thread thread;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final CountDownLatch assigned = new CountDownLatch(1);
    /** Every record handled, by coordinate (the observer thread's own). */
    private final Set<Coordinate> read = new HashSet<>();

    final Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
    final Map<String, String> caseOfExternalId = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> reportsPerCase = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> dispatchedPerCase = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> recordsPerTask = new ConcurrentHashMap<>();
    final Map<String, Long> firstTaskSeenAt = new ConcurrentHashMap<>();
    /** Where the time to the first task goes: when the report became readable, when dispatch (its clock) made it. */
    final Map<String, Long> reportSeenAt = new ConcurrentHashMap<>();
    final Map<String, Long> firstTaskDispatchedAt = new ConcurrentHashMap<>();
    /** Every record read, with its case: filtered by the run's cases when counting, since topics interleave. */
    final Map<Coordinate, String> caseOfRecord = new ConcurrentHashMap<>();
    final AtomicLong signed = new AtomicLong();
    /** SLA events per case, stage and kind ("C-1|SIGN|BREACH"), and how late each was readable after its deadline. */
    final Map<String, AtomicInteger> slaEvents = new ConcurrentHashMap<>();
    final Histogram slaLateness = new Histogram(TimeUnit.HOURS.toMicros(1), 3);
    /** A task's signing clock as dispatch issued it (epoch millis). */
    record SignClock(String caseId, TaskRole role, long dispatchedAt, long signBy) {

        /** When the sign reminder falls due: with a quarter of the window left, as dispatch's TimerPlan sets it. */
        long reminderAt() {
            return signBy - (signBy - dispatchedAt) / 4;
        }
    }

    /** Chaos runs: each task's signing clock, by task id. */
    final Map<String, SignClock> signClocks = new ConcurrentHashMap<>();
    /** Chaos runs: the tasks the harness signed for, and when the broker acknowledged each signature. */
    final Set<String> signatureSent = ConcurrentHashMap.newKeySet();
    final Map<String, Long> signatureAcknowledgedAt = new ConcurrentHashMap<>();
    /** Chaos runs: SLA events per task, stage and kind ("T-1|SIGN|BREACH"); a case's tasks each have timers. */
    final Map<String, AtomicInteger> slaEventsPerTask = new ConcurrentHashMap<>();
    /** The caller's phone of each case that has one: where the citizen's texts go. */
    final Map<String, String> phoneOfCase = new ConcurrentHashMap<>();
    /** SMS notices notification sent or tried to send, by notification id. */
    final Map<String, SmsNotice> smsNotices = new ConcurrentHashMap<>();
    /** Records on the dead-letter topics, by topic, and the reason of the first of each. */
    final Map<String, AtomicInteger> deadLetters = new ConcurrentHashMap<>();
    final Map<String, String> deadLetterReason = new ConcurrentHashMap<>();
    /** Why SMS attempts failed, ids masked, with how many failed so. */
    final Map<String, AtomicInteger> smsFailureReasons = new ConcurrentHashMap<>();

    /** One SMS notice as notification's records tell it: sent, attempts that failed, given up (parked). */
    static final class SmsNotice {
        final String caseId;
        final String recipientRef;
        volatile boolean sent;
        volatile boolean parked;
        final AtomicInteger failedAttempts = new AtomicInteger();

        SmsNotice(String caseId, String recipientRef) {
            this.caseId = caseId;
            this.recipientRef = recipientRef;
        }
    }

    /**
     * @param runId     only cases whose external id or description carries it are counted
     * @param signShare share of lead tasks the departments sign for (0 sends no responses)
     * @param chaos     whether to keep the chaos run's accounts too: notification's records, the dead-letter
     *                  topics, the tasks' signing clocks (the benchmarks spare the decoding and the memory)
     */
    Observer(Target target, String runId, double signShare, boolean chaos) {
        this.runId = runId;
        this.signShare = signShare;
        this.chaos = chaos;
        this.codec = new AvroCodec(new SchemaRegistryClient(target.registryUrl()), true);
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "load-observer-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "2000");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        // The instrument must not add latency: a read_committed fetch can otherwise sit out fetch.max.wait.ms (500)
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5");
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

    /** Blocks until the consumer has its partitions and stands at their ends. */
    void awaitAssigned() throws InterruptedException {
        if (!assigned.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the observer got no partitions within 60 s");
        }
    }

    private void read() {
        consumer.subscribe(Pattern.compile(Pattern.quote(Topics.INCIDENT_REPORTS.name()) + "|"
                + Pattern.quote(Topics.CASE_EVENTS.name()) + "|" + Pattern.quote(Topics.SLA_EVENTS.name()) + "|"
                + Topics.DEPARTMENT_TASKS_PREFIX + ".*" + (chaos ? "|"
                + Pattern.quote(Topics.NOTIFICATIONS.name()) + "|" + Pattern.quote(Topics.NOTIFICATION_FAILURES.name())
                + "|.*" + Pattern.quote(Topics.DEAD_LETTER_SUFFIX) : "")), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            }

            /**
             * The run's records all come after the first assignment: start at the end. Reading earlier runs'
             * records first made the first cases of a run look late (each phase of the benchmarks has an observer
             * of its own). Partitions assigned later (a topic created meanwhile, positions lost to a broker
             * restart) are read from their beginning.
             */
            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                if (assigned.getCount() > 0 && !partitions.isEmpty()) {
                    consumer.seekToEnd(partitions);
                    partitions.forEach(consumer::position);
                    assigned.countDown();
                }
            }
        });
        while (running.get()) {
            var records = consumer.poll(Duration.ofMillis(50));
            long now = System.currentTimeMillis();
            for (ConsumerRecord<String, byte[]> r : records) {
                handleOrWait(r, now);
            }
        }
        consumer.close();
    }

    /**
     * Each record counts once, however often it is read: after a broker restart the group may lose its positions
     * and read from the beginning again (it commits none). A record whose schema cannot be fetched while the
     * registry is down is read once it is back, not dropped.
     */
    private void handleOrWait(ConsumerRecord<String, byte[]> r, long now) {
        Coordinate at = new Coordinate(r.topic(), r.partition(), r.offset());
        if (read.contains(at)) {
            return;
        }
        while (running.get()) {
            try {
                handle(r, now);
                read.add(at);
                return;
            } catch (RegistryUnavailableException e) {
                sleep(500);
            } catch (RuntimeException e) {
                System.err.println("observer: cannot read " + r.topic() + "@" + r.offset() + ": " + e);
                read.add(at);
                return;
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(ConsumerRecord<String, byte[]> r, long now) {
        if (r.topic().endsWith(Topics.DEAD_LETTER_SUFFIX)) {
            deadLetters.computeIfAbsent(r.topic(), k -> new AtomicInteger()).incrementAndGet();
            deadLetterReason.putIfAbsent(r.topic(), header(r, DeadLetterHeaders.REASON) + " (a record of "
                    + header(r, DeadLetterHeaders.ORIGINAL_TOPIC) + ")");
        } else if (r.topic().equals(Topics.NOTIFICATIONS.name())) {
            NotificationSent sent = codec.decode(r.value(), NotificationSent.class).value();
            if (sent.getChannel() == NotificationChannel.SMS) {
                smsNotice(sent.getNotificationId(), sent.getCaseId(), sent.getRecipientRef()).sent = true;
            }
        } else if (r.topic().equals(Topics.NOTIFICATION_FAILURES.name())) {
            NotificationFailed failed = codec.decode(r.value(), NotificationFailed.class).value();
            if (failed.getChannel() == NotificationChannel.SMS) {
                SmsNotice notice = smsNotice(failed.getNotificationId(), failed.getCaseId(),
                        failed.getRecipientRef());
                notice.failedAttempts.incrementAndGet();
                smsFailureReasons.computeIfAbsent(failed.getReason().replaceAll("[0-9a-f]{8,}|C-[0-9A-Z-]+", "…"),
                        k -> new AtomicInteger()).incrementAndGet();
                if (failed.getOutcome() == FailureOutcome.DEAD_LETTERED) {
                    notice.parked = true;
                }
            }
        } else if (r.topic().equals(Topics.INCIDENT_REPORTS.name())) {
            IncidentReported report = codec.decode(r.value(), IncidentReported.class).value();
            String external = report.getExternalId();
            if ((external == null || !external.startsWith(runId)) && !report.getDescription().contains(runId)) {
                return;
            }
            caseOfRecord.put(new Coordinate(r.topic(), r.partition(), r.offset()), report.getCaseId());
            acceptedAt.putIfAbsent(report.getCaseId(), report.getAcceptedAt().toEpochMilli());
            reportSeenAt.putIfAbsent(report.getCaseId(), now);
            if (external != null) {
                caseOfExternalId.putIfAbsent(external, report.getCaseId());
            }
            reportsPerCase.computeIfAbsent(report.getCaseId(), k -> new AtomicInteger()).incrementAndGet();
            if (report.getReporter() != null && report.getReporter().getPhone() != null) {
                phoneOfCase.put(report.getCaseId(), report.getReporter().getPhone());
            }
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
            if (chaos) {
                // the timer benchmarks leave them out: millions of coordinates in the harness's heap
                caseOfRecord.put(new Coordinate(r.topic(), r.partition(), r.offset()), sla.getCaseId());
                if (sla.getTaskId() != null) {
                    slaEventsPerTask.computeIfAbsent(sla.getTaskId() + "|" + sla.getStage() + "|" + sla.getKind(),
                            k -> new AtomicInteger()).incrementAndGet();
                }
            }
            // a breach falls due at the deadline itself (reminders before it), so its lateness is the timers'
            if (sla.getKind() == SlaEventKind.BREACH) {
                synchronized (slaLateness) {
                    slaLateness.recordValue(Math.max(0, now - sla.getDeadline().toEpochMilli()) * 1000);
                }
            }
        } else {
            caseOfRecord.put(new Coordinate(r.topic(), r.partition(), r.offset()), r.key());
            firstTaskSeenAt.putIfAbsent(r.key(), now);
            DepartmentTask task = codec.decode(r.value(), DepartmentTask.class).value();
            firstTaskDispatchedAt.putIfAbsent(r.key(), task.getDispatchedAt().toEpochMilli());
            if (recordsPerTask.computeIfAbsent(task.getTaskId(), k -> new AtomicInteger()).incrementAndGet() > 1) {
                return;
            }
            if (chaos) {
                signClocks.put(task.getTaskId(), new SignClock(task.getCaseId(), task.getRole(),
                        task.getDispatchedAt().toEpochMilli(), task.getSignBy().toEpochMilli()));
            }
            if (task.getRole() == TaskRole.LEAD && Math.floorMod(task.getTaskId().hashCode(), 1000)
                    < signShare * 1000) {
                sign(task);
            }
        }
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        Header header = r.headers().lastHeader(name);
        return header == null ? "?" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private SmsNotice smsNotice(String notificationId, String caseId, String recipientRef) {
        return smsNotices.computeIfAbsent(notificationId, k -> new SmsNotice(caseId, recipientRef));
    }

    private void sign(DepartmentTask task) {
        DepartmentResponse response = DepartmentResponse.newBuilder().setResponseId("R-" + task.getTaskId() + "-A")
                .setTaskId(task.getTaskId()).setCaseId(task.getCaseId()).setDepartmentCode(task.getDepartmentCode())
                .setKind(ResponseKind.ACCEPTED).setStaffId("load-" + task.getDepartmentCode())
                .setRespondedAt(Instant.now()).build();
        String taskId = task.getTaskId();
        if (chaos) {
            signatureSent.add(taskId);
        }
        // signed "at" the broker's acknowledgement, not at the send: what dispatch can read from then on
        responses.send(new ProducerRecord<>(Topics.DEPARTMENT_RESPONSES.name(), task.getCaseId(),
                codec.encode(Topics.DEPARTMENT_RESPONSES.valueSubject(), response)), (metadata, e) -> {
                    if (e == null && chaos) {
                        signatureAcknowledgedAt.put(taskId, System.currentTimeMillis());
                    }
                });
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
