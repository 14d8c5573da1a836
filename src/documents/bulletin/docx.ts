// A bulletin as a GB/T 9704-2012 .docx. Layout numbers come from layout.ts; this file only assembles.
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  SectionType,
  Table,
  TableCell,
  TableRow,
  TableLayoutType,
  TabStopType,
  TextRun,
  VerticalAlignSection,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
  type IBorderOptions,
  type IContext,
  type IXmlableObject,
  type ParagraphChild,
} from 'docx';
import {
  BODY_CHARACTER_SPACING,
  CHAR_TWIPS,
  FONT_PT,
  FONTS,
  LINE_PITCH_TWIPS,
  MARGIN_MM,
  PAGE_MM,
  PAGE_NUMBER_GAP_MM,
  RED,
  RED_RULE_GAP_MM,
  RULE_MM,
  TEXT_BLOCK_MM,
  mmToTwips,
} from './layout.js';
import type { BulletinPrint, PrintTable } from './print.js';

type FontKey = keyof typeof FONTS;

function run(text: string, font: FontKey, pt: number, extra: { color?: string } = {}): TextRun {
  const name = FONTS[font].name;
  // Typed apart: TextRun also takes a string, and String.prototype.bold would shadow the option for lint.
  const options: IRunOptions = {
    text,
    font: { ascii: name, hAnsi: name, eastAsia: name, cs: name },
    size: pt * 2,
    bold: FONTS[font].strong,
    // 28 characters of 3号 in 156 mm: each character 15.75 pt wide instead of 16 (GRID.chars).
    ...(pt === FONT_PT.三号 && { characterSpacing: BODY_CHARACTER_SPACING }),
    ...(extra.color !== undefined && { color: extra.color }),
  };
  return new TextRun(options);
}

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

/** Paragraph properties that follow w:overflowPunct in the schema's order (ECMA-376 §17.3.1.26). */
const AFTER_OVERFLOW_PUNCT = new Set([
  'w:topLinePunct',
  'w:autoSpaceDE',
  'w:autoSpaceDN',
  'w:bidi',
  'w:adjustRightInd',
  'w:snapToGrid',
  'w:spacing',
  'w:ind',
  'w:contextualSpacing',
  'w:mirrorIndents',
  'w:suppressOverlap',
  'w:jc',
  'w:textDirection',
  'w:textAlignment',
  'w:textboxTightWrap',
  'w:outlineLvl',
  'w:divId',
  'w:cnfStyle',
  'w:rPr',
  'w:sectPr',
  'w:pPrChange',
]);

/**
 * A paragraph whose punctuation never hangs past the text block (w:overflowPunct off): Word and LibreOffice
 * hang a closing 。 or ， in the margin by default, which takes a line past GB/T 9704's 156 mm. The docx
 * package writes the element only when it is on, so it is added here.
 */
class BlockParagraph extends Paragraph {
  override prepForXml(context: IContext): IXmlableObject | undefined {
    const xml = super.prepForXml(context);
    const body = xml?.['w:p'] as unknown;
    if (!Array.isArray(body)) return xml;
    const pPr = (body as Record<string, unknown>[]).find((e) => 'w:pPr' in e)?.['w:pPr'];
    if (!Array.isArray(pPr)) return xml;
    const entries = pPr as Record<string, unknown>[];
    const at = entries.findIndex((e) => Object.keys(e).some((k) => AFTER_OVERFLOW_PUNCT.has(k)));
    entries.splice(at < 0 ? entries.length : at, 0, { 'w:overflowPunct': { _attr: { 'w:val': '0' } } });
    return xml;
  }
}

const exactLine = { line: LINE_PITCH_TWIPS, lineRule: LineRuleType.EXACT };

