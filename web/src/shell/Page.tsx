import { Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useDocumentTitle } from '../i18n/useDocumentTitle.ts';

/** A page's frame: its one level-1 heading doubles as the browser tab's title. */
export function Page({ title, children, narrow = false }: { title: string; children: ReactNode; narrow?: boolean }) {
  useDocumentTitle(title);
  return (
    <Stack gap="md" maw={narrow ? 480 : undefined} mx={narrow ? 'auto' : undefined} w="100%">
      <Title order={1} size="h2">
        {title}
      </Title>
      {children}
    </Stack>
  );
}
