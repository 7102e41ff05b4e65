package org.civicdispatch.intake.domain;

import java.util.List;
import org.civicdispatch.events.IncidentReported;

/** What intake decided about a draft: a new case, or the reasons it was refused. */
public sealed interface IntakeOutcome {

    record Accepted(IncidentReported event) implements IntakeOutcome {
    }

    record Rejected(List<FieldError> errors) implements IntakeOutcome {

        public String summary() {
            return String.join("; ", errors.stream().map(FieldError::toString).toList());
        }
    }
}
