// Size limits, one constant each: the HTTP layer, the services and the document readers all refer here.

const MB = 1024 * 1024;

/** A JSON request body. */
export const JSON_BODY_LIMIT_BYTES = 1 * MB;
/** One uploaded file: evidence, a programme document, a spreadsheet. */
export const UPLOAD_LIMIT_BYTES = 20 * MB;
export const UPLOAD_LIMIT_MB = UPLOAD_LIMIT_BYTES / MB;
/** How many levels above a task the parent check reads (district → town → village needs three). */
export const TASK_TREE_MAX_DEPTH = 32;
