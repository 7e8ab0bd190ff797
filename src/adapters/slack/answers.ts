/**
 * Sending answers on Slack: through the response_url, a refusal logged and told to the user (through the
 * response_url if it still works, else ephemerally), and the answers in flight kept so that shutdown lets them finish.
 */
import type { RespondArguments, RespondFn, webApi } from "@slack/bolt";
import type { LogFields, Logger } from "../../core/log.js";
import { describeSlackFailure, type SlackFailure } from "./errors.js";

/** Where an answer goes: the response_url, else an ephemeral message to the user in the channel. */
export interface Target {
  respond: RespondFn;
  user: string;
  channel: string | null;
}

export class SlackAnswers {
  private readonly inflight = new Set<Promise<void>>();

  constructor(
    private readonly web: webApi.WebClient,
    private readonly log: Logger,
  ) {}

  /** Runs a handler's work, kept until it settles; a failure is logged, never thrown into Bolt. */
  track(work: () => Promise<void>): Promise<void> {
    const running = work()
      .catch((error: unknown) => this.log.error("Slack handler failed", { err: error }))
      .finally(() => this.inflight.delete(running));
    this.inflight.add(running);
    return running;
  }

  /** Settles once every answer in flight has. */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.inflight]);
  }

  /** Answers through the response_url; a refusal is told to the user ephemerally. */
  async respond(target: Target, message: RespondArguments, fields: LogFields): Promise<void> {
    try {
      await target.respond(message);
    } catch (error) {
      await this.tellRefusal(target, error, fields, false);
    }
  }

  /** Logs a refusal and tells the user, through the response_url if it still works, else ephemerally. */
  async tellRefusal(target: Target, error: unknown, fields: LogFields, respondWorks: boolean): Promise<void> {
    const failure = describeSlackFailure(error);
    this.log.error("Slack refused the answer", { ...fields, ...failureFields(failure), user: target.user });
    const text = `Slack refused the answer: ${failure.reason}`;
    try {
      if (respondWorks) {
        await target.respond({ response_type: "ephemeral", replace_original: false, text });
      } else if (target.channel) {
        await this.web.chat.postEphemeral({ channel: target.channel, user: target.user, text });
      }
    } catch (again) {
      this.log.warn("could not tell the user that Slack refused the answer", {
        ...fields,
        ...failureFields(describeSlackFailure(again)),
      });
    }
  }
}

export function failureFields(failure: SlackFailure): LogFields {
  return { code: failure.code, status: failure.status, retryAfter: failure.retryAfter, reason: failure.reason };
}
