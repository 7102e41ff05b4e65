package org.civicdispatch.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class CallerTest {

    private static Jwt token(Map<String, Object> claims) {
        Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("op-li")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(jwt::claim);
        return jwt.build();
    }

    @Test
    void shouldLetAnOperatorActOnlyWithinTheirStreets() {
        Caller operator = Caller.of(token(Map.of("roles", List.of("operator"), "streets", List.of("NG-S01"))));

        assertThat(operator.has(Roles.OPERATOR)).isTrue();
        assertThat(operator.mayActOnStreet("NG-S01")).isTrue();
        assertThat(operator.mayActOnStreet("NG-S02")).isFalse();
        assertThat(operator.mayActOnStreet(null)).isFalse();
        assertThat(operator.isDistrictWide()).isFalse();
    }

    @Test
    void shouldLetADistrictOperatorActEverywhere() {
        Caller district = Caller.of(token(Map.of("roles", List.of("operator"), "streets", List.of("*"))));

        assertThat(district.mayActOnStreet("NG-S07")).isTrue();
        assertThat(district.isDistrictWide()).isTrue();
    }

    @Test
    void shouldTieADepartmentUserToTheirOwnDepartmentOnly() {
        Caller staff = Caller.of(token(Map.of("roles", "department", "department", "sanitation")));

        assertThat(staff.has(Roles.DEPARTMENT)).isTrue();
        assertThat(staff.belongsTo("sanitation")).isTrue();
        assertThat(staff.belongsTo("water-utility")).isFalse();
        assertThat(staff.mayActOnStreet("NG-S01")).isFalse();
    }
}
