package org.civicdispatch.dispatch.topology;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.civicdispatch.registry.wire.AvroCodec;
import org.civicdispatch.registry.wire.AvroWireDeserializer;
import org.civicdispatch.registry.wire.AvroWireSerializer;

/** Serdes in the Confluent wire format for the topology. */
public final class AvroSerdes {

    private AvroSerdes() {
    }

    public static <T extends SpecificRecord> Serde<T> reading(AvroCodec codec, Class<T> type) {
        return Serdes.serdeFrom(new AvroWireSerializer<>(codec), new AvroWireDeserializer<>(codec, type));
    }

    /** For outputs of several record types: each is written under its own topic's subject. */
    public static Serde<SpecificRecord> writing(AvroCodec codec) {
        return Serdes.serdeFrom(new AvroWireSerializer<>(codec), new AvroWireDeserializer<>(codec, null));
    }
}
