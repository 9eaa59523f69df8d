// Colour classes for a choropleth: few distinct values get one class each, otherwise five
// equal-width classes between the smallest and largest value.
export const PALETTE = ['#d4e6f5', '#9ec8e6', '#5ea3d3', '#2873b5', '#0b3a75']
export const NO_DATA = '#cfd5dd'

export interface ColourClass { from: number; to: number; colour: string }

export function classify(values: number[]): ColourClass[] {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x))
  if (!v.length) return []
  const distinct = Array.from(new Set(v)).sort((a, b) => a - b)
  if (distinct.length <= PALETTE.length) {
    // Skip the palest colour unless all five are needed, so it never looks like "no data".
    const last = PALETTE.length - 1
    const first = distinct.length < PALETTE.length ? 1 : 0
    return distinct.map((x, i) => ({
      from: x,
      to: x,
      colour: PALETTE[distinct.length === 1 ? last : first + Math.round((i * (last - first)) / (distinct.length - 1))],
    }))
  }
  const min = distinct[0]
  const max = distinct[distinct.length - 1]
  const integers = v.every((x) => Number.isInteger(x))
  const step = (max - min) / PALETTE.length
  const out: ColourClass[] = []
  for (let i = 0; i < PALETTE.length; i++) {
    let from = min + step * i
    let to = i === PALETTE.length - 1 ? max : min + step * (i + 1)
    if (integers) {
      from = i === 0 ? min : Math.floor(out[i - 1].to) + 1
      to = i === PALETTE.length - 1 ? max : Math.max(from, Math.floor(to))
    }
    out.push({ from, to, colour: PALETTE[i] })
  }
  return out.filter((c) => c.from <= c.to)
}

export function colourFor(value: number | undefined | null, classes: ColourClass[]): string {
  if (value === undefined || value === null || !Number.isFinite(value)) return NO_DATA
  for (const c of classes) if (value <= c.to) return c.colour
  return classes.length ? classes[classes.length - 1].colour : NO_DATA
}
