// Messages of this module in both languages (same keys; tests/i18n.spec.ts checks them).
export const id = {
  conflict: {},
}

export const en: typeof id = {
  conflict: {},
}
