// Every layout number of a bulletin, in one place. Source: GB/T 9704-2012《党政机关公文格式》, the section
// of the standard noted beside each figure; where the standard leaves a choice, the common practice of
// reform offices' WPS templates is followed and said so.

/** §5.2.1: A4, 210 × 297 mm. */
export const PAGE_MM = { width: 210, height: 297 } as const;
/** §5.2.2: 天头 37 mm ± 1, 订口 28 mm ± 1, 版心 156 × 225 mm (so the right margin is 26 mm, the bottom 35 mm). */
export const MARGIN_MM = { top: 37, left: 28 } as const;
export const TEXT_BLOCK_MM = { width: 156, height: 225 } as const;
/** §5.2.3: 22 lines of 28 characters per page. */
export const GRID = { lines: 22, chars: 28 } as const;

/** 字号 in points: §5.2.3 (3号 body), §7.3.1 (2号 title), §7.5 (4号 page numbers, 版记); 小五 for attachment tables (common practice: nine columns on a portrait page). */
export const FONT_PT = {
  初号: 42,
  小初: 36,
  一号: 26,
  二号: 22,
  三号: 16,
  四号: 14,
  五号: 10.5,
  小五: 9,
} as const;

/**
 * Fonts as Word/WPS users have them (§5.2.3 and §7), each with the Noto CJK face that stands in for it
 * where it is not installed (LibreOffice on a server). The PDF converter writes these pairs into a
 * fontconfig file for its run.
 */
export const FONTS = {
  title: { name: '方正小标宋简体', fallback: 'Noto Serif CJK SC', strong: true },
  body: { name: '仿宋_GB2312', fallback: 'Noto Serif CJK SC', strong: false },
  heading1: { name: '黑体', fallback: 'Noto Sans CJK SC', strong: false },
  heading2: { name: '楷体_GB2312', fallback: 'Noto Serif CJK SC', strong: false },
  pageNumber: { name: '宋体', fallback: 'Noto Serif CJK SC', strong: false },
} as const;

/** §7.2.2: 发文机关标志 in red; §7.2.4: the separator rule red, as wide as the text block. */
export const RED = 'E60012';
/** §7.2.4: the red separator rule 4 mm below the 发文字号. */
export const RED_RULE_GAP_MM = 4;
/** 版心 rule weights, §7.5.1: 版记 first and last rules thick (0.35 mm), the rules between thin (0.25 mm). */
export const RULE_MM = { thick: 0.35, thin: 0.25, red: 0.75 } as const;
/** §7.5: page numbers 7 mm below the text block, one character in from the edge (odd right, even left). */
export const PAGE_NUMBER_GAP_MM = 7;

export const TWIPS_PER_MM = 1440 / 25.4;
export function mmToTwips(mm: number): number {
  return Math.round(mm * TWIPS_PER_MM);
}
/** Line pitch of the document grid: 225 mm / 22 lines = 28.95 pt (579 twips), as WPS templates set it. */
export const LINE_PITCH_TWIPS = Math.round(((TEXT_BLOCK_MM.height / GRID.lines) * 72 * 20) / 25.4);
/**
 * Character spacing of 3号 runs in twips (−0.25 pt), so 28 characters fill the 156 mm line as a
 * character grid would (Word's docGrid charSpace, which LibreOffice renders as wide gaps).
 */
export const BODY_CHARACTER_SPACING = -5;
/**
 * docGrid charSpace: (character pitch − 3号 size) × 4096, in points, so 28 characters of 3号 fill 156 mm
 * (ECMA-376 §17.6.5).
 */
export const CHAR_SPACE = Math.round(
  ((TEXT_BLOCK_MM.width / GRID.chars) * (72 / 25.4) - FONT_PT.三号) * 4096,
);
/** One character of body text (3号), the unit of GB/T 9704's "空二字" indents, in twips. */
export const CHAR_TWIPS = FONT_PT.三号 * 20;
