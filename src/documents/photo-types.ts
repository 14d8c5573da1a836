// The pictures a key project's monthly report may carry as 形象进度照片: photographs only, recognised by
// their content, so a renamed document or executable is never shown as a thumbnail.

const PHOTO_TYPES: Readonly<Record<string, string>> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
};

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function contentMatches(mime: string, bytes: Buffer): boolean {
  switch (mime) {
    case 'image/jpeg':
      return bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
    case 'image/png':
      return bytes.subarray(0, 8).equals(PNG_SIGNATURE);
    case 'image/webp':
      // A RIFF container whose form type is WEBP.
      return (
        bytes.length > 12 &&
        bytes.toString('latin1', 0, 4) === 'RIFF' &&
        bytes.toString('latin1', 8, 12) === 'WEBP'
      );
    default:
      return false;
  }
}

/** Long names break downloads and file systems; 200 characters hold any real title. */
const PHOTO_FILENAME_MAX = 200;

/** The type to store a photo as, or null when its name or its content is not a JPEG, PNG or WebP picture. */
export function photoTypeOf(filename: string, bytes: Buffer): string | null {
  if (filename.length > PHOTO_FILENAME_MAX) return null;
  const ext = /\.[^.]+$/.exec(filename.toLowerCase())?.[0] ?? '';
  const mime = PHOTO_TYPES[ext];
  return mime !== undefined && contentMatches(mime, bytes) ? mime : null;
}
