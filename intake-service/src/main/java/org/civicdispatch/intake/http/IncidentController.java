package org.civicdispatch.intake.http;

import java.net.URI;
import java.util.Map;
import org.civicdispatch.events.IncidentReported;
import org.civicdispatch.intake.domain.Intake;
import org.civicdispatch.intake.domain.IntakeOutcome;
import org.civicdispatch.intake.publish.IncidentPublisher;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Where hotline operators and apps submit complaints. A 202 means the case is durably in the event log. */
@RestController
@RequestMapping("/api/incidents")
public class IncidentController {

    private final Intake intake;
    private final IncidentPublisher publisher;

    public IncidentController(Intake intake, IncidentPublisher publisher) {
        this.intake = intake;
        this.publisher = publisher;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> report(@RequestBody IncidentRequest request) {
        IntakeOutcome outcome = intake.accept(request.toDraft());
        if (outcome instanceof IntakeOutcome.Rejected rejected) {
            return Problems.invalidReport(rejected.errors());
        }
        IncidentReported event = ((IntakeOutcome.Accepted) outcome).event();
        publisher.publish(event);
        return ResponseEntity.accepted()
                .location(URI.create("/api/incidents/" + event.getCaseId()))
                .body(Map.of("caseId", event.getCaseId(), "status", "REPORTED",
                        "acceptedAt", event.getAcceptedAt().toString()));
    }
}
