package org.civicdispatch.dispatch.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.civicdispatch.contract.Topics;
import org.civicdispatch.dispatch.queues.CaseView;
import org.civicdispatch.events.EscalateCase;
import org.civicdispatch.events.ExtendTask;
import org.civicdispatch.events.MergeCase;
import org.civicdispatch.events.OperatorCommand;
import org.civicdispatch.events.PauseForCitizen;
import org.civicdispatch.events.RateCase;
import org.civicdispatch.events.RerouteTask;
import org.civicdispatch.events.ResumeFromCitizen;
import org.civicdispatch.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators' decisions on a case. Each becomes an OperatorCommand on operator-commands, applied in order with the
 * case's other events by the partition that owns the case; the outcome (or a CommandRefused with the reason)
 * appears on the case stream. 202 means the command is durably queued. The operator is the token's subject, and
 * the case must lie in one of their streets.
 */
@RestController
@RequestMapping("/api/cases/{caseId}")
public class CaseCommandsController {

    private static final Pattern CASE_ID = Pattern.compile("[A-Za-z0-9:_-]{1,64}");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9/:_.-]{1,128}");

    private final KafkaTemplate<String, SpecificRecord> eventTemplate;
    private final CaseViews cases;
    private final Clock clock;

    public CaseCommandsController(KafkaTemplate<String, SpecificRecord> eventTemplate, CaseViews cases,
                                  Clock clock) {
        this.eventTemplate = eventTemplate;
        this.cases = cases;
        this.clock = clock;
    }

    public record Reroute(String returnedTaskId, String toDepartment, String reason) {
    }

    public record Extension(String taskId, Duration extension, String reason) {
    }

    public record Rating(Boolean satisfied, String comment) {
    }

    public record Merge(String intoCaseId) {
    }

    @PostMapping("/reroute")
    public ResponseEntity<?> reroute(@PathVariable String caseId,
                                     @RequestBody Reroute body) {
        require(CODE, "returnedTaskId", body.returnedTaskId());
        require(CODE, "toDepartment", body.toDepartment());
        requireText("reason", body.reason());
        return send(caseId, RerouteTask.newBuilder().setReturnedTaskId(body.returnedTaskId())
                .setToDepartment(body.toDepartment()).setReason(body.reason()).build());
    }

    @PostMapping("/extension")
    public ResponseEntity<?> extend(@PathVariable String caseId,
                                    @RequestBody Extension body) {
        require(CODE, "taskId", body.taskId());
        requireText("reason", body.reason());
        if (body.extension() == null || body.extension().isNegative() || body.extension().isZero()) {
            throw new InvalidCommand("extension", "must be a positive ISO-8601 duration such as PT8H");
        }
        return send(caseId, ExtendTask.newBuilder().setTaskId(body.taskId())
                .setExtensionMillis(body.extension().toMillis()).setReason(body.reason()).build());
    }

    @PostMapping("/rating")
    public ResponseEntity<?> rate(@PathVariable String caseId,
                                  @RequestBody Rating body) {
        if (body.satisfied() == null) {
            throw new InvalidCommand("satisfied", "is required: true or false");
        }
        if (body.comment() != null && body.comment().length() > 1000) {
            throw new InvalidCommand("comment", "is longer than 1000 characters");
        }
        return send(caseId, RateCase.newBuilder().setSatisfied(body.satisfied())
                .setComment(body.comment()).build());
    }

    @PostMapping("/merge")
    public ResponseEntity<?> merge(@PathVariable String caseId,
                                   @RequestBody Merge body) {
        require(CASE_ID, "intoCaseId", body.intoCaseId());
        return send(caseId, MergeCase.newBuilder().setIntoCaseId(body.intoCaseId()).build());
    }

    public record Pause(String reason) {
    }

    /** The case waits on the citizen; resolution clocks stop until {@code /resume}. */
    @PostMapping("/pause")
    public ResponseEntity<?> pause(@PathVariable String caseId,
                                   @RequestBody Pause body) {
        requireText("reason", body.reason());
        return send(caseId, PauseForCitizen.newBuilder().setReason(body.reason()).build());
    }

    public record Escalation(String reason, String toUnit) {
    }

    /** Hands the case up its escalation chain now; {@code toUnit} overrides the chain's next step. */
    @PostMapping("/escalation")
    public ResponseEntity<?> escalate(@PathVariable String caseId,
                                      @RequestBody Escalation body) {
        requireText("reason", body.reason());
        if (body.toUnit() != null) {
            require(CODE, "toUnit", body.toUnit());
        }
        return send(caseId, EscalateCase.newBuilder().setReason(body.reason()).setToUnit(body.toUnit())
                .build());
    }

    @PostMapping("/resume")
    public ResponseEntity<?> resume(@PathVariable String caseId) {
        return send(caseId, ResumeFromCitizen.newBuilder().build());
    }

    private ResponseEntity<?> send(String caseId, SpecificRecord command) {
        require(CASE_ID, "caseId", caseId);
        Caller caller = Caller.current();
        CaseView view = cases.find(caseId, Caller.currentBearer()).orElseThrow(() -> CaseController.notFound(caseId));
        Scopes.mayDecide(caller, view);
        String operator = caller.subject();
        String commandId = UUID.randomUUID().toString();
        OperatorCommand envelope = OperatorCommand.newBuilder().setCommandId(commandId).setCaseId(caseId)
                .setOperator(operator).setIssuedAt(clock.instant()).setCommand(command).build();
        try {
            eventTemplate.send(Topics.OPERATOR_COMMANDS.name(), caseId, envelope).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable();
        } catch (ExecutionException | TimeoutException e) {
            return unavailable();
        }
        return ResponseEntity.accepted().body(Map.of("commandId", commandId, "caseId", caseId));
    }

    private static ResponseEntity<ProblemDetail> unavailable() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "the command could not be queued; send it again");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5").body(problem);
    }

    private static void require(Pattern pattern, String field, String value) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new InvalidCommand(field, "is missing or not well-formed");
        }
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank() || value.length() > 1000) {
            throw new InvalidCommand(field, "is required (at most 1000 characters)");
        }
    }

    @ExceptionHandler(InvalidCommand.class)
    ResponseEntity<ProblemDetail> invalid(InvalidCommand e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle("Invalid command");
        problem.setProperty("errors", java.util.List.of(Map.of("field", e.field, "message", e.reason)));
        return ResponseEntity.unprocessableContent().body(problem);
    }

    static final class InvalidCommand extends RuntimeException {

        final String field;
        final String reason;

        InvalidCommand(String field, String reason) {
            super(field + ": " + reason);
            this.field = field;
            this.reason = reason;
        }
    }
}
