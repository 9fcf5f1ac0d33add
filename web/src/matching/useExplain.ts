import { useTranslation } from 'react-i18next';
import { useReference } from '../experts/reference.ts';
import { formatConjunction } from '../shell/format.ts';
import type { Coded } from './types.ts';

const keyOf = (code: string) => code.replaceAll('.', '_');

/**
 * Words for the engine's codes in the reader's language: a score component's explanation, or a reason a hard
 * filter keeps someone off. Lists (skills, sectors, languages) are named, not coded, before they reach the text.
 */
export function useExplain(skillLabels: Record<string, string>) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const sectors = useReference('sectors');
  const languages = useReference('languages');
  const countries = useReference('countries');
  const occupations = useReference('occupations');
  const list = (items: unknown, name: (item: string) => string) => {
    const names = Array.isArray(items) ? items.map((item) => name(String(item))) : [];
    return names.length ? formatConjunction(names, locale) : '—';
  };
  const skill = (key: string) => skillLabels[key] ?? key;
  /** The parameters with their codes turned into names, ready for interpolation. */
  const named = (entry: Coded): Record<string, string | number> => {
    const values: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(entry)) {
      if (name === 'code') continue;
      if (name === 'matched' || name === 'missing' || name === 'related') {
        values[name] = list(value, entry.code.startsWith('skills') ? skill : sectors.label);
      } else if (name === 'eligible') values[name] = list(value, countries.label);
      else if (name === 'country') values[name] = countries.label(String(value));
      else if (name === 'language') values[name] = languages.label(String(value));
      else if (name === 'required' || name === 'occupation') values[name] = occupations.label(String(value));
      else if (name === 'level' && entry.code === 'occupation.match')
        values[name] = t(`matching.occupationLevels.${String(value)}`);
      else if (name === 'languages' && Array.isArray(value)) {
        values[name] = list(
          value.map((spoken: { language: string; level: string; minLevel: string }) =>
            t('matching.languageLevel', {
              language: languages.label(spoken.language),
              level: spoken.level,
              minLevel: spoken.minLevel,
            }),
          ),
          (text) => text,
        );
      } else if (name === 'mean' && typeof value === 'number') values[name] = value.toFixed(1);
      else values[name] = typeof value === 'number' ? value : String(value);
    }
    return values;
  };
  return {
    /** "Skills 40 % (weight 35 %)". */
    component: (name: string, value: number, weight: number) =>
      t('matching.componentScore', {
        name: t(`matching.components.${name}`),
        value: Math.round(value * 100),
        weight: Math.round(weight * 100),
      }),
    explanation: (entry: Coded) => t(`matching.explanations.${keyOf(entry.code)}`, named(entry)),
    reason: (entry: Coded) => t(`matching.reasons.${keyOf(entry.code)}`, named(entry)),
  };
}
