// Full-text search over Chinese text, the same on SQLite and PostgreSQL: the index holds each accepted
// experience's single characters and bigrams; a term finds its candidates through them, and the exact
// substring test below decides. Neither dialect's tokenizer is involved, so both answer alike.

/** Characters of one searchable run: letters and digits of every script; anything else splits runs. */
const RUN = /[\p{L}\p{N}]+/gu;

/** NFKC folds full-width letters and digits (ＡＢＣ１２) into ASCII; lower case makes Latin case-blind. */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** The searchable runs of a text, normalized. */
export function runsOf(text: string): string[] {
  return normalize(text).match(RUN) ?? [];
}

/** Every single character and every bigram within runs: the index rows of a text, deduplicated. */
export function gramsOf(text: string): Set<string> {
  const grams = new Set<string>();
  for (const run of runsOf(text)) {
    const chars = Array.from(run);
    chars.forEach((c, i) => {
      grams.add(c);
      if (i + 1 < chars.length) grams.add(c + chars[i + 1]!);
    });
  }
  return grams;
}

/** The grams a term needs: its bigrams, or the character itself for a one-character term. */
export function gramsOfTerm(term: string): string[] {
  const chars = Array.from(term);
  if (chars.length === 1) return chars;
  return [...new Set(chars.slice(1).map((c, i) => chars[i]! + c))];
}

/** A query's terms: its runs, longest first so the rarest grams narrow the candidates first. Capped. */
export function termsOf(query: string, max = 8): string[] {
  const unique = [...new Set(runsOf(query))];
  return unique.sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).slice(0, max);
}

export interface SearchableText {
  title: string;
  body: string;
}

function occurrences(haystack: string, needle: string): number {
  let n = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) n++;
  return n;
}

/**
 * How well a text answers the terms: 0 when any term is missing (every term must occur), otherwise the
 * occurrences, a title's counting three times. The text is normalized as the index was, runs joined by
 * a space, so a term never matches across punctuation.
 */
export function scoreOf(text: SearchableText, terms: readonly string[]): number {
  const title = runsOf(text.title).join(' ');
  const body = runsOf(text.body).join(' ');
  let score = 0;
  for (const term of terms) {
    const inTitle = occurrences(title, term);
    const inBody = occurrences(body, term);
    if (inTitle + inBody === 0) return 0;
    score += 3 * inTitle + inBody;
  }
  return score;
}
