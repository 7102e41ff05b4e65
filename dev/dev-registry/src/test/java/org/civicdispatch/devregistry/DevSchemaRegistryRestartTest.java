package org.civicdispatch.devregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicdispatch.devregistry.RegistryHttp.record;

import org.apache.avro.Schema;
import org.civicdispatch.registry.CompatibilityLevel;
import org.civicdispatch.registry.RegisteredSchema;
import org.civicdispatch.registry.SchemaRegistryClient;
import org.civicdispatch.registry.SchemaRegistryException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The _schemas topic is the registry's only state: a new registry on the same broker knows everything. */
class DevSchemaRegistryRestartTest {

    private static final String A = "{\"name\":\"a\",\"type\":\"string\"}";
    private static final String B_DEFAULTED = "{\"name\":\"b\",\"type\":\"string\",\"default\":\"x\"}";
    private static final String B_REQUIRED = "{\"name\":\"b\",\"type\":\"string\"}";

    @RegisterExtension
    static final RunningRegistry REGISTRY = new RunningRegistry();

    private SchemaRegistryClient restart() {
        return new SchemaRegistryClient(REGISTRY.restart().url());
    }

    @Test
    void shouldKeepIdsVersionsConfigAndDeletesAcrossARestart() {
        Schema orderV1 = record("Order", A);
        Schema orderV2 = record("Order", A, B_DEFAULTED);
        Schema parcel = record("Parcel", A);

        SchemaRegistryClient before = restart();
        int id1 = before.register("orders-value", orderV1);
        int id2 = before.register("orders-value", orderV2);
        int shared = before.register("orders-copy-value", orderV1);
        int parcelId = before.register("parcels-value", parcel);
        before.setCompatibility("orders-value", CompatibilityLevel.FULL);
        before.setCompatibility(null, CompatibilityLevel.FORWARD);
        new RegistryHttp(REGISTRY.url()).delete("/subjects/parcels-value");

        SchemaRegistryClient after = restart();

        assertThat(shared).isEqualTo(id1);
        assertThat(after.getById(id1)).isEqualTo(orderV1);
        assertThat(after.getById(id2)).isEqualTo(orderV2);
        assertThat(after.getById(parcelId)).as("deleted subjects keep their ids readable").isEqualTo(parcel);
        assertThat(after.versions("orders-value")).containsExactly(1, 2);
        assertThat(after.getVersion("orders-value", "1")).isEqualTo(new RegisteredSchema("orders-value", 1, id1,
                orderV1));
        assertThat(after.getLatest("orders-value")).isEqualTo(new RegisteredSchema("orders-value", 2, id2,
                orderV2));
        assertThat(after.getLatest("orders-copy-value").id()).isEqualTo(id1);
        assertThat(after.lookup("orders-value", orderV1)).isEqualTo(id1);
        assertThat(after.subjects()).contains("orders-value", "orders-copy-value").doesNotContain("parcels-value");
        assertThat(after.compatibility("orders-value")).isEqualTo(CompatibilityLevel.FULL);
        assertThat(after.compatibility(null)).isEqualTo(CompatibilityLevel.FORWARD);
        assertThat(after.register("orders-value", orderV2)).as("no new version for a known schema").isEqualTo(id2);
        assertThat(after.versions("orders-value")).containsExactly(1, 2);

        // The restored level is enforced, not only reported: FULL refuses a field without default.
        assertThatThrownBy(
                () -> after.register("orders-value", record("Order", A, B_DEFAULTED, B_REQUIRED.replace("\"b\"",
                        "\"c\"")))).isInstanceOf(SchemaRegistryException.class);

        after.setCompatibility(null, CompatibilityLevel.BACKWARD);
    }

    @Test
    void shouldNeverReuseAnIdAfterARestart() {
        SchemaRegistryClient before = restart();
        int first = before.register("ids-value", record("IdProbe", A));
        int second = before.register("ids-other-value", record("IdProbe2", A));

        SchemaRegistryClient after = restart();
        int third = after.register("ids-third-value", record("IdProbe3", A));

        assertThat(third).isGreaterThan(Math.max(first, second));
        assertThat(after.getById(first)).isEqualTo(record("IdProbe", A));

        SchemaRegistryClient again = restart();
        int fourth = again.register("ids-fourth-value", record("IdProbe4", A));
        assertThat(fourth).isGreaterThan(third);
        assertThat(again.getById(third)).isEqualTo(record("IdProbe3", A));
        assertThat(again.register("ids-value", record("IdProbe", A))).isEqualTo(first);
    }

    @Test
    void shouldKeepAClearedSubjectLevelClearedAfterARestart() {
        SchemaRegistryClient before = restart();
        before.register("levels-value", record("LevelProbe", A));
        before.setCompatibility("levels-value", CompatibilityLevel.NONE);
        new RegistryHttp(REGISTRY.url()).delete("/config/levels-value");

        SchemaRegistryClient after = restart();

        assertThat(new RegistryHttp(REGISTRY.url()).get("/config/levels-value").status()).isEqualTo(404);
        assertThat(after.compatibility("levels-value")).isEqualTo(after.compatibility(null));
    }
}
