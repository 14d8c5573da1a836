import type { Indicator, IndicatorResult } from '../../../services/indicator-service.js';
import type { IndicatorLaggard, ProgressSummary } from '../../../services/progress-summary-service.js';
import { indicatorStatusText, indicatorWording, isRateMeasure } from '../../../domain/indicators.js';
import { presentTarget } from '../targets/presenter.js';
import type { IndicatorLaggardOut, IndicatorOut, IndicatorResultOut, ProgressSummaryOut } from './schema.js';

export function presentResult(result: IndicatorResult, rate: boolean): IndicatorResultOut {
  return { ...result, wording: indicatorWording(result, rate), text: indicatorStatusText(result, rate) };
}

export function presentIndicator(i: Indicator): IndicatorOut {
  return {
    ...presentTarget(i.target, i.measurements),
    result: presentResult(i.result, isRateMeasure(i.target.measure)),
    can: i.can,
  };
}

/** An indicator behind 序时 or missed, as the battle map's panel and the roll-up list it. */
export function presentLaggard(l: IndicatorLaggard): IndicatorLaggardOut {
  return {
    targetId: l.target.id,
    planId: l.target.plan_id,
    indicator: l.target.indicator,
    value: l.target.value,
    unit: l.target.unit,
    comparator: l.target.comparator,
    result: presentResult(l.result, isRateMeasure(l.target.measure)),
  };
}

export function presentSummary(s: ProgressSummary): ProgressSummaryOut {
  return {
    month: s.month,
    elapsed: s.elapsed,
    indicators: {
      counts: s.indicators.counts,
      laggards: s.indicators.laggards.map(presentLaggard),
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
