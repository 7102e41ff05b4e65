package org.civicdispatch.assessment.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.civicdispatch.assessment.kpi.Kpi;
import org.civicdispatch.assessment.kpi.Rate;
import org.civicdispatch.assessment.report.Assessment;
import org.civicdispatch.assessment.report.UnitAssessment;

/**
 * A bar chart of one KPI per unit for one period, as a self-contained SVG document (no scripts, fonts, styles or
 * links from elsewhere). Bars run from 0 to 100 %, best first (for return and reopen rates: lowest first), units
 * with nothing to count last with "n/a"; ties by unit code. The same assessment always gives the same bytes.
 * Every text is escaped, and characters XML cannot carry (controls, lone surrogates) become U+FFFD.
 */
public final class SvgChart {

    public static final String MEDIA_TYPE = "image/svg+xml";

    private static final int WIDTH = 880;
    private static final int LABEL_WIDTH = 330;
    private static final int BAR_WIDTH = 400;
    private static final int ROW = 24;
    private static final int TOP = 64;
    private static final int MAX_LABEL = 24;

    private SvgChart() {
    }

    public static String bars(Assessment assessment, Kpi kpi, UnitNames names) {
        List<UnitAssessment> units = new ArrayList<>(assessment.units());
        units.sort(Comparator.comparing((UnitAssessment u) -> !u.rate(kpi).hasValue())
                .thenComparingDouble(u -> sortValue(u.rate(kpi), kpi))
                .thenComparing(UnitAssessment::unit));
        int height = TOP + Math.max(units.size(), 1) * ROW + 16;
        String title = kpi.nameZh() + " " + kpi.nameEn() + " · " + assessment.grouping().name().toLowerCase(Locale.ROOT)
                + " · " + assessment.period().label();
        StringBuilder svg = new StringBuilder();
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(escape(title)).append("\" font-family=\"")
                .append("'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif\" font-size=\"13\">\n");
        svg.append("  <title>").append(escape(title)).append("</title>\n");
        svg.append("  <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        svg.append("  <text x=\"16\" y=\"28\" font-size=\"16\" font-weight=\"bold\">").append(escape(title))
                .append("</text>\n");
        svg.append("  <text x=\"16\" y=\"48\" fill=\"#555555\">")
                .append(escape("total " + assessment.total().rate(kpi).percent() + " · " + units.size() + " units"))
                .append("</text>\n");
        if (units.isEmpty()) {
            svg.append("  <text x=\"16\" y=\"").append(TOP + 16).append("\">nothing to count</text>\n");
        }
        int y = TOP;
        for (UnitAssessment unit : units) {
            Rate rate = unit.rate(kpi);
            String name = names.nameOf(assessment.grouping(), unit.unit());
            String label = name == null ? unit.unit() : name + " (" + unit.unit() + ")";
            svg.append("  <g>\n    <title>").append(escape(label + ": " + rate.percent() + " = " + rate.numerator()
                    + "/" + rate.denominator())).append("</title>\n");
            svg.append("    <text x=\"").append(LABEL_WIDTH - 8).append("\" y=\"").append(y + 16)
                    .append("\" text-anchor=\"end\">").append(escape(shortened(label))).append("</text>\n");
            svg.append("    <rect x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y + 4).append("\" width=\"")
                    .append(BAR_WIDTH).append("\" height=\"").append(ROW - 8).append("\" fill=\"#eeeeee\"/>\n");
            if (rate.hasValue()) {
                svg.append("    <rect x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y + 4)
                        .append("\" width=\"").append(String.format(Locale.ROOT, "%.1f", rate.value() * BAR_WIDTH))
                        .append("\" height=\"").append(ROW - 8).append("\" fill=\"")
                        .append(kpi.higherIsBetter() ? "#2e7d32" : "#c62828").append("\"/>\n");
            }
            svg.append("    <text x=\"").append(LABEL_WIDTH + BAR_WIDTH + 8).append("\" y=\"").append(y + 16)
                    .append("\">").append(escape(rate.percent() + " (" + rate.numerator() + "/" + rate.denominator()
                            + ")")).append("</text>\n  </g>\n");
            y += ROW;
        }
        return svg.append("</svg>\n").toString();
    }

    private static double sortValue(Rate rate, Kpi kpi) {
        if (!rate.hasValue()) {
            return 0;
        }
        return kpi.higherIsBetter() ? -rate.value() : rate.value();
    }

    /** At most {@link #MAX_LABEL} characters (whole code points), an ellipsis marking the cut. */
    static String shortened(String label) {
        int points = label.codePointCount(0, label.length());
        return points <= MAX_LABEL ? label
                : label.substring(0, label.offsetByCodePoints(0, MAX_LABEL - 1)) + "…";
    }

    /**
     * Text safe in XML content and attributes: the five markup characters as entities, line breaks and tabs as
     * spaces, and characters XML 1.0 forbids (controls, lone surrogates, U+FFFE/FFFF) as U+FFFD.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\t', '\n', '\r' -> out.append(' ');
                default -> out.appendCodePoint(isXmlChar(cp) ? cp : 0xFFFD);
            }
        });
        return out.toString();
    }

    private static boolean isXmlChar(int cp) {
        return (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
