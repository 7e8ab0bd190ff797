/**
 * What the Slack app answers: every command as a slash command, and the buttons. Every handler acknowledges first,
 * so Slack's 3 seconds are kept however slow the command, then runs the command through the BotCore and answers
 * through the response_url (answers.ts). The buttons carry everything they need in their value (core/actions.ts),
 * so they keep working after a restart.
 */
import type { App, BlockAction, ButtonAction, RespondArguments, RespondFn, SlashCommand, webApi } from "@slack/bolt";
import { decodeAction } from "../../core/actions.js";
import type { BotCore, Origin } from "../../core/bot.js";
import type { Logger } from "../../core/log.js";
import type { Reply } from "../../core/reply.js";
import { failureFields, type SlackAnswers, type Target } from "./answers.js";
import { ACTION_IDS, type SlackMessage } from "./blocks.js";
import { describeSlackFailure } from "./errors.js";
import { renderSlack } from "./render.js";

interface Handling {
  app: App;
  bot: BotCore;
  answers: SlackAnswers;
  web: webApi.WebClient;
  log: Logger;
}

/** Every listed command as a slash command, and any other slash command the workspace sends. */
export function handleCommands({ app, bot, answers, log }: Handling): void {
  const run = async (name: string, command: SlashCommand, respond: RespondFn): Promise<void> => {
    const origin: Origin = {
      platform: "slack",
      user: { id: command.user_id, name: command.user_name },
      channel: command.channel_id || null,
      // A private note through the response_url (one of its five uses); the answer follows as a message of its own.
      notify: async (text) => {
        try {
          await respond({ response_type: "ephemeral", replace_original: false, text });
        } catch (error) {
          log.warn("could not tell the user the answer is coming", { command: name, ...failureFields(describeSlackFailure(error)) });
        }
      },
    };
    const outcome = await bot.run(`/${name} ${unescapeSlack(command.text ?? "")}`, origin);
    const target = { respond, user: command.user_id, channel: origin.channel };
    await answers.respond(target, asResponse(outcome.reply), { command: name });
  };

  const registered = new Set(bot.commands.map((meta) => meta.name));
  for (const name of registered) {
    app.command(`/${name}`, async ({ command, ack, respond }) => {
      await ack();
      await answers.track(() => run(name, command, respond));
    });
  }
  // A slash command the workspace has but the list does not (renamed, or a hidden one added by hand) still gets
  // an answer in time: the dispatcher runs hidden commands and explains unknown ones.
  app.command(/^\/[\w-]+$/, async ({ command, ack, respond }) => {
    const name = command.command.slice(1).toLowerCase();
    if (registered.has(name)) return;
    await ack();
    await answers.track(() => run(name, command, respond));
  });
}

/**
 * "More results", "Compare wordings", a quotation's "Context" and "Copy citation" answer privately with the
 * command their value carries; "Share in channel" posts the answer publicly.
 */
export function handleButtons({ app, bot, answers, web, log }: Handling): void {
  for (const kind of ["more", "expand", "context", "cite"] as const) {
    app.action<BlockAction<ButtonAction>>(ACTION_IDS[kind], async ({ ack, body, action, respond }) => {
      await ack();
      await answers.track(async () => {
        const target: Target = { respond, user: body.user.id, channel: body.channel?.id ?? null };
        const payload = decodeAction(action.value ?? "");
        if (!payload) return answers.respond(target, expiredButton(), { action: kind });
        const outcome = await bot.run(`/${payload.c} ${payload.t}`, originOf(body, payload.p));
        const message = renderSlack({ ...outcome.reply, visibility: "private" });
        await answers.respond(target, { response_type: "ephemeral", replace_original: false, ...message }, {
          action: kind,
          command: payload.c,
        });
      });
    });
  }

  app.action<BlockAction<ButtonAction>>(ACTION_IDS.share, async ({ ack, body, action, respond }) => {
    await ack();
    await answers.track(async () => {
      const target: Target = { respond, user: body.user.id, channel: body.channel?.id ?? null };
      const fields = { action: "share" };
      const payload = decodeAction(action.value ?? "");
      if (!payload) return answers.respond(target, expiredButton(), fields);
      const outcome = await bot.run(`/${payload.c} ${payload.t}`, originOf(body, payload.p));
      if (!outcome.ok) return answers.respond(target, asResponse(outcome.reply), fields);
      const message = renderSlack(forChannel(outcome.reply), { sharedBy: body.user.id });
      const publicly: RespondArguments = { response_type: "in_channel", replace_original: false, ...message };
      if (!target.channel) return answers.respond(target, publicly, fields);
      try {
        await web.chat.postMessage({ channel: target.channel, ...message, unfurl_links: false, unfurl_media: false });
      } catch (error) {
        const failure = describeSlackFailure(error);
        // The bot cannot post in private channels and DMs it is not a member of; the response_url can.
        if (failure.code === "not_in_channel" || failure.code === "channel_not_found") {
          log.info("sharing through the response_url", { ...fields, ...failureFields(failure) });
          return answers.respond(target, publicly, fields);
        }
        await answers.tellRefusal(target, error, { ...fields, command: payload.c }, true);
      }
    });
  });
}

function asResponse(reply: Reply): RespondArguments {
  const message: SlackMessage = renderSlack(reply);
  return { response_type: reply.visibility === "public" ? "in_channel" : "ephemeral", replace_original: false, ...message };
}

/** A public copy: no "Share in channel" button on what is already shared. */
export function forChannel(reply: Reply): Reply {
  const blocks = reply.blocks
    .map((b) => (b.type === "actions" ? { ...b, actions: b.actions.filter((a) => a.kind !== "share") } : b))
    .filter((b) => b.type !== "actions" || b.actions.length > 0);
  return { ...reply, visibility: "public", blocks };
}

function expiredButton(): RespondArguments {
  return {
    response_type: "ephemeral",
    replace_original: false,
    text: "That button no longer works. Please run the command again.",
  };
}

function originOf(body: BlockAction, page: number): Origin {
  return {
    platform: "slack",
    user: { id: body.user.id, name: body.user.username ?? body.user.name },
    channel: body.channel?.id ?? null,
    page,
  };
}

/** Slack sends `&`, `<`, `>` in slash command text HTML-escaped; commands want the text as typed. */
export function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}
