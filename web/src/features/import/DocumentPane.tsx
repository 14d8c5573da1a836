import { useEffect, useRef } from 'react';
import { Empty } from 'antd';
import { splitSpan } from '../../ui/source-span';
import { useI18n } from '../../i18n/context';

export interface Span {
  start: number;
  end: number;
}

/** The imported document as the extractor read it, the selected item's source span highlighted and brought into view. */
export function DocumentPane({ text, span }: { text: string | null; span: Span | null }) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const mark = useRef<HTMLElement>(null);
  useEffect(() => {
    if (box.current && mark.current)
      box.current.scrollTop = Math.max(0, mark.current.offsetTop - box.current.offsetTop - 80);
  }, [span, text]);
  if (text === null) return <Empty description={t('import.noSource')} />;
  const [before, marked, after] = span ? splitSpan(text, span.start, span.end) : [text, '', ''];
  return (
    <div className="tz-doc" ref={box} data-testid="import-document">
      {before}
      {marked && (
        <mark ref={mark} className="tz-source-mark" data-testid="import-highlight">
          {marked}
        </mark>
      )}
      {after}
    </div>
  );
}
