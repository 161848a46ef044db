import { useMemo } from 'react';
import { useTheme } from '../../lib/theme.js';

export interface ChartTheme {
  series: string[];
  grid: string;
  text: string;
  negative: string;
  neutral: string;
  positive: string;
  tooltip: { background: string; border: string; color: string };
}

function read(styles: CSSStyleDeclaration, name: string, fallback: string): string {
  return styles.getPropertyValue(name).trim() || fallback;
}

/** Chart colours come from the design tokens, read when the theme changes (SVG attributes can't use var()). */
export function useChartTheme(): ChartTheme {
  const { resolved } = useTheme();
  return useMemo(() => {
    const s = getComputedStyle(document.documentElement);
    return {
      series: ['--chart-1', '--chart-2', '--chart-3', '--chart-4', '--chart-5', '--chart-6'].map((n, i) =>
        read(s, n, ['#3451d1', '#0f9d8a', '#e0803a', '#b04ac9', '#d0435b', '#6c8b1f'][i]),
      ),
      grid: read(s, '--chart-grid', '#e6e9ef'),
      text: read(s, '--text-muted', '#556072'),
      negative: read(s, '--danger', '#c0262d'),
      neutral: read(s, '--chart-neutral', '#a3abba'),
      positive: read(s, '--success', '#1d7c45'),
      tooltip: {
        background: read(s, '--surface', '#fff'),
        border: read(s, '--border', '#e1e4ea'),
        color: read(s, '--text', '#1b2130'),
      },
    };
    // `resolved` is the dependency on purpose: the CSS variables change with it.
  }, [resolved]);
}
