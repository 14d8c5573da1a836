// Extension points of the bulletin for data other features own. Each renders nothing until its data is
// handed in through BulletinFacts.extensions, which services/bulletin-extension-data.ts fills from each
// feature's tables for the bulletin's region and day; a builder here holds only the words.
//
//   indicatorParagraph          指标 达到序时进度 N 项 / 未达 N 项 in 总体情况   (indicators feature)
//   indicatorsAttachment        附件3 指标 | 单位 | 年度目标 | 累计完成 | 完成率/增速 | 序时 | 位次
//   projectInvestmentParagraph  重点项目 investment against 序时 in 总体情况     (key projects feature)
//   experienceParagraph         accepted 经验 in 主要成效                         (experiences feature)
//   assessmentRankingSection    考核排名 where a scheme exists                     (assessment feature)
//   meetingFollowThroughSection 会议确定事项落实情况                               (meetings feature)
import type { BulletinFacts } from './bulletin-facts.js';
import { percentText } from './bulletin-status.js';
import type { AttachmentBuilder, Figures, SectionBuilder } from './bulletin-parts.js';

export interface Paragraph {
  text: string;
  figures: Figures;
}

export function indicatorParagraph(facts: BulletinFacts): Paragraph | null {
  const list = facts.extensions.indicators;
  if (!list || list.length === 0) return null;
  const behind = list.filter((i) => !i.onPace);
  return {
    text:
      behind.length > 0
        ? '{indicatorCount}项主要指标中，达到序时进度{indicatorsOnPace}项，未达序时进度{indicatorsBehind}项：{indicatorsBehindNames}，详见附件。'
        : '{indicatorCount}项主要指标均达到序时进度。',
    figures: {
      indicatorCount: list.length,
      indicatorsOnPace: list.length - behind.length,
      indicatorsBehind: behind.length,
      indicatorsBehindNames: behind.map((i) => i.name).join('、'),
    },
  };
}

export function projectInvestmentParagraph(facts: BulletinFacts): Paragraph | null {
  const p = facts.extensions.projects;
  if (!p || p.planned <= 0) return null;
  return {
    text: '重点项目年度计划投资{projectPlanned}亿元，累计完成{projectInvested}亿元，完成率{projectRate}，序时进度{projectTimeElapsed}%。',
    figures: {
      projectPlanned: p.planned,
      projectInvested: p.invested,
      projectRate: percentText(p.invested, p.planned),
      projectTimeElapsed: p.timeElapsed,
    },
  };
}

export function experienceParagraph(facts: BulletinFacts): Paragraph | null {
  const list = facts.extensions.experiences;
  if (!list || list.length === 0) return null;
  return {
    text: '本期形成可复制推广经验{experienceCount}项：{experienceNames}。',
    figures: {
      experienceCount: list.length,
      experienceNames: list.map((e) => `“${e.title}”（${e.unitName}）`).join('、'),
    },
  };
}

export const assessmentRankingSection: SectionBuilder = (facts) => {
  const groups = facts.extensions.assessment;
  if (!groups || groups.length === 0) return null;
  return {
    key: 'assessment_ranking',
    heading: '考核排名',
    template: groups.map((_, i) => `{group${i}}：{ranking${i}}。`).join('\n'),
    figures: Object.fromEntries(
      groups.flatMap((g, i) => [
        [`group${i}`, g.group],
        [`ranking${i}`, g.ranking.join('、')],
      ]),
    ),
  };
};

export const meetingFollowThroughSection: SectionBuilder = (facts) => {
  const list = facts.extensions.meetings;
  if (!list || list.length === 0) return null;
  const lines: string[] = [];
  const figures: Record<string, string | number> = {};
  list.forEach((m, i) => {
    lines.push(`{meeting${i}}{tally${i}}。`);
    figures[`meeting${i}`] = m.meeting;
    figures[`tally${i}`] = m.tally;
    m.open.forEach((d, j) => {
      lines.push(`{decision${i}_${j}}`);
      figures[`decision${i}_${j}`] = `“${d.decision}”：${d.status}。`;
    });
  });
  return {
    key: 'meeting_follow_through',
    heading: '会议确定事项落实情况',
    template: lines.join('\n'),
    figures,
  };
};

export const indicatorsAttachment: AttachmentBuilder = (facts) => {
  const list = facts.extensions.indicators;
  if (!list || list.length === 0) return null;
  return {
    key: 'indicators',
    title: '主要指标完成情况表',
    columns: ['指标', '单位', '年度目标', '累计完成', '完成率/增速', '序时', '位次'],
    widths: [30, 10, 12, 12, 14, 10, 12],
    rows: list.map((i) => ({
      cells: [i.name, i.unit, i.annualTarget, i.cumulative, i.rate, i.onPace ? '达序时' : '未达序时', i.rank],
    })),
  };
};
