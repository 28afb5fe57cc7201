// The status grid (GET /v1/status): the 22 items by the four cities, each cell linking to the item's page and saying
// how long a problem has lasted; a filter to the items that need attention; and the three cross-city flows.

import { getJson } from "./api.js";
import { el } from "./dom.js";
import { flowMatrix } from "./flows.js";
import {
  t, STATUSES, statusLabel, statusSymbol, statusMeaning, cityName, itemTitle, domainName, time, duration,
  isoDuration, dateTime
} from "./i18n.js";

const TROUBLE = ["LAGGING", "STALE"];

/** Since when a cell has been in its status: the earliest of its indicators now in that status. */
export function cellSince(cell) {
  const times = cell.indicators.filter(i => i.status === cell.status && i.since).map(i => Date.parse(i.since));
  return times.length ? new Date(Math.min(...times)) : null;
}

/** "Lagging since 14:05 (2 h)" for a status that is a problem; the bare status otherwise. */
export function statusWithSince(status, since) {
  const label = statusLabel(status);
  if (!TROUBLE.includes(status) || !since) return label;
  return `${label} ${t("sinceAt", time(since), duration(Date.now() - since.getTime()))}`;
}

/** The status as symbol and words, never colour alone. */
export function statusBadge(status) {
  return el("span", { class: `status status-${status}`, dataset: { status } },
    el("span", { class: "symbol", "aria-hidden": "true", text: statusSymbol(status) }),
    el("span", { class: "status-text", text: statusLabel(status) }));
}

export class GridView {
  constructor(params) {
    this.attentionOnly = params.get("attention") === "1";
    this.grid = null;
    this.flows = null;
    this.element = el("div", { class: "grid-view" });
  }

  title() {
    return `${t("itemsByCity")} · ${t("title")}`;
  }

  focusHeading() {
    const heading = this.element.querySelector("h2");
    if (heading) heading.focus();
  }

  close() {
  }

  /** Reads the grid and the flows; resolves to whether any of it came from a standby copy. */
  async refresh() {
    const [status, flows] = await Promise.all([getJson("/v1/status"), getJson("/v1/flows")]);
    this.grid = status.body;
    this.flows = flows.body;
    this.render();
    return status.stale || flows.stale;
  }

  render() {
    const focused = document.activeElement && this.element.contains(document.activeElement)
      ? document.activeElement.dataset.key : null;
    if (!this.grid) {
      this.element.replaceChildren(el("h2", { tabindex: "-1", text: t("itemsByCity") }),
        el("p", { class: "muted", text: t("loading") }));
      return;
    }
    this.element.replaceChildren(this.summary(), this.table(), this.flowSection());
    if (focused) {
      const again = this.element.querySelector(`[data-key="${focused}"]`);
      if (again) again.focus();
    }
  }

  summary() {
    const grid = this.grid;
    const needing = grid.items.filter(needsAttention).length;
    const silent = grid.cities.filter(c => c.silent);
    const silentAfter = isoDuration(grid.silentAfter);
    const filter = el("input", {
      type: "checkbox", id: "attention-only", checked: this.attentionOnly, dataset: { key: "attention-only" },
      onchange: event => this.setAttentionOnly(event.target.checked)
    });
    return el("section", { class: "summary", "aria-labelledby": "summary-title" },
      el("h2", { id: "summary-title", class: "visually-hidden", tabindex: "-1", text: t("summary") }),
      el("ul", { class: "legend", id: "legend" }, STATUSES.map(status => el("li", {
        class: `status-${status}`, title: statusMeaning(status), dataset: { status }
      }, statusBadge(status),
        ` ${t("indicators", grid.summary.indicators[status])} · ${t("cells", grid.summary.cells[status])}`))),
      el("div", { class: "summary-line" },
        el("p", { id: "attention", text: needing === 0 ? t("nothingNeedsAttention") : t("attentionCount", needing) }),
        el("p", { class: "filter" }, filter, el("label", { for: "attention-only", text: ` ${t("needsAttention")}` }))),
      el("p", { id: "silent" }, el("strong", { text: `${t("silentCities")}: ` }),
        silent.length === 0 ? t("noSilentCity", silentAfter)
          : silent.map(c => `${cityName(c)} (${t("lastEvent")}: ${time(c.lastEventAt)})`)
            .join("; ")));
  }

