// English messages of this module; the Indonesian ones (the default) are in guide.ts.
// Loaded only when a user switches to English (i18n/index.ts).

export const en = {
  guide: {
    title: 'User guide',
    link: 'Guide',
    contents: 'Contents',
    onlyIndonesian: 'The user guide is written in Bahasa Indonesia.',
    nav: { group: 'Help', guide: 'User guide' },
  },
}
