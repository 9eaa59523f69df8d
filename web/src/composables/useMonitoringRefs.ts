// Reference data of the monitoring screens, fetched once per page load and shared:
// report types, event categories, and the children of a region (for pickers and filters).
import { api } from '../api'
import type { Category, ReportType } from '../monitoring'
import type { Region } from '../types'

let types: Promise<ReportType[]> | null = null
let categories: Promise<Category[]> | null = null
const children = new Map<string, Promise<Region[]>>()

export function loadReportTypes(force = false): Promise<ReportType[]> {
  if (!types || force) {
    types = api.get<{ items: ReportType[] }>('/api/v1/monitoring/report-types').then((r) => r.items || [])
    types.catch(() => { types = null })
  }
  return types
}

export function loadCategories(): Promise<Category[]> {
  if (!categories) {
    categories = api.get<{ items: Category[] }>('/api/v1/monitoring/categories').then((r) => r.items || [])
    categories.catch(() => { categories = null })
  }
  return categories
}

/** Regions directly below `parent` ("" = the provinces). */
export function loadChildren(parent: string): Promise<Region[]> {
  let p = children.get(parent)
  if (!p) {
    p = api.get<{ items: Region[] }>('/api/v1/regions', parent ? { parent } : undefined).then((r) => r.items || [])
    p.catch(() => children.delete(parent))
    children.set(parent, p)
  }
  return p
}

/** Forget cached reference data (after an admin changed a report type). */
export function invalidateReportTypes(): void {
  types = null
}
