// The demo's 常务会: one executive meeting per region whose decisions were handed on as directives and
// answered so that the directive pages show every state — two met, one late, one missed (and urged), one
// just assigned — and one decision not yet handed on, so the meeting reads "确定事项6件，已完成3件" (the late one is carried out too).
import type { Kysely } from 'kysely';
import { newId } from '../db/ids.js';
import {
  insertAnswer,
  insertDirective,
  insertDirectiveCoUnits,
  insertDirectiveNotices,
} from '../db/repositories/directive-repository.js';
import { insertDecisions, insertMeeting } from '../db/repositories/meeting-repository.js';
import type { Database, DirectiveCheckpointKind } from '../db/schema.js';
import { addDays } from '../domain/calendar.js';

export interface DemoDirectiveContext {
  regionId: string;
  regionName: string;
  /** The region's units but the office, in the fixture's order. */
  units: readonly { id: string; name: string }[];
  leaders: readonly string[];
  officeAccountId: string;
  /** The reporter account of each unit, by unit id: who answered the checkpoints. */
  reporterOf: (unitId: string) => string;
  asOf: string;
  createdAt: string;
}

/** Days after assignment on which the lead unit answered each checkpoint; absent: never answered. */
type Answers = Partial<Record<DirectiveCheckpointKind, number>>;

interface DemoDecision {
  content: string;
  /** Null: the decision is not yet handed on. */
  directive: { daysAgo: number; answers: Answers; deadlineDays: number } | null;
  answerText: Partial<Record<DirectiveCheckpointKind, string>>;
}

// Texts written for the demo. Checkpoints fall due 1, 7 and 30 days after assignment, moved to the next
// working day over weekends and holidays, so the answer days below keep their state whatever the date.
const DECISIONS: readonly DemoDecision[] = [
  {
    content: '制定优化营商环境三年行动方案，一个月内印发实施',
    directive: { daysAgo: 40, answers: { deployed: 1, acting: 5, effect: 25 }, deadlineDays: 60 },
    answerText: {
      deployed: '召开专题会议部署，成立工作专班，明确分管领导和责任科室',
      acting: '完成12家重点企业走访，形成方案初稿并征求意见',
      effect: '行动方案经区政府常务会审议通过并印发',
    },
  },
  {
    content: '开展重点项目用地保障专项排查，建立问题清单',
    directive: { daysAgo: 40, answers: { deployed: 1, acting: 6, effect: 28 }, deadlineDays: 45 },
    answerText: {
      deployed: '印发排查通知，各镇街明确联络员',
      acting: '完成首批28个项目现场核查',
      effect: '形成用地问题清单，已解决9项，其余明确时限',
    },
  },
  {
    content: '建立企业诉求“接诉即办”闭环机制',
    directive: { daysAgo: 40, answers: { deployed: 1, acting: 20, effect: 29 }, deadlineDays: 60 },
    answerText: {
      deployed: '研究起草工作规程',
      acting: '诉求受理平台上线试运行（因系统对接延误，晚于一周时限）',
      effect: '累计办结企业诉求56件，满意率96%',
    },
  },
  {
    content: '推进老旧小区改造年度计划，汛期前完成排水改造',
    directive: { daysAgo: 40, answers: { deployed: 1 }, deadlineDays: 90 },
    answerText: { deployed: '召开推进会，明确改造小区名单' },
  },
  {
    content: '梳理政务服务事项“一件事一次办”清单',
    directive: { daysAgo: 2, answers: { deployed: 1 }, deadlineDays: 45 },
    answerText: { deployed: '已印发工作通知，各部门开始梳理' },
  },
  { content: '研究制定人才公寓分配管理办法', directive: null, answerText: {} },
];

export async function loadDemoDirectives(db: Kysely<Database>, c: DemoDirectiveContext): Promise<void> {
  if (c.units.length < 2) return;
  const meetingId = newId('mtg');
  await insertMeeting(db, {
    id: meetingId,
    region_id: c.regionId,
    kind: 'executive',
    held_on: addDays(c.asOf, -41),
    topic: `${c.regionName}人民政府常务会议`,
    participant_unit_ids: JSON.stringify(c.units.slice(0, 6).map((u) => u.id)),
    participant_leaders: JSON.stringify(c.leaders.slice(1, 4)),
    minutes: '会议听取了营商环境、项目建设和城市更新工作汇报，研究部署下一阶段重点工作。',
    created_by: c.officeAccountId,
    created_at: c.createdAt,
  });
  const decisionIds = DECISIONS.map(() => newId('dec'));
  await insertDecisions(
    db,
    DECISIONS.map((d, i) => ({
      id: decisionIds[i]!,
      region_id: c.regionId,
      meeting_id: meetingId,
      seq: i + 1,
      content: d.content,
      task_id: null,
      created_at: c.createdAt,
    })),
  );
  for (const [i, d] of DECISIONS.entries()) {
    if (!d.directive) continue;
    const lead = c.units[i % c.units.length]!;
    const co = c.units[(i + 1) % c.units.length]!;
    const assignedOn = addDays(c.asOf, -d.directive.daysAgo);
    const id = newId('dir');
    await insertDirective(db, {
      id,
      region_id: c.regionId,
      source: 'meeting',
      meeting_decision_id: decisionIds[i]!,
      instruction_id: null,
      content: d.content,
      lead_unit_id: lead.id,
      assigned_on: assignedOn,
      deadline: addDays(assignedOn, d.directive.deadlineDays),
      extended_to: null,
      created_by: c.officeAccountId,
      created_at: c.createdAt,
    });
    if (co.id !== lead.id) await insertDirectiveCoUnits(db, c.regionId, id, [co.id]);
    for (const [kind, day] of Object.entries(d.directive.answers) as [DirectiveCheckpointKind, number][]) {
      const doneOn = addDays(assignedOn, day);
      await insertAnswer(db, {
        id: newId('dan'),
        region_id: c.regionId,
        directive_id: id,
        checkpoint: kind,
        done_on: doneOn,
        body: d.answerText[kind] ?? '',
        answered_by: c.reporterOf(lead.id),
        answered_at: `${doneOn}T09:00:00.000Z`,
      });
    }
    // The missed one was urged by the daily job the morning after its 行动 checkpoint passed.
    if (d.directive.answers.acting === undefined && d.directive.daysAgo > 20)
      await insertDirectiveNotices(db, [
        {
          id: newId('dntc'),
          region_id: c.regionId,
          directive_id: id,
          unit_id: lead.id,
          checkpoint: 'acting',
          body: `交办事项“${d.content}”未按时反馈行动情况，请抓紧落实并反馈。`,
          issued_at: `${addDays(assignedOn, 10)}T00:00:00.000Z`,
        },
      ]);
  }
}
