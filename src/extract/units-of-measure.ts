// Units written after a number, longest first, and what kind of quantity each makes.
export type UnitClass = 'count' | 'level' | 'percent' | 'points' | 'times' | 'duration' | 'skip';

const TABLE: [string, UnitClass][] = [
  ['个百分点', 'points'], ['百分点', 'points'], ['%', 'percent'], ['‰', 'percent'],
  ['个工作日', 'duration'], ['个小时', 'duration'], ['个月', 'duration'], ['个季度', 'duration'], ['工作日', 'duration'],
  ['周年', 'duration'], ['年度', 'duration'], ['季度', 'duration'], ['刻钟', 'duration'], ['分钟', 'duration'], ['小时', 'duration'],
  ['年', 'duration'], ['月', 'duration'], ['日', 'duration'], ['天', 'duration'], ['周', 'duration'], ['秒', 'duration'], ['号', 'skip'],
  ['届', 'skip'], ['次', 'skip'], ['级', 'skip'], ['星', 'skip'], ['轮', 'skip'], ['楼', 'skip'], ['层', 'skip'], ['代', 'skip'], ['岁', 'skip'],
  ['大', 'skip'], ['强', 'skip'], ['佳', 'skip'], ['线', 'skip'], ['类', 'skip'], ['道', 'skip'], ['方面', 'skip'], ['成', 'skip'],
  ['亿美元', 'level'], ['万美元', 'level'], ['美元', 'level'], ['亿元', 'level'], ['万元', 'level'], ['千元', 'level'], ['元', 'level'],
  ['平方公里', 'level'], ['平方千米', 'level'], ['平方米', 'level'], ['平米', 'level'], ['立方米', 'level'], ['公里', 'level'], ['千米', 'level'],
  ['米', 'level'], ['公顷', 'level'], ['亩', 'level'], ['吨', 'level'], ['千克', 'level'], ['公斤', 'level'], ['千瓦时', 'level'], ['千瓦', 'level'],
  ['微克/立方米', 'level'], ['毫克/立方米', 'level'], ['微克每立方米', 'level'], ['吨标准煤', 'level'], ['吨标煤', 'level'],
  ['兆瓦', 'level'], ['标箱', 'level'], ['标准箱', 'level'], ['人口', 'level'], ['人', 'level'], ['倍', 'times'],
  ['人次', 'count'], ['场次', 'count'], ['批次', 'count'], ['户次', 'count'], ['家次', 'count'], ['车次', 'count'], ['架次', 'count'],
  ['个', 'count'], ['家', 'count'], ['户', 'count'], ['项', 'count'], ['场', 'count'], ['名', 'count'], ['株', 'count'], ['棵', 'count'],
  ['套', 'count'], ['间', 'count'], ['条', 'count'], ['批', 'count'], ['件', 'count'], ['所', 'count'], ['座', 'count'], ['处', 'count'],
  ['栋', 'count'], ['幢', 'count'], ['台', 'count'], ['辆', 'count'], ['艘', 'count'], ['只', 'count'], ['头', 'count'], ['篇', 'count'],
  ['部', 'count'], ['宗', 'count'], ['张', 'count'], ['支', 'count'], ['种', 'count'], ['块', 'count'], ['组', 'count'], ['对', 'count'],
  ['例', 'count'], ['起', 'count'], ['期', 'count'], ['位', 'count'], ['款', 'count'], ['门', 'count'], ['枚', 'count'], ['根', 'count'],
  ['床', 'count'], ['单', 'count'], ['份', 'count'],
];

const BY_FIRST = new Map<string, [string, UnitClass][]>();
for (const entry of TABLE) {
  const list = BY_FIRST.get(entry[0][0]!) ?? [];
  list.push(entry);
  BY_FIRST.set(entry[0][0]!, list);
}
for (const list of BY_FIRST.values()) list.sort((a, b) => b[0].length - a[0].length);

export function matchUnit(text: string, at: number): [string, UnitClass] | undefined {
  const list = BY_FIRST.get(text[at] ?? '');
  if (!list) return undefined;
  for (const entry of list) if (text.startsWith(entry[0], at)) return entry;
  return undefined;
}

export const MULTIPLIERS = '万亿千百';
