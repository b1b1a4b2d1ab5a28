package org.rapport.polls;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a customer's free text asks to be contacted ("please call me", "bitte rufen Sie mich an", "können wir
 * telefonieren?"): such an answer puts a call on the owner's list, as a low score does. Plain phrases in English and
 * German, matched on the text folded to lower case without accents; a phrase that says the opposite ("no need to call",
 * "kein Rückruf nötig") wins over one that asks.
 */
public final class ContactAsked {

    private static final List<Pattern> ASKS = patterns(
            "\\b(please|pls|could you|can you|would you|kindly)\\b.{0,30}\\b(call|phone|ring|contact)\\b",
            "\\b(call|phone|ring|contact) me\\b",
            "\\bgive me a (call|ring)\\b",
            "\\b(get|be) in touch with (me|us)\\b", // not "I'll be in touch": the customer will write
            "\\b(please|pls|could you|can you|would you|kindly)\\b.{0,30}\\b(get|be) in touch\\b",
            "\\b(talk|speak) (to|with) (someone|somebody|you|a person)\\b",
            "\\bcall ?back\\b",
            "\\brueckruf\\b",
            "\\bruf(en)? (sie )?(mich|uns) (bitte )?(zurueck|an)\\b",
            "\\bbitte\\b.{0,30}\\b(anrufen|melden|kontaktieren|zurueckrufen)\\b",
            "\\b(anrufen|melden|kontaktieren|zurueckrufen)\\b.{0,10}\\bbitte\\b",
            "\\b(melden|kontaktieren) sie (sich )?(bitte )?(bei )?(mir|uns|mich)\\b",
            "\\btelefonieren\\b",
            "\\b(mit )?(ihnen|jemandem) sprechen\\b");

    private static final List<Pattern> DECLINES = patterns(
            "\\b(no need|don'?t need|do not need|not necessary)\\b.{0,15}\\b(call|phone|contact)",
            "\\b(don'?t|do not|never) (call|phone|ring|contact)\\b",
            "\\bno (call|calls|callback|call back)\\b",
            "\\bnicht (anrufen|zurueckrufen|kontaktieren|telefonieren)\\b",
            "\\bkein(e|en)?\\b.{0,10}\\b(telefonat|anruf|rueckruf)",
            "\\b(rueckruf|anruf) (ist )?nicht (noetig|notwendig|erforderlich)\\b");

    private ContactAsked() {
    }

    /** Whether {@code text} asks for a call or another contact, and does not decline one. */
    public static boolean in(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        String folded = fold(text);
        return ASKS.stream().anyMatch(p -> p.matcher(folded).find()) && DECLINES.stream().noneMatch(p -> p.matcher(folded).find());
    }

    /** Lower case, German umlauts spelled out (ä → ae, ß → ss), other accents removed, whitespace collapsed. */
    static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        String plain = Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.replace('’', '\'').replaceAll("\\s+", " ");
    }

    private static List<Pattern> patterns(String... regexes) {
        return java.util.Arrays.stream(regexes).map(Pattern::compile).toList();
    }
}
