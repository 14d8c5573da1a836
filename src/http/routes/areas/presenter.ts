import type { AreaRow } from '../../../services/area-service.js';
import type { Area } from './schema.js';

export function presentArea(a: AreaRow): Area {
  return {
    id: a.id,
    planId: a.plan_id,
    seq: a.seq,
    code: a.code,
    title: a.title,
    source:
      a.source_start === null || a.source_end === null ? null : { start: a.source_start, end: a.source_end },
    version: a.version,
  };
}
