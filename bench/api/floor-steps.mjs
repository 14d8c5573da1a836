// The floor server's checked ladders, shared by the server and the benchmark that drives it: each step adds
// its work to the steps before it (see floor-server.mjs).

/** The least a cached read of the ledger must do. */
export const READ_STEPS = ['session', 'validated', 'headers', 'versioned'];

/** The least a report's submission must do besides its row and audit event. */
export const WRITE_STEPS = ['session', 'validated', 'facts', 'savepoint', 'answered'];

/** Whether `step` of the ladder `steps` does the work of `other`. */
export const reaches = (steps, step, other) => steps.indexOf(step) >= steps.indexOf(other);