function para(
  children: ParagraphChild[],
  options: {
    align?: Align;
    rightTab?: number;
    firstLine?: number;
    hanging?: number;
    left?: number;
    right?: number;
    before?: number;
    after?: number;
    border?: { top?: IBorderOptions; bottom?: IBorderOptions };
    pageBreakBefore?: boolean;
    line?: number;
  } = {},
): Paragraph {
  return new BlockParagraph({
    children,
    alignment: options.align ?? AlignmentType.JUSTIFIED,
    spacing: {
      ...(options.line === undefined ? exactLine : { line: options.line, lineRule: LineRuleType.EXACT }),
      before: options.before ?? 0,
      after: options.after ?? 0,
    },
    indent: {
      ...(options.hanging === undefined
        ? { firstLine: options.firstLine ?? 0 }
        : { hanging: options.hanging }),
      left: options.left ?? 0,
      right: options.right ?? 0,
    },
    ...(options.border !== undefined && { border: options.border }),
    ...(options.pageBreakBefore === true && { pageBreakBefore: true }),
    ...(options.rightTab !== undefined && {
      tabStops: [{ type: TabStopType.RIGHT, position: options.rightTab }],
    }),
  });
}

const blank = (): Paragraph => para([run('', 'body', FONT_PT.三号)]);

/** 1/8 pt from mm, the unit of Word's border widths. */
function ruleSize(mm: number): number {
  return Math.max(2, Math.round((mm / 25.4) * 72 * 8));
}

/** GB/T 9704 §7.3.3: 一、 黑体; （一） 楷体; 1. and （1） 仿宋 — decided from how the line starts. */
function bodyLine(line: string): Paragraph {
  if (/^[一二三四五六七八九十]+、/.test(line) && line.length <= 28)
    return para([run(line, 'heading1', FONT_PT.三号)], { firstLine: 2 * CHAR_TWIPS });
  const sub = /^（[一二三四五六七八九十]+）[^。]*。/.exec(line);
  if (sub)
    return para(
      [run(sub[0], 'heading2', FONT_PT.三号), run(line.slice(sub[0].length), 'body', FONT_PT.三号)],
      {
        firstLine: 2 * CHAR_TWIPS,
      },
    );
  return para([run(line, 'body', FONT_PT.三号)], { firstLine: 2 * CHAR_TWIPS });
}

/** The masthead on one line: 小初 unless the name is too long for the text block, then as large as fits. */
function mastheadPt(name: string): number {
  const fits = Math.floor(((TEXT_BLOCK_MM.width / 25.4) * 72) / name.length);
  return Math.min(FONT_PT.小初, fits);
}

/** GB/T 9704 §7.2.4: the red rule (版头中的分隔线) that closes a head, a 红头 document's and a briefing's alike. */
function redRule(): IBorderOptions {
  return {
    style: BorderStyle.SINGLE,
    color: RED,
    size: ruleSize(RULE_MM.red),
    space: Math.round((RED_RULE_GAP_MM / 25.4) * 72),
  };
}

function redHead(p: BulletinPrint): Paragraph[] {
  return [
    // §7.2.2: 发文机关标志 centred in red 小标宋; the size is the office's choice within the text block.
    para([run(p.issuer, 'title', mastheadPt(p.issuer), { color: RED })], {
      align: AlignmentType.CENTER,
      line: mmToTwips(20),
      before: mmToTwips(10),
    }),
    blank(),
    // §7.2.4: 发文字号 centred under the masthead, then the red rule 4 mm below it.
    para([run(p.documentNumber, 'body', FONT_PT.三号)], {
      align: AlignmentType.CENTER,
      border: { bottom: redRule() },
    }),
    blank(),
  ];
}

function briefingHead(p: BulletinPrint): Paragraph[] {
  const year = p.date.slice(0, 4);
  return [
    para([run(p.briefingName, 'title', FONT_PT.一号, { color: RED })], {
      align: AlignmentType.CENTER,
      line: mmToTwips(18),
      before: mmToTwips(6),
    }),
    para([run(`第${p.sequence}期`, 'body', FONT_PT.三号)], { align: AlignmentType.CENTER }),
    para([run(`${p.issuer}${'\u3000'.repeat(10)}${dateText(p.date)}`, 'body', FONT_PT.三号)], {
      align: AlignmentType.CENTER,
      border: { bottom: redRule() },
    }),
    para([run(`（${year}年 ${p.documentNumber}）`, 'body', FONT_PT.四号)], { align: AlignmentType.RIGHT }),
  ];
}

