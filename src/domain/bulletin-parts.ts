// The parts a bulletin (通报) is made of, and the shape of what builds each: shared by the bulletin and the
// builders of its sections and attachments, which the bulletin lists.
import type { BulletinFacts } from './bulletin-facts.js';

export type Figures = Readonly<Record<string, string | number>>;

export interface BulletinSection {
  /** Stable key the office's edits are stored under. */
  key: string;
  /** 总体情况 … without its number (the model numbers 一、二、 in order); null for the opening paragraph. */
  heading: string | null;
  template: string;
  figures: Figures;
}

export type BulletinRow = { cells: readonly string[] } | { group: string };

export interface BulletinTable {
  key: string;
  /** 附件1, 附件2 … numbered in order of appearance. */
  label: string;
  title: string;
  columns: readonly string[];
  /** Relative column widths. */
  widths: readonly number[];
  rows: readonly BulletinRow[];
}

export type SectionBuilder = (facts: BulletinFacts) => BulletinSection | null;
export type AttachmentBuilder = (facts: BulletinFacts) => Omit<BulletinTable, 'label'> | null;
