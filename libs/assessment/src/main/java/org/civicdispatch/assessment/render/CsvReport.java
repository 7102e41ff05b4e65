package org.civicdispatch.assessment.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.civicdispatch.assessment.kpi.Kpi;
import org.civicdispatch.assessment.kpi.Rate;
import org.civicdispatch.assessment.kpi.Tally;
import org.civicdispatch.assessment.report.Assessment;
import org.civicdispatch.assessment.report.Grouping;
import org.civicdispatch.assessment.report.Ranking;
import org.civicdispatch.assessment.report.UnitAssessment;

/**
 * Assessments and rankings as CSV (RFC 4180): a header row, CRLF line ends, fields with a comma, quote, CR or LF
 * quoted with quotes doubled. Columns are fixed; rows follow the unit code (assessments, the district total last)
 * or the rank (rankings), so the same figures always give the same bytes. Rates have four decimals or "n/a".
 *
 * <p>Names are data: a unit name starting with {@code = + - @}, a tab or a CR gets a leading apostrophe so that
 * a spreadsheet shows it as text instead of running it as a formula.
 */
public final class CsvReport {

    public static final String MEDIA_TYPE = "text/csv; charset=utf-8; header=present";

    private static final List<String> COUNTS = List.of("tasks", "tasks_answered", "tasks_answered_on_time",
            "tasks_resolved", "tasks_resolved_on_time", "tasks_returned", "cases", "cases_resolved", "cases_rated",
            "cases_reopened", "cases_satisfied", "sla_breaches", "sla_escalations");

    private CsvReport() {
    }

    /** One row per unit, then the district total (unit code {@code all}). */
    public static String of(Assessment assessment, UnitNames names) {
        List<String> header = new ArrayList<>(List.of("period", "grouping", "unit_code", "unit_name"));
        header.addAll(COUNTS);
        for (Kpi kpi : Kpi.values()) {
            header.add(kpi.code());
        }
        StringBuilder out = new StringBuilder();
        row(out, header);
        List<UnitAssessment> rows = new ArrayList<>(assessment.units());
        rows.add(assessment.total());
        for (UnitAssessment unit : rows) {
            String name = unit == assessment.total() ? null : names.nameOf(assessment.grouping(), unit.unit());
            List<String> cells = new ArrayList<>(List.of(assessment.period().label(), groupingOf(assessment.grouping()),
                    text(unit.unit()), text(name)));
            cells.addAll(countsOf(unit.tally()));
            for (Kpi kpi : Kpi.values()) {
                cells.add(unit.rate(kpi).decimal());
            }
            row(out, cells);
        }
        return out.toString();
    }

    /** Ranked units best first (list: red, black or empty), then the unranked ones by code. */
    public static String of(Ranking ranking, UnitNames names) {
        StringBuilder out = new StringBuilder();
        row(out, List.of("period", "grouping", "rank", "unit_code", "unit_name", "score", "tasks", "list"));
        for (Ranking.RankedUnit u : ranking.ranked()) {
            String list = ranking.red().contains(u.unit()) ? "red" : ranking.black().contains(u.unit()) ? "black" : "";
            row(out, List.of(ranking.period().label(), groupingOf(ranking.grouping()), Integer.toString(u.rank()),
                    text(u.unit()), text(names.nameOf(ranking.grouping(), u.unit())), score(u.score()),
                    Long.toString(u.tasks()), list));
        }
        for (String unit : ranking.unranked()) {
            row(out, List.of(ranking.period().label(), groupingOf(ranking.grouping()), "", text(unit),
                    text(names.nameOf(ranking.grouping(), unit)), Rate.NOT_APPLICABLE, "", "unranked"));
        }
        return out.toString();
    }

    /** A score with four decimals, as rates are written. */
    static String score(double score) {
        return String.format(Locale.ROOT, "%.4f", score);
    }

    private static List<String> countsOf(Tally t) {
        long[] values = {t.tasks(), t.tasksAnswered(), t.tasksAnsweredOnTime(), t.tasksResolved(),
                t.tasksResolvedOnTime(), t.tasksReturned(), t.cases(), t.casesResolved(), t.casesRated(),
                t.casesReopened(), t.casesSatisfied(), t.slaBreaches(), t.slaEscalations()};
        List<String> cells = new ArrayList<>();
        for (long v : values) {
            cells.add(Long.toString(v));
        }
        return cells;
    }

    private static String groupingOf(Grouping grouping) {
        return grouping.name().toLowerCase(Locale.ROOT);
    }

    /** Free text (codes and names): defused against spreadsheet formulas. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    private static void row(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(cells.get(i)));
        }
        out.append("\r\n");
    }

    /** RFC 4180 section 2: quote a field holding a comma, quote, CR or LF, doubling its quotes. */
    static String field(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\r') >= 0
                || value.indexOf('\n') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
