import { TagsInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { SkillEntry, SkillSuggestion } from '../types.ts';
import type { SectionProps } from './formTypes.ts';
import { SectionCard } from './SectionCard.tsx';

/** Server answers may be a bare list or wrapped in `items`; either way the UI wants the list. */
function listOf(payload: SkillSuggestion[] | { items: SkillSuggestion[] }): SkillSuggestion[] {
  return Array.isArray(payload) ? payload : payload.items;
}

/**
 * Skills as tags, suggested from the vocabulary as the expert types. A picked suggestion keeps its concept id
 * (so search and matching understand it in every language); a tag typed without one stays free text.
 */
export function SkillsSection({ form }: SectionProps) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 200);
  // Concepts of every suggestion shown, so a tag chosen from the list can be traced back to its concept.
  const seen = useRef(new Map<string, string>());
  const suggest = useQuery({
    queryKey: ['skills-suggest', q, i18n.language],
    queryFn: async () => listOf(await api('GET', '/skills/suggest', undefined, { q, locale: i18n.language, limit: 8 })),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const suggestions = q.length >= 2 ? (suggest.data ?? []) : [];
  for (const suggestion of suggestions) seen.current.set(suggestion.label, suggestion.key);
  const skills = form.values.skills;
  const byLabel = new Map(skills.map((skill) => [skill.label, skill]));

  return (
    <SectionCard id="section-skills" title={t('profile.skills.title')} intro={t('profile.skills.intro')}>
      <TagsInput
        label={t('profile.skills.label')}
        description={t('profile.skills.help')}
        name="skills"
        data={[...new Set(suggestions.map((suggestion) => suggestion.label))]}
        // The server already ranked suggestions for what was typed, synonyms included: show them all.
        filter={({ options }) => options}
        searchValue={search}
        onSearchChange={setSearch}
        maxTags={100}
        splitChars={[',', ';']}
        clearable
        value={skills.map((skill) => skill.label)}
        onChange={(labels) => {
          const next: SkillEntry[] = labels.map(
            (label) => byLabel.get(label) ?? { label, conceptId: seen.current.get(label) ?? null },
          );
          form.setFieldValue('skills', next);
        }}
        error={form.errors.skills}
      />
    </SectionCard>
  );
}
