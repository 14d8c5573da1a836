import { IdParams } from '../../schemas.js';

export { IdParams };
