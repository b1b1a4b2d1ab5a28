package org.rapport.testing;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The main sources as the append-only checks read them: files by extension, and the statements of mapper XMLs. */
public final class MainSources {

    public static final Path MAIN = Path.of("src/main");

    private MainSources() {
    }

    /**
     * A statement that updates, deletes, truncates, overwrites, alters or drops {@code table} (or drops its triggers):
     * what an append-only table must never see.
     */
    public static Pattern changing(String table) {
        String t = "`?" + table + "`?\\b";
        return Pattern.compile("(UPDATE\\s+(\\w+\\s*,\\s*)*" + t + "|DELETE\\s+(\\w+\\s+)?FROM\\s+" + t
                + "|TRUNCATE\\s+(TABLE\\s+)?" + t + "|REPLACE\\s+(INTO\\s+)?" + t + "|ALTER\\s+TABLE\\s+" + t
                + "|DROP\\s+TABLE\\s+" + t + "|DROP\\s+TRIGGER\\s+`?" + table + "\\w*)", Pattern.CASE_INSENSITIVE);
    }

    /** What the main sources do to an append-only table: the statements that change it, and how many insert into it. */
    public record AppendOnly(List<String> offending, int inserts) {
    }

    public static AppendOnly appendOnly(String table) throws Exception {
        Pattern changes = changing(table);
        Pattern insert = Pattern.compile("(?s).*insert\\s+(ignore\\s+)?into\\s+" + table + "\\b.*", Pattern.CASE_INSENSITIVE);
        List<String> offending = new ArrayList<>();
        int inserts = 0;
        for (Path xml : files("xml")) {
            for (Element statement : statements(xml)) {
                String sql = statement.getTextContent();
                String name = xml.getFileName() + "#" + statement.getAttribute("id");
                if (changes.matcher(sql).find()) {
                    offending.add(name + " (" + statement.getTagName() + ")");
                } else if (insert.matcher(sql).matches()) {
                    inserts++;
                    if (!statement.getTagName().equals("insert") || sql.toUpperCase(Locale.ROOT).contains("ON DUPLICATE KEY")) {
                        offending.add(name + " (an insert that may overwrite)");
                    }
                }
            }
        }
        for (Path java : files("java")) {
            if (changes.matcher(Files.readString(java)).find()) {
                offending.add(MAIN.relativize(java).toString());
            }
        }
        return new AppendOnly(offending, inserts);
    }

    public static List<Path> files(String extension) throws IOException {
        try (Stream<Path> walk = Files.walk(MAIN)) {
            return walk.filter(p -> p.toString().endsWith("." + extension)).sorted().toList();
        }
    }

    /** The statements of a MyBatis mapper XML; other XML files have none. */
    public static List<Element> statements(Path xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Element root = factory.newDocumentBuilder().parse(xml.toFile()).getDocumentElement();
        List<Element> statements = new ArrayList<>();
        if (!root.getTagName().equals("mapper")) {
            return statements;
        }
        NodeList children = root.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child instanceof Element e && List.of("select", "insert", "update", "delete", "sql").contains(e.getTagName())) {
                statements.add(e);
            }
        }
        return statements;
    }
}
