import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * One titled part of a long form. The id is the target of the completeness indicator's links, and `tabIndex`
 * lets a followed link move keyboard focus into the section, not just scroll to it.
 */
export function SectionCard({
  id,
  title,
  intro,
  children,
}: {
  id: string;
  title: string;
  intro?: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" component="section" id={id} aria-labelledby={`${id}-title`} tabIndex={-1}>
      <Title order={2} size="h4" id={`${id}-title`} mb={intro ? 4 : 'sm'}>
        {title}
      </Title>
      {intro && (
        <Text size="sm" c="dimmed" mb="sm">
          {intro}
        </Text>
      )}
      <Stack gap="sm">{children}</Stack>
    </Paper>
  );
}
