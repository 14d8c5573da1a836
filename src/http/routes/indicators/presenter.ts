import type { Indicator, IndicatorResult } from '../../../services/indicator-service.js';
import type { ProgressSummary } from '../../../services/progress-summary-service.js';
import { indicatorStatusText } from '../../../domain/indicators.js';
import { presentTarget } from '../targets/presenter.js';
import type { IndicatorOut, IndicatorResultOut, ProgressSummaryOut } from './schema.js';

export function presentResult(result: IndicatorResult, rate: boolean): IndicatorResultOut {
  return { ...result, text: indicatorStatusText(result, rate) };
}

function isRate(measure: string): boolean {
  return measure === 'growth' || measure === 'share';
}

export function presentIndicator(i: Indicator): IndicatorOut {
  return {
    ...presentTarget(i.target, i.measurements),
    result: presentResult(i.result, isRate(i.target.measure)),
    can: i.can,
  };
}

export function presentSummary(s: ProgressSummary): ProgressSummaryOut {
  return {
    month: s.month,
    elapsed: s.elapsed,
    indicators: {
      counts: s.indicators.counts,
      laggards: s.indicators.laggards.map((l) => ({
        targetId: l.target.id,
        planId: l.target.plan_id,
        indicator: l.target.indicator,
        value: l.target.value,
        unit: l.target.unit,
        comparator: l.target.comparator,
        result: { ...l.result, text: l.text },
      })),
    },
    projects: {
      ...s.projects,
      stageLabels: { ...s.projects.stageLabels },
      laggards: s.projects.laggards.map((l) => ({
        id: l.project.id,
        name: l.project.name,
        stage: l.project.stage,
        status: l.status.status,
        lag: l.status.pace.lag,
        completion: l.status.pace.completion,
      })),
    },
  };
}
