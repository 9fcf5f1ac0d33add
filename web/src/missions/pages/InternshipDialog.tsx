import { Button, Group, Modal, Radio, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorAlert, fieldErrorsOf } from '../../api/errors.tsx';
import { optionsOf, useReference } from '../../experts/reference.ts';
import type { Internship, Option } from './types.ts';

type Values = Omit<
  Internship,
  'id' | 'createdAt' | 'updatedAt' | 'programmeId' | 'institutionId' | 'city' | 'report'
> & {
  programmeId: string | null;
  institutionId: string | null;
  city: string;
  traineeEmail: string;
  costAmount: string;
  costCurrency: string;
  report: string;
};

const required = (message: string) => (value: string | null) => (value && value.trim() ? null : message);

/** Records an internship or training abroad, or changes one (e.g. adds the trainee's report once back). */
export function InternshipDialog({
  internship,
  programmes,
  institutions,
  onClose,
  onSaved,
}: {
  internship: Internship | null;
  programmes: Option[];
  institutions: Option[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const countries = useReference('countries');
  const needed = t('validation.required');
  const form = useForm<Values>({
    initialValues: {
      programmeId: internship?.programmeId ?? programmes[0]?.value ?? null,
      institutionId: internship?.institutionId ?? null,
      kind: internship?.kind ?? 'training',
      traineeName: internship?.traineeName ?? '',
      traineeEmail: internship?.traineeEmail ?? '',
      partnerInstitution: internship?.partnerInstitution ?? '',
      country: internship?.country ?? '',
      city: internship?.city ?? '',
      startsOn: internship?.startsOn ?? '',
      endsOn: internship?.endsOn ?? '',
      topic: internship?.topic ?? '',
      costAmount: internship?.costAmount ?? '',
      costCurrency: internship?.costCurrency ?? '',
      report: internship?.report ?? '',
    },
    validate: {
      programmeId: required(needed),
      institutionId: required(needed),
      traineeName: required(needed),
      partnerInstitution: required(needed),
      country: required(needed),
      startsOn: required(needed),
      endsOn: (value, values) =>
        !value ? needed : values.startsOn && value < values.startsOn ? t('fieldErrors.date_order') : null,
      topic: required(needed),
      costCurrency: (value, values) =>
        values.costAmount.trim() && !/^[A-Za-z]{3}$/.test(value.trim())
          ? t('missionReporting.rates.currencyFormat')
          : null,
    },
  });
  const save = useMutation({
    mutationFn: (values: Values) => {
      const body = {
        ...values,
        traineeEmail: values.traineeEmail.trim() || null,
        city: values.city.trim() || null,
        costAmount: values.costAmount.trim() || null,
        costCurrency: values.costAmount.trim() ? values.costCurrency.trim().toUpperCase() : null,
        report: values.report.trim() || null,
      };
      return internship
        ? api<Internship>('PUT', `/internships/${encodeURIComponent(internship.id)}`, body)
        : api<Internship>('POST', '/internships', body);
    },
    onSuccess: onSaved,
    onError: (error) => form.setErrors(fieldErrorsOf(t, error)),
  });
  return (
    <Modal
      opened
      size="lg"
      onClose={onClose}
      title={t(internship ? 'missionReporting.internships.editTitle' : 'missionReporting.internships.addTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      centered
    >
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <Stack gap="sm">
          <Radio.Group label={t('missionReporting.internships.kind')} required {...form.getInputProps('kind')}>
            <Group gap="md" mt={4}>
              <Radio value="training" label={t('missionReporting.internships.kinds.training')} />
              <Radio value="internship" label={t('missionReporting.internships.kinds.internship')} />
            </Group>
          </Radio.Group>
          <Group grow align="flex-start">
            <Select
              label={t('missionReporting.internships.programme')}
              data={programmes}
              allowDeselect={false}
              required
              {...form.getInputProps('programmeId')}
            />
            <Select
              label={t('missionReporting.internships.institution')}
              data={institutions}
              searchable
              required
              {...form.getInputProps('institutionId')}
            />
          </Group>
          <Group grow align="flex-start">
            <TextInput
              label={t('missionReporting.internships.trainee')}
              maxLength={200}
              required
              {...form.getInputProps('traineeName')}
            />
            <TextInput
              label={t('missionReporting.internships.traineeEmail')}
              type="email"
              dir="ltr"
              maxLength={254}
              {...form.getInputProps('traineeEmail')}
            />
          </Group>
          <TextInput
            label={t('missionReporting.internships.partner')}
            maxLength={300}
            required
            {...form.getInputProps('partnerInstitution')}
          />
          <Group grow align="flex-start">
            <Select
              label={t('missionReporting.rates.country')}
              data={optionsOf(countries.items, i18n.language)}
              searchable
              required
              {...form.getInputProps('country')}
            />
            <TextInput label={t('missionReporting.rates.city')} maxLength={120} {...form.getInputProps('city')} />
          </Group>
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label={t('missionReporting.internships.startsOn')}
              required
              {...form.getInputProps('startsOn')}
            />
            <TextInput
              type="date"
              label={t('missionReporting.internships.endsOn')}
              required
              {...form.getInputProps('endsOn')}
            />
          </Group>
          <TextInput
            label={t('missionReporting.internships.topic')}
            maxLength={500}
            required
            {...form.getInputProps('topic')}
          />
          <Group grow align="flex-start">
            <TextInput
              label={t('missionReporting.internships.cost')}
              description={t('missionReporting.costs.amountHelp')}
              inputMode="decimal"
              dir="ltr"
              {...form.getInputProps('costAmount')}
            />
            <TextInput
              label={t('missionReporting.costs.currency')}
              description={t('missionReporting.costs.currencyHelp')}
              maxLength={3}
              dir="ltr"
              {...form.getInputProps('costCurrency')}
            />
          </Group>
          <Textarea
            label={t('missionReporting.internships.report')}
            autosize
            minRows={3}
            maxLength={20000}
            {...form.getInputProps('report')}
          />
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
