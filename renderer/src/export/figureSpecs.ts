// The run's charts as figure specs (export/figure.ts): entropy, sliced W2 to the input and each
// per-depth analysis group the run recorded, with the same data, colours and texts as on screen.
import type { RunManifest } from '@shared/run'
import { metricSeries } from '@/charts/series'
import { DEPTH_GROUPS, groupSeries } from '@/charts/depthSeries'
import { CHART } from '@/styles/palette'
import type { FigureSpec } from './figure'

type Translate = (key: string, params?: Record<string, unknown>) => string

export function runFigureSpecs(manifest: RunManifest, t: Translate): FigureSpec[] {
  const xLabel = t('charts.depth')
  const specs: FigureSpec[] = (['entropy', 'slicedW2ToInput'] as const).map((key) => ({
    key,
    title: t(`charts.${key}`),
    xLabel,
    yLabel: t(`views.axis.${key}`),
    series: [{ label: t(`charts.${key}`), color: key === 'entropy' ? CHART.entropy : CHART.w2, scale: 'y' }],
    data: metricSeries(manifest.metrics, key)
  }))
  for (const g of DEPTH_GROUPS) {
    const b = groupSeries(manifest.metrics, g)
    if (!b) continue
    const right = b.series.some((s) => s.scale === 'y2')
    specs.push({
      key: g,
      title: t(`depthAnalysis.groups.${g}`),
      xLabel,
      yLabel: t(`views.axis.${g}.y`),
      ...(right ? { y2Label: t(`views.axis.${g}.y2`) } : {}),
      series: b.series.map((s) => ({
        label: t(`depthAnalysis.series.${s.key}`, { i: s.index ?? '' }) + (s.scale === 'y2' ? ` (${t('depthAnalysis.right')})` : ''),
        color: s.color,
        scale: s.scale,
        ...(s.dash ? { dash: s.dash } : {})
      })),
      data: b.data as FigureSpec['data']
    })
  }
  return specs
}
