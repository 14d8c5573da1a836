/**
 * The demo workspace `npm start` builds on an empty database, on each dialect: the four demo regions with
 * their plans as the repository's own programme documents give them (nothing outside the checkout), every
 * status colour on the battle map, and task pages whose history tells the simulated year, on an unbroken
 * audit chain.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { regionProgressSummary } from '../src/services/progress-summary-service.js';
import type { Storage } from '../src/db/connection.js';
import { listAuditEvents, verifyAuditChain } from '../src/db/repositories/audit-repository.js';
import { listAreas } from '../src/db/repositories/area-repository.js';
import { listPlans } from '../src/db/repositories/plan-repository.js';
import { listRegions } from '../src/db/repositories/region-repository.js';
import { loadDemoWorkspace, type DemoSummary } from '../src/demo/load-demo.js';
import { TASK_STATUSES } from '../src/domain/task-status.js';
import { SYSTEM_ACTOR } from '../src/services/actor.js';
import type { ServiceContext } from '../src/services/context.js';
import { regionDashboard } from '../src/services/dashboard-service.js';
import {
  listAccountabilityRecords,
  listExemptions,
} from '../src/db/repositories/accountability-repository.js';
import { searchLibrary } from '../src/services/experience-service.js';
import { bulletinsOf } from '../src/services/bulletin-service.js';
import { bulletinReadings } from '../src/services/bulletin-receipt-service.js';
import { photoTypeOf } from '../src/documents/photo-types.js';
import { storedPath } from '../src/services/file-store.js';
import { dialects } from './helpers/storage.js';

const NOW = new Date('2026-11-21T02:00:00Z');
const REPO = fileURLToPath(new URL('../', import.meta.url));

describe.each(dialects)('demo workspace on $name', (dialect) => {
  let storage: Storage;
  let ctx: ServiceContext;
  let summary: DemoSummary;

  beforeAll(async () => {
    // The default source, whatever the developer's shell sets to load other documents.
    vi.stubEnv('TAIZHANG_SEEDS_DIR', undefined);
    storage = await dialect.open();
    ctx = { storage, filesDir: mkdtempSync(join(tmpdir(), 'taizhang-demo-files-')), now: () => NOW };
    summary = await loadDemoWorkspace(ctx, { password: 'demo-password-1' });
  }, 120_000);
  afterAll(async () => {
    vi.unstubAllEnvs();
    await storage.close();
  });

  // The province and its cities follow the districts below them and hold no work of their own.
  const demoDistricts = async () =>
    (await listRegions(storage.db)).filter((r) => r.kind !== '省' && r.kind !== '市');
  const regionNamed = async (name: string) => (await listRegions(storage.db)).find((r) => r.name === name)!;
  const plansOf = async (name: string) => {
    const plans = await listPlans(storage.db, (await regionNamed(name)).id, false);
    return Promise.all(
      plans.map(async (p) => ({
        kind: p.kind,
        status: p.status,
        areas: (await listAreas(storage.db, p.region_id, p.id)).length,
        tasks: (await storage.db.selectFrom('tasks').select('id').where('plan_id', '=', p.id).execute())
          .length,
      })),
    );
  };
  const taskTitled = async (title: string) =>
    storage.db
      .selectFrom('tasks')
      .innerJoin('units', 'units.id', 'tasks.lead_unit_id')
      .select(['tasks.id', 'tasks.plan_id', 'units.name as lead'])
      .where('tasks.title', '=', title)
      .executeTakeFirstOrThrow();
  const coUnitsOf = async (taskId: string) =>
    (
      await storage.db
        .selectFrom('task_co_units')
        .innerJoin('units', 'units.id', 'task_co_units.unit_id')
        .select('units.name')
        .where('task_co_units.task_id', '=', taskId)
        .execute()
    )
      .map((u) => u.name)
      .sort();

  it('needs nothing outside the repository: every document it imports ships in demo/programmes', () => {
    const bundled = resolve(REPO, 'demo/programmes');
    expect(resolve(summary.source)).toBe(bundled);
    expect(relative(REPO, summary.source).startsWith('..')).toBe(false);
    const shipped = readdirSync(bundled).filter((f) => f.endsWith('.txt'));
    expect(shipped.length).toBeGreaterThanOrEqual(5);
    expect([...summary.documents].sort()).toEqual(shipped.sort());
    for (const name of summary.documents) expect(existsSync(join(bundled, name))).toBe(true);
  });

  it('builds the four demo regions, each with the plans, areas and tasks its programme documents name', async () => {
    const regions = await listRegions(storage.db);
    expect(
      regions
        .filter((r) => r.kind !== '省' && r.kind !== '市')
        .map((r) => r.name)
        .sort(),
    ).toEqual(['南海区', '湛江经开区', '源城区', '金湾区'].sort());
    // Above them, 广东省 and its four cities, each demo region under its own city.
    const byId = new Map(regions.map((r) => [r.id, r]));
    expect(regions.filter((r) => r.kind === '市').map((r) => byId.get(r.parent_id!)?.name)).toEqual(
      Array(4).fill('广东省'),
    );
    expect(byId.get(regions.find((r) => r.name === '湛江经开区')!.parent_id!)?.name).toBe('湛江市');
    expect(summary).toMatchObject({ regions: 4, plans: 5, tasks: 127 });
    const published = { status: 'published' };
    expect(await plansOf('南海区')).toEqual([{ ...published, kind: 'work_points', areas: 10, tasks: 31 }]);
    expect(await plansOf('金湾区')).toEqual(
      expect.arrayContaining([
        { ...published, kind: 'work_points', areas: 7, tasks: 21 },
        { ...published, kind: 'topic_projects', areas: 4, tasks: 16 },
      ]),
    );
    expect(await plansOf('源城区')).toEqual([{ ...published, kind: 'congress_report', areas: 6, tasks: 22 }]);
    expect(await plansOf('湛江经开区')).toEqual([
      { ...published, kind: 'work_points', areas: 10, tasks: 37 },
    ]);
  });

  it('keeps the lead and co-operating units the documents name, towns included', async () => {
    const transition = await taskTitled('实施传统产业转型攻坚');
    expect(transition.lead).toBe('区工业和信息化局');
    expect(await coUnitsOf(transition.id)).toEqual(['区商务局', '区科学技术局'].sort());
    expect((await taskTitled('创新氢能产业发展支持机制')).lead).toBe('丹灶镇');
    expect((await taskTitled('加快村庄规划编制，实现有条件、有需求的村庄规划应编尽编')).lead).toBe('平沙镇');
    expect((await taskTitled('构建“三区两带”城市格局')).lead).toBe('区自然资源局');
    expect((await taskTitled('加速提升圩镇风貌')).lead).toBe('硇洲镇');
  });

  it('gives 湛江经开区 the year targets above its ten areas, and each task the targets it states', async () => {
    const region = await regionNamed('湛江经开区');
    const targets = await storage.db
      .selectFrom('targets')
      .select(['indicator', 'measure', 'comparator', 'value', 'unit', 'area_id', 'task_id'])
      .where('region_id', '=', region.id)
      .execute();
    const planWide = targets.filter((t) => t.area_id === null);
    expect(planWide.map((t) => t.indicator)).toEqual(
      expect.arrayContaining(['地区生产总值', '规模以上工业增加值', '社会消费品零售总额']),
    );
    expect(planWide).toContainEqual(
      expect.objectContaining({ indicator: '地区生产总值', measure: 'growth', comparator: '~', value: 6 }),
    );
    expect(planWide.some((t) => t.measure === 'share' && t.indicator.includes('研发投入'))).toBe(true);
    expect(targets.filter((t) => t.task_id !== null).length).toBeGreaterThanOrEqual(20);
    const projects = await taskTitled('抓好重点项目“三张清单”管理');
    expect(
      targets
        .filter((t) => t.task_id === projects.id)
        .map((t) => [t.value, t.unit])
        .sort(),
    ).toEqual([
      [10, '个'],
      [15, '个'],
    ]);
  });

  it('shows every status colour on the battle map of every region', async () => {
    // The province and its cities run no programme of their own here: they follow the regions below.
    for (const region of (await listRegions(storage.db)).filter(
      (r) => r.parent_id !== null && r.kind !== '市',
    )) {
      const dashboard = await regionDashboard(ctx, SYSTEM_ACTOR, region.id);
      for (const status of TASK_STATUSES)
        expect(dashboard.total.counts[status], `${region.name} ${status}`).toBeGreaterThan(0);
    }
  });

  it('gives each reported task a history in the order things happened, on an intact chain', async () => {
    const accepted = await storage.db
      .selectFrom('reports')
      .select(['id', 'task_id'])
      .where('status', '=', 'accepted')
      .limit(1)
      .executeTakeFirstOrThrow();
    const history = await listAuditEvents(storage.db, 'task', accepted.task_id);
    const ofReport = history
      .filter((h) => (JSON.parse(h.data) as { reportId?: string }).reportId === accepted.id)
      .sort((a, b) => a.seq - b.seq);
    expect(ofReport.map((h) => h.action)).toEqual(['report.create', 'report.approve', 'report.accept']);
    // Named people did it: the unit's reporter and head, then the office.
    expect(ofReport.every((h) => h.actor_name)).toBe(true);
    expect(await verifyAuditChain(storage.db)).toMatchObject({ ok: true });
  });
  // Indicators and key projects (issue 11)
  it('gives every region about thirty key projects over all stages, some behind 序时, and indicator figures some of which lag', async () => {
    let regionsWithLaggingIndicators = 0;
    for (const region of await demoDistricts()) {
      const summary = await regionProgressSummary(ctx, SYSTEM_ACTOR, region.id);
      expect(summary.projects.count, region.name).toBe(30);
      for (const count of Object.values(summary.projects.byStage))
        expect(count, region.name).toBeGreaterThan(0);
      expect(summary.projects.byStatus.delayed, region.name).toBeGreaterThan(0);
      expect(summary.projects.byStatus.at_risk, region.name).toBeGreaterThan(0);
      if (summary.indicators.counts.behind > 0) regionsWithLaggingIndicators++;
    }
    expect(regionsWithLaggingIndicators).toBeGreaterThan(0);
  });

  it('gives three key projects of every region a site photo on their open month, stored as a real PNG', async () => {
    for (const region of await demoDistricts()) {
      const photos = await storage.db
        .selectFrom('attachments')
        .innerJoin('project_reports', 'project_reports.id', 'attachments.owner_id')
        .select([
          'attachments.sha256',
          'attachments.mime',
          'project_reports.status',
          'project_reports.project_id',
        ])
        .where('attachments.owner_kind', '=', 'project_report')
        .where('attachments.region_id', '=', region.id)
        .execute();
      expect(photos.length, region.name).toBe(3);
      expect(new Set(photos.map((p) => p.project_id)).size, region.name).toBe(3);
      for (const photo of photos) {
        expect([photo.mime, photo.status]).toEqual(['image/png', 'submitted']);
        expect(photoTypeOf('x.png', readFileSync(storedPath(ctx, photo.sha256)))).toBe('image/png');
      }
    }
  });

  // Accountability, fault tolerance and the experience library (issue 10 §2–3).
  it('has accountability records, a granted 容错免责 on an assessment deduction and an adopted experience', async () => {
    const regions = await demoDistricts();
    const first = regions.find((r) => r.name === '南海区')!;
    for (const region of regions)
      expect((await listAccountabilityRecords(storage.db, { regionId: region.id })).length, region.name).toBe(
        2,
      );
    const exemptions = await listExemptions(storage.db, first.id);
    expect(exemptions).toHaveLength(1);
    expect(exemptions[0]).toMatchObject({ sourceKind: 'assessment_item' });
    const library = await searchLibrary(ctx, SYSTEM_ACTOR, {});
    expect(new Set(library.items.map((e) => e.region_id)).size).toBeGreaterThanOrEqual(3);
    expect(library.items.filter((e) => e.adoption_count > 0)).toHaveLength(1);
    const found = await searchLibrary(ctx, SYSTEM_ACTOR, { q: '一窗受理' });
    expect(found.items.map((e) => e.title)).toContain('“一件事一次办”集成服务');
  });

  // Bulletins (issue 13): the archive opens with each district's latest finished quarter, published as 文号 1.
  it('publishes each district’s bulletin of the latest finished quarter of every district as 文号 1 of the year', async () => {
    for (const region of await demoDistricts()) {
      const archive = await bulletinsOf(ctx, SYSTEM_ACTOR, region.id, undefined);
      expect(archive, region.name).toHaveLength(1);
      const [bulletin] = archive;
      expect(bulletin, region.name).toMatchObject({
        status: 'published',
        period: '2026-Q3',
        template: 'tracking',
        year: 2026,
        seq: 1,
      });
      expect(bulletin!.document_number, region.name).toMatch(/〔2026〕1号$/);
      expect(bulletin!.title, region.name).toContain('第三季度');
      const notified = JSON.parse(bulletin!.notified_unit_ids!) as string[];
      expect(notified.length, region.name).toBeGreaterThan(0);
      // Each unit it names finds it in its work page, not yet read.
      const readings = await bulletinReadings(ctx, SYSTEM_ACTOR, bulletin!.id);
      expect(readings.map((r) => r.unit_id).sort(), region.name).toEqual([...notified].sort());
      expect(
        readings.every((r) => r.read_at === null),
        region.name,
      ).toBe(true);
    }
  });
});
