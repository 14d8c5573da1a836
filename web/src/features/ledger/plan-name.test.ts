import { describe, expect, it } from 'vitest';
import { planShortName } from './plan-name';

describe('planShortName', () => {
  it.each([
    ['中共佛山市南海区委全面深化改革委员会2026年工作要点', '工作要点'],
    ['金湾区（开发区）2026年改革攻坚“点题”项目', '改革攻坚“点题”项目'],
    ['湛江经开区2026年推进高质量发展重点工作任务清单', '推进高质量发展重点工作任务…'],
    ['草稿计划', '草稿计划'],
    ['关于2026年', '关于2026年'],
  ])('shortens %s', (title, short) => {
    expect(planShortName(title)).toBe(short);
  });

  it('keeps the year when the plans shown span several years', () => {
    expect(planShortName('中共佛山市南海区委全面深化改革委员会2026年工作要点', true)).toBe('2026年工作要点');
    expect(planShortName('草稿计划', true)).toBe('草稿计划');
  });
});
