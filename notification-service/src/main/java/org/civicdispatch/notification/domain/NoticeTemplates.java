package org.civicdispatch.notification.domain;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The wording of every notice, kept in {@code templates/notices*.properties} (UTF-8, MessageFormat placeholders)
 * so it can be changed without touching the rules. Only English and Simplified Chinese exist; anything else gets
 * the default, Simplified Chinese.
 */
public final class NoticeTemplates {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;

    private static final String BUNDLE = "templates.notices";
    // Without this, a JVM whose default locale is zh_CN would answer English requests in Chinese.
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** The supported locale closest to a reporter's preference such as "en", "en-GB", "zh-CN" or "zh_CN". */
    public static Locale supportedLocale(String preference) {
        if (preference == null || preference.isBlank()) {
            return CHINESE;
        }
        String language = Locale.forLanguageTag(preference.strip().replace('_', '-')).getLanguage();
        return ENGLISH.getLanguage().equals(language) ? ENGLISH : CHINESE;
    }

    public String render(String templateId, Locale locale, Object... arguments) {
        String pattern = ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK).getString(templateId);
        return new MessageFormat(pattern, locale).format(arguments);
    }

    /** The template ids each supported locale defines, for checking that none is missing a translation. */
    public Set<String> templateIds(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK).keySet();
    }
}
