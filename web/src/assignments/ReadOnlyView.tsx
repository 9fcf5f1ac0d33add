import { Card, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useReference } from '../experts/reference.ts';
import { formatList } from '../shell/format.ts';
import type { Assignment } from './types.ts';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md" component="section">
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      <Stack gap="xs">{children}</Stack>
    </Card>
  );
}

function Line({ label, value }: { label: string; value: ReactNode }) {
  if (value === null || value === undefined || value === '') return null;
  return (
    <Text size="sm">
      <Text span fw={600}>
        {label}
      </Text>{' '}
      {value}
    </Text>
  );
}

function Heading({ text, show }: { text: string; show: boolean }) {
  return show ? (
    <Text size="sm" fw={600}>
      {text}
    </Text>
  ) : null;
}

function Items({ items }: { items: string[] }) {
  return items.length ? (
    <List size="sm">
      {items.map((item, index) => (
        <List.Item key={index}>{item}</List.Item>
      ))}
    </List>
  ) : null;
}

/** A ToR as text, for readers who may not change it (or not now). */
export function ReadOnlyView({ tor }: { tor: Assignment }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const sectors = useReference('sectors');
  const occupations = useReference('occupations');
  const languages = useReference('languages');
  const regions = useReference('regions');
  return (
    <Stack gap="md" data-testid="assignment-read-only">
      <Section title={t('assignments.sections.description')}>
        <Text fw={600}>{tor.titleFr}</Text>
        {tor.titleAr && (
          <Text fw={600} dir="rtl">
            {tor.titleAr}
          </Text>
        )}
        {tor.titleEn && (
          <Text fw={600} dir="ltr">
            {tor.titleEn}
          </Text>
        )}
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {tor.descriptionFr}
        </Text>
        {tor.descriptionAr && (
          <Text size="sm" dir="rtl" style={{ whiteSpace: 'pre-wrap' }}>
            {tor.descriptionAr}
          </Text>
        )}
        {tor.descriptionEn && (
          <Text size="sm" dir="ltr" style={{ whiteSpace: 'pre-wrap' }}>
            {tor.descriptionEn}
          </Text>
        )}
        <Heading text={t('assignments.fields.objectives')} show={tor.objectives.length > 0} />
        <Items items={tor.objectives} />
        <Heading text={t('assignments.fields.deliverables')} show={tor.deliverables.length > 0} />
        <Items items={tor.deliverables} />
      </Section>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Section title={t('assignments.sections.need')}>
          <Line label={t('assignments.fields.need')} value={tor.need?.title ?? t('assignments.noNeed')} />
          <Line label={t('assignments.fields.needStatement')} value={tor.needStatement} />
        </Section>
        <Section title={t('assignments.sections.expertise')}>
          <Line
            label={t('assignments.fields.skills')}
            value={formatList(
              tor.skills.map((s) => s.label),
              locale,
            )}
          />
          <Line
            label={t('assignments.fields.sectors')}
            value={formatList(
              tor.sectors.map((c) => sectors.label(c)),
              locale,
            )}
          />
          <Line label={t('assignments.fields.occupation')} value={occupations.label(tor.occupation)} />
        </Section>
        <Section title={t('assignments.sections.languages')}>
          <Items items={tor.languages.map((l) => `${languages.label(l.language)} — ${l.minLevel}`)} />
        </Section>
        <Section title={t('assignments.sections.place')}>
          <Line label={t('assignments.fields.modality')} value={t(`assignments.modalities.${tor.modality}`)} />
          <Line label={t('assignments.fields.region')} value={regions.label(tor.region)} />
          <Line label={t('assignments.fields.city')} value={tor.city} />
        </Section>
        <Section title={t('assignments.sections.dates')}>
          <Line
            label={t('assignments.window')}
            value={t('assignments.windowValue', { start: tor.windowStartsOn, end: tor.windowEndsOn })}
          />
          <Line label={t('assignments.fields.workingDays')} value={tor.workingDays} />
          <Line label={t('assignments.fields.applicationDeadline')} value={tor.applicationDeadline} />
        </Section>
        <Section title={t('assignments.sections.call')}>
          <Line label={t('assignments.fields.expertsNeeded')} value={tor.expertsNeeded} />
          <Line label={t('assignments.fields.sdgTargets')} value={formatList(tor.sdgTargets, locale)} />
          <Items items={tor.scoringCriteria.map((c) => `${c.label} (${c.weight})`)} />
        </Section>
      </SimpleGrid>
    </Stack>
  );
}
