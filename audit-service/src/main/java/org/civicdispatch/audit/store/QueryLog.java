package org.civicdispatch.audit.store;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import org.civicdispatch.audit.access.Caller;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every question put to the audit log (timeline, verify, export, republish, assessment and its rebuilds): who asked,
 * what, with what, when.
 */
public class QueryLog {

    public static final String TIMELINE = "timeline";
    public static final String VERIFY = "verify";
    public static final String EXPORT = "export";
    public static final String REPUBLISH = "republish";
    public static final String ASSESSMENT = "assessment";
    public static final String ASSESSMENT_REBUILD = "assessment-rebuild";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;

    public QueryLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the query; null parameters are left out. */
    public void record(Caller caller, String query, Map<String, ?> parameters) {
        Map<String, Object> present = new TreeMap<>();
        parameters.forEach((name, value) -> {
            if (value != null) {
                present.put(name, String.valueOf(value));
            }
        });
        jdbc.sql("""
                        INSERT INTO audit_query_log (asked_at, caller, roles, query, parameters)
                        VALUES (:at, :caller, :roles, :query, CAST(:parameters AS jsonb))""")
                .param("at", Rows.timestamp(clock.instant().truncatedTo(ChronoUnit.MICROS)))
                .param("caller", caller.name())
                .param("roles", caller.rolesText())
                .param("query", query)
                .param("parameters", JSON.writeValueAsString(present))
                .update();
    }
}
