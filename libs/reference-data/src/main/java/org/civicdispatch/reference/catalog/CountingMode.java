package org.civicdispatch.reference.catalog;

/** Which time a matter's deadlines count. */
public enum CountingMode {

    /** Every hour counts, 7×24: emergencies, risk to life or property, "2 h", "24 h", "30 minutes on site". */
    ALL_HOURS,

    /** Only working periods on working days count: "3 / 5 / 10 working days", "return within 1 working day". */
    WORKING_HOURS
}
