// Messages of the user guide page and its links, in both languages (tests/i18n.spec.ts checks them).
export const id = {
  guide: {
    title: 'Panduan pengguna',
    link: 'Panduan',
    contents: 'Daftar isi',
    onlyIndonesian: 'Panduan ini tersedia dalam Bahasa Indonesia.',
    nav: { group: 'Bantuan', guide: 'Panduan pengguna' },
  },
}

export const en = {
  guide: {
    title: 'User guide',
    link: 'Guide',
    contents: 'Contents',
    onlyIndonesian: 'The user guide is written in Bahasa Indonesia.',
    nav: { group: 'Help', guide: 'User guide' },
  },
}
