import { readFileSync } from 'node:fs';
import { cleanDocument } from './normalize.js';
import { buildOutline } from './outline.js';
const doc = cleanDocument(readFileSync(process.argv[2]!, 'utf8'));
doc.lines.forEach((l, i) => console.log(i, JSON.stringify(l.text)));
const o = buildOutline(doc, 0);
console.log(o.tables.map(t => ({ h: t.headerLines, cols: t.columns, rows: t.rows.map(r => [r.number, r.firstLine, r.lastLine, r.cells.map(c => c.role)]) , end: t.endLine})));
console.log(JSON.stringify(o.roots.map(r=>[r.marker,r.title,r.children.length])));
