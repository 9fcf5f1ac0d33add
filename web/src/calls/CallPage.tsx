import { Alert, Anchor, Badge, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, apiUrl } from '../api/client.ts';
import { useMe } from '../api/session.ts';
import { useReference } from '../experts/reference.ts';
import { DataState } from '../shell/DataState.tsx';
import { Page } from '../shell/Page.tsx';
import { statusColors } from '../shell/statusColors.ts';
import { Fact, placeOf } from './CallCard.tsx';
import './calls.css';
import { formatDay } from '../shell/format.ts';
import { dirOf, formatBytes, formatDeadline, formatValues } from './format.ts';
import type { CallDetail } from './types.ts';
import { useCallLabels } from './useCallLabels.ts';

/** A titled part of the call; left out when it has nothing to say. */
function Section({ title, show = true, children }: { title: string; show?: boolean; children: ReactNode }) {
  if (!show) return null;
  return (
    <section>
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      {children}
    </section>
  );
}

/**
 * "Apply" for visitors and experts while the call is open. Anonymous visitors go through sign-in and come back to
 * the application form; staff, focal points and donors only read.
 */
function ApplyAction({ call }: { call: CallDetail }) {
  const { t } = useTranslation();
  const me = useMe().data ?? null;
  if (call.status !== 'open') return <Alert color="gray">{t('calls.detail.closedNotice')}</Alert>;
  const applyPath = `/calls/${call.id}/apply`;
  if (!me) {
    return (
      <Stack gap={4} align="flex-start">
        <Button component={Link} to={`/sign-in?next=${encodeURIComponent(applyPath)}`}>
          {t('calls.detail.signInToApply')}
        </Button>
        <Text size="sm" c="dimmed">
          {t('calls.detail.signInHint')}
        </Text>
      </Stack>
    );
  }
  if (!me.roles.some((grant) => grant.role === 'expert')) return null;
  return (
    <Button component={Link} to={applyPath}>
      {t('calls.detail.apply')}
    </Button>
  );
}

function CallBody({ call }: { call: CallDetail }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { labels } = useCallLabels();
  const occupations = useReference('occupations');
  const place = placeOf(call, labels.region);
  const textProps = { lang: call.lang, dir: dirOf(call.lang) };
  return (
    <Stack gap="lg">
      <Group gap="sm">
        {/* Mantine's light green gives 3.8:1; the shared status tones keep white text at AA. */}
        <Badge bg={call.status === 'open' ? statusColors.positive : statusColors.neutral} c="white" variant="filled">
          {t(call.status === 'open' ? 'calls.detail.open' : 'calls.detail.closed')}
        </Badge>
        {call.lang !== locale && (
          <Text size="sm" c="dimmed">
            {t('calls.frenchOnly')}
          </Text>
        )}
      </Group>
      <dl className="call-facts">
        <Fact label={t('calls.facts.institution')}>{call.institution}</Fact>
        <Fact label={t('calls.facts.reference')}>{call.reference}</Fact>
        <Fact label={t('calls.facts.deadline')}>
          <time dateTime={call.deadlineAt}>
            <strong>{formatDeadline(call.deadlineAt, locale)}</strong>
          </time>
        </Fact>
        <Fact label={t('calls.facts.modality')}>{t(`calls.modalities.${call.modality}`)}</Fact>
        {place && call.modality !== 'online' && <Fact label={t('calls.facts.place')}>{place}</Fact>}
        <Fact label={t('calls.facts.window')}>
          {t('calls.facts.windowRange', {
            start: formatDay(call.windowStartsOn, locale),
            end: formatDay(call.windowEndsOn, locale),
          })}
        </Fact>
        <Fact label={t('calls.facts.workingDays')}>{call.workingDays}</Fact>
        <Fact label={t('calls.facts.expertsNeeded')}>{call.expertsNeeded}</Fact>
        {call.publishedAt && (
          <Fact label={t('calls.facts.published')}>{formatDay(call.publishedAt.slice(0, 10), locale)}</Fact>
        )}
      </dl>
      <Group gap="md" align="flex-start">
        <ApplyAction call={call} />
        <Anchor href={apiUrl(`/public/calls/${call.id}.ics`, { lang: locale })} download size="sm">
          {t('calls.detail.calendar')}
        </Anchor>
      </Group>
      <Section title={t('calls.detail.description')}>
        <Text className="call-text" {...textProps}>
          {call.description}
        </Text>
      </Section>
      <Section title={t('calls.detail.objectives')} show={call.objectives.length > 0}>
        <List className="call-text">
          {call.objectives.map((objective, index) => (
            <List.Item key={index}>{objective}</List.Item>
          ))}
        </List>
      </Section>
      <Section title={t('calls.detail.deliverables')} show={call.deliverables.length > 0}>
        <List className="call-text">
          {call.deliverables.map((deliverable, index) => (
            <List.Item key={index}>{deliverable}</List.Item>
          ))}
        </List>
      </Section>
      <Section title={t('calls.detail.expertise')}>
        <dl className="call-facts">
          {call.skills.length > 0 && <Fact label={t('calls.detail.skills')}>{formatValues(call.skills, locale)}</Fact>}
          {call.sectors.length > 0 && (
            <Fact label={t('calls.facts.sectors')}>{formatValues(call.sectors.map(labels.sector), locale)}</Fact>
          )}
          {call.occupation && <Fact label={t('calls.detail.occupation')}>{occupations.label(call.occupation)}</Fact>}
        </dl>
      </Section>
      <Section title={t('calls.detail.languagesLevels')} show={call.languages.length > 0}>
        <List>
          {call.languages.map((required) => (
            <List.Item key={required.language}>
              {labels.language(required.language)} — {t('calls.detail.level', { level: required.minLevel })}
            </List.Item>
          ))}
        </List>
      </Section>
      <Section title={t('calls.detail.sdg')} show={call.sdgTargets.length > 0}>
        <Text>{formatValues(call.sdgTargets, locale)}</Text>
      </Section>
      <Section title={t('calls.detail.attachments')} show={call.attachments.length > 0}>
        <List>
          {call.attachments.map((file) => (
            <List.Item key={file.id}>
              <Anchor href={file.href} download={file.fileName}>
                {t('calls.detail.download', { name: file.fileName, size: formatBytes(file.byteSize, locale) })}
              </Anchor>
            </List.Item>
          ))}
        </List>
      </Section>
    </Stack>
  );
}

/** A call's public page, in the interface language when the call has it. No sign-in. */
export function CallPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const lang = i18n.language;
  const call = useQuery({
    queryKey: ['public-call', id, lang],
    queryFn: () => api<CallDetail>('GET', `/public/calls/${id}`, undefined, { lang }),
    retry: false,
  });
  return (
    <Page title={call.data?.title ?? t('calls.list.title')}>
      <Anchor component={Link} to="/calls" size="sm">
        {t('calls.detail.back')}
      </Anchor>
      <DataState isPending={call.isPending} error={call.error} isEmpty={false} emptyText="">
        {call.data && <CallBody call={call.data} />}
      </DataState>
    </Page>
  );
}
