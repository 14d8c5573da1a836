import { StaleVersionError } from '../services/errors.js';

/**
 * Runs an update and presents its result. When the update was stale, the 412 carries the current resource
 * in the same shape a GET gives: a raw row would leak columns the presenter leaves out (a password hash).
 */
export async function presentUpdate<R, P>(
  present: (row: R) => P | Promise<P>,
  update: () => Promise<R>,
): Promise<P> {
  let row: R;
  try {
    row = await update();
  } catch (error) {
    if (error instanceof StaleVersionError && error.current !== undefined && error.current !== null) {
      throw new StaleVersionError(await present(error.current as R));
    }
    throw error;
  }
  return present(row);
}
