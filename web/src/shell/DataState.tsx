import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../api/errors.tsx';
import { Loading } from './RequireAuth.tsx';

interface Props {
  isPending: boolean;
  error: unknown;
  isEmpty: boolean;
  emptyText: string;
  children: ReactNode;
}

/** The three states every list has before its rows: loading, failed, and nothing to show. */
export function DataState({ isPending, error, isEmpty, emptyText, children }: Props) {
  if (isPending) return <Loading />;
  if (error) return <ErrorAlert error={error} />;
  if (isEmpty)
    return (
      <Text py="lg" ta="center" data-testid="empty-state">
        {emptyText}
      </Text>
    );
  return <>{children}</>;
}