export function dateText(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function attachmentNote(p: BulletinPrint): Paragraph[] {
  if (p.attachments.length === 0) return [];
  // §7.3.4: 正文下空一行左空二字 "附件：", several numbered "1. 名称" aligned under the first.
  const lines = p.attachments.map((a, i) => (p.attachments.length === 1 ? a.title : `${i + 1}. ${a.title}`));
  return [
    blank(),
    ...lines.map((l, i) =>
      para([run(i === 0 ? `附件：${l}` : l, 'body', FONT_PT.三号)], {
        left: i === 0 ? 2 * CHAR_TWIPS : 5 * CHAR_TWIPS,
        align: AlignmentType.LEFT,
      }),
    ),
  ];
}

function signature(p: BulletinPrint): Paragraph[] {
  // §7.3.5.2: 成文日期右空四字, the 署名 centred over the date.
  return [
    blank(),
    blank(),
    para([run(p.issuer, 'body', FONT_PT.三号)], { align: AlignmentType.RIGHT, right: 2 * CHAR_TWIPS }),
    para([run(dateText(p.date), 'body', FONT_PT.三号)], {
      align: AlignmentType.RIGHT,
      right: 4 * CHAR_TWIPS,
    }),
  ];
}

/** One 4号 character, the 版记's unit: §7.4.2–7.4.3 indent its lines one character from each side. */
const IMPRINT_CHAR = FONT_PT.四号 * 20;

/** Characters of 4号 a text takes (half-width ones count half). */
function ems(text: string): number {
  let n = 0;
  for (const ch of text) n += ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1;
  return n;
}

/**
 * Lines the 抄送 takes: the first one is the text block less a character each side; a wrapped line is
 * aligned under the first name after "抄送：" (§7.4.2), three characters shorter.
 */
export function copyToLines(text: string): number {
  const first = Math.floor((mmToTwips(TEXT_BLOCK_MM.width) - 2 * IMPRINT_CHAR) / IMPRINT_CHAR);
  const rest = first - 3;
  return 1 + Math.ceil(Math.max(0, ems(text) - first) / rest);
}

function imprint(p: BulletinPrint, afterBlankPage: boolean): (Paragraph | Table)[] {
  // §7.4: the 版记, thick rules first and last, a thin one between 抄送 and 印发, on a page of its own at the
  // end (after the attachments, §7.3.7). §7.4.1 puts its last rule on the bottom edge of the text block of the
  // last page: a spacer of exact height fills the block above it (LibreOffice ignores a section's w:vAlign,
  // and breaks a table floated to the page foot).
  const thick = { style: BorderStyle.SINGLE, size: ruleSize(RULE_MM.thick), color: '000000' };
  const thin = { style: BorderStyle.SINGLE, size: ruleSize(RULE_MM.thin), color: '000000' };
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const width = mmToTwips(TEXT_BLOCK_MM.width);
  const line = (children: ParagraphChild[], options: { rightTab?: number; hanging?: number }) =>
    new TableRow({
      children: [
        new TableCell({
          width: { size: width, type: WidthType.DXA },
          children: [
            para(children, {
              left: IMPRINT_CHAR + (options.hanging ?? 0),
              right: IMPRINT_CHAR,
              align: AlignmentType.LEFT,
              ...(options.hanging !== undefined && { hanging: options.hanging }),
              ...(options.rightTab !== undefined && { rightTab: options.rightTab }),
            }),
          ],
        }),
      ],
    });
  const copyTo = `抄送：${p.copyTo}。`;
  const rows = copyToLines(copyTo) + 1;
  // One point of slack keeps the table on the page: the last rule then lies on the block's bottom edge (±0.5 mm).
  // After the blank page LibreOffice gives the page about 9 pt less (measured: the 版记 split at 1 pt of
  // slack, held at 10 pt), so there the last rule ends some 3 mm above the edge.
  const slack = afterBlankPage ? 200 : 20;
  const spacer = mmToTwips(TEXT_BLOCK_MM.height) - rows * LINE_PITCH_TWIPS - slack;
  return [
    para([run('', 'body', FONT_PT.四号)], { line: spacer }),
    new Table({
      width: { size: width, type: WidthType.DXA },
      columnWidths: [width],
      margins: { left: 0, right: 0, top: 0, bottom: 0 },
      borders: {
        top: thick,
        bottom: thick,
        left: none,
        right: none,
        insideHorizontal: thin,
        insideVertical: none,
      },
      rows: [
        line([run(copyTo, 'body', FONT_PT.四号)], { hanging: 3 * IMPRINT_CHAR }),
        // 印发机关 one character from the left, 印发日期 one from the right (§7.4.3).
        line([run(p.issuer, 'body', FONT_PT.四号), run(`\t${dateText(p.date)}印发`, 'body', FONT_PT.四号)], {
          rightTab: width - IMPRINT_CHAR,
        }),
      ],
    }),
  ];
}

const thinBorder = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

const TABLE_STYLES = { body: 'TableBody', head: 'TableHead', group: 'TableGroup' } as const;
type TableStyle = (typeof TABLE_STYLES)[keyof typeof TABLE_STYLES];

function tableStyle(id: TableStyle, font: FontKey) {
  const name = FONTS[font].name;
  return {
    id,
    name: id,
    run: { font: { ascii: name, hAnsi: name, eastAsia: name }, size: FONT_PT.小五 * 2 },
    paragraph: { spacing: { line: 260, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
  };
}

function table(t: PrintTable): Table {
  const total = t.widths.reduce((a, b) => a + b, 0);
  const width = mmToTwips(TEXT_BLOCK_MM.width);
  const widths = t.widths.map((w) => Math.floor((w / total) * width));
  // Cells name a paragraph style instead of carrying their own fonts and spacing: a 300-row table is
  // thousands of cells, and the docx package's time goes into building each one's properties.
  const cellPara = (text: string, style: TableStyle, align?: Align) =>
    new Paragraph({ text, style, ...(align !== undefined && { alignment: align }) });
  // Widths come from the table grid (fixed layout); only the heading row states them again.
  const cell = (text: string, i: number, style: TableStyle = TABLE_STYLES.body) =>
    new TableCell({ children: [cellPara(text, style, i === 0 ? AlignmentType.CENTER : undefined)] });
  const headCell = (text: string, i: number) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      children: [cellPara(text, TABLE_STYLES.head, AlignmentType.CENTER)],
    });
  const header = new TableRow({
    tableHeader: true,
    children: t.columns.map(headCell),
  });
  const rows = t.rows.map((r) =>
    'group' in r
      ? new TableRow({
          children: [
            new TableCell({
              columnSpan: t.columns.length,
              children: [cellPara(r.group, TABLE_STYLES.group)],
            }),
          ],
        })
      : new TableRow({ cantSplit: true, children: r.cells.map((c, i) => cell(c, i)) }),
  );
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    // 1 mm each side: narrow columns keep their two- and three-character headings on one line.
    margins: { left: mmToTwips(1), right: mmToTwips(1), top: 0, bottom: 0 },
    borders: {
      top: thinBorder,
      bottom: thinBorder,
      left: thinBorder,
      right: thinBorder,
      insideHorizontal: thinBorder,
      insideVertical: thinBorder,
    },
    rows: [header, ...rows],
  });
}

