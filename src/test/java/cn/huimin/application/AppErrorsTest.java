package cn.huimin.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class AppErrorsTest {

    private static RuntimeException wrapped(Throwable cause) {
        return new RuntimeException("container", new IllegalStateException("transaction", cause));
    }

    @Test
    void optimisticLocksAreConcurrentChanges() {
        assertThat(AppErrors.concurrentChange(wrapped(new jakarta.persistence.OptimisticLockException("row changed")))).isTrue();
        assertThat(AppErrors.concurrentChange(wrapped(new org.camunda.bpm.engine.OptimisticLockingException("task changed")))).isTrue();
    }

    @Test
    void duplicateSerializationFailureAndDeadlockAreConcurrentChanges() {
        for (String state : new String[] {"23505", "40001", "40P01"}) {
            assertThat(AppErrors.concurrentChange(wrapped(new SQLException("refused", state)))).as(state).isTrue();
        }
    }

    @Test
    void theStateIsFoundInTheNextExceptionOfABatch() {
        SQLException batch = new SQLException("batch failed", "22000");
        batch.setNextException(new SQLException("duplicate key", "23505"));
        assertThat(AppErrors.concurrentChange(wrapped(batch))).isTrue();
    }

    @Test
    void otherDatabaseErrorsAndBugsAreNot() {
        assertThat(AppErrors.concurrentChange(wrapped(new SQLException("value too long", "22001")))).isFalse();
        assertThat(AppErrors.concurrentChange(wrapped(new SQLException("not null", "23502")))).isFalse();
        assertThat(AppErrors.concurrentChange(wrapped(new SQLException("no state")))).isFalse();
        assertThat(AppErrors.concurrentChange(new NullPointerException())).isFalse();
        assertThat(AppErrors.concurrentChange(null)).isFalse();
    }

    @Test
    void aRefusalIsFoundThroughWrappers() {
        AppException refusal = AppException.conflict("task.alreadyCompleted");
        assertThat(AppErrors.find(wrapped(refusal))).isSameAs(refusal);
        assertThat(AppErrors.find(wrapped(new SQLException("x", "23505")))).isNull();
    }
}
