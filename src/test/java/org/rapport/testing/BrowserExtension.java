package org.rapport.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Gives a test method a {@link Browser} parameter: the JVM's one Chromium, fresh for this test (blank page, no cookies),
 * held until the test ends. When the test fails, the page as the browser last showed it is kept as
 * {@code target/browser-failures/<class>.<method>.png} and {@code .html}.
 */
public final class BrowserExtension implements ParameterResolver, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Browser browser = Browser.acquire();
        context.getStore(NAMESPACE).put("browser", browser);
        return browser;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Browser browser = context.getStore(NAMESPACE).remove("browser", Browser.class);
        if (browser == null) {
            return;
        }
        try {
            if (context.getExecutionException().isPresent()) {
                Path dir = Path.of(System.getProperty("basedir", "."), "target", "browser-failures");
                String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
                Files.createDirectories(dir);
                Files.writeString(dir.resolve(name + ".html"), browser.source(), StandardCharsets.UTF_8);
                browser.save(dir.resolve(name + ".png"));
            }
        } finally {
            Browser.release();
        }
    }
}
