// Reading the query API of the instance that served the page, and telling apart the ways a read can fail: the
// instance cannot be reached (network error), it is rebalancing (503 with Retry-After), or it refused the request.

export class ApiFailure extends Error {
  /** @param kind "unreachable", "rebalancing" or "refused"; status is the HTTP status, if there was an answer */
  constructor(kind, message, status) {
    super(message);
    this.kind = kind;
    this.status = status;
  }
}

/** GET a JSON body; resolves to { body, stale } where stale is the X-Data-Stale header (a standby read). */
export async function getJson(path) {
  let response;
  try {
    response = await fetch(path, { cache: "no-store", headers: { Accept: "application/json" } });
  } catch (e) {
    throw new ApiFailure("unreachable", e.message);
  }
  let body = null;
  try { body = await response.json(); } catch (e) { body = null; }
  if (response.status === 503) {
    throw new ApiFailure("rebalancing", body && body.message ? body.message : response.statusText, 503);
  }
  if (!response.ok) {
    throw new ApiFailure("refused", `${response.status} ${body && body.message ? body.message : response.statusText}`,
      response.status);
  }
  return { body, stale: response.headers.get("X-Data-Stale") === "true" };
}
