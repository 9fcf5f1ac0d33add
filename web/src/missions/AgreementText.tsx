import { List, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * An agreement part as the template writes it: one line a paragraph, `# ` the title, `## ` a heading, `- ` a list
 * item, a blank line a gap. Rendered as text (never as HTML): the mission's facts inside it are user input.
 */
export function AgreementText({ text }: { text: string }) {
  const blocks: ReactNode[] = [];
  let items: string[] = [];
  const flush = () => {
    if (!items.length) return;
    blocks.push(
      <List key={`list-${blocks.length}`} size="sm" withPadding>
        {items.map((item, index) => (
          <List.Item key={index}>{item}</List.Item>
        ))}
      </List>,
    );
    items = [];
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('- ')) {
      items.push(line.slice(2));
      continue;
    }
    flush();
    const key = `block-${blocks.length}`;
    if (line.startsWith('## ')) {
      blocks.push(
        <Title key={key} order={4} size="h6" mt="xs">
          {line.slice(3)}
        </Title>,
      );
    } else if (line.startsWith('# ')) {
      blocks.push(
        <Title key={key} order={3} size="h5">
          {line.slice(2)}
        </Title>,
      );
    } else if (line.trim()) {
      blocks.push(
        <Text key={key} size="sm">
          {line}
        </Text>,
      );
    }
  }
  flush();
  return <Stack gap={6}>{blocks}</Stack>;
}
