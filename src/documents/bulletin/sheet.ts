// The single-sheet documents the 督查室 sends from a notice: 督查通知单 and 催办通知书. Same page, fonts and
// red head as the bulletin (layout.ts); the matter, requirement, deadline and issuer in a ruled table.
import {
  AlignmentType,
  BorderStyle,
  Document,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
} from 'docx';
import { dateText } from './docx.js';
import { FONT_PT, FONTS, MARGIN_MM, PAGE_MM, RED, TEXT_BLOCK_MM, mmToTwips } from './layout.js';

export type SheetKind = 'notification' | 'urge';

export const SHEET_TITLES: Readonly<Record<SheetKind, string>> = {
  notification: '督查通知单',
  urge: '催办通知书',
};

export interface SheetPrint {
  kind: SheetKind;
  issuer: string;
  number: string;
  unitName: string;
  matter: string;
  requirement: string;
  kindLabel: string;
  deadline: string;
  issuedOn: string;
}

function text(value: string, font: keyof typeof FONTS, pt: number, color?: string): Paragraph {
  const name = FONTS[font].name;
  const runOptions: IRunOptions = {
    text: value,
    size: pt * 2,
    bold: FONTS[font].strong,
    font: { ascii: name, hAnsi: name, eastAsia: name },
    ...(color !== undefined && { color }),
  };
  return new Paragraph({
    alignment: AlignmentType.LEFT,
    spacing: { line: 480, lineRule: LineRuleType.AUTO },
    children: [new TextRun(runOptions)],
  });
}

export async function renderSheetDocx(s: SheetPrint): Promise<Buffer> {
  const width = mmToTwips(TEXT_BLOCK_MM.width);
  const border = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
  const row = (label: string, value: string) =>
    new TableRow({
      children: [
        new TableCell({
          width: { size: Math.round(width * 0.22), type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.CENTER,
          children: [text(label, 'heading1', FONT_PT.四号)],
        }),
        new TableCell({
          width: { size: Math.round(width * 0.78), type: WidthType.DXA },
          children: value.split('\n').map((line) => text(line, 'body', FONT_PT.四号)),
        }),
      ],
    });
  const title = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 200 },
    border: { bottom: { style: BorderStyle.SINGLE, color: RED, size: 12, space: 11 } },
    children: [
      new TextRun({
        text: SHEET_TITLES[s.kind],
        size: FONT_PT.一号 * 2,
        color: RED,
        font: { ascii: FONTS.title.name, hAnsi: FONTS.title.name, eastAsia: FONTS.title.name },
      }),
    ],
  });
  const numberLine = new Paragraph({
    alignment: AlignmentType.RIGHT,
    spacing: { before: 120, after: 240 },
    children: [new TextRun({ text: s.number, size: FONT_PT.三号 * 2, font: FONTS.body.name })],
  });
  const table = new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [Math.round(width * 0.22), Math.round(width * 0.78)],
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
    rows: [
      row('承办单位', s.unitName),
      row('督查事项', s.matter),
      row('督查要求', s.requirement),
      row('督办类型', s.kindLabel),
      row('办理时限', `请于${dateText(s.deadline)}前书面反馈办理情况`),
      row('签发', `${s.issuer}\n${dateText(s.issuedOn)}`),
    ],
  });
  const doc = new Document({
    creator: s.issuer,
    title: SHEET_TITLES[s.kind],
    sections: [
      {
        properties: {
          page: {
            size: { width: mmToTwips(PAGE_MM.width), height: mmToTwips(PAGE_MM.height) },
            margin: {
              top: mmToTwips(MARGIN_MM.top),
              left: mmToTwips(MARGIN_MM.left),
              right: mmToTwips(PAGE_MM.width - MARGIN_MM.left - TEXT_BLOCK_MM.width),
              bottom: mmToTwips(PAGE_MM.height - MARGIN_MM.top - TEXT_BLOCK_MM.height),
            },
          },
        },
        children: [title, numberLine, table],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
