package org.rapport.planning;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * How long each read of a page took, added up over a plan's pages: the full plan logs it, so what dominates its reads
 * is seen in every run, not only under a profiler. One instance per page (one thread), added up by the planning thread.
 */
final class ReadTimes {

    private final Map<String, Long> nanos = new LinkedHashMap<>();

    <T> T time(String read, Supplier<T> query) {
        long started = System.nanoTime();
        T result = query.get();
        nanos.merge(read, System.nanoTime() - started, Long::sum);
        return result;
    }

    void add(ReadTimes page) {
        page.nanos.forEach((read, n) -> nanos.merge(read, n, Long::sum));
    }

    @Override
    public String toString() {
        return nanos.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() / 1_000_000 + " ms").collect(Collectors.joining(", "));
    }
}
