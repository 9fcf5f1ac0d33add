import { Alert, createTheme, type CSSVariablesResolver } from '@mantine/core';

/**
 * Shade 8 of the primary colour: Mantine's default shade 6 gives white button text a contrast below 4.5:1,
 * which fails WCAG AA.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 4 },
  focusRing: 'auto',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", "Geeza Pro", Tahoma, Arial, sans-serif',
  headings: { fontWeight: '650' },
  defaultRadius: 'sm',
  components: {
    // Tinted alerts keep their coloured background and border, but text in the tint's own colour (yellow on
    // pale yellow) falls under 4.5:1, so titles and messages are near-black.
    Alert: Alert.extend({
      styles: { title: { color: 'var(--mantine-color-gray-9)' }, message: { color: 'var(--mantine-color-gray-9)' } },
    }),
  },
});

/** The default "dimmed" grey is too light on white for body text (3.3:1); shade 7 passes AA. */
export const cssVariablesResolver: CSSVariablesResolver = (current) => ({
  variables: {},
  light: { '--mantine-color-dimmed': current.colors.gray[7]! },
  dark: {},
});
