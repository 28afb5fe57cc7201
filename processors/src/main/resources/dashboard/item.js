// One item of the agreement (/items/{n}): its title, domain and team; where each city stands and since when; each
// indicator charted against its target per city and for the region, in hourly windows over two days or daily
// windows over a month; and, for the three flow items, the origin→destination matrix of the current window.
//
// Statuses come from GET /v1/items/{n} at every refresh; the histories (GET /v1/items/{n}/cities/{city} and
// GET /v1/items/{n}/region) change slowly and are read again every HISTORY_MS or when the window choice changes.

import { ApiFailure, getJson } from "./api.js";
import { el } from "./dom.js";
import { lineChart } from "./charts.js";
import { flowMatrix } from "./flows.js";
import { cellSince, statusBadge, statusWithSince } from "./grid.js";
import {
  t, cityName, itemTitle, domainName, teamName, indicatorTitle, unitName, windowName, statisticName, quantity, number, time,
  dateTime, duration
} from "./i18n.js";

const HISTORY_MS = 30000;
const RANGES = { "1h": 47 * 3600 * 1000, "1d": 29 * 86400 * 1000 };
const CITY_COLOURS = { hohhot: "#0550ae", baotou: "#8250df", ordos: "#bc4c00", ulanqab: "#1b7c83" };
const REGION_COLOUR = "#1f2328";
const TARGET_COLOUR = "#cf222e";
const ADDITIVE = ["count", "sum"];

function windowMs(name) {
  const m = /^(\d+)([mhd])$/.exec(name);
  return Number(m[1]) * { m: 60000, h: 3600000, d: 86400000 }[m[2]];
}

/**
 * A target as it applies to windows of size `window`: a count or sum target for a day is a 24th of it per hour;
 * a rate, a percentile or a level is the same whatever the window.
 */
function targetPer(target, aggregation, window) {
  if (!target) return null;
  const scale = ADDITIVE.includes(aggregation) ? windowMs(window) / windowMs(target.window) : 1;
  return { direction: target.direction, value: target.value * scale };
}

export class ItemView {
  constructor(number, params) {
    this.number = number;
    this.window = params.get("window") === "1d" ? "1d" : "1h";
    this.selectedCity = params.get("city");
    this.detail = null;
    this.history = null;
    this.historyAt = 0;
    this.flows = null;
    this.charts = [];
    this.openTables = new Set();
    this.missing = false;
    this.parts = null;
    this.renderedHistoryAt = -1;
    this.element = el("div", { class: "item-view" });
  }

  title() {
    const name = this.detail ? itemTitle(this.detail.item) : "";
    return `${t("item")} ${this.number}${name ? " · " + name : ""} · ${t("title")}`;
  }

  focusHeading() {
    const heading = this.element.querySelector("h2");
    if (heading) heading.focus();
  }

  close() {
    this.charts.forEach(c => c.close());
    this.charts = [];
  }

  async refresh() {
    let detail;
    try {
      detail = await getJson(`/v1/items/${this.number}`);
    } catch (e) {
      this.missing = e instanceof ApiFailure && e.status === 404;
      if (this.missing) this.render();
      throw e;
    }
    this.detail = detail.body;
    let stale = detail.stale;
    if (!this.history || this.history.window !== this.window || Date.now() - this.historyAt > HISTORY_MS) {
      const history = await this.readHistory();
      stale = stale || history.stale;
      this.history = history;
      this.historyAt = Date.now();
    }
    if (this.detail.item.flow) {
      const flows = await getJson(`/v1/flows?flow=${this.detail.item.flow}&window=${this.window}`);
      this.flows = flows.body;
      stale = stale || flows.stale;
    }
    if (this.historyAt === this.renderedHistoryAt && this.parts) {
      this.renderStatus();
    } else {
      this.render();
    }
    return stale;
  }

