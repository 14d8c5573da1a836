// Demo assessments (考核): every demo region gets a scheme with both groups (区直单位, 镇街), the last
// finished quarter walked through 自评 → 初评 → 复核 → 公示 → 定等次 with one objection answered and one
// 一票否决, and the current quarter open for self-assessment. Written through the services, so the
// audit log tells the story as a real office would have left it.

import { listAccounts } from '../db/repositories/account-repository.js';
import { listRegions } from '../db/repositories/region-repository.js';
import { periodOf, previousPeriod } from '../domain/periods.js';
import { actorOfAccount, SYSTEM_ACTOR } from '../services/actor.js';
import { addIndicator, createScheme, openRound } from '../services/assessment-scheme-service.js';
import {
  advanceRound,
  proposeAdjustment,
  raiseObjection,
  replyObjection,
  roundDetail,
  saveScores,
} from '../services/assessment-service.js';
import { db, today, type ServiceContext } from '../services/context.js';
import { applyForTolerance, decideTolerance } from '../services/tolerance-service.js';
import { DEMO_REGIONS } from './fixture.js';

/** A spread of scores that differs by unit but is the same on every load. */
function spread(i: number, max: number, drop: number): number {
  return Math.max(0, max - ((i * 7) % (drop * 2 + 1)) / 2);
}

