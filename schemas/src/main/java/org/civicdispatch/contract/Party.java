package org.civicdispatch.contract;

/** Who may write or read a topic: the platform's services and the outside systems that integrate with it. */
public enum Party {
    /** Hotline, app back ends, grid-patrol apps, sensor gateways publishing raw reports. */
    CHANNEL_SYSTEMS,
    INTAKE,
    DISPATCH,
    /** A department's own system: reads its task topic, writes responses. */
    DEPARTMENT_SYSTEMS,
    NOTIFICATION,
    AUDIT;

    /** Name used for consumer groups, DLQs and logs: {@code intake}, {@code dispatch}, ... */
    public String serviceName() {
        return name().toLowerCase().replace('_', '-');
    }
}
