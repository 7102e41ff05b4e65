package org.civicdispatch.notification.delivery;

/**
 * What an HTTP provider's status code means for a notice: 2xx accepted; 429, 408 and 5xx are worth another try;
 * any other refusal (bad request, bad credentials, unknown endpoint) will not change by trying again.
 */
public final class HttpAnswers {

    private HttpAnswers() {
    }

    public static void requireAccepted(int status, String provider, String notificationId) {
        if (status >= 200 && status < 300) {
            return;
        }
        String reason = provider + " answered HTTP " + status + " for notice " + notificationId;
        if (status == 429 || status == 408 || status >= 500) {
            throw new DeliveryFailure(reason);
        }
        throw new PermanentDeliveryFailure(reason);
    }
}
