package cn.huimin.i18n;

import cn.huimin.application.AppException;
import cn.huimin.domain.model.tender.DeadlineProblem;
import cn.huimin.domain.shared.FileTypes;
import cn.huimin.domain.shared.Money;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two message bundles against each other and against the sources. Everything is read from the project
 * directory at test time, so keys, pages and classes added later are checked too.
 */
class MessageBundlesTest {

    private static final Path PROJECT = Path.of(System.getProperty("user.dir"));
    private static final Path BUNDLES = PROJECT.resolve("src/main/resources/cn/huimin/i18n");
    private static final Path EN_FILE = BUNDLES.resolve("messages_en.properties");
    private static final Path ZH_FILE = BUNDLES.resolve("messages_zh_CN.properties");
    private static final Path JAVA = PROJECT.resolve("src/main/java");
    private static final Path WEBAPP = PROJECT.resolve("src/main/webapp");

    /** A string literal that looks like a message key of one of the app's families. */
    private static final Pattern KEY_LITERAL = Pattern.compile(
            "\"((?:validation|tender|money|deadline|task|change|file|document|user|place|unit|category|catalogue"
                    + "|calendar|problem|error)\\.[A-Za-z_.]+)\"");
    /**
     * The key literal given to Messages.get(locale, "key", ...) or to a page bean's text("key", ...), whatever its
     * family; a literal ending with '.' followed by + is the prefix of a dynamic key.
     */
    private static final Pattern GET_LITERAL = Pattern.compile(
            "(?:Messages\\.get\\(\\s*[^,()\"]+,|(?<![\\w.])text\\()\\s*\"([A-Za-z0-9_.]+)\"\\s*[,)+]");
    /** A literal argument that Messages.get resolves as a key: "@key". */
    private static final Pattern AT_LITERAL = Pattern.compile("\"@([A-Za-z0-9_.]+)\"");
    /** Well-known JVM system property names that look like keys but are not. */
    private static final Set<String> NOT_KEYS = Set.of("user.dir", "user.home", "user.name", "user.timezone",
            "user.language", "user.country", "file.encoding", "file.separator");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)(?:,[^}]*)?}");
    private static final Pattern FIELD_IN_VIOLATION = Pattern.compile(
            "(?:new\\s+Violation|AppException\\.invalid|\\binvalid)\\(\\s*\"([A-Za-z0-9_]+)\"");

    private static Map<String, String> en;
    private static Map<String, String> zh;

    @BeforeAll
    static void load() {
        en = load(EN_FILE);
        zh = load(ZH_FILE);
    }

    private static Map<String, String> load(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> m = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        return m;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> files(Path root, String suffix) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(suffix)).sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** key -> where it is used (first place found). */
    private static void collect(Map<String, String> into, Pattern p, String text, String where) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            into.putIfAbsent(m.group(1), where);
        }
    }

    private static Set<Integer> placeholders(String value) {
        Set<Integer> s = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(value);
        while (m.find()) {
            s.add(Integer.parseInt(m.group(1)));
        }
        return s;
    }

    /**
     * The used keys that the bundle lacks. A key ending with '.' is the prefix of a dynamic key ("task.done." + d):
     * the bundle must have at least one key starting with it.
     */
    private static Map<String, String> missingIn(Map<String, String> used, Map<String, String> bundle) {
        Map<String, String> missing = new TreeMap<>();
        used.forEach((k, where) -> {
            boolean found = k.endsWith(".")
                    ? bundle.keySet().stream().anyMatch(b -> b.startsWith(k) && b.length() > k.length())
                    : bundle.containsKey(k);
            if (!found) {
                missing.put(k, where);
            }
        });
        return missing;
    }

    // ---------------------------------------------------------------- the bundles themselves

    @Test
    void bundlesAreFoundAndNotTrivial() {
        assertThat(EN_FILE).exists();
        assertThat(ZH_FILE).exists();
        assertThat(en).hasSizeGreaterThan(50);
        assertThat(zh).hasSizeGreaterThan(50);
    }

    @Test
    void bothBundlesHaveExactlyTheSameKeys() {
        Set<String> onlyEn = new TreeSet<>(en.keySet());
        onlyEn.removeAll(zh.keySet());
        Set<String> onlyZh = new TreeSet<>(zh.keySet());
        onlyZh.removeAll(en.keySet());
        assertThat(onlyEn).as("keys only in messages_en.properties").isEmpty();
        assertThat(onlyZh).as("keys only in messages_zh_CN.properties").isEmpty();
    }

    @Test
    void noKeyIsDefinedTwiceInAFile() {
        for (Path file : List.of(EN_FILE, ZH_FILE)) {
            Map<String, Integer> seen = new LinkedHashMap<>();
            List<String> duplicates = new ArrayList<>();
            boolean continuation = false;
            int lineNo = 0;
            for (String line : read(file).split("\\R", -1)) {
                lineNo++;
                boolean wasContinuation = continuation;
                String trailing = line.replaceAll("[^\\\\]*?(\\\\*)$", "$1");
                continuation = trailing.length() % 2 == 1;
                String t = line.strip();
                if (wasContinuation || t.isEmpty() || t.startsWith("#") || t.startsWith("!")) {
                    continue;
                }
                String key = t.split("\\s*[=:\\s]", 2)[0];
                Integer earlier = seen.putIfAbsent(key, lineNo);
                if (earlier != null) {
                    duplicates.add(file.getFileName() + ": " + key + " on lines " + earlier + " and " + lineNo);
                }
            }
            assertThat(duplicates).as("keys defined twice (the later silently wins)").isEmpty();
        }
    }

    @Test
    void noValueIsEmpty() {
        List<String> empty = new ArrayList<>();
        en.forEach((k, v) -> {
            if (v.isBlank()) {
                empty.add("en " + k);
            }
        });
        zh.forEach((k, v) -> {
            if (v.isBlank()) {
                empty.add("zh " + k);
            }
        });
        assertThat(empty).isEmpty();
    }

    @Test
    void everyChineseValueContainsChineseUnlessItIsOnlyPlaceholdersOrCodes() {
        List<String> notChinese = new ArrayList<>();
        zh.forEach((k, v) -> {
            boolean cjk = v.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
            String rest = PLACEHOLDER.matcher(v).replaceAll("").strip();
            // codes: upper-case abbreviations, digits and punctuation, e.g. "{0}", "PDF", "YYYY-MM-DD", "{0} / {1}"
            boolean onlyCodes = rest.matches("[A-Z0-9_\\-./:%()\\s]*");
            if (!cjk && !onlyCodes) {
                notChinese.add(k + "=" + v);
            }
        });
        assertThat(notChinese).as("Chinese values without Chinese text").isEmpty();
    }

    @Test
    void chineseValuesAreNotCopiedFromEnglish() {
        List<String> same = new ArrayList<>();
        en.forEach((k, v) -> {
            String z = zh.get(k);
            if (z != null && z.equals(v) && v.matches(".*[a-z]{3,}.*")) {
                same.add(k + "=" + v);
            }
        });
        assertThat(same).as("untranslated values").isEmpty();
    }

    @Test
    void placeholdersAreTheSameInBothLanguages() {
        List<String> different = new ArrayList<>();
        en.forEach((k, v) -> {
            String z = zh.get(k);
            if (z != null && !placeholders(v).equals(placeholders(z))) {
                different.add(k + ": en " + placeholders(v) + " zh " + placeholders(z));
            }
        });
        assertThat(different).isEmpty();
    }

    @Test
    void placeholdersAreNumberedFromZeroWithoutGaps() {
        List<String> gaps = new ArrayList<>();
        en.forEach((k, v) -> {
            Set<Integer> p = placeholders(v);
            if (!p.isEmpty() && p.size() != ((TreeSet<Integer>) p).last() + 1) {
                gaps.add(k + " " + p);
            }
        });
        assertThat(gaps).isEmpty();
    }

    @Test
    void valuesWithPlaceholdersAreValidMessageFormatPatterns() {
        List<String> broken = new ArrayList<>();
        for (Map<String, String> bundle : List.of(en, zh)) {
            bundle.forEach((k, v) -> {
                if (!placeholders(v).isEmpty()) {
                    try {
                        new MessageFormat(v);
                    } catch (IllegalArgumentException e) {
                        broken.add(k + ": " + e.getMessage());
                    }
                }
            });
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void apostrophesInValuesWithPlaceholdersAreDoubled() {
        // MessageFormat treats a single ' as a quote: "tender's {0}" would print "tenders {0}"
        Pattern lone = Pattern.compile("(?<!')'(?!')");
        List<String> bad = new ArrayList<>();
        for (Map<String, String> bundle : List.of(en, zh)) {
            bundle.forEach((k, v) -> {
                if (!placeholders(v).isEmpty() && lone.matcher(v).find()) {
                    bad.add(k + "=" + v);
                }
            });
        }
        assertThat(bad).isEmpty();
    }

    @Test
    void runtimeBundlesMatchTheFiles() {
        // Messages reads the same files through ResourceBundle (UTF-8, no fallback to the JVM locale)
        List<String> differences = new ArrayList<>();
        en.forEach((k, v) -> {
            if (!Messages.get(Messages.EN, k).equals(v)) {
                differences.add("en " + k);
            }
        });
        zh.forEach((k, v) -> {
            if (!Messages.get(Messages.ZH, k).equals(v)) {
                differences.add("zh " + k);
            }
        });
        assertThat(differences).isEmpty();
    }

    // ---------------------------------------------------------------- keys used by the sources

    private static List<Path> javaSources() {
        List<Path> sources = files(JAVA, ".java");
        assertThat(sources).as("Java sources under " + JAVA).isNotEmpty();
        return sources;
    }

    @Test
    void everyKeyLiteralInTheJavaSourcesExistsInBothBundles() {
        Map<String, String> used = new TreeMap<>();
        for (Path f : javaSources()) {
            String text = read(f);
            String where = PROJECT.relativize(f).toString();
            collect(used, KEY_LITERAL, text, where);
            collect(used, GET_LITERAL, text, where);
            collect(used, AT_LITERAL, text, where);
        }
        NOT_KEYS.forEach(used::remove);
        assertThat(used).as("keys found in the sources").containsKeys("validation.required", "tender.pointsSum");
        assertThat(missingIn(used, en)).as("used keys missing in messages_en.properties").isEmpty();
        assertThat(missingIn(used, zh)).as("used keys missing in messages_zh_CN.properties").isEmpty();
    }

    @Test
    void everyDynamicKeyFamilyExistsInBothBundles() {
        Map<String, String> used = new TreeMap<>();
        Arrays.stream(Money.Problem.values()).forEach(p -> used.put("money." + p, "Money.Problem"));
        Arrays.stream(DeadlineProblem.values()).forEach(p -> used.put("deadline." + p, "DeadlineProblem"));
        Arrays.stream(FileTypes.Problem.values()).forEach(p -> used.put("file." + p, "FileTypes.Problem"));
        Arrays.stream(AppException.Kind.values()).forEach(k -> used.put("problem." + k, "AppException.Kind"));
        assertThat(missingIn(used, en)).as("missing in messages_en.properties").isEmpty();
        assertThat(missingIn(used, zh)).as("missing in messages_zh_CN.properties").isEmpty();
    }

    @Test
    void everyFieldOfAViolationHasALabel() {
        Map<String, String> fields = new TreeMap<>();
        for (Path f : javaSources()) {
            Matcher m = FIELD_IN_VIOLATION.matcher(read(f));
            while (m.find()) {
                fields.putIfAbsent("field." + m.group(1), PROJECT.relativize(f).toString());
            }
        }
        assertThat(fields).as("fields found in the sources").containsKeys("field.title", "field.budget");
        assertThat(missingIn(fields, en)).as("field labels missing in messages_en.properties").isEmpty();
        assertThat(missingIn(fields, zh)).as("field labels missing in messages_zh_CN.properties").isEmpty();
    }

    /**
     * Helpers such as {@code length(v, "title", ...)} or {@code date("from", text)} pass a field name on to
     * {@code new Violation(field, ...)} / {@code AppException.invalid(field, ...)}. The literal given at the
     * parameter's position in calls of the same class must have a label as well.
     */
    @Test
    void everyFieldPassedThroughAHelperMethodHasALabel() {
        Pattern forwarded = Pattern.compile("(?:new\\s+Violation|\\binvalid)\\(\\s*([a-z][A-Za-z0-9_]*)\\s*,");
        Pattern method = Pattern.compile("\\b([a-z][A-Za-z0-9_]*)\\s*\\(([^()]*)\\)\\s*(?:throws\\s+[\\w.,\\s]+)?\\{");
        Map<String, String> fields = new TreeMap<>();
        for (Path f : javaSources()) {
            String text = read(f);
            Set<String> variables = new TreeSet<>();
            Matcher fm = forwarded.matcher(text);
            while (fm.find()) {
                variables.add(fm.group(1));
            }
            variables.remove("null");
            if (variables.isEmpty()) {
                continue;
            }
            Matcher mm = method.matcher(text);
            while (mm.find()) {
                String name = mm.group(1);
                List<String> params = splitArgs(mm.group(2));
                for (int i = 0; i < params.size(); i++) {
                    String[] typeAndName = params.get(i).strip().split("\\s+");
                    if (typeAndName.length >= 2 && typeAndName[typeAndName.length - 2].equals("String")
                            && variables.contains(typeAndName[typeAndName.length - 1])) {
                        for (String arg : literalArgumentsOfCalls(text, name, i)) {
                            fields.putIfAbsent("field." + arg, PROJECT.relativize(f) + " " + name + "(...)");
                        }
                    }
                }
            }
        }
        assertThat(fields).as("fields passed through helpers").containsKey("field.singleSourceReason");
        assertThat(missingIn(fields, en)).as("field labels missing in messages_en.properties").isEmpty();
        assertThat(missingIn(fields, zh)).as("field labels missing in messages_zh_CN.properties").isEmpty();
    }

    /** The string literal at argument position {@code index} of every call {@code name(...)} in the text. */
    private static List<String> literalArgumentsOfCalls(String text, String name, int index) {
        List<String> literals = new ArrayList<>();
        Matcher call = Pattern.compile("(?<![\\w.])" + Pattern.quote(name) + "\\s*\\(").matcher(text);
        while (call.find()) {
            int start = call.end();
            int depth = 1;
            boolean inString = false;
            int i = start;
            for (; i < text.length() && depth > 0; i++) {
                char c = text.charAt(i);
                if (inString) {
                    if (c == '\\') {
                        i++;
                    } else if (c == '"') {
                        inString = false;
                    }
                } else if (c == '"') {
                    inString = true;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                }
            }
            List<String> args = splitArgs(text.substring(start, Math.max(start, i - 1)));
            if (index < args.size()) {
                Matcher lit = Pattern.compile("\"([A-Za-z][A-Za-z0-9_]*)\"").matcher(args.get(index).strip());
                if (lit.matches()) {
                    literals.add(lit.group(1));
                }
            }
        }
        return literals;
    }

    /** Splits an argument or parameter list at top-level commas. */
    private static List<String> splitArgs(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean inString = false;
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inString) {
                cur.append(c);
                if (c == '\\' && i + 1 < s.length()) {
                    cur.append(s.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            if (c == '"') {
                inString = true;
            } else if (c == '(' || c == '<' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == '>' || c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(cur.toString());
                cur.setLength(0);
                continue;
            }
            cur.append(c);
        }
        if (!cur.toString().isBlank()) {
            parts.add(cur.toString());
        }
        return parts;
    }

    // ---------------------------------------------------------------- keys used by the pages

    @Test
    void everyKeyLiteralInThePagesExistsInBothBundles() {
        // bundle variables: from faces-config.xml and from f:loadBundle in the pages
        Set<String> vars = new TreeSet<>();
        Path facesConfig = WEBAPP.resolve("WEB-INF/faces-config.xml");
        if (Files.exists(facesConfig)) {
            Matcher m = Pattern.compile("<var>\\s*(\\w+)\\s*</var>").matcher(read(facesConfig));
            while (m.find()) {
                vars.add(m.group(1));
            }
        }
        List<Path> pages = new ArrayList<>(files(WEBAPP, ".xhtml"));
        for (Path page : pages) {
            Matcher m = Pattern.compile("loadBundle[^>]*var=\"(\\w+)\"").matcher(read(page));
            while (m.find()) {
                vars.add(m.group(1));
            }
        }
        Map<String, String> used = new TreeMap<>();
        Pattern el = Pattern.compile("[#$]\\{([^}]*)}");
        for (Path page : pages) {
            String where = PROJECT.relativize(page).toString();
            Matcher e = el.matcher(read(page));
            while (e.find()) {
                String expr = e.group(1);
                for (String var : vars) {
                    collect(used, Pattern.compile("\\b" + var + "\\[\\s*['\"]([^'\"]+)['\"]\\s*]"), expr, where);
                    collect(used, Pattern.compile("(?<![\\w.])" + var + "\\.([A-Za-z_]\\w*)"), expr, where);
                    // msg['status.'.concat(t.status)]: a dynamic family, checked by its prefix
                    collect(used, Pattern.compile("\\b" + var + "\\[\\s*['\"]([A-Za-z0-9_.]+\\.)['\"]\\s*\\.concat\\("),
                            expr, where);
                }
            }
        }
        addEnumFamilies(used);
        assertThat(missingIn(used, en)).as("keys used in pages missing in messages_en.properties").isEmpty();
        assertThat(missingIn(used, zh)).as("keys used in pages missing in messages_zh_CN.properties").isEmpty();
    }

    /** Families that pages build from an enum's names: prefix -> enum class. */
    private static final Map<String, String> ENUM_FAMILIES = Map.of(
            "method.", "cn.huimin.domain.model.tender.ProcurementMethod",
            "status.", "cn.huimin.domain.model.tender.TenderStatus",
            "period.", "cn.huimin.domain.model.tender.LotDeliverable$Period",
            "level.", "cn.huimin.domain.model.place.PlaceLevel",
            "change.type.", "cn.huimin.domain.model.tender.TenderChange$Type",
            "change.status.", "cn.huimin.domain.model.tender.TenderChange$Status",
            "notice.kind.", "cn.huimin.domain.model.tender.TenderNotice$Kind");

    /**
     * When the pages use a family of {@link #ENUM_FAMILIES}, every constant needs its key; when they use
     * task.name., every user task of the BPMN processes needs one.
     */
    private static void addEnumFamilies(Map<String, String> used) {
        Set<String> prefixes = new TreeSet<>(used.keySet());
        for (String prefix : prefixes) {
            String enumClass = ENUM_FAMILIES.get(prefix);
            if (enumClass != null) {
                Object[] constants;
                try {
                    constants = Class.forName(enumClass).getEnumConstants();
                } catch (ClassNotFoundException e) {
                    throw new AssertionError("pages use the family " + prefix + " but " + enumClass
                            + " is gone: update ENUM_FAMILIES in this test", e);
                }
                for (Object c : constants) {
                    used.putIfAbsent(prefix + ((Enum<?>) c).name(), enumClass);
                }
            }
        }
        if (prefixes.contains("task.name.")) {
            for (Path bpmn : files(PROJECT.resolve("processes"), ".bpmn")) {
                Matcher m = Pattern.compile("<(?:bpmn:)?userTask\\s+id=\"([^\"]+)\"").matcher(read(bpmn));
                while (m.find()) {
                    used.putIfAbsent("task.name." + m.group(1), PROJECT.relativize(bpmn).toString());
                }
            }
        }
    }
}
