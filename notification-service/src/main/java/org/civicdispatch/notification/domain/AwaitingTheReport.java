package org.civicdispatch.notification.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * A citizen's notices need the case's report: it holds their phone, e-mail and language. Case events and reports
 * travel on different topics, read independently, so after a restart or a rebalance a case event can come first.
 * Its citizen notices then wait for the report (inbox included, so the inbox too is in the citizen's language and
 * in order); everyone else's go at once.
 */
public final class AwaitingTheReport {

    /** The notices of one event: those to deliver now and those that wait for the case's report. */
    public record Split(List<Notice> deliverNow, List<Notice> awaitReport) {

        public Split {
            deliverNow = List.copyOf(deliverNow);
            awaitReport = List.copyOf(awaitReport);
        }
    }

    private AwaitingTheReport() {
    }

    public static Split split(List<Notice> notices, boolean reportKnown) {
        if (reportKnown) {
            return new Split(notices, List.of());
        }
        List<Notice> now = new ArrayList<>();
        List<Notice> waiting = new ArrayList<>();
        for (Notice notice : notices) {
            (forTheCitizen(notice) ? waiting : now).add(notice);
        }
        return new Split(now, waiting);
    }

    /**
     * The awaited notices among those planned again from their events once the report is in: the others of those
     * events (staff, grid) went out when the events were first handled.
     */
    public static List<Notice> released(Collection<Notice> replanned, Set<String> awaitedIds) {
        return replanned.stream().filter(notice -> awaitedIds.contains(notice.notificationId())).toList();
    }

    /** Whoever the notice is addressed to as the case's citizen is reached with the report's contact data. */
    private static boolean forTheCitizen(Notice notice) {
        return notice.recipientRef().equals(Notifying.citizenOf(notice.caseId()));
    }
}
