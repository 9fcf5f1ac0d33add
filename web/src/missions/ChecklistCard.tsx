import { Badge, Button, Checkbox, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../api/errors.tsx';
import { formatDateTime, formatDay } from '../shell/format.ts';
import { statusColors } from '../shell/statusColors.ts';
import { checklistKey, getChecklist, missionKey, missionsKey, saveChecklist } from './api.ts';
import { ChecklistItemDialog, useItemLabel } from './ChecklistItemDialog.tsx';
import type { ChecklistChange, ChecklistItem, Mission, MissionState } from './types.ts';

/** The states in which the checklist is still worked on (as the server's): afterwards it is a record. */
const openStates: readonly MissionState[] = ['planned', 'agreed', 'ready', 'in_progress'];

/**
 * The logistics checklist: who takes care of each item, by when, and who did it when. The reader ticks the items
 * the server says they may; an item that is not needed (no visa for this expert) is marked "not applicable",
 * never a mandatory one. The last item done makes an agreed mission ready, so the mission is reloaded after each
 * change.
 */
export function ChecklistCard({ mission }: { mission: Mission }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const labelOf = useItemLabel();
  const checklist = useQuery({ queryKey: checklistKey(mission.id), queryFn: () => getChecklist(mission.id) });
  const [editing, setEditing] = useState<ChecklistItem | null>(null);
  const staff = mission.actions.includes('mission.manage');
  const save = useMutation({
    mutationFn: (change: ChecklistChange) => saveChecklist(mission.id, [change]),
    onSuccess: (updated) => {
      client.setQueryData(checklistKey(mission.id), updated);
      setEditing(null);
      if (updated.state !== mission.state || updated.version !== mission.version) {
        void client.invalidateQueries({ queryKey: missionKey(mission.id), exact: true });
        void client.invalidateQueries({ queryKey: missionsKey });
      }
    },
  });
  const open = openStates.includes(mission.state);
  const items = checklist.data?.items ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="mission-checklist-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="mission-checklist-heading">
          {t('missions.checklist.title')}
        </Title>
        {checklist.data && (
          <Text size="sm" data-testid="checklist-progress">
            {checklist.data.complete
              ? t('missions.checklist.complete')
              : t('missions.checklist.progress', {
                  done: items.filter((item) => item.doneAt || item.notApplicable).length,
                  total: items.length,
                })}
          </Text>
        )}
      </Group>
      <Stack gap="sm">
        {!editing && <ErrorAlert error={save.error ?? checklist.error} />}
        {checklist.data && (
          <Table.ScrollContainer minWidth={760}>
            <Table data-testid="mission-checklist" verticalSpacing="xs">
              <caption className="visually-hidden">{t('missions.checklist.title')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('missions.checklist.item')}</Table.Th>
                  <Table.Th scope="col">{t('missions.checklist.owner')}</Table.Th>
                  <Table.Th scope="col">{t('missions.checklist.dueOn')}</Table.Th>
                  <Table.Th scope="col">{t('missions.checklist.status')}</Table.Th>
                  {open && <Table.Th scope="col">{t('missions.checklist.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item) => {
                  const label = labelOf(item);
                  const busy = save.isPending && save.variables?.id === item.id;
                  return (
                    <Table.Tr
                      key={item.id}
                      data-testid="checklist-item"
                      data-key={item.key}
                      data-overdue={item.overdue || undefined}
                      style={item.overdue ? { backgroundColor: 'var(--mantine-color-red-0)' } : undefined}
                    >
                      <Table.Td>
                        <Stack gap={2}>
                          <Group gap={6}>
                            <Text size="sm" fw={500}>
                              {label}
                            </Text>
                            {item.mandatory && (
                              <Badge size="xs" variant="outline" color="gray.8">
                                {t('missions.checklist.mandatory')}
                              </Badge>
                            )}
                          </Group>
                          {item.note && (
                            <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                              {t('missions.checklist.noteIs', { note: item.note })}
                            </Text>
                          )}
                        </Stack>
                      </Table.Td>
                      <Table.Td>{t(`missions.checklist.owners.${item.owner}`)}</Table.Td>
                      <Table.Td>
                        <Group gap={6}>
                          <Text size="sm">
                            {item.dueOn ? formatDay(item.dueOn, i18n.language) : t('missions.checklist.noDueDate')}
                          </Text>
                          {item.overdue && (
                            <Badge size="sm" color={statusColors.negative} variant="filled">
                              {t('missions.checklist.overdue')}
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {item.notApplicable
                            ? t('missions.checklist.notApplicable')
                            : item.doneAt
                              ? t('missions.checklist.doneBy', {
                                  name: item.doneBy?.name ?? t('missions.history.system'),
                                  date: formatDateTime(item.doneAt, i18n.language),
                                })
                              : t('missions.checklist.toDo')}
                        </Text>
                      </Table.Td>
                      {open && (
                        <Table.Td>
                          <Group gap="sm" wrap="nowrap">
                            {item.canTick && !item.notApplicable && (
                              <Checkbox
                                label={t('missions.checklist.done')}
                                aria-label={t('missions.checklist.doneFor', { item: label })}
                                checked={item.doneAt !== null}
                                disabled={busy}
                                onChange={(event) => save.mutate({ id: item.id, done: event.currentTarget.checked })}
                              />
                            )}
                            {item.canTick && !item.mandatory && item.doneAt === null && (
                              <Checkbox
                                label={t('missions.checklist.notApplicableShort')}
                                aria-label={t('missions.checklist.notApplicableFor', { item: label })}
                                checked={item.notApplicable}
                                disabled={busy}
                                onChange={(event) =>
                                  save.mutate({ id: item.id, notApplicable: event.currentTarget.checked })
                                }
                              />
                            )}
                            {item.canTick && (
                              <Button
                                size="compact-xs"
                                variant="default"
                                aria-label={t('missions.checklist.editFor', { item: label })}
                                onClick={() => {
                                  save.reset();
                                  setEditing(item);
                                }}
                              >
                                {t('missions.checklist.edit')}
                              </Button>
                            )}
                          </Group>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      {editing && (
        <ChecklistItemDialog
          item={editing}
          staff={staff}
          pending={save.isPending}
          error={save.error}
          onClose={() => setEditing(null)}
          onSave={(change) => save.mutate(change)}
        />
      )}
    </Paper>
  );
}
