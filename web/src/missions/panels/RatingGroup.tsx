import { Group, Radio } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const scale = [1, 2, 3, 4, 5] as const;

/** A 1–5 rating as a radio group: one named group per question, each choice with its word, keyboard-operable. */
export function RatingGroup({
  label,
  value,
  onChange,
  error,
  scaleKey,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  /** Where the five words of the scale are (`missionReporting.evaluation.scale`). */
  scaleKey: string;
}) {
  const { t } = useTranslation();
  return (
    <Radio.Group label={label} value={value} onChange={onChange} error={error} required>
      <Group gap="md" mt={4}>
        {scale.map((point) => (
          <Radio key={point} value={String(point)} label={t(`${scaleKey}.${point}`)} />
        ))}
      </Group>
    </Radio.Group>
  );
}
