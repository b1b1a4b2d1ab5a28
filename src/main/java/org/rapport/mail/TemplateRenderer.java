package org.rapport.mail;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Renders the messages in {@code mail-templates/}: one folder per message with {@code subject.ftl}, {@code html.ftlh}
 * (HTML, auto-escaped) and {@code text.ftl}, each optionally per locale ({@code subject_de.ftl}); a missing locale falls
 * back to English. A folder on the file system comes first, so a company can change wording without a rebuild; the
 * copy packaged in the application is the fallback.
 */
public final class TemplateRenderer {

    /** Every message a person can receive from Rapport. */
    public static final List<String> NAMES = List.of("thank-you-purchase", "thank-you-anniversary",
            "thank-you-introduction", "problem-follow-up", "problem-check-in", "courtesy-check-in", "introduction-consent",
            "introduction", "reward-notice", "daily-call-list", "weekly-netweaving-report", "manager-alert");

    private static final String PACKAGED = "/mail-templates";

    private final Configuration freemarker;

    public TemplateRenderer(Optional<Path> folder) {
        freemarker = new Configuration(Configuration.VERSION_2_3_34);
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setRecognizeStandardFileExtensions(true);
        freemarker.setLocalizedLookup(true);
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setWrapUncheckedExceptions(true);
        freemarker.setFallbackOnNullLoopVariable(false);
        freemarker.setTemplateLoader(loader(folder));
    }

    private static TemplateLoader loader(Optional<Path> folder) {
        List<TemplateLoader> loaders = new ArrayList<>();
        if (folder.isPresent() && Files.isDirectory(folder.get())) {
            try {
                loaders.add(new FileTemplateLoader(folder.get().toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        loaders.add(new ClassTemplateLoader(TemplateRenderer.class, PACKAGED));
        return new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new));
    }

    public RenderedMail render(String name, Locale locale, Map<String, ?> model) {
        if (!NAMES.contains(name)) {
            throw new UnknownTemplateException(name);
        }
        return new RenderedMail(singleLine(process(name + "/subject.ftl", locale, model)),
                process(name + "/html.ftlh", locale, model),
                process(name + "/text.ftl", locale, model));
    }

    private String process(String path, Locale locale, Map<String, ?> model) {
        try {
            Template template = freemarker.getTemplate(path, locale);
            StringWriter out = new StringWriter();
            template.process(model, out);
            return out.toString();
        } catch (TemplateNotFoundException e) {
            throw new IllegalStateException("The template " + path + " is missing", e);
        } catch (TemplateException e) {
            throw new IllegalStateException("The template " + path + " failed: " + e.getMessageWithoutStackTop(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A subject is a header: no line breaks can survive into it, whatever the data held. */
    static String singleLine(String text) {
        return text.replaceAll("[\\r\\n\\u0085\\u2028\\u2029\\t]+", " ").replaceAll(" {2,}", " ").strip();
    }
}
