package org.civicdispatch.audit.replay;

import java.util.Map;
import java.util.Set;

/** The broker a replay is published to. */
public interface ReplayTarget {

    Set<String> existingTopics();

    void createTopic(String name, int partitions);

    /** Sends without waiting; {@link #flush()} waits for every send and fails if any did. */
    void send(String topic, String key, byte[] value, Map<String, String> headers);

    void flush();
}
