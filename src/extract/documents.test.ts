// Documents of the kinds the engine meets in other districts, written for these tests (fixtures/*.txt),
// each with what the spec's annotation rules say it holds. Quantities are matched as the scorer matches
// them (same value and unit, indicators overlapping); outline, deadlines, units and counts exactly.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from './index.js';
import type { Comparator, Extraction, Measure, OutlineNode, Quantity } from './types.js';

type Q = [
  indicator: string,
  measure: Measure,
  comparator: Comparator,
  value: number,
  unit: string,
  stretch: boolean,
];
type Node = [level: number, marker: string, title: string, children?: Node[]];

interface Expected {
  title: string;
  region?: string;
  counts?: [text: string, areas: number | undefined, tasks: number | undefined][];
  outline: Node[];
  targets: Q[];
  actuals: Q[];
  deadlines?: (string | null)[];
  units?: [name: string, role: string][];
}

const read = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const shape = (nodes: OutlineNode[]): Node[] =>
  nodes.map((n) =>
    n.children.length ? [n.level, n.marker, n.title, shape(n.children)] : [n.level, n.marker, n.title],
  );

function bigrams(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < s.length; i++) out.push(s.slice(i, i + 2));
  return out;
}
function similar(a: string, b: string): boolean {
  if (a.includes(b) || b.includes(a)) return true;
  const x = bigrams(a);
  const y = bigrams(b);
  const pool = [...y];
  let common = 0;
  for (const g of x) {
    const k = pool.indexOf(g);
    if (k >= 0) {
      common++;
      pool.splice(k, 1);
    }
  }
  return x.length + y.length > 0 && (2 * common) / (x.length + y.length) >= 0.4;
}

/** One-to-one match of expected and found quantities; unmatched ones on either side are reported. */
function compare(found: Quantity[], expected: Q[]): { missing: Q[]; extra: unknown[]; wrong: unknown[] } {
  const left = [...found];
  const missing: Q[] = [];
  const wrong: unknown[] = [];
  for (const e of expected) {
    const k = left.findIndex((q) => q.value === e[3] && q.unit === e[4] && similar(q.indicator, e[0]));
    if (k < 0) {
      missing.push(e);
      continue;
    }
    const q = left.splice(k, 1)[0]!;
    if (q.measure !== e[1] || q.comparator !== e[2] || q.stretch !== e[5])
      wrong.push({ expected: e, found: [q.indicator, q.measure, q.comparator, q.value, q.unit, q.stretch] });
  }
  return {
    missing,
    extra: left.map((q) => [q.indicator, q.measure, q.comparator, q.value, q.unit, q.stretch]),
    wrong,
  };
}

function check(x: Extraction, e: Expected): void {
  expect(x.title).toBe(e.title);
  if (e.region !== undefined) expect(x.region).toBe(e.region);
  expect(x.counts.map((c) => [c.text, c.areas, c.tasks])).toEqual(e.counts ?? []);
  expect(shape(x.outline)).toEqual(e.outline);
  expect(compare(x.targets, e.targets)).toEqual({ missing: [], extra: [], wrong: [] });
  expect(compare(x.actuals, e.actuals)).toEqual({ missing: [], extra: [], wrong: [] });
  if (e.deadlines) expect(x.deadlines.map((d) => d.date ?? null)).toEqual(e.deadlines);
  if (e.units) expect(x.units.map((u) => [u.name, u.role])).toEqual(e.units);
}

