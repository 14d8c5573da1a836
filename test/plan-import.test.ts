import { readFileSync } from 'node:fs';
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { multipart } from './helpers/http.js';
import { SEEDS_DIR, sharedCorpusPresent } from './helpers/seed-corpus.js';
import { dialects } from './helpers/storage.js';
import { login, worldSuite } from './helpers/world.js';

const haveSeeds = sharedCorpusPresent('plan import', ['corpus/seeds']);
const seed = (name: string) => readFileSync(`${SEEDS_DIR}${name}`, 'utf8');

describe.each(dialects)('plan import on $name', (dialect) => {
  const suite = worldSuite(dialect, ['office']);

  const planCount = async () =>
    (
      await suite.w.app.inject({
        method: 'GET',
        url: `/api/regions/${suite.w.regionA}/plans`,
        headers: { cookie: suite.cookies.office },
      })
    ).json().length as number;

  it.skipIf(!haveSeeds)(
    'imports a speech: ten areas from the part that sets out the work, 2025 targets only, nothing of 2024',
    async () => {
      const res = await suite.w.app.inject({
        method: 'POST',
        url: `/api/regions/${suite.w.regionA}/plans/import`,
        headers: { cookie: suite.cookies.office },
        payload: { text: seed('004_4f94e30b763fd5fa.txt'), filename: 'speech.txt' },
      });
      expect(res.statusCode).toBe(201);
      const body = res.json();
      expect(body.plan.status).toBe('draft');
      expect(body.plan.year).toBe(2025);
      expect(body.areas).toHaveLength(10);
      expect(body.areas[0].title).toContain('实体支撑');
      expect(body.tasks.length).toBeGreaterThanOrEqual(10);
      const growth = body.targets.filter(
        (t: { measure: string; period: string | null }) => t.measure === 'growth' && t.period === '2025',
      );
      expect(growth.map((t: { indicator: string }) => t.indicator)).toEqual(
        expect.arrayContaining(['地区生产总值', '规模以上工业增加值', '社会消费品零售总额']),
      );
      expect(growth).toHaveLength(6);
      // They stand above the ten areas, so they belong to the plan as a whole.
      for (const t of growth) expect(t.areaId).toBeNull();
      expect(body.targets.every((t: { period: string | null }) => t.period !== '2024')).toBe(true);
      // Every row keeps where it came from.
      for (const t of body.tasks) expect(t.source.end).toBeGreaterThan(t.source.start);
      // The suite.cookies.office sees the draft; a unit does not.
      const ledger = await suite.w.app.inject({
        method: 'GET',
        url: `/api/plans/${body.plan.id}/tasks`,
        headers: { cookie: suite.cookies.office },
      });
      expect(ledger.json()).toHaveLength(body.tasks.length);
      // The ledger keeps each task's span, so the review can come back to the draft another day.
      const spans = new Map(body.tasks.map((t: { id: string; source: unknown }) => [t.id, t.source]));
      for (const row of ledger.json<{ id: string; source: unknown }[]>())
        expect(row.source).toEqual(spans.get(row.id));
      const reporter = await login(suite.w.app, suite.w.usernames.reporter1);
      expect(
        (
          await suite.w.app.inject({
            method: 'GET',
            url: `/api/plans/${body.plan.id}/tasks`,
            headers: { cookie: reporter },
          })
        ).statusCode,
      ).toBe(404);
      const task = await suite.w.app.inject({
        method: 'GET',
        url: `/api/tasks/${body.tasks[3].id}`,
        headers: { cookie: suite.cookies.office },
      });
      expect(task.json().source.paragraph.length).toBeGreaterThan(0);
    },
  );

  it.skipIf(!haveSeeds)('imports a congress report as its six areas, from an uploaded .docx', async () => {
    const text = seed('003_3f42d803b2d7e6db.txt');
    const doc = new Document({
      sections: [{ children: text.split('\n').map((line) => new Paragraph(line)) }],
    });
    const bytes = await Packer.toBuffer(doc);
    const { payload, headers } = multipart('源城区党代会报告.docx', bytes);
    const res = await suite.w.app.inject({
      method: 'POST',
      url: `/api/regions/${suite.w.regionA}/plans/import`,
      headers: { cookie: suite.cookies.office, ...headers },
      payload,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().areas).toHaveLength(6);
    expect(res.json().plan.sourceName).toBe('源城区党代会报告.docx');
  });

  // The same path on a document the repository ships, so it is checked where ../shared is absent too.
  it('imports a bundled programme: ten areas, the year targets above them, every task with its span', async () => {
    const text = readFileSync(
      new URL('../demo/programmes/zjkfq-2026-key-tasks.txt', import.meta.url),
      'utf8',
    );
    const res = await suite.w.app.inject({
      method: 'POST',
      url: `/api/regions/${suite.w.regionA}/plans/import`,
      headers: { cookie: suite.cookies.office },
      payload: { text, filename: 'zjkfq-2026-key-tasks.txt' },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.plan).toMatchObject({ status: 'draft', year: 2026 });
    expect(body.areas).toHaveLength(10);
    expect(body.tasks).toHaveLength(37);
    const growth = body.targets.filter(
      (t: { measure: string; period: string | null }) => t.measure === 'growth' && t.period === '2026',
    );
    expect(growth.map((t: { indicator: string }) => t.indicator)).toEqual(
      expect.arrayContaining(['地区生产总值', '规模以上工业增加值', '社会消费品零售总额']),
    );
    expect(growth).toHaveLength(6);
    for (const t of growth) expect(t.areaId).toBeNull();
    for (const t of body.tasks) expect(t.source.end).toBeGreaterThan(t.source.start);
  });

  it('matches lead units to the region and proposes unknown ones instead of dropping them', async () => {
    const text = [
      '测试区2026年改革工作要点',
      '一、经济体制改革',
      '1.推进投资审批改革(牵头单位:区发展和改革局)',
      '2.推进数据要素改革(牵头单位:区数据资源局)',
      '二、社会体制改革',
      '1.深化教育评价改革(牵头单位:区教育局)',
    ].join('\n');
    const res = await suite.w.app.inject({
      method: 'POST',
      url: `/api/regions/${suite.w.regionA}/plans/import`,
      headers: { cookie: suite.cookies.office },
      payload: { text },
    });
    expect(res.statusCode).toBe(201);
    const tasks = res.json().tasks as {
      title: string;
      leadUnitId: string | null;
      proposedLeadUnit: string | null;
    }[];
    expect(tasks.find((t) => t.title.includes('投资审批'))!.leadUnitId).toBe(suite.w.units.dept1);
    expect(tasks.find((t) => t.title.includes('教育评价'))!.leadUnitId).toBe(suite.w.units.dept2);
    const unknown = tasks.find((t) => t.title.includes('数据要素'))!;
    expect(unknown.leadUnitId).toBeNull();
    expect(unknown.proposedLeadUnit).toBe('区数据资源局');
    const ledger = await suite.w.app.inject({
      method: 'GET',
      url: `/api/plans/${res.json().plan.id as string}/tasks`,
      headers: { cookie: suite.cookies.office },
    });
    expect(ledger.json().find((t: { title: string }) => t.title.includes('数据要素')).proposedLeadUnit).toBe(
      '区数据资源局',
    );
    expect(res.json().unmatchedUnits.map((u: { name: string }) => u.name)).toContain('区数据资源局');
  });

  it('stores a task whose time limit says 长期坚持 as ongoing, without a due date', async () => {
    const text = [
      '测试区2026年改革工作要点',
      '一、经济体制改革',
      '1.推进投资审批改革。建立并联审批机制。（牵头单位：区发展和改革局；完成时限：长期坚持）',
      '2.推进数据要素改革。建设数据平台。（牵头单位：区教育局；完成时限：2026年9月底前）',
    ].join('\n');
    const res = await suite.w.app.inject({
      method: 'POST',
      url: `/api/regions/${suite.w.regionA}/plans/import`,
      headers: { cookie: suite.cookies.office },
      payload: { text },
    });
    expect(res.statusCode).toBe(201);
    const ledger = await suite.w.app.inject({
      method: 'GET',
      url: `/api/plans/${res.json().plan.id as string}/tasks`,
      headers: { cookie: suite.cookies.office },
    });
    const rows = ledger.json<{ title: string; dueDate: string | null; ongoing: boolean }[]>();
    expect(rows.map((t) => [t.dueDate, t.ongoing])).toEqual([
      [null, true],
      ['2026-09-30', false],
    ]);
  });

  it('refuses bad files with the stable codes and writes nothing', async () => {
    const before = await planCount();
    const empty = multipart('empty.txt', Buffer.alloc(0));
    const r1 = await suite.w.app.inject({
      method: 'POST',
      url: `/api/regions/${suite.w.regionA}/plans/import`,
      headers: { cookie: suite.cookies.office, ...empty.headers },
      payload: empty.payload,
    });
    expect(r1.statusCode).toBe(422);
    expect(r1.json().error.code).toBe('unprocessable_document');
    const binary = multipart('data.txt', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)));
    const r2 = await suite.w.app.inject({
      method: 'POST',
      url: `/api/regions/${suite.w.regionA}/plans/import`,
      headers: { cookie: suite.cookies.office, ...binary.headers },
      payload: binary.payload,
    });
    expect(r2.statusCode).toBe(422);
    const english = await suite.w.app.inject({
      method: 'POST',
      url: `/api/regions/${suite.w.regionA}/plans/import`,
      headers: { cookie: suite.cookies.office },
      payload: { text: 'This is an English memo about nothing in particular. '.repeat(20) },
    });
    expect(english.statusCode).toBe(422);
    const exe = multipart('setup.exe', Buffer.from('MZ\x90\x00binary'));
    const r3 = await suite.w.app.inject({
      method: 'POST',
      url: `/api/regions/${suite.w.regionA}/plans/import`,
      headers: { cookie: suite.cookies.office, ...exe.headers },
      payload: exe.payload,
    });
    expect(r3.statusCode).toBe(415);
    expect(await planCount()).toBe(before);
  });

  it('lets only the region’s suite.cookies.office import', async () => {
    const reporter = await login(suite.w.app, suite.w.usernames.reporter1);
    const res = await suite.w.app.inject({
      method: 'POST',
      url: `/api/regions/${suite.w.regionA}/plans/import`,
      headers: { cookie: reporter },
      payload: { text: '一、改革任务\n1.推进改革' },
    });
    expect(res.statusCode).toBe(403);
    const officeB = await login(suite.w.app, suite.w.usernames.officeB);
    const cross = await suite.w.app.inject({
      method: 'POST',
      url: `/api/regions/${suite.w.regionA}/plans/import`,
      headers: { cookie: officeB },
      payload: { text: '一、改革任务\n1.推进改革' },
    });
    expect(cross.statusCode).toBe(403);
  });
});
