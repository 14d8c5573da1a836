import { crc32, deflateSync } from 'node:zlib';
import type { Kysely } from 'kysely';
import { newId } from '../db/ids.js';
import { insertAttachment } from '../db/repositories/attachment-repository.js';
import { listOpenProjectReports } from '../db/repositories/project-repository.js';
import type { Database } from '../db/schema.js';
import { photoTypeOf } from '../documents/photo-types.js';
import type { ServiceContext } from '../services/context.js';
import { storeUpload } from '../services/file-store.js';

// The demo's 形象进度照片: three projects under construction carry a picture of their site on the month
// they have reported and the office has not yet confirmed. The pictures are drawn here, not downloaded.

const WIDTH = 240;
const HEIGHT = 160;
type Rgb = readonly [number, number, number];

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A building site: sky, earth, a tower of `floors` storeys with windows, and a tower crane beside it. */
export function sitePicture(floors: number): Buffer {
  const sky = (y: number): Rgb => [120 + y, 170 + Math.floor(y / 2), 230];
  const earth: Rgb = [150, 120, 80];
  const concrete: Rgb = [170, 170, 165];
  const window: Rgb = [70, 90, 110];
  const crane: Rgb = [235, 180, 30];
  const ground = 120;
  const top = Math.max(20, ground - floors * 10);
  const pixel = (x: number, y: number): Rgb => {
    const inCraneMast = x >= 180 && x < 184 && y >= 15 && y < ground;
    const inCraneJib = y >= 15 && y < 18 && x >= 110 && x < 215;
    if (inCraneMast || inCraneJib) return crane;
    if (x >= 70 && x < 160 && y >= top && y < ground) {
      const inWindow = (x - 70) % 15 >= 5 && (x - 70) % 15 < 11 && (y - top) % 10 >= 3 && (y - top) % 10 < 7;
      return inWindow ? window : concrete;
    }
    return y >= ground ? earth : sky(y);
  };
  const raw = Buffer.alloc((WIDTH * 3 + 1) * HEIGHT);
  for (let y = 0; y < HEIGHT; y++) {
    const row = y * (WIDTH * 3 + 1);
    raw[row] = 0;
    for (let x = 0; x < WIDTH; x++) raw.set(pixel(x, y), row + 1 + x * 3);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(WIDTH, 0);
  header.writeUInt32BE(HEIGHT, 4);
  header[8] = 8; // bits per sample
  header[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** One photo on each of the first three open monthly reports of the region, in project order. */
export async function seedProjectPhotos(
  ctx: ServiceContext,
  db: Kysely<Database>,
  regionId: string,
  createdAt: string,
): Promise<void> {
  const reports = await listOpenProjectReports(db, regionId, 3);
  for (const [i, report] of reports.entries()) {
    const filename = `${report.month}现场照片.png`;
    const stored = await storeUpload(ctx, filename, sitePicture(4 + i * 3), photoTypeOf);
    await insertAttachment(db, {
      id: newId('att'),
      region_id: regionId,
      owner_kind: 'project_report',
      owner_id: report.id,
      filename,
      ...stored,
      created_by: report.created_by,
      created_at: createdAt,
    });
  }
}
