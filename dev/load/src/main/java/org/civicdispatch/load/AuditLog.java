package org.civicdispatch.load;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.civicdispatch.devstack.DevStack;

/** Reads audit's own store, where "audited once" is decided: the rows of audit_event and when they were appended. */
final class AuditLog {

    private final DevStack.Database db;

    AuditLog(DevStack.Database db) {
        this.db = db;
    }

    /** When the first department task of each case was appended to the audit log (epoch millis). */
    Map<String, Long> taskAppendedAt(Set<String> cases) throws SQLException {
        Map<String, Long> appended = new HashMap<>();
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("SELECT case_id, min(appended_at) "
                + "FROM audit_event WHERE topic LIKE 'department-tasks-%' AND case_id = ANY (?) GROUP BY case_id")) {
            Array ids = c.createArrayOf("text", cases.toArray());
            s.setArray(1, ids);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    appended.put(rs.getString(1), rs.getTimestamp(2).getTime());
                }
            }
        }
        return appended;
    }

    /** How many audit rows each record of the case topics has: 1 each if audit appended exactly once. */
    Map<Observer.Coordinate, Integer> rowsPerRecord() throws SQLException {
        Map<Observer.Coordinate, Integer> rows = new HashMap<>();
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("SELECT topic, kafka_partition, "
                + "kafka_offset, count(*) FROM audit_event WHERE topic IN ('incident-reports', 'case-events', 'sla-events') "
                + "OR topic LIKE 'department-tasks-%' GROUP BY topic, kafka_partition, kafka_offset");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rows.put(new Observer.Coordinate(rs.getString(1), rs.getInt(2), rs.getLong(3)), rs.getInt(4));
            }
        }
        return rows;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(db.url(), db.user(), db.password() == null ? "" : db.password());
    }
}
