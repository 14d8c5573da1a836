/** UTF-16 offsets [start, end) into the text given to `extract`. */
export type Span = [start: number, end: number];

export interface DeclaredCount {
  text: string;
  areas?: number;
  tasks?: number;
  span: Span;
}

export interface OutlineNode {
  level: number;
  marker: string;
  title: string;
  span: Span;
  children: OutlineNode[];
}

export type Measure = 'level' | 'growth' | 'share' | 'count';
export type Comparator = '=' | '~' | '>' | '>=' | '<' | '<=';

export interface Quantity {
  indicator: string;
  measure: Measure;
  comparator: Comparator;
  value: number;
  unit: string;
  stretch: boolean;
  period?: string;
  text: string;
  span: Span;
}

export interface Deadline {
  text: string;
  /** YYYY-MM-DD, the last day of the period. */
  date?: string;
  span: Span;
}

export type UnitRole = 'lead' | 'co' | 'mentioned';

export interface UnitMention {
  name: string;
  role: UnitRole;
  span: Span;
}

export interface Extraction {
  title: string;
  region?: string;
  year?: number;
  counts: DeclaredCount[];
  outline: OutlineNode[];
  targets: Quantity[];
  actuals: Quantity[];
  deadlines: Deadline[];
  units: UnitMention[];
  warnings: string[];
}

export interface ExtractOptions {
  /** The year the plan is for, when the caller knows it better than the text does. */
  year?: number;
}

/** One line of the cleaned document. */
export interface Line {
  /** Offsets in the clean text. */
  start: number;
  end: number;
  text: string;
}
