package org.civicdispatch.dispatch.http;

import org.civicdispatch.dispatch.queues.CaseView;
import org.civicdispatch.dispatch.queues.Queues;
import org.civicdispatch.security.Caller;
import org.civicdispatch.security.Forbidden;
import org.civicdispatch.security.Roles;

/**
 * The checks that need the data: an operator works within their streets, a department within its own tasks. Roles
 * alone are checked earlier, by {@link DispatchEndpointRules}.
 */
final class Scopes {

    private Scopes() {
    }

    /** The part of the queue a caller may see: their department's tasks, or their streets' cases. */
    static Queues.Filter queue(Caller caller, Queues.Filter requested) {
        if (caller.has(Roles.OPERATOR)) {
            if (requested.street() != null && !caller.mayActOnStreet(requested.street())) {
                throw new Forbidden("street " + requested.street() + " is not among your streets");
            }
            return caller.isDistrictWide() ? requested : requested.within(caller.streets());
        }
        if (caller.has(Roles.DEPARTMENT) && caller.department() != null) {
            if (requested.department() != null && !caller.belongsTo(requested.department())) {
                throw new Forbidden("you may see only the queue of " + caller.department());
            }
            return requested.ofDepartment(caller.department());
        }
        throw new Forbidden("no queue for your role");
    }

    static void mayView(Caller caller, CaseView view) {
        boolean allowed = caller.has(Roles.AUDITOR) || caller.has(Roles.AUDITOR_PII)
                || caller.has(Roles.OPERATOR) && caller.mayActOnStreet(view.streetCode())
                || caller.has(Roles.DEPARTMENT) && view.tasks().stream()
                .anyMatch(t -> caller.belongsTo(t.departmentCode()));
        if (!allowed) {
            throw new Forbidden("case " + view.caseId() + " is outside your streets or department");
        }
    }

    static void mayDecide(Caller caller, CaseView view) {
        if (!caller.has(Roles.OPERATOR) || !caller.mayActOnStreet(view.streetCode())) {
            throw new Forbidden("case " + view.caseId() + " is in street " + view.streetCode()
                    + ", not among your streets");
        }
    }

    static void mayChangeTheCatalog(Caller caller) {
        if (!caller.has(Roles.OPERATOR) || !caller.isDistrictWide()) {
            throw new Forbidden("only a district-wide operator may reload the matter catalog");
        }
    }
}
