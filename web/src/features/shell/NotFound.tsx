import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/context';

export function NotFound() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title={t('shell.notFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('shell.home')}</Button>
        </Link>
      }
    />
  );
}
