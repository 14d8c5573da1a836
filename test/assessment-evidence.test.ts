/**
 * Evidence files (佐证材料) on a unit's self-assessment cells and on bonus/deduction items, on both
 * dialects: uploaded by the unit, listed in the cell's basis and on the item, read by whoever reads the
 * cell or item and hidden from others, refused at the wrong stage or on an automatic item with nothing kept.
 */
import { describe, expect, it } from 'vitest';
import { multipart, ok, send, tinyPdf } from './helpers/http.js';
import { dialects } from './helpers/storage.js';
import { worldSuite } from './helpers/world.js';

interface FileJson {
  id: string;
  filename: string;
  mime: string;
  size: number;
}
interface CellJson {
  indicatorId: string;
  code: string;
  files: FileJson[];
}
interface SheetJson {
  cells: CellJson[];
  adjustments: { id: string; files: FileJson[] }[];
}
interface RoundJson {
  adjustments: { id: string; files: FileJson[] }[];
}

describe.each(dialects)('assessment evidence files on $name', (dialect) => {
  const s = worldSuite(dialect, ['office', 'leader', 'viewer', 'reporter1', 'reporter2', 'officeB']);
  let roundId = '';
  let g5 = '';
  let g1 = '';
  let adjustmentId = '';

  const sheetUrl = () => `/api/assessment-rounds/${roundId}/units/${s.w.units.dept2}`;
  const sheet = async (cookie = s.cookies.office) =>
    (await ok(s.w.app, cookie, { method: 'GET', url: sheetUrl() })).json<SheetJson>();
  const upload = (cookie: string, url: string, name = '自评佐证.pdf', bytes = tinyPdf(name)) =>
    send(s.w.app, cookie, { method: 'POST', url, ...multipart(name, bytes, 'application/pdf') });
  const cellUrl = (indicatorId: string) => `${sheetUrl()}/indicators/${indicatorId}/files`;
  const download = (cookie: string, id: string) =>
    send(s.w.app, cookie, { method: 'GET', url: `/api/attachments/${id}` });

  it('sets up a scheme with a hand-scored indicator and opens a quarter', async () => {
    const scheme = (
      await ok(s.w.app, s.cookies.office, {
        method: 'POST',
        url: `/api/regions/${s.w.regionA}/assessment-schemes`,
        payload: { year: 2026, title: '2026年度改革工作考核方案', docNo: '测改办〔2026〕5号' },
      })
    ).json<{ id: string; indicators: { id: string; code: string }[] }>();
    g1 = scheme.indicators.find((i) => i.code === 'G1')!.id;
    g5 = (
      await ok(s.w.app, s.cookies.office, {
        method: 'POST',
        url: `/api/assessment-schemes/${scheme.id}/indicators`,
        payload: {
          code: 'G5',
          category: 'specific',
          name: '教育评价改革成效',
          points: 10,
          method: 'manual',
          scoringUnitId: s.w.units.dept1,
          groupCodes: ['department'],
        },
      })
    ).json<{ id: string }>().id;
    roundId = (
      await ok(s.w.app, s.cookies.office, {
        method: 'POST',
        url: `/api/assessment-schemes/${scheme.id}/rounds`,
        payload: { period: '2026-Q2' },
      })
    ).json<{ id: string }>().id;
  });

  it('takes a unit’s evidence on its own cell before any score, and lists it in the cell', async () => {
    const res = await upload(s.cookies.reporter2, cellUrl(g5), '试点方案.pdf');
    expect(res.statusCode).toBe(201);
    const file = res.json<FileJson>();
    expect(file).toMatchObject({ filename: '试点方案.pdf', mime: 'application/pdf' });
    const cell = (await sheet(s.cookies.reporter2)).cells.find((c) => c.code === 'G5')!;
    expect(cell.files.map((f) => f.id)).toEqual([file.id]);

    // The unit, the office, oversight and the unit scoring G5 read it; another region does not.
    const body = await download(s.cookies.reporter2, file.id);
    expect(body.statusCode).toBe(200);
    expect(body.rawPayload.equals(tinyPdf('试点方案.pdf'))).toBe(true);
    for (const cookie of [s.cookies.office, s.cookies.viewer, s.cookies.reporter1])
      expect((await download(cookie, file.id)).statusCode).toBe(200);
    expect((await download(s.cookies.officeB, file.id)).statusCode).not.toBe(200);

    // A score saved afterwards keeps the evidence on the same cell.
    await ok(s.w.app, s.cookies.reporter2, {
      method: 'PUT',
      url: `${sheetUrl()}/scores`,
      payload: { stage: 'self', items: [{ indicatorId: g5, score: 8, basis: '方案已印发，见附件' }] },
    });
    expect((await sheet()).cells.find((c) => c.code === 'G5')!.files).toHaveLength(1);
  });

  it('refuses another unit, an automatic item, an unknown indicator and a file that is not evidence, keeping nothing', async () => {
    const before = await sheet();
    const cases: [string, string, string, Buffer | undefined, number, string][] = [
      [s.cookies.reporter1, cellUrl(g5), 'a.pdf', undefined, 403, 'access.forbidden'],
      [s.cookies.reporter2, cellUrl(g1), 'a.pdf', undefined, 400, 'assessment.automatic'],
      [s.cookies.reporter2, cellUrl('asi_nope'), 'a.pdf', undefined, 400, 'assessment.unknown_indicator'],
      [
        s.cookies.reporter2,
        cellUrl(g5),
        'a.exe',
        Buffer.from('MZ\x90\x00'),
        415,
        'evidence.unsupported_type',
      ],
    ];
    for (const [cookie, url, name, bytes, status, reason] of cases) {
      const res = await upload(cookie, url, name, bytes);
      expect([res.statusCode, res.json<{ error: { reason: string } }>().error.reason]).toEqual([
        status,
        reason,
      ]);
    }
    expect(await sheet()).toEqual(before);
  });

  it('takes evidence on a bonus item from its unit, shown to the office and hidden from other units', async () => {
    adjustmentId = (
      await ok(s.w.app, s.cookies.reporter2, {
        method: 'POST',
        url: `/api/assessment-rounds/${roundId}/adjustments`,
        payload: {
          unitId: s.w.units.dept2,
          kind: 'bonus',
          points: 3,
          reason: '通报表扬',
          evidence: '见附件',
        },
      })
    ).json<{ id: string }>().id;
    const res = await upload(
      s.cookies.reporter2,
      `/api/assessment-adjustments/${adjustmentId}/files`,
      '表扬通报.pdf',
    );
    expect(res.statusCode).toBe(201);
    const file = res.json<FileJson>();
    const round = (
      await ok(s.w.app, s.cookies.office, { method: 'GET', url: `/api/assessment-rounds/${roundId}` })
    ).json<RoundJson>();
    expect(round.adjustments.find((a) => a.id === adjustmentId)!.files.map((f) => f.filename)).toEqual([
      '表扬通报.pdf',
    ]);
    expect((await sheet(s.cookies.reporter2)).adjustments[0]!.files).toHaveLength(1);
    expect((await download(s.cookies.office, file.id)).statusCode).toBe(200);
    expect((await download(s.cookies.reporter1, file.id)).statusCode).toBe(404);
  });

  it('closes self-assessment evidence after 自评 and item evidence from 公示', async () => {
    const advance = () =>
      ok(s.w.app, s.cookies.office, { method: 'POST', url: `/api/assessment-rounds/${roundId}/advance` });
    await advance();
    const late = await upload(s.cookies.reporter2, cellUrl(g5));
    expect(late.json<{ error: { reason: string } }>().error.reason).toBe('assessment.stage_closed');
    await advance();
    await advance();
    const closed = await upload(s.cookies.office, `/api/assessment-adjustments/${adjustmentId}/files`);
    expect(closed.json<{ error: { reason: string } }>().error.reason).toBe('assessment.adjustments_closed');
    expect((await sheet()).cells.find((c) => c.code === 'G5')!.files).toHaveLength(1);
  });
});
