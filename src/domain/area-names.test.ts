import { describe, expect, it } from 'vitest';
import { areaShortNames, planShortName, sharedOpening, shortNameOf, withShortNames } from './area-names.js';

const derived = (titles: string[]) => areaShortNames(titles.map((title) => ({ title, short_name: null })));

describe('area short names', () => {
  it('drops the opening all ten 湛江经开区 areas share and keeps what tells them apart', () => {
    const titles = [
      '围绕建设现代化产业体系的实体支撑,以龙头引领抓牢重点项目落地',
      '围绕建设现代化产业体系的要素保障,以更高的标准抓实产业园区扩容提质',
      '围绕建设现代化产业体系的产业结构优化,以更大的力度抓准产业链招商',
      '围绕建设现代化产业体系的“软环境”提升,以更新的理念抓活全面改革创新',
      '围绕建设现代化产业体系的政治和人才保障,以更高的站位统筹抓紧干部队伍建设',
    ];
    const names = derived(titles);
    expect(names).toEqual(['实体支撑', '要素保障', '产业结构优化', '“软环境”提升', '政治和人才保障']);
    expect(new Set(names).size).toBe(titles.length);
  });

  it('names a heading against the siblings it opens alike with, when others in the plan differ', () => {
    expect(
      derived([
        '深化经济体制改革',
        '围绕建设现代化产业体系的实体支撑,以龙头引领抓牢重点项目落地',
        '围绕建设现代化产业体系的要素保障,以更高的标准抓实产业园区扩容提质',
        '完善基层治理体制机制，推进党建引领',
      ]),
    ).toEqual(['深化经济体制改革', '实体支撑', '要素保障', '完善基层治理体制机制']);
  });

  it('takes the distinguishing part after a shared clause: 围绕…，推进X改革 → 推进X改革', () => {
    expect(
      derived(['围绕建设现代化产业体系，推进财税体制改革', '围绕建设现代化产业体系，推进科技体制改革']),
    ).toEqual(['推进财税体制改革', '推进科技体制改革']);
  });

  it('drops the 以… manner phrase and keeps the work: 以龙头引领抓牢重点项目落地 → 抓牢重点项目落地', () => {
    expect(
      derived([
        '以龙头引领抓牢重点项目落地，夯实现代化产业体系的实体支撑',
        '以更高标准抓实产业园区扩容提质，强化现代化产业体系的要素保障',
        '以更足干劲抓深“百千万工程”，筑牢城乡融合发展的硬环境',
      ]),
    ).toEqual(['抓牢重点项目落地', '抓实产业园区扩容提质', '抓深“百千万工程”']);
  });

  it('drops a shared leading verb (深化) but never splits a word', () => {
    expect(derived(['深化城乡融合发展体制机制改革，高标准建设实验区', '深化土地要素市场化配置改革'])).toEqual(
      ['城乡融合发展体制机制改革', '土地要素市场化配置改革'],
    );
    expect(sharedOpening(['深化城乡融合发展改革', '深化城市更新改革'])).toBe('深化');
    expect(sharedOpening(['推进财税改革', '推动科技创新'])).toBe('');
  });

  it('keeps a heading that already fits, and a lone area whole up to its first clause', () => {
    expect(derived(['经济提升', '区域提升', '民生提升'])).toEqual(['经济提升', '区域提升', '民生提升']);
    expect(derived(['大力发展都市经济，构建现代产业体系'])).toEqual(['大力发展都市经济']);
  });

  it('strips list numbers a heading still carries', () => {
    expect(shortNameOf('（三）深化科技创新体制机制改革，加快建设创新型城区')).toBe(
      '深化科技创新体制机制改革',
    );
    expect(shortNameOf('二、经济提升')).toBe('经济提升');
  });

  it('uses the name the office typed over the derived one', () => {
    expect(
      areaShortNames([
        { title: '围绕建设现代化产业体系的实体支撑,以龙头引领抓牢重点项目落地', short_name: '重点项目' },
        { title: '围绕建设现代化产业体系的要素保障,以更高的标准抓实产业园区扩容提质', short_name: null },
      ]),
    ).toEqual(['重点项目', '要素保障']);
  });

  it('names each plan’s areas against their own siblings only', () => {
    const rows = [
      { plan_id: 'p1', title: '深化土地要素改革', short_name: null },
      { plan_id: 'p2', title: '围绕产业体系的实体支撑，抓项目', short_name: null },
      { plan_id: 'p1', title: '深化营商环境综合改革', short_name: null },
      { plan_id: 'p2', title: '围绕产业体系的要素保障，抓园区', short_name: null },
    ];
    expect(withShortNames(rows).map((a) => a.shortName)).toEqual([
      '深化土地要素改革',
      '实体支撑',
      '营商环境综合改革',
      '要素保障',
    ]);
  });
});

describe('plan short names', () => {
  it.each([
    ['湛江经开区2026年推进高质量发展重点工作任务清单', '湛江经开区', '推进高质量发展重点工作任务清单'],
    ['中共珠海市金湾区委全面深化改革委员会2026年工作要点', '金湾区', '工作要点'],
    ['金湾区（开发区）2026年改革攻坚“点题”项目', '金湾区', '改革攻坚“点题”项目'],
    ['2026—2027年数字政府建设行动计划', '南海区', '数字政府建设行动计划'],
    ['南海区2026年度点题项目', '南海区', '点题项目'],
    ['南海区2026年要点', '南海区', '南海区2026年要点'],
    ['南海区全面深化改革工作要点', '南海区', '全面深化改革工作要点'],
    ['工作要点', '', '工作要点'],
    ['2026年', '', '2026年'],
  ])('%s (%s) → %s', (title, region, short) => {
    expect(planShortName(title, region)).toBe(short);
  });
});
