import { describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph } from 'docx';
import { evidenceTypeOf } from './evidence-types.js';

const realDocx = await Packer.toBuffer(
  new Document({ sections: [{ children: [new Paragraph('佐证材料')] }] }),
);

describe('evidenceTypeOf', () => {
  it.each<[string, Buffer, string | null]>([
    ['a.pdf', Buffer.from('%PDF-1.4\n'), 'application/pdf'],
    ['A.PDF', Buffer.from('%PDF-1.4\n'), 'application/pdf'],
    ['a.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'image/png'],
    ['a.jpg', Buffer.from([0xff, 0xd8, 0xff]), 'image/jpeg'],
    ['a.docx', realDocx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['corrupt.docx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64, 7)]), null],
    ['sheet-as.xlsx', realDocx, null],
    [`${'长'.repeat(201)}.pdf`, Buffer.from('%PDF-1.4\n'), null],
    ['a.txt', Buffer.from('进展说明'), 'text/plain'],
    ['renamed.pdf', Buffer.from('MZ\x90\x00'), null],
    ['a.txt', Buffer.from([0x41, 0x00, 0x42]), null],
    ['a.exe', Buffer.from('MZ'), null],
    ['noextension', Buffer.from('%PDF-'), null],
  ])('%s', (name, bytes, expected) => {
    expect(evidenceTypeOf(name, bytes)).toBe(expected);
  });
});
