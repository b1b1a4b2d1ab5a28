package org.rapport.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The values an erasure writes in place of personal data, and what it looks for in other people's records. */
public final class Anonymised {

    /** What stands where a text that named the customer stood. */
    public static final String MARK = "[erased]";

    /** Text shorter than this is not searched for in other records: "Li" or "Bo" would mangle unrelated words. */
    static final int SHORTEST_IDENTIFIER = 4;

    private Anonymised() {
    }

    /** The external id an erased customer's row carries, unique as the row's id. */
    public static String marker(long customerId) {
        return "erased-" + customerId;
    }

    /** How the link answers and introduction events name a customer as the actor ({@code customer:<external id>}). */
    static String actor(String externalId) {
        return "customer:" + externalId;
    }

    /**
     * The texts that identify the customer in someone else's records (an introduction email to the other side, a
     * reward's reason, a digest): the company, the full name ("first last"), the preferred name (how mail and digests
     * address them), email and phone, longest first so that a full name is replaced before a preferred name within it;
     * blank and too short ones left out, each once (ignoring case). A first or last name alone is not looked for: "Mark"
     * or "Berg" is too often a word of someone else's text.
     */
    static List<String> identifiers(String company, String firstName, String lastName, String preferredName, String email,
                                    String phone) {
        List<String> candidates = new ArrayList<>();
        candidates.add(company);
        if (firstName != null && lastName != null) {
            candidates.add(firstName.strip() + " " + lastName.strip());
        }
        candidates.add(preferredName);
        candidates.add(email);
        candidates.add(phone);
        Set<String> seen = new LinkedHashSet<>();
        List<String> identifiers = new ArrayList<>();
        for (String candidate : candidates) {
            if (candidate != null && candidate.strip().length() >= SHORTEST_IDENTIFIER
                    && seen.add(candidate.strip().toLowerCase(Locale.ROOT))) {
                identifiers.add(candidate.strip());
            }
        }
        identifiers.sort(Comparator.comparingInt(String::length).reversed());
        return identifiers;
    }

    /**
     * The regular expression (MariaDB's PCRE2, and java.util.regex alike) that finds {@code identifier} as a whole, in
     * any case, never inside a longer word: "Mark" does not find "Marketing". The text is quoted, so a "+" or "." in a
     * phone or email is itself; the edges are "no letter, digit or _ next to it", which also holds where the identifier
     * starts or ends with a sign ("+49 …"), unlike \b.
     */
    static String wholeWords(String identifier) {
        return "(?i)(?<![\\p{L}\\p{N}_])" + Pattern.quote(identifier) + "(?![\\p{L}\\p{N}_])";
    }
}
