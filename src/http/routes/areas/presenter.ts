import { shortNameOf } from '../../../domain/area-names.js';
import type { AreaRow } from '../../../services/area-service.js';
import type { Area } from './schema.js';

/** An area; its short name as its plan's list gives it when the service named it, else from its own title. */
export function presentArea(a: AreaRow & { shortName?: string }): Area {
  return {
    id: a.id,
    planId: a.plan_id,
    seq: a.seq,
    code: a.code,
    title: a.title,
    shortName: a.shortName ?? a.short_name ?? shortNameOf(a.title),
    shortNameSet: a.short_name !== null,
    source:
      a.source_start === null || a.source_end === null ? null : { start: a.source_start, end: a.source_end },
    version: a.version,
  };
}
