import { Form, Modal, type FormInstance } from 'antd';
import type { ReactNode } from 'react';

interface Props<V> {
  open: boolean;
  title: string;
  busy: boolean;
  form: FormInstance<V>;
  initialValues: Partial<V>;
  onClose: () => void;
  /** Resolves true when the write landed; only then does the dialog close and forget what was typed. */
  submit: (values: V) => Promise<boolean>;
  children: ReactNode;
}

/** The admin tabs' "new …" dialog: validate, write, and keep the typed values when the write is refused. */
export function CreateDialog<V>({
  open,
  title,
  busy,
  form,
  initialValues,
  onClose,
  submit,
  children,
}: Props<V>) {
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
      onOk={() =>
        void form.validateFields().then((values) =>
          submit(values).then((done) => {
            if (done) {
              onClose();
              form.resetFields();
            }
          }),
        )
      }
    >
      <Form form={form} layout="vertical" initialValues={initialValues}>
        {children}
      </Form>
    </Modal>
  );
}