  async readHistory() {
    const from = new Date(Date.now() - RANGES[this.window]).toISOString();
    const window = this.window;
    const cities = this.detail.cities.map(c => c.city);
    const reads = await Promise.all([
      getJson(`/v1/items/${this.number}/region?window=${window}&from=${from}`),
      ...cities.map(city => getJson(`/v1/items/${this.number}/cities/${city}?window=${window}&from=${from}`))
    ]);
    const byCity = Object.fromEntries(cities.map((city, i) => [city, reads[i + 1].body.records]));
    return { window, region: reads[0].body.windows, byCity, stale: reads.some(r => r.stale) };
  }

  setWindow(window) {
    if (window === this.window) return;
    this.window = window;
    const params = new URLSearchParams();
    if (window !== "1h") params.set("window", window);
    if (this.selectedCity) params.set("city", this.selectedCity);
    const query = params.toString();
    document.dispatchEvent(new CustomEvent("hbew:address", { detail: `/items/${this.number}${query ? "?" + query : ""}` }));
    this.render();
    document.dispatchEvent(new CustomEvent("hbew:refresh"));
  }

  /** Everything anew: after the first read, a new history, or a change of language. */
  render() {
    const focused = this.focusedKey();
    this.close();
    const back = el("nav", { class: "breadcrumb" },
      el("a", { href: "/", "data-nav": true, dataset: { key: "back" }, text: `← ${t("allItems")}` }));
    if (!this.detail) {
      this.parts = null;
      this.element.replaceChildren(back, el("h2", { tabindex: "-1", text: `${t("item")} ${this.number}` }),
        el("p", { class: "muted", text: this.missing ? t("unknownItem", this.number) : t("loading") }));
      return;
    }
    const item = this.detail.item;
    this.parts = { cities: el("div", { class: "cities-part" }), flow: el("div", { class: "flow-part" }) };
    this.element.replaceChildren(back,
      el("h2", { id: "item-title", tabindex: "-1" }, el("span", { class: "num", text: `${item.number}.` }), " ",
        itemTitle(item)),
      el("p", { class: "meta" },
        el("span", {}, `${t("domain")}: `, el("strong", { text: domainName(item.domain) })), " · ",
        el("span", {}, `${t("team")}: `, el("strong", { text: teamName(item.team) }))),
      this.parts.cities,
      this.windowChoice(),
      ...item.indicators.map(indicator => this.indicatorSection(indicator)),
      this.parts.flow);
    this.renderedHistoryAt = this.historyAt;
    this.renderStatus();
    this.refocus(focused);
  }

  /** The statuses and the flow matrix only, at every refresh, leaving the charts as they are. */
  renderStatus() {
    const focused = this.focusedKey();
    this.parts.cities.replaceChildren(this.cityTable());
    this.parts.flow.replaceChildren(this.flowSection() || "");
    this.refocus(focused);
  }

  focusedKey() {
    return document.activeElement && this.element.contains(document.activeElement)
      ? document.activeElement.dataset.key : null;
  }

  refocus(key) {
    const again = key ? this.element.querySelector(`[data-key="${key}"]`) : null;
    if (again && again !== document.activeElement) again.focus();
  }

  cityTable() {
    const item = this.detail.item;
    return el("section", { "aria-labelledby": "cities-title" },
      el("h3", { id: "cities-title", text: t("citiesNow") }),
      el("div", { class: "scroll" }, el("table", { class: "cities", id: "item-cities" },
        el("thead", {}, el("tr", {}, el("th", { scope: "col", text: t("city") }),
          el("th", { scope: "col", text: t("overall") }),
          item.indicators.map(i => el("th", { scope: "col", text: indicatorTitle(i.code, i.title) })),
          el("th", { scope: "col", text: t("lastEvent") }))),
        el("tbody", {}, this.detail.cities.map(city => {
          const since = cellSince(city);
          const last = city.indicators.map(i => i.lastEventAt).filter(Boolean).sort().pop();
          return el("tr", { class: city.city === this.selectedCity ? "selected" : null, dataset: { city: city.city } },
            el("th", { scope: "row", text: cityName(city) }),
            el("td", { class: `status-${city.status}`, dataset: { status: city.status, label: t("overall") } },
              statusBadge(city.status),
              since && ["LAGGING", "STALE"].includes(city.status)
                ? el("span", { class: "since-long", text: ` ${t("sinceAt", time(since), duration(Date.now() - since))}` })
                : null),
            city.indicators.map(ind => el("td", {
              class: `status-${ind.status}`,
              dataset: { indicator: ind.indicator, status: ind.status, label: indicatorTitle(ind.indicator, ind.title) },
              title: statusWithSince(ind.status, ind.since ? new Date(ind.since) : null)
            }, statusBadge(ind.status),
              ind.value !== null && ind.value !== undefined
                ? el("span", { class: "value", text: quantity(ind.value, ind.unit) }) : null)),
            el("td", { class: "last-event", dataset: { label: t("lastEvent") }, text: last ? dateTime(last) : t("never") }));
        })))));
  }

