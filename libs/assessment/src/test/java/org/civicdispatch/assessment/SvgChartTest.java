package org.civicdispatch.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.civicdispatch.assessment.kpi.Kpi;
import org.civicdispatch.assessment.period.Period;
import org.civicdispatch.assessment.render.SvgChart;
import org.civicdispatch.assessment.render.UnitNames;
import org.civicdispatch.assessment.report.Assessment;
import org.civicdispatch.assessment.report.Grouping;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SvgChartTest {

    private static final String SCRIPT = "</text><script>alert('x')</script><text>";
    private static final Map<String, String> HOSTILE = Map.of(
            "san", SCRIPT,
            "mun", "A & B \"quoted\" <b>bold</b>\nnext line",
            "wat", "bell\u0007 lone \uD800");
    private static final UnitNames NAMES = (grouping, code) -> HOSTILE.get(code);

    private final Assessment march = Assessment.of(MarchFixture.model(), Period.month(2026, 3), Grouping.DEPARTMENT);

    @Test
    void shouldKeepHostileNamesAsTextInAWellFormedDocument() throws Exception {
        String svg = SvgChart.bars(march, Kpi.RESPONSE_RATE, NAMES);
        Document doc = parse(svg);
        assertThat(doc.getElementsByTagName("script").getLength()).isZero();
        assertThat(doc.getElementsByTagName("b").getLength()).isZero();
        List<String> labels = labels(doc);
        // Best first: mun and san answered all their tasks (by code on a tie), wat half.
        assertThat(labels).containsExactly(
                "A & B \"quoted\" <b>bold</b> next line (mun)".substring(0, 23) + "…",
                SCRIPT.substring(0, 23) + "…",
                "bell\uFFFD lone \uFFFD (wat)");
        assertThat(svg).doesNotContain("<script").doesNotContain("\u0007");
    }

    @Test
    void shouldDrawEachBarToScaleAndLeaveNothingToCountAsNotApplicable() throws Exception {
        Document doc = parse(SvgChart.bars(march, Kpi.SATISFACTION_RATE, UnitNames.NONE));
        assertThat(labels(doc)).containsExactly("san", "mun", "wat");
        List<String> barWidths = new ArrayList<>();
        NodeList rects = doc.getElementsByTagName("rect");
        for (int i = 0; i < rects.getLength(); i++) {
            Element rect = (Element) rects.item(i);
            if (rect.getAttribute("fill").equals("#2e7d32")) {
                barWidths.add(rect.getAttribute("width"));
            }
        }
        assertThat(barWidths).containsExactly("400.0");
        assertThat(valueTexts(doc)).containsExactly("100.0% (2/2)", "n/a (0/0)", "n/a (0/0)");

        Document returns = parse(SvgChart.bars(march, Kpi.RETURN_RATE, UnitNames.NONE));
        // Less is better: lowest return rate first.
        assertThat(labels(returns)).containsExactly("san", "wat", "mun");
    }

    @Test
    void shouldBeSelfContainedAndTheSameEveryTime() {
        String svg = SvgChart.bars(march, Kpi.ON_TIME_SIGNING_RATE, NAMES);
        assertThat(SvgChart.bars(march, Kpi.ON_TIME_SIGNING_RATE, NAMES)).isEqualTo(svg);
        assertThat(svg.replace("xmlns=\"http://www.w3.org/2000/svg\"", ""))
                .doesNotContain("http").doesNotContain("href").doesNotContain("<style").doesNotContain("url(");
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    /** The unit labels, top to bottom: the right-aligned texts. */
    private static List<String> labels(Document doc) {
        return texts(doc, "end");
    }

    private static List<String> valueTexts(Document doc) {
        List<String> values = new ArrayList<>();
        NodeList groups = doc.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            NodeList texts = ((Element) groups.item(i)).getElementsByTagName("text");
            values.add(texts.item(texts.getLength() - 1).getTextContent());
        }
        return values;
    }

    private static List<String> texts(Document doc, String anchor) {
        List<String> found = new ArrayList<>();
        NodeList texts = doc.getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) {
            Element text = (Element) texts.item(i);
            if (text.getAttribute("text-anchor").equals(anchor)) {
                found.add(text.getTextContent());
            }
        }
        return found;
    }
}
