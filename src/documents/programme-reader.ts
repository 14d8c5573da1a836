// Reads an uploaded programme document (text in UTF-8 or GB18030, .docx, .html) into decoded text.
import { Parser } from 'htmlparser2';
import mammoth from 'mammoth';
import { ZipError, checkZipInflation, readZipDirectory, requireParts } from './zip-container.js';

/**
 * unsupported_format: a type not accepted (415). unreadable_document: claims to be a .docx but cannot be
 * read (422). too_large_uncompressed and text_too_long: past the caps once inflated or extracted (413).
 */
export type DocumentErrorCode =
  | 'empty_document'
  | 'binary_document'
  | 'not_chinese_prose'
  | 'unsupported_format'
  | 'unreadable_document'
  | 'too_large_uncompressed'
  | 'text_too_long';

/** About 1,500 pages of Chinese text: far past any programme document, well short of hurting the extractor. */
export const MAX_TEXT_CHARACTERS = 2_000_000;

export class DocumentError extends Error {
  readonly code: DocumentErrorCode;
  constructor(code: DocumentErrorCode, message: string) {
    super(message);
    this.name = 'DocumentError';
    this.code = code;
  }
}

export interface ProgrammeDocument {
  text: string;
  format: 'text' | 'docx' | 'html';
}

const MESSAGES: Record<DocumentErrorCode, string> = {
  empty_document: '文件为空 / the document is empty',
  binary_document: '文件不是文本 / the document is binary, not text',
  not_chinese_prose: '文件不是中文文稿 / the document is not Chinese prose',
  unsupported_format: '不支持的文件格式 / unsupported file format',
  unreadable_document: '文件已损坏或不是有效的docx文件 / the document is damaged or not a valid .docx',
  too_large_uncompressed: '文件解压后过大 / the document is too large once decompressed',
  text_too_long: '文件文字过长 / the document has too much text',
};

function fail(code: DocumentErrorCode, detail?: string): never {
  throw new DocumentError(code, detail ? `${MESSAGES[code]} (${detail})` : MESSAGES[code]);
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const UNSUPPORTED_MAGIC: [number[], string][] = [
  [[0x25, 0x50, 0x44, 0x46], 'pdf'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'doc/xls'],
  [[0x89, 0x50, 0x4e, 0x47], 'png'],
  [[0xff, 0xd8, 0xff], 'jpeg'],
  [[0x47, 0x49, 0x46, 0x38], 'gif'],
  [[0x1f, 0x8b], 'gzip'],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'rtf'],
];

function startsWith(bytes: Buffer, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** UTF-8 when the bytes are valid UTF-8 (BOM stripped), else GB18030, which decodes any byte sequence. */
export function decodeText(bytes: Buffer): string {
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  ) {
    return new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2));
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function looksBinary(bytes: Buffer): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control > n * 0.02;
}

function checkProse(text: string): string {
  if (text.trim().length === 0) fail('empty_document');
  let han = 0;
  let replacement = 0;
  const n = Math.min(text.length, 200_000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) han++;
    else if (c === 0xfffd) replacement++;
  }
  if (replacement > n * 0.01) fail('binary_document');
  if (han < 4 || han < n * 0.05) fail('not_chinese_prose');
  return text;
}

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'br',
  'li',
  'tr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'section',
  'article',
  'header',
  'footer',
  'table',
  'ul',
  'ol',
  'blockquote',
  'pre',
  'dd',
  'dt',
  'hr',
  'title',
]);
const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'iframe',
  'head',
  'nav',
  'select',
  'button',
]);

const SITE_SUFFIX = /\s*(?:[_|｜]|\s[-–—]\s)[^_|｜]{0,40}(?:网|网站|门户|在线|频道|政府|平台|新闻)\s*$/;

/** Visible text of an HTML page, with block elements on lines of their own and table cells split by tabs. */
export function htmlToText(html: string): string {
  const parts: string[] = [];
  let skipDepth = 0;
  let title = '';
  let inTitle = false;
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'title') inTitle = true;
        if (SKIP_TAGS.has(name)) skipDepth++;
        else if (BLOCK_TAGS.has(name)) parts.push('\n');
        else if (name === 'td' || name === 'th') parts.push('\t');
      },
      ontext(data) {
        if (inTitle) title += data;
        else if (skipDepth === 0) parts.push(data.replace(/[\r\n]+/g, ' '));
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (SKIP_TAGS.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        else if (BLOCK_TAGS.has(name)) parts.push('\n');
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  const body = parts
    .join('')
    .replace(/[ \t\u00a0]*\n[ \t\u00a0\n]*/g, '\n')
    .trim();
  // A page whose body does not carry its own title near the top gets the <title> as the first line,
  // without the site name that <title> usually appends ("标题_某某区人民政府门户网站"). When the body
  // has it after breadcrumbs or page meta, the cleaner drops those and the title line leads.
  const t = title.trim().replace(SITE_SUFFIX, '').trim();
  return t && !body.slice(0, 2000).includes(t.slice(0, 8)) ? `${t}\n${body}` : body;
}

function formatOf(bytes: Buffer, filename: string | undefined): 'text' | 'docx' | 'html' {
  const ext = filename ? /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase() : undefined;
  if (startsWith(bytes, ZIP_MAGIC)) {
    if (ext === undefined || ext === 'docx') return 'docx';
    fail('unsupported_format', ext);
  }
  for (const [magic, name] of UNSUPPORTED_MAGIC)
    if (startsWith(bytes, magic)) fail('unsupported_format', name);
  if (ext === 'docx') fail('unreadable_document', 'not a zip archive');
  if (ext === 'doc' || ext === 'pdf' || ext === 'xls' || ext === 'xlsx' || ext === 'ppt' || ext === 'pptx')
    fail('unsupported_format', ext);
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  const head = bytes.subarray(0, 1024).toString('latin1').trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /<(body|div|p)[\s>]/.test(head))
    return 'html';
  return 'text';
}

export async function readProgrammeDocument(bytes: Buffer, filename?: string): Promise<ProgrammeDocument> {
  if (bytes.length === 0) fail('empty_document');
  const format = formatOf(bytes, filename);
  if (format === 'docx') return { text: checkProse(capped(await docxText(bytes))), format };
  if (looksBinary(bytes)) fail('binary_document');
  const decoded = decodeText(bytes);
  if (format === 'html') return { text: checkProse(capped(htmlToText(decoded))), format };
  return { text: checkProse(capped(decoded)), format };
}

function capped(text: string): string {
  if (text.length > MAX_TEXT_CHARACTERS) fail('text_too_long', `${text.length} > ${MAX_TEXT_CHARACTERS}`);
  return text;
}

/** mammoth inflates the whole archive in memory, so the archive is measured first (zip-container.ts). */
async function docxText(bytes: Buffer): Promise<string> {
  try {
    const entries = readZipDirectory(bytes);
    requireParts(entries, 'docx');
    await checkZipInflation(bytes, entries);
  } catch (error) {
    if (error instanceof ZipError)
      fail(error.code === 'too_large' ? 'too_large_uncompressed' : 'unreadable_document', error.message);
    throw error;
  }
  try {
    return (await mammoth.extractRawText({ buffer: bytes })).value;
  } catch {
    return fail('unreadable_document', 'unreadable docx');
  }
}
