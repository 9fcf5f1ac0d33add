import { Anchor, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useReference } from '../experts/reference.ts';
import type { RosterRow } from '../experts/types.ts';
import { formatList } from '../shell/format.ts';
import { statusColors } from '../shell/statusColors.ts';

/** Each vetting status in a colour dark enough for white text. */
export const vettingColor = {
  unvetted: statusColors.neutral,
  in_review: statusColors.pending,
  vetted: statusColors.positive,
  rejected: statusColors.negative,
} as const;

function Row({ row }: { row: RosterRow }) {
  const { t, i18n } = useTranslation();
  const countries = useReference('countries');
  const occupations = useReference('occupations');
  const sectors = useReference('sectors');
  const languages = useReference('languages');
  return (
    <Table.Tr>
      <Table.Td>
        <Stack gap={0}>
          <Anchor component={Link} to={`/roster/experts/${row.userId}`} fw={600}>
            {row.firstName} {row.lastName}
          </Anchor>
          {row.nameAr && (
            <Text size="sm" className="name-ar">
              <span lang="ar" dir="rtl">
                {row.nameAr}
              </span>
            </Text>
          )}
          {row.matchedOn.length > 0 && (
            <Text size="xs" c="dimmed" data-testid="matched-on">
              {t('roster.matchedOn', {
                reasons: formatList(
                  row.matchedOn.map((reason) => t(`roster.matched.${reason}`)),
                  i18n.language,
                ),
              })}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>{countries.label(row.residenceCountry)}</Table.Td>
      <Table.Td>{occupations.label(row.occupation)}</Table.Td>
      <Table.Td>
        <Text size="sm">{row.sectors.map((code) => sectors.label(code)).join(' · ')}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">
          {row.languages.map((entry) => `${languages.label(entry.language)} ${entry.level}`).join(' · ')}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          <Badge bg={vettingColor[row.vettingStatus]} c="white" variant="filled" tt="none">
            {t(`roster.vetting.${row.vettingStatus}`)}
          </Badge>
          {row.stale && (
            <Badge bg={statusColors.warning} c="white" variant="filled" tt="none" data-testid="stale-badge">
              {t('roster.stale')}
            </Badge>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** The search results: each name in both scripts, where they live, what they do, and why they matched. */
export function RosterTable({ rows }: { rows: RosterRow[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover data-testid="roster-table" verticalSpacing="xs">
        <caption className="visually-hidden">{t('roster.title')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('roster.columns.name')}</Table.Th>
            <Table.Th scope="col">{t('roster.columns.residence')}</Table.Th>
            <Table.Th scope="col">{t('roster.columns.occupation')}</Table.Th>
            <Table.Th scope="col">{t('roster.columns.sectors')}</Table.Th>
            <Table.Th scope="col">{t('roster.columns.languages')}</Table.Th>
            <Table.Th scope="col" miw="10rem">
              {t('roster.columns.status')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Row key={row.userId} row={row} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
