package org.civicdispatch.intake.application;

import java.util.List;
import org.civicdispatch.intake.domain.FieldError;

/** How a submission ended, whatever the channel. */
public sealed interface Submission {

    /** The case is in the event log. {@code replayed}: the key was seen before and this is the same case. */
    record Accepted(String caseId, String suspectedDuplicateOf, boolean replayed) implements Submission {
    }

    record Rejected(List<FieldError> errors) implements Submission {

        public String summary() {
            return String.join("; ", errors.stream().map(FieldError::toString).toList());
        }
    }

    /** The idempotency key was used before for a different report. */
    record KeyReused(String caseId) implements Submission {
    }
}
