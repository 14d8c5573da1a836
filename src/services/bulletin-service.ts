import { newId } from '../db/ids.js';
import {
  getBulletin,
  insertBulletin,
  listBulletins,
  takenSequences,
} from '../db/repositories/bulletin-repository.js';
import { insertBulletinReceipts } from '../db/repositories/bulletin-receipt-repository.js';
import { getRegion } from '../db/repositories/region-repository.js';
import type { BulletinRow, RegionRow } from '../db/schema.js';
import { buildBulletin, fillTemplate, type BulletinModel, type BulletinTable } from '../domain/bulletin.js';
import type { BulletinFacts, BulletinTemplate } from '../domain/bulletin-facts.js';
import { documentNumber, issuerCodeOf, nextSequence, sequenceProblem } from '../domain/bulletin-number.js';
import { parseDate } from '../domain/calendar.js';
import { renderBulletinDocx } from '../documents/bulletin/docx.js';
import {
  DEFAULT_PDF_TIMEOUT_MS,
  docxToPdf,
  pdfToPngPages,
  PdfConversionError,
  pdfPageCount,
} from '../documents/bulletin/pdf.js';
import type { BulletinPrint } from '../documents/bulletin/print.js';
import { bulletinFor, demand, regionFor } from './access.js';
import type { Actor } from './actor.js';
import { gatherBulletinFacts, issuerOf } from './bulletin-facts.js';
import { db, nowIso, today, write, type ServiceContext } from './context.js';
import { fail } from './errors.js';
import * as bulletinPolicy from './policies/bulletin.js';
import { seesDrafts } from './policies/scope.js';
import { updateAudited, updateRow } from './versioned-write.js';

export type { BulletinRow };

/** One section as the editor shows it: the template the office edits, its figures and the filled text. */
export interface BulletinSectionView {
  key: string;
  heading: string | null;
  template: string;
  generated: string;
  edited: boolean;
  text: string;
  figures: Readonly<Record<string, string | number>>;
}

export interface BulletinView {
  row: BulletinRow;
  sections: BulletinSectionView[];
  attachments: readonly BulletinTable[];
  /** The units the bulletin names, notified on publish. */
  namedUnits: readonly { id: string; name: string }[];
  counts: BulletinModel['counts'];
  asOf: string;
  print: BulletinPrint;
}

interface Frozen {
  print: BulletinPrint;
  sections: BulletinSectionView[];
  counts: BulletinModel['counts'];
  namedUnits: { id: string; name: string }[];
  asOf: string;
}

const RECIPIENTS = '各镇（街道），区直各单位';
const COPY_TO = '区委办公室，区人大常委会办公室，区政府办公室，区政协办公室';

export interface BulletinInput {
  period: string;
  template: BulletinTemplate;
  /** The 文号 sequence the office asks for; by default the next of the year. */
  sequence?: number | undefined;
}

function edits(row: BulletinRow): Record<string, string> {
  return JSON.parse(row.edits) as Record<string, string>;
}

/** The bulletin as it reads now: a draft recomputed from today's data with the office's edits, a published one as frozen. */
async function compose(
  ctx: ServiceContext,
  row: BulletinRow,
  region: RegionRow,
  gathered?: BulletinFacts,
): Promise<BulletinView> {
  if (row.frozen !== null) {
    const frozen = JSON.parse(row.frozen) as Frozen;
    return { row, ...frozen, attachments: frozen.print.attachments as BulletinTable[] };
  }
  const facts = gathered ?? (await gatherBulletinFacts(ctx, region, row.period, row.template));
  const model = buildBulletin(facts);
  const edited = edits(row);
  const sections = model.sections.map((s) => {
    const template = edited[s.key] ?? s.template;
    return {
      key: s.key,
      heading: s.heading,
      template,
      generated: s.template,
      edited: edited[s.key] !== undefined,
      text: fillTemplate(template, s.figures),
      figures: s.figures,
    };
  });
  const print: BulletinPrint = {
    template: row.template,
    issuer: facts.issuerName,
    documentNumber: row.document_number,
    sequence: row.seq,
    briefingName: `${region.name}政务督查`,
    title: row.title,
    recipients: RECIPIENTS,
    sections: sections.map((s) => ({ heading: s.heading, text: s.text })),
    attachments: model.attachments,
    date: row.published_at?.slice(0, 10) ?? today(ctx),
    copyTo: COPY_TO,
  };
  return {
    row,
    sections,
    attachments: model.attachments,
    namedUnits: model.namedUnitIds.map((id) => ({
      id,
      name: facts.units.find((u) => u.id === id)?.name ?? '',
    })),
    counts: model.counts,
    asOf: facts.asOf,
    print,
  };
}

