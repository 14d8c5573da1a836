import { newId } from '../db/ids.js';
import {
  insertAccountabilityRecord,
  insertToleranceRequest,
} from '../db/repositories/accountability-repository.js';
import { findAccountByUsername } from '../db/repositories/account-repository.js';
import { getArea } from '../db/repositories/area-repository.js';
import {
  insertAdoption,
  insertExperience,
  insertExperienceGrams,
} from '../db/repositories/experience-repository.js';
import { listNotices } from '../db/repositories/notice-repository.js';
import { getPlan } from '../db/repositories/plan-repository.js';
import { listRegions } from '../db/repositories/region-repository.js';
import { listTasks } from '../db/repositories/task-repository.js';
import type { TaskRow } from '../db/schema.js';
import { gramsOf } from '../domain/experience-search.js';
import { SYSTEM_ACTOR } from '../services/actor.js';
import { write, type ServiceContext } from '../services/context.js';
import { DEMO_REGIONS } from './fixture.js';

// The demo's 问责, 容错免责 and experience library: written by us for the demo, no text copied from anywhere.

const EXPERIENCES = [
  {
    title: '“一件事一次办”集成服务',
    reason: '企业和群众办一件事要在多个部门之间往返，材料重复提交，办事体验差。',
    measures: '梳理高频“一件事”清单，整合申请表单，推行一窗受理、并联审批，以部门数据共享替代纸质证明。',
    effects: '纳入清单的事项平均办理时限压缩六成，申请材料减少近半，群众跑腿次数明显下降。',
    abstract: '以“一件事”为牵引重构办事流程，打通部门数据壁垒，实现一次告知、一表申请、一窗受理、一次办结。',
  },
  {
    title: '村级小微权力清单管理',
    reason: '村级事务点多面广，小微权力运行不够透明，群众监督渠道有限。',
    measures: '编制村级小微权力清单和运行流程图，重大事项“四议两公开”，线上公开、线下公示同步推进。',
    effects: '村级事务办理全程留痕，涉村信访量同比下降，群众满意度稳步提升。',
    abstract: '把村级小微权力关进制度笼子，清单化、流程化、公开化管理，推动基层治理规范透明。',
  },
  {
    title: '工业用地“标准地”出让',
    reason: '工业项目落地前评估多、周期长，土地亩均效益参差不齐。',
    measures: '出让前完成区域评估，明确投资强度、亩均税收、能耗等控制指标，签订履约监管协议。',
    effects: '项目从拿地到开工平均缩短三个月，新出让工业用地亩均税收明显提高。',
    abstract: '以标准定地、以承诺代审批，拿地即开工，出让用地全周期履约监管，提高土地利用效益。',
  },
  {
    title: '校外培训资金监管闭环',
    reason: '校外培训机构预收费风险较高，日常监管力量不足，退费纠纷时有发生。',
    measures: '设立预收费资金监管账户，教育、市场监管等部门联合执法，机构信用评价结果向社会公开。',
    effects: '预收费全部纳入监管，相关投诉量同比大幅下降。',
    abstract: '以资金监管为抓手，形成审批、监管、执法、信用评价闭环，守住群众的钱袋子。',
  },
  {
    title: '河湖长制“智慧巡河”',
    reason: '河道巡查依靠人工，问题发现慢、处置链条长。',
    measures: '布设视频监测点位，巡河问题线上派单、限时办结，河长履职情况按月通报。',
    effects: '问题平均处置时间由一周缩短至两天，主要河道水质稳定达标。',
    abstract: '以数字化手段赋能河湖长制，发现、派单、处置、评价全流程闭环，推动河湖长治久清。',
  },
];

const DAY = 86_400_000;

/** A moment some days before now, as the demo dates its decisions. */
const daysAgo = (ctx: ServiceContext, days: number) =>
  new Date(ctx.now().getTime() - days * DAY).toISOString();

async function officeOf(ctx: ServiceContext, slug: string): Promise<string> {
  return (await findAccountByUsername(ctx.storage.db, `${slug}.office`))!.id;
}

/**
 * Accepted experiences in the first regions (one adopted by the next region), two 问责 records per region
 * and, in the first region, a 容错免责 on a 督办 awaiting the office. Runs after every region is loaded: an adoption crosses regions.
 */
