// A small helper to build elements without HTML strings, so no value from the API is ever parsed as markup.

/**
 * el("a", { href: "/items/2", class: "cell", text: "…", dataset: { item: 2 } }, child, …): attributes that are
 * null, undefined or false are left out; true gives an empty attribute.
 */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") node.className = value;
    else if (name === "text") node.textContent = value;
    else if (name === "dataset") Object.entries(value).forEach(([k, v]) => { node.dataset[k] = v; });
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

/** Text only screen readers read. */
export function hidden(text) {
  return el("span", { class: "visually-hidden", text });
}
