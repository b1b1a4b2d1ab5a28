package org.rapport.planning;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * How long each step of a page took (its reads, its rules, its writes), added up over a plan's pages: the full plan logs
 * them, so what dominates is seen in every run, not only under a profiler. One instance per page and phase (one thread),
 * added up by the planning thread.
 */
final class PageTimes {

    private final Map<String, Long> nanos = new LinkedHashMap<>();

    <T> T time(String step, Supplier<T> work) {
        long started = System.nanoTime();
        T result = work.get();
        nanos.merge(step, System.nanoTime() - started, Long::sum);
        return result;
    }

    void run(String step, Runnable work) {
        time(step, () -> {
            work.run();
            return null;
        });
    }

    void add(PageTimes page) {
        page.nanos.forEach((step, n) -> nanos.merge(step, n, Long::sum));
    }

    @Override
    public String toString() {
        return nanos.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() / 1_000_000 + " ms").collect(Collectors.joining(", "));
    }
}
