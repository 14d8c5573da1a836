import { describe, expect, it } from 'vitest';
import { extract } from './index.js';

describe('declared counts', () => {
  it.each([
    ['部署十大方面31项改革任务。', { areas: 10, tasks: 31 }],
    ['包含45项具体的改革攻坚任务。', { tasks: 45 }],
    ['聚焦7大重点领域。', { areas: 7 }],
    ['重点做好六个方面工作。', { areas: 6 }],
    ['致力抓好六项工作。', { areas: 6 }],
    ['分为四大部分。', { areas: 4 }],
    ['实施五大行动共20项任务。', { areas: 5, tasks: 20 }],
    ['推进十大专项工程。', { areas: 10 }],
  ])('%s', (sentence, expected) => {
    const [c] = extract(`标题\n${sentence}`).counts;
    expect({ areas: c?.areas, tasks: c?.tasks }).toEqual({ areas: undefined, tasks: undefined, ...expected });
  });

  it('warns when the outline disagrees with the declared number of areas', () => {
    const x = extract(
      ['标题', '重点做好以下六个方面工作：', '一、甲', '二、乙', '三、丙', '四、丁', '五、戊'].join('\n'),
    );
    expect(x.warnings).toContain('文件称六个方面，识别出五个 (declared 6 areas, found 5)');
  });

  it('does not warn when they agree', () => {
    const x = extract(['标题', '重点做好以下两个方面工作：', '一、甲', '二、乙'].join('\n'));
    expect(x.warnings).toEqual([]);
  });
});
