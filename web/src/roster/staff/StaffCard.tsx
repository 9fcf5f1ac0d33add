import { Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled section of the staff side; the heading names the region for screen readers. */
export function StaffCard({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id} data-testid={id}>
      <Title order={2} size="h5" mb="xs" id={id}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}
