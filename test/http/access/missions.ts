import { auth, everyone, no, ok, type Row } from './types.ts';

const anyId = '00000000-0000-4000-8000-000000000000';
/** Programme officers and admins organise missions. */
const organisers: Row['expect'] = [auth, ok, ok, no, no, no, no];
/** Who takes part in missions reads them (each their own; a random id reaches "not found" for the others). */
const participants: Row['expect'] = [auth, ok, ok, ok, ok, ok, no];

/** Missions: from a selection to the host's evaluation and the follow-up a year later. */
export const missionRoutes: Record<string, Row> = {
  'GET /api/missions': { expect: participants },
  'POST /api/missions': {
    expect: organisers,
    body: {
      applicationId: anyId,
      startsOn: '2030-03-02',
      endsOn: '2030-03-13',
      workingDays: 10,
      hostContactName: 'Contact',
    },
  },
  'GET /api/missions/:id': { expect: [auth, ok, ok, ok, no, no, no] },
  'POST /api/missions/:id/transitions': { expect: organisers, body: { to: 'in_progress', version: 1 } },
  'PUT /api/missions/:id/schedule': {
    expect: organisers,
    body: { startsOn: '2030-03-02', endsOn: '2030-03-13', workingDays: 10, reason: 'Visa', version: 1 },
  },
  'GET /api/missions/:id/checklist': { expect: [auth, ok, ok, ok, no, no, no] },
  'PUT /api/missions/:id/checklist': {
    expect: [auth, ok, ok, ok, no, no, no],
    body: { items: [{ id: anyId, done: true }] },
  },
  // Sessions, report, evaluation, surveys, follow-ups: a random mission id reaches "not found" for everyone signed
  // in; the roles columns say who the policy lets act on a real mission.
  'GET /api/missions/:id/sessions': { expect: [auth, ok, ok, ok, ok, ok, no] },
  'POST /api/missions/:id/sessions': {
    expect: [auth, ok, ok, no, ok, ok, no],
    body: { startsAt: '2031-03-03T09:00:00+01:00', durationMinutes: 90, topic: 'Atelier', participantsCount: 12 },
  },
  'PUT /api/missions/:id/sessions/:sessionId/attendance': {
    expect: [auth, ok, ok, no, ok, no, no],
    body: { attended: 10 },
  },
  'GET /api/missions/:id/report': { expect: [auth, ok, ok, ok, ok, ok, no] },
  'POST /api/missions/:id/report': {
    expect: [auth, no, no, no, no, ok, no],
    body: { activities: 'A', deliverables: [], results: 'R', recommendations: 'C', submit: false },
  },
  'POST /api/missions/:id/report/review': { expect: organisers, body: { decision: 'accept' } },
  'GET /api/missions/:id/report/files': { expect: [auth, no, no, no, no, ok, no] },
  // Without a multipart body the expert gets 415 (access granted, nothing stored).
  'POST /api/missions/:id/report/files': { expect: [auth, no, no, no, no, ok, no] },
  'GET /api/missions/:id/report/files/:fileId/content': { expect: [auth, ok, ok, ok, ok, ok, no] },
  'GET /api/missions/:id/evaluation': { expect: [auth, ok, ok, ok, ok, ok, no] },
  'POST /api/missions/:id/evaluation': {
    expect: [auth, no, no, no, ok, no, no],
    body: {
      ratings: { preparation: 4, expertise: 5, communication: 4, relevance: 5, overall: 5 },
      knowledgeTransferred: 'Méthodes',
      needMet: 'yes',
      followUpWanted: false,
    },
  },
  'POST /api/missions/:id/follow-ups': {
    expect: organisers,
    body: { kind: 'virtual_session', startsOn: '2031-05-05', endsOn: '2031-05-05', workingDays: 1 },
  },
  'GET /api/missions/:id/surveys': { expect: [auth, ok, ok, ok, ok, no, no] },
  'POST /api/missions/:id/survey-respondents': {
    expect: [auth, ok, ok, no, ok, no, no],
    body: { name: 'Salma Idrissi', email: 'salma@example.org', locale: 'fr' },
  },
  // The personal survey links answer without an account; a random token is "not found".
  'GET /api/surveys/:token': { expect: everyone },
  'POST /api/surveys/:token': { expect: everyone, body: { ratings: { level: 3 } } },
  // The same form as a server-rendered page (no JavaScript): an HTML "unknown link" page for a random token.
  'GET /survey/:token': { expect: everyone },
  'POST /survey/:token': { expect: everyone },
  // Costs and rates (a random mission id reaches "not found" for staff; others are refused first or not found).
  'GET /api/dsa-rates': { expect: [auth, ok, ok, ok, no, no, no] },
  'POST /api/dsa-rates': {
    expect: organisers,
    body: { country: 'MA', city: 'Rabat', amount: '900', currency: 'MAD', validFrom: '2031-01-01' },
  },
  'PUT /api/dsa-rates/:id': {
    expect: organisers,
    body: { country: 'MA', city: 'Rabat', amount: '900', currency: 'MAD', validFrom: '2031-01-01' },
  },
  'GET /api/currency-rates': { expect: [auth, ok, ok, ok, no, no, no] },
  'POST /api/currency-rates': {
    expect: organisers,
    body: { currency: 'MAD', reportingCurrency: 'EUR', rate: '0.0925', validFrom: '2031-01-01' },
  },
  'GET /api/missions/:id/costs': { expect: [auth, ok, ok, ok, no, no, no] },
  'POST /api/missions/:id/costs': { expect: organisers, body: { category: 'dsa', kind: 'planned' } },
  'PUT /api/missions/:id/costs/:costId': { expect: organisers, body: { description: 'Vol' } },
  'DELETE /api/missions/:id/costs/:costId': { expect: organisers },
  // Knowledge-transfer results: staff and donors; focal points their institutions' figures; not experts.
  'GET /api/missions/results': { expect: [auth, ok, ok, ok, ok, no, ok] },
  // Internships abroad: staff and focal points read (focal points their own), organisers record.
  'GET /api/internships': { expect: [auth, ok, ok, ok, ok, no, no] },
  'POST /api/internships': {
    expect: organisers,
    body: {
      programmeId: anyId,
      institutionId: anyId,
      kind: 'training',
      traineeName: 'Salma Idrissi',
      partnerInstitution: 'Universiteit Leiden',
      country: 'NL',
      startsOn: '2031-02-01',
      endsOn: '2031-02-14',
      topic: 'Gestion des archives numériques',
    },
  },
  'PUT /api/internships/:id': {
    expect: organisers,
    body: {
      programmeId: anyId,
      institutionId: anyId,
      kind: 'training',
      traineeName: 'Salma Idrissi',
      partnerInstitution: 'Universiteit Leiden',
      country: 'NL',
      startsOn: '2031-02-01',
      endsOn: '2031-02-14',
      topic: 'Gestion des archives numériques',
    },
  },
  // The agreement: whoever reads the mission reads it (a random id is "not found"); the expert accepts it.
  'GET /api/missions/:id/agreement': { expect: participants },
  'GET /api/missions/:id/agreement.pdf': { expect: participants },
  'POST /api/missions/:id/agreement/accept': {
    expect: [auth, no, no, no, no, ok, no],
    body: { version: 1, sha256: '0'.repeat(64) },
  },
  // Agreement templates: staff read them, organisers write them.
  'GET /api/programmes/:id/agreement-templates': { expect: [auth, ok, ok, ok, no, no, no] },
  'PUT /api/programmes/:id/agreement-templates/:locale': { expect: organisers, body: { body: '# Accord' } },
  // Calendar feeds: whoever takes part in missions; the feed itself is public, its token the secret.
  'POST /api/calendar-feeds': { expect: participants },
  'GET /api/calendar-feeds': { expect: participants },
  'DELETE /api/calendar-feeds': { expect: participants },
  'GET /api/calendar/:token.ics': { expect: [ok, ok, ok, ok, ok, ok, ok] },
};
