package org.rapport.responses;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeUtility;
import org.rapport.platform.database.ColumnText;

import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few lines a salesperson needs to see what a customer answered: the new text of the reply, without the quoted
 * email below it, as one short line. Mail clients quote in many ways; the common English, German and French ones are
 * cut, the rest only costs a longer note.
 */
final class TextSummary {

    static final int MAX_CHARS = 500;
    private static final int MAX_BODY_BYTES = 256 * 1024;
    /**
     * Parts nested deeper are not read. Real mail nests a handful of levels (mixed, related, alternative, a forward);
     * thousands of levels would cost quadratic parsing time and overflow the stack of the mailbox reader.
     */
    static final int MAX_DEPTH = 10;

    /** Lines that introduce a quoted email: everything from them on is the old message. */
    private static final List<Pattern> QUOTE_HEADERS = List.of(
            Pattern.compile("^On\\s.+\\swrote:\\s*$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^Am\\s.+\\sschrieb\\s?.*:\\s*$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^Le\\s.+\\sa\\s+écrit\\s*:\\s*$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^-{2,}\\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|Forwarded message"
                    + "|Weitergeleitete Nachricht|Message transféré)\\s*-{2,}.*$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^_{20,}\\s*$"));
    /** Outlook's plain-text quote: a "From:" line directly followed by "Sent:" (or its translation). */
    private static final Pattern OUTLOOK_FROM = Pattern.compile("^\\*?(From|Von|De)\\s?:\\*?\\s.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern OUTLOOK_SENT = Pattern.compile("^\\*?(Sent|Gesendet|Envoyé|Date|Datum)\\s?:\\*?\\s.*",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern HTML_CUT = Pattern.compile(
            "(?is)<(div|blockquote)\\b[^>]*(gmail_quote|divRplyFwdMsg|appendonsend|moz-cite-prefix|type=\"cite\").*");
    private static final Pattern HTML_INVISIBLE = Pattern.compile("(?is)<(script|style|head|title)\\b.*?</\\1\\s*>");
    private static final Pattern HTML_QUOTE = Pattern.compile("(?is)<blockquote\\b.*?</blockquote\\s*>");
    private static final Pattern HTML_BREAK = Pattern.compile("(?i)<br\\s*/?>|</(p|div|li|tr|h[1-6])\\s*>");
    private static final Pattern HTML_TAG = Pattern.compile("(?s)<!--.*?-->|<[^>]*>");
    private static final Pattern HTML_ENTITY = Pattern.compile("&(#x?[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");

    private TextSummary() {
    }

    /** The summary of a message or part: its first text/plain, or else its first text/html, made plain. */
    static String of(Part message) throws MessagingException, IOException {
        Part plain = first(message, "text/plain", 0);
        if (plain != null) {
            return summarize(text(plain));
        }
        Part html = first(message, "text/html", 0);
        return html == null ? "" : summarize(htmlToText(text(html)));
    }

    /** Cuts quoted text and signatures, joins the rest into one line and shortens it. */
    static String summarize(String body) {
        String[] lines = body.replace("\r\n", "\n").replace('\r', '\n').split("\n");
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            String next = i + 1 < lines.length ? lines[i + 1].strip() : "";
            if (lines[i].equals("-- ") || startsQuote(line, next)) {
                break;
            }
            if (!line.startsWith(">")) {
                kept.add(line);
            }
        }
        return shorten(String.join(" ", kept).replaceAll("\\s+", " ").strip());
    }

    static String shorten(String text) {
        return ColumnText.fitted(text, MAX_CHARS);
    }

    private static boolean startsQuote(String line, String next) {
        for (Pattern p : QUOTE_HEADERS) {
            // clients wrap a long "On …, Name <address> wrote:" over two lines
            if (p.matcher(line).matches() || (!next.isEmpty() && p.matcher(line + " " + next).matches())) {
                return true;
            }
        }
        return OUTLOOK_FROM.matcher(line).matches() && OUTLOOK_SENT.matcher(next).matches();
    }

    /** The first inline part of this type, depth first; attached and forwarded emails are not the answer. */
    private static Part first(Part part, String type, int depth) throws MessagingException, IOException {
        if (depth > MAX_DEPTH || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.isMimeType("message/*")) {
            return null;
        }
        if (part.isMimeType(type)) {
            return part;
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                Part found = first(multipart.getBodyPart(i), type, depth + 1);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** A text part's content in its declared charset; an unknown or missing charset is read as UTF-8. */
    static String text(Part part) throws MessagingException, IOException {
        try {
            if (part.getContent() instanceof String s) {
                return s.length() > MAX_BODY_BYTES ? s.substring(0, MAX_BODY_BYTES) : s;
            }
        } catch (UnsupportedEncodingException e) {
            // an unknown charset or transfer encoding: read the bytes ourselves below
        }
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readNBytes(MAX_BODY_BYTES);
        }
        return new String(bytes, charset(part));
    }

    private static Charset charset(Part part) {
        try {
            String name = new ContentType(part.getContentType()).getParameter("charset");
            if (name != null && Charset.isSupported(MimeUtility.javaCharset(name))) {
                return Charset.forName(MimeUtility.javaCharset(name));
            }
        } catch (MessagingException | IllegalArgumentException e) {
            // fall through to UTF-8
        }
        return StandardCharsets.UTF_8;
    }

    /** HTML as plain lines: no markup, no quoted message, entities decoded. */
    static String htmlToText(String html) {
        String text = HTML_CUT.matcher(html).replaceFirst("");
        text = HTML_INVISIBLE.matcher(text).replaceAll(" ");
        text = HTML_QUOTE.matcher(text).replaceAll("\n");
        text = HTML_BREAK.matcher(text).replaceAll("\n");
        text = HTML_TAG.matcher(text).replaceAll("");
        return unescape(text);
    }

    private static String unescape(String text) {
        Matcher m = HTML_ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(entity(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String entity(String name, String whole) {
        if (name.startsWith("#")) {
            try {
                int code = name.startsWith("#x") || name.startsWith("#X")
                        ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                return Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : whole;
            } catch (NumberFormatException e) {
                return whole;
            }
        }
        return switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            case "auml" -> "ä";
            case "ouml" -> "ö";
            case "uuml" -> "ü";
            case "Auml" -> "Ä";
            case "Ouml" -> "Ö";
            case "Uuml" -> "Ü";
            case "szlig" -> "ß";
            case "eacute" -> "é";
            case "egrave" -> "è";
            case "agrave" -> "à";
            case "ccedil" -> "ç";
            default -> whole;
        };
    }
}
