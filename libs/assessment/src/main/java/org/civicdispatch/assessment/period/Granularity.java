package org.civicdispatch.assessment.period;

/** "Monthly scheduling, quarterly inspection, annual evaluation" (每月调度、季度督查、年度评估). */
public enum Granularity {
    MONTH, QUARTER, YEAR
}
