import { Button, MultiSelect, NativeSelect, Paper, Select, Stack, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { occupationOptionsOf, useReference } from '../experts/reference.ts';
import { cefrLevels, type FacetCount, type FacetName, type RosterPage } from '../experts/types.ts';
import { hasFilters, modalities, withFilter, withTags, type FilterKey, type RosterQuery } from './rosterQuery.ts';

interface Props {
  query: RosterQuery;
  facets: RosterPage['facets'];
  onChange: (query: RosterQuery) => void;
}

/** Options of one facet with the server's counts; a chosen value stays listed even when its count is gone. */
function facetOptions(
  counts: FacetCount[] | undefined,
  selected: string | undefined,
  label: (value: string) => string,
) {
  const list = [...(counts ?? [])];
  if (selected && !list.some((entry) => entry.value === selected)) list.push({ value: selected, count: 0 });
  return list.map((entry) => ({ value: entry.value, label: `${label(entry.value)} (${entry.count})` }));
}

/** Tags offered: those of the current matches with their counts (the most frequent first), and the chosen ones. */
function tagOptions(counts: FacetCount[] | undefined, selected: string[] = []) {
  const list = [...(counts ?? [])];
  for (const tag of selected) if (!list.some((entry) => entry.value === tag)) list.push({ value: tag, count: 0 });
  return list.map((entry) => ({ value: entry.value, label: `${entry.value} (${entry.count})` }));
}

/** The filters beside the roster: facets with counts, then language level, availability, modality and staleness. */
export function FacetsPanel({ query, facets, onChange }: Props) {
  const { t } = useTranslation();
  const sectors = useReference('sectors');
  const countries = useReference('countries');
  const languages = useReference('languages');
  const occupations = useReference('occupations');
  const set = (key: FilterKey, value: string | null) => onChange(withFilter(query, key, value));
  const labelOf: Record<FacetName, (value: string) => string> = {
    sector: sectors.label,
    residenceCountry: countries.label,
    language: languages.label,
    gender: (value) => t(`profile.genders.${value}`, { defaultValue: value }),
    vettingStatus: (value) => t(`roster.vetting.${value}`, { defaultValue: value }),
    origin: (value) => t(`roster.origins.${value}`, { defaultValue: value }),
    tag: (value) => value,
  };
  const facet = (name: Exclude<FacetName, 'tag'>, labelKey: string) => (
    <NativeSelect
      key={name}
      label={t(labelKey)}
      name={name}
      size="sm"
      value={query[name] ?? ''}
      onChange={(event) => set(name, event.currentTarget.value)}
      data={[{ value: '', label: t('roster.any') }, ...facetOptions(facets?.[name], query[name], labelOf[name])]}
    />
  );

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="facets-title">
      <Stack gap="sm">
        <Title order={2} size="h5" id="facets-title">
          {t('roster.filters')}
        </Title>
        {facet('sector', 'roster.facets.sector')}
        <Select
          label={t('roster.facets.occupation')}
          name="occupation"
          size="sm"
          data={occupationOptionsOf(occupations.items)}
          searchable
          clearable
          placeholder={t('roster.any')}
          value={query.occupation ?? null}
          onChange={(value) => set('occupation', value)}
          nothingFoundMessage={t('profile.nothingFound')}
        />
        {facet('residenceCountry', 'roster.facets.residenceCountry')}
        {facet('language', 'roster.facets.language')}
        <NativeSelect
          label={t('roster.facets.minLevel')}
          name="minLevel"
          size="sm"
          disabled={!query.language}
          value={query.minLevel ?? ''}
          onChange={(event) => set('minLevel', event.currentTarget.value)}
          data={[{ value: '', label: t('roster.any') }, ...cefrLevels.map((level) => ({ value: level, label: level }))]}
        />
        <TextInput
          type="date"
          label={t('roster.facets.availableFrom')}
          name="availableFrom"
          size="sm"
          value={query.availableFrom ?? ''}
          onChange={(event) => set('availableFrom', event.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('roster.facets.availableTo')}
          name="availableTo"
          size="sm"
          value={query.availableTo ?? ''}
          onChange={(event) => set('availableTo', event.currentTarget.value)}
        />
        <NativeSelect
          label={t('roster.facets.modality')}
          name="modality"
          size="sm"
          value={query.modality ?? ''}
          onChange={(event) => set('modality', event.currentTarget.value)}
          data={[
            { value: '', label: t('roster.any') },
            ...modalities.map((value) => ({ value, label: t(`roster.modalities.${value}`) })),
          ]}
        />
        {facet('gender', 'roster.facets.gender')}
        {facet('vettingStatus', 'roster.facets.vettingStatus')}
        {facet('origin', 'roster.facets.origin')}
        <MultiSelect
          label={t('roster.facets.tag')}
          description={t('roster.facets.tagHelp')}
          name="tag"
          size="sm"
          data={tagOptions(facets?.tag, query.tag)}
          value={query.tag ?? []}
          onChange={(tags) => onChange(withTags(query, tags))}
          searchable
          clearable
          placeholder={query.tag?.length ? undefined : t('roster.any')}
          nothingFoundMessage={t('roster.facets.noTags')}
        />
        <NativeSelect
          label={t('roster.facets.stale')}
          name="stale"
          size="sm"
          value={query.stale ?? ''}
          onChange={(event) => set('stale', event.currentTarget.value)}
          data={[
            { value: '', label: t('roster.any') },
            { value: 'true', label: t('roster.staleOnly') },
            { value: 'false', label: t('roster.currentOnly') },
          ]}
        />
        {hasFilters(query) && (
          <Button variant="default" size="xs" onClick={() => onChange({ page: 1, sort: query.sort })}>
            {t('roster.clearFilters')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
