// The domain rules, pure and free of I/O: import from here rather than from the single files.

export * from './calendar.js';
export * from './periods.js';
export * from './task-status.js';
export * from './rollup.js';
export * from './notices.js';
export * from './directives.js';
export * from './assessment.js';
export * from './escalation.js';
