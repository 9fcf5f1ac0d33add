import { Button, Card, MultiSelect, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { ErrorAlert, fieldErrorsOf } from '../api/errors.tsx';
import { groupedOptionsOf, useReference } from '../experts/reference.ts';
import { DataState } from '../shell/DataState.tsx';
import { Page } from '../shell/Page.tsx';

const languages = ['fr', 'ar', 'en', 'nl'] as const;
type Language = (typeof languages)[number];

interface Concept {
  key: string;
  labels: Record<Language, string>;
  synonyms: Partial<Record<Language, string[]>>;
  sectors: string[];
}

const conceptsKey = ['skill-concepts'];
const blank = {
  key: '',
  labels: { fr: '', ar: '', en: '', nl: '' },
  synonyms: { fr: '', ar: '', en: '', nl: '' },
  sectors: [] as string[],
};

/** One term per line: synonyms as staff type them. */
const termsOf = (text: string) =>
  text
    .split('\n')
    .map((term) => term.trim())
    .filter(Boolean);

/**
 * The skills vocabulary staff extend: concepts with a label (and synonyms) in each of the four languages, so that
 * a ToR written in French meets a profile written in Dutch. Built-in concepts are not listed here.
 */
export function VocabularyPage() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const list = useQuery({
    queryKey: conceptsKey,
    queryFn: () => api<{ items: Concept[] }>('GET', '/skill-concepts'),
  });
  const sectors = groupedOptionsOf(useReference('sectors').items, i18n.language);
  const [added, setAdded] = useState<string | null>(null);
  const form = useForm({ initialValues: blank });
  const create = useMutation({
    mutationFn: (values: typeof blank) =>
      api<Concept>('POST', '/skill-concepts', {
        key: values.key.trim(),
        labels: values.labels,
        synonyms: Object.fromEntries(languages.map((language) => [language, termsOf(values.synonyms[language])])),
        sectors: values.sectors,
      }),
    onSuccess: async (concept) => {
      setAdded(concept.key);
      form.reset();
      await client.invalidateQueries({ queryKey: conceptsKey });
    },
    onError: (error) => form.setErrors(fieldErrorsOf(t, error)),
  });
  return (
    <Page title={t('matching.vocabulary.title')}>
      <Text size="sm">{t('matching.vocabulary.intro')}</Text>
      <Card withBorder>
        <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('matching.vocabulary.add')}
            </Title>
            <TextInput
              label={t('matching.vocabulary.key')}
              description={t('matching.vocabulary.keyHelp')}
              name="key"
              required
              {...form.getInputProps('key')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {languages.map((language) => (
                <Stack gap={4} key={language}>
                  <TextInput
                    label={t('matching.vocabulary.label', { language: t(`language.${language}`) })}
                    name={`labels.${language}`}
                    dir={language === 'ar' ? 'rtl' : 'ltr'}
                    required
                    {...form.getInputProps(`labels.${language}`)}
                  />
                  <Textarea
                    label={t('matching.vocabulary.synonyms', { language: t(`language.${language}`) })}
                    description={t('matching.vocabulary.synonymsHelp')}
                    name={`synonyms.${language}`}
                    dir={language === 'ar' ? 'rtl' : 'ltr'}
                    autosize
                    minRows={1}
                    {...form.getInputProps(`synonyms.${language}`)}
                  />
                </Stack>
              ))}
            </SimpleGrid>
            <MultiSelect
              label={t('matching.vocabulary.sectors')}
              name="sectors"
              data={sectors}
              searchable
              {...form.getInputProps('sectors')}
            />
            <ErrorAlert error={create.error} />
            {added && (
              <Text size="sm" role="status" data-testid="concept-added">
                {t('matching.vocabulary.added', { key: added })}
              </Text>
            )}
            <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('matching.vocabulary.save')}
            </Button>
          </Stack>
        </form>
      </Card>
      <DataState
        isPending={list.isPending}
        error={list.error}
        isEmpty={list.data?.items.length === 0}
        emptyText={t('matching.vocabulary.empty')}
      >
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('matching.vocabulary.key')}</Table.Th>
              {languages.map((language) => (
                <Table.Th key={language}>{t(`language.${language}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.items.map((concept) => (
              <Table.Tr key={concept.key} data-testid="concept">
                <Table.Td>{concept.key}</Table.Td>
                {languages.map((language) => (
                  <Table.Td key={language} dir={language === 'ar' ? 'rtl' : 'ltr'}>
                    {[concept.labels[language], ...(concept.synonyms[language] ?? [])].join(' · ')}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </DataState>
    </Page>
  );
}
