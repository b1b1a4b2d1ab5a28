package org.rapport.privacy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DataRequestStatusTest {

    @Test
    void anOpenRequestIsDoneOrDeclined() {
        assertThat(DataRequestStatus.OPEN.next()).containsExactlyInAnyOrder(DataRequestStatus.DONE, DataRequestStatus.DECLINED);
        assertThat(DataRequestStatus.OPEN.mayBecome(DataRequestStatus.OPEN)).as("no move that changes nothing").isFalse();
    }

    @Test
    void doneAndDeclinedAreFinal() {
        for (DataRequestStatus handled : new DataRequestStatus[]{DataRequestStatus.DONE, DataRequestStatus.DECLINED}) {
            assertThat(handled.next()).as(handled.name()).isEmpty();
            for (DataRequestStatus target : DataRequestStatus.values()) {
                assertThat(handled.mayBecome(target)).as(handled + " -> " + target).isFalse();
            }
        }
    }
}
