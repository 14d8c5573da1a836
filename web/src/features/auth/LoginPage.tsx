import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useErrorText } from '../../i18n/error-text';
import { useI18n } from '../../i18n/context';
import { useWrite } from '../../lib/useWrite';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { useAuth } from '../../app/session';
import { safeNext } from './next-path';
import './login.css';

interface Credentials {
  username: string;
  password: string;
}

/** `prefetch` fetches what a signed-in visitor sees first (the app's to name: a feature knows no routes). */
export function LoginPage({ prefetch }: { prefetch?: () => void }) {
  const { t } = useI18n();
  const { me, login } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const { run, busy } = useWrite();
  const errorText = useErrorText();
  const next = safeNext(params.get('next'));

  // While the visitor types, fetch what signing in shows first (the layout and the battle map), so signing in
  // shows the numbers without waiting for their code (on a slow phone network that is most of a second).
  useEffect(() => {
    if (!prefetch) return;
    const timer = setTimeout(prefetch, 300);
    return () => {
      clearTimeout(timer);
    };
  }, [prefetch]);

  if (me) return <Navigate to={next} replace />;

  const submit = async (values: Credentials) => {
    setError(null);
    // A refused sign-in stays on the card above the form rather than in a passing message.
    const signedIn = await run(() => login(values.username.trim(), values.password), {
      onError: (e) => {
        setError(errorText(e));
        return true;
      },
    });
    if (signedIn) void navigate(next, { replace: true });
  };

  return (
    <div className="tz-login">
      <div className="tz-login-lang">
        <LanguageSwitch />
      </div>
      {/* Plain elements rather than antd Card and Typography: a phone on slow 4G signs in without their code. */}
      <main className="tz-login-card">
        <h1 className="tz-login-title">{t('app.name')}</h1>
        <p className="tz-login-subtitle">{t('login.subtitle')}</p>
        {error && <Alert type="error" title={error} showIcon className="tz-login-error" />}
        <Form<Credentials> layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
      </main>
    </div>
  );
}
