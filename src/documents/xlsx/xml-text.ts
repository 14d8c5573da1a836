// The little of XML a worksheet needs: attributes and text with entities decoded. Workbook parts are
// machine-written, so a scanner over their tags is enough and costs a fraction of a DOM.

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes XML entities and OOXML's _xHHHH_ escapes (a line break typed in a cell is _x000D_ or &#10;). */
export function decodeXml(text: string): string {
  return text
    .replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, name: string) => {
      if (name.startsWith('#x')) return safeChar(parseInt(name.slice(2), 16), whole);
      if (name.startsWith('#')) return safeChar(parseInt(name.slice(1), 10), whole);
      return ENTITIES[name] ?? whole;
    })
    .replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => safeChar(parseInt(hex, 16), ''))
    .replace(/\r\n?/g, '\n');
}

function safeChar(code: number, fallback: string): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}

/** One attribute of a tag's attribute text, decoded; undefined when absent. */
export function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs);
  return m ? decodeXml(m[1]!) : undefined;
}

/** The text of every <t> inside `xml` (a shared string or an inline string with rich-text runs), joined. */
export function textRuns(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) out += m[1]!;
  // Phonetic runs (<rPh>) repeat the text in kana; offices in China do not use them, but never join them in.
  return decodeXml(out);
}
