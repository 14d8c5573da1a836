// Page furniture: web navigation, share and tip widgets, comment footers, bylines and PDF page numbers,
// which are no part of the document.
import { codeSet } from './chars.js';
import { columnRole } from './table.js';

/** Lines as bounds [a[i], b[i]) in the folded text, read in place rather than sliced. */
export interface LineRanges {
  a: Int32Array;
  b: Int32Array;
  n: number;
}

// Web-page furniture: navigation, share/tip widgets, comment footers, page meta.
const JUNK_LINE = new RegExp(
  [
    '^(热门相关|热门推荐|热门文章|相关阅读|相关内容|相关文章|相关新闻|相关链接|延伸阅读|推荐阅读|猜你喜欢|本周热门|本月热门|今日热门|阅读全文|阅读原文|展开全文|查看更多|点击查看|点击进入|分享到|分享本文|微信扫一扫|扫一扫|二维码|微信订阅号|关注我们|联系客服|联系我们|关于本文|本文标题|链接地址|本文链接|原文链接|原文地址|文章来源|责任编辑|编辑[:：]|来源[:：]|作者[:：]|发布时间|发布日期|浏览次数|阅读次数|阅读量|点击数|点击量|字号|字体[:：]|【字体|打印本页|打印本文|关闭窗口|返回顶部|返回首页|上一篇|下一篇|版权所有|版权声明|免责声明|网站地图|当前位置|您的位置|您现在的位置|赏赞|打赏|请选择打赏|尚未有人|如果喜欢本|我已经到底|已经到底|暂时没有评论|暂无评论|发表评论|网友评论|评论[:：(（]|登录后|登陆后|收藏本文|举报|联系人[:：]|联系电话|联系方式[:：]|咨询电话|监督电话|举报电话|传真[:：])',
    '(阅读完全部|需要先登[陆录]|赞赏鼓励|扫码|在手机阅读|Copyright|©|ICP备|ICP证|公网安备|All Rights Reserved)',
    '^[¥￥$]\\s*[\\d.]+$',
    '^\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}(\\s+\\d{1,2}:\\d{2}(:\\d{2})?)?(\\s+\\d+)?$',
    '^[\\d.]+\\s*(s|ms)$',
    '^(https?://|www\\.)\\S+$',
    '^(首页|主页)\\s*[>›»/]',
    '^[【\\[](打印|关闭|收藏|返回|分享|字体|字号)',
    '^(分享|收藏|点赞|评论|打印|关闭|返回|更多)[:：]?$',
  ].join('|'),
  'i',
);
// Once one of these is seen the rest of the page is furniture, save for long prose.
const FOOTER_START =
  /^(热门相关|热门推荐|相关阅读|相关内容|相关文章|相关新闻|延伸阅读|推荐阅读|猜你喜欢|阅读全文|展开全文|我已经到底|已经到底|暂时没有评论|暂无评论|发表评论|网友评论|上一篇|下一篇|责任编辑|版权所有|关于本文)/;
const BYLINE =
  /(本报记者|特约记者|通讯员|记者\s*[\u4e00-\u9fff]{2,3}\s*摄|摄影[:：]|供图|图片来源|^图[:：/]|\s摄$|组稿[:：]|^(文|图|文\/图)[:：/])/;
const COLUMN_LABEL =
  /^(核心提示|编者按|编者的话|导读|内容提要|提要|摘要|链接|背景链接|记者手记|小贴士|图片新闻|本期导读)[:：]?$/;
const BULLET_HEAD = /^[•●·▪◆■□-]\s*/;

// Page furniture of PDF-extracted text: "- 2 -", "—3—", "第 4 页 共 9 页".
const PAGE_NUMBER =
  /^([-—–]{1,2}\s*\d{1,3}\s*[-—–]{1,2}|第\s*\d{1,3}\s*页(\s*[,，]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})$/;

function isJunk(text: string): boolean {
  if (text.length > 120) return false;
  if (PAGE_NUMBER.test(text)) return true;
  const t = text.replace(BULLET_HEAD, '');
  if (JUNK_LINE.test(t)) return true;
  if (BYLINE.test(t) && t.length <= 60) return true;
  if (COLUMN_LABEL.test(t)) return true;
  // Site-name chains such as "联系客服-某某网-某某网"; a table row ("2 | 改造管网60公里 | …") has figures.
  if (
    t.length <= 60 &&
    /网/.test(t) &&
    (t.match(/[-|｜»>]/g) ?? []).length >= 2 &&
    !/[。，,]/.test(t) &&
    !/\d/.test(t)
  )
    return true;
  return isMenuBar(t);
}

/**
 * A menu bar: three or more short labels split by | ("登录 | 注册 | 无障碍浏览"). A table header looks
 * the same, so a bar whose labels name table columns is kept.
 */
function isMenuBar(t: string): boolean {
  if (t.length > 60 || !/[|｜]/.test(t)) return false;
  const parts = t.split(/\s*[|｜]\s*/).filter((p) => p.length > 0);
  if (parts.length < 3 || !parts.every((p) => /^[\u4e00-\u9fff]{2,6}$/.test(p))) return false;
  return parts.filter((p) => columnRole(p) !== undefined).length < 2;
}

/** Bullet characters the furniture patterns look behind (BULLET_HEAD). */
const BULLET_CODES = codeSet('•●·▪◆■□-');

/**
 * Drops furniture lines and, once a footer marker is seen, the rest of the page save long prose. Lines are
 * sliced only when short enough for a furniture pattern to apply, and the slices die at once.
 */
export function dropFurniture(s: string, bounds: Int32Array, count: number): LineRanges {
  const keptA = new Int32Array(count);
  const keptB = new Int32Array(count);
  let nKept = 0;
  let footer = false;
  for (let k = 0; k < count; k++) {
    const a = bounds[2 * k]!;
    const b = bounds[2 * k + 1]!;
    let t0 = a;
    if (BULLET_CODES.has(s.charCodeAt(a))) {
      t0++;
      while (t0 < b && /\s/.test(s[t0]!)) t0++;
    }
    if (b - t0 <= 120 && FOOTER_START.test(s.slice(t0, b))) footer = true;
    if (footer && !(b - a >= 60 && hasChar(s, a, b, 0x3002))) continue;
    if (b - a <= 120 && isJunk(s.slice(a, b))) continue;
    keptA[nKept] = a;
    keptB[nKept++] = b;
  }
  return { a: keptA, b: keptB, n: nKept };
}

function hasChar(s: string, a: number, b: number, c: number): boolean {
  for (let i = a; i < b; i++) if (s.charCodeAt(i) === c) return true;
  return false;
}
