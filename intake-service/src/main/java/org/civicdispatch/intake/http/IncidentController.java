package org.civicdispatch.intake.http;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.civicdispatch.intake.application.ReportIntake;
import org.civicdispatch.intake.application.Submission;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where hotline operators and apps submit complaints. A 202 means the case is durably in the event log. With an
 * {@code Idempotency-Key} header a resend returns the same case (marked {@code Idempotent-Replayed: true}).
 */
@RestController
@RequestMapping("/api/incidents")
public class IncidentController {

    private final ReportIntake intake;

    public IncidentController(ReportIntake intake) {
        this.intake = intake;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> report(@RequestBody IncidentRequest request,
                                    @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        if (key != null && (key.isBlank() || key.length() > 128)) {
            return Problems.badIdempotencyKey();
        }
        Submission submission = intake.submit(request.toDraft(), key);
        if (submission instanceof Submission.Rejected rejected) {
            return Problems.invalidReport(rejected.errors());
        }
        if (submission instanceof Submission.KeyReused reused) {
            return Problems.keyReused(reused.caseId());
        }
        Submission.Accepted accepted = (Submission.Accepted) submission;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caseId", accepted.caseId());
        body.put("status", "REPORTED");
        if (accepted.suspectedDuplicateOf() != null) {
            body.put("suspectedDuplicateOf", accepted.suspectedDuplicateOf());
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/incidents/" + accepted.caseId()))
                .header("Idempotent-Replayed", String.valueOf(accepted.replayed()))
                .body(body);
    }
}
