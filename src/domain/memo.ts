/**
 * Remembers a pure function of one string: a ledger judges hundreds of tasks against the same few dates
 * and periods, and parsing them again for each task was most of a cold ledger's time. Bounded, and simply
 * forgotten when full: the keys of a day's work are few and come back at once.
 */
export function memoized<V>(compute: (key: string) => V, max = 20_000): (key: string) => V {
  const known = new Map<string, V>();
  return (key) => {
    const hit = known.get(key);
    if (hit !== undefined || known.has(key)) return hit as V;
    const value = compute(key);
    if (known.size >= max) known.clear();
    known.set(key, value);
    return value;
  };
}
