import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph } from 'docx';
import { DocumentError, readProgrammeDocument } from './programme-reader.js';
import { extract } from '../extract/index.js';
import { buildZip, deflatedZeros, docxLike, xlsxLike } from '../../test/helpers/zip-builder.js';

const PROSE = '南海区2025年工作要点。全区地区生产总值增长6%左右。';

async function code(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (err) {
    return err instanceof DocumentError ? err.code : 'other';
  }
}

describe('readProgrammeDocument', () => {
  it('reads UTF-8 text and strips a BOM', async () => {
    const doc = await readProgrammeDocument(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PROSE, 'utf8')]),
      'a.txt',
    );
    expect(doc).toEqual({ text: PROSE, format: 'text' });
  });

  it('reads GB18030 text', async () => {
    // "南海区工作要点" in GB18030, encoded by hand (Node has no GB18030 encoder).
    const gb = Buffer.from([
      0xc4, 0xcf, 0xba, 0xa3, 0xc7, 0xf8, 0xb9, 0xa4, 0xd7, 0xf7, 0xd2, 0xaa, 0xb5, 0xe3,
    ]);
    const doc = await readProgrammeDocument(gb, 'b.txt');
    expect(doc.text).toBe('南海区工作要点');
  });

  it('reads a .docx', async () => {
    const file = new Document({
      sections: [
        {
          children: [
            new Paragraph('某区2025年工作要点'),
            new Paragraph('一、扩大有效投资。新开工项目30个。'),
          ],
        },
      ],
    });
    const bytes = await Packer.toBuffer(file);
    const doc = await readProgrammeDocument(bytes, 'plan.docx');
    expect(doc.format).toBe('docx');
    expect(doc.text).toContain('一、扩大有效投资。新开工项目30个。');
  });

  it('reads .html without scripts, styles or tags, one block a line', async () => {
    const html =
      '<html><head><title>某区工作要点</title><style>p{}</style></head><body><script>var a=1;</script><h1>某区工作要点</h1><p>一、扩大投资。新开工项目30个&nbsp;。</p><table><tr><td>1</td><td>任务</td></tr></table></body></html>';
    const doc = await readProgrammeDocument(Buffer.from(html, 'utf8'), 'page.html');
    expect(doc.format).toBe('html');
    expect(doc.text.split('\n')).toEqual(['某区工作要点', '一、扩大投资。新开工项目30个\u00a0。', '1\t任务']);
  });

  it('refuses empty, binary, non-Chinese and unsupported input with a stable code', async () => {
    expect(await code(readProgrammeDocument(Buffer.alloc(0)))).toBe('empty_document');
    expect(await code(readProgrammeDocument(Buffer.from('   \n\n')))).toBe('empty_document');
    expect(await code(readProgrammeDocument(Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0x00])))).toBe(
      'binary_document',
    );
    expect(
      await code(readProgrammeDocument(Buffer.from('This is an English memo about budgets.', 'utf8'))),
    ).toBe('not_chinese_prose');
    expect(await code(readProgrammeDocument(Buffer.from('%PDF-1.7 ...'), 'a.pdf'))).toBe(
      'unsupported_format',
    );
    expect(await code(readProgrammeDocument(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]), 'a.docx'))).toBe(
      'unreadable_document',
    );
  });

  it('gives a one-line Chinese and English message', async () => {
    const err = await readProgrammeDocument(Buffer.alloc(0)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DocumentError);
    expect((err as DocumentError).message).toMatch(/^文件为空 \/ the document is empty$/);
  });
});

