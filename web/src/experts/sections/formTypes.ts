import type { UseFormReturnType } from '@mantine/form';
import type { ProfileFormValues } from '../profileForm.ts';

/** What every section receives: the one form of the profile page. */
export interface SectionProps {
  form: UseFormReturnType<ProfileFormValues>;
}