const DOCUMENTS: Record<string, Expected> = {
  // A government work report: title block with deck and byline, review (actuals) and the 主要预期目标
  // paragraph with a range, a ceiling, a comparison without a number and "力争A，年内B".
  'gov-work-report.txt': {
    title: '2025年青川县人民政府工作报告',
    region: '青川县',
    outline: [
      [
        1,
        '一、',
        '2024年工作回顾',
        [
          [2, '（一）', '产业发展稳中有进'],
          [2, '（二）', '民生保障更加有力'],
          [2, '（三）', '改革开放持续深化'],
        ],
      ],
      [
        1,
        '二、',
        '2025年主要目标任务',
        [
          [2, '（一）', '全力扩大有效投资'],
          [2, '（二）', '做强特色产业'],
          [2, '（三）', '办好民生实事'],
        ],
      ],
      [
        1,
        '三、',
        '全面加强政府自身建设',
        [
          [2, '（一）', '坚持依法行政'],
          [2, '（二）', '持续改进作风'],
        ],
      ],
    ],
    actuals: [
      ['地区生产总值', 'growth', '=', 5.2, '%', false],
      ['规模以上工业增加值', 'growth', '=', 7.1, '%', false],
      ['一般公共预算收入', 'level', '=', 18.6, '亿元', false],
      ['亿元以上项目', 'count', '=', 23, '个', false],
      ['规模以上工业企业', 'count', '=', 15, '家', false],
      ['茶叶种植面积', 'level', '=', 12, '万亩', false],
      ['城镇新增就业', 'level', '=', 3260, '人', false],
      ['老旧小区', 'count', '=', 11, '个', false],
      ['农村公路', 'level', '=', 86, '公里', false],
    ],
    targets: [
      ['地区生产总值', 'growth', '>=', 5.5, '%', false],
      ['规模以上工业增加值', 'growth', '~', 7, '%', false],
      ['固定资产投资', 'growth', '>=', 5, '%', false],
      ['城镇调查失业率', 'share', '<=', 5.5, '%', false],
      ['粮食产量', 'level', '=', 12.5, '万吨', false],
      ['重点项目投资', 'level', '=', 80, '亿元', true],
      ['新开工项目', 'count', '=', 40, '个', false],
      ['城市更新项目', 'count', '=', 18, '个', false],
      ['茶产业综合产值', 'level', '>', 50, '亿元', true],
      ['国家高新技术企业', 'count', '=', 8, '家', false],
      ['城镇就业', 'level', '>=', 3000, '人', false],
      ['幼儿园', 'count', '=', 3, '所', false],
      ['一般性支出', 'growth', '>=', 10, '%', false],
    ],
    deadlines: ['2025-12-31', '2025-12-31', '2025-06-30'],
    units: [
      ['县卫生健康局', 'lead'],
      ['县财政局', 'co'],
      ['县住房城乡建设局', 'co'],
    ],
  },
  // A task-breakdown table flattened one cell per line, category rows above the numbered rows.
  'task-table-cells.txt': {
    title: '平湖区2025年优化营商环境重点任务分解表',
    region: '平湖区',
    outline: [
      [
        1,
        '一、',
        '政务服务',
        [
          [2, '1', '推行“一件事一次办”，全年新增集成服务事项20项'],
          [2, '2', '建成24小时自助服务点15个'],
        ],
      ],
      [
        1,
        '二、',
        '要素保障',
        [
          [2, '3', '新增供应工业用地1200亩，盘活闲置厂房30万平方米'],
          [2, '4', '为中小企业新增贷款50亿元以上'],
        ],
      ],
      [1, '三、', '法治环境', [[2, '5', '开展涉企行政检查专项清理，行政检查频次下降30%']]],
    ],
    targets: [
      ['集成服务事项', 'count', '=', 20, '项', false],
      ['自助服务点', 'count', '=', 15, '个', false],
      ['供应工业用地', 'level', '=', 1200, '亩', false],
      ['盘活闲置厂房', 'level', '=', 30, '万平方米', false],
      ['中小企业新增贷款', 'level', '>=', 50, '亿元', false],
      ['行政检查频次', 'growth', '=', 30, '%', false],
    ],
    actuals: [],
    deadlines: ['2025-12-31', '2025-06-30', '2025-09-30', '2025-12-31', '2025-12-31', '2025-09-30'],
    units: [
      ['区政务服务数据管理局', 'lead'],
      ['区发展改革局', 'co'],
      ['区司法局', 'co'],
      ['区政务服务数据管理局', 'lead'],
      ['各街道办事处', 'co'],
      ['区自然资源局', 'lead'],
      ['区工业和信息化局', 'co'],
      ['区金融工作局', 'lead'],
      ['区财政局', 'co'],
      ['区司法局', 'lead'],
      ['区市场监管局', 'co'],
    ],
  },
  // A |-separated list with a markdown rule line; the lead-in names the list's size ("十件…如下").
  'task-table-pipe.txt': {
    title: '东溪县2025年民生实事任务清单',
    region: '东溪县',
    counts: [['十件民生实事', undefined, 10]],
    outline: [
      [1, '1', '新建社区嵌入式托育点8个'],
      [1, '2', '改造提升农贸市场5个'],
      [1, '3', '新增公共停车泊位2000个'],
      [1, '4', '为65岁以上老人免费体检4万人次'],
      [1, '5', '新建城市口袋公园12处'],
      [1, '6', '完成农村危房改造150户'],
      [1, '7', '新增义务教育学位1800个'],
      [1, '8', '开展职业技能培训1.2万人次'],
      [1, '9', '更新公交车辆40辆'],
      [1, '10', '建设农村饮水提升工程3处'],
    ],
    targets: [
      ['社区嵌入式托育点', 'count', '=', 8, '个', false],
      ['农贸市场', 'count', '=', 5, '个', false],
      ['公共停车泊位', 'count', '=', 2000, '个', false],
      ['老人免费体检', 'count', '=', 4, '万人次', false],
      ['城市口袋公园', 'count', '=', 12, '处', false],
      ['农村危房改造', 'count', '=', 150, '户', false],
      ['义务教育学位', 'count', '=', 1800, '个', false],
      ['职业技能培训', 'count', '=', 1.2, '万人次', false],
      ['公交车辆', 'count', '=', 40, '辆', false],
      ['农村饮水提升工程', 'count', '=', 3, '处', false],
    ],
    actuals: [],
    deadlines: [
      '2025-10-31',
      '2025-11-30',
      '2025-12-31',
      '2025-09-30',
      '2025-09-30',
      '2025-11-30',
      '2025-08-31',
      '2025-12-31',
      '2025-06-30',
      '2025-10-31',
    ],
    units: [
      ['县卫生健康局', 'lead'],
      ['县商务局', 'lead'],
      ['县住房城乡建设局', 'lead'],
      ['县卫生健康局', 'lead'],
      ['县城市管理局', 'lead'],
      ['县住房城乡建设局', 'lead'],
      ['各乡镇', 'lead'],
      ['县教育局', 'lead'],
      ['县人力资源社会保障局', 'lead'],
      ['县交通运输局', 'lead'],
      ['县水利局', 'lead'],
      ['县政府督查室', 'mentioned'],
      ['县财政局', 'mentioned'],
      ['县融媒体中心', 'mentioned'],
    ],
  },
  // A leader's speech: byline and date under the title, 一要…二要… inline, 第一，… at line starts,
  // "一方面…另一方面" that is no enumeration, 确保 next to 力争.
  'speech-yiyao.txt': {
    title: '在全区项目建设推进会上的讲话',
    outline: [
      [
        1,
        '一、',
        '认清形势，增强抓项目的紧迫感',
        [
          [2, '一要', '看到差距'],
          [2, '二要', '看到机遇'],
          [2, '三要', '看到优势'],
        ],
      ],
      [
        1,
        '二、',
        '突出重点，推动项目建设提速提效',
        [
          [2, '第一', '抓好项目储备'],
          [2, '第二', '抓好开工建设'],
          [2, '第三', '抓好要素保障'],
          [2, '第四', '抓好招商引资'],
        ],
      ],
      [1, '三、', '压实责任，营造比学赶超的浓厚氛围'],
    ],
    actuals: [['固定资产投资', 'growth', '=', 3.2, '%', false]],
    targets: [
      ['储备项目', 'count', '>=', 100, '个', false],
      ['总投资', 'level', '>=', 500, '亿元', false],
      ['新开工项目', 'count', '=', 25, '个', false],
      ['开工率', 'share', '>=', 60, '%', true],
      ['专项债券资金', 'level', '=', 15, '亿元', true],
      ['500强企业项目', 'count', '=', 3, '个', false],
      ['实际利用外资', 'growth', '=', 10, '%', false],
    ],
    deadlines: ['2025-03-31', '2025-06-30', '2025-12-31', '2025-12-31'],
    units: [
      ['区发展改革局', 'mentioned'],
      ['区财政局', 'mentioned'],
      ['区委督查室', 'mentioned'],
    ],
  },
  // Work points with ①②③ and (1)(2)(3) run into one paragraph, 一是…二是… separated by commas, and a
  // declared size.
  'work-points-inline.txt': {
    title: '中共白沙镇委员会2025年工作要点',
    region: '白沙镇',
    counts: [['四个方面12项重点工作', 4, 12]],
    outline: [
      [
        1,
        '一、',
        '聚焦产业振兴',
        [
          [
            2,
            '（一）',
            '壮大村级集体经济',
            [
              [3, '①', '每个村至少培育1个特色产业项目'],
              [3, '②', '全年村级集体经济收入10万元以上的村达到15个'],
              [3, '③', '推广“公司+合作社+农户”模式'],
            ],
          ],
          [
            2,
            '（二）',
            '发展乡村旅游',
            [
              [3, '(1)', '打造精品民宿20家'],
              [3, '(2)', '举办乡村文化旅游节2场'],
              [3, '(3)', '创建国家3A级旅游景区1个'],
            ],
          ],
          [2, '（三）', '抓好招商引资'],
        ],
      ],
      [
        1,
        '二、',
        '改善人居环境',
        [
          [2, '（一）', '推进垃圾分类'],
          [2, '（二）', '实施农村改厕'],
          [2, '（三）', '整治河湖环境'],
        ],
      ],
      [
        1,
        '三、',
        '加强基层治理',
        [
          [2, '一是', '配齐专职网格员'],
          [2, '二是', '完善积分制管理'],
          [2, '三是', '推广“村民说事”'],
          [2, '（一）', '维护社会稳定'],
          [2, '（二）', '强化安全生产'],
        ],
      ],
      [
        1,
        '四、',
        '从严管党治党',
        [
          [2, '（一）', '加强政治建设'],
          [2, '（二）', '锻造过硬队伍'],
          [2, '（三）', '持续正风肃纪'],
        ],
      ],
    ],
    targets: [
      ['特色产业项目', 'count', '>=', 1, '个', false],
      ['村级集体经济收入10万元以上的村', 'count', '>=', 15, '个', false],
      ['精品民宿', 'count', '=', 20, '家', false],
      ['乡村文化旅游节', 'count', '=', 2, '场', false],
      ['国家3A级旅游景区', 'count', '=', 1, '个', false],
      ['产业项目', 'count', '=', 8, '个', false],
      ['实际到位资金', 'level', '=', 5, '亿元', false],
      ['无害化卫生户厕改造', 'count', '=', 300, '户', false],
      ['矛盾纠纷化解率', 'share', '>=', 98, '%', false],
      ['发展党员', 'count', '=', 12, '名', false],
      ['培训村（社区）干部', 'count', '=', 200, '人次', false],
    ],
    actuals: [],
    units: [
      ['镇农业农村办', 'lead'],
      ['镇纪委', 'lead'],
      ['镇党政办', 'co'],
      ['镇党政办', 'mentioned'],
    ],
  },
  // A news report: web furniture, headline over a deck, a meeting narrative, reported and planned
  // figures, clauses that inherit their subject, speakers with their items.
  'news-meeting.txt': {
    title: '云溪区召开2025年经济工作会议',
    region: '云溪区',
    outline: [
      [
        1,
        '',
        '区委书记杨立群',
        [
          [2, '一是', '抓招商，全年引进亿元以上项目30个'],
          [2, '二是', '抓园区，推动工业园区扩容提质'],
          [2, '三是', '抓服务，持续优化营商环境'],
        ],
      ],
      [1, '', '区长吴海涛'],
    ],
    actuals: [
      ['地区生产总值', 'level', '=', 412.6, '亿元', false],
      ['地区生产总值', 'growth', '=', 5.8, '%', false],
      ['固定资产投资', 'level', '=', 156, '亿元', false],
      ['固定资产投资', 'growth', '=', 4.1, '%', false],
    ],
    targets: [
      ['地区生产总值', 'growth', '~', 6, '%', false],
      ['地区生产总值', 'level', '>', 440, '亿元', true],
      ['社会消费品零售总额', 'growth', '=', 6.5, '%', false],
      ['亿元以上项目', 'count', '=', 30, '个', false],
      ['新开工项目', 'count', '>=', 15, '个', false],
    ],
    units: [
      ['区发展改革局', 'mentioned'],
      ['区工业和信息化局', 'mentioned'],
    ],
  },
  // ASCII punctuation throughout: "." as full stop, "(1) " markers with spaces, a range "5-6%".
  'ascii-punct.txt': {
    title: '石门县2025年重点工作安排',
    region: '石门县',
    outline: [
      [1, '1.', '稳增长促发展'],
      [
        1,
        '2.',
        '扩大有效需求',
        [
          [2, '(1)', '抓投资'],
          [2, '(2)', '促消费'],
          [2, '(3)', '稳外贸'],
        ],
      ],
      [
        1,
        '3.',
        '推进乡村振兴',
        [
          [2, '(1)', '稳粮扩油'],
          [2, '(2)', '建设和美乡村'],
        ],
      ],
      [1, '4.', '保障改善民生'],
      [1, '5.', '强化工作落实'],
    ],
    targets: [
      ['GDP', 'growth', '~', 6.5, '%', false],
      ['规模以上工业增加值', 'growth', '=', 8, '%', false],
      ['一般公共预算收入', 'growth', '>=', 5, '%', false],
      ['重点项目', 'count', '=', 120, '个', false],
      ['投资', 'level', '>=', 150, '亿元', false],
      ['促消费活动', 'count', '>=', 30, '场', false],
      ['社会消费品零售总额', 'level', '>', 300, '亿元', false],
      ['外贸进出口总额', 'growth', '~', 10, '%', false],
      ['粮食播种面积', 'level', '=', 60, '万亩', false],
      ['美丽乡村示范村', 'count', '=', 10, '个', false],
      ['城镇就业', 'level', '=', 4500, '人', false],
      ['城镇登记失业率', 'share', '<=', 4, '%', false],
      ['中小学校', 'count', '=', 5, '所', false],
    ],
    actuals: [],
    deadlines: ['2025-12-31', '2025-12-31', '2025-03-31', '2025-10-31'],
    units: [
      ['县人力资源社会保障局', 'lead'],
      ['县财政局', 'co'],
      ['县政府督查室', 'mentioned'],
    ],
  },
  // An excerpt scraped from a narrow column: no title, hard line breaks every 24 characters (short
  // enough for the 30-character heading rule), numbers split across lines, a cut-off last sentence,
  // 力争 whose reach ends at "，全年…".
  'excerpt-scraped.txt': {
    title: '',
    outline: [
      [1, '', '粮食生产'],
      [1, '', '乡村建设'],
      [1, '', '产业发展'],
      [1, '', '农民增收'],
      [1, '', '保障措施'],
    ],
    targets: [
      ['粮食播种面积', 'level', '>=', 45, '万亩', false],
      ['粮食总产量', 'level', '>=', 18, '万吨', true],
      ['高标准农田', 'level', '=', 3.2, '万亩', false],
      ['综合机械化率', 'share', '>=', 75, '%', false],
      ['省级和美乡村示范村', 'count', '=', 6, '个', false],
      ['农村公路', 'level', '=', 120, '公里', false],
      ['农村自来水受益人口', 'level', '=', 1.5, '万人', false],
      ['农村生活污水治理率', 'share', '=', 45, '%', false],
      ['省级农业龙头企业', 'count', '=', 3, '家', false],
      ['农村居民人均可支配收入', 'growth', '~', 7, '%', false],
      ['50万元以上的村', 'count', '>=', 20, '个', true],
      ['高素质农民', 'count', '=', 800, '人次', false],
    ],
    actuals: [],
    units: [
      ['县农业农村局', 'mentioned'],
      ['县发展改革局', 'mentioned'],
      ['县委组织部', 'mentioned'],
      ['县农业农村局', 'mentioned'],
    ],
  },
  // A county report opening a new term: a 过去五年 review whose figures are actuals (达到 without 以上
  // is "="; 年均增长 and 比2020年增长 speak of the subject before them), a 今后五年 goal, and a 主要预期目标
  // sentence mixing 左右, 以上, 以内, 稳定在, a target with no number and "左右，力争达到…"; parallel
  // (一)…(四) headings of one length that are no hard wrap; "其中10亿元以上项目5个".
  'gov-report-five-years.txt': {
    title: '2026年临江县人民政府工作报告',
    region: '临江县',
    outline: [
      [
        1,
        '一、',
        '过去五年工作回顾',
        [
          [2, '（一）', '综合实力明显提升'],
          [2, '（二）', '产业结构持续优化'],
          [2, '（三）', '城乡面貌焕然一新'],
          [2, '（四）', '民生福祉不断增进'],
        ],
      ],
      [1, '二、', '今后五年的奋斗目标'],
      [
        1,
        '三、',
        '2026年重点工作',
        [
          [2, '（一）', '坚定不移抓项目扩投资'],
          [2, '（二）', '坚定不移强产业促转型'],
          [2, '（三）', '坚定不移惠民生增福祉'],
          [2, '（四）', '坚定不移防风险保安全'],
        ],
      ],
      [1, '四、', '全面加强政府自身建设'],
    ],
    actuals: [
      ['地区生产总值', 'level', '=', 265, '亿元', false],
      ['地区生产总值', 'growth', '=', 6.3, '%', false],
      ['一般公共预算收入', 'level', '=', 21.4, '亿元', false],
      ['一般公共预算收入', 'growth', '=', 42, '%', false],
      ['亿元以上项目', 'count', '=', 96, '个', false],
      ['规模以上工业企业', 'count', '=', 182, '家', false],
      ['省级现代农业产业园', 'count', '=', 3, '个', false],
      ['农村公路', 'level', '=', 420, '公里', false],
      ['城镇老旧小区', 'count', '=', 38, '个', false],
      ['常住人口城镇化率', 'share', '=', 58.6, '%', false],
      ['城镇就业', 'level', '=', 2.1, '万人', false],
      ['中小学校', 'count', '=', 14, '所', false],
      ['城乡居民医保参保率', 'share', '>=', 97, '%', false],
    ],
    targets: [
      ['地区生产总值', 'level', '>', 350, '亿元', false],
      ['常住人口城镇化率', 'share', '>=', 63, '%', false],
      ['地区生产总值', 'growth', '~', 6, '%', false],
      ['地区生产总值', 'growth', '>=', 6.5, '%', true],
      ['规模以上工业增加值', 'growth', '>=', 8, '%', false],
      ['固定资产投资', 'growth', '~', 7, '%', false],
      ['城镇调查失业率', 'share', '<=', 5.5, '%', false],
      ['居民消费价格涨幅', 'growth', '~', 3, '%', false],
      ['粮食播种面积', 'level', '=', 52, '万亩', false],
      ['重点项目', 'count', '=', 150, '个', false],
      ['投资', 'level', '>=', 120, '亿元', false],
      ['新签约亿元以上项目', 'count', '=', 40, '个', true],
      ['10亿元以上项目', 'count', '=', 5, '个', true],
      ['规模以上工业企业', 'count', '=', 20, '家', false],
      ['高新技术产业增加值占规模以上工业增加值比重', 'share', '>=', 45, '%', false],
      ['城镇就业', 'level', '>=', 4000, '人', false],
      ['普惠性幼儿园', 'count', '=', 4, '所', false],
      ['政府债务率', 'share', '<=', 120, '%', false],
      ['生产安全事故起数', 'growth', '=', 10, '%', false],
      ['一般性支出', 'growth', '>=', 5, '%', false],
    ],
    deadlines: ['2026-12-31', '2026-06-30'],
    units: [],
  },
  // A 责任分工 table flattened with | and five columns, two rows whose cell wrapped onto the next line
  // (in the task and in the co-operating units), 持续推进 / 年底前 deadlines, and a notice's tail
  // (signature, date, 附件, contact line) that holds no nodes.
  'duty-table-wrapped.txt': {
    title: '临江县2026年《政府工作报告》重点任务责任分工',
    region: '临江县',
    counts: [['8项重点任务', undefined, 8]],
    outline: [
      [1, '1', '新建5G基站300个，实现行政村5G网络全覆盖'],
      [1, '2', '实施城区雨污分流改造，新建改造雨污管网45公里'],
      [1, '3', '推进县人民医院新院区建设，完成投资3.5亿元'],
      [1, '4', '深化“放管服”改革，政务服务事项网上可办率达到95%以上'],
      [1, '5', '新增高标准农田2.6万亩，粮食总产量稳定在21万吨'],
      [1, '6', '完成农村户厕改造1500户'],
      [1, '7', '开展职业技能培训8000人次'],
      [1, '8', '建设城区公共停车场6处，新增停车泊位1200个'],
    ],
    targets: [
      ['5G基站', 'count', '=', 300, '个', false],
      ['雨污管网', 'level', '=', 45, '公里', false],
      ['投资', 'level', '=', 3.5, '亿元', false],
      ['政务服务事项网上可办率', 'share', '>=', 95, '%', false],
      ['高标准农田', 'level', '=', 2.6, '万亩', false],
      ['粮食总产量', 'level', '=', 21, '万吨', false],
      ['农村户厕改造', 'count', '=', 1500, '户', false],
      ['职业技能培训', 'count', '=', 8000, '人次', false],
      ['公共停车场', 'count', '=', 6, '处', false],
      ['停车泊位', 'count', '=', 1200, '个', false],
    ],
    actuals: [],
    deadlines: [
      '2026-06-30',
      '2026-12-31',
      '2026-12-31',
      null,
      '2026-09-30',
      '2026-12-31',
      '2026-11-30',
      null,
    ],
    units: [
      ['县工业和信息化局', 'lead'],
      ['县通信发展办', 'co'],
      ['县住房城乡建设局', 'lead'],
      ['县城市管理局', 'co'],
      ['各镇人民政府', 'co'],
      ['县卫生健康局', 'lead'],
      ['县发展改革局', 'co'],
      ['县财政局', 'co'],
      ['县政务服务中心', 'lead'],
      ['县直各部门', 'co'],
      ['县农业农村局', 'lead'],
      ['县财政局', 'co'],
      ['县自然资源局', 'co'],
      ['各镇人民政府', 'co'],
      ['县农业农村局', 'lead'],
      ['县卫生健康局', 'co'],
      ['县人力资源社会保障局', 'lead'],
      ['县教育局', 'co'],
      ['县城市管理局', 'lead'],
      ['县公安局', 'co'],
      ['县自然资源局', 'co'],
      ['县政府督查室', 'mentioned'],
      ['县委督查室', 'mentioned'],
      ['县财政局', 'mentioned'],
      ['县政府办公室', 'mentioned'],
      ['县政府办公室', 'mentioned'],
    ],
  },
  // A 点题 list: "三个领域9项", items 1. … 9. numbered across the areas, each ending in a parenthesis
  // naming its lead and co-operating units (not part of the title, not an indicator), a duration that
  // is no target (40个工作日), and a closing plain heading over 一要…三要 that is no child of item 9.
  'dianti-paren-units.txt': {
    title: '南岭区2026年度“点题整治”项目清单',
    region: '南岭区',
    counts: [['三个领域9项', 3, 9]],
    outline: [
      [
        1,
        '一、',
        '民生服务领域',
        [
          [2, '1.', '整治农村供水保障不到位问题，新建改造农村供水管网120公里'],
          [2, '2.', '整治养老服务供给不足问题，新建社区养老服务站12个，新增养老床位300张'],
          [2, '3.', '整治中小学课后服务不规范问题，实现课后服务全覆盖'],
        ],
      ],
      [
        1,
        '二、',
        '营商环境领域',
        [
          [2, '4.', '整治涉企收费不规范问题，为企业减负2000万元以上'],
          [2, '5.', '整治工程建设项目审批时间长问题，审批时限压缩至40个工作日以内'],
          [2, '6.', '整治拖欠中小企业账款问题'],
        ],
      ],
      [
        1,
        '三、',
        '城乡治理领域',
        [
          [2, '7.', '整治城区停车难问题，新增公共停车泊位1500个'],
          [2, '8.', '整治农村人居环境脏乱差问题，农村生活垃圾无害化处理率达到100%'],
          [2, '9.', '整治物业服务不规范问题，推动物业服务覆盖率提高到90%以上'],
        ],
      ],
      [
        1,
        '',
        '有关要求',
        [
          [2, '一要', '提高思想认识'],
          [2, '二要', '强化协同配合'],
          [2, '三要', '严格督查问效'],
        ],
      ],
    ],
    targets: [
      ['农村供水管网', 'level', '=', 120, '公里', false],
      ['社区养老服务站', 'count', '=', 12, '个', false],
      ['养老床位', 'count', '=', 300, '张', false],
      ['为企业减负', 'level', '>=', 2000, '万元', false],
      // A committed time limit is a quantity (issue 14: durations were dropped).
      ['审批时限', 'level', '<=', 40, '个工作日', false],
      ['公共停车泊位', 'count', '=', 1500, '个', false],
      ['农村生活垃圾无害化处理率', 'share', '>=', 100, '%', false],
      ['物业服务覆盖率', 'share', '>=', 90, '%', false],
    ],
    actuals: [],
    deadlines: ['2026-03-31', '2026-12-31'],
    units: [
      ['区水利局', 'lead'],
      ['区财政局', 'co'],
      ['区卫生健康局', 'co'],
      ['区民政局', 'lead'],
      ['区发展改革局', 'co'],
      ['各街道办事处', 'co'],
      ['区教育局', 'lead'],
      ['区发展改革局', 'lead'],
      ['区财政局', 'co'],
      ['区市场监管局', 'co'],
      ['区住房城乡建设局', 'lead'],
      ['区自然资源局', 'co'],
      ['区政务服务数据管理局', 'co'],
      ['区工业和信息化局', 'lead'],
      ['区财政局', 'co'],
      ['区国资局', 'co'],
      ['区城市管理局', 'lead'],
      ['区公安分局', 'co'],
      ['区自然资源局', 'co'],
      ['区农业农村局', 'lead'],
      ['区生态环境局', 'co'],
      ['区住房城乡建设局', 'lead'],
      ['各街道办事处', 'co'],
      ['区纪委监委', 'mentioned'],
    ],
  },
  // A scraped news page: breadcrumb and navigation, a meta line with 来源, font and print widgets, the
  // body carried twice, then 分享到, 责任编辑, 相关阅读 headlines, 上一篇/下一篇 and the site footer.
  // The speaker line says more than title and name, so the 一要 items stand at the top.
  'news-scraped-dup.txt': {
    title: '沙河区召开2026年重点项目集中开工动员会',
    region: '沙河区',
    outline: [
      [1, '一要', '强化项目谋划，每季度储备亿元以上项目不少于20个'],
      [1, '二要', '加快开工建设，确保6月底前计划新开工项目全部开工'],
      [1, '三要', '优化要素保障，全年保障工业用地3000亩'],
    ],
    actuals: [
      ['固定资产投资', 'level', '=', 212, '亿元', false],
      ['固定资产投资', 'growth', '=', 8.4, '%', false],
      ['工业投资', 'growth', '=', 15.2, '%', false],
    ],
    targets: [
      ['集中开工项目', 'count', '=', 26, '个', false],
      ['总投资', 'level', '=', 138.5, '亿元', false],
      ['重点项目', 'count', '=', 180, '个', false],
      ['年度计划投资', 'level', '>=', 260, '亿元', false],
      ['固定资产投资', 'growth', '=', 10, '%', true],
      ['亿元以上项目', 'count', '>=', 20, '个', false],
      ['工业用地', 'level', '=', 3000, '亩', false],
      ['规模以上工业企业', 'count', '>=', 30, '家', false],
      ['专项债券资金', 'level', '=', 25, '亿元', true],
    ],
    units: [],
  },
};

describe('documents of other districts', () => {
  for (const [file, expected] of Object.entries(DOCUMENTS)) {
    it(file, () => {
      const text = read(file);
      const lines = text.trimEnd().split('\n').length;
      expect(lines).toBeGreaterThanOrEqual(20);
      expect(lines).toBeLessThanOrEqual(80);
      check(extract(text), expected);
    });
  }
});
