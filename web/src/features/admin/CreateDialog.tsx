import { useState, type ReactNode } from 'react';
import { Button, Form, Modal, type FormInstance } from 'antd';
import { PlusOutlined } from '@ant-design/icons';

interface Props<V> {
  /** The button's text and the dialog's title: 新增账号, 新增单位. */
  label: string;
  busy: boolean;
  form: FormInstance<V>;
  initialValues: Partial<V>;
  /** Resolves true when the write landed; only then does the dialog close and forget what was typed. */
  submit: (values: V) => Promise<boolean>;
  children: ReactNode;
}

/** The admin tabs' "new …" button and its dialog: validate, write, and keep the typed values when the write is refused. */
export function CreateDialog<V>({ label, busy, form, initialValues, submit, children }: Props<V>) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        onClick={() => {
          setOpen(true);
        }}
        className="tz-mb"
      >
        {label}
      </Button>
      <Modal
        open={open}
        title={label}
        onCancel={() => {
          setOpen(false);
        }}
        confirmLoading={busy}
        destroyOnHidden
        onOk={() =>
          void form.validateFields().then((values) =>
            submit(values).then((done) => {
              if (done) {
                setOpen(false);
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
    </>
  );
}
