package org.civicdispatch.assessment;

import static org.civicdispatch.assessment.CaseScript.local;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.civicdispatch.assessment.model.AssessmentModel;
import org.civicdispatch.events.SlaEventKind;
import org.civicdispatch.events.SlaStage;

/**
 * Seven cases around March 2026, small enough to count by hand. Departments san (sanitation), mun (municipal
 * works), wat (water); streets S01 (communities C01, C02) and S02 (C03, C04). Every task must be signed for within
 * 2 h and resolved within 3 days of its dispatch. T0 = 2026-03-10 09:00 Asia/Shanghai.
 *
 * <pre>
 * A  S01/C01  T0      lead san, assist mun. san signs +1h (on time), resolves +2d (on time); mun signs +3h (late),
 *                     resolves +4d (late). Rated satisfied, closed.
 * B  S01/C02  T0+1d   lead san. Signs +30m; extension of 2 d at +2d; resolves +4d (deadline now +5d: on time).
 *                     Rated unsatisfied, reopened; resolves again +6d; rated satisfied, closed.
 * C  S02/C03  T0      lead mun. mun returns +1h (on time); at +5h re-routed to wat, which never answers (signing
 *                     breach at +7h, escalation at +8h, the breach redelivered once).
 * D  S02/C03  T0      lead wat. Signs +1h; the case waits on the citizen from +1d to +2d (deadline moves to +4d);
 *                     resolves +3.5d (on time only thanks to the wait). Not rated.
 * E  S01/C01  T0      lead san. Merged into A at +10m before anyone answered: neither case nor task is assessed.
 * F  S01/C01  2026-04-01 00:30, lead san, signs +10m: April, not March (00:30 in Shanghai is still 31 March in UTC).
 * G  S02/C04  2026-03-31 23:50, lead mun, signs 00:20 on 1 April (on time): March, the month it was dispatched.
 * </pre>
 */
final class MarchFixture {

    static final Instant T0 = local("2026-03-10T09:00");

    private MarchFixture() {
    }

    static List<CaseScript> cases() {
        Duration h = Duration.ofHours(1);
        Duration d = Duration.ofDays(1);
        Instant b0 = T0.plus(d);
        Instant f0 = local("2026-04-01T00:30");
        Instant g0 = local("2026-03-31T23:50");
        return List.of(
                CaseScript.of("A", "S01", "C01").reported(T0).dispatched(T0, "san", "mun")
                        .accepted("san", T0.plus(h)).accepted("mun", T0.plus(h.multipliedBy(3)))
                        .resolved("san", T0.plus(d.multipliedBy(2))).resolved("mun", T0.plus(d.multipliedBy(4)))
                        .rated(true, T0.plus(d.multipliedBy(4)).plus(h)),
                CaseScript.of("B", "S01", "C02").reported(b0).dispatched(b0, "san")
                        .accepted("san", b0.plusSeconds(1800)).extended("san", d.multipliedBy(2), b0.plus(d.multipliedBy(2)))
                        .resolved("san", b0.plus(d.multipliedBy(4))).rated(false, b0.plus(d.multipliedBy(4)).plus(h))
                        .resolved("san", b0.plus(d.multipliedBy(6))).rated(true, b0.plus(d.multipliedBy(6)).plus(h)),
                CaseScript.of("C", "S02", "C03").reported(T0).dispatched(T0, "mun")
                        .returned("mun", T0.plus(h)).rerouted("mun", "wat", T0.plus(h.multipliedBy(5)))
                        .sla("wat", SlaStage.SIGN, SlaEventKind.BREACH, T0.plus(h.multipliedBy(7)))
                        .sla("wat", SlaStage.SIGN, SlaEventKind.ESCALATION, T0.plus(h.multipliedBy(8)))
                        .sla("wat", SlaStage.SIGN, SlaEventKind.BREACH, T0.plus(h.multipliedBy(7))),
                CaseScript.of("D", "S02", "C03").reported(T0).dispatched(T0, "wat")
                        .accepted("wat", T0.plus(h)).paused(T0.plus(d)).resumed(T0.plus(d.multipliedBy(2)), d)
                        .resolved("wat", T0.plus(Duration.ofHours(84))),
                CaseScript.of("E", "S01", "C01").reported(T0).dispatched(T0, "san").merged("A", T0.plusSeconds(600)),
                CaseScript.of("F", "S01", "C01").reported(f0).dispatched(f0, "san").accepted("san", f0.plusSeconds(600)),
                CaseScript.of("G", "S02", "C04").reported(g0).dispatched(g0, "mun")
                        .accepted("mun", local("2026-04-01T00:20")));
    }

    /** The model fed every case in turn, each case's records in the order written. */
    static AssessmentModel model() {
        AssessmentModel model = new AssessmentModel();
        cases().forEach(c -> c.records().forEach(r -> model.apply(r.topic(), r.value())));
        return model;
    }
}
