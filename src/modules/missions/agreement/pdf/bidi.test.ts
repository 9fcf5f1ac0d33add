import { describe, expect, it } from 'vitest';
import { fillTemplate, unknownPlaceholders, type PlaceholderValues } from '../placeholders.ts';
import { paragraphLevels, visualRuns } from './bidi.ts';

/** The runs of a whole one-line paragraph, as drawn left to right. */
const runsOf = (text: string, rtl: boolean) =>
  visualRuns(text, paragraphLevels(text, rtl), 0, text.length).map((run) => `${run.script}:${run.text}`);

describe('visual runs of a line', () => {
  it('orders an Arabic line with dates and a Latin name right to left, each run as fontkit expects it', () => {
    expect(runsOf('من 2 مارس 2026 إلى Université Rabat.', true)).toEqual([
      'latin:.',
      'latin:Université Rabat',
      'latin: ',
      'arabic:إلى',
      'latin: ',
      'latin:2026',
      'latin: ',
      'arabic:مارس',
      'latin: ',
      'latin:2',
      'latin: ',
      'arabic:من',
    ]);
  });

  it('mirrors brackets in right-to-left text and keeps Arabic-Indic digits left to right', () => {
    // fontkit reverses Arabic-script runs: the digits are handed over reversed, to come out in their order.
    expect(runsOf('الخبير(ة) ١٢٣', true)).toEqual(['arabic:٣٢١', 'latin: (', 'arabic:ة', 'latin:)', 'arabic:الخبير']);
  });

  it('leaves a left-to-right line in order and drops invisible direction marks', () => {
    expect(runsOf('Montant\u200e : 4 500 MAD', false)).toEqual(['latin:Montant : 4 500 MAD']);
  });
});

describe('template placeholders', () => {
  const values = Object.fromEntries(
    ['programme_name', 'expert_name', 'deliverables', 'tor_title', 'dsa_planned'].map((name) => [name, name]),
  ) as PlaceholderValues;

  it('names the unknown ones once, in order, spaces inside the braces allowed', () => {
    expect(unknownPlaceholders('{{ expert_name }} {{iban}} {{salary}} {{iban}}')).toEqual(['iban', 'salary']);
  });

  it('fills once, keeps lists on their lines, and never expands a value', () => {
    const filled = fillTemplate('# {{tor_title}}\n{{deliverables}}\nPrévu : {{dsa_planned}}   ', {
      ...values,
      tor_title: 'Titre\nsur deux lignes {{expert_name}}',
      deliverables: '- Un\n- Deux',
      dsa_planned: '',
    });
    expect(filled).toBe('# Titre sur deux lignes {{expert_name}}\n- Un\n- Deux\nPrévu :');
  });
});
