package org.civicdispatch.audit.chain;

import java.time.Instant;

/**
 * What the hash chain seals of one audit row: everything it holds except its database id and the hashes.
 *
 * @param headersJson the headers as PostgreSQL renders the stored jsonb ({@code headers::text}), so the appender and
 *                    the verifier hash the same text
 * @param payloadJson the decoded value as PostgreSQL renders the stored jsonb, null when there is none
 * @param appendedAt  when audit appended it, to the microsecond (PostgreSQL's precision)
 */
public record ChainedContent(long seq, String topic, int partition, long offset, String recordKey, String caseId,
                             String eventType, Integer schemaId, byte[] raw, String headersJson, String payloadJson,
                             String decodeError, Instant recordTimestamp, Instant appendedAt) {
}
