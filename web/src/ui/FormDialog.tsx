import type { ReactNode } from 'react';
import { Form, Modal, type FormInstance } from 'antd';

/** What the page that opens a form in a dialog gives it: whether it shows, what a close and a save do. */
export interface FormDialogProps {
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}

interface Props<V> extends FormDialogProps {
  title: string;
  form: FormInstance<V>;
  /** The owner runs the write and tells its outcome, so it also knows when the write is under way. */
  busy: boolean;
  /** Resolves true when the write went through; on failure what was typed stays for another try. */
  save: (values: V) => Promise<boolean>;
  initialValues?: Partial<V> | undefined;
  width?: number;
  children: ReactNode;
}

/** A form in a dialog whose OK validates and saves; a saved form is cleared for the next one. */
export function FormDialog<V>({
  open,
  title,
  form,
  busy,
  save,
  onClose,
  onSaved,
  initialValues,
  width,
  children,
}: Props<V>) {
  const finish = async (values: V) => {
    if (await save(values)) {
      form.resetFields();
      onSaved();
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => {
        form.submit();
      }}
      okButtonProps={{ loading: busy }}
      destroyOnHidden
      width={width}
    >
      <Form form={form} layout="vertical" onFinish={(v) => void finish(v)} initialValues={initialValues}>
        {children}
      </Form>
    </Modal>
  );
}