  windowChoice() {
    const choice = (value, label) => el("label", { class: "choice" },
      el("input", {
        type: "radio", name: "chart-window", value, checked: this.window === value, dataset: { key: `window-${value}` },
        onchange: () => this.setWindow(value)
      }), ` ${label}`);
    return el("fieldset", { class: "window-choice" }, el("legend", { text: t("windowChoice") }),
      choice("1h", t("hourly")), choice("1d", t("daily")));
  }

  indicatorSection(indicator) {
    const window = this.window;
    const history = this.history && this.history.window === window ? this.history : null;
    const title = indicatorTitle(indicator.code, indicator.title);
    const cityTarget = targetPer(indicator.target, indicator.aggregation, window);
    const regionTarget = this.regionTarget(indicator, window);
    const section = el("section", { class: "indicator", dataset: { indicator: indicator.code } },
      el("h3", { text: title }),
      el("p", { class: "muted" }, this.targetText(indicator, cityTarget, regionTarget)));
    if (!history) {
      section.append(el("p", { class: "muted", text: t("loading") }));
      return section;
    }
    const series = this.series(indicator, history, cityTarget, regionTarget);
    // A count or sum of the region is about four times a city's: the region gets a chart of its own.
    const parts = ADDITIVE.includes(indicator.aggregation) ? ["cities", "region"] : ["all"];
    const charts = el("div", { class: `charts charts-${parts.length}` });
    for (const part of parts) {
      const lines = series.lines.filter(l => part === "all" || l.part === part);
      const points = Object.fromEntries(lines.filter(l => l.key).map(l => [l.key, l.values.filter(v => v !== null).length]));
      const figure = el("figure", {
        class: "chart", role: "img", "aria-label": t("chartLabel", title, windowName(window)),
        dataset: { indicator: indicator.code, part, window, points: JSON.stringify(points) }
      }, part === "all" ? null : el("figcaption", { text: part === "region" ? t("region") : t("cities") }));
      charts.append(figure);
      if (Object.values(points).every(n => n === 0)) {
        figure.append(el("p", { class: "muted", text: t("noFigures") }));
      } else {
        queueMicrotask(() => this.charts.push(lineChart(figure, series.x, lines, window)));
      }
    }
    section.append(charts, this.dataTable(series));
    return section;
  }

  /** The regional target: the cities' own targets added up for a count or sum, else the same bar as a city's. */
  regionTarget(indicator, window) {
    if (!indicator.target) return null;
    if (!ADDITIVE.includes(indicator.aggregation)) return targetPer(indicator.target, indicator.aggregation, window);
    const perCity = this.detail.cities.map(c => c.indicators.find(i => i.indicator === indicator.code))
      .map(cell => targetPer(cell && cell.target ? cell.target : indicator.target, indicator.aggregation, window));
    return { direction: indicator.target.direction, value: perCity.reduce((sum, target) => sum + target.value, 0) };
  }

  targetText(indicator, cityTarget, regionTarget) {
    const unit = unitName(indicator.unit);
    const per = t("perWindow", windowName(this.window));
    const statistic = statisticName(indicator.statistic);
    if (!cityTarget) return `${statistic}${unit ? " · " + unit : ""} · ${per} · ${t("noTarget")}`;
    const word = cityTarget.direction === "at_most" ? t("atMost") : t("atLeast");
    const both = ADDITIVE.includes(indicator.aggregation)
      ? `${t("cityTarget")} ${word} ${quantity(cityTarget.value, indicator.unit)} · ${t("regionTarget")} ${word} ${quantity(regionTarget.value, indicator.unit)}`
      : `${t("target")} ${word} ${quantity(cityTarget.value, indicator.unit)}`;
    return `${statistic} · ${per} · ${both}`;
  }

