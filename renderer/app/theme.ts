import {
  createTheme,
  Drawer,
  mergeThemeOverrides,
  Modal,
  Notification,
  type CSSVariablesResolver,
} from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  // The darkest shades keep white text on filled buttons and badges above 4.5:1 in both
  // schemes; autoContrast writes dark text on the light ones (yellow).
  primaryShade: { light: 9, dark: 8 },
  autoContrast: true,
  // Modals and notifications appear without sliding in for operators who asked the system
  // for less motion.
  respectReducedMotion: true,
  defaultRadius: 'md',
  cursorType: 'pointer',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  fontFamilyMonospace: 'ui-monospace, "Cascadia Code", "Source Code Pro", Menlo, Consolas, monospace',
  headings: { fontWeight: '650' },
});

/** The theme with the names Mantine's own controls carry, in the operator's language. */
export function localizedTheme(labels: { close: string }) {
  return mergeThemeOverrides(
    theme,
    createTheme({
      components: {
        Notification: Notification.extend({
          defaultProps: { closeButtonProps: { 'aria-label': labels.close } },
        }),
        Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': labels.close } } }),
        Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': labels.close } } }),
      },
    }),
  );
}

/** Mantine's "dimmed" grey reads below 4.5:1 on white and on dark cards; hints, descriptions
 * and captions use these shades instead, which keep WCAG AA contrast in both schemes. */
export const readableColors: CSSVariablesResolver = (current) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    ...lightVariantsReadable(Object.keys(current.colors)),
  },
  dark: { '--mantine-color-dimmed': 'var(--mantine-color-dark-1)' },
});

/** Light badges, alerts and buttons in the light scheme: their text (shade 9) on the palest
 * shade, and the yellows' text darker still, since yellow 9 on pale yellow reads at 2.7:1. */
function lightVariantsReadable(colors: string[]): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const color of colors) {
    variables[`--mantine-color-${color}-light`] = `var(--mantine-color-${color}-0)`;
    variables[`--mantine-color-${color}-light-hover`] = `var(--mantine-color-${color}-1)`;
  }
  for (const color of ['yellow', 'orange', 'lime'])
    variables[`--mantine-color-${color}-light-color`] = '#6b3f00';
  return variables;
}
