package org.civicdispatch.dispatch.http;

import java.util.regex.Pattern;
import org.civicdispatch.dispatch.queues.CaseView;
import org.civicdispatch.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * One case as dispatch holds it: state, tasks, deadlines and the timers still to fire. The instance that owns the
 * case's partition answers; any other instance asks it.
 */
@RestController
@RequestMapping("/api/cases")
public class CaseController {

    static final Pattern CASE_ID = Pattern.compile("[A-Za-z0-9:_-]{1,64}");

    private final CaseViews cases;

    public CaseController(CaseViews cases) {
        this.cases = cases;
    }

    @GetMapping(path = "/{caseId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public CaseView caseFile(@PathVariable String caseId, @RequestParam(defaultValue = "all") String scope,
                             @RequestHeader(name = "Authorization", required = false) String authorization) {
        if (!CASE_ID.matcher(caseId).matches()) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST,
                    ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "caseId is not well-formed"), null);
        }
        CaseView view = ("local".equals(scope) ? cases.local(caseId) : cases.find(caseId, authorization))
                .orElseThrow(() -> notFound(caseId));
        Scopes.mayView(Caller.current(), view);
        return view;
    }

    static ErrorResponseException notFound(String caseId) {
        return new ErrorResponseException(HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "dispatch knows no case " + caseId), null);
    }
}