export async function bulletinsOf(
  ctx: ServiceContext,
  actor: Actor,
  regionId: string,
  q: string | undefined,
): Promise<BulletinRow[]> {
  await regionFor(ctx, actor, regionId);
  demand(bulletinPolicy.can(actor, 'list', { regionId, status: null }));
  return listBulletins(db(ctx), { regionId, publishedOnly: !seesDrafts(actor), q });
}

export async function createBulletin(
  ctx: ServiceContext,
  actor: Actor,
  regionId: string,
  input: BulletinInput,
): Promise<BulletinView> {
  const region = await regionFor(ctx, actor, regionId);
  demand(bulletinPolicy.can(actor, 'create', { regionId, status: null }));
  // Computing first refuses a quarter without data before a number is spent on it.
  const facts = await gatherBulletinFacts(ctx, region, input.period, input.template);
  const title = buildBulletin(facts).title;
  const year = parseDate(today(ctx)).year;
  const id = newId('btn');
  const at = nowIso(ctx);
  await write(ctx, actor, async ({ trx, audit }) => {
    const taken = await takenSequences(trx, regionId, year);
    const seq = input.sequence ?? nextSequence(taken);
    const code = issuerCodeOf(region.name);
    const problem = sequenceProblem(seq, taken);
    if (problem === 'taken') throw fail('bulletin.number_taken', { number: documentNumber(code, year, seq) });
    if (problem === 'gap') throw fail('bulletin.number_gap', { next: nextSequence(taken) });
    await insertBulletin(trx, {
      id,
      region_id: regionId,
      year,
      seq,
      document_number: documentNumber(code, year, seq),
      template: input.template,
      period: input.period,
      title,
      status: 'draft',
      edits: '{}',
      frozen: null,
      notified_unit_ids: null,
      created_by: actor.accountId,
      created_at: at,
      published_by: null,
      published_at: null,
      updated_at: at,
    });
    await audit({
      regionId,
      action: 'bulletin.create',
      entity: 'bulletin',
      entityId: id,
      data: { ...input, seq },
    });
  });
  return compose(ctx, (await getBulletin(db(ctx), id))!, region, facts);
}

export async function bulletinView(ctx: ServiceContext, actor: Actor, id: string): Promise<BulletinView> {
  const row = await bulletinFor(ctx, actor, id);
  return compose(ctx, row, (await getRegion(db(ctx), row.region_id))!);
}

/** Saves the office's wording of sections; null puts a section back to the generated text. */
export async function editBulletin(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  version: number,
  changes: Readonly<Record<string, string | null>>,
): Promise<BulletinView> {
  const row = await bulletinFor(ctx, actor, id);
  if (row.status === 'published') throw fail('bulletin.published');
  demand(bulletinPolicy.can(actor, 'edit', { regionId: row.region_id, status: row.status }));
  const region = (await getRegion(db(ctx), row.region_id))!;
  const current = await compose(ctx, row, region);
  const keys = new Set(current.sections.map((s) => s.key));
  for (const key of Object.keys(changes))
    if (!keys.has(key)) throw fail('bulletin.unknown_section', { section: key });
  const merged: Record<string, string | null> = { ...edits(row), ...changes };
  const next = Object.fromEntries(Object.entries(merged).filter(([, text]) => text !== null));
  const updated = await updateAudited(ctx, actor, {
    table: 'bulletins',
    id,
    expectedVersion: version,
    patch: { edits: JSON.stringify(next), updated_at: nowIso(ctx) },
    read: getBulletin,
    audit: {
      regionId: row.region_id,
      action: 'bulletin.edit',
      entity: 'bulletin',
      entityId: id,
      data: changes,
    },
  });
  return compose(ctx, updated, region);
}

