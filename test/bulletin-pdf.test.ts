/**
 * The bulletin every demo district publishes for its latest finished quarter, rendered by LibreOffice and
 * checked from the PDF itself: A4 pages, every word inside the 156 × 225 mm text block at 37/28 mm (page
 * numbers below it), "— N —" right on odd pages and left on even ones, the 文号 and title on page 1, the
 * attachment tables, and the 版记 at the foot of the last page, an even one, with no page number.
 * SQLite only: the document does not depend on the dialect (test/bulletins.test.ts checks the figures on both).
 * The page images are left in BULLETIN_PNG_DIR (default: a temporary folder) to be looked at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Storage } from '../src/db/connection.js';
import { listRegions } from '../src/db/repositories/region-repository.js';
import { loadDemoWorkspace } from '../src/demo/load-demo.js';
import { MARGIN_MM, TEXT_BLOCK_MM } from '../src/documents/bulletin/layout.js';
import { SYSTEM_ACTOR } from '../src/services/actor.js';
import { bulletinDocx, bulletinPdf, bulletinsOf, bulletinView } from '../src/services/bulletin-service.js';
import type { ServiceContext } from '../src/services/context.js';
import { PT_PER_MM, readPdfLayout, type PdfPage } from './helpers/pdf-layout.js';
import { dialects } from './helpers/storage.js';

const NOW = new Date('2026-11-21T02:00:00Z');
/** Rounding of font boxes: a glyph's box may reach a little past the line it is set on. */
const SLACK_PT = 2;
/**
 * One 3号 character (15.75 pt as set) and the slack: how far a closing mark ending a line may reach into the
 * right margin. LibreOffice 7.4 hangs it there whatever the .docx says: measured on 南海区's bulletin, three
 * lines end 15.1–16.1 pt past the edge with w:overflowPunct="0" on every paragraph, and the same with it in
 * the document defaults, with w:kinsoku="0", w:topLinePunct="0", zh-CN as the East Asian language and
 * noPunctuationKerning (Word honours w:overflowPunct and keeps the mark inside).
 */
const HANGING_PT = 16.5;
/** The line pitch of the body's grid: 225 mm / 22 lines. */
const LINE_PT = (TEXT_BLOCK_MM.height / 22) * PT_PER_MM;
const BLOCK = {
  left: MARGIN_MM.left * PT_PER_MM,
  right: (MARGIN_MM.left + TEXT_BLOCK_MM.width) * PT_PER_MM,
  top: MARGIN_MM.top * PT_PER_MM,
  bottom: (MARGIN_MM.top + TEXT_BLOCK_MM.height) * PT_PER_MM,
};

const pageNumberLine = (page: PdfPage) =>
  page.lines.find((l) => /^—\d+—$/.test(l.text) && l.yMin > BLOCK.bottom);

