/**
 * Badge backgrounds for white text. Mantine's green.9, orange.9 and yellow.9 give white text less than 4.5:1,
 * so status colours are darker tones checked at AA (each ≥ 5.5:1 against white).
 */
export const statusColors = {
  positive: '#2f6f3a',
  warning: '#a8430b',
  pending: '#8a5a00',
  negative: '#c92a2a',
  neutral: '#495057',
} as const;
