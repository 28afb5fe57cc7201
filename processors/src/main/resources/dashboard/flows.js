// An origin→destination matrix of one cross-city flow, shown on the grid for all three flows and on the page of the
// flow's item.

import { el } from "./dom.js";
import { t, number, flowName, itemTitle } from "./i18n.js";

/** @param names city code to its name in the current language */
export function flowMatrix(matrix, cities, names, headingLevel) {
  const label = code => names[code] || code;
  const head = el("tr", {}, el("th", { scope: "col", text: t("fromTo") }),
    cities.map(c => el("th", { scope: "col", text: label(c) })));
  const rows = cities.map((from, i) => el("tr", {},
    el("th", { scope: "row", text: label(from) }),
    cities.map((to, j) => i === j
      ? el("td", { class: "diagonal", text: "—", title: t("sameCity") })
      : el("td", { dataset: { from, to } },
        el("span", { class: "events", text: t("events", matrix.events[i][j]) }),
        el("span", { class: "detail", text: t("completed", matrix.completed[i][j]) }),
        matrix.flow === "medical.settlement"
          ? el("span", { class: "detail", text: `${number(matrix.amount[i][j])} ${t("cny")}` }) : null))));
  const totals = matrix.totals;
  return el("figure", { class: "flow", dataset: { flow: matrix.flow } },
    el(`h${headingLevel}`, { text: `${flowName(matrix.flow)} · ${t("item")} ${matrix.item}` }),
    el("p", { class: "muted", text: itemTitle(matrix) }),
    el("p", { text: t("flowTotals", totals.events, totals.completed)
      + (matrix.flow === "medical.settlement" ? ` · ${number(totals.amount)} ${t("cny")}` : "") }),
    el("div", { class: "scroll" }, el("table", {}, el("thead", {}, head), el("tbody", {}, rows))));
}
