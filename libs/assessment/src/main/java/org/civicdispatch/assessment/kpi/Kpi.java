package org.civicdispatch.assessment.kpi;

import java.util.function.Function;

/** The seven assessment rates, in the order reports show them. Each is computed by one method of {@link Formulas}. */
public enum Kpi {
    RESPONSE_RATE("response_rate", "响应率", "Response rate", true, Formulas::responseRate),
    ON_TIME_SIGNING_RATE("on_time_signing_rate", "按时签收率", "On-time signing rate", true,
            Formulas::onTimeSigningRate),
    ON_TIME_RESOLUTION_RATE("on_time_resolution_rate", "按时办结率", "On-time resolution rate", true,
            Formulas::onTimeResolutionRate),
    RESOLUTION_RATE("resolution_rate", "解决率", "Resolution rate", true, Formulas::resolutionRate),
    RETURN_RATE("return_rate", "退单率", "Return rate", false, Formulas::returnRate),
    REOPEN_RATE("reopen_rate", "重办率", "Reopen rate", false, Formulas::reopenRate),
    SATISFACTION_RATE("satisfaction_rate", "满意率", "Satisfaction rate", true, Formulas::satisfactionRate);

    private final String code;
    private final String nameZh;
    private final String nameEn;
    private final boolean higherIsBetter;
    private final Function<Tally, Rate> formula;

    Kpi(String code, String nameZh, String nameEn, boolean higherIsBetter, Function<Tally, Rate> formula) {
        this.code = code;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.higherIsBetter = higherIsBetter;
        this.formula = formula;
    }

    /** The column and URL name: {@code response_rate}. */
    public String code() {
        return code;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    /** False for return and reopen rates: there, less is better and the score counts 1 − rate. */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    public Rate of(Tally tally) {
        return formula.apply(tally);
    }

    /**
     * The KPI with the given code.
     *
     * @throws IllegalArgumentException naming the known codes when there is none such
     */
    public static Kpi ofCode(String code) {
        for (Kpi kpi : values()) {
            if (kpi.code.equals(code)) {
                return kpi;
            }
        }
        StringBuilder known = new StringBuilder();
        for (Kpi kpi : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(kpi.code);
        }
        throw new IllegalArgumentException("no KPI '" + code + "'; known: " + known);
    }
}
