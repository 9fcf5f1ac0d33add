import { describe, expect, it } from 'vitest';
import { criterionId, emptyValues, fieldsOf, unsavedDifferences } from './formValues.ts';

describe('ToR form values', () => {
  it('turns lines into lists, drops the place of online work and gives criteria unique ids', () => {
    const fields = fieldsOf({
      ...emptyValues,
      titleFr: 'Titre',
      objectives: ' Premier \n\n Second ',
      skills: 'Gestion de projet\nÉpidémiologie',
      modality: 'online',
      region: '04',
      city: 'Rabat',
      sdgTargets: '4.4\n16.a',
      scoringCriteria: [
        { id: '', label: 'Expérience', weight: 50 },
        { id: '', label: 'Expérience', weight: 20 },
        { id: '', label: '  ', weight: 10 },
      ],
    });
    expect(fields.objectives).toEqual(['Premier', 'Second']);
    expect(fields.skills).toEqual([
      { label: 'Gestion de projet', conceptId: null },
      { label: 'Épidémiologie', conceptId: null },
    ]);
    expect(fields).toMatchObject({ region: null, city: null, titleAr: null, sdgTargets: ['4.4', '16.a'] });
    expect(fields.scoringCriteria.map((c) => c.id)).toEqual(['experience', 'experience-2']);
  });

  it('makes ids of letters and digits only', () => {
    expect(criterionId('Maîtrise du néerlandais (écrit)', [])).toBe('maitrise-du-neerlandais-ecrit');
    expect(criterionId('مهارات', [])).toBe('criterion');
  });

  it('lists the fields where the user’s text differs from the reloaded version', () => {
    const theirs = { ...emptyValues, titleFr: 'Leur titre', workingDays: 10 };
    const mine = { ...theirs, titleFr: 'Mon titre', workingDays: 12 };
    expect(unsavedDifferences(mine, theirs)).toEqual([
      { field: 'titleFr', value: 'Mon titre' },
      { field: 'workingDays', value: '12' },
    ]);
  });
});
