// Excel export of rows already on screen. The writer is loaded only when someone exports.
export type CellValue = string | number | boolean | null

export async function exportRows(fileName: string, headers: string[], rows: CellValue[][]): Promise<void> {
  const { default: writeExcelFile } = await import('write-excel-file/browser')
  const head = headers.map((h) => ({ value: h, fontWeight: 'bold' as const }))
  const body = rows.map((r) => r.map((v) => (v === null || v === undefined || v === '' ? null : { value: v })))
  const widths = headers.map((h, i) => ({
    width: Math.min(60, Math.max(10, h.length + 2, ...rows.slice(0, 200).map((r) => String(r[i] ?? '').length + 2))),
  }))
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  await writeExcelFile([head, ...body] as any, { columns: widths } as any).toFile(fileName.endsWith('.xlsx') ? fileName : `${fileName}.xlsx`)
}
