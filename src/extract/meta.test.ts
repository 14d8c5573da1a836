import { describe, expect, it } from 'vitest';
import { extract } from './index.js';

describe('issuing region', () => {
  it.each([
    ['城关区第三次党代会报告\n一、总体要求\n加快中心城区建设，提升老城区品质。', '城关区'],
    ['鹿城区2026年改革工作要点\n一、经济体制改革\n推进中心城区更新。', '鹿城区'],
    ['关于推进中心城区更新的通知\n临川县人民政府\n一、主要任务\n改造老城区管网。', '临川县'],
  ])('reads the region of %#', (text, region) => {
    expect(extract(text).region).toBe(region);
  });

  it('does not take a part of a city for the region', () => {
    expect(extract('关于加快中心城区建设的意见\n一、主要任务\n提升中心城区功能。').region).not.toBe(
      '中心城区',
    );
  });
});

describe('title', () => {
  it('has none when the excerpt opens mid-sentence, and the cut line still holds quantities', () => {
    const x = extract(
      '的推进力度,确保全年新增城镇就业1,200人以上,完成投资12,000万元.\n二、下一步工作打算\n(一)抓好项目建设.今年计划实施重点项目36个.',
    );
    expect(x.title).toBe('');
    expect(x.targets.map((q) => [q.value, q.unit])).toEqual([
      [1200, '人'],
      [12000, '万元'],
      [36, '个'],
    ]);
  });

  it('passes over a menu bar of short labels but keeps a table header', () => {
    const x = extract(
      '当前位置：首页 > 要闻动态\n登录 | 注册 | 无障碍浏览\n北塘区召开乡村振兴工作推进会\n会议部署了今年重点任务。',
    );
    expect(x.title).toBe('北塘区召开乡村振兴工作推进会');
    const t = extract(
      '北塘区重点任务分工\n序号 | 重点任务 | 牵头单位 | 完成时限\n1 | 新建公园3个 | 区城市管理局 | 年底前',
    );
    expect(t.outline.map((n) => n.title)).toEqual(['新建公园3个']);
  });
});
