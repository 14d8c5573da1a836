import type { ReactNode } from 'react';
import { Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';

/**
 * A box to drop a file on or click to pick one. `pick` gets the file and answers false: the page sends it
 * itself (checked, with its own progress), so antd uploads nothing and keeps no list.
 */
export function FileDrop({
  accept,
  pick,
  disabled,
  testId,
  text,
  hint,
}: {
  accept: string;
  pick: (file: File) => boolean;
  disabled: boolean;
  testId: string;
  text: ReactNode;
  hint: ReactNode;
}) {
  return (
    <Upload.Dragger
      accept={accept}
      showUploadList={false}
      beforeUpload={pick}
      disabled={disabled}
      data-testid={testId}
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p className="ant-upload-text">{text}</p>
      <p className="ant-upload-hint">{hint}</p>
    </Upload.Dragger>
  );
}
