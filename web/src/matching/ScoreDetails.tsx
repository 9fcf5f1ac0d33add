import { List, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../shell/format.ts';
import type { ScoreComponent } from './types.ts';
import type { useExplain } from './useExplain.ts';

/** A score as a bar and a percentage, readable without colour. */
export function ScoreBar({ score, label }: { score: number; label: string }) {
  const { i18n } = useTranslation();
  const percent = Math.round(score * 100);
  return (
    <div>
      <Text size="sm" fw={600}>
        {formatPercent(percent / 100, i18n.language)}
      </Text>
      <Progress value={percent} size="sm" aria-label={label} />
    </div>
  );
}

/** Each component of a score: what it weighs, what it found. Components that do not apply are left out. */
export function ScoreDetails({
  components,
  explain,
}: {
  components: ScoreComponent[];
  explain: ReturnType<typeof useExplain>;
}) {
  return (
    <List size="sm" spacing={2}>
      {components
        .filter((component) => component.weight > 0)
        .map((component) => (
          <List.Item key={component.name}>
            <Text span size="sm" fw={600}>
              {explain.component(component.name, component.value, component.weight)}
            </Text>{' '}
            <Text span size="sm">
              {explain.explanation(component.explanation)}
            </Text>
          </List.Item>
        ))}
    </List>
  );
}
