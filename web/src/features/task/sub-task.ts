/**
 * The code a new sub-task of `parentCode` takes: the next number after the parent's own code (3 → 3.1, 3.2),
 * past any sub-task already numbered so.
 */
export function nextSubTaskCode(parentCode: string, siblingCodes: readonly string[]): string {
  const prefix = `${parentCode}.`;
  let last = 0;
  for (const code of siblingCodes) {
    if (!code.startsWith(prefix)) continue;
    const n = Number(code.slice(prefix.length));
    if (Number.isInteger(n) && n > last) last = n;
  }
  const code = `${prefix}${last + 1}`;
  // The server keeps codes to twenty characters; a deep split falls back to a blank for the office to fill.
  return code.length <= 20 ? code : '';
}

/** The default title of the part a unit takes on: "里水镇：推进城乡基本公共服务均等化". */
export function subTaskTitle(unitName: string, parentTitle: string): string {
  return unitName ? `${unitName}：${parentTitle}`.slice(0, 500) : parentTitle;
}
