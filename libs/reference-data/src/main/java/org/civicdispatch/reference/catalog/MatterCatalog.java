package org.civicdispatch.reference.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.civicdispatch.events.Tier;

/**
 * The versioned matter catalog. Every routing decision names the version it used, so an auditor can tell which
 * rules applied to a case.
 */
public final class MatterCatalog {

    private final String version;
    private final Map<String, Department> departments;
    private final Map<String, Matter> matters;
    private final String catchAllDepartment;
    private final List<Category> categories;

    /** A catalog whose categories are just the codes its matters name, in order of first use. */
    public MatterCatalog(String version, List<Department> departments, List<Matter> matters,
                         String catchAllDepartment) {
        this(version, null, departments, matters, catchAllDepartment);
    }

    public MatterCatalog(String version, List<Category> categories, List<Department> departments,
                         List<Matter> matters, String catchAllDepartment) {
        this.version = version;
        this.categories = categories != null ? List.copyOf(categories)
                : matters.stream().map(Matter::category).distinct().map(c -> new Category(c, c, c)).toList();
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
            if (categories.stream().noneMatch(c -> c.code().equals(m.category()))) {
                throw new IllegalArgumentException("matter " + m.code() + " is in unknown category " + m.category());
            }
            checkEscalationChain(m);
        }
    }

    /** A chain only climbs: every step above the one before it, the district being the top (and its own end). */
    private static void checkEscalationChain(Matter m) {
        Tier below = m.tier();
        for (Tier step : m.escalationChain()) {
            if (step.ordinal() <= below.ordinal() && step != Tier.DISTRICT) {
                throw new IllegalArgumentException("matter " + m.code() + ": escalation chain " + m.escalationChain()
                        + " does not climb from " + m.tier());
            }
            below = step;
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

    /**
     * The first matter of a group or category, for reports that name only that ("sanitation" finds
     * "sanitation.garbage-overflow").
     */
    public Optional<Matter> firstOfCategory(String category) {
        return matters.values().stream().filter(m -> m.group().equals(category)).findFirst()
                .or(() -> matters.values().stream().filter(m -> m.category().equals(category)).findFirst());
    }

    public Optional<Department> department(String code) {
        return Optional.ofNullable(departments.get(code));
    }

    public List<Matter> matters() {
        return List.copyOf(matters.values());
    }

    public List<Category> categories() {
        return categories;
    }

    public List<Department> departments() {
        return List.copyOf(departments.values());
    }

    public String catchAllDepartment() {
        return catchAllDepartment;
    }
}