  /** The x values (window starts, in seconds) and one line per city, the region, and the targets. */
  series(indicator, history, cityTarget, regionTarget) {
    const code = indicator.code;
    const valueAt = new Map();
    const starts = new Set();
    for (const [city, records] of Object.entries(history.byCity)) {
      for (const r of records.filter(r => r.indicator === code)) {
        const start = Date.parse(r.windowStart) / 1000;
        starts.add(start);
        valueAt.set(`${city}@${start}`, r.value);
      }
    }
    for (const w of history.region) {
      const r = w.indicators.find(i => i.indicator === code);
      if (r) {
        const start = Date.parse(w.windowStart) / 1000;
        starts.add(start);
        valueAt.set(`region@${start}`, r.value);
      }
    }
    // The whole range, oldest window to the current one, so that a target line spans it even with few figures.
    const size = windowMs(history.window);
    const current = Math.floor(Date.now() / size) * size;
    starts.add((current - Math.floor(RANGES[history.window] / size) * size) / 1000);
    starts.add(current / 1000);
    const x = [...starts].sort((a, b) => a - b);
    const line = key => x.map(s => (valueAt.has(`${key}@${s}`) ? valueAt.get(`${key}@${s}`) : null));
    const additive = ADDITIVE.includes(indicator.aggregation);
    const lines = this.detail.cities.map(city => ({
      key: city.city, part: "cities", label: cityName(city), values: line(city.city),
      color: CITY_COLOURS[city.city] || "#57606a"
    }));
    lines.push({ key: "region", part: "region", label: t("region"), values: line("region"), color: REGION_COLOUR,
      width: 3 });
    if (cityTarget) {
      lines.push({ part: "cities", label: additive ? t("cityTarget") : t("target"), values: x.map(() => cityTarget.value),
        color: TARGET_COLOUR, dash: [6, 4] });
    }
    if (cityTarget && additive) {
      lines.push({ part: "region", label: t("regionTarget"), values: x.map(() => regionTarget.value),
        color: TARGET_COLOUR, dash: [6, 4] });
    }
    return { code, x, lines };
  }

  /** The chart's figures as a table, newest window first, for screen readers and for reading exact values. */
  dataTable(series) {
    const rows = series.x.map((s, i) => ({ s, i })).reverse();
    const details = el("details", { class: "figures", open: this.openTables.has(series.code) },
      el("summary", { text: t("showTable"), dataset: { key: `table-${series.code}` } }),
      el("div", { class: "scroll" }, el("table", {},
        el("thead", {}, el("tr", {}, el("th", { scope: "col", text: t("windowStart") }),
          series.lines.map(l => el("th", { scope: "col", text: l.label })))),
        el("tbody", {}, rows.map(({ s, i }) => el("tr", {},
          el("th", { scope: "row", text: dateTime(new Date(s * 1000).toISOString()) }),
          series.lines.map(l => el("td", { text: l.values[i] === null ? "–" : number(l.values[i]) }))))))));
    details.addEventListener("toggle", () => (details.open ? this.openTables.add(series.code)
      : this.openTables.delete(series.code)));
    return details;
  }

  flowSection() {
    if (!this.detail.item.flow || !this.flows) return null;
    const names = Object.fromEntries(this.detail.cities.map(c => [c.city, cityName(c)]));
    return el("section", { class: "item-flow" },
      el("h3", { text: t("flowMatrix") }),
      el("p", { class: "muted", text: t("flowsWindow", this.flows.window, dateTime(this.flows.windowStart), dateTime(this.flows.windowEnd)) }),
      this.flows.flows.map(m => flowMatrix(m, this.flows.cities, names, 4)));
  }
}
