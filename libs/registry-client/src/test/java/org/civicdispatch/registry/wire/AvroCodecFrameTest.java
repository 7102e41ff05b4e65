package org.civicdispatch.registry.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.civicdispatch.registry.CompatibilityLevel;
import org.civicdispatch.registry.SchemaRegistryClient;
import org.junit.jupiter.api.Test;

/** The frame header alone, no registry needed (the round trips against a registry live in dev-registry). */
class AvroCodecFrameTest {

    @Test
    void shouldReadTheBigEndianSchemaIdAfterTheMagicByte() {
        assertThat(AvroCodec.schemaId(new byte[] {0, 0, 0, 0, 42})).isEqualTo(42);
        assertThat(AvroCodec.schemaId(new byte[] {0, 0, 1, 0, 1, 99})).isEqualTo(65537);
        assertThat(AvroCodec.schemaId(new byte[] {0, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff}))
                .isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void shouldRefuseAFrameThatIsNotTheConfluentWireFormat() {
        assertThatThrownBy(() -> AvroCodec.schemaId("{\"a\":1}".getBytes()))
                .isInstanceOf(UnreadableRecordException.class).hasMessageContaining("magic byte 0x7b");
        assertThatThrownBy(() -> AvroCodec.schemaId(new byte[] {0, 0, 0, 1}))
                .isInstanceOf(UnreadableRecordException.class).hasMessageContaining("4 bytes");
        assertThatThrownBy(() -> AvroCodec.schemaId(null))
                .isInstanceOf(UnreadableRecordException.class).hasMessageContaining("0 bytes");
    }

    @Test
    void shouldUseTheFirstOfSeveralRegistryUrlsWithoutTrailingSlash() {
        assertThat(new SchemaRegistryClient("http://a:8081/, http://b:8081").baseUrl()).isEqualTo("http://a:8081");
    }

    @Test
    void shouldKnowWhichDirectionsEachLevelChecks() {
        assertThat(CompatibilityLevel.NONE.checksBackward()).isFalse();
        assertThat(CompatibilityLevel.NONE.checksForward()).isFalse();
        assertThat(CompatibilityLevel.BACKWARD_TRANSITIVE.checksBackward()).isTrue();
        assertThat(CompatibilityLevel.BACKWARD_TRANSITIVE.checksForward()).isFalse();
        assertThat(CompatibilityLevel.FULL.checksBackward()).isTrue();
        assertThat(CompatibilityLevel.FULL.checksForward()).isTrue();
        assertThat(CompatibilityLevel.FULL.isTransitive()).isFalse();
        assertThat(CompatibilityLevel.FORWARD_TRANSITIVE.isTransitive()).isTrue();
    }
}
