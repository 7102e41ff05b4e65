package org.civicdispatch.reference.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The versioned matter catalog. Every routing decision names the version it used, so an auditor can tell which
 * rules applied to a case.
 */
public final class MatterCatalog {

    private final String version;
    private final Map<String, Department> departments;
    private final Map<String, Matter> matters;
    private final String catchAllDepartment;

    public MatterCatalog(String version, List<Department> departments, List<Matter> matters,
                         String catchAllDepartment) {
        this.version = version;
        this.departments = departments.stream().collect(Collectors.toMap(Department::code, d -> d,
                (a, b) -> {
                    throw new IllegalArgumentException("department listed twice: " + a.code());
                }, LinkedHashMap::new));
        this.matters = matters.stream().collect(Collectors.toMap(Matter::code, m -> m,
                (a, b) -> {
                    throw new IllegalArgumentException("matter listed twice: " + a.code());
                }, LinkedHashMap::new));
        this.catchAllDepartment = catchAllDepartment;
        checkReferences();
    }

    private void checkReferences() {
        if (!departments.containsKey(catchAllDepartment)) {
            throw new IllegalArgumentException("catch-all department " + catchAllDepartment + " is not listed");
        }
        for (Matter m : matters.values()) {
            for (String code : concat(m.leadDepartment(), m.assistingDepartments())) {
                if (!departments.containsKey(code)) {
                    throw new IllegalArgumentException("matter " + m.code() + " names unknown department " + code);
                }
            }
        }
    }

    private static List<String> concat(String first, List<String> rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream()).toList();
    }

    public String version() {
        return version;
    }

    public Optional<Matter> matter(String code) {
        return Optional.ofNullable(matters.get(code));
    }

    /** The first matter of a category, for reports that name only the category (e.g. "sanitation"). */
    public Optional<Matter> firstOfCategory(String category) {
        return matters.values().stream().filter(m -> m.category().equals(category)).findFirst();
    }

    public List<Matter> matters() {
        return List.copyOf(matters.values());
    }

    public List<Department> departments() {
        return List.copyOf(departments.values());
    }

    public String catchAllDepartment() {
        return catchAllDepartment;
    }
}