describe('hostile and broken archives', () => {
  it('refuses a decompression bomb before inflating it, whether its headers tell the truth or not', async () => {
    const honest = docxLike({ deflated: deflatedZeros(200), size: 200 << 20 });
    expect(honest.length).toBeLessThan(400_000);
    expect(await code(readProgrammeDocument(honest, 'plan.docx'))).toBe('too_large_uncompressed');
    const liar = docxLike({ deflated: deflatedZeros(200), size: 200 << 20, declaredSize: 2048 });
    expect(await code(readProgrammeDocument(liar, 'plan.docx'))).toBe('too_large_uncompressed');
    expect(await code(readProgrammeDocument(liar))).toBe('too_large_uncompressed');
  });

  it('refuses extracted text past the cap', async () => {
    const long = '南海区工作要点。'.repeat(300_000);
    expect(await code(readProgrammeDocument(Buffer.from(long, 'utf8'), 'long.txt'))).toBe('text_too_long');
  });

  it('calls a broken .docx unreadable (422), and keeps unsupported_format for types not accepted (415)', async () => {
    const real = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph(PROSE)] }] }));
    const broken = [
      real.subarray(0, real.length - 40),
      Buffer.concat([real.subarray(0, 300), Buffer.alloc(400, 0x41), real.subarray(700)]),
      buildZip([{ name: 'readme.txt', data: Buffer.from(PROSE) }]),
      docxLike({ data: Buffer.from('<not-a-document') }),
    ];
    for (const bytes of broken) {
      expect(await code(readProgrammeDocument(bytes, 'plan.docx'))).toBe('unreadable_document');
      expect(await code(readProgrammeDocument(bytes))).toBe('unreadable_document');
    }
    expect(await code(readProgrammeDocument(Buffer.from(PROSE, 'utf8'), 'plan.docx'))).toBe(
      'unreadable_document',
    );
    expect(await code(readProgrammeDocument(xlsxLike(), 'book.xlsx'))).toBe('unsupported_format');
    expect(await code(readProgrammeDocument(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]), 'a.png'))).toBe(
      'unsupported_format',
    );
  });
});

describe('reader and extraction together', () => {
  const fixture = (name: string): Buffer =>
    readFileSync(new URL(`../extract/fixtures/${name}`, import.meta.url));

  it('a GB18030 .txt with CRLF line ends extracts as its UTF-8 original does', async () => {
    const doc = await readProgrammeDocument(fixture('gov-work-report.gb18030.txt'), 'report.txt');
    const a = extract(doc.text);
    const b = extract(fixture('gov-work-report.txt').toString('utf8'));
    expect(a.title).toBe('2025年青川县人民政府工作报告');
    expect(a.outline.map((n) => n.title)).toEqual(b.outline.map((n) => n.title));
    expect(a.targets.map((q) => [q.indicator, q.value, q.unit, q.stretch])).toEqual(
      b.targets.map((q) => [q.indicator, q.value, q.unit, q.stretch]),
    );
    // Spans point into the decoded text, CRs included.
    const [q] = a.targets;
    expect(doc.text.slice(q!.span[0], q!.span[1])).toContain('5.5%');
  });

  it('a .docx made with the docx package: one paragraph a line, numbering typed in the text', async () => {
    const lines = fixture('work-points-inline.txt').toString('utf8').trimEnd().split('\n');
    const file = new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] });
    const doc = await readProgrammeDocument(await Packer.toBuffer(file), 'points.docx');
    const x = extract(doc.text);
    expect(x.title).toBe('中共白沙镇委员会2025年工作要点');
    expect(x.outline.map((n) => `${n.marker}${n.title}`)).toEqual([
      '一、聚焦产业振兴',
      '二、改善人居环境',
      '三、加强基层治理',
      '四、从严管党治党',
    ]);
    expect(x.outline[0]!.children[0]!.children.map((n) => n.marker)).toEqual(['①', '②', '③']);
    expect(x.counts).toMatchObject([{ areas: 4, tasks: 12 }]);
  });

  it('an .html page: navigation, share widgets and footer are not part of the document', async () => {
    const body = fixture('gov-work-report.txt')
      .toString('utf8')
      .trimEnd()
      .split('\n')
      .map((l) => `<p>${l}</p>`)
      .join('\n');
    const html = `<!DOCTYPE html><html><head><title>2025年青川县人民政府工作报告_青川县人民政府门户网站</title></head><body>
<nav><a href="/">首页</a> | <a href="/zwgk">政务公开</a></nav>
<div class="crumb">首页 &gt; 政务公开 &gt; 政府工作报告</div>
<div class="meta">发布时间：2025-01-20 &nbsp; 来源：县政府办公室 &nbsp; 字号：大 中 小</div>
<div class="article">${body}</div>
<div class="share">分享到：</div><p>【打印本页】【关闭窗口】</p>
<div class="related"><h4>相关阅读</h4><ul><li>青川县召开2025年一季度经济运行分析会</li><li>全县新增就业3000人</li></ul></div>
<footer>版权所有：青川县人民政府 ICP备12345678号</footer></body></html>`;
    const doc = await readProgrammeDocument(Buffer.from(html, 'utf8'), 'report.html');
    const x = extract(doc.text);
    const plain = extract(fixture('gov-work-report.txt').toString('utf8'));
    expect(x.title).toBe('2025年青川县人民政府工作报告');
    expect(x.outline.map((n) => n.title)).toEqual(plain.outline.map((n) => n.title));
    expect(x.targets.length).toBe(plain.targets.length);
    expect(x.actuals.length).toBe(plain.actuals.length);
  });
});
