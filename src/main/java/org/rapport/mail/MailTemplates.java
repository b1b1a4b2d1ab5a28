package org.rapport.mail;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** The templates as the running service sees them: {@code rapport.mail.templates-dir} first, the packaged copy after. */
@ApplicationScoped
public class MailTemplates {

    @Inject
    @ConfigProperty(name = "rapport.mail.templates-dir")
    String folder;

    private TemplateRenderer renderer;

    @PostConstruct
    void load() {
        renderer = new TemplateRenderer(java.util.Optional.of(Path.of(folder)));
    }

    public RenderedMail render(String name, Locale locale, Map<String, ?> model) {
        return renderer.render(name, locale, model);
    }
}