export async function loadDemoAssessments(ctx: ServiceContext): Promise<void> {
  const now = today(ctx);
  const year = Number(now.slice(0, 4));
  const current = periodOf('quarterly', now);
  const finished = previousPeriod(current);
  for (const region of await listRegions(db(ctx))) {
    const accounts = await listAccounts(db(ctx), region.id);
    const officeRow = accounts.find((a) => a.role === 'office');
    if (!officeRow) continue;
    const office = actorOfAccount(officeRow);
    const reporterOf = (unitId: string) => {
      const a = accounts.find((x) => x.role === 'reporter' && x.unit_id === unitId);
      return a ? actorOfAccount(a) : null;
    };
    const short = region.name.replace(/[区县市]$/, '').slice(0, 2);
    const scheme = await createScheme(ctx, office, region.id, {
      year,
      title: `${region.name}${year}年度全面深化改革工作考核方案`,
      docNo: `${short}改办〔${year}〕7号`,
      vetoes: [
        { code: 'V1', text: '发生重大安全生产责任事故', proposedBy: '区应急管理局' },
        { code: 'V2', text: '发生严重违反中央八项规定精神问题', proposedBy: '区纪委监委' },
      ],
    });
    const schemeId = scheme.scheme.row.id;
    const g5 = await addIndicator(ctx, office, schemeId, {
      code: 'G5',
      category: 'specific',
      name: '重点改革任务推进成效',
      content: '牵头的重点改革任务取得的实际成效',
      points: 15,
      standard:
        '成效显著、形成制度成果的得15分；按期推进、成效一般的得10分；推进滞后的酌情扣分。须写明依据。',
      method: 'manual',
      groupCodes: ['department'],
      scoringUnitId: officeRow.unit_id,
      dataSource: '单位自评材料、改革办核查',
    });
    const g6 = await addIndicator(ctx, office, schemeId, {
      code: 'G6',
      category: 'specific',
      name: '基层治理改革落地',
      content: '网格化治理、基层减负等改革在镇街落地情况',
      points: 15,
      standard: '改革事项全部落地并有群众评价的得满分，每一项未落地扣3分。须写明依据。',
      method: 'manual',
      groupCodes: ['town'],
      scoringUnitId: officeRow.unit_id,
      dataSource: '镇街自评、实地督查',
    });
    const sheetsRound = await openRound(ctx, office, schemeId, finished);
    const detail = await roundDetail(ctx, office, sheetsRound.id);
    const sheets = detail.data.sheets;
    const indicatorFor = (group: string) => (group === 'town' ? g6 : g5);

    // 自评: each unit's reporter scores its own specific indicator.
    for (const [i, sheet] of sheets.entries()) {
      const reporter = reporterOf(sheet.unit_id);
      if (!reporter) continue;
      const self = spread(i, 15, 4);
      await saveScores(ctx, reporter, sheetsRound.id, sheet.unit_id, undefined, 'self', [
        {
          indicatorId: indicatorFor(sheet.group_code).id,
          score: self,
          basis: '按方案完成年度改革任务，材料已报改革办',
        },
      ]);
    }
    await advanceRound(ctx, office, sheetsRound.id, undefined);
    // 初评 by the office as the scoring unit: a point or two below what units claimed.
    for (const [i, sheet] of sheets.entries()) {
      const first = Math.max(0, spread(i, 15, 4) - (i % 3));
      await saveScores(ctx, office, sheetsRound.id, sheet.unit_id, undefined, 'first', [
        {
          indicatorId: indicatorFor(sheet.group_code).id,
          score: first,
          basis: '经核查佐证材料，部分成效尚未显现',
        },
      ]);
    }
    const departments = sheets.filter((s) => s.group_code === 'department');
    const towns = sheets.filter((s) => s.group_code === 'town');
    if (departments[0])
      await proposeAdjustment(ctx, office, sheetsRound.id, {
        unitId: departments[0].unit_id,
        kind: 'bonus',
        points: 5,
        reason: '牵头改革事项获评省级改革试点',
        evidence: '省委改革办试点批复文件',
      });
    if (departments[1])
      await proposeAdjustment(ctx, office, sheetsRound.id, {
        unitId: departments[1].unit_id,
        kind: 'deduction',
        points: 2,
        reason: '改革信息报送被区委通报批评',
        evidence: '区委办公室通报',
      });
    // In the first demo region a unit is docked for a pilot that ran late, applies for 容错免责, and the
    // office grants it: the deduction stays on record, lifted, with the decision's note in the result.
    const pilot = departments[3];
    const pilotActor = pilot ? reporterOf(pilot.unit_id) : null;
    if (region.name === DEMO_REGIONS[0]?.name && pilot && pilotActor) {
      const docked = await proposeAdjustment(ctx, office, sheetsRound.id, {
        unitId: pilot.unit_id,
        kind: 'deduction',
        points: 3,
        reason: '审批流程改革试点进度滞后，被区委督查室通报',
        evidence: '区委督查室督查通报',
      });
      const request = await applyForTolerance(ctx, pilotActor, region.id, {
        sourceKind: 'assessment_item',
        sourceId: docked.id,
        situation: '在改革试点中先行调整审批流程，新旧系统切换期间进度滞后，被督查通报并扣分。',
        pilotReason: '该做法是按区委部署开展的先行先试，事前已报备，不属于明知故犯。',
        experimentReason: '属于探索性试验，现行规定没有明令禁止。',
        mistakeReason: '进度滞后源于试点中出现的新情况，属无意过失，没有谋取任何私利。',
      });
      await decideTolerance(ctx, office, request.id, undefined, {
        grant: true,
        note: '经集体研究，符合容错情形，免除该项在考核中的扣分。',
      });
    }
    const vetoed = towns[towns.length - 1];
    if (vetoed)
      await proposeAdjustment(ctx, office, sheetsRound.id, {
        unitId: vetoed.unit_id,
        kind: 'veto',
        points: 0,
        reason: '辖区发生一起较大安全生产责任事故',
        evidence: '区应急管理局事故调查报告',
        vetoCode: 'V1',
      });
    await advanceRound(ctx, office, sheetsRound.id, undefined);
    // 复核: the office confirms every first review and settles one unit higher on new evidence.
    for (const [i, sheet] of sheets.entries()) {
      const raised = sheet.unit_id === departments[2]?.unit_id;
      await saveScores(ctx, office, sheetsRound.id, sheet.unit_id, undefined, 'final', [
        {
          indicatorId: indicatorFor(sheet.group_code).id,
          score: raised ? 14 : Math.max(0, spread(i, 15, 4) - (i % 3)),
          basis: raised ? '复核：补充材料证明改革成果已形成制度文件' : '复核：维持初评',
        },
      ]);
    }
    await advanceRound(ctx, office, sheetsRound.id, undefined);
    // 公示: one unit objects, the office answers in writing.
    const objector = departments[1] ?? sheets[0];
    const objectorActor = objector ? reporterOf(objector.unit_id) : null;
    if (objector && objectorActor) {
      const objection = await raiseObjection(ctx, objectorActor, sheetsRound.id, {
        unitId: objector.unit_id,
        indicatorId: g5.id,
        body: '我单位牵头的改革事项已于季度末出台实施方案，初评未予认定，请予复核。',
      });
      await replyObjection(
        ctx,
        office,
        objection.id,
        undefined,
        '经核实，实施方案于下一季度初印发，不属本期成果，维持初评分数；下期考核时予以认定。',
      );
    }
    await advanceRound(ctx, office, sheetsRound.id, undefined);

    // The current quarter is open: one unit has started its self-assessment.
    const open = await openRound(ctx, SYSTEM_ACTOR, schemeId, current);
    const starter = departments[0];
    const starterActor = starter ? reporterOf(starter.unit_id) : null;
    if (starter && starterActor)
      await saveScores(ctx, starterActor, open.id, starter.unit_id, undefined, 'self', [
        { indicatorId: g5.id, score: 13, basis: '本季度牵头完成两项改革事项，材料已上传' },
      ]);
  }
}
