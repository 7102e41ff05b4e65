package org.civicdispatch.audit.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.apache.avro.specific.SpecificRecord;
import org.civicdispatch.contract.Topics;
import org.civicdispatch.events.Audience;
import org.civicdispatch.events.CaseClosed;
import org.civicdispatch.events.CaseEvent;
import org.civicdispatch.events.CaseRated;
import org.civicdispatch.events.Channel;
import org.civicdispatch.events.Closure;
import org.civicdispatch.events.DepartmentResponse;
import org.civicdispatch.events.DepartmentTask;
import org.civicdispatch.events.IncidentDispatched;
import org.civicdispatch.events.IncidentReported;
import org.civicdispatch.events.Location;
import org.civicdispatch.events.NotificationChannel;
import org.civicdispatch.events.NotificationSent;
import org.civicdispatch.events.Reporter;
import org.civicdispatch.events.ResponseKind;
import org.civicdispatch.events.SlaEvent;
import org.civicdispatch.events.SlaEventKind;
import org.civicdispatch.events.SlaStage;
import org.civicdispatch.events.TaskAccepted;
import org.civicdispatch.events.TaskResolved;
import org.civicdispatch.events.TaskReturned;
import org.civicdispatch.events.TaskRole;
import org.civicdispatch.reference.catalog.CatalogLoader;
import org.civicdispatch.reference.catalog.Matter;
import org.civicdispatch.reference.catalog.MatterCatalog;
import org.civicdispatch.reference.territory.GridShape;
import org.civicdispatch.reference.territory.Place;
import org.civicdispatch.reference.territory.Territory;

/**
 * Synthetic but plausible case histories over the bundled matter catalog and territory, as the platform's writers
 * put them on the topics: report, dispatch and its tasks, staff notice, responses, SLA timers, the lifecycle events
 * that follow, the rating and the close. Cases stop at a random stage (many are still open), about 6.8 records a
 * case on average. Seeded: the same seed gives the same histories.
 */
final class CaseHistories {

    /** One record to publish: topic, key (the case id), value and its own time (the record timestamp). */
    record Event(String topic, String key, SpecificRecord value, Instant at, Map<String, String> headers) {

        /** With the W3C trace context every record of a case carries on the platform. */
        Event(String topic, String key, SpecificRecord value, Instant at, String trace) {
            this(topic, key, value, at, Map.of("traceparent", "00-" + trace + "-" + trace.substring(0, 16) + "-01"));
        }
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final String[] DESCRIPTIONS = {
        "小区门口垃圾满溢，已经两天没人清运", "路灯不亮，晚上行人看不清路", "井盖松动，车辆经过有响声",
        "夜市摊位占道经营，油烟扰民", "楼道堆放杂物，存在消防隐患", "绿化带树木倒伏，挡住人行道",
        "施工噪音夜间扰民，请尽快处理", "自来水管破裂，路面积水", "Streetlight out at the corner, please fix",
    };

    private final Random random;
    private final List<Matter> matters;
    private final List<GridShape> grids;
    private final String catalogVersion;
    private final Instant start;
    private final Duration spacing;
    private long sequence;

    /** Cases reported evenly from {@code start} over {@code span}, {@code cases} of them. */
    CaseHistories(long seed, Instant start, Duration span, long cases) {
        MatterCatalog catalog = CatalogLoader.bundled();
        this.random = new Random(seed);
        this.matters = catalog.matters();
        this.grids = Territory.bundled().grids();
        this.catalogVersion = catalog.version();
        this.start = start;
        this.spacing = span.dividedBy(Math.max(1, cases));
    }

    /** Every department a task can go to: a topic each. */
    static List<String> departmentCodes() {
        return CatalogLoader.bundled().departments().stream().map(d -> d.code()).toList();
    }

