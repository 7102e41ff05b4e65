package org.civicdispatch.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether every text message due for a run's cases went out, and once: what the SMS gateway's inbox holds, against
 * two accounts of what was due. One is notification's own: every SMS notice it wrote as sent or as a failed attempt
 * (notifications, notification-failures) must end sent or given up (parked, outcome DEAD_LETTERED), and a sent one
 * must be in the inbox. The other does not trust notification: each caller who left a phone is owed two texts,
 * "received" and "dispatched", which also finds texts of events notification never got to.
 *
 * @param inbox          messages in the gateway's inbox (the whole platform's, deduped by idempotency key)
 * @param twice          the same text to the same number more than once
 * @param notices        SMS notices of the run's cases that notification sent or tried
 * @param sent           of which sent
 * @param retried        of which failed at least once
 * @param retriedSent    of those, sent in the end
 * @param parked         given up after the last attempt (on notification-failures as DEAD_LETTERED)
 * @param pending        failed and neither sent nor given up yet: still in notification's retries
 * @param notInInbox     reported sent but missing from the gateway's inbox
 * @param callersDue     texts owed to callers (2 per case with a phone; chaos runs have no quiet hours)
 * @param callersMissing of those, not in the inbox
 * @param callersParked  callers' notices given up (a missing text that was at least accounted for)
 * @param shortCases     up to five cases whose caller got fewer texts than owed, to look into
 */
record TextsDue(int inbox, int twice, int notices, int sent, int retried, int retriedSent, int parked, int pending,
                int notInInbox, int callersDue, int callersMissing, int callersParked, List<String> shortCases) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Every text due went out or was given up on with a record, none is still retrying, none went twice. */
    boolean delivered() {
        return pending == 0 && notInInbox == 0 && twice == 0 && callersMissing <= callersParked;
    }

    /**
     * Waits until every text due is accounted for (nothing pending, nothing missing) or nothing has changed for
     * {@code settle} (a notice interrupted by a crash is picked up again after 2 minutes), at most {@code limit}.
     */
    static TextsDue await(Observer seen, Set<String> cases, String smsUrl, Duration limit,
                          Duration settle) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        long lastChange = System.nanoTime();
        long lastPrint = System.nanoTime();
        TextsDue last = null;
        while (true) {
            TextsDue now = count(seen, cases, smsUrl);
            if (!now.equals(last)) {
                last = now;
                lastChange = System.nanoTime();
            }
            boolean settled = now.pending == 0 && now.callersMissing == now.callersParked;
            if (settled || System.nanoTime() > deadline
                    || now.pending == 0 && System.nanoTime() - lastChange > settle.toNanos()) {
                return now;
            }
            if (System.nanoTime() - lastPrint > Duration.ofSeconds(30).toNanos()) {
                System.out.printf("waiting for texts: %d notices still retrying, %d callers' texts missing%n",
                        now.pending, now.callersMissing - now.callersParked);
                lastPrint = System.nanoTime();
            }
            Thread.sleep(2_000);
        }
    }

    static TextsDue count(Observer seen, Set<String> cases, String smsUrl)
            throws IOException, InterruptedException {
        // which notices were reported sent, taken before the inbox: a text sent between the two reads (a breach's,
        // near the end of a run) is in the inbox then, but would otherwise count as reported sent and missing
        Set<String> sentBeforeInbox = new HashSet<>();
        seen.smsNotices.forEach((id, n) -> {
            if (n.sent) {
                sentBeforeInbox.add(id);
            }
        });
        JsonNode messages = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(smsUrl + "/v1/messages"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        Set<String> keys = new HashSet<>();
        Map<String, Integer> perText = new HashMap<>();
        Map<String, Integer> perPhone = new HashMap<>();
        messages.forEach(m -> {
            keys.add(m.get("idempotencyKey").asString());
            perText.merge(m.get("to").asString() + "\n" + m.get("text").asString(), 1, Integer::sum);
            perPhone.merge(m.get("to").asString(), 1, Integer::sum);
        });
        int twice = (int) perText.values().stream().filter(n -> n > 1).count();

        List<Map.Entry<String, Observer.SmsNotice>> notices = seen.smsNotices.entrySet().stream()
                .filter(e -> cases.contains(e.getValue().caseId)).toList();
        int sent = 0, retried = 0, retriedSent = 0, parked = 0, pending = 0, notInInbox = 0, callersParked = 0;
        for (Map.Entry<String, Observer.SmsNotice> e : notices) {
            Observer.SmsNotice n = e.getValue();
            boolean failedOnce = n.failedAttempts.get() > 0;
            sent += n.sent ? 1 : 0;
            retried += failedOnce ? 1 : 0;
            retriedSent += failedOnce && n.sent ? 1 : 0;
            parked += n.parked && !n.sent ? 1 : 0;
            pending += failedOnce && !n.sent && !n.parked ? 1 : 0;
            // the gateway keys the first number of a recipient by the notification id
            notInInbox += sentBeforeInbox.contains(e.getKey()) && !keys.contains(e.getKey()) ? 1 : 0;
            callersParked += n.parked && !n.sent && n.recipientRef.startsWith("citizen-of:") ? 1 : 0;
        }

        Map<String, Integer> owed = new HashMap<>();
        cases.forEach(c -> {
            String phone = seen.phoneOfCase.get(c);
            if (phone != null) {
                owed.merge(phone, 2, Integer::sum);
            }
        });
        int callersDue = owed.values().stream().mapToInt(Integer::intValue).sum();
        int callersMissing = owed.entrySet().stream()
                .mapToInt(e -> Math.max(0, e.getValue() - perPhone.getOrDefault(e.getKey(), 0))).sum();
        List<String> shortCases = cases.stream().filter(c -> owed.containsKey(seen.phoneOfCase.get(c))
                && perPhone.getOrDefault(seen.phoneOfCase.get(c), 0) < owed.get(seen.phoneOfCase.get(c)))
                .sorted().limit(5).toList();
        return new TextsDue(messages.size(), twice, notices.size(), sent, retried, retriedSent, parked, pending,
                notInInbox, callersDue, callersMissing, callersParked, shortCases);
    }
}
