import { Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Me, Page as PageOf } from '../../api/types.ts';
import { useReference } from '../../experts/reference.ts';
import { nameOf, type InstitutionPage } from '../../institutions/types.ts';
import type { ProgrammeList } from '../../programmes/types.ts';
import { ListTable } from '../../shell/ListTable.tsx';
import { Page } from '../../shell/Page.tsx';
import { Pager } from '../../shell/Pager.tsx';
import { formatDay } from '../../shell/format.ts';
import { formatMoney } from '../panels/format.ts';
import { ResultsCard } from '../ResultsCard.tsx';
import { InternshipDialog } from './InternshipDialog.tsx';
import type { Internship } from './types.ts';

const pageSize = 25;

/**
 * The reverse flow: staff of host institutions trained or interning at a partner institution abroad, counted with
 * the missions in the results. Staff read them all, focal points their own institutions'; officers record them.
 */
export function InternshipsPage({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const countries = useReference('countries');
  const [programmeId, setProgrammeId] = useState<string | null>(null);
  const [institutionId, setInstitutionId] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Internship | 'new' | null>(null);
  const canManage = me.allowedActions.includes('internships.manage');
  const programmes = useQuery({
    queryKey: ['programmes'],
    queryFn: () => api<ProgrammeList>('GET', '/programmes'),
  });
  const institutions = useQuery({
    queryKey: ['institutions', 'hosts'],
    queryFn: () => api<InstitutionPage>('GET', '/institutions', undefined, { kind: 'host', pageSize: 200 }),
  });
  const query = useQuery({
    queryKey: ['internships', programmeId, institutionId, page],
    queryFn: () =>
      api<PageOf<Internship>>('GET', '/internships', undefined, { programmeId, institutionId, page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const programmeOptions = (programmes.data?.items ?? []).map((programme) => ({
    value: programme.id,
    label: `${programme.code} · ${programme.name}`,
  }));
  const institutionOptions = (institutions.data?.items ?? [])
    .map((institution) => ({ value: institution.id, label: nameOf(institution, i18n.language) }))
    .sort((a, b) => a.label.localeCompare(b.label, i18n.language));
  const labelOf = (options: { value: string; label: string }[], id: string) =>
    options.find((option) => option.value === id)?.label ?? '';
  return (
    <Page title={t('missionReporting.internships.title')}>
      <Text size="sm">{t('missionReporting.internships.intro')}</Text>
      <ResultsCard me={me} programmeId={programmeId} />
      <Group align="flex-end" gap="sm">
        <Select
          label={t('missionReporting.internships.programme')}
          data={programmeOptions}
          clearable
          value={programmeId}
          onChange={(value) => {
            setProgrammeId(value);
            setPage(1);
          }}
        />
        <Select
          label={t('missionReporting.internships.institution')}
          data={institutionOptions}
          searchable
          clearable
          value={institutionId}
          onChange={(value) => {
            setInstitutionId(value);
            setPage(1);
          }}
        />
        {canManage && <Button onClick={() => setEditing('new')}>{t('missionReporting.internships.add')}</Button>}
      </Group>
      <Stack gap="xs">
        <ListTable
          query={query}
          emptyText={t('missionReporting.internships.empty')}
          caption={t('missionReporting.internships.title')}
          testId="internships"
          minWidth={800}
          columns={[
            t('missionReporting.internships.trainee'),
            t('missionReporting.internships.kind'),
            t('missionReporting.internships.partner'),
            t('missionReporting.internships.dates'),
            t('missionReporting.internships.topic'),
            t('missionReporting.internships.cost'),
            ...(canManage ? [t('missionReporting.costs.actions')] : []),
          ]}
        >
          {query.data?.items.map((internship) => (
            <Table.Tr key={internship.id} data-testid="internship">
              <Table.Td>
                <Text size="sm" fw={600}>
                  {internship.traineeName}
                </Text>
                <Text size="xs">{labelOf(institutionOptions, internship.institutionId)}</Text>
              </Table.Td>
              <Table.Td>{t(`missionReporting.internships.kinds.${internship.kind}`)}</Table.Td>
              <Table.Td>
                {internship.partnerInstitution}
                <Text size="xs">
                  {[internship.city, countries.label(internship.country)].filter(Boolean).join(', ')}
                </Text>
              </Table.Td>
              <Table.Td>
                {t('missionReporting.internships.period', {
                  from: formatDay(internship.startsOn, i18n.language),
                  to: formatDay(internship.endsOn, i18n.language),
                })}
              </Table.Td>
              <Table.Td>
                {internship.topic}
                {internship.report && (
                  <Text size="xs" c="dimmed">
                    {t('missionReporting.internships.hasReport')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {internship.costAmount && internship.costCurrency
                  ? formatMoney(internship.costAmount, internship.costCurrency, i18n.language)
                  : '—'}
              </Table.Td>
              {canManage && (
                <Table.Td>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => setEditing(internship)}
                    aria-label={t('missionReporting.internships.editOf', { name: internship.traineeName })}
                  >
                    {t('missionReporting.costs.edit')}
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </ListTable>
        {query.data && query.data.total > pageSize && (
          <Pager page={page} pageSize={pageSize} total={query.data.total} onChange={setPage} />
        )}
      </Stack>
      {editing !== null && (
        <InternshipDialog
          internship={editing === 'new' ? null : editing}
          programmes={programmeOptions}
          institutions={institutionOptions}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void client.invalidateQueries({ queryKey: ['internships'] });
            void client.invalidateQueries({ queryKey: ['mission-results'] });
          }}
        />
      )}
    </Page>
  );
}
