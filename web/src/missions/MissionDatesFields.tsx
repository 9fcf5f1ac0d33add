import { NumberInput, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { fieldErrorsOf } from '../api/errors.tsx';

/** The dates part of a mission form. */
export interface MissionDates {
  startsOn: string;
  endsOn: string;
  workingDays: number | string;
}

/** Client-side checks of the dates part (the server checks the window, the order and overlaps). */
export function missionDatesRules(t: TFunction) {
  return {
    startsOn: (value: string) => (value ? null : t('validation.required')),
    endsOn: (value: string) => (value ? null : t('validation.required')),
    workingDays: (value: number | string) => (Number(value) >= 1 ? null : t('validation.required')),
  };
}

/**
 * A refusal of mission dates as field errors: an overlap names the other mission next to the start, and "out of
 * range" on working days says which range (the days the dates hold).
 */
export function missionDatesErrorsOf(t: TFunction, error: unknown): Record<string, string> {
  if (error instanceof ApiError && error.code === 'mission_overlap') {
    const reference = error.fields[0]?.message ?? '';
    return { startsOn: t('missions.create.overlapWith', { reference }) };
  }
  const errors = fieldErrorsOf(t, error);
  if (error instanceof ApiError && error.fields.some((f) => f.path === 'workingDays' && f.code === 'out_of_range')) {
    errors.workingDays = t('missions.create.tooManyDays');
  }
  return errors;
}

/** First day, last day (bounded by the ToR's window) and working days, bound to `form`. */
export function MissionDatesFields<Values extends MissionDates>({
  form,
  window,
}: {
  form: UseFormReturnType<Values>;
  window: { startsOn: string; endsOn: string };
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        type="date"
        label={t('missions.create.startsOn')}
        required
        min={window.startsOn}
        max={window.endsOn}
        data-autofocus
        {...form.getInputProps('startsOn')}
      />
      <TextInput
        type="date"
        label={t('missions.create.endsOn')}
        required
        min={window.startsOn}
        max={window.endsOn}
        {...form.getInputProps('endsOn')}
      />
      <NumberInput
        label={t('missions.create.workingDays')}
        description={t('missions.create.workingDaysHelp')}
        required
        min={1}
        max={260}
        allowDecimal={false}
        {...form.getInputProps('workingDays')}
      />
    </>
  );
}
