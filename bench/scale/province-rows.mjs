// The rows of one generated region, as the services would have written them over three years: a 300-task
// 三年行动方案 with milestones, 60 units, 36 months of reports (each with its audit event), notices, indicator
// targets and their monthly measurements. Pure: no database here, so the shapes can be read in one place.

export const TASKS = 300;
export const UNITS = 60;
export const MONTHS = 36;
export const AREAS = 10;
export const TARGETS = 30;
export const NOTICES = 60;
/** Tasks are led by the first LEAD_UNITS departments (the rest are co-units), as in a real ledger. */
export const LEAD_UNITS = 10;

const DEPARTMENTS = [
  '发展和改革局',
  '财政局',
  '教育局',
  '科技工业和信息化局',
  '公安局',
  '民政局',
  '司法局',
  '人力资源和社会保障局',
  '自然资源局',
  '生态环境分局',
  '住房和城乡建设局',
  '交通运输局',
  '农业农村局',
  '水利局',
  '商务局',
  '文化广电旅游体育局',
  '卫生健康局',
  '应急管理局',
  '审计局',
  '市场监督管理局',
  '统计局',
  '医疗保障局',
  '城市管理和综合执法局',
  '政务服务数据管理局',
  '退役军人事务局',
  '林业局',
  '信访局',
  '机关事务管理局',
  '投资促进局',
  '供销合作联社',
  '税务局',
  '消防救援大队',
  '气象局',
  '人民法院',
  '人民检察院',
  '总工会',
  '团委',
  '妇联',
  '工商联',
  '科协',
  '残联',
];
const TOWNS = [
  '城关',
  '东湖',
  '西岭',
  '南坪',
  '北塘',
  '新圩',
  '石桥',
  '龙潭',
  '白沙',
  '青山',
  '清水',
  '金田',
  '河口',
  '长岭',
  '桂花',
  '柳塘',
  '三江',
  '杨柳',
  '松岗',
  '梅林',
];
const KEY = ['持续深化', '统筹推进', '加快构建', '健全完善', '全面落实', '探索建立'];
const THEMES = [
  '营商环境',
  '要素市场化配置',
  '国资国企',
  '财税体制',
  '基层治理',
  '医药卫生体制',
  '教育评价',
  '农村集体产权',
  '生态文明体制',
  '数字政府',
  '投融资体制',
  '社会信用体系',
];

const two = (n) => String(n).padStart(2, '0');
const monthKey = (y, m) => `${y}-${two(m)}`;
/** A small deterministic spread (0 … n-1) of task i of region r: the same province every run. */
const spread = (r, i, n) => ((r * 7919 + i * 104729 + 13) % 2147483647) % n;

/** The 36 months before `current` (YYYY-MM), oldest first; `current` itself stays open for submissions. */
export function historyMonths(current, count = MONTHS) {
  let y = Number(current.slice(0, 4));
  let m = Number(current.slice(5, 7));
  const out = [];
  for (let i = 0; i < count; i++) {
    if (--m === 0) {
      m = 12;
      y--;
    }
    out.unshift(monthKey(y, m));
  }
  return out;
}

function nextMonth(period) {
  const y = Number(period.slice(0, 4));
  const m = Number(period.slice(5, 7));
  return m === 12 ? monthKey(y + 1, 1) : monthKey(y, m + 1);
}

