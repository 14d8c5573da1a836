import { describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph } from 'docx';
import { DocumentError, readProgrammeDocument } from './programme-reader.js';

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
    const doc = await readProgrammeDocument(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PROSE, 'utf8')]), 'a.txt');
    expect(doc).toEqual({ text: PROSE, format: 'text' });
  });

  it('reads GB18030 text', async () => {
    // "南海区工作要点" in GB18030, encoded by hand (Node has no GB18030 encoder).
    const gb = Buffer.from([0xc4, 0xcf, 0xba, 0xa3, 0xc7, 0xf8, 0xb9, 0xa4, 0xd7, 0xf7, 0xd2, 0xaa, 0xb5, 0xe3]);
    const doc = await readProgrammeDocument(gb, 'b.txt');
    expect(doc.text).toBe('南海区工作要点');
  });

  it('reads a .docx', async () => {
    const file = new Document({ sections: [{ children: [new Paragraph('某区2025年工作要点'), new Paragraph('一、扩大有效投资。新开工项目30个。')] }] });
    const bytes = await Packer.toBuffer(file);
    const doc = await readProgrammeDocument(bytes, 'plan.docx');
    expect(doc.format).toBe('docx');
    expect(doc.text).toContain('一、扩大有效投资。新开工项目30个。');
  });

  it('reads .html without scripts, styles or tags, one block a line', async () => {
    const html = '<html><head><title>某区工作要点</title><style>p{}</style></head><body><script>var a=1;</script><h1>某区工作要点</h1><p>一、扩大投资。新开工项目30个&nbsp;。</p><table><tr><td>1</td><td>任务</td></tr></table></body></html>';
    const doc = await readProgrammeDocument(Buffer.from(html, 'utf8'), 'page.html');
    expect(doc.format).toBe('html');
    expect(doc.text.split('\n')).toEqual(['某区工作要点', '一、扩大投资。新开工项目30个\u00a0。', '1\t任务']);
  });

  it('refuses empty, binary, non-Chinese and unsupported input with a stable code', async () => {
    expect(await code(readProgrammeDocument(Buffer.alloc(0)))).toBe('empty_document');
    expect(await code(readProgrammeDocument(Buffer.from('   \n\n')))).toBe('empty_document');
    expect(await code(readProgrammeDocument(Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0x00])))).toBe('binary_document');
    expect(await code(readProgrammeDocument(Buffer.from('This is an English memo about budgets.', 'utf8')))).toBe('not_chinese_prose');
    expect(await code(readProgrammeDocument(Buffer.from('%PDF-1.7 ...'), 'a.pdf'))).toBe('unsupported_format');
    expect(await code(readProgrammeDocument(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]), 'a.docx'))).toBe('unsupported_format');
  });

  it('gives a one-line Chinese and English message', async () => {
    const err = await readProgrammeDocument(Buffer.alloc(0)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DocumentError);
    expect((err as DocumentError).message).toMatch(/^文件为空 \/ the document is empty$/);
  });
});