function attachment(t: PrintTable, index: number): (Paragraph | Table)[] {
  // §8: 附件 on a new page, "附件N" in 3号黑体 top left, its title centred as a document title.
  return [
    para([run(t.label, 'heading1', FONT_PT.三号)], { pageBreakBefore: index > 0, align: AlignmentType.LEFT }),
    blank(),
    para([run(t.title, 'title', FONT_PT.二号)], { align: AlignmentType.CENTER }),
    blank(),
    table(t),
  ];
}

function pageNumberFooter(side: 'odd' | 'even'): Footer {
  // §7.5: 4号半角宋体 Arabic numerals with an em dash each side; odd pages right, even pages left, one
  // character in from the edge of the text block.
  const children = [
    run('— ', 'pageNumber', FONT_PT.四号),
    new TextRun({
      children: [PageNumber.CURRENT],
      size: FONT_PT.四号 * 2,
      font: { ascii: FONTS.pageNumber.name, hAnsi: FONTS.pageNumber.name, eastAsia: FONTS.pageNumber.name },
    }),
    run(' —', 'pageNumber', FONT_PT.四号),
  ];
  return new Footer({
    children: [
      new Paragraph({
        children,
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: FONT_PT.四号 * 20 } : { left: FONT_PT.四号 * 20 },
      }),
    ],
  });
}

