package org.rapport.planning;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadAheadTest {

    @Test
    void aReadTheExecutorRanIsTheAnswer() {
        AtomicInteger reads = new AtomicInteger();
        ReadAhead<String> ahead = ReadAhead.start(() -> "page " + reads.incrementAndGet(), Runnable::run);
        assertThat(reads).as("read on the executor, before it was asked for").hasValue(1);
        assertThat(ahead.get()).isEqualTo("page 1");
        assertThat(reads).hasValue(1);
    }

    @Test
    void aReadTheExecutorHasNotStartedIsDoneByTheCallerAndOnlyOnce() {
        List<Runnable> queued = new ArrayList<>();
        AtomicInteger reads = new AtomicInteger();
        ReadAhead<String> ahead = ReadAhead.start(() -> "page " + reads.incrementAndGet(), queued::add);
        assertThat(ahead.get()).isEqualTo("page 1");
        queued.forEach(Runnable::run); // the executor comes to it late
        assertThat(reads).as("the late task reads nothing").hasValue(1);
    }

    @Test
    void anExecutorThatRefusesWorkLeavesTheReadToTheCaller() {
        Executor refusing = task -> {
            throw new RejectedExecutionException("stopping");
        };
        assertThat(ReadAhead.start(() -> "page", refusing).get()).isEqualTo("page");
    }

    @Test
    void theReadsFailureReachesTheCallerAsThrown() {
        ReadAhead<String> ahead = ReadAhead.start(() -> {
            throw new IllegalStateException("database gone");
        }, Runnable::run);
        assertThatThrownBy(ahead::get).isInstanceOf(IllegalStateException.class).hasMessage("database gone");
    }
}
