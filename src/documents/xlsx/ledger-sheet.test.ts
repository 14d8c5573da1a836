import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readLedger } from '../../domain/ledger-rows.js';
import { writeLedgerWorkbook, type LedgerSheetLine } from './ledger-sheet.js';
import { readWorkbook } from './workbook-reader.js';

const green = { background: '#2fa84f', text: '#ffffff' };
const task = (id: string, code: string, title: string): LedgerSheetLine => ({
  kind: 'task',
  id,
  code,
  title,
  measures: `${title}的举措`,
  leadUnit: '区发展和改革局',
  coUnits: '区财政局、区教育局',
  leader: '张三',
  due: '2025-06-30',
  output: '制度文件',
  progress: ['一月进展'],
  status: { label: '正常推进', fill: green },
  problems: '',
  nextSteps: '',
  remark: '',
});

describe('the ledger sheet', () => {
  it('writes the office layout and reads back every task', async () => {
    const bytes = await writeLedgerWorkbook({
      title: '测试区2025年重点改革任务推进台账',
      info: ['填报单位：区委改革办', '截至5月底', '填报日期：2025年6月1日'],
      cadence: 'monthly',
      lines: [
        { kind: 'area', text: '一、营商环境' },
        task('task_a', '1', '深化审批改革'),
        task('task_b', '1.1', '推行一网通办'),
        { kind: 'area', text: '二、民生事业' },
        task('task_c', '2', '推进教育集团化'),
      ],
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('测试区2025年重点改革任务推进台账');
    expect(ws.getCell('I3').value).toBe('进展情况');
    expect(ws.getCell('I4').value).toBe('1月');
    expect(ws.getCell('T4').value).toBe('12月');
    expect(ws.getColumn(25).hidden).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '3:4' });
    expect(ws.getCell('U6').fill).toMatchObject({ fgColor: { argb: 'FF2FA84F' } });

    const grids = await readWorkbook(bytes);
    const read = readLedger(grids, 2020);
    if (!read.ok) throw new Error('header not found');
    expect(read.ledger.year).toBe(2025);
    expect(read.ledger.areas.map((a) => [a.code, a.title])).toEqual([
      ['一', '营商环境'],
      ['二', '民生事业'],
    ]);
    expect(read.ledger.lines.map((l) => [l.id, l.code, l.title, l.areaIndex, l.parentCode])).toEqual([
      ['task_a', '1', '深化审批改革', 0, null],
      ['task_b', '1.1', '推行一网通办', 0, '1'],
      ['task_c', '2', '推进教育集团化', 1, null],
    ]);
    expect(read.ledger.lines[0]).toMatchObject({
      lead: ['区发展和改革局'],
      co: ['区财政局', '区教育局'],
      due: { kind: 'date', date: '2025-06-30' },
      leader: '张三',
      output: '制度文件',
    });
    expect(read.ledger.issues).toEqual([]);
  });
});
