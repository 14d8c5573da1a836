import type { Actor } from '../../../services/actor.js';
import type { ImportResult } from '../../../services/plan-import/import-service.js';
import { presentPlan } from '../plans/presenter.js';
import type { ImportResponse } from './schema.js';

const spanOf = (span: readonly [number, number]) => ({ start: span[0], end: span[1] });

export function presentImport(result: ImportResult, actor: Actor): ImportResponse {
  const { draft, ids } = result;
  return {
    plan: presentPlan(result.plan, actor),
    warnings: draft.warnings,
    areas: draft.areas.map((a, i) => ({
      id: ids.areas[i]!,
      code: a.code,
      title: a.title,
      source: spanOf(a.span),
    })),
    tasks: draft.tasks.map((t, i) => ({
      id: ids.tasks[i]!,
      code: t.code,
      title: t.title,
      areaId: ids.areas[t.areaIndex] ?? null,
      leadUnitId: t.leadUnitId,
      proposedLeadUnit: t.proposedLeadUnit,
      suggestedLeadUnitId: t.suggestedLeadUnitId,
      coUnitIds: t.coUnitIds,
      dueDate: t.dueDate,
      source: spanOf(t.span),
    })),
    targets: draft.targets.map((t) => ({
      indicator: t.quantity.indicator,
      measure: t.quantity.measure,
      comparator: t.quantity.comparator,
      value: t.quantity.value,
      unit: t.quantity.unit,
      stretch: t.quantity.stretch,
      period: t.quantity.period ?? null,
      sourceText: t.quantity.text,
      source: spanOf(t.quantity.span),
      taskId: t.taskIndex === null ? null : ids.tasks[t.taskIndex]!,
      areaId: t.areaIndex === null ? null : ids.areas[t.areaIndex]!,
    })),
    unreadDeadlines: draft.unreadDeadlines.map((u) => ({ code: u.code, text: u.text })),
    unmatchedUnits: draft.unmatchedUnits.map((u) => ({ name: u.name, role: u.role, taskCodes: u.taskCodes })),
    extraction: result.extraction,
  };
}
