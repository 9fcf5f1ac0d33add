import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { DataState } from './DataState.tsx';

interface Props {
  /** The list's query: its loading, failure and emptiness decide what shows instead of the table. */
  query: { isPending: boolean; error: unknown; data?: { items: unknown[] } | undefined };
  emptyText: string;
  /** Read by screen readers only: what the table lists. */
  caption: string;
  testId: string;
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth: number;
  /** Column headers, in order. */
  columns: ReactNode[];
  highlightOnHover?: boolean;
  /** The rows (`Table.Tr`). */
  children: ReactNode;
}

/** A paginated list's table with its loading, error and empty states, the same on every list page. */
export function ListTable({ query, emptyText, caption, testId, minWidth, columns, highlightOnHover, children }: Props) {
  return (
    <DataState
      isPending={query.isPending}
      error={query.error}
      isEmpty={query.data?.items.length === 0}
      emptyText={emptyText}
    >
      <Table.ScrollContainer minWidth={minWidth}>
        <Table striped highlightOnHover={highlightOnHover} data-testid={testId}>
          <caption className="visually-hidden">{caption}</caption>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column, index) => (
                <Table.Th scope="col" key={index}>
                  {column}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{children}</Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </DataState>
  );
}
