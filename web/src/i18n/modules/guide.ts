// Messages of the user guide page and its links, in Bahasa Indonesia (English: guide.en.ts) (tests/i18n.spec.ts checks them).
export const id = {
  guide: {
    title: 'Panduan pengguna',
    link: 'Panduan',
    contents: 'Daftar isi',
    onlyIndonesian: 'Panduan ini tersedia dalam Bahasa Indonesia.',
    nav: { group: 'Bantuan', guide: 'Panduan pengguna' },
  },
}
