import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDay } from '../shell/format.ts';
import { dirOf, formatDeadline, formatValues } from './format.ts';
import type { CallSummary } from './types.ts';

interface Labels {
  sector: (code: string) => string;
  language: (code: string) => string;
  region: (code: string) => string;
}

/** A labelled fact of a call: `<dt>`/`<dd>` pairs read as such by screen readers. */
export function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="call-fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** "Rabat, Rabat-Salé-Kénitra" for on-site and hybrid work, nothing otherwise. */
export function placeOf(call: Pick<CallSummary, 'city' | 'region'>, regionLabel: (code: string) => string): string {
  return [call.city, call.region ? regionLabel(call.region) : null].filter(Boolean).join(', ');
}

/** One open call in the list: an `<article>` whose heading links to the call's page. */
export function CallCard({ call, labels }: { call: CallSummary; labels: Labels }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const place = placeOf(call, labels.region);
  return (
    <Card component="article" withBorder padding="md" data-testid="call-card">
      <Stack gap="xs">
        <Title order={3} size="h4" lang={call.lang} dir={dirOf(call.lang)}>
          <Anchor component={Link} to={`/calls/${call.id}`}>
            {call.title}
          </Anchor>
        </Title>
        <Text size="sm" c="dimmed">
          {call.institution}
        </Text>
        <Text size="sm" lang={call.lang} dir={dirOf(call.lang)}>
          {call.summary}
        </Text>
        {call.lang !== locale && (
          <Text size="xs" c="dimmed">
            {t('calls.frenchOnly')}
          </Text>
        )}
        <dl className="call-facts">
          <Fact label={t('calls.facts.deadline')}>
            <time dateTime={call.deadlineAt}>
              <strong>{formatDeadline(call.deadlineAt, locale)}</strong>
            </time>
          </Fact>
          <Fact label={t('calls.facts.modality')}>
            {t(`calls.modalities.${call.modality}`)}
            {place && call.modality !== 'online' ? ` · ${place}` : ''}
          </Fact>
          <Fact label={t('calls.facts.window')}>
            {t('calls.facts.windowRange', {
              start: formatDay(call.windowStartsOn, locale),
              end: formatDay(call.windowEndsOn, locale),
            })}
          </Fact>
          <Fact label={t('calls.facts.workingDays')}>{call.workingDays}</Fact>
          <Fact label={t('calls.facts.expertsNeeded')}>{call.expertsNeeded}</Fact>
          {call.sectors.length > 0 && (
            <Fact label={t('calls.facts.sectors')}>{formatValues(call.sectors.map(labels.sector), locale)}</Fact>
          )}
          {call.languages.length > 0 && (
            <Fact label={t('calls.facts.languages')}>{formatValues(call.languages.map(labels.language), locale)}</Fact>
          )}
        </dl>
        <Group justify="flex-end">
          <Text size="xs" c="dimmed">
            {call.reference}
          </Text>
        </Group>
      </Stack>
    </Card>
  );
}