  setAttentionOnly(on) {
    this.attentionOnly = on;
    document.dispatchEvent(new CustomEvent("hbew:address", { detail: on ? "/?attention=1" : "/" }));
    this.render();
  }

  table() {
    const grid = this.grid;
    const rows = grid.items.filter(row => !this.attentionOnly || needsAttention(row));
    const table = el("table", { id: "grid", class: "grid", "aria-describedby": "grid-help" },
      el("thead", {}, el("tr", {}, el("th", { scope: "col", text: t("item") }),
        grid.cities.map(city => el("th", { scope: "col", dataset: { city: city.code } }, cityName(city),
          city.silent ? el("span", { class: "badge", text: t("silent") }) : null)))),
      el("tbody", {}, rows.map((row, r) => this.row(row, r))));
    table.addEventListener("keydown", event => moveWithArrows(event, table));
    return el("section", { "aria-labelledby": "grid-title" },
      el("h2", { id: "grid-title", text: t("itemsByCity") }),
      el("p", { id: "grid-help", class: "grid-help muted", text: t("gridCaption") }),
      el("div", { class: "scroll" }, table));
  }

  row(row, r) {
    const names = Object.fromEntries(this.grid.cities.map(c => [c.code, cityName(c)]));
    return el("tr", { dataset: { item: row.item } },
      el("th", { scope: "row" },
        el("a", {
          href: `/items/${row.item}`, "data-nav": true, class: "item-link",
          dataset: { key: `item:${row.item}`, row: r, col: 0 }
        }, el("span", { class: "num", text: `${row.item}.` }), " ", el("span", { class: "title", text: itemTitle(row) })),
        el("span", { class: "domain", text: domainName(row.domain) })),
      row.cities.map((cell, c) => {
        const since = cellSince(cell);
        const trouble = TROUBLE.includes(cell.status) && since;
        const label = `${t("item")} ${row.item}, ${names[cell.city]}: ${statusWithSince(cell.status, since)}`;
        return el("td", { class: `cell status-${cell.status}`, dataset: { item: row.item, city: cell.city, status: cell.status } },
          el("a", {
            href: `/items/${row.item}?city=${cell.city}`, "data-nav": true, class: "cell-link", "aria-label": label,
            title: statusWithSince(cell.status, since), dataset: { key: `cell:${row.item}:${cell.city}`, row: r, col: c + 1 }
          },
          statusBadge(cell.status),
          trouble ? el("span", { class: "since", text: duration(Date.now() - since.getTime()) }) : null));
      }));
  }

  flowSection() {
    if (!this.flows) return null;
    const view = this.flows;
    const names = Object.fromEntries(this.grid.cities.map(c => [c.code, cityName(c)]));
    return el("section", { "aria-labelledby": "flows-title" },
      el("h2", { id: "flows-title", text: t("flowsTitle") }),
      el("p", { id: "flows-window", class: "muted",
        text: t("flowsWindow", view.window, dateTime(view.windowStart), dateTime(view.windowEnd)) }),
      el("div", { class: "flows" }, view.flows.map(m => flowMatrix(m, view.cities, names, 3))));
  }
}

function needsAttention(row) {
  return row.cities.some(cell => TROUBLE.includes(cell.status));
}

/** Arrow keys move between the grid's links, as in a spreadsheet; Home and End go to the row's ends. */
function moveWithArrows(event, table) {
  const from = event.target.closest("a[data-row]");
  if (!from) return;
  const moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
  let row = Number(from.dataset.row);
  let col = Number(from.dataset.col);
  if (moves[event.key]) {
    row += moves[event.key][0];
    col += moves[event.key][1];
  } else if (event.key === "Home") {
    col = 0;
  } else if (event.key === "End") {
    col = table.querySelectorAll(`a[data-row="${row}"]`).length - 1;
  } else {
    return;
  }
  const target = table.querySelector(`a[data-row="${row}"][data-col="${col}"]`);
  if (target) {
    event.preventDefault();
    target.focus();
  }
}
