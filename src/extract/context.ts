// Whether a passage speaks of results already achieved or of commitments still to meet. Decided by the
// time the words speak of, not by where they stand.

export type Tense = 'past' | 'future';

const FUTURE_WORDS =
  /力争|争取|努力|确保|目标|预期|预计|计划|拟|力求|将|要|每年|期末|年底前|年内|以上目标|到20\d{2}年|安排|部署|推动|推进|加快|实施|打造|持续/;
const STRONG_FUTURE = /力争|争取|确保|每年|预期目标|主要目标|目标是|计划|拟|力求|到20\d{2}年|期末/;
const PAST_WORDS =
  /截至|截止|累计|今年以来|年初以来|一年来|过去一年|过去五年|过去的一年|[一二三四五六七八九十两几]年来|近年来|去年|上年|共有|已经|已|实现了|完成了|取得了|达到了|同比|比上年|较上年|荣获|获评|获得(?!感)|入选|位居|位列|列全|居全/;
const PAST_LE = /[成现得到出建办开增供助放评选围]了(?!解)/;
const MONTH_REPORT = /今年(\d{1,2}|[一二三四五六七八九十]{1,2})月(?!底|末|前|份前|中旬|下旬|上旬)/;
const YEAR = /(20\d{2})\s*年(?!度?底前|前)/g;

function yearTense(text: string, planYear: number | undefined): Tense | undefined {
  if (planYear === undefined) return undefined;
  YEAR.lastIndex = 0;
  let m: RegExpExecArray | null;
  let last: number | undefined;
  while ((m = YEAR.exec(text))) {
    const before = text.slice(Math.max(0, m.index - 2), m.index);
    if (/到|至|比|较/.test(before)) continue; // horizons and bases of comparison
    last = Number(m[1]);
  }
  if (last === undefined) return undefined;
  return last < planYear ? 'past' : 'future';
}

/** Tense a sentence states outright: a year, 力争/确保, 截至/累计/已, "今年7月". */
export function sentenceTense(sentence: string, planYear: number | undefined): Tense | undefined {
  const byYear = yearTense(sentence, planYear);
  if (byYear) return byYear;
  // "完成年度计划的54%", "占年度计划投资的47.2%": the plan is the base of a share, not the tense.
  if (STRONG_FUTURE.test(sentence.replace(/(年度|序时|投资)计划/g, ''))) return 'future';
  if (MONTH_REPORT.test(sentence)) return 'past';
  if (PAST_WORDS.test(sentence) || PAST_LE.test(sentence)) return 'past';
  if (/今年|全年目标/.test(sentence)) return 'future';
  return undefined;
}

/** Words that lean forward (推进, 要, 将) but yield to the paragraph and the heading. */
export function weakTense(sentence: string): Tense | undefined {
  return FUTURE_WORDS.test(sentence) ? 'future' : undefined;
}

/** Tense set by the opening words of a paragraph ("一年来，…", "2025年主要预期目标是：…"). */
export function leadTense(paragraph: string, planYear: number | undefined): Tense | undefined {
  const lead = paragraph.slice(0, 24);
  if (
    /^(今年以来|年初以来|一年来|过去一年|过去的一年|过去五年|[一二三四五六七八九十两几]年来|去年|上年|截至|截止|回顾)/.test(
      lead,
    )
  )
    return 'past';
  const y = /^(20\d{2})\s*年/.exec(lead);
  if (y && planYear !== undefined) return Number(y[1]) < planYear ? 'past' : 'future';
  if (/^(今年|下一步|接下来|下阶段|下一阶段|未来|今后)/.test(lead)) return 'future';

  return undefined;
}

/** A node of the outline, as far as the tense of what is under it goes. */
export interface Headed {
  node: { title: string };
  parent: Headed | undefined;
}

/** Tense a line under `node` takes from the nearest heading above it that gives one. */
export function ownerTense(node: Headed | undefined, planYear: number | undefined): Tense | undefined {
  for (let n = node; n; n = n.parent) {
    const t = headingTense(n.node.title, planYear);
    if (t) return t;
  }
  return undefined;
}

/** Tense a heading gives to what is under it ("总结2024年工作成绩" / "锚定目标和任务"). */
export function headingTense(title: string, planYear: number | undefined): Tense | undefined {
  // "存在的问题", "部分任务进度滞后": the state things are in now, as found.
  if (
    /回顾|总结|成绩|成效|成果|亮点|经验|取得|过去|去年|一年来|年来|工作情况|进展情况|完成情况|(?:总体|整体|主要)进展|数读|存在的?问题|主要问题|滞后|进展缓慢|推进不力|重视不够/.test(
      title,
    )
  )
    return 'past';
  const byYear = yearTense(title, planYear);
  if (byYear) return byYear;
  // "重点项目" names a kind of project, not a plan.
  if (/目标|任务|安排|部署|计划|思路|举措|打算|重点(?!项目)|要点|展望|下一步|下一阶段/.test(title))
    return 'future';
  return undefined;
}

/** Meeting narrative in news reports ("会上，…共7个单位作交流发言") counts the meeting, not results. */
export function isMeetingNarrative(paragraph: string): boolean {
  return /^(会上|会议上|大会上|座谈会上|会议期间)/.test(paragraph);
}

/**
 * A news report's account of figures ("会议指出，2025年全区…达到…", "会议通报，上半年…完成投资…"): past
 * whatever year it names, unless it plans (要, 将, 力争, 确保).
 */
export function isReportedFigures(paragraph: string): boolean {
  const lead = paragraph.slice(0, 40);
  return (
    /^(会议指出|会议通报|会上通报|通报显示|据统计|数据显示|统计显示)/.test(lead) &&
    !/[要将]|力争|确保/.test(lead)
  );
}
