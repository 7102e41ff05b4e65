package org.civicdispatch.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Both languages say everything the pages ask for: no key shows through untranslated. */
class MessageBundlesTest {

    private static final Path STATIC = Path.of("src/main/resources/static");
    private static final Pattern KEY_IN_SCRIPT = Pattern.compile("\\bt\\('([a-zA-Z]+\\.[a-zA-Z.]+)'");
    private static final Pattern KEY_IN_PAGE = Pattern.compile("data-i18n=\"([^\"]+)\"");

    @Test
    void shouldHaveTheSameKeysInChineseAndEnglish() throws IOException {
        assertThat(keys("zh-CN")).isEqualTo(keys("en"));
    }

    @Test
    void shouldTranslateEveryKeyThePagesUse() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(STATIC)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".js") || f.toString().endsWith(".html"))
                    .toList()) {
                String text = Files.readString(file);
                collect(KEY_IN_SCRIPT.matcher(text), used);
                collect(KEY_IN_PAGE.matcher(text), used);
            }
        }
        // array-listed column headers are looked up through t(k) too
        for (String k : new String[] {"queue.remaining", "case.signBy", "audit.rowsChecked"}) {
            used.add(k);
        }
        assertThat(used).hasSizeGreaterThan(100);
        assertThat(keys("zh-CN")).containsAll(used);
    }

    private static void collect(Matcher matcher, Set<String> into) {
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }

    private static Set<String> keys(String locale) throws IOException {
        Set<String> keys = new TreeSet<>();
        JsonMapper.builder().build().readTree(STATIC.resolve("i18n/" + locale + ".json").toFile()).propertyNames()
                .forEach(keys::add);
        return keys;
    }
}
