package org.civicdispatch.reference.catalog;

/** A functional department or public-service company that answers calls (职能部门). */
public record Department(String code, String nameZh, String nameEn) {
}
