// Title, issuing region and plan year.
import type { CleanDoc } from './document.js';
import { matchLineMarker } from './markers.js';

// Scraped article titles carry site decorations such as "范文11666字".
const TITLE_DECORATION = /(范文)?\s*\d{3,6}\s*字$|[-_|｜]\s*[^-_|｜]{0,20}(网|在线|门户|频道)$/;

const ORG_ONLY =
  /^(中共)?[\u4e00-\u9fff]{0,10}(省|市|区|县|镇|乡|街道)[\u4e00-\u9fff()（）]{0,20}(人民政府|政府办公室|办公室|委员会|党委|党工委|管委会|局|委|办|政府|中心|督查室|室)$/;
/** A letterhead or a signature of one or more issuing bodies: "区委督查室 区政府督查室". */
export const isOrgSignature = (t: string): boolean => t.split(/\s+/).every((part) => ORG_ONLY.test(part));
export function findTitle(doc: CleanDoc): { title: string; lineIndex: number } {
  // A letterhead ("中共某区委 某区人民政府") stands above the title; it is not the title.
  let at = 0;
  while (at < 2 && doc.lines[at + 1] && isOrgSignature(doc.lines[at]!.text)) at++;
  const first = doc.lines[at];
  if (!first || first.text.length > 80 || matchLineMarker(first.text)) return { title: '', lineIndex: -1 };
  // An excerpt that opens mid-paragraph has no title: its first line is a long sentence with commas.
  if (first.text.length > 40 && /[,，]/.test(first.text) && /[。!?！？]$/.test(first.text))
    return { title: '', lineIndex: -1 };
  // A line that starts on a particle or a punctuation mark was cut from the sentence before it.
  if (/^[，,、。；;：:）)”’的了和与及地得着]/.test(first.text) && /[,，。;；]/.test(first.text))
    return { title: '', lineIndex: -1 };
  return { title: first.text.replace(TITLE_DECORATION, '').trim(), lineIndex: at };
}

// Towns (镇 乡) issue programmes too; the words that end in 镇/乡 without naming one are excluded below.
const REGION = /([\u4e00-\u9fffA-Za-z]{2,4}?(?:经开区|高新区|开发区|新区|自治县|县|区|市|旗|镇|乡))/g;
const NOT_REGION_HEAD =
  /^(全|本|该|各|根据|按照|关于|依据|结合|经过|通过|对照|围绕|城市|城镇|社|园|景|辖|片|城区|市区|新区|试验|示范|实验|合作|先行|保税|功能|核心|中心|老城|城乡|街区|小区|校区|厂区|库区|矿区|湾区|省市|地区|东部|西部|南部|北部|上述|我|大湾)/;

export function findRegion(title: string, doc: CleanDoc): string | undefined {
  return (
    mostNamedRegion(title) ??
    mostNamedRegion(doc.text.length > 200_000 ? doc.text.slice(0, 200_000) : doc.text)
  );
}

/** The region named most often in `text`. */
function mostNamedRegion(text: string): string | undefined {
  const counts = new Map<string, number>();
  let best: string | undefined;
  let bestN = 0;
  REGION.lastIndex = 0;
  let m: RegExpExecArray | null;
  let seen = 0;
  while ((m = REGION.exec(text)) && seen < 2000) {
    seen++;
    const name = m[1]!;
    REGION.lastIndex = m.index + 1;
    // "2025年青川县" and "中共白沙镇": the year and the party prefix are not part of the name.
    if (NOT_REGION_HEAD.test(name) || /[的和与在对是将为了并请向我各全本该由等年共]/.test(name)) continue;
    // "佛山市南海区": a name read from inside the city's name before it ("山市南海区") is no name.
    const prev = text[m.index - 1] ?? '';
    if (/.[省市]/.test(name.slice(0, -1))) continue;
    if (/^[省市]/.test(name) && /[\u4e00-\u9fff]/.test(prev) && !/[省市]/.test(prev)) continue;
    if (
      /(地区|园区|社区|小区|景区|片区|厂区|校区|库区|矿区|大湾区|辖区|街区|市区|县区|示范区|试验区|实验区|先行区|保税区|合作区|功能区|集聚区|核心区)$/.test(
        name,
      )
    )
      continue;
    // "中心城区" and "老城区" are parts of a city; "源城区" and "鼓楼区"-like names are districts.
    if (/(中心|主|老|旧|新老|全|本|各|该|两)城区$/.test(name)) continue;
    if (
      /(城镇|乡镇|村镇|集镇|重镇|名镇|小镇|强镇|各镇|本镇|全镇|城乡|家乡|下乡|农乡|返乡|回乡|异乡|故乡|老乡|县乡|镇乡)$/.test(
        name,
      )
    )
      continue;
    // A region name stands after a boundary or before the words that follow one ("南海区委", "临江区第五届").
    const before = text[m.index - 1];
    const after = text.slice(m.index + name.length, m.index + name.length + 2);
    const bounded = before === undefined || /[\s,，。:：;；、“”"《》()（）省市在于]/.test(before);
    if (
      !bounded &&
      !/^(委|政府|人民|人大|政协|党|第|召开|推进|全面|经济|20|是|作为|坚持|围绕|将|要|在|的|上下)/.test(after)
    )
      continue;
    REGION.lastIndex = m.index + name.length;
    const n = (counts.get(name) ?? 0) + 1;
    counts.set(name, n);
    if (n > bestN) {
      best = name;
      bestN = n;
    }
  }
  return best;
}

const EXPLICIT_YEAR =
  /(20\d{2})年(?:全区|全县|全市|全镇)?(?:经济社会发展)?的?(?:主要)?(?:预期)?目标|(20\d{2})年(?:度)?(?:重点)?(?:工作要点|工作任务|工作计划|改革要点|重点工作|改革攻坚|政府工作)|(20\d{2})年是|谋划(20\d{2})年|(20\d{2})年(?:全区|全县|全市)?(?:工作)?的?总体要求/;

/** The year the plan is for: stated outright, else the latest year the text speaks of. */
export function findPlanYear(title: string, doc: CleanDoc): number | undefined {
  // "…2025年预算执行情况和2026年预算草案的报告": the plan is for the latest year the title names, save a
  // horizon ("到2035年") or the end of a span ("2021—2025年").
  let inTitle: number | undefined;
  for (const m of title.matchAll(/(到|至|[-—–~])?\s*(20\d{2})\s*年/g))
    if (!m[1]) inTitle = Math.max(inTitle ?? 0, Number(m[2]));
  if (inTitle !== undefined) return inTitle;
  const text = doc.text.length > 500_000 ? doc.text.slice(0, 500_000) : doc.text;
  const m = EXPLICIT_YEAR.exec(text);
  if (m) return Number(m.slice(1).find((x) => x !== undefined));
  let best: number | undefined;
  const re = /(到|至|截至|截止)?(20\d{2})\s*年/g;
  let y: RegExpExecArray | null;
  while ((y = re.exec(text))) {
    if (y[1]) continue; // horizons ("到2035年") are not the plan's own year
    const v = Number(y[2]);
    if (best === undefined || v > best) best = v;
  }
  return best;
}
