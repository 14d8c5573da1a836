import type { Insertable } from 'kysely';
import { extract } from '../extract/index.js';
import { newId } from '../db/ids.js';
import { insertAccount } from '../db/repositories/account-repository.js';
import { appendAuditEvent } from '../db/repositories/audit-repository.js';
import { insertRegion } from '../db/repositories/region-repository.js';
import { insertUnit } from '../db/repositories/unit-repository.js';
import { insertMilestones } from '../db/repositories/milestone-repository.js';
import { insertInstructions } from '../db/repositories/instruction-repository.js';
import { insertNotices } from '../db/repositories/notice-repository.js';
import { insertReports } from '../db/repositories/report-repository.js';
import { updateVersioned } from '../db/repositories/versioned.js';
import type { AccountTable, UnitRow } from '../db/schema.js';
import { parseDate } from '../domain/calendar.js';
import { SYSTEM_ACTOR } from '../services/actor.js';
import { nowIso, today, write, type ServiceContext } from '../services/context.js';
import { hashPassword } from '../services/passwords.js';
import { draftPlan } from '../services/plan-import/draft-plan.js';
import { persistDraft } from '../services/plan-import/import-service.js';
import { loadAccountabilityDemo } from './accountability-demo.js';
import { DEMO_REGIONS, type DemoUnit } from './fixture.js';
import { loadDemoAssessments } from './assessment.js';
import { loadDemoBulletins } from './bulletins.js';
import { loadDemoRegionTree } from './region-tree.js';
import { simulatedHistory } from './history.js';
import { demoProgrammesDir, readProgrammes, regionOfProgramme } from './programmes.js';
import { planScenarios } from './scenarios.js';
import { simulateTask, type SimContext } from './simulate.js';
// Directives and meetings (issue 11 §3–4).
import { loadDemoDirectives } from './directives.js';
import { seedProjectPhotos } from './project-photos.js';
import { seedProgressDemo } from './progress.js';

export interface DemoSummary {
  regions: number;
  plans: number;
  tasks: number;
  accounts: number;
  /** The folder the programme documents were read from. */
  source: string;
  /** The documents imported as plans, by file name. */
  documents: string[];
}

function pickLeadUnit(
  text: string,
  units: readonly (UnitRow & { demo: DemoUnit })[],
  fallbackIndex: number,
): UnitRow & { demo: DemoUnit } {
  // Programmes hand a share of their items to the 镇街; without that the towns' ranking would stay empty.
  const towns = units.filter((u) => u.kind === 'town');
  if (fallbackIndex % 4 === 3 && towns.length > 0)
    return towns[Math.floor(fallbackIndex / 4) % towns.length]!;
  const candidates = units.filter((u) => u.kind !== 'office');
  let best = candidates[fallbackIndex % candidates.length]!;
  let bestHits = 0;
  for (const unit of candidates) {
    const hits = unit.demo.keywords.reduce((n, k) => n + (text.includes(k) ? 1 : 0), 0);
    if (hits > bestHits) {
      best = unit;
      bestHits = hits;
    }
  }
  return best;
}

const TAGS = ['首创型', '引领型', '集成型'];

/**
 * Builds the demo workspace: the four demo regions with their units and accounts, each region's programme
 * documents (demo/programmes, or TAIZHANG_SEEDS_DIR) imported through the extraction engine as published
 * plans replayed in the current year, and a simulated year of roadmaps, reports and notices so that every
 * status colour appears.
 */
