// English messages of this module; the Indonesian ones (the default) are in selfAssessment.ts.
// Loaded only when a user switches to English (i18n/index.ts).

export const en = {
  selfAssessment: {
    nav: 'Ombudsman self-assessment',
    title: 'Ombudsman readiness self-assessment',
    subtitle: 'A checklist in the four dimensions of the Ombudsman assessment: input, process, output and complaints.',
    year: 'Year',
    office: 'Office',
    none: 'No self-assessment for {year} yet.',
    start: 'Start the {year} assessment',
    score: 'Readiness score',
    zone: 'Estimated zone',
    answered: '{n} of {of} items answered',
    estimate: "An estimate from the office's own answers, not the Ombudsman's official opinion.",
    weight: 'weight {w}%',
    notApplicable: 'Not applicable',
    unconfirmed: 'weight not confirmed',
    answer: 'Answer',
    choose: 'Choose an answer',
    answers: { YES: 'Yes, in place', PARTIAL: 'Partly', NO: 'Not yet', NA: 'Not applicable' },
    addEvidence: 'Add evidence (PDF, JPEG, PNG)',
    history: 'History',
    noHistory: 'No history yet.',
    resultOverdue: 'Result report overdue',
    resultDue: 'Result report due by',
  },
}
