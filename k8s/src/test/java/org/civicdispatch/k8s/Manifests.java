package org.civicdispatch.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The manifests of {@code k8s/}, parsed with the fabric8 Kubernetes model: typed where it knows the kind. */
final class Manifests {

    static final Path ROOT = Path.of(System.getProperty("k8s.dir", ".")).toAbsolutePath().normalize();
    static final Path BASE = ROOT.resolve("base");
    private static final KubernetesSerialization YAML = new KubernetesSerialization();

    private final List<HasMetadata> resources;

    private Manifests(List<HasMetadata> resources) {
        this.resources = resources;
    }

    /** Every resource the base kustomization lists, in order. */
    static Manifests base() {
        List<HasMetadata> all = new ArrayList<>();
        for (String file : kustomization(BASE).list("resources")) {
            all.addAll(parse(BASE.resolve(file)));
        }
        return new Manifests(all);
    }

    static List<HasMetadata> parse(Path file) {
        List<HasMetadata> parsed = new ArrayList<>();
        for (String document : read(file).split("(?m)^---\\s*$")) {
            if (document.lines().anyMatch(l -> l.startsWith("kind:"))) {
                parsed.add(YAML.unmarshal(document));
            }
        }
        return parsed;
    }

    static Yaml kustomization(Path dir) {
        return new Yaml(YAML.unmarshal(read(dir.resolve("kustomization.yaml")), Map.class));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<HasMetadata> all() {
        return resources;
    }

    <T extends HasMetadata> Stream<T> ofType(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast);
    }

    /** Custom resources (Strimzi, CloudNativePG, KEDA), which the model holds generically. */
    Stream<Yaml> custom(String kind) {
        return resources.stream().filter(r -> r instanceof GenericKubernetesResource && kind.equals(r.getKind()))
                .map(r -> new Yaml(((GenericKubernetesResource) r).getAdditionalProperties())
                        .with("name", r.getMetadata().getName()).with("labels", r.getMetadata().getLabels()));
    }

    Optional<HasMetadata> find(String kind, String name) {
        return resources.stream().filter(r -> kind.equals(r.getKind()) && name.equals(r.getMetadata().getName()))
                .findFirst();
    }

    /** A loosely typed view of YAML maps, for custom resources and kustomizations. */
    record Yaml(Map<?, ?> map) {

        Yaml with(String key, Object value) {
            Map<Object, Object> copy = new java.util.LinkedHashMap<>(map);
            copy.put(key, value);
            return new Yaml(copy);
        }

        Object at(String dottedPath) {
            Object current = map;
            for (String key : dottedPath.split("\\.")) {
                if (!(current instanceof Map<?, ?> m)) {
                    return null;
                }
                current = m.get(key);
            }
            return current;
        }

        String text(String dottedPath) {
            Object value = at(dottedPath);
            return value == null ? null : String.valueOf(value);
        }

        List<String> list(String dottedPath) {
            Object value = at(dottedPath);
            return value == null ? List.of() : ((List<?>) value).stream().map(String::valueOf).toList();
        }

        List<Yaml> maps(String dottedPath) {
            Object value = at(dottedPath);
            return value == null ? List.of() : ((List<?>) value).stream().map(v -> new Yaml((Map<?, ?>) v)).toList();
        }
    }
}
