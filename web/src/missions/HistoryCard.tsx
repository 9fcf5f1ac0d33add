import { Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../shell/format.ts';
import type { MissionEvent } from './types.ts';

/** The mission's moves, oldest first: who made each, when, and why when they said. */
export function HistoryCard({ history }: { history: MissionEvent[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="mission-history-heading">
      <Title order={2} size="h4" id="mission-history-heading" mb="sm">
        {t('missions.history.title')}
      </Title>
      {history.length === 0 ? (
        <Text size="sm">{t('missions.history.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table data-testid="mission-history">
            <caption className="visually-hidden">{t('missions.history.title')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('missions.history.when')}</Table.Th>
                <Table.Th scope="col">{t('missions.history.change')}</Table.Th>
                <Table.Th scope="col">{t('missions.history.who')}</Table.Th>
                <Table.Th scope="col">{t('missions.history.why')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.map((event, index) => (
                <Table.Tr key={`${event.at}-${index}`}>
                  <Table.Td>{formatDateTime(event.at, i18n.language)}</Table.Td>
                  <Table.Td>
                    {event.from
                      ? t('missions.history.moved', {
                          from: t(`missions.states.${event.from}`),
                          to: t(`missions.states.${event.to}`),
                        })
                      : t('missions.history.created', { to: t(`missions.states.${event.to}`) })}
                  </Table.Td>
                  <Table.Td>{event.actor ? <bdi>{event.actor.name}</bdi> : t('missions.history.system')}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{event.reason ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
