package org.civicdispatch.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainHashTest {

    static final Instant AT = Instant.parse("2026-11-23T02:00:00Z");

    static ChainedContent content(long seq) {
        return new ChainedContent(seq, "case-events", 1, 40 + seq, "C-1", "C-1", "org.civicdispatch.events.CaseEvent",
                7, new byte[] {0, 0, 0, 0, 7, 2}, "{\"trace\": \"t\"}", "{\"caseId\": \"C-1\"}", null, AT,
                AT.plusMillis(5));
    }

    @Test
    void shouldHashTheSameContentAfterTheSameRowAlike() {
        assertThat(ChainHash.of(ChainHash.GENESIS, content(1))).hasSize(32)
                .isEqualTo(ChainHash.of(ChainHash.GENESIS, content(1)));
    }

    @Test
    void shouldChangeTheHashWhenAnyFieldOrThePreviousHashChanges() {
        ChainedContent c = content(1);
        byte[] original = ChainHash.of(ChainHash.GENESIS, c);
        List<ChainedContent> altered = List.of(
                new ChainedContent(2, c.topic(), c.partition(), c.offset(), c.recordKey(), c.caseId(), c.eventType(), c.schemaId(), c.raw(), c.headersJson(), c.payloadJson(), c.decodeError(), c.recordTimestamp(), c.appendedAt()),
                new ChainedContent(1, "case-eventz", c.partition(), c.offset(), c.recordKey(), c.caseId(), c.eventType(), c.schemaId(), c.raw(), c.headersJson(), c.payloadJson(), c.decodeError(), c.recordTimestamp(), c.appendedAt()),
                new ChainedContent(1, c.topic(), 2, c.offset(), c.recordKey(), c.caseId(), c.eventType(), c.schemaId(), c.raw(), c.headersJson(), c.payloadJson(), c.decodeError(), c.recordTimestamp(), c.appendedAt()),
                new ChainedContent(1, c.topic(), c.partition(), 99, c.recordKey(), c.caseId(), c.eventType(), c.schemaId(), c.raw(), c.headersJson(), c.payloadJson(), c.decodeError(), c.recordTimestamp(), c.appendedAt()),
                new ChainedContent(1, c.topic(), c.partition(), c.offset(), null, c.caseId(), c.eventType(), c.schemaId(), c.raw(), c.headersJson(), c.payloadJson(), c.decodeError(), c.recordTimestamp(), c.appendedAt()),
                new ChainedContent(1, c.topic(), c.partition(), c.offset(), c.recordKey(), "C-2", c.eventType(), c.schemaId(), c.raw(), c.headersJson(), c.payloadJson(), c.decodeError(), c.recordTimestamp(), c.appendedAt()),
                new ChainedContent(1, c.topic(), c.partition(), c.offset(), c.recordKey(), c.caseId(), null, c.schemaId(), c.raw(), c.headersJson(), c.payloadJson(), c.decodeError(), c.recordTimestamp(), c.appendedAt()),
                new ChainedContent(1, c.topic(), c.partition(), c.offset(), c.recordKey(), c.caseId(), c.eventType(), 8, c.raw(), c.headersJson(), c.payloadJson(), c.decodeError(), c.recordTimestamp(), c.appendedAt()),
                new ChainedContent(1, c.topic(), c.partition(), c.offset(), c.recordKey(), c.caseId(), c.eventType(), c.schemaId(), new byte[] {0, 0, 0, 0, 7, 3}, c.headersJson(), c.payloadJson(), c.decodeError(), c.recordTimestamp(), c.appendedAt()),
                new ChainedContent(1, c.topic(), c.partition(), c.offset(), c.recordKey(), c.caseId(), c.eventType(), c.schemaId(), c.raw(), "{}", c.payloadJson(), c.decodeError(), c.recordTimestamp(), c.appendedAt()),
                new ChainedContent(1, c.topic(), c.partition(), c.offset(), c.recordKey(), c.caseId(), c.eventType(), c.schemaId(), c.raw(), c.headersJson(), "{\"caseId\": \"C-2\"}", c.decodeError(), c.recordTimestamp(), c.appendedAt()),
                new ChainedContent(1, c.topic(), c.partition(), c.offset(), c.recordKey(), c.caseId(), c.eventType(), c.schemaId(), c.raw(), c.headersJson(), c.payloadJson(), "bad", c.recordTimestamp(), c.appendedAt()),
                new ChainedContent(1, c.topic(), c.partition(), c.offset(), c.recordKey(), c.caseId(), c.eventType(), c.schemaId(), c.raw(), c.headersJson(), c.payloadJson(), c.decodeError(), AT.plusMillis(1), c.appendedAt()),
                new ChainedContent(1, c.topic(), c.partition(), c.offset(), c.recordKey(), c.caseId(), c.eventType(), c.schemaId(), c.raw(), c.headersJson(), c.payloadJson(), c.decodeError(), c.recordTimestamp(), c.appendedAt().plusNanos(1000)));

        assertThat(altered).allSatisfy(row -> assertThat(ChainHash.of(ChainHash.GENESIS, row)).isNotEqualTo(original));
        byte[] otherPrevious = new byte[32];
        otherPrevious[31] = 1;
        assertThat(ChainHash.of(otherPrevious, c)).isNotEqualTo(original);
    }

    @Test
    void shouldTellFieldBoundariesApartSoMovedCharactersDoNotCollide() {
        ChainedContent c = content(1);
        ChainedContent keyAb = new ChainedContent(1, c.topic(), 0, 1, "ab", "c", null, null, null, "{}", null, null, null, AT);
        ChainedContent keyA = new ChainedContent(1, c.topic(), 0, 1, "a", "bc", null, null, null, "{}", null, null, null, AT);
        ChainedContent nullKey = new ChainedContent(1, c.topic(), 0, 1, null, "", null, null, null, "{}", null, null, null, AT);
        ChainedContent emptyKey = new ChainedContent(1, c.topic(), 0, 1, "", null, null, null, null, "{}", null, null, null, AT);

        assertThat(ChainHash.of(ChainHash.GENESIS, keyAb)).isNotEqualTo(ChainHash.of(ChainHash.GENESIS, keyA));
        assertThat(ChainHash.of(ChainHash.GENESIS, nullKey)).isNotEqualTo(ChainHash.of(ChainHash.GENESIS, emptyKey));
    }

    @Test
    void shouldRefuseAPreviousHashOfTheWrongLength() {
        assertThatThrownBy(() -> ChainHash.of(new byte[31], content(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
