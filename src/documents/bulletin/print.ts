// What the .docx renderer prints: the bulletin's filled text and tables plus its masthead and 版记 fields.

export type PrintTemplate = 'tracking' | 'supervision';

export type PrintRow = { cells: readonly string[] } | { group: string };

export interface PrintTable {
  label: string;
  title: string;
  columns: readonly string[];
  widths: readonly number[];
  rows: readonly PrintRow[];
}

export interface BulletinPrint {
  /** tracking = red-head document (红头文件); supervision = 简报 style (政务督查). */
  template: PrintTemplate;
  /** 发文机关 in full: the red masthead and the signature. */
  issuer: string;
  /** 金改办〔2026〕3号. */
  documentNumber: string;
  /** The year's sequence, printed as 第N期 in the 简报 style. */
  sequence: number;
  /** 简报 masthead, e.g. 金华区政务督查. */
  briefingName: string;
  title: string;
  /** 主送机关, printed before the body ending in a full-width colon. */
  recipients: string;
  sections: readonly { heading: string | null; text: string }[];
  attachments: readonly PrintTable[];
  /** 成文日期 (ISO). */
  date: string;
  /** 抄送机关 in the 版记. */
  copyTo: string;
}
