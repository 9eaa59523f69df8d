// The ormas registry import: the columns the server reads (docs/openapi.yaml importOrmas), the
// template file offered for download, the Content-Type a chosen file is sent with, and the label
// of a refused cell's column.
export const IMPORT_COLUMNS: { name: string; required: boolean }[] = [
  { name: 'name', required: true },
  { name: 'abbreviation', required: false },
  { name: 'legal_form', required: true },
  { name: 'scope_level', required: true },
  { name: 'region_code', required: true },
  { name: 'fields', required: false },
  { name: 'founding_date', required: false },
  { name: 'deed_notary', required: false },
  { name: 'deed_no', required: false },
  { name: 'deed_date', required: false },
  { name: 'ahu_decree_no', required: false },
  { name: 'skt_no', required: false },
  { name: 'skt_issue_date', required: false },
  { name: 'npwp', required: false },
  { name: 'address', required: false },
  { name: 'phone', required: false },
  { name: 'email', required: false },
  { name: 'ketua_nik', required: false },
  { name: 'ketua_nama', required: false },
  { name: 'sekretaris_nik', required: false },
  { name: 'sekretaris_nama', required: false },
  { name: 'bendahara_nik', required: false },
  { name: 'bendahara_nama', required: false },
]

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** One CSV cell: quoted when needed, and never starting a formula in a spreadsheet. */
export function csvCell(v: string): string {
  let s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v
  if (/[",\n\r]/.test(s)) s = `"${s.replace(/"/g, '""')}"`
  return s
}

/** The template: the header row the server reads, as a CSV file. */
export function templateCsv(): string {
  return `${IMPORT_COLUMNS.map((c) => csvCell(c.name)).join(',')}\r\n`
}

/** The Content-Type a chosen file is sent with: XLSX by its name or type, CSV otherwise. */
export function importContentType(file: { name: string; type: string }): string {
  return file.type === XLSX_TYPE || /\.xlsx$/i.test(file.name) ? XLSX_TYPE : 'text/csv'
}

/**
 * The i18n key and parameters of a refused cell's column: a file column, a board member's NIK or
 * name (`board[i].nik`: the i-th of the chair, secretary and treasurer given on that row), or the file.
 */
export function columnLabel(field: string): { key: string; params?: Record<string, number> } {
  const m = /^board\[(\d+)\]\.(nik|name|position|term_start|term_end)$/.exec(field)
  if (m) return { key: `reg.imp.boardCol.${m[2]}`, params: { n: Number(m[1]) + 1 } }
  if (IMPORT_COLUMNS.some((c) => c.name === field) || field === 'file' || field === 'board') return { key: `reg.imp.col.${field}` }
  return { key: 'reg.imp.col.other' }
}

export interface ImportReport { rows: number; imported: number; board_members: number; refused: { line: number; field: string; code: string; message: { id: string; en: string } }[] }