export interface DocxOptions {
  /**
   * A blank page of its own before the 版记 page. Word starts the 版记 on an even page by itself (an
   * even-page section break); LibreOffice 7.4 does not, so a PDF whose 版记 landed on an odd page is made
   * again with this blank page put in.
   */
  blankPageBeforeImprint?: boolean;
}

export async function renderBulletinDocx(p: BulletinPrint, options: DocxOptions = {}): Promise<Buffer> {
  const right = PAGE_MM.width - MARGIN_MM.left - TEXT_BLOCK_MM.width;
  const bottom = PAGE_MM.height - MARGIN_MM.top - TEXT_BLOCK_MM.height;
  const body = p.sections.flatMap((s) => [
    ...(s.heading === null ? [] : [bodyLine(s.heading)]),
    ...s.text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '')
      .map(bodyLine),
  ]);
  const children = [
    ...(p.template === 'tracking' ? redHead(p) : briefingHead(p)),
    // §7.3.1: title in 2号小标宋, centred, a blank line below it.
    para([run(p.title, 'title', FONT_PT.二号)], { align: AlignmentType.CENTER }),
    blank(),
    // §7.3.2: 主送机关 flush left, ending in a full-width colon.
    para([run(`${p.recipients}：`, 'body', FONT_PT.三号)], { align: AlignmentType.LEFT }),
    ...body,
    ...attachmentNote(p),
    ...signature(p),
  ];
  const page = {
    size: { width: mmToTwips(PAGE_MM.width), height: mmToTwips(PAGE_MM.height) },
    margin: {
      top: mmToTwips(MARGIN_MM.top),
      left: mmToTwips(MARGIN_MM.left),
      right: mmToTwips(right),
      bottom: mmToTwips(bottom),
      header: mmToTwips(15),
      // The number's line sits 7 mm below the text block: footer distance = bottom − 7 mm − one line.
      footer: mmToTwips(bottom - PAGE_NUMBER_GAP_MM - 7),
    },
  };
  const footers = { default: pageNumberFooter('odd'), even: pageNumberFooter('even') };
  // §7.5: the 版记 page, and a blank page LibreOffice or Word inserts before it, carry no page number.
  const noNumber = { default: new Footer({ children: [] }), even: new Footer({ children: [] }) };
  const doc = new Document({
    creator: p.issuer,
    title: p.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: { document: { run: { font: FONTS.body.name, size: FONT_PT.三号 * 2 } } },
      paragraphStyles: [
        tableStyle(TABLE_STYLES.body, 'body'),
        tableStyle(TABLE_STYLES.head, 'heading1'),
        tableStyle(TABLE_STYLES.group, 'heading2'),
      ],
    },
    sections: [
      {
        // Lines only: LibreOffice spreads characters over a character grid, so the 28 characters per line
        // come from the runs' character spacing instead.
        properties: { page, grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH_TWIPS } },
        footers,
        children,
      },
      // Attachment tables in small type are not held to the body's 22-line grid.
      ...(p.attachments.length === 0
        ? []
        : [{ properties: { page }, footers, children: p.attachments.flatMap(attachment) }]),
      // The 版记 closes the document on an even page (the back of the last sheet printed on both sides,
      // §5.2.4 / §7.4.1), at the foot of its text block.
      ...(options.blankPageBeforeImprint === true
        ? [{ properties: { page, type: SectionType.NEXT_PAGE }, footers: noNumber, children: [blank()] }]
        : []),
      {
        properties: {
          page,
          type: options.blankPageBeforeImprint === true ? SectionType.NEXT_PAGE : SectionType.EVEN_PAGE,
          verticalAlign: VerticalAlignSection.BOTTOM,
        },
        footers: noNumber,
        children: imprint(p, options.blankPageBeforeImprint === true),
      },
    ],
  });
  return Packer.toBuffer(doc);
}
