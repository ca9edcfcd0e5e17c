// Colour-blind-safe categorical palette (Okabe & Ito, 2008) for components and chart series, with the
// black swapped for a light grey so it reads on the dark background. The one palette of the app: the
// 3-D view colours mixture components with it, the charts their series.
export const OKABE_ITO = [
  '#E69F00', // orange
  '#56B4E9', // sky blue
  '#009E73', // bluish green
  '#0072B2', // blue
  '#D55E00', // vermilion
  '#CC79A7', // reddish purple
  '#F0E442', // yellow
  '#BBBBBB' // grey (black in the original)
] as const

export const CHART = {
  axis: '#9aa4b2',
  grid: 'rgba(255, 255, 255, 0.08)',
  cursor: '#f5f7fa',
  entropy: OKABE_ITO[1],
  w2: OKABE_ITO[0]
} as const
