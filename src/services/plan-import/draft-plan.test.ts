import { describe, expect, it } from 'vitest';
import { extract } from '../../extract/index.js';
import type { UnitRow } from '../../db/schema.js';
import { draftPlan } from './draft-plan.js';

const unit = (id: string, name: string, active = 1): UnitRow => ({
  id,
  region_id: 'r1',
  name,
  kind: name.endsWith('镇') ? 'town' : 'department',
  active,
  version: 1,
  created_at: '2026-01-01T00:00:00Z',
});

const UNITS = [
  unit('fgj', '区发展和改革局'),
  unit('jyj', '区教育局'),
  unit('czj', '区财政局'),
  unit('lsz', '里水镇'),
];

const TEXT = `南海区2026年改革工作要点

一、深化城乡融合发展改革
1.完善实验区统筹推进机制。建立推进架构。（牵头单位：区发改局；配合单位：区财政局）
2.推进公共服务均等化。推动教育资源向农村延伸。（牵头单位：区教育局；完成时限：2026年12月底前）
3.开展镇域改革试点。支持里水镇先行探索，形成可复制推广的经验。（配合单位：区财政局）

二、深化教育领域改革
4.建设新校区。新建公办学校一所，2026年秋季学期前投入使用。（牵头单位：区教育局）
5.深化集团化办学。推行教师“区管校聘”。（牵头单位：区教育局；完成时限：2026年秋季开学前）
`;

function draft() {
  return draftPlan(extract(TEXT), TEXT, UNITS, '南海区', 2026);
}

describe('draftPlan', () => {
  it("keeps the document's own numbering of tasks: 4 and 5 stay 4 and 5, not 2.1 and 2.2", () => {
    const d = draft();
    expect(d.areas.map((a) => a.code)).toEqual(['1', '2']);
    expect(d.tasks.map((t) => t.code)).toEqual(['1', '2', '3', '4', '5']);
  });

  it('marks a task ongoing when its time limit says 长期坚持 or 持续推进, and leaves it undated', () => {
    const text = `南海区2026年改革工作要点

一、深化城乡融合发展改革
1.完善实验区统筹推进机制。建立推进架构。（牵头单位：区发改局；完成时限：长期坚持）
2.推进公共服务均等化。推动教育资源向农村延伸。（牵头单位：区教育局；完成时限：2026年12月底前）
3.开展镇域改革试点。支持里水镇先行探索。（牵头单位：里水镇；完成时限：持续推进）
`;
    const d = draftPlan(extract(text), text, UNITS, '南海区', 2026);
    expect(d.tasks.map((t) => [t.dueDate, t.ongoing])).toEqual([
      [null, true],
      ['2026-12-31', false],
      [null, true],
    ]);
    expect(d.unreadDeadlines).toEqual([]);
  });

  it('says which time limits it could not read as dates', () => {
    const d = draft();
    expect(d.tasks.map((t) => t.dueDate)).toEqual([null, '2026-12-31', null, null, null]);
    expect(d.unreadDeadlines).toEqual([
      { code: '4', text: '2026年秋季学期前' },
      { code: '5', text: '2026年秋季开学前' },
    ]);
    expect(d.warnings.filter((w) => w.includes('未能识别为日期'))).toEqual([
      expect.stringContaining('任务4的时限“2026年秋季学期前”'),
      expect.stringContaining('任务5的时限“2026年秋季开学前”'),
    ]);
  });

  it('suggests a lead unit from an abbreviated name or from the unit the task names', () => {
    const d = draft();
    const [first, second, third] = d.tasks;
    expect(first).toMatchObject({
      leadUnitId: null,
      proposedLeadUnit: '区发改局',
      suggestedLeadUnitId: 'fgj',
    });
    expect(second).toMatchObject({ leadUnitId: 'jyj', suggestedLeadUnitId: null });
    // No lead named: the town the task speaks of, never its co-operating unit.
    expect(third).toMatchObject({ leadUnitId: null, coUnitIds: ['czj'], suggestedLeadUnitId: 'lsz' });
  });
});
