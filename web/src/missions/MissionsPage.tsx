import { Anchor, Button, Chip, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client.ts';
import { staffRoles, type Me } from '../api/types.ts';
import type { ProgrammeList } from '../programmes/types.ts';
import { formatDay } from '../shell/format.ts';
import { ListTable } from '../shell/ListTable.tsx';
import { Page } from '../shell/Page.tsx';
import { Pager } from '../shell/Pager.tsx';
import { listMissions, missionsKey } from './api.ts';
import { MissionStateBadge } from './MissionStateBadge.tsx';
import { ResultsCard } from './ResultsCard.tsx';
import { missionSorts, missionStates, type MissionSort, type MissionState } from './types.ts';

const pageSize = 20;

/** Reads the filters from the address, so a shared link or the back button shows the same list. */
function useFilters() {
  const [params, setParams] = useSearchParams();
  const states = (params.get('state') ?? '')
    .split(',')
    .filter((value): value is MissionState => (missionStates as readonly string[]).includes(value));
  const sortParam = params.get('sort') ?? '';
  const sort: MissionSort = (missionSorts as readonly string[]).includes(sortParam)
    ? (sortParam as MissionSort)
    : '-starts_on';
  const programmeId = params.get('programme') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  /** Changes some filters; any change but the page itself goes back to page 1. */
  const update = (next: { states?: MissionState[]; sort?: string; programmeId?: string; page?: number }) => {
    const merged = { states, sort, programmeId, page: 1, ...next };
    const search = new URLSearchParams();
    if (merged.states.length) search.set('state', merged.states.join(','));
    if (merged.sort !== '-starts_on') search.set('sort', merged.sort);
    if (merged.programmeId) search.set('programme', merged.programmeId);
    if (merged.page > 1) search.set('page', String(merged.page));
    setParams(search, { replace: true });
  };
  return { states, sort, programmeId, page, update };
}

/** Staff: every mission, filtered by state and programme. Experts and focal points: the missions they take part in. */
export function MissionsPage({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const staff = me.roles.some((grant) => staffRoles.includes(grant.role));
  const { states, sort, programmeId, page, update } = useFilters();
  const list = useQuery({
    queryKey: [...missionsKey, { states, sort, programmeId, page }],
    queryFn: () => listMissions({ states, programmeId, sort, page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const programmes = useQuery({
    queryKey: ['programmes'],
    queryFn: () => api<ProgrammeList>('GET', '/programmes'),
    enabled: staff && me.allowedActions.includes('programme.browse'),
  });
  const filtered = states.length > 0 || programmeId !== '';
  const emptyText = filtered
    ? t('missions.list.emptyFiltered')
    : staff
      ? t('missions.list.emptyStaff')
      : me.roles.some((grant) => grant.role === 'expert')
        ? t('missions.list.emptyExpert')
        : t('missions.list.emptyHost');

  return (
    <Page title={t('missions.list.title')}>
      <ResultsCard me={me} programmeId={programmeId || null} />
      <Chip.Group multiple value={states} onChange={(value) => update({ states: value as MissionState[] })}>
        <Group gap="xs" role="group" aria-label={t('missions.list.filterByState')}>
          {missionStates.map((code) => (
            <Chip key={code} value={code}>
              {t(`missions.states.${code}`)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      <Group align="flex-end" gap="sm">
        <NativeSelect
          label={t('missions.list.sort')}
          value={sort}
          onChange={(event) => update({ sort: event.currentTarget.value })}
        >
          {missionSorts.map((code) => (
            <option key={code} value={code}>
              {t(`missions.sorts.${code}`)}
            </option>
          ))}
        </NativeSelect>
        {programmes.data && (
          <NativeSelect
            label={t('missions.list.programme')}
            value={programmeId}
            onChange={(event) => update({ programmeId: event.currentTarget.value })}
          >
            <option value="">{t('missions.list.allProgrammes')}</option>
            {programmes.data.items.map((programme) => (
              <option key={programme.id} value={programme.id}>
                {programme.name}
              </option>
            ))}
          </NativeSelect>
        )}
        {filtered && (
          <Button variant="subtle" onClick={() => update({ states: [], programmeId: '' })}>
            {t('missions.list.clearFilters')}
          </Button>
        )}
      </Group>
      <ListTable
        query={list}
        emptyText={emptyText}
        caption={t('missions.list.title')}
        testId="missions-table"
        minWidth={860}
        highlightOnHover
        columns={[
          t('missions.list.columns.reference'),
          t('missions.list.columns.tor'),
          t('missions.list.columns.host'),
          t('missions.list.columns.expert'),
          t('missions.list.columns.dates'),
          t('missions.list.columns.state'),
        ]}
      >
        {list.data?.items.map((mission) => (
          <Table.Tr key={mission.id} data-testid="mission-row">
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Anchor component={Link} to={`/missions/${mission.id}`}>
                <bdi>{mission.reference}</bdi>
              </Anchor>
            </Table.Td>
            <Table.Td>
              <Stack gap={0}>
                <Text size="sm">{mission.tor.title}</Text>
                <Text size="xs" c="dimmed">
                  <bdi>{mission.tor.reference}</bdi> · {t(`missions.modalities.${mission.modality}`)}
                </Text>
              </Stack>
            </Table.Td>
            <Table.Td>{mission.host.name}</Table.Td>
            <Table.Td>
              <bdi>{mission.expert.name}</bdi>
            </Table.Td>
            <Table.Td>
              {t('missions.dateRange', {
                start: formatDay(mission.startsOn, i18n.language),
                end: formatDay(mission.endsOn, i18n.language),
              })}
            </Table.Td>
            <Table.Td>
              <MissionStateBadge state={mission.state} />
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
      {list.data && list.data.total > 0 && (
        <Pager page={page} pageSize={pageSize} total={list.data.total} onChange={(next) => update({ page: next })} />
      )}
    </Page>
  );
}
