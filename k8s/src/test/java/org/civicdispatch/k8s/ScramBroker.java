package org.civicdispatch.k8s;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.civicdispatch.devinfra.BrokerJvm;

/**
 * A real KRaft broker in its own JVM, configured as the Strimzi cluster is: SCRAM-SHA-512 on the only client
 * listener and the StandardAuthorizer with no access unless an ACL grants it. Users and their passwords are written
 * into the metadata log when the storage is formatted, as {@code kafka-storage format --add-scram} does.
 */
final class ScramBroker implements AutoCloseable {

    static final String ADMIN = "admin";

    private final BrokerJvm broker;

    private ScramBroker(BrokerJvm broker) {
        this.broker = broker;
    }

    /** Starts a broker knowing {@code users} (name → password) besides the admin super user. */
    static ScramBroker start(Path dir, Map<String, String> users) throws IOException, InterruptedException {
        Map<String, String> server = new LinkedHashMap<>();
        server.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
        server.put("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-512");
        server.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config", jaas(ADMIN, password(ADMIN)));
        server.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        // The controller listener is internal to this one-node test cluster.
        server.put("super.users", "User:" + ADMIN + ";User:ANONYMOUS");
        server.put("allow.everyone.if.no.acl.found", "false");
        List<String> format = new ArrayList<>(List.of("--add-scram", scram(ADMIN, password(ADMIN))));
        users.forEach((user, password) -> format.addAll(List.of("--add-scram", scram(user, password))));
        return new ScramBroker(BrokerJvm.format(dir, BrokerJvm.freePort(), "SASL_PLAINTEXT", server, format)
                .start());
    }

    /** Client settings for {@code user}, with the password the broker was formatted with. */
    Properties client(String user, String password) {
        Properties props = new Properties();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        props.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
        props.put(SaslConfigs.SASL_JAAS_CONFIG, jaas(user, password));
        return props;
    }

    Properties admin() {
        return client(ADMIN, password(ADMIN));
    }

    static String password(String user) {
        return user + "-secret";
    }

    private static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    private static String scram(String user, String password) {
        return "SCRAM-SHA-512=[name=" + user + ",password=" + password + "]";
    }

    @Override
    public void close() throws InterruptedException {
        broker.close();
    }
}
