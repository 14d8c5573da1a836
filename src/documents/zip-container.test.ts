import { describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph } from 'docx';
import { buildZip, deflatedZeros, docxLike, xlsxLike } from '../../test/helpers/zip-builder.js';
import {
  ZIP_LIMITS,
  ZipError,
  checkZipInflation,
  isReadableZipContainer,
  readZipDirectory,
} from './zip-container.js';

async function codeOf(work: () => unknown): Promise<string | undefined> {
  try {
    await work();
    return undefined;
  } catch (error) {
    return error instanceof ZipError ? error.code : `other: ${String(error)}`;
  }
}

const sampleDocx = () =>
  Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('某区工作要点')] }] }));

describe('readZipDirectory', () => {
  it('lists the entries of a real .docx from its central directory', async () => {
    const names = readZipDirectory(await sampleDocx()).map((e) => e.name);
    expect(names).toContain('[Content_Types].xml');
    expect(names).toContain('word/document.xml');
  });

  it('refuses, without inflating anything, an archive declaring more than the cap', async () => {
    const bomb = docxLike({ deflated: deflatedZeros(200), size: 200 << 20 });
    expect(bomb.length).toBeLessThan(400_000);
    expect(await codeOf(() => readZipDirectory(bomb))).toBe('too_large');
  });

  it('refuses absurd entries: too many, or a ratio no document has', async () => {
    const many = buildZip(
      Array.from({ length: ZIP_LIMITS.maxEntries + 1 }, (_, i) => ({
        name: `f${i}`,
        data: Buffer.from('x'),
      })),
    );
    expect(await codeOf(() => readZipDirectory(many))).toBe('too_large');
    const dense = docxLike({ deflated: deflatedZeros(20), size: 20 << 20 });
    expect(await codeOf(() => readZipDirectory(dense))).toBe('too_large');
  });

  it('calls anything that is not a well-formed archive unreadable', async () => {
    const docx = await sampleDocx();
    for (const bytes of [
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]),
      Buffer.from('not a zip at all'),
      docx.subarray(0, docx.length - 30),
      Buffer.concat([docx.subarray(0, 200), Buffer.alloc(500), docx.subarray(700)]),
    ])
      expect(await codeOf(() => readZipDirectory(bytes))).toBe('unreadable');
  });
});

describe('checkZipInflation', () => {
  it('stops at the cap whatever the headers declare', async () => {
    // Declares 1 KB, inflates to 200 MiB: the directory looks harmless, the counter catches it.
    const liar = docxLike({ deflated: deflatedZeros(200), size: 200 << 20, declaredSize: 1024 });
    const entries = readZipDirectory(liar);
    expect(await codeOf(() => checkZipInflation(liar, entries))).toBe('too_large');
  });

  it('passes a real document and calls a corrupt deflate stream unreadable', async () => {
    const docx = await sampleDocx();
    await expect(checkZipInflation(docx, readZipDirectory(docx))).resolves.toBeGreaterThan(0);
    const broken = docxLike({ deflated: Buffer.from([0xff, 0xff, 0xff, 0xff]), size: 10 });
    expect(await codeOf(() => checkZipInflation(broken, readZipDirectory(broken)))).toBe('unreadable');
  });
});

describe('isReadableZipContainer', () => {
  it('knows a .docx from an .xlsx and from anything else', async () => {
    const docx = await sampleDocx();
    expect(isReadableZipContainer(docx, 'docx')).toBe(true);
    expect(isReadableZipContainer(docx, 'xlsx')).toBe(false);
    expect(isReadableZipContainer(xlsxLike(), 'xlsx')).toBe(true);
    expect(isReadableZipContainer(xlsxLike(), 'docx')).toBe(false);
    expect(
      isReadableZipContainer(buildZip([{ name: 'word/document.xml', data: Buffer.from('<w/>') }]), 'docx'),
    ).toBe(false);
    expect(isReadableZipContainer(Buffer.from('%PDF-1.7'), 'docx')).toBe(false);
    expect(isReadableZipContainer(docx.subarray(0, 100), 'docx')).toBe(false);
    expect(isReadableZipContainer(docxLike({ deflated: deflatedZeros(200), size: 200 << 20 }), 'docx')).toBe(
      false,
    );
  });
});
