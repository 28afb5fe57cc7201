// The operators' page: which view the address names (the grid at /, an item at /items/{n}), the language switch,
// and the live loop that refreshes the view every few seconds and says honestly how current its figures are.

import { ApiFailure } from "./api.js";
import { currentLanguage, initialLanguage, setLanguage, t, timeWithSeconds, duration, LANGUAGES } from "./i18n.js";
import { GridView } from "./grid.js";
import { ItemView } from "./item.js";

const REFRESH_MS = 5000;
/** Figures older than this are called out, whatever the reason. */
const OLD_AFTER_MS = 20000;

const main = document.getElementById("main");
const banner = document.getElementById("connection");
const connection = { state: "loading", updatedAt: null, failingSince: null, stale: false, message: null };
let view = null;
let timer = null;

function viewFor(location) {
  const item = /^\/items\/(\d+)\/?$/.exec(location.pathname);
  return item ? new ItemView(Number(item[1]), new URLSearchParams(location.search)) : new GridView(new URLSearchParams(location.search));
}

/** Shows the view the address names, at once from nothing, then keeps it fresh. */
function show(focusHeading) {
  if (view) view.close();
  view = viewFor(window.location);
  main.replaceChildren(view.element);
  view.render();
  document.title = view.title();
  if (focusHeading) view.focusHeading();
  refresh();
}

async function refresh() {
  clearTimeout(timer);
  const current = view;
  try {
    const stale = await current.refresh();
    if (current !== view) return;
    connection.state = stale ? "standby" : "live";
    connection.stale = stale;
    connection.updatedAt = new Date();
    connection.failingSince = null;
    connection.message = null;
    document.title = current.title();
  } catch (e) {
    if (current !== view) return;
    if (!(e instanceof ApiFailure)) throw e;
    if (connection.failingSince === null) connection.failingSince = new Date();
    connection.state = e.kind;
    connection.message = e.message;
  } finally {
    if (current === view) {
      renderConnection();
      timer = setTimeout(refresh, REFRESH_MS);
    }
  }
}

function renderConnection() {
  const updated = connection.updatedAt ? timeWithSeconds(connection.updatedAt) : t("nothingYet");
  const age = connection.updatedAt ? Date.now() - connection.updatedAt.getTime() : 0;
  let text;
  switch (connection.state) {
    case "live": text = t("connLive", updated, REFRESH_MS / 1000); break;
    case "standby": text = t("connStandby"); break;
    case "rebalancing": text = t("connRebalancing", updated); break;
    case "unreachable": text = t("connUnreachable", updated, timeWithSeconds(connection.failingSince)); break;
    case "refused": text = t("connError", connection.message); break;
    default: text = t("loading");
  }
  if (connection.state !== "live" && connection.state !== "loading" && age > OLD_AFTER_MS) {
    text += " " + t("connOld", duration(age));
  }
  banner.textContent = text;
  banner.dataset.state = connection.state;
  document.body.dataset.connection = connection.state;
}

function renderChrome() {
  document.getElementById("site-title").textContent = t("title");
  document.getElementById("subtitle").textContent = t("subtitle");
  document.getElementById("skip").textContent = t("skipToContent");
  document.getElementById("language").setAttribute("aria-label", t("languageSwitch"));
  document.getElementById("times-note").textContent = t("times");
  document.getElementById("charts-by").textContent = t("chartsBy");
  document.getElementById("licence").textContent = t("licence");
  for (const lang of LANGUAGES) {
    document.getElementById(`lang-${lang}`).setAttribute("aria-pressed", String(lang === currentLanguage()));
  }
}

function switchLanguage(lang) {
  setLanguage(lang, true);
  renderChrome();
  renderConnection();
  view.render();
  document.title = view.title();
}

/** Links marked data-nav change the view without reloading the page, so it stays live; others behave as links. */
document.addEventListener("click", event => {
  const link = event.target.closest("a[data-nav]");
  if (!link || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey
      || event.altKey) return;
  event.preventDefault();
  window.history.pushState({}, "", link.getAttribute("href"));
  show(true);
});
window.addEventListener("popstate", () => show(true));

/** Views that keep their own address (filters, the chart window) say so through this event. */
document.addEventListener("hbew:address", event => window.history.replaceState({}, "", event.detail));
/** Views ask for fresh figures at once, e.g. after the chart window changed. */
document.addEventListener("hbew:refresh", () => refresh());

for (const lang of LANGUAGES) {
  document.getElementById(`lang-${lang}`).addEventListener("click", () => switchLanguage(lang));
}
setLanguage(initialLanguage(), false);
renderChrome();
renderConnection();
show(false);
