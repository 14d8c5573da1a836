// .docx → PDF with LibreOffice, headless. One conversion at a time (LibreOffice is heavy and this machine
// small), each in a profile and folder of its own that is removed afterwards, so a failed or hung run
// leaves nothing half-written: the caller gets the whole PDF or an error.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FONTS } from './layout.js';

export type PdfFailure = 'missing' | 'timeout' | 'failed';

export class PdfConversionError extends Error {
  constructor(
    readonly failure: PdfFailure,
    detail: string,
  ) {
    super(`PDF conversion ${failure}: ${detail}`);
    this.name = 'PdfConversionError';
  }
}

export interface PdfOptions {
  /** The LibreOffice binary; `soffice` on the PATH by default. */
  binary?: string;
  /** A hung LibreOffice is killed after this long. */
  timeoutMs?: number;
}

export const DEFAULT_PDF_TIMEOUT_MS = 60_000;

/** fontconfig aliases: the fonts Word/WPS users have, rendered by the Noto CJK faces installed here. */
export function fontAliases(): string {
  const aliases = Object.values(FONTS)
    .map(
      (f) =>
        `<alias binding="same"><family>${f.name}</family><prefer><family>${f.fallback}</family></prefer></alias>`,
    )
    .join('\n');
  return `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n<include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n${aliases}\n</fontconfig>\n`;
}

let queue: Promise<unknown> = Promise.resolve();

/** Converts one .docx; waits for any conversion already running. */
export function docxToPdf(docx: Buffer, options: PdfOptions = {}): Promise<Buffer> {
  const next = queue.then(
    () => convert(docx, options),
    () => convert(docx, options),
  );
  queue = next.catch(() => undefined);
  return next;
}

async function convert(docx: Buffer, options: PdfOptions): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'taizhang-pdf-'));
  try {
    const input = join(dir, 'bulletin.docx');
    await writeFile(input, docx);
    await writeFile(join(dir, 'fonts.conf'), fontAliases());
    await run(
      options.binary ?? 'soffice',
      [
        '--headless',
        '--norestore',
        '--nolockcheck',
        `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
        '--convert-to',
        'pdf',
        '--outdir',
        join(dir, 'out'),
        input,
      ],
      { ...process.env, FONTCONFIG_FILE: join(dir, 'fonts.conf'), HOME: dir },
      options.timeoutMs ?? DEFAULT_PDF_TIMEOUT_MS,
    );
    const pdf = await readFile(join(dir, 'out', 'bulletin.pdf')).catch(() => null);
    if (pdf === null || pdf.subarray(0, 5).toString('latin1') !== '%PDF-')
      throw new PdfConversionError('failed', 'LibreOffice wrote no PDF');
    return pdf;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function run(binary: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    // Its own process group, so a timeout kills LibreOffice's helper processes too.
    const child = spawn(binary, args, { env, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 2000) stderr += chunk.toString('utf8');
    });
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
      reject(new PdfConversionError('timeout', `no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new PdfConversionError(error.code === 'ENOENT' ? 'missing' : 'failed', error.message));
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new PdfConversionError('failed', `exit ${code ?? 'signal'}: ${stderr.trim()}`));
    });
  });
}

/** PDF pages as PNG images (poppler's pdftoppm), for the preview in the browser; same queue and timeout. */
export function pdfToPngPages(pdf: Buffer, dpi: number, options: PdfOptions = {}): Promise<Buffer[]> {
  const next = queue.then(
    () => rasterize(pdf, dpi, options),
    () => rasterize(pdf, dpi, options),
  );
  queue = next.catch(() => undefined);
  return next;
}

async function rasterize(pdf: Buffer, dpi: number, options: PdfOptions): Promise<Buffer[]> {
  const dir = await mkdtemp(join(tmpdir(), 'taizhang-png-'));
  try {
    await writeFile(join(dir, 'in.pdf'), pdf);
    await run(
      'pdftoppm',
      ['-r', String(dpi), '-png', join(dir, 'in.pdf'), join(dir, 'page')],
      process.env,
      options.timeoutMs ?? DEFAULT_PDF_TIMEOUT_MS,
    );
    const names = (await readdir(dir)).filter((n) => n.startsWith('page') && n.endsWith('.png')).sort();
    return await Promise.all(names.map((n) => readFile(join(dir, n))));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Pages of a PDF LibreOffice wrote: its page objects are plain dictionaries (no object streams). */
export function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
}
