// The parts of Apache ECharts the IDI line charts use, in one module so that LineChart.vue can
// load them lazily (a dynamic import of this file) and the bundler still drops the rest.
import * as echarts from 'echarts/core'
import { LineChart } from 'echarts/charts'
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([LineChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, MarkLineComponent, CanvasRenderer])

export const init = echarts.init
