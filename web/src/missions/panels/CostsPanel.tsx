import { Alert, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../applications/ConfirmDialog.tsx';
import { ErrorAlert } from '../../api/errors.tsx';
import { useReference } from '../../experts/reference.ts';
import { DataState } from '../../shell/DataState.tsx';
import { formatDay } from '../../shell/format.ts';
import { deleteCost, missionCosts, panelKeys } from './api.ts';
import { CostLineDialog, placeName } from './CostLineDialog.tsx';
import { formatMoney } from './format.ts';
import { costCategories, may, type CostLine, type MissionCosts, type PanelProps } from './types.ts';

/** Planned against actual per category, in the reporting currency, with the totals. */
function Totals({ costs }: { costs: MissionCosts }) {
  const { t, i18n } = useTranslation();
  const money = (amount: string) => formatMoney(amount, costs.reportingCurrency, i18n.language);
  const categories = costCategories.filter((category) => costs.totals[category]);
  return (
    <Table.ScrollContainer minWidth={360}>
      <Table data-testid="cost-totals">
        <caption className="visually-hidden">
          {t('missionReporting.costs.totalsCaption', { currency: costs.reportingCurrency })}
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('missionReporting.costs.category')}</Table.Th>
            <Table.Th scope="col">{t('missionReporting.costs.kinds.planned')}</Table.Th>
            <Table.Th scope="col">{t('missionReporting.costs.kinds.actual')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {categories.map((category) => (
            <Table.Tr key={category}>
              <Table.Th scope="row" fw={400}>
                {t(`missionReporting.costs.categories.${category}`)}
              </Table.Th>
              <Table.Td>{money(costs.totals[category]!.planned)}</Table.Td>
              <Table.Td>{money(costs.totals[category]!.actual)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">{t('missionReporting.costs.total')}</Table.Th>
            <Table.Td fw={700} data-testid="total-planned">
              {money(costs.total.planned)}
            </Table.Td>
            <Table.Td fw={700} data-testid="total-actual">
              {money(costs.total.actual)}
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}

/** How the allowance is reckoned for this mission, or why it cannot be (no rate for the place: a clear warning). */
function DsaNote({ costs }: { costs: MissionCosts }) {
  const { t, i18n } = useTranslation();
  const countries = useReference('countries');
  const { dsa } = costs;
  const place = placeName(dsa.country, dsa.city, countries.label);
  if (dsa.problem === 'dsa_not_applicable') {
    return <Text size="sm">{t('missionReporting.costs.dsaOnline')}</Text>;
  }
  if (dsa.problem === 'dsa_rate_missing' || !dsa.rate) {
    return (
      <Alert color="orange" data-testid="dsa-missing">
        {t('missionReporting.costs.errors.dsaRateMissing', { place, on: formatDay(dsa.on, i18n.language) })}
      </Alert>
    );
  }
  return (
    <Text size="sm" data-testid="dsa-note">
      {t(dsa.countryWide ? 'missionReporting.costs.dsaCountryWide' : 'missionReporting.costs.dsaRate', {
        place,
        rate: formatMoney(dsa.rate.amount, dsa.rate.currency, i18n.language),
        nights: dsa.nights ?? 0,
        total: dsa.amount && dsa.currency ? formatMoney(dsa.amount, dsa.currency, i18n.language) : '—',
      })}
    </Text>
  );
}

function Lines({
  costs,
  canWrite,
  onEdit,
  onDelete,
}: {
  costs: MissionCosts;
  canWrite: boolean;
  onEdit: (line: CostLine) => void;
  onDelete: (line: CostLine) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped data-testid="cost-lines">
        <caption className="visually-hidden">{t('missionReporting.costs.linesCaption')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('missionReporting.costs.category')}</Table.Th>
            <Table.Th scope="col">{t('missionReporting.costs.kind')}</Table.Th>
            <Table.Th scope="col">{t('missionReporting.costs.description')}</Table.Th>
            <Table.Th scope="col">{t('missionReporting.costs.amount')}</Table.Th>
            <Table.Th scope="col">
              {t('missionReporting.costs.reporting', { currency: costs.reportingCurrency })}
            </Table.Th>
            {canWrite && <Table.Th scope="col">{t('missionReporting.costs.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {costs.lines.map((line) => {
            const category = t(`missionReporting.costs.categories.${line.category}`);
            return (
              <Table.Tr key={line.id} data-testid="cost-line">
                <Table.Td>{category}</Table.Td>
                <Table.Td>{t(`missionReporting.costs.kinds.${line.kind}`)}</Table.Td>
                <Table.Td>
                  {line.description}
                  {line.nights !== null && (
                    <Text size="xs" c="dimmed">
                      {t('missionReporting.costs.nightsCount', { nights: line.nights })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{formatMoney(line.amount, line.currency, i18n.language)}</Table.Td>
                <Table.Td>{formatMoney(line.reportingAmount, line.reportingCurrency, i18n.language)}</Table.Td>
                {canWrite && (
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => onEdit(line)}
                        aria-label={t('missionReporting.costs.editLine', { category })}
                      >
                        {t('missionReporting.costs.edit')}
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        c="red.9"
                        onClick={() => onDelete(line)}
                        aria-label={t('missionReporting.costs.deleteLine', { category })}
                      >
                        {t('missionReporting.costs.delete')}
                      </Button>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function CostsCard({ mission, onChanged }: PanelProps) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const client = useQueryClient();
  const query = useQuery({ queryKey: panelKeys.costs(mission.id), queryFn: () => missionCosts(mission.id) });
  const [editing, setEditing] = useState<CostLine | 'new' | null>(null);
  const [deleting, setDeleting] = useState<CostLine | null>(null);
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: panelKeys.costs(mission.id) });
    onChanged();
  };
  const remove = useMutation({
    mutationFn: (line: CostLine) => deleteCost(mission.id, line.id),
    onSuccess: async () => {
      setDeleting(null);
      await refresh();
    },
  });
  const costs = query.data;
  const canWrite = may(mission, 'mission.costs.write') && costs?.editable === true;
  return (
    <Card withBorder component="section" aria-labelledby={headingId} data-testid="costs-panel">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id={headingId}>
            {t('missionReporting.costs.title')}
          </Title>
          {canWrite && (
            <Button size="xs" onClick={() => setEditing('new')}>
              {t('missionReporting.costs.add')}
            </Button>
          )}
        </Group>
        <DataState isPending={query.isPending} error={query.error} isEmpty={false} emptyText="">
          {costs && (
            <>
              <DsaNote costs={costs} />
              {costs.lines.length === 0 ? (
                <Text size="sm" data-testid="empty-state">
                  {t('missionReporting.costs.empty')}
                </Text>
              ) : (
                <>
                  <Totals costs={costs} />
                  <Lines costs={costs} canWrite={canWrite} onEdit={setEditing} onDelete={setDeleting} />
                </>
              )}
              {!costs.editable && <Text size="sm">{t('missionReporting.costs.settled')}</Text>}
            </>
          )}
        </DataState>
      </Stack>
      {costs && editing !== null && (
        <CostLineDialog
          missionId={mission.id}
          costs={costs}
          line={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void refresh();
          }}
        />
      )}
      <ConfirmDialog
        opened={deleting !== null}
        title={t('missionReporting.costs.deleteTitle')}
        body={
          deleting
            ? t('missionReporting.costs.deleteBody', {
                category: t(`missionReporting.costs.categories.${deleting.category}`),
                amount: formatMoney(deleting.amount, deleting.currency, i18n.language),
              })
            : ''
        }
        confirmLabel={t('missionReporting.costs.delete')}
        pending={remove.isPending}
        error={remove.error}
        danger
        onClose={() => {
          setDeleting(null);
          remove.reset();
        }}
        onConfirm={() => deleting && remove.mutate(deleting)}
      />
      {remove.error !== null && deleting === null && <ErrorAlert error={remove.error} />}
    </Card>
  );
}

/** The mission's costs (staff and the expert): planned against actual, the allowance, and staff's edits. */
export function CostsPanel({ mission, onChanged }: PanelProps) {
  if (!may(mission, 'mission.costs.read')) return null;
  return <CostsCard mission={mission} onChanged={onChanged} />;
}
