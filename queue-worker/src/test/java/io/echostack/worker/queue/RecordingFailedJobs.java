package io.echostack.worker.queue;

import io.echostack.worker.failed.FailedJob;
import io.echostack.worker.failed.FailedJobStore;
import java.util.List;
import java.util.Optional;

/** Unit-test store: keeps the errors of recorded failures (JdbcFailedJobStore is tested on PostgreSQL). */
final class RecordingFailedJobs implements FailedJobStore {
    private final List<Throwable> errors;

    RecordingFailedJobs(List<Throwable> errors) {
        this.errors = errors;
    }

    @Override
    public void record(String connection, String queue, String payload, Throwable error) {
        errors.add(error);
    }

    @Override
    public List<FailedJob> all() {
        throw new UnsupportedOperationException("records only");
    }

    @Override
    public Optional<FailedJob> find(String id) {
        throw new UnsupportedOperationException("records only");
    }

    @Override
    public boolean forget(String id) {
        throw new UnsupportedOperationException("records only");
    }

    @Override
    public int flush(Integer hours) {
        throw new UnsupportedOperationException("records only");
    }
}
