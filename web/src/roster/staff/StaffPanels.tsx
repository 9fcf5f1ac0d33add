import { SimpleGrid, Stack } from '@mantine/core';
import { useMe } from '../../api/session.ts';
import { NotesPanel } from './NotesPanel.tsx';
import { TagsPanel } from './TagsPanel.tsx';
import { VettingPanel } from './VettingPanel.tsx';

/**
 * The staff side of a profile (vetting, tags, private notes), under the profile, for programme staff only: a focal
 * point reading a shortlisted expert sees nothing of it (the server would answer "not found" anyway).
 */
export function StaffPanels({ expertId }: { expertId: string }) {
  const me = useMe();
  if (!me.data?.allowedActions.includes('staff.read')) return null;
  return (
    <Stack gap="md" data-testid="staff-side">
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <VettingPanel expertId={expertId} />
        <TagsPanel expertId={expertId} />
      </SimpleGrid>
      <NotesPanel expertId={expertId} />
    </Stack>
  );
}