/** Publishes: freezes the text and figures, files it in the archive and notifies the units it names. */
export async function publishBulletin(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  version: number,
): Promise<BulletinView> {
  const row = await bulletinFor(ctx, actor, id);
  if (row.status === 'published') throw fail('bulletin.published');
  demand(bulletinPolicy.can(actor, 'publish', { regionId: row.region_id, status: row.status }));
  const region = (await getRegion(db(ctx), row.region_id))!;
  const at = nowIso(ctx);
  const view = await compose(ctx, { ...row, published_at: at }, region);
  const frozen: Frozen = {
    print: view.print,
    sections: view.sections,
    counts: view.counts,
    namedUnits: [...view.namedUnits],
    asOf: view.asOf,
  };
  const notified = view.namedUnits.map((u) => u.id);
  const updated = await write(ctx, actor, async (scope) => {
    const published = await updateRow(scope, {
      table: 'bulletins',
      id,
      expectedVersion: version,
      patch: {
        status: 'published',
        frozen: JSON.stringify(frozen),
        notified_unit_ids: JSON.stringify(notified),
        published_by: actor.accountId,
        published_at: at,
        updated_at: at,
      },
      read: getBulletin,
      audit: {
        regionId: row.region_id,
        action: 'bulletin.publish',
        entity: 'bulletin',
        entityId: id,
        data: { documentNumber: row.document_number, notifiedUnitIds: notified },
      },
    });
    // Each unit named receives its copy with the publication: 收到通报 in its work page, awaiting 已阅.
    await insertBulletinReceipts(
      scope.trx,
      notified.map((unitId) => ({
        bulletin_id: id,
        unit_id: unitId,
        region_id: row.region_id,
        received_at: at,
        read_at: null,
        read_by: null,
      })),
    );
    return published;
  });
  return compose(ctx, updated, region);
}

export async function bulletinDocx(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<{ docx: Buffer; fileName: string }> {
  const view = await bulletinView(ctx, actor, id);
  return {
    docx: await renderBulletinDocx(view.print),
    fileName: `${view.row.document_number}${view.row.title}`,
  };
}

export async function bulletinPdf(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<{ pdf: Buffer; fileName: string }> {
  const { docx, fileName } = await bulletinDocx(ctx, actor, id);
  const pdf = await toPdf(ctx, docx);
  // The 版记 ends on an even page (GB/T 9704 §7.4.1): where LibreOffice put it on an odd one, a blank page
  // goes before it and the document is converted again.
  if (pdfPageCount(pdf) % 2 === 0) return { pdf, fileName };
  const view = await bulletinView(ctx, actor, id);
  const evened = await renderBulletinDocx(view.print, { blankPageBeforeImprint: true });
  return { pdf: await toPdf(ctx, evened), fileName };
}

/** Resolution of the preview images: legible on a laptop, a few dozen KB a page. */
export const PREVIEW_DPI = 60;

/** The rendered pages, as the PDF shows them, for the preview in the browser. */
export async function bulletinPreview(ctx: ServiceContext, actor: Actor, id: string): Promise<Buffer[]> {
  const { pdf } = await bulletinPdf(ctx, actor, id);
  return converting(ctx, (timeoutMs) => pdfToPngPages(pdf, PREVIEW_DPI, { timeoutMs }));
}

/** LibreOffice's failures as refusals the office can act on. */
export function toPdf(ctx: ServiceContext, docx: Buffer): Promise<Buffer> {
  return converting(ctx, (timeoutMs) => docxToPdf(docx, { ...ctx.pdf, timeoutMs }));
}

async function converting<T>(ctx: ServiceContext, work: (timeoutMs: number) => Promise<T>): Promise<T> {
  const timeoutMs = ctx.pdf?.timeoutMs ?? DEFAULT_PDF_TIMEOUT_MS;
  try {
    return await work(timeoutMs);
  } catch (error) {
    if (!(error instanceof PdfConversionError)) throw error;
    if (error.failure === 'missing') throw fail('pdf.converter_missing');
    if (error.failure === 'timeout')
      throw fail('pdf.converter_timeout', { seconds: Math.round(timeoutMs / 1000) });
    throw fail('pdf.converter_failed');
  }
}

export { issuerOf };
