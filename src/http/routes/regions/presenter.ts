import type { RegionRow } from '../../../services/region-service.js';
import type { Region } from './schema.js';

export function presentRegion(r: RegionRow): Region {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    parentCity: r.parent_city,
    parentId: r.parent_id,
    version: r.version,
  };
}
