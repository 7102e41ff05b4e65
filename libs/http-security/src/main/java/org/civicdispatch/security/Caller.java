package org.civicdispatch.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is asking, from their verified token: subject, roles and scopes. Handlers use it for the checks that depend
 * on the data (is this case in the operator's streets? is this the department's own queue?).
 */
public record Caller(String subject, Set<String> roles, Set<String> streets, String department) {

    public Caller {
        roles = Set.copyOf(roles);
        streets = Set.copyOf(streets);
    }

    /** The caller of the current request; fails when there is none (security lets no anonymous call this far). */
    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            throw new IllegalStateException("no authenticated caller");
        }
        return of(jwt);
    }

    /** The current request's own token, as an {@code Authorization} value, to pass on to a peer. */
    public static String currentBearer() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            throw new IllegalStateException("no authenticated caller");
        }
        return "Bearer " + jwt.getTokenValue();
    }

    public static Caller of(Jwt jwt) {
        return new Caller(jwt.getSubject(), strings(jwt.getClaim("roles")), strings(jwt.getClaim("streets")),
                jwt.getClaimAsString("department"));
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean isDistrictWide() {
        return streets.contains(Roles.ALL_STREETS);
    }

    /** Operators act within their streets; a district-wide operator everywhere. */
    public boolean mayActOnStreet(String streetCode) {
        return isDistrictWide() || streetCode != null && streets.contains(streetCode);
    }

    public boolean belongsTo(String departmentCode) {
        return department != null && department.equals(departmentCode);
    }

    private static Set<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).collect(Collectors.toSet());
        }
        return claim == null ? Set.of() : Set.copyOf(List.of(String.valueOf(claim)));
    }
}
