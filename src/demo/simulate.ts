import type { Insertable } from 'kysely';
import type { InstructionTable, MilestoneTable, NoticeTable, ReportTable } from '../db/schema.js';
import { addDays, daysBetween, lastDayOfMonth, parseDate } from '../domain/calendar.js';
import { lastDuePeriod, periodRange, periodsBetween } from '../domain/periods.js';
import { newId } from '../db/ids.js';

/** A small deterministic generator, so every demo load shows the same battle map. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Scenario = 'done' | 'delayed' | 'behind' | 'silent' | 'future' | 'on_track';

export function scenarioOf(r: number): Scenario {
  if (r < 0.14) return 'done';
  if (r < 0.28) return 'delayed';
  if (r < 0.42) return 'behind';
  if (r < 0.48) return 'silent';
  if (r < 0.55) return 'future';
  return 'on_track';
}

export interface SimTask {
  id: string;
  regionId: string;
  title: string;
  leadUnitId: string;
}

export interface SimContext {
  today: string;
  year: number;
  reporterId: string;
  headId: string;
  officeId: string;
  leaderId: string;
}

export interface SimResult {
  startDate: string | null;
  dueDate: string;
  milestones: Insertable<MilestoneTable>[];
  reports: Insertable<ReportTable>[];
  notices: Insertable<NoticeTable>[];
  instructions: Insertable<InstructionTable>[];
}

const NARRATIVES = [
  '已召开专题推进会，明确责任分工和时间节点，各项工作按计划推进。',
  '完成阶段性调研和方案论证，相关配套政策正在征求意见。',
  '牵头单位会同配合单位建立工作专班，每周调度进展。',
  '已完成试点镇街工作部署，形成初步经验做法。',
];
const PROBLEMS = [
  '部分事项涉及多部门协调，推进难度较大。',
  '项目用地指标尚未落实，影响后续进度。',
  '配套资金到位较慢。',
];

function short(title: string): string {
  return title.length > 16 ? `${title.slice(0, 16)}…` : title;
}

function elapsedShare(year: number, date: string): number {
  return Math.min(
    1,
    Math.max(
      0,
      (daysBetween(`${year}-01-01`, date) + 1) / (daysBetween(`${year}-01-01`, `${year}-12-31`) + 1),
    ),
  );
}

/**
 * Writes a plausible year of one task's life — roadmap, monthly reports through the office's review,
 * notices and a leader's instruction — shaped so the task lands in the scenario's colour today.
 */