export async function loadAccountabilityDemo(ctx: ServiceContext): Promise<void> {
  const db = ctx.storage.db;
  const regions = await listRegions(db);
  const bySlug = DEMO_REGIONS.map((d) => ({ demo: d, region: regions.find((r) => r.name === d.name) }));
  const firstExperience: { id: string; regionId: string }[] = [];
  for (const [index, { demo, region }] of bySlug.entries()) {
    if (!region) continue;
    const tasks = (await listTasks(db, { regionId: region.id })).filter(
      (t): t is TaskRow & { lead_unit_id: string } => t.lead_unit_id !== null,
    );
    if (tasks.length < 8) continue;
    const office = await officeOf(ctx, demo.slug);
    const notices = await listNotices(db, { regionId: region.id });
    const serious = notices.filter((n) => n.kind === 'supervise' || n.kind === 'listed');
    await write(ctx, SYSTEM_ACTOR, async ({ trx, audit }) => {
      // Experiences: two per region in the first three, from tasks spread over the plan.
      const picks = index < 3 ? [tasks[3]!, tasks[Math.floor(tasks.length / 2)]!] : [];
      for (const [k, task] of picks.entries()) {
        const text = EXPERIENCES[(index * 2 + k) % EXPERIENCES.length]!;
        const plan = await getPlan(trx, task.plan_id);
        const area = task.area_id ? await getArea(trx, task.area_id) : undefined;
        const id = newId('exp');
        await insertExperience(trx, {
          id,
          region_id: region.id,
          unit_id: task.lead_unit_id,
          task_id: task.id,
          ...text,
          area_title: area?.title ?? null,
          year: plan!.year,
          status: 'accepted',
          return_reason: null,
          decided_by: office,
          decided_at: daysAgo(ctx, 60 - 20 * k - index),
          created_by: office,
          created_at: daysAgo(ctx, 75 - 20 * k),
        });
        await insertExperienceGrams(
          trx,
          region.id,
          id,
          gramsOf(`${text.title}\n${text.abstract}\n${text.reason}\n${text.measures}\n${text.effects}`),
        );
        if (k === 0) firstExperience.push({ id, regionId: region.id });
      }
      // 问责: one on a unit for the matter (就事论事), one on a person (就人论事), each after a 督办.
      // In the first region the first 督办 goes to the 容错免责 case below; a region short of them takes 催办.
      const taken = index === 0 ? serious.slice(0, 1) : [];
      const pool = [...serious, ...notices].filter((n) => !taken.includes(n));
      const [onUnit, onPerson] = [pool[0], pool.find((n) => n !== pool[0])];
      const base = { region_id: region.id, created_by: office, assessment_item_id: null } as const;
      if (onUnit)
        await insertAccountabilityRecord(trx, {
          ...base,
          id: newId('acc'),
          unit_id: onUnit.unit_id,
          person_name: null,
          person_post: null,
          kind: 'matter',
          facts: '任务进度连续两期滞后，督办后仍未按期报送整改措施。',
          decision: '责令该单位作出书面检查，限期整改，整改情况报区委改革办。',
          decided_by: `${region.name}委全面深化改革委员会`,
          decided_on: daysAgo(ctx, 30).slice(0, 10),
          measures: JSON.stringify(['written_review']),
          task_id: onUnit.task_id,
          notice_id: onUnit.id,
          created_at: daysAgo(ctx, 30),
        });
      if (onPerson)
        await insertAccountabilityRecord(trx, {
          ...base,
          id: newId('acc'),
          unit_id: onPerson.unit_id,
          person_name: '王某',
          person_post: '分管副职',
          kind: 'person',
          facts: '对督办事项推诿拖延，未按时组织落实，造成任务节点延误。',
          decision: '对其进行约谈，并在全区范围内通报批评。',
          decided_by: `${region.name}纪委监委`,
          decided_on: daysAgo(ctx, 20).slice(0, 10),
          measures: JSON.stringify(['interview', 'criticism']),
          task_id: onPerson.task_id,
          notice_id: onPerson.id,
          created_at: daysAgo(ctx, 20),
        });
      // 容错免责 in the first region: one on a 督办 waiting for the office. The granted one lifts a deduction
      // of the finished quarter and is made with the assessments (demo/assessment.ts).
      const [pending] = taken;
      if (index === 0 && pending)
        await insertToleranceRequest(trx, {
          id: newId('tol'),
          region_id: region.id,
          unit_id: pending.unit_id,
          source_kind: 'notice',
          source_id: pending.id,
          situation: '试行新的项目评审方式，配套制度尚未出台，节点延后。',
          pilot_reason: '该做法是按区委部署开展的先行先试，事前已报备，不属于明知故犯。',
          experiment_reason: '属于探索性试验，现行规定没有明令禁止。',
          mistake_reason: '节点延后源于配套制度尚未出台，属无意过失，没有谋取任何私利。',
          status: 'submitted',
          decision_note: null,
          decided_by: null,
          decided_at: null,
          created_by: office,
          created_at: daysAgo(ctx, 3),
        });
      await audit({
        regionId: region.id,
        action: 'demo.accountability',
        entity: 'region',
        entityId: region.id,
      });
    });
  }
  // The second region adopts the first region's first experience on one of its own tasks.
  const [source, adopter] = [firstExperience[0], bySlug[1]];
  if (!source || !adopter?.region) return;
  const adopterTask = (await listTasks(db, { regionId: adopter.region.id }))[5];
  if (!adopterTask) return;
  const adoptedBy = await officeOf(ctx, adopter.demo.slug);
  await write(ctx, SYSTEM_ACTOR, async ({ trx, audit }) => {
    const id = newId('adp');
    await insertAdoption(trx, {
      id,
      region_id: adopter.region!.id,
      experience_id: source.id,
      source_region_id: source.regionId,
      task_id: adopterTask.id,
      note: '参照其事项清单和一窗受理做法，梳理本区高频事项。',
      adopted_by: adoptedBy,
      adopted_at: daysAgo(ctx, 5),
    });
    await audit({
      regionId: adopter.region!.id,
      action: 'experience.adopt',
      entity: 'task',
      entityId: adopterTask.id,
      data: { adoptionId: id, experienceId: source.id },
    });
  });
}
