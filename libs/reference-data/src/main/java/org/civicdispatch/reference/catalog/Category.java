package org.civicdispatch.reference.catalog;

/** One of the catalog's top-level categories (大类), which group matters for intake menus, Open311 and reports. */
public record Category(String code, String nameZh, String nameEn) {
}
