import { useEffect, useRef, type DependencyList } from 'react';
import { init, type ECharts } from 'echarts/core';

/**
 * One ECharts instance on a div while the component lives: drawn by `draw` whenever `deps` change, resized
 * with its box (a phone turned, the side menu folded), disposed on unmount. Each feature registers the chart
 * types it draws in its own echarts.ts, so a page loads only those.
 */
export function useChart(draw: (chart: ECharts, element: HTMLDivElement) => void, deps: DependencyList) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = init(element, undefined, { renderer: 'canvas' });
    draw(chart, element);
    const observer = new ResizeObserver(() => {
      chart.resize();
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
    // The caller lists what its drawing reads; `draw` itself is a new closure on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return ref;
}
