// extract(): decoded text of a programme document -> its proposed ledger structure (spec/extraction.md).
import type { Extraction, ExtractOptions } from './types.js';
import { cleanDocument } from './normalize.js';
import { findPlanYear, findRegion, findTitle } from './meta.js';
import { buildOutline } from './outline.js';
import { chineseNumber, findCounts } from './counts.js';
import { extractQuantities } from './quantities.js';
import { findDeadlines } from './deadlines.js';
import { findUnits } from './units.js';
import { documentGenre, tableTenseRanges } from './tense.js';

export type {
  Comparator,
  DeclaredCount,
  Deadline,
  ExtractOptions,
  Extraction,
  Measure,
  OutlineNode,
  Quantity,
  Span,
  UnitMention,
  UnitRole,
} from './types.js';

// Headline pairs of news reports are not the programme's areas; numbered parts and plain headings are.
const SECTION_KINDS = new Set(['cn-dun', 'cn-paren', 'heading', 'part', 'ar-dot', 'ar-dun']);

export function extract(text: string, options: ExtractOptions = {}): Extraction {
  const doc = cleanDocument(typeof text === 'string' ? text : '');
  const { title, lineIndex } = findTitle(doc);
  const region = findRegion(title, doc);
  const year = options.year ?? findPlanYear(title, doc);
  const outline = buildOutline(doc, lineIndex);
  const { counts, ranges } = findCounts(doc);
  // Which lines each step passes over is handed to it as data rather than as closures made here: the
  // optimised code of a closure made per call is dropped by the next full collection, which 10 MB inputs
  // bring on every few calls, and the closure would run unoptimised until compiled again.
  const { furniture, inTable } = outline;
  const skip = furniture.slice();
  if (lineIndex >= 0) skip[lineIndex] = 1;
  const tableLines = new Uint8Array(furniture.length);
  for (let i = 0; i < tableLines.length; i++) tableLines[i] = furniture[i]! | inTable[i]!;
  const { targets, actuals } = extractQuantities({
    doc,
    planYear: year,
    skip,
    owners: outline.lineOwner,
    taken: ranges,
    genre: documentGenre(title),
    tenseRanges: tableTenseRanges(outline.tables),
  });
  const deadlines = findDeadlines(doc, year, tableLines, outline.tables, outline.lineOwner);
  const units = findUnits(doc, outline.tables, tableLines);

  const warnings = [...doc.warnings];
  // A declared number of areas is checked against the headings that follow the statement.
  const declared = counts.find((c) => c.areas !== undefined);
  if (declared?.areas !== undefined) {
    const after = outline.nodes.find((n) => !n.inline && n.node.span[0] >= declared.span[1]);
    const group = after ? (after.parent ? after.parent.node.children : outline.roots) : [];
    const sectionLike = after !== undefined && SECTION_KINDS.has(after.kind);
    // Numbered parts are counted with numbered parts; a closing plain heading ("有关要求") is none of them.
    const numbered = after !== undefined && after.node.marker !== '';
    const found = numbered ? group.filter((n) => n.marker !== '').length : group.length;
    if (sectionLike && found !== declared.areas) {
      warnings.push(
        `文件称${chineseNumber(declared.areas)}个方面，识别出${chineseNumber(found)}个 (declared ${declared.areas} areas, found ${found})`,
      );
    }
  }
  const declaredTasks = counts.find((c) => c.tasks !== undefined);
  const rows = outline.nodes.filter((n) => n.kind === 'row').length;
  if (declaredTasks?.tasks !== undefined && rows > 0 && rows !== declaredTasks.tasks) {
    warnings.push(
      `文件称${declaredTasks.tasks}项任务，识别出${rows}项 (declared ${declaredTasks.tasks} tasks, found ${rows})`,
    );
  }

  const result: Extraction = {
    title,
    counts,
    outline: outline.roots,
    targets,
    actuals,
    deadlines,
    units,
    warnings,
  };
  if (region !== undefined) result.region = region;
  if (year !== undefined) result.year = year;
  return result;
}
