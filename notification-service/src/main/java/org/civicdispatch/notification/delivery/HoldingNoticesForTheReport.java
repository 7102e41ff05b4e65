package org.civicdispatch.notification.delivery;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.civicdispatch.events.CaseEvent;
import org.civicdispatch.notification.directory.CaseContacts;
import org.civicdispatch.notification.domain.AwaitingTheReport;
import org.civicdispatch.notification.domain.CaseFacts;
import org.civicdispatch.notification.domain.Notice;
import org.civicdispatch.notification.domain.Notifying;
import org.civicdispatch.registry.wire.AvroCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A case event's citizen notices wait for the case's report when it has not been handled yet
 * ({@link AwaitingTheReport}), and go when it is: planned again from their event, now with the citizen's contact
 * data and language. The report listener releases them at once; {@link #releaseDue()} (on a schedule) catches a
 * release lost to a race or a crash, and releases notices that waited longer than {@code maxWait} to the inbox
 * only, with a warning. A report without contact data, or one handled after the case closed, releases them to the
 * inbox only as well. The claims still keep each (notice, channel) to one delivery.
 */
public class HoldingNoticesForTheReport {

    private static final Logger LOG = LoggerFactory.getLogger(HoldingNoticesForTheReport.class);
    // Not a Kafka record: the DLQ headers name the table instead.
    private static final Source AWAITING = new Source("notice_awaiting_report", -1, -1);

    private final CaseContacts contacts;
    private final AwaitedNotices awaited;
    private final NoticeDelivery delivery;
    private final Notifying notifying;
    private final AvroCodec codec;
    private final Duration stale;
    private final Duration maxWait;

    public HoldingNoticesForTheReport(CaseContacts contacts, AwaitedNotices awaited, NoticeDelivery delivery,
                                      Notifying notifying, AvroCodec codec, Duration stale, Duration maxWait) {
        this.contacts = contacts;
        this.awaited = awaited;
        this.delivery = delivery;
        this.notifying = notifying;
        this.codec = codec;
        this.stale = stale;
        this.maxWait = maxWait;
    }

    /**
     * The notices of a case event, planned with what was known of the case when {@code reported} was read;
     * {@code sourceEvent} is the event as received, to plan waiting ones from.
     */
    public void deliverOrHold(String caseId, List<Notice> notices, boolean reported, byte[] sourceEvent,
                              Source source) {
        AwaitingTheReport.Split split = AwaitingTheReport.split(notices, reported);
        if (!split.awaitReport().isEmpty()) {
            awaited.await(split.awaitReport(), sourceEvent);
            LOG.info("{} citizen notice(s) of case {} wait for the case's report", split.awaitReport().size(),
                    caseId);
        }
        delivery.deliverAll(split.deliverNow(), source);
        // The report may have been handled since we looked, its release finding none of these rows yet.
        if (!split.awaitReport().isEmpty() && contacts.reported(caseId)) {
            release(caseId, source);
        }
    }

    /** Delivers a case's waiting notices; a failure leaves them to {@link #releaseDue()}. */
    public void release(String caseId, Source source) {
        try {
            List<AwaitedNotices.Awaited> taken = awaited.take(caseId, stale);
            if (!taken.isEmpty()) {
                deliver(caseId, taken, source);
            }
        } catch (RuntimeException e) {
            LOG.warn("could not release the waiting notices of case {}, trying again later: {}", caseId,
                    e.getMessage());
        }
    }

    public void releaseDue() {
        for (String caseId : awaited.casesToRelease(stale, maxWait, 100)) {
            release(caseId, AWAITING);
        }
    }

    private void deliver(String caseId, List<AwaitedNotices.Awaited> taken, Source source) {
        Set<String> ids = taken.stream().map(AwaitedNotices.Awaited::notificationId).collect(Collectors.toSet());
        CaseContacts.Known known = contacts.known(caseId);
        if (!known.reported()) {
            LOG.warn("notices {} of case {} waited longer than {} for the case's report: inbox only", ids, caseId,
                    maxWait);
        }
        CaseFacts facts = known.facts();
        Map<String, CaseEvent> events = taken.stream()
                .map(row -> codec.decode(row.sourceEvent(), CaseEvent.class).value())
                .collect(Collectors.toMap(CaseEvent::getEventId, Function.identity(), (a, b) -> a));
        List<Notice> notices = AwaitingTheReport.released(events.values().stream()
                .sorted(Comparator.comparing(CaseEvent::getOccurredAt))
                .flatMap(event -> notifying.onCaseEvent(event, facts).stream()).toList(), ids);
        if (notices.size() < ids.size()) {
            LOG.warn("of the waiting notices {} of case {}, only {} are still due", ids, caseId,
                    notices.stream().map(Notice::notificationId).toList());
        }
        delivery.deliverAll(notices, source);
        awaited.released(ids);
    }
}
