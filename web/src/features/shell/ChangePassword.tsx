import { Form, Input, Modal } from 'antd';
import { useI18n } from '../../i18n/context';
import { useWrite } from '../../lib/useWrite';
import { changePassword } from './shell-api';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** The signed-in account changes its own password: the current one, then the new one twice. */
export function ChangePassword({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<PasswordForm>();
  const write = useWrite();
  const submit = async () => {
    const v = await form.validateFields();
    const done = await write.run(() => changePassword(v.currentPassword, v.newPassword), {
      success: t('shell.passwordChanged'),
    });
    if (done) {
      form.resetFields();
      onClose();
    }
  };
  return (
    <Modal
      open={open}
      title={t('shell.changePassword')}
      onCancel={onClose}
      confirmLoading={write.busy}
      destroyOnHidden
      onOk={() => void submit().catch(() => undefined)}
    >
      <Form form={form} layout="vertical" data-testid="change-password-form">
        <Form.Item name="currentPassword" label={t('shell.currentPassword')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('shell.newPassword')}
          extra={t('shell.passwordRule')}
          rules={[{ required: true }, { min: 10, message: t('shell.passwordRule') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('shell.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('shell.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
