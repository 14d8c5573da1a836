import { describe, expect, it } from 'vitest';
import { cleanDocument } from './normalize.js';
import { display, toSpan } from './document.js';

describe('cleanDocument', () => {
  it('maps clean offsets back to the input through NBSP, full width and dropped lines', () => {
    const input = '首页 > 新闻中心\n\u3000\u3000全区新建公园１２个，完成投资３亿元。\n分享：\n';
    const doc = cleanDocument(input);
    expect(doc.lines.map((l) => l.text)).toEqual(['全区新建公园12个,完成投资3亿元。']);
    const at = doc.text.indexOf('公园');
    const [s, e] = toSpan(doc, at, at + 2);
    expect(input.slice(s, e)).toBe('公园');
    expect(display(doc, 0, doc.lines[0]!.end)).toBe('全区新建公园12个，完成投资3亿元。');
  });

  it('drops web furniture and everything after a footer marker, save long prose', () => {
    const doc = cleanDocument(
      [
        '某区召开动员大会',
        '正文第一段说明情况。',
        '阅读全文',
        '¥6.66',
        '本周热门',
        '2024-01-02 10:00:00 35',
      ].join('\n'),
    );
    expect(doc.lines.map((l) => l.text)).toEqual(['某区召开动员大会', '正文第一段说明情况。']);
  });

  it('keeps a block repeated verbatim once and says so', () => {
    const block = [
      '第一段落的文字相当长，用来说明这一块内容是重复的。',
      '第二段落同样很长，网页把正文整段贴了两遍。',
      '第三段落结束。',
    ];
    const doc = cleanDocument(['标题行', ...block, ...block].join('\n'));
    expect(doc.lines).toHaveLength(4);
    expect(doc.warnings[0]).toMatch(/重复/);
  });

  it('joins a line broken mid-sentence by scraping', () => {
    const doc = cleanDocument(
      [
        '标题',
        '本段文字因为网页抓取的缘故在一句话的中间被截断换行到了下面的',
        '',
        '一行，这里才是句子的结尾。',
      ].join('\n'),
    );
    expect(doc.lines.map((l) => l.text)).toEqual([
      '标题',
      '本段文字因为网页抓取的缘故在一句话的中间被截断换行到了下面的一行,这里才是句子的结尾。',
    ]);
  });

  it('joins a PDF line broken inside a figure, but not a heading above a paragraph opening on a year', () => {
    const doc = cleanDocument(
      [
        '标题',
        '一、上年执行情况',
        '全区实现地区生产总值',
        '156.2亿元，同比增长',
        '5.9%；总投资',
        '达到',
        '210亿元，资金到位率达到',
        '95%以上，',
        '前期工作完成率为100%。其中,交',
        '通类项目完成投资12.6 亿',
        '元,增长8.5%。',
        '二、主要目标',
        '2026年，全区地区生产总值增长6%。',
      ].join('\n'),
    );
    expect(doc.lines.map((l) => l.text)).toEqual([
      '标题',
      '一、上年执行情况',
      '全区实现地区生产总值156.2亿元,同比增长5.9%;总投资达到210亿元,资金到位率达到95%以上,前期工作完成率为100%。其中,交通类项目完成投资12.6 亿元,增长8.5%。',
      '二、主要目标',
      '2026年,全区地区生产总值增长6%。',
    ]);
  });

  it('where items are typed without their 。, a long item does not swallow the paragraph after it', () => {
    const doc = cleanDocument(
      [
        '某街道2026年重点工作安排',
        '1.全年完成固定资产投资18亿元，其中工业投资不低于6亿元，新引进亿元以上项目3个，新增规上企业4家',
        '2.推进辖区商圈提质升级，社会消费品零售总额增长6%以上，新增限上商贸企业10家，打造特色商业街区2条',
        '全街道上下要进一步统一思想，狠抓落实，确保各项目标任务圆满完成，以优异成绩交出满意答卷',
      ].join('\n'),
    );
    expect(doc.lines).toHaveLength(4);
  });

  it('drops bylines, photo captions and column labels', () => {
    const doc = cleanDocument(
      ['标题', '核心提示', '■江边夜景。 本报记者 王某 摄', '正文。', '文/图 李某'].join('\n'),
    );
    expect(doc.lines.map((l) => l.text)).toEqual(['标题', '正文。']);
  });
  it('does not take table cells of one length, a cell per line, for a page wrapped at that width', () => {
    const rows: [string, string][] = [
      ['建设镇区污水管网改造工程，新建管网9公里', '陈某'],
      ['实施高标准农田建设项目，建设面积4500亩', '赵某某'],
      ['新建农产品冷链仓储中心1座，库容5000吨', '孙某'],
      ['完成镇卫生院门诊楼改造，新增床位40张', '吴某某'],
    ];
    const text = [
      '任务表',
      '序号',
      '重点任务',
      '责任领导',
      ...rows.flatMap(([a, b], i) => [String(i + 1), a, b]),
    ];
    const doc = cleanDocument(text.join('\n'));
    expect(doc.lines.map((l) => l.text)).toEqual(text.map((t) => t.replace('，', ',')));
  });

  it('joins a PDF title broken before its kind, and a sentence whose last words fell to the next line', () => {
    const doc = cleanDocument(
      [
        '白沙区2026年生态环境保护工作',
        '计划',
        '根据全市工作部署，结合我区实际，制定本',
        '计划。',
        '一、工作目标',
      ].join('\n'),
    );
    expect(doc.lines.map((l) => l.text)).toEqual([
      '白沙区2026年生态环境保护工作计划',
      '根据全市工作部署,结合我区实际,制定本计划。',
      '一、工作目标',
    ]);
  });
  it('joins a PDF line broken before the verb of its figure or inside a unit', () => {
    const doc = cleanDocument(
      [
        '标题',
        '（三）加强土壤污染防治。受污染耕地安全利用率',
        '稳定在93%以上。',
        'PM2.5年均浓度控制在26微克/立方',
        '米以内。',
      ].join('\n'),
    );
    expect(doc.lines.map((l) => l.text)).toEqual([
      '标题',
      '(三)加强土壤污染防治。受污染耕地安全利用率稳定在93%以上。',
      'PM2.5年均浓度控制在26微克/立方米以内。',
    ]);
  });
});