export function simulateTask(task: SimTask, scenario: Scenario, index: number, sim: SimContext): SimResult {
  const rand = prng(index * 7919 + 17);
  const { year, today } = sim;
  const lastDue = lastDuePeriod('monthly', today) ?? `${year}-01`;
  const duePeriods = periodsBetween('monthly', `${year}-01-01`, periodRange(lastDue).end).filter((p) =>
    p.startsWith(String(year)),
  );
  const month = parseDate(today).month;
  let startDate: string | null = null;
  let dueDate = `${year}-12-31`;
  let periods = duePeriods;
  let finalProgress = Math.round(elapsedShare(year, today) * 100);
  switch (scenario) {
    case 'done': {
      const doneMonth = Math.max(1, Math.min(month - 1, 3 + Math.floor(rand() * 6)));
      dueDate = lastDayOfMonth(year, Math.min(12, doneMonth + 1));
      periods = duePeriods.filter((p) => Number(p.slice(5)) <= doneMonth);
      finalProgress = 100;
      break;
    }
    case 'delayed':
      dueDate = addDays(today, -(10 + Math.floor(rand() * 60)));
      finalProgress = 55 + Math.floor(rand() * 30);
      break;
    case 'behind':
      finalProgress = Math.max(5, finalProgress - 25 - Math.floor(rand() * 15));
      break;
    case 'silent':
      periods = duePeriods.slice(0, -1);
      break;
    case 'future':
      startDate =
        lastDayOfMonth(year, Math.min(12, month)) <= today
          ? `${year + 1}-01-01`
          : addDays(lastDayOfMonth(year, month), 1);
      dueDate = `${year + 1}-06-30`;
      periods = [];
      break;
    case 'on_track':
      finalProgress = Math.min(100, finalProgress + Math.floor(rand() * 8));
      break;
  }

  const milestoneDates =
    scenario === 'future'
      ? [addDays(startDate!, 60), addDays(startDate!, 120)]
      : [`${year}-03-31`, `${year}-06-30`, `${year}-09-30`, dueDate].filter((d) => d <= dueDate);
  const milestoneTitles = [
    '完成调研并制定实施方案',
    '出台配套政策措施',
    '取得阶段性成效',
    '全面完成并总结评估',
  ];
  const milestones = [...new Set(milestoneDates)].map((due, i) => {
    const passed = due < today;
    const done =
      scenario === 'done' || (passed && !(scenario === 'delayed' && i === milestoneDates.length - 1));
    return {
      id: newId('ms'),
      region_id: task.regionId,
      task_id: task.id,
      seq: i + 1,
      title: milestoneTitles[i] ?? `节点${i + 1}`,
      due_date: due,
      done_date:
        done && passed
          ? addDays(due, -Math.floor(rand() * 10))
          : scenario === 'done' && !passed
            ? addDays(today, -3)
            : null,
    };
  });

  const reports: Insertable<ReportTable>[] = periods.map((period, i) => {
    const progress = Math.round(((i + 1) / periods.length) * finalProgress);
    const end = periodRange(period).end;
    const at = `${addDays(end, 3)}T02:${String(10 + (index % 40)).padStart(2, '0')}:00.000Z`;
    const last = i === periods.length - 1;
    return {
      id: newId('rpt'),
      region_id: task.regionId,
      task_id: task.id,
      unit_id: task.leadUnitId,
      period,
      progress,
      narrative: `${short(task.title)}：${NARRATIVES[(index + i) % NARRATIVES.length]!}`,
      problems:
        scenario === 'behind' || scenario === 'delayed' ? PROBLEMS[(index + i) % PROBLEMS.length]! : '',
      coordination: scenario === 'delayed' && last ? '请求区领导协调相关部门加快审批。' : '',
      claims_completion: scenario === 'done' && last ? 1 : 0,
      status: 'accepted',
      return_reason: null,
      rating: 3 + ((index + i) % 3),
      created_by: sim.reporterId,
      created_at: at,
      updated_at: at,
      submitted_at: at,
      approved_at: at,
      reviewed_at: at,
    };
  });

  // The current month's reports are in flight, so each role's queue has something waiting.
  if (scenario === 'on_track' || scenario === 'behind') {
    const flow = index % 6;
    const current = `${year}-${String(month).padStart(2, '0')}`;
    const status = flow === 0 ? 'awaiting_head' : flow === 1 ? 'submitted' : flow === 2 ? 'draft' : null;
    if (status && !periods.includes(current)) {
      const at = `${addDays(today, -1)}T03:00:00.000Z`;
      reports.push({
        id: newId('rpt'),
        region_id: task.regionId,
        task_id: task.id,
        unit_id: task.leadUnitId,
        period: current,
        progress: Math.min(100, finalProgress + 3),
        narrative: `${short(task.title)}：本月继续推进，完成月度工作计划。`,
        problems: '',
        coordination: '',
        claims_completion: 0,
        status,
        return_reason: null,
        rating: null,
        created_by: sim.reporterId,
        created_at: at,
        updated_at: at,
        submitted_at: status === 'draft' ? null : at,
        approved_at: status === 'submitted' ? at : null,
        reviewed_at: null,
      });
    }
  }

  const notices: Insertable<NoticeTable>[] = [];
  if (scenario === 'delayed' || scenario === 'silent') {
    const kind = scenario === 'delayed' ? (index % 5 === 0 ? 'listed' : 'supervise') : 'urge';
    const issued = addDays(today, -(2 + (index % 5)));
    const responded = index % 2 === 0;
    notices.push({
      id: newId('ntc'),
      region_id: task.regionId,
      task_id: task.id,
      unit_id: task.leadUnitId,
      kind,
      body:
        scenario === 'delayed'
          ? `“${short(task.title)}”已超过完成时限，请于3个工作日内报送整改措施。`
          : `“${short(task.title)}”上月进展未按时报送，请尽快报送。`,
      reason: scenario === 'delayed' ? 'delayed' : 'report_missing',
      period: lastDue,
      issued_by: scenario === 'delayed' ? sim.officeId : null,
      issued_at: `${issued}T01:00:00.000Z`,
      response_due: addDays(issued, kind === 'urge' ? 5 : 3),
      response: responded ? '已召开专题会议研究，正加快推进，将于本月底前完成。' : null,
      responded_by: responded ? sim.headId : null,
      responded_at: responded ? `${addDays(issued, 1)}T08:00:00.000Z` : null,
      status: responded ? 'responded' : 'issued',
    });
  }
  const instructions: Insertable<InstructionTable>[] =
    scenario === 'delayed' && index % 3 === 0
      ? [
          {
            id: newId('ins'),
            region_id: task.regionId,
            task_id: task.id,
            author_id: sim.leaderId,
            body: '请牵头单位倒排工期、挂图作战，月底前报送整改措施。',
            created_at: `${addDays(today, -1)}T09:00:00.000Z`,
            unit_id: task.leadUnitId,
            response_due: addDays(today, 10),
          },
        ]
      : [];
  return { startDate, dueDate, milestones, reports, notices, instructions };
}
