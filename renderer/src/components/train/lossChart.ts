// What the loss chart hands to uPlot: the run charts' axes (titles, round locale ticks about 24 px
// apart), whole-number epoch ticks, the losses on the left axis and the much smaller kinetic and
// Jacobian terms on their own right axis. Kept apart from LossChart.vue so the options are testable.
import type uPlot from 'uplot'
import { OKABE_ITO } from '@/styles/palette'
import { wholeXAxis, yAxis } from '@/charts/cursorChart'
import { readoutValue, restingLegendHooks } from '@/charts/restingLegend'

export interface LossChartLabels {
  epoch: string
  loss: string
  validation: string
  kinetic: string
  jacobian: string
  /** the right axis's title (the regularisation terms) */
  terms: string
}

export function lossChartOptions(l: LossChartLabels, locale: string, width: number, height: number): uPlot.Options {
  return {
    width,
    height,
    legend: { show: true },
    // the readout shows the last epoch until the pointer is over the chart
    hooks: restingLegendHooks(() => undefined),
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: false }, k: { auto: true } },
    axes: [wholeXAxis(l.epoch, locale), yAxis(l.loss, locale, { size: 56 }), yAxis(l.terms, locale, { scale: 'k', side: 1, grid: { show: false }, size: 56 })],
    // every readout in the UI's locale, like the ticks
    series: [
      { label: l.epoch, value: readoutValue(locale) },
      { label: l.loss, stroke: OKABE_ITO[1], width: 2, points: { show: true, size: 5 }, value: readoutValue(locale) },
      { label: l.validation, stroke: OKABE_ITO[0], width: 2, dash: [6, 4], points: { show: true, size: 5 }, value: readoutValue(locale) },
      { label: l.kinetic, stroke: OKABE_ITO[2], width: 1, scale: 'k', points: { show: false }, value: readoutValue(locale) },
      { label: l.jacobian, stroke: OKABE_ITO[5], width: 1, dash: [2, 3], scale: 'k', points: { show: false }, value: readoutValue(locale) }
    ]
  }
}
