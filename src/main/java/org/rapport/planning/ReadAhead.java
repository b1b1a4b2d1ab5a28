package org.rapport.planning;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A read started on another (managed) thread before it is needed: the full plan reads page n + 1 while it plans page n,
 * so both cores work. Whoever comes first does the read: when it is needed before the executor has started it (every
 * managed thread busy, or the executor refusing work while the application stops), the caller reads it itself and the
 * queued task then does nothing. So a busy executor never holds a plan up.
 */
final class ReadAhead<T> {

    private final Supplier<T> read;
    private final AtomicBoolean taken = new AtomicBoolean();
    private final CompletableFuture<T> result = new CompletableFuture<>();

    private ReadAhead(Supplier<T> read) {
        this.read = read;
    }

    static <T> ReadAhead<T> start(Supplier<T> read, Executor executor) {
        ReadAhead<T> ahead = new ReadAhead<>(read);
        try {
            executor.execute(ahead::run);
        } catch (RejectedExecutionException e) {
            // read when asked
        }
        return ahead;
    }

    private void run() {
        if (taken.compareAndSet(false, true)) {
            try {
                result.complete(read.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }
    }

    /** The read's result, waiting for it if it runs elsewhere; its exception, as thrown there. */
    T get() {
        run();
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
