import { Button, Card, Empty, Image, Popconfirm, Typography, Upload } from 'antd';
import type { ProjectDetail } from '../../api/types';
import { useI18n } from '../../i18n/context';
import { formatPeriod } from '../../i18n/format';
import { useWrite } from '../../lib/useWrite';
import { photoHref, removePhoto, uploadPhoto } from './projects-api';

const ACCEPT = '.jpg,.jpeg,.png,.webp,image/jpeg,image/png,image/webp';

/** 形象进度照片 month by month, newest first; a month not yet confirmed takes more from its reporters. */
export function ProjectPhotos({ project, onDone }: { project: ProjectDetail; onDone: () => void }) {
  const { t, locale } = useI18n();
  const { run } = useWrite();
  const months = [...project.reports]
    .reverse()
    .map((r) => ({
      report: r,
      photos: project.photos.filter((p) => p.reportId === r.id),
      open: project.can.attach_photo && r.status !== 'confirmed',
    }))
    .filter((m) => m.photos.length > 0 || m.open);

  return (
    <Card size="small" title={t('prj.photos')} data-testid="project-photos">
      {months.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('prj.photos.none')} />
      )}
      {months.map(({ report, photos, open }) => (
        <div key={report.id} className="tz-photo-month" data-testid={`photos-${report.month}`}>
          <Typography.Text strong className="tz-photo-month-label">
            {formatPeriod(report.month, locale)}
          </Typography.Text>
          <div className="tz-photo-strip">
            <Image.PreviewGroup>
              {photos.map((photo) => (
                <div key={photo.id} className="tz-photo-cell" data-testid="project-photo">
                  <Image
                    src={photoHref(photo.id)}
                    alt={photo.filename}
                    className="tz-photo-thumb"
                    width={96}
                    height={72}
                  />
                  {open && (
                    <Popconfirm
                      title={t('prj.photos.removeConfirm')}
                      okText={t('prj.photos.remove')}
                      onConfirm={() => {
                        void run(() => removePhoto(photo.id), { success: t('prj.photos.removed') }).then(
                          onDone,
                        );
                      }}
                    >
                      <Button type="link" size="small" danger className="tz-photo-remove">
                        {t('prj.photos.remove')}
                      </Button>
                    </Popconfirm>
                  )}
                </div>
              ))}
            </Image.PreviewGroup>
            {open && (
              <Upload
                accept={ACCEPT}
                showUploadList={false}
                customRequest={({ file }) => {
                  void run(() => uploadPhoto(report.id, file as File), {
                    success: t('prj.photos.uploaded'),
                  }).then(onDone);
                }}
              >
                <Button size="small" data-testid={`add-photo-${report.month}`}>
                  {t('prj.photos.add')}
                </Button>
              </Upload>
            )}
          </div>
        </div>
      ))}
    </Card>
  );
}
