package org.civicdispatch.notification.delivery;

import org.civicdispatch.notification.domain.PersonalData;

/**
 * A channel could not deliver a notice; worth trying again later. The message is masked of contact data, since it
 * travels into logs, {@code NotificationFailed} and dead-letter headers.
 */
public class DeliveryFailure extends RuntimeException {

    public DeliveryFailure(String reason) {
        super(PersonalData.scrub(reason));
    }

    public DeliveryFailure(String reason, Throwable cause) {
        // The cause is not kept: its message (an SMTP server's answer, say) may quote the address.
        super(PersonalData.scrub(reason + ": " + cause.getClass().getSimpleName() + ": " + cause.getMessage()));
    }
}
