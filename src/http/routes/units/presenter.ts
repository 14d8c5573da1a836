import type { UnitRow } from '../../../services/unit-service.js';
import type { Unit } from './schema.js';

export function presentUnit(u: UnitRow): Unit {
  return { id: u.id, name: u.name, kind: u.kind, active: u.active === 1, version: u.version };
}
