import { describe, expect, it } from 'vitest';
import { multipart, ok, send, tinyPdf, tinyPng } from './helpers/http.js';
import { dialects } from './helpers/storage.js';
import { worldSuite } from './helpers/world.js';

// 形象进度照片 on a key project's monthly report. The world's clock stands at 2026-06-15.

interface Photo {
  id: string;
  reportId: string;
  filename: string;
  mime: string;
  size: number;
}
interface Project {
  id: string;
  reports: { id: string; month: string; status: string }[];
  photos: Photo[];
  can: { attach_photo: boolean };
}

/** The first bytes of a baseline JPEG (SOI, then an APP0 marker); the store sniffs no further. */
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0xff, 0xd9]);
/** A RIFF container of form WEBP with one empty lossless chunk. */
const WEBP = Buffer.concat([
  Buffer.from('RIFF'),
  Buffer.from([12, 0, 0, 0]),
  Buffer.from('WEBPVP8L'),
  Buffer.from([0, 0, 0, 0]),
]);

describe.each(dialects)('key-project photos on $name', (dialect) => {
  const s = worldSuite(dialect, ['office', 'reporter2', 'reporter1', 'officeB', 'viewer']);

  async function projectWithMonth(month = '2026-05'): Promise<{ project: Project; reportId: string }> {
    const project = (
      await ok(s.w.app, s.cookies.office, {
        method: 'POST',
        url: `/api/regions/${s.w.regionA}/projects`,
        payload: {
          name: '城东污水处理厂扩建工程',
          stage: 'started',
          stageDate: '2026-02-10',
          nature: 'new',
          level: 'district',
          category: '基础设施',
          town: '东城街道',
          totalInvestment: 20000,
          yearPlan: 6000,
          planYear: 2026,
          leadUnitId: s.w.units.dept2,
        },
      })
    ).json<Project>();
    const report = (
      await ok(s.w.app, s.cookies.reporter2, {
        method: 'POST',
        url: `/api/projects/${project.id}/reports`,
        payload: { month, investment: 800, progress: '主体结构施工至三层' },
      })
    ).json<{ id: string }>();
    return { project, reportId: report.id };
  }
  const attach = (cookie: string, reportId: string, filename: string, bytes: Buffer, mime: string) =>
    send(s.w.app, cookie, {
      method: 'POST',
      url: `/api/project-reports/${reportId}/photos`,
      ...multipart(filename, bytes, mime),
    });
  const read = async (id: string, cookie = s.cookies.office) =>
    (await ok(s.w.app, cookie, { method: 'GET', url: `/api/projects/${id}` })).json<Project>();

  it('the lead unit attaches JPEG, PNG and WebP photos to a month; every reader of the project sees them', async () => {
    const { project, reportId } = await projectWithMonth();
    for (const [name, bytes, mime] of [
      ['现场全景.jpg', JPEG, 'image/jpeg'],
      ['主体施工.png', tinyPng(), 'image/png'],
      ['航拍.webp', WEBP, 'image/webp'],
    ] as const) {
      const res = await attach(s.cookies.reporter2, reportId, name, bytes, mime);
      expect([res.statusCode, res.json().mime]).toEqual([201, mime]);
    }
    const office = await attach(s.cookies.office, reportId, '督查拍摄.png', tinyPng(), 'image/png');
    expect(office.statusCode).toBe(201);

    const seen = await read(project.id, s.cookies.viewer);
    expect(seen.photos.map((p) => [p.filename, p.reportId])).toEqual([
      ['现场全景.jpg', reportId],
      ['主体施工.png', reportId],
      ['航拍.webp', reportId],
      ['督查拍摄.png', reportId],
    ]);
    expect(seen.can.attach_photo).toBe(false);
    expect((await read(project.id, s.cookies.reporter2)).can.attach_photo).toBe(true);

    const png = seen.photos[1]!;
    for (const cookie of [s.cookies.viewer, s.cookies.reporter1, s.cookies.office]) {
      const file = await send(s.w.app, cookie, { method: 'GET', url: `/api/attachments/${png.id}` });
      expect([file.statusCode, file.headers['content-type']]).toEqual([200, 'image/png']);
      expect(file.rawPayload.equals(tinyPng())).toBe(true);
    }
    // Another region does not learn the photo exists.
    const other = await send(s.w.app, s.cookies.officeB, {
      method: 'GET',
      url: `/api/attachments/${png.id}`,
    });
    expect([other.statusCode, other.json().error.reason]).toEqual([404, 'attachment.not_found']);
  });

  it('refuses what is not a photo, other units, other regions and confirmed months, changing nothing', async () => {
    const { project, reportId } = await projectWithMonth('2026-04');
    const reasonOf = async (cookie: string, name: string, bytes: Buffer, mime: string) => {
      const res = await attach(cookie, reportId, name, bytes, mime);
      return [res.statusCode, res.json().error.reason as string];
    };
    expect(await reasonOf(s.cookies.reporter2, '现场.jpg', tinyPdf(), 'image/jpeg')).toEqual([
      415,
      'project.photo_unsupported_type',
    ]);
    expect(await reasonOf(s.cookies.reporter2, '方案.pdf', tinyPdf(), 'application/pdf')).toEqual([
      415,
      'project.photo_unsupported_type',
    ]);
    expect(await reasonOf(s.cookies.reporter2, '现场.gif', Buffer.from('GIF89a....'), 'image/gif')).toEqual([
      415,
      'project.photo_unsupported_type',
    ]);
    expect(await reasonOf(s.cookies.reporter2, '现场.png', Buffer.alloc(0), 'image/png')).toEqual([
      400,
      'upload.empty',
    ]);
    expect(await reasonOf(s.cookies.reporter1, '现场.png', tinyPng(), 'image/png')).toEqual([
      403,
      'access.forbidden',
    ]);
    expect((await attach(s.cookies.viewer, reportId, '现场.png', tinyPng(), 'image/png')).statusCode).toBe(
      403,
    );
    expect((await attach(s.cookies.officeB, reportId, '现场.png', tinyPng(), 'image/png')).statusCode).toBe(
      403,
    );
    expect((await read(project.id)).photos).toEqual([]);

    // A month holds nine photos.
    for (let i = 1; i <= 9; i++)
      expect(
        (await attach(s.cookies.reporter2, reportId, `第${i}张.png`, tinyPng(), 'image/png')).statusCode,
      ).toBe(201);
    expect(await reasonOf(s.cookies.reporter2, '第10张.png', tinyPng(), 'image/png')).toEqual([
      409,
      'project.photos_full',
    ]);

    await ok(s.w.app, s.cookies.office, { method: 'POST', url: `/api/project-reports/${reportId}/confirm` });
    expect(await reasonOf(s.cookies.reporter2, '补拍.png', tinyPng(), 'image/png')).toEqual([
      409,
      'project.report_confirmed',
    ]);
    expect((await read(project.id)).photos).toHaveLength(9);
  });

  // The same bytes three times at once: also what a double click sends to the one content-addressed store.
  it('lets uploads racing for the ninth place take it once', async () => {
    const { project, reportId } = await projectWithMonth('2026-04');
    for (let i = 1; i <= 8; i++)
      expect(
        (await attach(s.cookies.reporter2, reportId, `第${i}张.png`, tinyPng(), 'image/png')).statusCode,
      ).toBe(201);
    const codes = (
      await Promise.all(
        ['甲', '乙', '丙'].map((n) =>
          attach(s.cookies.reporter2, reportId, `同时${n}.png`, tinyPng(), 'image/png'),
        ),
      )
    ).map((r) => r.statusCode);
    expect(codes.sort()).toEqual([201, 409, 409]);
    expect((await read(project.id)).photos.filter((p) => p.reportId === reportId)).toHaveLength(9);
  });

  it('takes a photo back off a month not yet confirmed, for whoever may attach there, and not after', async () => {
    const { project, reportId } = await projectWithMonth('2026-03');
    const [kept, wrong] = await Promise.all(
      ['现场.png', '拍错了.png'].map(async (name) =>
        (
          await ok(s.w.app, s.cookies.reporter2, {
            method: 'POST',
            url: `/api/project-reports/${reportId}/photos`,
            ...multipart(name, tinyPng(), 'image/png'),
          })
        ).json<Photo>(),
      ),
    );
    const remove = (cookie: string, id: string) =>
      send(s.w.app, cookie, { method: 'DELETE', url: `/api/project-photos/${id}` });
    // Another unit, another region and a reader may not; nothing changes.
    for (const cookie of [s.cookies.reporter1, s.cookies.officeB, s.cookies.viewer])
      expect((await remove(cookie, wrong!.id)).statusCode).toBe(403);
    expect((await remove(s.cookies.reporter2, 'att_nonexistent')).statusCode).toBe(404);
    expect((await read(project.id)).photos.map((p) => p.id).sort()).toEqual([kept!.id, wrong!.id].sort());

    expect((await remove(s.cookies.reporter2, wrong!.id)).statusCode).toBe(200);
    expect((await read(project.id)).photos.map((p) => p.id)).toEqual([kept!.id]);
    // The kept photo still opens: the same bytes were not removed from the store.
    expect(
      (await send(s.w.app, s.cookies.office, { method: 'GET', url: `/api/attachments/${kept!.id}` }))
        .statusCode,
    ).toBe(200);

    await ok(s.w.app, s.cookies.office, { method: 'POST', url: `/api/project-reports/${reportId}/confirm` });
    const refused = await remove(s.cookies.reporter2, kept!.id);
    expect([refused.statusCode, refused.json<{ error: { reason: string } }>().error.reason]).toEqual([
      409,
      'project.report_confirmed',
    ]);
  });
});
