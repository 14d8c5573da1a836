// A 考核方案's shape: the object groups ranked apart, the grade bands, the 一票否决 list, and the
// default indicators (DESIGN's rules: timeliness 30, milestones 40, quality 20, supervision 10,
// +2 per accepted experience up to +6).

import type { AutoKind } from './assessment-auto.js';
import { REPORT_RATING_MAX } from './report-workflow.js';
import type { MethodParams, ScoringMethod } from './assessment-methods.js';
import { DEFAULT_GRADE_BANDS, type GradeBand, type IndicatorCategory } from './assessment-sheet.js';

export type { GradeBand };

/** 区直单位, 镇街 and optional sub-groups (重点考核部门 …); ranked apart. */
export interface AssessmentGroup {
  code: string;
  name: string;
  /** Units of this kind belong here unless listed elsewhere. */
  unitKind: 'department' | 'town' | 'other' | null;
  /** Units named explicitly (a sub-group); they take precedence over unitKind. */
  unitIds: string[];
}

/** One item of the closed 一票否决 list, proposed by a named department. */
export interface VetoItem {
  code: string;
  text: string;
  proposedBy: string;
}

export const DEFAULT_GROUPS: readonly AssessmentGroup[] = [
  { code: 'department', name: '区直单位', unitKind: 'department', unitIds: [] },
  { code: 'town', name: '镇街', unitKind: 'town', unitIds: [] },
];

export { DEFAULT_GRADE_BANDS };

/** The group a unit is ranked in: named explicitly first, else by its kind; null when none takes it. */
export function groupOf(
  unit: { id: string; kind: string },
  groups: readonly AssessmentGroup[],
): AssessmentGroup | null {
  return (
    groups.find((g) => g.unitIds.includes(unit.id)) ??
    groups.find((g) => g.unitIds.length === 0 && g.unitKind === unit.kind) ??
    null
  );
}

export interface IndicatorDraft {
  code: string;
  category: IndicatorCategory;
  name: string;
  content: string;
  points: number;
  standard: string;
  method: ScoringMethod;
  params: MethodParams;
  autoKind: AutoKind | null;
  dataSource: string;
}

export const DEFAULT_INDICATORS: readonly IndicatorDraft[] = [
  {
    code: 'G1',
    category: 'common',
    name: '进展报送及时',
    content: '按期报送任务进展',
    points: 30,
    standard: '按时报送得满分，逾期报送按一半计，未报送不得分，按应报期次折算',
    method: 'manual',
    params: {},
    autoKind: 'timeliness',
    dataSource: '台账进展报送',
  },
  {
    code: 'G2',
    category: 'common',
    name: '节点按时完成',
    content: '路线图节点按期完成',
    points: 40,
    standard: '按到期节点中按时完成的比例计分',
    method: 'manual',
    params: {},
    autoKind: 'milestones',
    dataSource: '台账路线图节点',
  },
  {
    code: 'G3',
    category: 'common',
    name: '报送质量',
    content: '改革办对进展报送的质量评分',
    points: 20,
    standard: '按改革办评分的平均值折算',
    method: 'rating',
    params: { ratingMax: REPORT_RATING_MAX },
    autoKind: 'quality',
    dataSource: '改革办评分',
  },
  {
    code: 'G4',
    category: 'common',
    name: '督办情况',
    content: '被督办、挂牌督办情况',
    points: 10,
    standard: '每被督办一次扣2分，每被挂牌督办一次扣5分，扣完为止',
    method: 'per_occurrence',
    params: { perOccurrence: 2 },
    autoKind: 'supervision',
    dataSource: '督办通知',
  },
  {
    code: 'B1',
    category: 'adjustment',
    name: '可复制推广经验',
    content: '经验被改革办采纳',
    points: 6,
    standard: '每采纳一条加2分，最多加6分',
    method: 'manual',
    params: {},
    autoKind: 'experience',
    dataSource: '经验库',
  },
];
