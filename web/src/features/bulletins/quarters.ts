const ZH_QUARTERS = ['一', '二', '三', '四'];

/** The current quarter and the four before it, newest first, as the office picks a bulletin's period. */
export function quarterChoices(now: Date): { value: string; label: string }[] {
  const year = now.getFullYear();
  const q = Math.floor(now.getMonth() / 3);
  return Array.from({ length: 5 }, (_, i) => {
    const n = year * 4 + q - i;
    const y = Math.floor(n / 4);
    const k = n % 4;
    return { value: `${y}-Q${k + 1}`, label: `${y}年第${ZH_QUARTERS[k]!}季度` };
  });
}
