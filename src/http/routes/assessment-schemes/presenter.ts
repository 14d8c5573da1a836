import type { Actor } from '../../../services/actor.js';
import type {
  AssessmentIndicatorRow,
  AssessmentRoundRow,
  SchemeDetail as SchemeDetailData,
} from '../../../services/assessment-scheme-service.js';
import type { Scheme as SchemeData } from '../../../services/assessment-results.js';
import * as assessmentPolicy from '../../../services/policies/assessment.js';
import type { Indicator, RoundSummary, Scheme, SchemeDetail } from './schema.js';

export function presentScheme(s: SchemeData, actor: Actor): Scheme {
  return {
    id: s.row.id,
    regionId: s.row.region_id,
    year: s.row.year,
    title: s.row.title,
    docNo: s.row.doc_no,
    baseScore: s.row.base_score,
    groups: s.groups,
    gradeBands: s.gradeBands,
    vetoes: s.vetoes,
    version: s.row.version,
    can: {
      manage: assessmentPolicy.can(actor, 'manage', {
        regionId: s.row.region_id,
        unitId: null,
        published: false,
      }),
    },
  };
}

export function presentIndicator(i: AssessmentIndicatorRow): Indicator {
  return {
    id: i.id,
    schemeId: i.scheme_id,
    code: i.code,
    category: i.category as Indicator['category'],
    name: i.name,
    content: i.content,
    points: i.points,
    standard: i.standard,
    method: i.method as Indicator['method'],
    params: JSON.parse(i.params) as Indicator['params'],
    autoKind: i.auto_kind as Indicator['autoKind'],
    groupCodes: JSON.parse(i.group_codes) as string[],
    unitPoints: JSON.parse(i.unit_points) as Record<string, number>,
    unitTargets: JSON.parse(i.unit_targets) as Record<string, number | null>,
    measureUnit: i.measure_unit,
    difficulty: i.difficulty,
    cap: i.cap,
    scoringUnitId: i.scoring_unit_id,
    dataSource: i.data_source,
    version: i.version,
  };
}

export function presentRoundSummary(r: AssessmentRoundRow): RoundSummary {
  return {
    id: r.id,
    period: r.period,
    stage: r.stage as RoundSummary['stage'],
    publicityUntil: r.publicity_until,
    finalizedAt: r.finalized_at,
    version: r.version,
  };
}

export function presentSchemeDetail(d: SchemeDetailData, actor: Actor): SchemeDetail {
  return {
    ...presentScheme(d.scheme, actor),
    locked: d.locked,
    indicators: d.indicators.map(presentIndicator),
    rounds: d.rounds.map(presentRoundSummary),
  };
}
