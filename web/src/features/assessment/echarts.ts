import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the ranking chart draws; this chunk loads with the assessment page alone.
echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