    List<Event> nextCase() {
        long n = sequence++;
        Instant reported = start.plus(spacing.multipliedBy(n)).truncatedTo(ChronoUnit.MILLIS)
                .plusMillis(random.nextInt(60_000));
        String caseId = "C-" + DAY.format(reported.atZone(ZONE)) + "-" + suffix(n);
        Matter matter = matters.get(random.nextInt(matters.size()));
        GridShape grid = grids.get(random.nextInt(grids.size()));
        Place place = grid.place();
        double[] point = grid.ring().get(0);
        Location location = Location.newBuilder().setLatitude(point[1]).setLongitude(point[0])
                .setAddress(place.streetName() + place.communityName() + random.nextInt(40) + "号楼")
                .setGridCode(place.gridCode()).setCommunityCode(place.communityCode())
                .setStreetCode(place.streetCode()).build();
        String description = DESCRIPTIONS[random.nextInt(DESCRIPTIONS.length)];
        String trace = HexFormat.of().formatHex(longBytes(random.nextLong(), random.nextLong()));
        List<Event> events = new ArrayList<>();
        Instant at = reported.plusSeconds(2);

        boolean hotline = random.nextInt(10) < 6;
        events.add(new Event(Topics.INCIDENT_REPORTS.name(), caseId, IncidentReported.newBuilder()
                .setCaseId(caseId).setChannel(hotline ? Channel.HOTLINE_12345 : Channel.GRID_PATROL)
                .setExternalId(hotline ? "12345-" + n : null).setCategory(matter.code())
                .setDescription(description).setLocation(location)
                .setReporter(hotline ? Reporter.newBuilder().setName("张三" + (n % 97))
                        .setPhone("138" + String.format("%08d", n % 100_000_000)).build() : null)
                .setUrgency(matter.urgency()).setReportedAt(reported).setAcceptedAt(at).build(), at, trace));

        List<String> departments = new ArrayList<>();
        departments.add(matter.leadDepartment());
        if (!matter.assistingDepartments().isEmpty() && random.nextInt(10) < 3) {
            departments.add(matter.assistingDepartments().get(0));
        }
        List<String> taskIds = departments.stream().map(d -> caseId + "/" + d).toList();
        at = at.plusMillis(300 + random.nextInt(700));
        events.add(caseEvent(caseId, "/dispatched", at, IncidentDispatched.newBuilder()
                .setMatterCode(matter.code()).setTier(matter.tier()).setLeadDepartment(matter.leadDepartment())
                .setAssistingDepartments(departments.subList(1, departments.size())).setTaskIds(taskIds)
                .setCatalogVersion(catalogVersion).setRoutingReason("matter " + matter.code())
                .setOwnerUnit(place.communityCode()).build(), trace));
        Instant dispatched = at;
        Duration signWithin = Objects.requireNonNullElse(matter.signWithin(), Duration.ofHours(2));
        Duration feedbackWithin = Objects.requireNonNullElse(matter.feedbackWithin(), Duration.ofDays(7));
        Instant signBy = dispatched.plus(signWithin);
        for (int i = 0; i < departments.size(); i++) {
            events.add(new Event(Topics.departmentTasks(departments.get(i)).name(), caseId,
                    DepartmentTask.newBuilder().setTaskId(taskIds.get(i)).setCaseId(caseId)
                            .setDepartmentCode(departments.get(i)).setRole(i == 0 ? TaskRole.LEAD : TaskRole.ASSIST)
                            .setMatterCode(matter.code()).setDescription(description).setLocation(location)
                            .setUrgency(matter.urgency()).setTier(matter.tier()).setDispatchedAt(dispatched)
                            .setSignBy(signBy).setResolveBy(dispatched.plus(feedbackWithin))
                            .setCatalogVersion(catalogVersion).setOwnerUnit(place.communityCode())
                            .setEscalationChain(matter.escalationChain()).build(), dispatched, trace));
        }
        if (random.nextInt(10) < 2) {
            events.add(notice(caseId, "/dispatched", Audience.DEPARTMENT_STAFF, dispatched.plusSeconds(1),
                    "您有新的派单：" + description, trace));
        }
        String lead = departments.get(0);
        String taskId = taskIds.get(0);
        if (random.nextInt(10) >= 8) {
            return events; // not signed for yet
        }
        boolean late = random.nextInt(100) < 15;
        if (late) {
            events.add(new Event(Topics.SLA_EVENTS.name(), caseId, SlaEvent.newBuilder()
                    .setEventId(caseId + "/sla/" + lead + "/sign/breach").setCaseId(caseId).setTaskId(taskId)
                    .setDepartmentCode(lead).setStage(SlaStage.SIGN).setKind(SlaEventKind.BREACH)
                    .setDeadline(signBy).setFiredAt(signBy.plusMillis(40)).build(), signBy.plusMillis(40), trace));
        }
        Instant signed = late ? signBy.plusSeconds(600 + random.nextInt(7200))
                : dispatched.plusMillis((long) (random.nextDouble() * signWithin.toMillis()));
        events.add(response(caseId, lead, taskId, ResponseKind.ACCEPTED, signed, null, trace));
        events.add(caseEvent(caseId, "/" + lead + "/accepted", signed.plusMillis(50), TaskAccepted.newBuilder()
                .setTaskId(taskId).setDepartmentCode(lead).setResponseId(taskId + "/accepted")
                .setStaffId("staff-" + random.nextInt(2_598)).build(), trace));
        int outcome = random.nextInt(100);
        if (outcome < 8) {
            Instant returned = signed.plusSeconds(300 + random.nextInt(3600));
            events.add(response(caseId, lead, taskId, ResponseKind.RETURNED, returned, "不属于本部门职责", trace));
            events.add(caseEvent(caseId, "/" + lead + "/returned", returned.plusMillis(50), TaskReturned.newBuilder()
                    .setTaskId(taskId).setDepartmentCode(lead).setResponseId(taskId + "/returned")
                    .setReason("不属于本部门职责").build(), trace));
            return events;
        }
        if (outcome >= 68) {
            return events; // in progress
        }
        Instant resolved = signed.plusMillis((long) (random.nextDouble() * 1.3 * feedbackWithin.toMillis()));
        events.add(response(caseId, lead, taskId, ResponseKind.RESOLVED, resolved, "已处理完毕", trace));
        events.add(caseEvent(caseId, "/" + lead + "/resolved", resolved.plusMillis(50), TaskResolved.newBuilder()
                .setTaskId(taskId).setDepartmentCode(lead).setResponseId(taskId + "/resolved").setNote("已处理完毕")
                .build(), trace));
        if (random.nextInt(2) == 0) {
            return events; // not rated yet
        }
        Instant rated = resolved.plusSeconds(3600 + random.nextInt(86_400));
        events.add(caseEvent(caseId, "/rated", rated, CaseRated.newBuilder().setSatisfied(random.nextInt(10) < 9)
                .build(), trace));
        events.add(caseEvent(caseId, "/closed", rated.plusMillis(20), CaseClosed.newBuilder()
                .setClosure(Closure.RATED).build(), trace));
        return events;
    }

