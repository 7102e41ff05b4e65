package org.civicdispatch.intake.ledger;

import java.time.Instant;
import java.util.List;

/**
 * Filters of a case lookup (those of Open311 {@code GET requests}); null means no filter. Results are newest
 * first and at most {@code limit}.
 */
public record CaseSearch(List<String> caseIds, List<String> categories, Instant from, Instant to, String status,
                         int limit) {
}
