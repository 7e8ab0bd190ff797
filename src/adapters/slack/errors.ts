/**
 * What went wrong when Slack refused something: a Web API error (from @slack/web-api) or a failed response_url
 * post (an axios error from Bolt's respond()). Pure, so the wording can be tested without a network.
 */

export interface SlackFailure {
  /** Stable short code for logs: "rate_limited", "expired_url", "invalid_auth", "not_in_channel", … */
  code: string;
  /** One sentence for the user, after "Slack refused the answer: ". */
  reason: string;
  /** HTTP status, where there was one. */
  status?: number;
  /** Seconds Slack asked us to wait (429 Retry-After). */
  retryAfter?: number;
}

const AUTH_ERRORS = new Set(["invalid_auth", "not_authed", "token_revoked", "token_expired", "account_inactive"]);

/** Slack says the token itself is bad: retrying will not help. */
export function isAuthFailure(failure: SlackFailure): boolean {
  return AUTH_ERRORS.has(failure.code);
}

export function describeSlackFailure(error: unknown): SlackFailure {
  const e = (error ?? {}) as Record<string, unknown>;
  // @slack/web-api: rejectRateLimitedCalls turns a 429 into this error, with Retry-After in seconds.
  if (e.code === "slack_webapi_rate_limited_error") {
    const retryAfter = typeof e.retryAfter === "number" ? e.retryAfter : undefined;
    return rateLimited(retryAfter);
  }
  if (e.code === "slack_webapi_platform_error") {
    const data = (e.data ?? {}) as Record<string, unknown>;
    return platformError(typeof data.error === "string" ? data.error : "unknown_error");
  }
  if (e.code === "slack_webapi_http_error") {
    const status = typeof e.statusCode === "number" ? e.statusCode : undefined;
    return httpFailure(status, undefined);
  }
  // axios (Bolt's respond() posting to the response_url).
  if (e.isAxiosError === true) {
    const response = e.response as { status?: number; headers?: Record<string, unknown>; data?: unknown } | undefined;
    if (response?.status !== undefined) {
      const retry = Number(response.headers?.["retry-after"]);
      return httpFailure(response.status, Number.isFinite(retry) ? retry : undefined, response.data);
    }
  }
  const original = (e.original ?? e) as Record<string, unknown>;
  const code = typeof original.code === "string" ? original.code : "unknown_error";
  const message = error instanceof Error ? error.message : String(error);
  return { code, reason: `Slack could not be reached (${code === "unknown_error" ? message : code}).` };
}

function rateLimited(retryAfter: number | undefined): SlackFailure {
  const wait = retryAfter !== undefined ? ` Try again in ${retryAfter} s.` : " Try again in a moment.";
  return { code: "rate_limited", status: 429, retryAfter, reason: `too many messages at once.${wait}` };
}

function platformError(error: string): SlackFailure {
  if (AUTH_ERRORS.has(error)) {
    return { code: error, reason: `Dateline's Slack token is no longer valid (${error}); tell your Slack admin.` };
  }
  if (error === "not_in_channel") {
    return { code: error, reason: "Dateline is not a member of this channel. Invite it with `/invite @Dateline`." };
  }
  if (error === "channel_not_found") {
    return { code: error, reason: "Dateline cannot see this channel (it may be private). Invite it first." };
  }
  if (error === "ratelimited") return rateLimited(undefined);
  return { code: error, reason: `Slack answered \`${error}\`.` };
}

function httpFailure(status: number | undefined, retryAfter: number | undefined, body?: unknown): SlackFailure {
  if (status === 429) return rateLimited(retryAfter);
  if (status === 404 || status === 410 || (typeof body === "string" && body.includes("expired_url"))) {
    return { code: "expired_url", status, reason: "the answer came too late for this command; run it again." };
  }
  if (typeof body === "string" && AUTH_ERRORS.has(body.trim())) return { ...platformError(body.trim()), status };
  return { code: `http_${status ?? "error"}`, status, reason: `Slack answered with HTTP ${status ?? "error"}.` };
}
