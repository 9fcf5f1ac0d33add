import { Alert, Button, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { ErrorAlert, fieldErrorsOf } from '../api/errors.tsx';
import { roles, type Institution, type Me, type Programme, type Role } from '../api/types.ts';
import { validEmail } from '../auth/validation.ts';
import { asLocale, defaultLocale } from '../i18n/index.ts';
import { LocaleSelect } from '../i18n/LocaleSelect.tsx';

/**
 * Mirrors the server's invitation policy (src/modules/identity/policy.ts) only to choose which options to offer;
 * the server still decides.
 */
export function invitableRoles(me: Me): Role[] {
  const held = new Set(me.roles.map((grant) => grant.role));
  if (held.has('admin')) return [...roles];
  if (held.has('programme_officer')) return ['focal_point', 'donor'];
  return [];
}

/** An institution's name in the reader's language when the register has one, else its French name. */
export function institutionName(institution: Institution, locale: string): string {
  if (locale === 'ar' && institution.nameAr) return institution.nameAr;
  if ((locale === 'en' || locale === 'nl') && institution.nameEn) return institution.nameEn;
  return institution.nameFr;
}

/** Invites a person by e-mail; a focal point must be tied to the institution they represent. */
export function InviteForm({
  me,
  defaultRole,
  defaultInstitutionId,
}: {
  me: Me;
  defaultRole?: Role;
  /** Pre-selected when inviting from an institution's page. */
  defaultInstitutionId?: string;
}) {
  const { t, i18n } = useTranslation();
  const offered = invitableRoles(me);
  const institutions = useQuery({
    queryKey: ['institutions', 'all'],
    // The largest page the list serves: the whole register of a programme.
    queryFn: () => api<{ items: Institution[] }>('GET', '/institutions?pageSize=200'),
  });
  const programmes = useQuery({
    queryKey: ['programmes'],
    queryFn: () => api<{ items: Programme[] }>('GET', '/programmes'),
  });
  const form = useForm({
    initialValues: {
      email: '',
      name: '',
      role: defaultRole ?? offered[0] ?? 'focal_point',
      institutionId: defaultInstitutionId ?? '',
      programmeId: '',
      locale: asLocale(i18n.language) ?? defaultLocale,
    },
    validate: {
      email: (value) => (validEmail(value) ? null : t('validation.email')),
      name: (value) => (value.trim() ? null : t('validation.required')),
      institutionId: (value, values) =>
        values.role === 'focal_point' && !value ? t('invite.institutionRequired') : null,
    },
  });
  const invite = useMutation({
    mutationFn: (values: typeof form.values) =>
      api<{ email: string }>('POST', '/invitations', {
        email: values.email.trim(),
        name: values.name.trim(),
        role: values.role,
        locale: values.locale,
        ...(values.role === 'focal_point' && values.institutionId ? { institutionId: values.institutionId } : {}),
        ...(values.programmeId ? { programmeId: values.programmeId } : {}),
      }),
    onSuccess: () => form.reset(),
    onError: (error) => form.setErrors(fieldErrorsOf(t, error)),
  });
  const sortedInstitutions = [...(institutions.data?.items ?? [])].sort((a, b) =>
    institutionName(a, i18n.language).localeCompare(institutionName(b, i18n.language), i18n.language),
  );

  return (
    <form onSubmit={form.onSubmit((values) => invite.mutate(values))} noValidate>
      <Stack gap="sm" maw={560}>
        <div aria-live="polite">
          {invite.isSuccess && (
            <Alert color="green" data-testid="invite-sent">
              {t('invite.sent', { email: invite.data.email })}
            </Alert>
          )}
        </div>
        <ErrorAlert error={invite.error ?? institutions.error ?? programmes.error} />
        <TextInput label={t('invite.name')} name="name" required {...form.getInputProps('name')} />
        <TextInput label={t('invite.email')} name="email" type="email" required {...form.getInputProps('email')} />
        <NativeSelect label={t('invite.role')} name="role" {...form.getInputProps('role')}>
          {offered.map((code) => (
            <option key={code} value={code}>
              {t(`roles.${code}`)}
            </option>
          ))}
        </NativeSelect>
        {form.values.role === 'focal_point' && (
          <NativeSelect
            label={t('invite.institution')}
            name="institutionId"
            required
            {...form.getInputProps('institutionId')}
          >
            <option value="">{institutions.isPending ? t('common.loading') : t('invite.chooseInstitution')}</option>
            {sortedInstitutions.map((institution) => (
              <option key={institution.id} value={institution.id}>
                {institutionName(institution, i18n.language)}
              </option>
            ))}
          </NativeSelect>
        )}
        <NativeSelect label={t('invite.programme')} name="programmeId" {...form.getInputProps('programmeId')}>
          <option value="">{t('invite.allProgrammes')}</option>
          {programmes.data?.items.map((programme) => (
            <option key={programme.id} value={programme.id}>
              {programme.name}
            </option>
          ))}
        </NativeSelect>
        <LocaleSelect label={t('invite.locale')} {...form.getInputProps('locale')} />
        <Button type="submit" loading={invite.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('invite.submit')}
        </Button>
      </Stack>
    </form>
  );
}
