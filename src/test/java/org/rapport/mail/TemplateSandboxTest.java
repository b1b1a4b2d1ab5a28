package org.rapport.mail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A template in the override folder is written by whoever can write that folder, not by us: it may format data, never
 * run code. Each attack would leave a marker file behind if it worked.
 */
class TemplateSandboxTest {

    @TempDir
    Path folder;

    private RenderedMail renderWithSubject(String subject) throws Exception {
        Files.createDirectories(folder.resolve("thank-you-purchase"));
        Files.writeString(folder.resolve("thank-you-purchase/subject.ftl"), subject);
        return new TemplateRenderer(Optional.of(folder)).render("thank-you-purchase", Locale.ENGLISH, Map.of());
    }

    @Test
    void aTemplateCannotRunAShellCommandThroughNew() {
        Path marker = folder.resolve("executed");
        String attack = "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"touch " + marker + "\")}";

        Throwable failure = catchThrowable(() -> renderWithSubject(attack));

        assertThat(marker).doesNotExist();
        assertThat(failure).hasMessageContaining("thank-you-purchase/subject.ftl")
                .hasMessageContaining("freemarker.template.utility.Execute").hasMessageContaining("not allowed");
    }

    @Test
    void aTemplateCannotConstructArbitraryObjects() {
        Path marker = folder.resolve("constructed");
        String attack = "<#assign make = \"freemarker.template.utility.ObjectConstructor\"?new()>"
                + "${make(\"java.io.FileOutputStream\", \"" + marker + "\")}";

        Throwable failure = catchThrowable(() -> renderWithSubject(attack));

        assertThat(marker).doesNotExist();
        assertThat(failure).hasMessageContaining("thank-you-purchase/subject.ftl").hasMessageContaining("not allowed");
    }

    @Test
    void aTemplateCannotReachTheJavaApiOfItsData() {
        String attack = "${\"x\"?api.getClass().getName()}";

        assertThatThrownBy(() -> renderWithSubject(attack)).hasMessageContaining("thank-you-purchase/subject.ftl")
                .hasMessageContaining("api_builtin_enabled");
    }
}
