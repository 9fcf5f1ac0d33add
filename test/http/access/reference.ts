import { anyUser, auth, everyone, no, ok, type Row } from './types.ts';

/** Reference lists: countries, regions, sectors, occupations, languages, skills vocabulary. */
export const referenceDataRoutes: Record<string, Row> = {
  // Public: forms and public pages (calls, profiles being filled in) need them before anyone signs in.
  'GET /api/reference/countries': { expect: everyone },
  'GET /api/reference/regions': { expect: everyone },
  'GET /api/reference/sectors': { expect: everyone },
  'GET /api/reference/occupations': { expect: everyone },
  'GET /api/reference/languages': { expect: everyone },
  // Any signed-in role types skills (profiles, Terms of Reference, roster search); without `q` it stops at 400.
  'GET /api/skills/suggest': { expect: anyUser },
  // Programme officers and admins extend the vocabulary.
  'GET /api/skill-concepts': { expect: [auth, ok, ok, no, no, no, no] },
  'POST /api/skill-concepts': {
    expect: [auth, ok, ok, no, no, no, no],
    body: {
      key: 'route-walk-concept',
      labels: { fr: 'marche des routes', ar: 'مسار الطرق', en: 'route walking', nl: 'routewandeling' },
    },
  },
};
