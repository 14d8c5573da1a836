import type { ReactNode } from 'react';
import { Typography } from 'antd';

/**
 * Every page opens the same way: its title, then what belongs beside it (a count, a selector, the page's
 * buttons), wrapping under the title on a phone (shell.css).
 */
export function PageHead({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <div className="tz-page-head">
      <Typography.Title level={4} className="tz-page-title">
        {title}
      </Typography.Title>
      {children}
    </div>
  );
}
