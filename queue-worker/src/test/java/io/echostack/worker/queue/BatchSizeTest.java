package io.echostack.worker.queue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BatchSizeTest {

    @Test
    void doublesWhileCallsComeBackFullUpToTheCapAndDropsToOneOnAShortCall() {
        BatchSize batch = new BatchSize(BatchSize.MAX);
        assertThat(batch.size()).isEqualTo(1);
        for (int i = 0; i < 10; i++) {
            batch.reserved(batch.size(), batch.size());
        }
        assertThat(batch.size()).isEqualTo(BatchSize.MAX);

        batch.reserved(3, BatchSize.MAX);

        assertThat(batch.size()).isEqualTo(1);
    }

    @Test
    void staysAtOneWhenCappedThere() {
        BatchSize batch = new BatchSize(1);
        batch.reserved(1, 1);
        assertThat(batch.size()).isEqualTo(1);
    }
}