    private Event caseEvent(String caseId, String suffix, Instant at, SpecificRecord payload, String trace) {
        return new Event(Topics.CASE_EVENTS.name(), caseId, CaseEvent.newBuilder().setEventId(caseId + suffix)
                .setCaseId(caseId).setOccurredAt(at).setPayload(payload).build(), at, trace);
    }

    private Event response(String caseId, String department, String taskId, ResponseKind kind, Instant at,
                           String note, String trace) {
        return new Event(Topics.DEPARTMENT_RESPONSES.name(), caseId, DepartmentResponse.newBuilder()
                .setResponseId(taskId + "/" + kind.name().toLowerCase()).setTaskId(taskId).setCaseId(caseId)
                .setDepartmentCode(department).setKind(kind).setNote(note)
                .setReturnReason(kind == ResponseKind.RETURNED ? note : null)
                .setStaffId("staff-" + random.nextInt(2_598)).setRespondedAt(at).build(), at, trace);
    }

    private Event notice(String caseId, String source, Audience audience, Instant at, String body, String trace) {
        return new Event(Topics.NOTIFICATIONS.name(), caseId, NotificationSent.newBuilder()
                .setNotificationId(caseId + source + "/notice").setCaseId(caseId)
                .setSourceEventId(caseId + source).setAudience(audience)
                .setRecipientRef("pseudo-" + Integer.toHexString(random.nextInt())).setChannel(NotificationChannel.SMS)
                .setTemplateId("task-dispatched").setLocale("zh-CN").setBody(body).setSentAt(at).build(), at, trace);
    }

    private static String suffix(long n) {
        char[] chars = new char[8];
        long bits = n * 0x9E3779B97F4A7C15L;
        for (int i = 7; i >= 0; i--) {
            chars[i] = ALPHABET[(int) (bits & 31)];
            bits >>>= 5;
        }
        return new String(chars);
    }

    private static byte[] longBytes(long a, long b) {
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (a >>> (8 * i));
            bytes[8 + i] = (byte) (b >>> (8 * i));
        }
        return bytes;
    }
}
