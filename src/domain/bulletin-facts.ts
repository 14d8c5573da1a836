// What a bulletin is computed from: plain data gathered by the service, no I/O here.
import type { TaskStatus } from './task-status.js';

export type BulletinTemplate = 'tracking' | 'supervision';
export const BULLETIN_TEMPLATES: readonly BulletinTemplate[] = ['tracking', 'supervision'];

export interface BulletinUnit {
  id: string;
  name: string;
  kind: 'office' | 'department' | 'town' | 'other';
}

export interface BulletinTask {
  id: string;
  code: string;
  title: string;
  leadUnitId: string | null;
  coUnitIds: readonly string[];
  dueDate: string | null;
  status: TaskStatus;
  progress: number;
  timeElapsed: number;
  daysOverdue: number;
  /** The latest report of the period that reached the office, if any. */
  report: { narrative: string; problems: string } | null;
  /** The next undone milestone, as 下步措施. */
  nextMilestone: { title: string; dueDate: string } | null;
}

/**
 * Extension points, filled from the features that own the data (services/bulletin-extension-data.ts).
 * Each has a builder in bulletin-extensions.ts that renders nothing while its data is absent.
 */
export interface BulletinExtensionData {
  /** 指标 against targets: 一、总体情况 paragraph and 附件3. */
  indicators?: readonly {
    name: string;
    unit: string;
    annualTarget: string;
    cumulative: string;
    rate: string;
    onPace: boolean;
    rank: string;
  }[];
  /** 重点项目 investment against 序时. */
  projects?: { planned: number; invested: number; timeElapsed: number };
  /** Accepted 经验 for 二、主要成效. */
  experiences?: readonly { title: string; unitName: string }[];
  /** 考核 ranking where a scheme exists. */
  assessment?: readonly { group: string; ranking: readonly string[] }[];
  /** The year's meetings for the 落实情况通报: each one's tally sentence and its decisions not yet done. */
  meetings?: readonly {
    meeting: string;
    /** "确定事项N件，已完成M件" (domain/meetings.ts tallySentence). */
    tally: string;
    open: readonly { decision: string; status: string }[];
  }[];
}

export interface BulletinFacts {
  template: BulletinTemplate;
  regionName: string;
  /** The issuing office, as printed in the masthead and signature. */
  issuerName: string;
  periodKey: string;
  periodLabel: string;
  /** The day the figures stand on: the period's last day, or today while the period runs. */
  asOf: string;
  /** 序时进度 of the region's programme on asOf. */
  timeElapsed: number;
  planCount: number;
  /** Every unit of the region in its fixed order, including those with nothing to report. */
  units: readonly BulletinUnit[];
  tasks: readonly BulletinTask[];
  /** Unit ids that had a report reach the office in the period. */
  reportingUnitIds: readonly string[];
  /** Notices unanswered past their deadline on asOf, per unit id. */
  overdueNotices: Readonly<Record<string, number>>;
  extensions: BulletinExtensionData;
}
