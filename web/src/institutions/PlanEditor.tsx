import { Badge, Button, Group, Modal, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { ErrorAlert } from '../api/errors.tsx';
import { programmeKeys, type ProgrammeList } from '../programmes/types.ts';
import { DataState } from '../shell/DataState.tsx';
import { statusColors } from '../shell/statusColors.ts';
import { NeedDialog } from './NeedDialog.tsx';
import { institutionKeys, type InstitutionView, type Need, type Outcome, type Plan } from './types.ts';

const priorityColor = { high: statusColors.negative, medium: statusColors.warning, low: statusColors.neutral };
const statusColor = {
  open: statusColors.pending,
  in_progress: statusColors.warning,
  met: statusColors.positive,
  dropped: statusColors.neutral,
};

type NeedEditing = { need?: Need; outcomeId?: string | null; proposal: boolean };

function NeedItem({ need, onEdit }: { need: Need; onEdit?: () => void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xs" component="li" data-testid="capacity-need">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2}>
          <Text fw={600} dir="auto">
            {need.title}
          </Text>
          {need.description && (
            <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-line' }}>
              {need.description}
            </Text>
          )}
          <Group gap={4}>
            <Badge color={priorityColor[need.priority]}>{t(`institutions.plan.priorities.${need.priority}`)}</Badge>
            <Badge color={statusColor[need.status]}>{t(`institutions.plan.statuses.${need.status}`)}</Badge>
          </Group>
        </Stack>
        {onEdit && (
          <Button
            size="compact-sm"
            variant="subtle"
            onClick={onEdit}
            aria-label={t('institutions.plan.editNeedNamed', { title: need.title })}
          >
            {t('institutions.plan.edit')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}

/**
 * The development plan (Theory of Change) of one institution in one programme: outcomes in order with the needs
 * that serve them. Programme officers write it; the institution's focal points read it and propose needs.
 */
export function PlanEditor({ institution }: { institution: InstitutionView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const programmes = useQuery({ queryKey: programmeKeys.all, queryFn: () => api<ProgrammeList>('GET', '/programmes') });
  const [chosen, setChosen] = useState('');
  const items = programmes.data?.items ?? [];
  const programmeId = chosen || (items.find((p) => p.status === 'running') ?? items[0])?.id || '';
  const planKey = institutionKeys.plan(institution.id, programmeId);
  const plan = useQuery({
    queryKey: planKey,
    queryFn: () =>
      api<Plan>('GET', `/institutions/${encodeURIComponent(institution.id)}/plan`, undefined, { programmeId }),
    enabled: !!programmeId,
  });
  const [draft, setDraft] = useState('');
  const [rewording, setRewording] = useState<{ id: string; statement: string } | null>(null);
  const [deleting, setDeleting] = useState<Outcome | null>(null);
  const [needEditing, setNeedEditing] = useState<NeedEditing | null>(null);
  const outcomesUrl = `/institutions/${encodeURIComponent(institution.id)}/outcomes`;
  const refresh = () => client.invalidateQueries({ queryKey: planKey });
  const write = useMutation({
    mutationFn: ({ method, url, body }: { method: string; url: string; body?: object }) => api(method, url, body),
    onSuccess: async () => {
      setDraft('');
      setRewording(null);
      setDeleting(null);
      await refresh();
    },
  });
  const canEdit = !!plan.data?.allowedActions.includes('plan.edit');
  const canPropose = !canEdit && !!plan.data?.allowedActions.includes('need.propose');
  const outcomes = plan.data?.outcomes ?? [];
  const move = (outcome: Outcome, position: number) =>
    write.mutate({ method: 'PATCH', url: `${outcomesUrl}/${outcome.id}`, body: { position } });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="plan-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={2} size="h4" id="plan-title">
              {t('institutions.plan.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('institutions.plan.intro')}
            </Text>
          </div>
          <NativeSelect
            label={t('institutions.plan.programme')}
            name="programmeId"
            value={programmeId}
            onChange={(event) => setChosen(event.currentTarget.value)}
          >
            {items.map((programme) => (
              <option key={programme.id} value={programme.id}>
                {programme.name}
              </option>
            ))}
          </NativeSelect>
        </Group>
        <ErrorAlert error={write.error ?? programmes.error} />
        <DataState
          isPending={programmes.isPending || (!!programmeId && plan.isPending)}
          error={plan.error}
          isEmpty={outcomes.length === 0 && (plan.data?.unassignedNeeds.length ?? 0) === 0}
          emptyText={t('institutions.plan.empty')}
        >
          <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} data-testid="plan-outcomes">
            {outcomes.map((outcome, index) => (
              <Paper key={outcome.id} component="li" withBorder p="sm" data-testid="plan-outcome">
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  {rewording?.id === outcome.id ? (
                    <Textarea
                      label={t('institutions.plan.statement')}
                      value={rewording.statement}
                      onChange={(event) => setRewording({ id: outcome.id, statement: event.currentTarget.value })}
                      autosize
                      style={{ flex: 1 }}
                    />
                  ) : (
                    <Text fw={600}>
                      {t('institutions.plan.outcomeNumbered', { position: outcome.position })}{' '}
                      <bdi>{outcome.statement}</bdi>
                    </Text>
                  )}
                  {canEdit && (
                    <Group gap={4} wrap="nowrap">
                      {rewording?.id === outcome.id ? (
                        <>
                          <Button
                            size="compact-sm"
                            disabled={!rewording.statement.trim()}
                            onClick={() =>
                              write.mutate({
                                method: 'PATCH',
                                url: `${outcomesUrl}/${outcome.id}`,
                                body: { statement: rewording.statement.trim() },
                              })
                            }
                          >
                            {t('common.save')}
                          </Button>
                          <Button size="compact-sm" variant="default" onClick={() => setRewording(null)}>
                            {t('common.cancel')}
                          </Button>
                        </>
                      ) : (
                        <>
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            disabled={index === 0}
                            onClick={() => move(outcome, index)}
                          >
                            {t('institutions.plan.moveUp')}
                          </Button>
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            disabled={index === outcomes.length - 1}
                            onClick={() => move(outcome, index + 2)}
                          >
                            {t('institutions.plan.moveDown')}
                          </Button>
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            onClick={() => setRewording({ id: outcome.id, statement: outcome.statement })}
                          >
                            {t('institutions.plan.edit')}
                          </Button>
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            color="red"
                            c="red.9"
                            onClick={() => setDeleting(outcome)}
                          >
                            {t('institutions.plan.delete')}
                          </Button>
                        </>
                      )}
                    </Group>
                  )}
                </Group>
                <Stack
                  component="ul"
                  gap="xs"
                  mt="xs"
                  p={0}
                  style={{ listStyle: 'none', paddingInlineStart: 'var(--mantine-spacing-md)' }}
                >
                  {outcome.needs.map((need) => (
                    <NeedItem
                      key={need.id}
                      need={need}
                      onEdit={canEdit ? () => setNeedEditing({ need, proposal: false }) : undefined}
                    />
                  ))}
                  {outcome.needs.length === 0 && (
                    <Text size="sm" c="dimmed">
                      {t('institutions.plan.noNeeds')}
                    </Text>
                  )}
                </Stack>
                {(canEdit || canPropose) && (
                  <Button
                    size="compact-sm"
                    variant="light"
                    mt="xs"
                    onClick={() => setNeedEditing({ outcomeId: outcome.id, proposal: canPropose })}
                  >
                    {canEdit ? t('institutions.plan.addNeed') : t('institutions.plan.proposeNeed')}
                  </Button>
                )}
              </Paper>
            ))}
          </Stack>
          {!!plan.data?.unassignedNeeds.length && (
            <Stack gap="xs">
              <Title order={3} size="h5">
                {t('institutions.plan.unassigned')}
              </Title>
              <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
                {plan.data.unassignedNeeds.map((need) => (
                  <NeedItem
                    key={need.id}
                    need={need}
                    onEdit={canEdit ? () => setNeedEditing({ need, proposal: false }) : undefined}
                  />
                ))}
              </Stack>
            </Stack>
          )}
        </DataState>
        {canEdit && programmeId && (
          <Group align="flex-end">
            <Textarea
              label={t('institutions.plan.newOutcome')}
              description={t('institutions.plan.newOutcomeHelp')}
              name="statement"
              value={draft}
              onChange={(event) => setDraft(event.currentTarget.value)}
              autosize
              style={{ flex: 1 }}
            />
            <Button
              disabled={!draft.trim()}
              loading={write.isPending}
              onClick={() =>
                write.mutate({ method: 'POST', url: outcomesUrl, body: { programmeId, statement: draft.trim() } })
              }
            >
              {t('institutions.plan.addOutcome')}
            </Button>
          </Group>
        )}
        {(canEdit || canPropose) && programmeId && (
          <Button
            variant="default"
            style={{ alignSelf: 'flex-start' }}
            onClick={() => setNeedEditing({ outcomeId: null, proposal: canPropose })}
          >
            {canEdit ? t('institutions.plan.addNeed') : t('institutions.plan.proposeNeed')}
          </Button>
        )}
      </Stack>
      <Modal opened={deleting !== null} onClose={() => setDeleting(null)} title={t('institutions.plan.deleteTitle')}>
        {deleting && (
          <Stack>
            <Text>{t('institutions.plan.deleteConfirm', { count: deleting.needs.length })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDeleting(null)}>
                {t('common.cancel')}
              </Button>
              <Button
                color="red"
                loading={write.isPending}
                onClick={() => write.mutate({ method: 'DELETE', url: `${outcomesUrl}/${deleting.id}` })}
              >
                {t('institutions.plan.delete')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
      {needEditing && programmeId && (
        <NeedDialog
          institutionId={institution.id}
          programmeId={programmeId}
          outcomes={outcomes}
          need={needEditing.need}
          outcomeId={needEditing.outcomeId}
          proposal={needEditing.proposal}
          onClose={() => setNeedEditing(null)}
          onSaved={() => {
            setNeedEditing(null);
            void refresh();
          }}
        />
      )}
    </Paper>
  );
}
