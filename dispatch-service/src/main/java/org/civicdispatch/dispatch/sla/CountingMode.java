package org.civicdispatch.dispatch.sla;

import java.util.Objects;

/** Which time a deadline counts. */
public enum CountingMode {

    /** Every hour counts, 7×24: emergencies, risk to life or property, "2 h", "24 h", "30 minutes on site". */
    ALL_HOURS {
        @Override
        public CountedTime over(WorkingCalendar calendar) {
            return CountedTime.ALL_HOURS;
        }
    },

    /** Only working periods on working days count: "3 / 5 / 10 working days", "return within 1 working day". */
    WORKING_HOURS {
        @Override
        public CountedTime over(WorkingCalendar calendar) {
            return Objects.requireNonNull(calendar, "counting working hours needs a working calendar");
        }
    };

    /** The counted time of this mode; {@code calendar} is ignored (and may be null) for {@link #ALL_HOURS}. */
    public abstract CountedTime over(WorkingCalendar calendar);
}