export async function loadDemoWorkspace(
  ctx: ServiceContext,
  options: { password: string },
): Promise<DemoSummary> {
  const { password } = options;
  // One hash for every demo account: hashing hundreds of passwords would make start-up slow for no gain.
  const passwordHash = await hashPassword(password);
  const createdAt = nowIso(ctx);
  const asOf = today(ctx);
  const year = parseDate(asOf).year;
  const source = demoProgrammesDir();
  const summary: DemoSummary = { regions: 0, plans: 0, tasks: 0, accounts: 0, source, documents: [] };
  const seeds = readProgrammes(source);
  if (seeds.length === 0)
    process.stderr.write(
      `演示数据：${source} 中没有计划文件，仅创建地区、单位和账号 (no programme documents found)\n`,
    );

  for (const region of DEMO_REGIONS) {
    await write(ctx, SYSTEM_ACTOR, async ({ trx, audit }) => {
      const regionId = newId('rgn');
      await insertRegion(trx, {
        id: regionId,
        name: region.name,
        kind: region.kind,
        parent_city: region.parentCity,
        settings: '{}',
        created_at: createdAt,
      });
      const units: (UnitRow & { demo: DemoUnit })[] = [];
      for (const demo of region.units) {
        const row = {
          id: newId('unit'),
          region_id: regionId,
          name: demo.name,
          kind: demo.kind,
          active: 1,
          version: 1,
          created_at: createdAt,
        };
        await insertUnit(trx, row);
        units.push({ ...row, demo });
      }
      const officeUnit = units.find((u) => u.kind === 'office')!;
      const account = (
        username: string,
        displayName: string,
        role: AccountTable['role'],
        unitId: string | null,
      ): Insertable<AccountTable> => ({
        id: newId('acct'),
        region_id: regionId,
        username,
        display_name: displayName,
        password_hash: passwordHash,
        role,
        unit_id: unitId,
        active: 1,
        created_at: createdAt,
      });
      const office = account(`${region.slug}.office`, `${region.name}改革办`, 'office', officeUnit.id);
      const leader = account(`${region.slug}.leader`, `${region.name}${region.leaders[0]!}`, 'leader', null);
      const accounts = [
        office,
        leader,
        account(`${region.slug}.viewer`, `${region.name}纪委监委`, 'viewer', null),
      ];
      const unitAccounts = new Map<
        string,
        { head: Insertable<AccountTable>; reporter: Insertable<AccountTable> }
      >();
      for (const unit of units.filter((u) => u.kind !== 'office')) {
        const head = account(
          `${region.slug}.${unit.demo.slug}.head`,
          `${unit.name}负责人`,
          'unit_head',
          unit.id,
        );
        const reporter = account(
          `${region.slug}.${unit.demo.slug}.reporter`,
          `${unit.name}联络员`,
          'reporter',
          unit.id,
        );
        unitAccounts.set(unit.id, { head, reporter });
        accounts.push(head, reporter);
      }
      for (const a of accounts) await insertAccount(trx, a);
      summary.accounts += accounts.length;
      // Directives and meetings (issue 11 §3–4): a 常务会 whose decisions became directives.
      await loadDemoDirectives(trx, {
        regionId,
        regionName: region.name,
        units: units.filter((u) => u.kind !== 'office'),
        leaders: region.leaders,
        officeAccountId: office.id,
        reporterOf: (u) => unitAccounts.get(u)!.reporter.id,
        asOf,
        createdAt,
      });

      let taskIndex = 0;
      for (const seed of seeds.filter((s) => regionOfProgramme(s) === region)) {
        const extraction = extract(seed.text);
        const draft = draftPlan(extraction, seed.text, units, region.name, year);
        if (draft.tasks.length === 0) continue;
        // The replayed plan was drafted and published at the start of the year, so the trend has months
        // to show and the months since are periods its tasks reported on.
        const importedAt = `${year}-01-02T01:00:00.000Z`;
        const { planId, taskIds } = await persistDraft(trx, draft, {
          regionId,
          sourceName: seed.name,
          sourceText: seed.text,
          shiftYears: year - draft.year,
          createdAt: importedAt,
        });
        await updateVersioned(trx, 'plans', planId, 1, { status: 'published', published_at: importedAt });
        const scenarios = planScenarios(taskIds.length, taskIds.length + region.slug.length);
        for (const [i, taskId] of taskIds.entries()) {
          const t = draft.tasks[i]!;
          // A task the document gives to the office itself has nobody to report on it in the demo (the office
          // unit has no reporter or head), so it goes to the unit its words point to, as an unassigned one does.
          const lead =
            t.leadUnitId && unitAccounts.has(t.leadUnitId)
              ? units.find((u) => u.id === t.leadUnitId)!
              : pickLeadUnit(`${t.title}${t.detail}`, units, taskIndex);
          const scenario = scenarios[i]!;
          const people = unitAccounts.get(lead.id)!;
          const simContext: SimContext = {
            today: asOf,
            year,
            reporterId: people.reporter.id,
            headId: people.head.id,
            officeId: office.id,
            leaderId: leader.id,
          };
          const sim = simulateTask(
            { id: taskId, regionId, title: t.title, leadUnitId: lead.id },
            scenario,
            taskIndex,
            simContext,
          );
          await updateVersioned(trx, 'tasks', taskId, 1, {
            lead_unit_id: lead.id,
            proposed_lead_unit: null,
            leader_name: region.leaders[t.areaIndex % region.leaders.length]!,
            start_date: sim.startDate,
            due_date: sim.dueDate,
            tags: JSON.stringify(taskIndex % 4 === 0 ? [TAGS[taskIndex % 3]!] : []),
          });
          await insertMilestones(trx, sim.milestones);
          await insertReports(trx, sim.reports);
          await insertNotices(trx, sim.notices);
          await insertInstructions(trx, sim.instructions);
          for (const event of simulatedHistory(taskId, regionId, sim, simContext))
            await appendAuditEvent(trx, ctx.storage.dialect, event);
          taskIndex++;
        }
        summary.plans++;
        summary.tasks += taskIds.length;
        summary.documents.push(seed.name);
      }
      // Indicators and key projects (issue 11)
      await seedProgressDemo(trx, {
        regionId,
        units: units.filter((u) => unitAccounts.has(u.id)),
        reporterOf: (id) => unitAccounts.get(id)!.reporter.id,
        officeId: office.id,
        leaders: region.leaders,
        today: asOf,
        createdAt,
      });
      await seedProjectPhotos(ctx, trx, regionId, createdAt);
      await audit({
        regionId,
        action: 'demo.load',
        entity: 'region',
        entityId: regionId,
        data: { units: units.length, accounts: accounts.length, tasks: taskIndex },
      });
    });
    summary.regions++;
  }
  await loadAccountabilityDemo(ctx);
  await loadDemoAssessments(ctx);
  summary.accounts += (await loadDemoRegionTree(ctx, passwordHash)).accounts;
  // Last: a bulletin reads everything above (reports, experiences, meetings, the assessment round).
  await loadDemoBulletins(ctx);
  return summary;
}
