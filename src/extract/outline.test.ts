import { describe, expect, it } from 'vitest';
import { extract } from './index.js';
import type { OutlineNode } from './types.js';

const shape = (nodes: OutlineNode[]): unknown[] =>
  nodes.map((n) => [n.level, n.marker, n.title, ...(n.children.length ? [shape(n.children)] : [])]);

describe('outline', () => {
  it("drops the enclosed document's title line of a 印发 notice; item markers stay out of indicators", () => {
    const x = extract(
      [
        '关于印发《青山区2025年为民办实事项目》的通知',
        '各街道办事处，区直各部门：',
        '现将《青山区2025年为民办实事项目》印发给你们，请认真抓好落实。',
        '青山区2025年为民办实事项目',
        '1.新建城市公厕20座。（责任单位：区城市管理局；完成时限：2025年10月底前）',
        '2.改造老旧小区15个。（牵头单位：区住房城乡建设局；完成时限：持续推进）',
      ].join('\n'),
    );
    expect(shape(x.outline)).toEqual([
      [1, '1.', '新建城市公厕20座'],
      [1, '2.', '改造老旧小区15个'],
    ]);
    expect(x.targets.map((q) => q.indicator)).toEqual(['城市公厕', '改造老旧小区']);
    expect(x.deadlines.map((d) => [d.text, d.date ?? null])).toEqual([
      ['2025年10月底前', '2025-10-31'],
      ['持续推进', null],
    ]);
  });

  it('ranks 一、 > （一） > 1. > （1） > ① by first appearance', () => {
    const x = extract(
      [
        '某县2025年工作要点',
        '一、总体要求',
        '（一）指导思想。坚持稳中求进。',
        '1.抓项目。全力推进。',
        '（1）强化调度。每周调度。',
        '①建立台账。',
        '二、重点任务',
        '（一）扩大投资',
      ].join('\n'),
    );
    expect(shape(x.outline)).toEqual([
      [
        1,
        '一、',
        '总体要求',
        [
          [
            2,
            '（一）',
            '指导思想',
            [[3, '1.', '抓项目', [[4, '（1）', '强化调度', [[5, '①', '建立台账']]]]]],
          ],
        ],
      ],
      [1, '二、', '重点任务', [[2, '（一）', '扩大投资']]],
    ]);
  });

  it('puts inline 一是…二是… under the heading above and ends titles at 。；', () => {
    const x = extract(
      [
        '某区讲话',
        '一、坚定信心',
        '过去一年成绩来之不易。一是经济稳中有进，结构优化；二是民生持续改善。三是改革不断深化！',
        '二、明确任务',
        '一要抓项目，强投资。二要优环境。',
      ].join('\n'),
    );
    expect(shape(x.outline)).toEqual([
      [
        1,
        '一、',
        '坚定信心',
        [
          [2, '一是', '经济稳中有进，结构优化'],
          [2, '二是', '民生持续改善'],
          [2, '三是', '改革不断深化'],
        ],
      ],
      [
        1,
        '二、',
        '明确任务',
        [
          [2, '一要', '抓项目，强投资'],
          [2, '二要', '优环境'],
        ],
      ],
    ]);
  });

  it('does not take 一方面…另一方面 or a lone 统一是 for an enumeration', () => {
    const x = extract(
      ['标题', '一、总则', '一方面要加强统筹，另一方面要压实责任。标准统一是关键。'].join('\n'),
    );
    expect(x.outline[0]!.children).toEqual([]);
  });

  it('reads speakers, headline pairs and unnumbered headings', () => {
    const x = extract(
      [
        '务虚会召开',
        '会议总结了前一阶段的工作，与会人员踊跃发言。',
        '县委书记李某某:',
        '我们要认清形势，主动作为。',
        '1 坚定发展信心',
        '要把握机遇，加快发展。',
        '县长赵某:',
        '要抓好落实。',
        '改革见成效',
        '再出发开新局',
        '这是一段报道正文。',
        '经验做法',
        '各部门协同推进，取得实效。',
      ].join('\n'),
    );
    expect(shape(x.outline)).toEqual([
      [1, '', '县委书记李某某', [[2, '1', '坚定发展信心']]],
      [1, '', '县长赵某'],
      [1, '', '改革见成效 再出发开新局', [[2, '', '经验做法']]],
    ]);
  });

  it('takes a speaker without a title, or the meeting, as a speaker node only above 一要 / —— items', () => {
    const x = extract(
      [
        '全区防汛工作会议召开',
        '王某某强调：',
        '一要压实责任。',
        '二要备足物资。',
        '会议要求：',
        '——加强值守。',
        '——及时预警。',
        '文件要求：',
        '各单位于5月底前报送方案。',
      ].join('\n'),
    );
    expect(shape(x.outline)).toEqual([
      [
        1,
        '',
        '王某某强调',
        [
          [2, '一要', '压实责任'],
          [2, '二要', '备足物资'],
        ],
      ],
      [
        1,
        '',
        '会议要求',
        [
          [2, '——', '加强值守'],
          [2, '——', '及时预警'],
        ],
      ],
    ]);
  });

  it('keeps three or more short lines in a row as siblings, not a pair', () => {
    const x = extract(
      ['标题', '一、工作要求', '要提高站位', '要压实责任', '要强化督查', '下面展开说明。'].join('\n'),
    );
    expect(x.outline[0]!.children.map((c) => c.title)).toEqual(['要提高站位', '要压实责任', '要强化督查']);
  });

  it('drops a trailing parenthesis that names units, and does not take lead-in lines or addressees as nodes', () => {
    const x = extract(
      [
        '标题',
        '各镇人民政府，区直各单位：',
        '主要任务分别是：',
        '1.推进“一网通办”改革。（牵头单位：区政务服务局）',
        '2.优化审批流程（牵头单位：区住建局；配合单位：区自然资源局）',
      ].join('\n'),
    );
    expect(shape(x.outline)).toEqual([
      [1, '1.', '推进“一网通办”改革'],
      [1, '2.', '优化审批流程'],
    ]);
  });

  it('reads a task table flattened one cell per line, with category rows above the items', () => {
    const x = extract(
      [
        '某区改革任务分解表',
        '序号',
        '重点任务',
        '牵头单位',
        '完成时限',
        '一、营商环境',
        '1',
        '推行承诺制审批。',
        '区政务服务局',
        '2025年6月底前',
        '2',
        '开展信用修复。',
        '区发展改革局',
        '年底前',
      ].join('\n'),
    );
    expect(shape(x.outline)).toEqual([
      [
        1,
        '一、',
        '营商环境',
        [
          [2, '1', '推行承诺制审批'],
          [2, '2', '开展信用修复'],
        ],
      ],
    ]);
    expect(x.units.map((u) => [u.name, u.role])).toEqual([
      ['区政务服务局', 'lead'],
      ['区发展改革局', 'lead'],
    ]);
    expect(x.deadlines.map((d) => d.date)).toEqual(['2025-06-30', '2025-12-31']);
  });

  it('reads a pipe table', () => {
    const x = extract(
      [
        '任务清单',
        '序号 | 工作任务 | 责任单位 | 完成时间',
        '1 | 新建充电桩200个 | 区工信局 | 2025年9月底前',
        '2 | 改造老旧小区12个 | 区住建局 | 2025年12月底前',
      ].join('\n'),
    );
    expect(x.outline.map((n) => [n.marker, n.title])).toEqual([
      ['1', '新建充电桩200个'],
      ['2', '改造老旧小区12个'],
    ]);
    expect(x.targets.map((q) => [q.indicator, q.value, q.unit])).toEqual([
      ['充电桩', 200, '个'],
      ['改造老旧小区', 12, '个'],
    ]);
  });

  it('gives every node a span that starts at its marker in the input', () => {
    const text = '标题\n一、总体要求\n二、重点任务';
    const x = extract(text);
    expect(x.outline.map((n) => text.slice(n.span[0], n.span[0] + 2))).toEqual(['一、', '二、']);
  });

  it('a signature of one or two issuing bodies is not a heading', () => {
    const x = extract(
      '关于重点工作督查情况的通报\n一、总体情况\n情况良好。\n区委督查室 区政府督查室\n东陵县人民政府督查室\n2026年4月2日',
    );
    expect(x.outline.map((n) => [n.title, n.children.length])).toEqual([['总体情况', 0]]);
  });

  it('a letterhead above a covering notice shifts no level', () => {
    const x = extract(
      [
        '中共某区委 某区人民政府',
        '关于印发《某区2026年营商环境优化提升行动方案》的通知',
        '各街道党工委、办事处，区直各单位：',
        '现将《某区2026年营商环境优化提升行动方案》印发给你们，请认真贯彻执行。',
        '中共某区委 某区人民政府',
        '2026年3月1日',
        '某区2026年营商环境优化提升行动方案',
        '一、总体目标',
        '到2026年底，全区市场主体总量突破12万户。',
        '二、重点任务',
        '(一)提升政务服务效能',
        '1.推行“高效办成一件事”，全年新增集成服务事项15项。',
      ].join('\n'),
    );
    expect(x.title).toBe('关于印发《某区2026年营商环境优化提升行动方案》的通知');
    expect(x.outline.map((n) => [n.level, n.title])).toEqual([
      [1, '总体目标'],
      [1, '重点任务'],
    ]);
    expect(x.outline[1]!.children[0]!.children.map((n) => n.level)).toEqual([3]);
  });
});
