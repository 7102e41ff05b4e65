package org.civicdispatch.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.civicdispatch.contract.Topics;
import org.civicdispatch.reference.catalog.CatalogLoader;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ManifestsTest {

    private static final List<String> SERVICES = List.of("intake-service", "dispatch-service",
            "notification-service", "audit-service");
    private static final Map<String, String> GROUP_OF = Map.of("intake-service", "intake", "dispatch-service",
            "dispatch", "notification-service", "notification", "audit-service", "audit");

    private final Manifests base = Manifests.base();
    private final KafkaResources kafka = new KafkaResources(CatalogLoader.bundled());

    @Nested
    class KafkaTopicsAndUsers {

        @Test
        void shouldDeclareExactlyTheTopicsAndUsersTheContractImplies() throws Exception {
            Path topics = Manifests.BASE.resolve("kafka/topics.yaml");
            Path users = Manifests.BASE.resolve("kafka/users.yaml");
            if (Boolean.getBoolean("k8s.regenerate")) {
                Files.writeString(topics, kafka.topicsYaml());
                Files.writeString(users, kafka.usersYaml());
            }
            assertThat(Manifests.read(topics)).as("run with -Dk8s.regenerate=true after changing Topics or the "
                    + "catalog's departments").isEqualTo(kafka.topicsYaml());
            assertThat(Manifests.read(users)).isEqualTo(kafka.usersYaml());
        }

        @Test
        void shouldHaveAKafkaTopicForEveryTopicOfTheContract() {
            Set<String> declared = base.custom("KafkaTopic")
                    .map(t -> t.text("spec.topicName") != null ? t.text("spec.topicName") : t.text("name"))
                    .collect(Collectors.toSet());
            List<String> contract = Topics.all(CatalogLoader.bundled().departments().stream()
                    .map(d -> d.code()).toList()).stream().map(t -> t.name()).toList();

            assertThat(declared).containsAll(contract).contains(KafkaResources.SCHEMAS_TOPIC);
            assertThat(base.custom("KafkaTopic").map(t -> String.valueOf(((Map<?, ?>) t.at("labels")).get("strimzi.io/cluster"))))
                    .containsOnly(KafkaResources.CLUSTER);
        }

        @Test
        void shouldNameOnlyDeclaredTopicsInLiteralAcls() {
            Set<String> declared = base.custom("KafkaTopic")
                    .map(t -> t.text("spec.topicName") != null ? t.text("spec.topicName") : t.text("name"))
                    .collect(Collectors.toSet());
            base.custom("KafkaUser").flatMap(u -> u.maps("spec.authorization.acls").stream())
                    .filter(acl -> "topic".equals(acl.text("resource.type")))
                    .filter(acl -> "literal".equals(acl.text("resource.patternType")))
                    .map(acl -> acl.text("resource.name")).filter(name -> !name.equals("*"))
                    .forEach(name -> assertThat(declared).as("ACL on topic " + name).contains(name));
        }

        @Test
        void shouldLetADepartmentReadOnlyItsOwnTasksAndWriteOnlyResponses() {
            Manifests.Yaml sanitation = base.custom("KafkaUser").filter(u -> u.text("name").equals("dept-sanitation"))
                    .findFirst().orElseThrow();
            List<Manifests.Yaml> topicAcls = sanitation.maps("spec.authorization.acls").stream()
                    .filter(acl -> "topic".equals(acl.text("resource.type"))).toList();

            assertThat(topicAcls).extracting(acl -> acl.text("resource.name") + " " + acl.list("operations"))
                    .containsExactlyInAnyOrder("department-responses [Write, Describe]",
                            "department-tasks-sanitation [Read, Describe]");
            assertThat(base.custom("KafkaUser").map(u -> u.text("name")))
                    .contains("dept-grid-station", "dept-community-committee", "intake", "dispatch",
                            "notification", "audit", "schema-registry", "keda", "channel-systems");
        }

        @Test
        void shouldNeverLetAuditWriteALiveTopic() {
            Manifests.Yaml audit = base.custom("KafkaUser").filter(u -> u.text("name").equals("audit"))
                    .findFirst().orElseThrow();

            assertThat(audit.maps("spec.authorization.acls")).filteredOn(acl -> acl.list("operations").contains("Write"))
                    .extracting(acl -> acl.text("resource.name") + "/" + acl.text("resource.patternType"))
                    .containsExactly("replay-/prefix");
        }
    }

    @Nested
    class Services {

        @Test
        void shouldRunEveryServiceWithAPinnedImageProbesAndResources() {
            assertThat(deployments().map(d -> d.getMetadata().getName())).containsAll(SERVICES);
            deployments().forEach(d -> {
                Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
                assertThat(c.getImage()).as(d.getMetadata().getName())
                        .matches(".+:[0-9][A-Za-z0-9._-]*|.+@sha256:[0-9a-f]{64}").doesNotEndWith(":latest");
                assertThat(c.getReadinessProbe()).as(d.getMetadata().getName()).isNotNull();
                assertThat(c.getLivenessProbe()).as(d.getMetadata().getName()).isNotNull();
                assertThat(c.getResources().getRequests()).containsKeys("cpu", "memory");
                assertThat(c.getResources().getLimits()).containsKey("memory");
            });
        }

        @Test
        void shouldPointProbesAndServicesAtDeclaredContainerPorts() {
            deployments().forEach(d -> {
                Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
                Set<String> ports = new HashSet<>();
                for (ContainerPort p : c.getPorts()) {
                    ports.add(p.getName());
                    ports.add(String.valueOf(p.getContainerPort()));
                }
                for (Probe probe : Stream.of(c.getStartupProbe(), c.getLivenessProbe(), c.getReadinessProbe())
                        .filter(p -> p != null).toList()) {
                    assertThat(ports).as(d.getMetadata().getName() + " probe port")
                            .contains(probe.getHttpGet().getPort().getStrVal() != null
                                    ? probe.getHttpGet().getPort().getStrVal()
                                    : String.valueOf(probe.getHttpGet().getPort().getIntVal()));
                }
                env(c, "PORT").ifPresent(port -> assertThat(ports).as("PORT of " + d.getMetadata().getName())
                        .contains(port));
                Service service = base.ofType(Service.class)
                        .filter(s -> s.getSpec().getSelector().equals(d.getSpec().getSelector().getMatchLabels()))
                        .findFirst().orElseThrow(() -> new AssertionError("no Service selects "
                                + d.getMetadata().getName()));
                service.getSpec().getPorts().forEach(p -> assertThat(ports).contains(p.getTargetPort().getStrVal()));
            });
        }

        @Test
        void shouldProtectEveryDeploymentWithADisruptionBudgetThatSelectsIt() {
            deployments().forEach(d -> assertThat(base.ofType(PodDisruptionBudget.class)
                    .filter(pdb -> pdb.getSpec().getSelector().getMatchLabels()
                            .equals(d.getSpec().getTemplate().getMetadata().getLabels())))
                    .as(d.getMetadata().getName()).hasSize(1));
        }

        @Test
        void shouldResolveEverySecretAndConfigMapReference() {
            Set<String> secrets = new HashSet<>();
            base.ofType(Secret.class).forEach(s -> secrets.add(s.getMetadata().getName()));
            base.custom("KafkaUser").forEach(u -> secrets.add(u.text("name")));
            secrets.add(KafkaResources.CLUSTER + "-cluster-ca-cert");
            Set<String> configMaps = base.all().stream().filter(r -> r.getKind().equals("ConfigMap"))
                    .map(r -> r.getMetadata().getName()).collect(Collectors.toSet());
            for (String overlay : List.of("dev", "prod")) {
                Set<String> withOverlay = new HashSet<>(secrets);
                Manifests.kustomization(Manifests.ROOT.resolve("overlays/" + overlay)).maps("secretGenerator")
                        .forEach(g -> withOverlay.add(g.text("name")));
                secretReferences().forEach(ref -> assertThat(withOverlay).as(overlay + ": secret " + ref)
                        .contains(ref));
            }
            deployments().flatMap(d -> d.getSpec().getTemplate().getSpec().getContainers().stream())
                    .flatMap(c -> c.getEnvFrom().stream()).map(EnvFromSource::getConfigMapRef)
                    .filter(ref -> ref != null)
                    .forEach(ref -> assertThat(configMaps).contains(ref.getName()));
        }

        @Test
        void shouldConnectEveryServiceToTheScramListenerAsItsOwnKafkaUser() {
            Map<String, Object> listener = base.custom("Kafka").findFirst().orElseThrow()
                    .maps("spec.kafka.listeners").get(0).map().entrySet().stream()
                    .collect(Collectors.toMap(e -> String.valueOf(e.getKey()), Map.Entry::getValue));
            String bootstrap = base.find("ConfigMap", "platform-env").map(r ->
                    ((io.fabric8.kubernetes.api.model.ConfigMap) r).getData().get("KAFKA_BOOTSTRAP_SERVERS"))
                    .orElseThrow();

            assertThat(bootstrap).isEqualTo(KafkaResources.CLUSTER + "-kafka-bootstrap:" + listener.get("port"));
            assertThat(String.valueOf(listener.get("authentication"))).contains("scram-sha-512");
            for (String service : SERVICES) {
                Container c = container(service);
                assertThat(c.getEnv()).filteredOn(e -> e.getName().equals("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"))
                        .singleElement().satisfies(e -> assertThat(e.getValueFrom().getSecretKeyRef().getName())
                                .isEqualTo(GROUP_OF.get(service)));
            }
        }

        @Test
        void shouldGiveEveryServiceTheTokenIssuerAndJsonLogsThroughThePlatformEnvironment() {
            Map<String, String> platform = ((io.fabric8.kubernetes.api.model.ConfigMap) base.find("ConfigMap",
                    "platform-env").orElseThrow()).getData();

            assertThat(platform).containsKeys("CIVIC_JWK_SET_URI", "CIVIC_TOKEN_ISSUER")
                    .containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
            assertThat(platform.get("CIVIC_JWK_SET_URI")).startsWith("https://");
            for (String service : SERVICES) {
                assertThat(container(service).getEnvFrom()).extracting(e -> e.getConfigMapRef().getName())
                        .as(service).contains("platform-env");
            }
        }

        @Test
        void shouldPointTheConsoleAtServicesThatExist() {
            Set<String> services = base.ofType(Service.class).map(s -> s.getMetadata().getName())
                    .collect(Collectors.toSet());
            List<EnvVar> upstreams = container("console").getEnv().stream()
                    .filter(e -> e.getName().startsWith("CONSOLE_") && e.getName().endsWith("_URL")).toList();

            assertThat(upstreams).hasSize(3).allSatisfy(e -> assertThat(services)
                    .contains(e.getValue().replaceFirst("^http://", "").replaceFirst("[:/].*$", "")));
        }

        @Test
        void shouldPointDatabasesAtTheirCloudNativePgDatabase() {
            Set<String> databases = base.custom("Database").map(d -> d.text("spec.name")).collect(Collectors.toSet());
            databases.add(base.custom("Cluster").findFirst().orElseThrow().text("spec.bootstrap.initdb.database"));
            for (String service : SERVICES) {
                container(service).getEnv().stream().filter(e -> e.getName().endsWith("_DB_URL"))
                        .forEach(e -> assertThat(databases).as(service)
                                .contains(e.getValue().substring(e.getValue().lastIndexOf('/') + 1)));
            }
        }
    }

    @Nested
    class Autoscaling {

        @Test
        void shouldScaleEveryServiceOnItsConsumerLagCappedByThePartitionCount() {
            Map<String, Integer> partitions = base.custom("KafkaTopic").collect(Collectors.toMap(
                    t -> t.text("spec.topicName") != null ? t.text("spec.topicName") : t.text("name"),
                    t -> Integer.parseInt(t.text("spec.partitions"))));
            List<Manifests.Yaml> scaled = base.custom("ScaledObject").toList();

            assertThat(scaled).extracting(s -> s.text("spec.scaleTargetRef.name"))
                    .containsExactlyInAnyOrderElementsOf(SERVICES);
            for (Manifests.Yaml s : scaled) {
                String service = s.text("spec.scaleTargetRef.name");
                Manifests.Yaml trigger = s.maps("spec.triggers").get(0);
                String topic = trigger.text("metadata.topic");
                assertThat(partitions).as(service).containsKey(topic);
                assertThat(Integer.parseInt(s.text("spec.maxReplicaCount"))).as(service)
                        .isLessThanOrEqualTo(partitions.get(topic));
                assertThat(trigger.text("metadata.consumerGroup")).isEqualTo(GROUP_OF.get(service));
                assertThat(base.find("TriggerAuthentication", trigger.text("authenticationRef.name"))).isPresent();
            }
        }
    }

    @Nested
    class Overlays {

        @Test
        void shouldListOnlyFilesThatExist() throws Exception {
            for (Path dir : List.of(Manifests.BASE, Manifests.ROOT.resolve("overlays/dev"),
                    Manifests.ROOT.resolve("overlays/prod"))) {
                for (String resource : Manifests.kustomization(dir).list("resources")) {
                    assertThat(dir.resolve(resource)).as(dir + ": " + resource).exists();
                }
            }
        }

        @Test
        void shouldPatchAndRetagOnlyWhatTheBaseHas() {
            Set<String> images = deployments().map(d -> d.getSpec().getTemplate().getSpec().getContainers().get(0)
                    .getImage().replaceAll(":[^:/]+$", "")).collect(Collectors.toSet());
            for (String overlay : List.of("dev", "prod")) {
                Manifests.Yaml k = Manifests.kustomization(Manifests.ROOT.resolve("overlays/" + overlay));
                assertThat(k.maps("images")).extracting(i -> i.text("name")).containsExactlyInAnyOrderElementsOf(
                        images.stream().filter(i -> i.startsWith("ghcr.io/civic-dispatch/")).toList());
                for (Manifests.Yaml patch : k.maps("patches")) {
                    String kind = patch.text("target.kind");
                    String name = patch.text("target.name");
                    assertThat(base.all()).as(overlay + " patches " + kind + "/" + name).anyMatch(r ->
                            r.getKind().equals(kind) && (name == null || r.getMetadata().getName().equals(name)));
                }
            }
        }
    }

    private Stream<Deployment> deployments() {
        return base.ofType(Deployment.class);
    }

    private Container container(String deployment) {
        return deployments().filter(d -> d.getMetadata().getName().equals(deployment)).findFirst().orElseThrow()
                .getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static java.util.Optional<String> env(Container c, String name) {
        return c.getEnv().stream().filter(e -> e.getName().equals(name)).map(EnvVar::getValue).findFirst();
    }

    private List<String> secretReferences() {
        List<String> refs = new ArrayList<>();
        base.ofType(Deployment.class).forEach(d -> {
            for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
                c.getEnv().stream().filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                        .forEach(e -> refs.add(e.getValueFrom().getSecretKeyRef().getName()));
            }
            for (Volume v : d.getSpec().getTemplate().getSpec().getVolumes()) {
                if (v.getSecret() != null) {
                    refs.add(v.getSecret().getSecretName());
                }
            }
        });
        base.custom("TriggerAuthentication").flatMap(t -> t.maps("spec.secretTargetRef").stream())
                .forEach(ref -> refs.add(ref.text("name")));
        base.custom("Cluster").forEach(c -> {
            refs.add(c.text("spec.bootstrap.initdb.secret.name"));
            c.maps("spec.managed.roles").forEach(r -> refs.add(r.text("passwordSecret.name")));
        });
        return refs;
    }
}
