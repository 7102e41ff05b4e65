package org.civicdispatch.notification.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks phone numbers and e-mail addresses for logs, failure reasons and dead-letter headers: enough is left to
 * tell two recipients apart while tracing, not enough to reach them.
 */
public final class PersonalData {

    private static final Pattern EMAIL = Pattern.compile("[\\w.%+-]+@([\\w-]+\\.)+[\\w-]+");
    // International numbers (+86 138 0000 0000) and mainland mobiles (13800000000), with spaces or dashes.
    private static final Pattern PHONE = Pattern.compile(
            "\\+\\d{1,3}[ -]?\\d(?:[ -]?\\d){5,13}|(?<![\\w-])1[3-9]\\d(?:[ -]?\\d){8}(?![\\w-])");

    private PersonalData() {
    }

    /** {@code +86 138 0000 0000} → {@code +86*******0000}. */
    public static String maskPhone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^+\\d]", "");
        int keep = Math.min(4, Math.max(0, digits.length() - 4));
        String prefix = digits.startsWith("+") ? digits.substring(0, Math.min(3, digits.length())) : "";
        return prefix + "*".repeat(Math.max(3, digits.length() - prefix.length() - keep))
                + digits.substring(digits.length() - keep);
    }

    /** {@code li.wei@example.cn} → {@code l***@example.cn}. */
    public static String maskEmail(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }

    /** Any text (an exception message, a provider's answer) with every address and number in it masked. */
    public static String scrub(String text) {
        if (text == null) {
            return null;
        }
        String noEmails = replace(EMAIL.matcher(text), true);
        return replace(PHONE.matcher(noEmails), false);
    }

    private static String replace(Matcher matcher, boolean email) {
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String masked = email ? maskEmail(matcher.group()) : maskPhone(matcher.group());
            matcher.appendReplacement(out, Matcher.quoteReplacement(masked));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
