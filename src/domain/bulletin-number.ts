// 发文字号 (GB/T 9704-2012 §7.2.4): 机关代字 + 〔年份〕 + 发文顺序号, 六角括号, the sequence without
// leading zeros and without "第" — e.g. 金改办〔2025〕3号. Numbers run per region per year with no gap
// and no reuse: a draft keeps its number for ever (drafts are never deleted), the next one takes max + 1.

export function documentNumber(issuerCode: string, year: number, seq: number): string {
  return `${issuerCode}〔${year}〕${seq}号`;
}

/** Why a requested sequence is refused, or null when it is the next one of the year. */
export function sequenceProblem(requested: number, taken: readonly number[]): 'taken' | 'gap' | null {
  if (taken.includes(requested)) return 'taken';
  const next = nextSequence(taken);
  return requested === next ? null : 'gap';
}

export function nextSequence(taken: readonly number[]): number {
  return taken.reduce((a, b) => Math.max(a, b), 0) + 1;
}

/** 机关代字 from an issuer name when the region has none configured: "金华区改革办" → "金改办". */
export function issuerCodeOf(regionName: string): string {
  const first = regionName.trim().charAt(0);
  return `${first}改办`;
}
