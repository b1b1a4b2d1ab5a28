package org.rapport.polls;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;

/**
 * Free-text answers grouped by theme with plain keyword clustering, no external service. Each answer is reduced to its
 * keywords: words of letters, lower-cased, without German and English stop words and words shorter than three letters,
 * matched on a light stem (umlauts folded, plural endings dropped). Then, greedily, the keyword shared by most answers
 * not yet in a theme becomes the next theme and takes those answers, until no keyword is shared by two answers left;
 * those are "other". Ties go to the label, so the same answers always give the same themes.
 */
public final class Themes {

    /** The most sample answers a theme shows. */
    static final int SAMPLES = 3;

    /** Words shorter than this say nothing on their own ("ok", "no", "zu"). */
    static final int SHORTEST_WORD = 3;

    /** Stop words, in folded form (umlauts folded, ß as ss), German and English: words that say nothing of a theme. */
    private static final Set<String> STOP_WORDS = Set.copyOf(List.of(
            // German
            "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen", "und", "oder", "aber",
            "nicht", "kein", "keine", "keinen", "ist", "sind", "war", "waren", "wird", "werden", "wurde", "wurden", "hat",
            "haben", "hatte", "hatten", "habe", "bin", "bist", "ich", "sie", "wir", "ihr", "mich", "mir", "dich",
            "dir", "uns", "euch", "ihn", "ihm", "ihnen", "mein", "meine", "meinen", "meinem", "meiner", "dein", "sein",
            "seine", "unser", "unsere", "ihre", "ihren", "zum", "zur", "von", "vom", "mit", "bei", "auf", "aus", "fur",
            "uber", "unter", "nach", "vor", "wie", "was", "wer", "wann", "warum", "dass", "als", "auch", "noch", "schon",
            "sehr", "nur", "mal", "immer", "wieder", "bitte", "danke", "hallo", "gruss", "grusse", "viele", "vielen",
            "freundliche", "freundlichen", "mfg", "nein", "man", "sich", "hier", "dort", "dann", "denn", "doch", "etwas",
            "alles", "alle", "diese", "dieser", "dieses", "diesem", "jetzt", "gerne", "gern", "kann", "konnen", "konnte",
            "muss", "mussen", "soll", "sollte", "will", "wollen", "mehr", "ganz", "gibt", "bis", "durch",
            "ohne", "weil", "wenn", "zwar", "sowie", "euer", "eure", "ihrer", "ihrem", "beim", "einfach",
            "leider", "eigentlich", "wirklich", "einmal", "sowohl", "ware", "vielleicht", "gesendet",
            // English
            "the", "and", "but", "not", "are", "were", "been", "being", "has", "have", "had", "does", "did", "you",
            "she", "they", "mine", "your", "our", "their", "them", "him", "her", "its", "this", "that", "these", "those",
            "for", "with", "from", "about", "into", "over", "after", "before", "than", "then", "too", "very", "just",
            "also", "only", "again", "please", "thanks", "thank", "hello", "dear", "regards", "best", "kind", "would",
            "could", "should", "can", "shall", "may", "might", "must", "what", "which", "who", "when", "where",
            "why", "how", "there", "here", "all", "any", "some", "more", "most", "much", "many", "other", "such", "own",
            "same", "out", "because", "while", "yes", "get", "got", "one", "really", "always", "never", "every", "each",
            "don", "didn", "doesn", "isn", "wasn", "aren", "won", "cannot", "via", "per", "yours", "sincerely", "like", "well",
            "still", "even", "sent",
            // the signature a phone adds ("Gesendet von meinem iPhone", "Sent from my Android")
            "iphone", "ipad", "android"));

    /** A theme: its keyword as customers wrote it most often, how many answers it holds, and the first few of them. */
    public record Theme(String label, int answers, List<String> samples) {
    }

    /** Of so many answers, the themes, most answers first, and the answers that share no keyword with another ("other"). */
    public record Grouping(int answers, List<Theme> themes, int other, List<String> otherSamples) {
    }

    private Themes() {
    }

