/**
 * Bad spreadsheets get a clear refusal and change nothing: not an .xlsx (415), a zip bomb (413, found by
 * its size before it is inflated for reading), a password-protected workbook, 100,000 rows (past the
 * documented 10,000), a sheet without a header it can find (422 naming the columns it looked for). A
 * formula gives its cached value and an external link is never followed.
 */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { multipart, send } from './helpers/http.js';
import { dialects } from './helpers/storage.js';
import { worldSuite } from './helpers/world.js';
import { XLSX_MIME, xlsxBytes } from './helpers/xlsx.js';
import { buildZip, deflatedZeros } from './helpers/zip-builder.js';

const WORKBOOK =
  '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>';
const RELS =
  '<Relationships><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>';

/** An .xlsx whose first sheet is `sheet` (raw entry fields, so it can be a bomb). */
function xlsxWithSheet(sheet: {
  data?: Buffer;
  deflated?: Buffer;
  size?: number;
  declaredSize?: number;
}): Buffer {
  return buildZip([
    { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
    { name: 'xl/workbook.xml', data: Buffer.from(WORKBOOK) },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(RELS) },
    { name: 'xl/worksheets/sheet1.xml', ...sheet },
  ]);
}

function manyRows(n: number): Buffer {
  const rows = [
    '<row r="1"><c r="A1" t="inlineStr"><is><t>任务</t></is></c><c r="B1" t="inlineStr"><is><t>牵头单位</t></is></c><c r="C1" t="inlineStr"><is><t>完成时限</t></is></c></row>',
  ];
  for (let r = 2; r <= n + 1; r++)
    rows.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>任务${r}</t></is></c></row>`);
  return Buffer.from(`<worksheet><sheetData>${rows.join('')}</sheetData></worksheet>`);
}

/** What Excel writes for a workbook with an open password: an OLE compound file holding EncryptedPackage. */
function encryptedWorkbook(): Buffer {
  const head = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return Buffer.concat([
    head,
    Buffer.alloc(504),
    Buffer.from('EncryptionInfo', 'utf16le'),
    Buffer.from('EncryptedPackage', 'utf16le'),
    Buffer.alloc(2048),
  ]);
}

describe.each(dialects)('bad spreadsheets on $name', (dialect) => {
  const s = worldSuite(dialect, ['office']);

  const attempt = async (name: string, bytes: Buffer, mime = XLSX_MIME) => {
    const before = await s.storage.dataVersion();
    const res = await send(s.w.app, s.cookies.office, {
      method: 'POST',
      url: `/api/regions/${s.w.regionA}/ledger-imports?apply=true`,
      ...multipart(name, bytes, mime),
    });
    expect(await s.storage.dataVersion()).toBe(before);
    return res;
  };

  it('answers 415 to a file that is not an .xlsx', async () => {
    for (const [name, bytes] of [
      ['台账.xlsx', Buffer.from('序号,任务,牵头单位\n1,任务,区教育局\n')],
      ['台账.csv', Buffer.from('序号,任务\n')],
      [
        '台账.xls',
        Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]),
      ],
    ] as const) {
      const res = await attempt(name, bytes);
      expect(res.statusCode, name).toBe(415);
      expect(res.json()).toMatchObject({ error: { reason: 'xlsx.not_xlsx' } });
    }
  });

  it.each([
    ['honest about its size', undefined],
    ['lying about its size', 1024],
  ])('answers 413 to a zip bomb %s', async (_name, declaredSize) => {
    const mib = 1024;
    const bomb = xlsxWithSheet({ deflated: deflatedZeros(mib), size: mib * 2 ** 20, declaredSize });
    expect(bomb.length).toBeLessThan(4 << 20);
    const res = await attempt('台账.xlsx', bomb);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ error: { reason: 'xlsx.too_large_uncompressed' } });
  });

  it('refuses a password-protected workbook with a reason the office can act on', async () => {
    const res = await attempt('台账.xlsx', encryptedWorkbook());
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error: { reason: 'xlsx.encrypted' } });
  });

  it('refuses 100,000 rows, past the limit of 10,000', async () => {
    const res = await attempt('台账.xlsx', xlsxWithSheet({ data: manyRows(100_000) }));
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ error: { reason: 'xlsx.too_many_rows', params: { max: 10_000 } } });
  });

  it('answers 422 naming the columns it looked for when no header is found', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['姓名', '电话']);
    const res = await attempt('台账.xlsx', await xlsxBytes(wb));
    expect(res.statusCode).toBe(422);
    const body = res.json<{ error: { reason: string; params: { columns: string } } }>();
    expect(body.error.reason).toBe('xlsx.header_not_found');
    expect(body.error.params.columns).toContain('完成时限/时间节点');
    expect(body.error.params.columns).toContain('牵头单位/主责单位');
  });

  it('takes formulas by their values and never follows an external link', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['序号', '任务', '牵头单位', '完成时限']);
    ws.addRow([
      '1',
      { formula: 'CONCATENATE("推进","公式改革")', result: '推进公式改革' },
      '区教育局',
      '2026-08-31',
    ]);
    ws.addRow([
      '2',
      { formula: "'[机密.xlsx]Sheet1'!A1", result: '外部链接任务' },
      { text: '区教育局', hyperlink: 'http://127.0.0.1:9/never-fetched' },
      { formula: 'DATE(2026,9,30)', result: new Date(Date.UTC(2026, 8, 30)) },
    ]);
    ws.getCell('D3').numFmt = 'yyyy/m/d';
    const res = await send(s.w.app, s.cookies.office, {
      method: 'POST',
      url: `/api/regions/${s.w.regionA}/ledger-imports`,
      ...multipart('公式.xlsx', await xlsxBytes(wb), XLSX_MIME),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      errors: [],
      created: [
        { row: 2, title: '推进公式改革' },
        { row: 3, title: '外部链接任务' },
      ],
    });
  });
});
