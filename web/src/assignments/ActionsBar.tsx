import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { ErrorAlert } from '../api/errors.tsx';
import { moves, type Assignment, type AssignmentState } from './types.ts';

/** Moves that ask why (the institution reads a return's comment); a focal point cancels their draft without one. */
const needsComment = (to: AssignmentState, tor: Assignment, staff: boolean) =>
  to === 'returned' || (to === 'cancelled' && staff);

/**
 * The life-cycle buttons the server allows for this ToR. Return and cancel open a dialog asking for a comment;
 * cancel also asks to confirm, since it cannot be undone.
 */
export function ActionsBar({ tor, staff }: { tor: Assignment; staff: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [pending, setPending] = useState<AssignmentState | null>(null);
  const [comment, setComment] = useState('');
  const move = useMutation({
    mutationFn: ({ to, text }: { to: AssignmentState; text?: string }) =>
      api<Assignment>('POST', `/assignments/${tor.id}/transitions`, { to, ...(text ? { comment: text } : {}) }),
    onSuccess: (updated) => {
      client.setQueryData(['assignment', tor.id], updated);
      void client.invalidateQueries({ queryKey: ['assignments'] });
      void client.invalidateQueries({ queryKey: ['assignment-history', tor.id] });
      setPending(null);
      setComment('');
    },
  });
  const available = moves.filter((entry) => tor.allowedActions.includes(entry.action));
  if (!available.length) return null;

  const ask = (to: AssignmentState) => {
    move.reset();
    if (to === 'cancelled' || needsComment(to, tor, staff)) setPending(to);
    else move.mutate({ to });
  };

  return (
    <>
      <Group gap="sm" data-testid="assignment-actions">
        {available.map((entry) => (
          <Button
            key={entry.to}
            variant={entry.to === 'cancelled' || entry.to === 'returned' ? 'default' : 'filled'}
            color={entry.to === 'cancelled' ? 'red' : undefined}
            loading={move.isPending && move.variables?.to === entry.to}
            onClick={() => ask(entry.to)}
          >
            {t(`assignments.actions.${entry.to}`)}
          </Button>
        ))}
      </Group>
      {!pending && <ErrorAlert error={move.error} />}
      <Modal
        opened={pending !== null}
        onClose={() => setPending(null)}
        title={pending ? t(`assignments.actions.${pending}`) : ''}
      >
        {pending && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              move.mutate({ to: pending, text: comment.trim() });
            }}
          >
            <Stack gap="sm">
              {pending === 'cancelled' && <Text>{t('assignments.confirmCancel', { reference: tor.reference })}</Text>}
              <Textarea
                label={t('assignments.comment')}
                description={pending === 'returned' ? t('assignments.returnHelp') : undefined}
                required={needsComment(pending, tor, staff)}
                autosize
                minRows={3}
                value={comment}
                onChange={(event) => setComment(event.currentTarget.value)}
                data-autofocus
              />
              <ErrorAlert error={move.error} />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setPending(null)}>
                  {t('assignments.back')}
                </Button>
                <Button type="submit" color={pending === 'cancelled' ? 'red' : undefined} loading={move.isPending}>
                  {t(`assignments.actions.${pending}`)}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </>
  );
}
