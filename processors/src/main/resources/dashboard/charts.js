// Line charts of an indicator over time with uPlot (loaded by the page as the global `uPlot`, from the jar). The
// x axis is window starts in seconds; times are drawn in the cities' time zone.

import { TIME_ZONE, axisTime, compactNumber, number, t } from "./i18n.js";

const HEIGHT = 240;

/** Axis labels: "25M" or "2500万" for large numbers, enough decimals to tell 0.95 from 0.9 for small ones. */
function axisNumber(value) {
  return Math.abs(value) >= 10000 ? compactNumber(value) : number(value, 3);
}

/**
 * Draws series over the same x values into `container` and keeps the chart as wide as its container.
 *
 * @param series [{ label, values, color, width, dash }]
 * @returns an object with close(), to stop following the container's width
 */
export function lineChart(container, x, series, window) {
  const options = {
    width: Math.max(280, container.clientWidth),
    height: HEIGHT,
    tzDate: seconds => uPlot.tzDate(new Date(seconds * 1000), TIME_ZONE),
    scales: { x: { time: true, range: [x[0], x[x.length - 1]] } },
    cursor: { focus: { prox: 16 } },
    legend: { live: true },
    series: [
      { label: t("windowStart"), value: (u, v) => (v == null ? "–" : axisTime(new Date(v * 1000), window)) },
      ...series.map(s => ({
        label: s.label,
        stroke: s.color,
        width: s.width || 2,
        dash: s.dash,
        points: { show: !s.dash, size: 5 },
        value: (u, v) => (v == null ? "–" : number(v))
      }))
    ],
    axes: [
      { values: (u, splits) => splits.map(s => axisTime(new Date(s * 1000), window)), space: window === "1d" ? 60 : 110 },
      { values: (u, splits) => splits.map(axisNumber), size: 60 }
    ]
  };
  const chart = new uPlot(options, [x, ...series.map(s => s.values)], container);
  const resize = new ResizeObserver(() => {
    const width = Math.max(280, container.clientWidth);
    if (width !== chart.width) chart.setSize({ width, height: HEIGHT });
  });
  resize.observe(container);
  return {
    close() {
      resize.disconnect();
      chart.destroy();
    }
  };
}
