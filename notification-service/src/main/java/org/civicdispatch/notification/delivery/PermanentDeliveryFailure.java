package org.civicdispatch.notification.delivery;

/** The provider refused the notice for good (invalid number, rejected credentials): dead-lettered at once. */
public class PermanentDeliveryFailure extends DeliveryFailure {

    public PermanentDeliveryFailure(String reason) {
        super(reason);
    }
}
