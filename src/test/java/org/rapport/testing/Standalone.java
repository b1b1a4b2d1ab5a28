package org.rapport.testing;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A process test that needs nothing the API tests share: its instances run their own databases and never reach the
 * shared GreenMail. It runs in the API tests' failsafe execution, alongside them (one such class at a time), on the
 * CPU the shared server leaves idle while it waits for its schedules; starting instances is what process tests spend
 * most of their time on. The other process tests (the shared test database) run afterwards, on their own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("standalone")
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("standalone-instances")
public @interface Standalone {
}
