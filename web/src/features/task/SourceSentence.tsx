import { useEffect, useRef } from 'react';
import type { TaskDetail } from '../../api/types';
import { splitSpan } from '../../ui/source-span';

/** The paragraph of the plan the task came from, its own sentence highlighted and scrolled into view. */
export function SourceSentence({ source }: { source: NonNullable<TaskDetail['source']> }) {
  const [before, marked, after] = splitSpan(source.paragraph, source.start, source.end);
  const box = useRef<HTMLDivElement>(null);
  const ref = useRef<HTMLElement>(null);
  // Scroll the box, not the page: the reader should stay at the task's header.
  useEffect(() => {
    if (box.current && ref.current)
      box.current.scrollTop = Math.max(0, ref.current.offsetTop - box.current.offsetTop - 24);
  }, [source]);
  return (
    <div className="tz-source" data-testid="task-source" ref={box}>
      {before}
      <mark ref={ref} className="tz-source-mark">
        {marked}
      </mark>
      {after}
    </div>
  );
}
