package org.civicdispatch.intake.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Intake's memory of accepted reports in PostgreSQL. The unique idempotency key makes a resend find the first
 * acceptance instead of creating a second case, also across restarts and across intake instances.
 */
@Repository
public class CaseLedger {

    private static final String COLUMNS = "case_id, idempotency_key, fingerprint, state, channel, external_id, "
            + "category, description, latitude, longitude, address, grid_code, community_code, street_code, "
            + "suspected_duplicate_of, media_url, event_avro, reported_at, accepted_at, case_status, agency_responsible, "
            + "status_notes, updated_at";

    private final JdbcClient jdbc;

    public CaseLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the case as PENDING unless its idempotency key (or case id) is known; true if it was new. */
    public boolean claim(CaseRecord r) {
        return jdbc.sql("insert into intake_case (" + COLUMNS + ") values (:caseId, :key, :fingerprint, 'PENDING', "
                        + ":channel, :externalId, :category, :description, :lat, :lon, :address, :grid, :community, "
                        + ":street, :duplicateOf, :mediaUrl, :event, :reportedAt, :acceptedAt, 'open', null, null, :acceptedAt) "
                        + "on conflict do nothing")
                .param("caseId", r.caseId()).param("key", r.idempotencyKey()).param("fingerprint", r.fingerprint())
                .param("channel", r.channel()).param("externalId", r.externalId()).param("category", r.category())
                .param("description", r.description()).param("lat", r.latitude()).param("lon", r.longitude())
                .param("address", r.address()).param("grid", r.gridCode()).param("community", r.communityCode())
                .param("street", r.streetCode()).param("duplicateOf", r.suspectedDuplicateOf())
                .param("mediaUrl", r.mediaUrl())
                .param("event", r.eventAvro()).param("reportedAt", Timestamp.from(r.reportedAt()))
                .param("acceptedAt", Timestamp.from(r.acceptedAt()))
                .update() == 1;
    }

    public void markPublished(List<String> caseIds) {
        if (!caseIds.isEmpty()) {
            jdbc.sql("update intake_case set state = 'PUBLISHED' where case_id in (:caseIds)")
                    .param("caseIds", caseIds).update();
        }
    }

    /** Forgets a case whose publication failed and whose caller cannot resend it under the same key. */
    public void forget(String caseId) {
        jdbc.sql("delete from intake_case where case_id = :caseId and state = 'PENDING'").param("caseId", caseId)
                .update();
    }

    public Optional<CaseRecord> byIdempotencyKey(String key) {
        return jdbc.sql("select " + COLUMNS + " from intake_case where idempotency_key = :key").param("key", key)
                .query(CaseLedger::map).optional();
    }

    public Optional<CaseRecord> byCaseId(String caseId) {
        return jdbc.sql("select " + COLUMNS + " from intake_case where case_id = :caseId").param("caseId", caseId)
                .query(CaseLedger::map).optional();
    }

    /**
     * The newest open case of the category accepted since {@code since} whose point lies within {@code meters}
     * (equirectangular distance: exact enough at a few hundred metres).
     */
    public Optional<String> nearestOpenCase(String category, double lat, double lon, double meters, Instant since) {
        return nearestOpenCaseQuery("", category, lat, lon, meters, since).query(String.class).optional();
    }

    /** PostgreSQL's plan for {@link #nearestOpenCase}, so a test can hold it to the index of open cases nearby. */
    List<String> planOfNearestOpenCase(String category, double lat, double lon, double meters, Instant since) {
        return nearestOpenCaseQuery("explain ", category, lat, lon, meters, since).query(String.class).list();
    }

    private JdbcClient.StatementSpec nearestOpenCaseQuery(String prefix, String category, double lat, double lon,
                                                          double meters, Instant since) {
        double dLat = meters / 111_320.0;
        double dLon = meters / (111_320.0 * Math.cos(Math.toRadians(lat)));
        // the latitude band and the status match intake_case_open_near (V3), which bounds the rows read
        return jdbc.sql(prefix + "select case_id from intake_case where category = :category "
                        + "and case_status = 'open' and accepted_at >= :since and latitude between :lat0 and :lat1 "
                        + "and longitude between :lon0 and :lon1 "
                        + "and sqrt(power((latitude - :lat) * 111320.0, 2) "
                        + "+ power((longitude - :lon) * 111320.0 * cos(radians(:lat)), 2)) <= :meters "
                        + "order by accepted_at desc limit 1")
                .param("category", category).param("since", Timestamp.from(since))
                .param("lat0", lat - dLat).param("lat1", lat + dLat).param("lon0", lon - dLon)
                .param("lon1", lon + dLon).param("lat", lat).param("lon", lon).param("meters", meters);
    }

    public List<CaseRecord> search(CaseSearch search) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from intake_case where state = 'PUBLISHED'");
        List<Object> params = new ArrayList<>();
        if (search.caseIds() != null && !search.caseIds().isEmpty()) {
            sql.append(" and case_id = any (?)");
            params.add(search.caseIds().toArray(String[]::new));
        }
        if (search.categories() != null && !search.categories().isEmpty()) {
            sql.append(" and category = any (?)");
            params.add(search.categories().toArray(String[]::new));
        }
        if (search.from() != null) {
            sql.append(" and accepted_at >= ?");
            params.add(Timestamp.from(search.from()));
        }
        if (search.to() != null) {
            sql.append(" and accepted_at <= ?");
            params.add(Timestamp.from(search.to()));
        }
        if (search.status() != null) {
            sql.append(" and case_status = ?");
            params.add(search.status());
        }
        sql.append(" order by accepted_at desc limit ?");
        params.add(search.limit());
        return jdbc.sql(sql.toString()).params(params).query(CaseLedger::map).list();
    }

    /** What dispatch decided, for status lookups (Open311 agency_responsible, status). */
    public void recordProgress(String caseId, String status, String agency, String notes, Instant at) {
        jdbc.sql("update intake_case set case_status = :status, agency_responsible = coalesce(:agency, "
                        + "agency_responsible), status_notes = :notes, updated_at = :at where case_id = :caseId")
                .param("status", status).param("agency", agency).param("notes", notes)
                .param("at", Timestamp.from(at)).param("caseId", caseId).update();
    }

    private static CaseRecord map(ResultSet rs, int row) throws SQLException {
        return CaseRecord.builder().caseId(rs.getString("case_id")).idempotencyKey(rs.getString("idempotency_key"))
                .fingerprint(rs.getString("fingerprint")).published("PUBLISHED".equals(rs.getString("state")))
                .channel(rs.getString("channel")).externalId(rs.getString("external_id"))
                .category(rs.getString("category")).description(rs.getString("description"))
                .latitude((Double) rs.getObject("latitude")).longitude((Double) rs.getObject("longitude"))
                .address(rs.getString("address")).gridCode(rs.getString("grid_code"))
                .communityCode(rs.getString("community_code")).streetCode(rs.getString("street_code"))
                .suspectedDuplicateOf(rs.getString("suspected_duplicate_of")).mediaUrl(rs.getString("media_url"))
                .eventAvro(rs.getBytes("event_avro")).reportedAt(rs.getTimestamp("reported_at").toInstant())
                .acceptedAt(rs.getTimestamp("accepted_at").toInstant()).caseStatus(rs.getString("case_status"))
                .agencyResponsible(rs.getString("agency_responsible")).statusNotes(rs.getString("status_notes"))
                .updatedAt(rs.getTimestamp("updated_at").toInstant()).build();
    }
}