function addDays(date, days) {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function unitNames() {
  const names = ['区委全面深化改革委员会办公室'];
  for (const d of DEPARTMENTS) if (names.length < UNITS - TOWNS.length) names.push(`区${d}`);
  for (const t of TOWNS) names.push(`${t}镇`);
  return names.slice(0, UNITS);
}

/**
 * Everything of region number `r` (0-based) with id `regionId`. `months` are the reported months, `today`
 * the generation day (YYYY-MM-DD), `reporterOf(unitIndex)` the reporter account id of lead unit 1 … LEAD_UNITS.
 */
export function regionRows({ r, regionId, months, today, officeId, reporterOf }) {
  const tag = regionId.slice(4);
  const at = (date, time = '02:00:00') => `${date}T${time}.000Z`;
  const planStart = `${months[0]}-01`;
  const created = addDays(planStart, -20);
  const units = unitNames().map((name, u) => ({
    id: `unt_${tag}_${two(u)}`,
    region_id: regionId,
    name,
    kind: u === 0 ? 'office' : name.endsWith('镇') ? 'town' : 'department',
    active: 1,
    created_at: at(created),
  }));
  const leadUnit = (i) => units[1 + (i % LEAD_UNITS)];
  const plan = {
    id: `pln_${tag}`,
    region_id: regionId,
    title: `全面深化改革三年行动方案（${months[0].slice(0, 4)}—${months.at(-1).slice(0, 4)}年）`,
    kind: 'action_plan',
    year: Number(months.at(-1).slice(0, 4)),
    period_start: planStart,
    period_end: `${Number(months.at(-1).slice(0, 4)) + 1}-12-31`,
    cadence: 'monthly',
    status: 'published',
    source_name: null,
    source_text: null,
    warnings: '[]',
    created_at: at(created),
    published_at: at(addDays(planStart, -10)),
  };
  const areas = Array.from({ length: AREAS }, (_, a) => ({
    id: `are_${tag}_${a}`,
    region_id: regionId,
    plan_id: plan.id,
    seq: a + 1,
    code: String(a + 1),
    title: `${THEMES[(a + r) % THEMES.length]}改革`,
    short_name: null,
    source_start: null,
    source_end: null,
  }));
  const tasks = [];
  const coUnits = [];
  const milestones = [];
  const reports = [];
  const events = [];
  const lastYear = Number(months.at(-1).slice(0, 4));
  for (let i = 0; i < TASKS; i++) {
    const id = `tsk_${tag}_${String(i).padStart(3, '0')}`;
    const lead = leadUnit(i);
    // Due dates from the plan's second year to a year after it ends: some already past.
    const dueDate = `${lastYear - 1 + spread(r, i, 3)}-${two(1 + spread(r, i + 1, 12))}-28`;
    tasks.push({
      id,
      region_id: regionId,
      plan_id: plan.id,
      area_id: areas[i % AREAS].id,
      parent_task_id: null,
      seq: i + 1,
      code: String(i + 1),
      title: `${KEY[spread(r, i, KEY.length)]}${THEMES[spread(r, i + 3, THEMES.length)]}改革第${i + 1}项任务`,
      implementation_plan: '制定实施方案，明确时间表、路线图，按月报送进展。',
      work_standard: '按期完成改革任务，形成制度成果。',
      lead_unit_id: lead.id,
      proposed_lead_unit: null,
      leader_name: null,
      tags: '[]',
      start_date: null,
      due_date: dueDate,
      weight: 1,
      source_start: null,
      source_end: null,
      created_at: at(created),
      updated_at: at(created),
    });
    for (const k of [1, 2])
      coUnits.push({
        region_id: regionId,
        task_id: id,
        unit_id: units[LEAD_UNITS + 1 + ((i + k * 17) % (UNITS - LEAD_UNITS - 1))].id,
      });
    for (let s = 0; s < 3; s++) {
      const due = addDays(
        planStart,
        Math.round((((s + 1) / 3) * (Date.parse(dueDate) - Date.parse(planStart))) / 86_400_000),
      );
      const done = due < today && spread(r, i + s, 7) !== 0;
      milestones.push({
        id: `mst_${tag}_${i}_${s}`,
        region_id: regionId,
        task_id: id,
        seq: s + 1,
        title: ['制定方案', '组织实施', '总结评估'][s],
        due_date: due,
        done_date: done ? addDays(due, -3) : null,
      });
    }
    // Progress grows month by month at the task's own pace; a task that reaches 100 % claims completion and
    // reports no more (as units do).
    const pace = 0.55 + spread(r, i, 60) / 100;
    const reporter = reporterOf(1 + (i % LEAD_UNITS));
    for (let m = 0; m < months.length; m++) {
      const period = months[m];
      const progress = Math.max(1, Math.min(100, Math.round((100 * pace * (m + 1)) / (months.length + 1))));
      const last = m === months.length - 1;
      const status = last && spread(r, i, 5) < 2 ? 'submitted' : 'accepted';
      const submitted = at(`${nextMonth(period)}-0${1 + spread(r, i + m, 5)}`);
      const reviewed = status === 'accepted' ? at(`${nextMonth(period)}-08`, '08:00:00') : null;
      const reportId = `rpt_${tag}_${i}_${m}`;
      const claims = progress === 100 && status === 'accepted' ? 1 : 0;
      const narrative = `${period}：${progress >= 100 ? '已完成全部改革任务' : `按计划推进，完成进度${progress}%`}。`;
      reports.push({
        id: reportId,
        region_id: regionId,
        task_id: id,
        unit_id: lead.id,
        period,
        progress,
        narrative,
        problems: '',
        coordination: '',
        claims_completion: claims,
        status,
        return_reason: null,
        rating: null,
        created_by: reporter,
        created_at: submitted,
        updated_at: reviewed ?? submitted,
        submitted_at: submitted,
        approved_at: submitted,
        reviewed_at: reviewed,
      });
      events.push({
        region_id: regionId,
        account_id: reporter,
        action: 'report.create',
        entity: 'task',
        entity_id: id,
        data: JSON.stringify({ reportId, status: 'submitted', period, progress, narrative }),
        at: submitted,
      });
      if (claims) break;
    }
  }
  const targets = [];
  const measurements = [];
  for (let k = 0; k < TARGETS; k++) {
    const id = `tgt_${tag}_${k}`;
    const unit = leadUnit(k);
    targets.push({
      id,
      region_id: regionId,
      plan_id: plan.id,
      area_id: areas[k % AREAS].id,
      task_id: null,
      indicator: `${THEMES[(k + r) % THEMES.length]}指标${k + 1}`,
      measure: 'level',
      comparator: '>=',
      value: 100 + k,
      unit: '亿元',
      stretch: 0,
      period: null,
      source_text: null,
      source_start: null,
      source_end: null,
      unit_id: unit.id,
      cadence: 'monthly',
      cumulative: 1,
    });
    for (const [m, period] of months.entries())
      measurements.push({
        id: `msr_${tag}_${k}_${m}`,
        region_id: regionId,
        target_id: id,
        period,
        value: Math.round(((100 + k) * (0.7 + spread(r, k + m, 40) / 100) * Number(period.slice(5))) / 12),
        note: '',
        created_by: officeId,
        created_at: at(`${nextMonth(period)}-10`),
        status: 'confirmed',
        estimate: null,
        reported_by: officeId,
        reported_at: at(`${nextMonth(period)}-10`),
        confirmed_by: officeId,
        confirmed_at: at(`${nextMonth(period)}-12`),
      });
  }
  const notices = [];
  for (let n = 0; n < NOTICES; n++) {
    const task = tasks[(n * 5 + r) % TASKS];
    const issued = addDays(today, -3 - ((n * 11) % 90));
    const state = ['issued', 'responded', 'responded', 'closed'][n % 4];
    notices.push({
      id: `ntc_${tag}_${n}`,
      region_id: regionId,
      task_id: task.id,
      unit_id: task.lead_unit_id,
      kind: ['reminder', 'urge', 'supervise', 'listed'][n % 4],
      body: '该任务进度滞后，请于期限内报送整改措施和进展。',
      reason: null,
      period: issued.slice(0, 7),
      issued_by: officeId,
      issued_at: at(issued),
      response_due: addDays(issued, 5),
      response: state === 'issued' ? null : '已制定整改措施，倒排工期推进。',
      responded_by: state === 'issued' ? null : reporterOf(1 + (((n * 5 + r) % TASKS) % LEAD_UNITS)),
      responded_at: state === 'issued' ? null : at(addDays(issued, 3)),
      status: state,
    });
  }
  return { units, plan, areas, tasks, coUnits, milestones, reports, events, targets, measurements, notices };
}