    /** The answers (in the order given, which picks the samples) grouped by theme; blank answers are left out. */
    public static Grouping of(List<String> answers) {
        List<String> texts = answers.stream().filter(a -> a != null && !a.isBlank()).map(String::strip).toList();
        Map<String, List<Integer>> answersByKey = new HashMap<>();
        Map<String, Map<String, Integer>> spellings = new HashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            Set<String> seen = new LinkedHashSet<>();
            for (String word : words(texts.get(i))) {
                String key = key(word);
                if (key == null) {
                    continue;
                }
                spellings.computeIfAbsent(key, k -> new TreeMap<>()).merge(word, 1, Integer::sum);
                if (seen.add(key)) {
                    answersByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
                }
            }
        }
        Map<String, String> labels = new HashMap<>();
        spellings.forEach((key, forms) -> labels.put(key, mostWritten(forms)));

        // counts only fall as answers are taken, so a stale entry is re-counted when it comes up and put back
        Comparator<Candidate> best = Comparator.comparingInt(Candidate::count).reversed()
                .thenComparing(c -> labels.get(c.key())).thenComparing(Candidate::key);
        PriorityQueue<Candidate> queue = new PriorityQueue<>(best);
        answersByKey.forEach((key, holders) -> {
            if (holders.size() >= 2) {
                queue.add(new Candidate(key, holders.size()));
            }
        });
        boolean[] taken = new boolean[texts.size()];
        List<Theme> themes = new ArrayList<>();
        while (!queue.isEmpty()) {
            Candidate top = queue.poll();
            List<Integer> left = answersByKey.get(top.key()).stream().filter(i -> !taken[i]).toList();
            if (left.size() < 2) {
                continue;
            }
            if (left.size() < top.count()) {
                queue.add(new Candidate(top.key(), left.size()));
                continue;
            }
            left.forEach(i -> taken[i] = true);
            themes.add(new Theme(labels.get(top.key()), left.size(), left.stream().limit(SAMPLES).map(texts::get).toList()));
        }
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            if (!taken[i]) {
                rest.add(texts.get(i));
            }
        }
        return new Grouping(texts.size(), List.copyOf(themes), rest.size(), List.copyOf(rest.subList(0, Math.min(SAMPLES, rest.size()))));
    }

    /** The words of a text: runs of letters (any script), lower-cased. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isLetter(c)) {
                word.appendCodePoint(c);
            } else if (!word.isEmpty()) {
                words.add(word.toString().toLowerCase(Locale.ROOT));
                word.setLength(0);
            }
        });
        if (!word.isEmpty()) {
            words.add(word.toString().toLowerCase(Locale.ROOT));
        }
        return words;
    }

    /**
     * The matching key of a lower-cased word, or null for a stop word or a word too short: umlauts folded, then one
     * plural ending dropped ("Lieferungen" and "Lieferung", "invoices" and "invoice", "deliveries" and "delivery").
     */
    static String key(String word) {
        String folded = fold(word);
        if (folded.length() < SHORTEST_WORD || STOP_WORDS.contains(folded)) {
            return null;
        }
        if (folded.length() > 4 && folded.endsWith("ies")) {
            return folded.substring(0, folded.length() - 3) + "y";
        }
        if (folded.length() > 4 && (folded.endsWith("en") || folded.endsWith("es"))) {
            return folded.substring(0, folded.length() - 2);
        }
        if (folded.length() > 3 && folded.endsWith("s") && !folded.endsWith("ss")) {
            return folded.substring(0, folded.length() - 1);
        }
        if (folded.length() > 3 && folded.endsWith("e")) {
            return folded.substring(0, folded.length() - 1);
        }
        return folded;
    }

    /** For matching only: "Grüße" and "Grusse" are one word; the label keeps what the customer wrote. */
    private static String fold(String word) {
        return word.replace("ä", "a").replace("ö", "o").replace("ü", "u").replace("ß", "ss");
    }

    /** The spelling written most often; of equals, the first in order (the map is sorted). */
    private static String mostWritten(Map<String, Integer> forms) {
        String label = null;
        int most = 0;
        for (Map.Entry<String, Integer> form : forms.entrySet()) {
            if (form.getValue() > most) {
                label = form.getKey();
                most = form.getValue();
            }
        }
        return label;
    }

    private record Candidate(String key, int count) {
    }
}
