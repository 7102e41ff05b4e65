package org.civicdispatch.assessment.kpi;

/**
 * The counts behind the rates of one unit in one period. Task counts belong to the task's department; case counts
 * to the case's lead department. {@link Formulas} says what each count counts.
 */
public record Tally(long tasks, long tasksAnswered, long tasksAnsweredOnTime, long tasksResolved,
                    long tasksResolvedOnTime, long tasksReturned, long cases, long casesResolved, long casesRated,
                    long casesReopened, long casesSatisfied, long slaBreaches, long slaEscalations) {

    public static final Tally ZERO = new Tally(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public Tally plus(Tally o) {
        return new Tally(tasks + o.tasks, tasksAnswered + o.tasksAnswered, tasksAnsweredOnTime + o.tasksAnsweredOnTime,
                tasksResolved + o.tasksResolved, tasksResolvedOnTime + o.tasksResolvedOnTime,
                tasksReturned + o.tasksReturned, cases + o.cases, casesResolved + o.casesResolved,
                casesRated + o.casesRated, casesReopened + o.casesReopened, casesSatisfied + o.casesSatisfied,
                slaBreaches + o.slaBreaches, slaEscalations + o.slaEscalations);
    }
}