describe('bulletin PDF of each demo region', () => {
  let storage: Storage;
  let ctx: ServiceContext;
  const out = process.env.BULLETIN_PNG_DIR ?? mkdtempSync(join(tmpdir(), 'taizhang-bulletin-png-'));

  beforeAll(async () => {
    vi.stubEnv('TAIZHANG_SEEDS_DIR', undefined);
    storage = await dialects[0]!.open();
    ctx = { storage, filesDir: mkdtempSync(join(tmpdir(), 'taizhang-bulletin-files-')), now: () => NOW };
    await loadDemoWorkspace(ctx, { password: 'demo-password-1' });
  }, 180_000);
  afterAll(async () => {
    vi.unstubAllEnvs();
    await storage.close();
  });

  it(
    'renders the latest quarter of every region to a GB/T 9704 page layout',
    { timeout: 300_000 },
    async () => {
      // The province and its cities follow the districts below them and publish no bulletin of their own here.
      const regions = (await listRegions(storage.db)).filter((r) => r.kind !== '省' && r.kind !== '市');
      expect(regions).toHaveLength(4);
      for (const region of regions) {
        // The demo publishes it (文号 1 of the year): what the archive offers for download.
        const [published] = await bulletinsOf(ctx, SYSTEM_ACTOR, region.id, undefined);
        expect(published?.status, region.name).toBe('published');
        const view = await bulletinView(ctx, SYSTEM_ACTOR, published!.id);
        const { docx } = await bulletinDocx(ctx, SYSTEM_ACTOR, view.row.id);
        const { pdf } = await bulletinPdf(ctx, SYSTEM_ACTOR, view.row.id);
        const dir = join(out, region.name);
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, 'bulletin.docx'), docx);
        writeFileSync(join(dir, 'bulletin.pdf'), pdf);
        execFileSync('pdftoppm', ['-r', '50', '-png', join(dir, 'bulletin.pdf'), join(dir, 'page')]);

        expect(execFileSync('pdfinfo', [join(dir, 'bulletin.pdf')], { encoding: 'utf8' })).toMatch(
          /Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/,
        );
        const pages = readPdfLayout(join(dir, 'bulletin.pdf'));
        expect(pages.length).toBeGreaterThan(2);
        // §7.4.1 / §7.5: the 版记 ends the document on an even page (the back of the last sheet) at the foot of
        // the text block; that page, and a blank page put before it to make it even, carry no page number.
        const last = pages.length - 1;
        expect(pages.length % 2, `${region.name}: ${pages.length} pages`).toBe(0);
        const imprintText = pages[last]!.lines.map((l) => l.text).join('');
        expect(imprintText, region.name).toMatch(/^抄送：/);
        expect(imprintText, region.name).toContain(view.print.issuer);
        expect(imprintText, region.name).toMatch(/\d{4}年\d{1,2}月\d{1,2}日印发$/);
        const issued = pages[last]!.lines.at(-1)!;
        expect(issued.yMax, region.name).toBeGreaterThan(BLOCK.bottom - LINE_PT / 2);
        expect(issued.yMax, region.name).toBeLessThanOrEqual(BLOCK.bottom + SLACK_PT);
        const blankBefore = pages[last - 1]!.words.length === 0;
        pages.forEach((page, i) => {
          const where = `${region.name} page ${i + 1}`;
          expect([Math.round(page.width), Math.round(page.height)], where).toEqual([595, 842]);
          const number = pageNumberLine(page);
          if (i === last || (blankBefore && i === last - 1)) {
            expect(number, where).toBeUndefined();
            expect(
              page.words.some((w) => w.yMin > BLOCK.bottom + SLACK_PT),
              where,
            ).toBe(false);
          } else {
            expect(number?.text, where).toBe(`—${i + 1}—`);
            // GB/T 9704 §7.5: odd pages right, even pages left, one character in from the text block's edge.
            if (i % 2 === 0) {
              expect(number!.xMax, where).toBeGreaterThan(BLOCK.right - 30);
              expect(number!.xMax, where).toBeLessThanOrEqual(BLOCK.right + SLACK_PT);
            } else {
              expect(number!.xMin, where).toBeLessThan(BLOCK.left + 30);
              expect(number!.xMin, where).toBeGreaterThanOrEqual(BLOCK.left - SLACK_PT);
            }
            // 7 mm below the text block.
            expect(number!.yMin - BLOCK.bottom, where).toBeGreaterThan(5 * PT_PER_MM);
            expect(number!.yMin - BLOCK.bottom, where).toBeLessThan(12 * PT_PER_MM);
          }
          for (const line of page.lines) {
            if (line.yMin > BLOCK.bottom) continue; // the page number, checked above
            const inside = line.xMin >= BLOCK.left - SLACK_PT && line.yMin >= BLOCK.top - SLACK_PT;
            expect(inside && line.yMax <= BLOCK.bottom + SLACK_PT, `${where}: “${line.text}”`).toBe(true);
            // Only a closing mark ending the line may pass the right edge, and by one character at most.
            const past = line.xMax - (BLOCK.right + SLACK_PT);
            if (past > 0) {
              expect(line.text, `${where}: “${line.text}” ${past.toFixed(1)} pt past the edge`).toMatch(
                /[。，、；：！？）”]$/,
              );
              expect(past, `${where}: “${line.text}”`).toBeLessThanOrEqual(HANGING_PT - SLACK_PT);
            }
          }
        });

        const first = pages[0]!.lines.map((l) => l.text).join('');
        expect(first).toContain(view.row.document_number);
        expect(first).toContain(view.row.title.replace(/\s/g, ''));
        expect(first).toContain('一、总体情况');

        const all = pages.map((p) => p.lines.map((l) => l.text).join('\n'));
        const progressPage = all.findIndex((t) => t.includes('改革任务推进情况表') && /^附件\d$/m.test(t));
        expect(progressPage, region.name).toBeGreaterThan(0);
        for (const column of [
          '序号',
          '任务',
          '牵头单位',
          '责任单位',
          '完成时限',
          '本期进展',
          '状态',
          '存在问题',
          '下步措施',
        ])
          expect(all[progressPage], `${region.name} 附件2 ${column}`).toContain(column);
        if (view.counts.behind > 0) {
          const behindPage = all.findIndex((t) => t.includes('欠进度任务清单') && /^附件1$/m.test(t));
          expect(behindPage, region.name).toBeGreaterThan(0);
        }
        // The progress table's pages carry every unit's group row, the last unit included.
        const lastUnit = view.attachments
          .find((a) => a.title === '改革任务推进情况表')!
          .rows.filter((r) => 'group' in r)
          .at(-1) as { group: string };
        expect(all.slice(progressPage).join('').replace(/\s/g, ''), region.name).toContain(
          lastUnit.group.replace(/\s/g, '').slice(0, 6),
        );
      }
    },
  );
});
