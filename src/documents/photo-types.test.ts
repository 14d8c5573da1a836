import { describe, expect, it } from 'vitest';
import { photoTypeOf } from './photo-types.js';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
const WEBP = Buffer.from('RIFF\x0c\x00\x00\x00WEBPVP8L', 'latin1');
const WAV = Buffer.from('RIFF\x0c\x00\x00\x00WAVEfmt ', 'latin1');
const PDF = Buffer.from('%PDF-1.7\n');

describe('photoTypeOf', () => {
  it.each([
    ['现场.png', PNG, 'image/png'],
    ['现场.PNG', PNG, 'image/png'],
    ['现场.jpg', JPEG, 'image/jpeg'],
    ['现场.jpeg', JPEG, 'image/jpeg'],
    ['航拍.webp', WEBP, 'image/webp'],
  ])('%s is a photo', (name, bytes, mime) => {
    expect(photoTypeOf(name, bytes)).toBe(mime);
  });

  it.each([
    ['a PDF named .jpg', '现场.jpg', PDF],
    ['a PNG named .jpg', '现场.jpg', PNG],
    ['a RIFF sound named .webp', '现场.webp', WAV],
    ['a real PDF', '方案.pdf', PDF],
    ['a GIF', '动图.gif', Buffer.from('GIF89a')],
    ['no extension', '现场', PNG],
    ['two bytes of JPEG', '现场.jpg', Buffer.from([0xff, 0xd8])],
    ['a name of 201 characters', `${'照'.repeat(197)}.png`, PNG],
  ])('%s is refused', (_what, name, bytes) => {
    expect(photoTypeOf(name, bytes)).toBeNull();
  });
});
