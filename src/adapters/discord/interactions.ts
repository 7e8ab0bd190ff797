/**
 * What Dateline does with each Discord interaction: slash commands, autocomplete, and the two buttons.
 * Every message goes through renderDiscord, so every message carries `allowed_mentions: {parse: []}`.
 */
import {
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type RepliableInteraction,
} from "discord.js";
import { describeDiscordError, interactionGone, userNotice } from "./api.js";
import { parseCustomId, resolveButton } from "./buttons.js";
import { chatText } from "./chat-text.js";
import { renderDiscord, type RenderOptions } from "./render.js";
import type { BotCore, Origin } from "../../core/bot.js";
import type { Logger } from "../../core/log.js";
import { privateReply, type Reply } from "../../core/reply.js";

export interface InteractionContext {
  bot: BotCore;
  log: Logger;
}

/** Discord allows at most 25 autocomplete choices, each name and value at most 100 characters. */
export const MAX_CHOICES = 25;
const MAX_CHOICE_LENGTH = 100;
/**
 * Results per page on Discord: five excerpts fit well inside the 10 embeds and 6,000 characters of one message.
 * Pages ("More results") are counted in this size, so it must not change between a message and its buttons.
 */
export const DISCORD_PAGE_SIZE = 5;

export async function handleInteraction(interaction: Interaction, ctx: InteractionContext): Promise<void> {
  try {
    if (interaction.isChatInputCommand()) await handleCommand(interaction, ctx);
    else if (interaction.isAutocomplete()) await handleAutocomplete(interaction, ctx);
    else if (interaction.isButton()) await handleButton(interaction, ctx);
    else ctx.log.debug("interaction ignored", { type: interaction.type });
  } catch (error) {
    await reportFailure(interaction, error, ctx);
  }
}

async function handleCommand(interaction: ChatInputCommandInteraction, ctx: InteractionContext): Promise<void> {
  const meta = ctx.bot.commands.find((c) => c.name === interaction.commandName);
  // Whether the answer is private is fixed by the deferral, so it follows the command's declared visibility.
  const ephemeral = meta?.visibility !== "public";
  await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  // A command Dateline does not know (stale registration) still goes to the dispatcher, which explains.
  const params = meta?.params ?? interaction.options.data.map((o) => ({ name: o.name }));
  const text = chatText(interaction.commandName, params, (name) => optionString(interaction, name));
  // A note that the answer is coming edits the private deferred reply; the answer replaces it.
  const notify = async (note: string) => {
    try {
      await interaction.editReply(renderDiscord(privateReply(note, [{ type: "paragraph", text: note }])));
    } catch (error) {
      ctx.log.warn("could not tell the user the answer is coming", { command: interaction.commandName, ...describeDiscordError(error) });
    }
  };
  const outcome = await ctx.bot.run(text, { ...origin(interaction), ...(ephemeral ? { notify } : {}) });
  ctx.log.info("discord command", { command: outcome.command, ok: outcome.ok, error: outcome.error });
  await answer(interaction, outcome.reply, ephemeral);
}

/** Options are registered as strings; anything else (an old registration) is read as its string value. */
function optionString(interaction: ChatInputCommandInteraction, name: string): string | null {
  const option = interaction.options.data.find((o) => o.name === name);
  return option?.value === undefined ? null : String(option.value);
}

/**
 * Sends the answer into the deferred response. A private answer (a failure, or a private result) cannot go into a
 * public deferral: that one is deleted and the answer follows privately.
 */
async function answer(
  interaction: RepliableInteraction,
  reply: Reply,
  deferredEphemeral: boolean,
  options?: RenderOptions,
): Promise<void> {
  const message = renderDiscord(reply, options);
  if (!deferredEphemeral && reply.visibility === "private") {
    await interaction.deleteReply();
    await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
    return;
  }
  await interaction.editReply(message);
}

async function handleAutocomplete(interaction: AutocompleteInteraction, ctx: InteractionContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const meta = ctx.bot.commands.find((c) => c.name === interaction.commandName);
  const kind = meta?.params.find((p) => p.name === focused.name)?.autocomplete;
  const choices = kind ? ctx.bot.complete(kind, String(focused.value), MAX_CHOICES) : [];
  await interaction.respond(
    choices
      .filter((c) => c.trim().length > 0 && c.length <= MAX_CHOICE_LENGTH)
      .slice(0, MAX_CHOICES)
      .map((c) => ({ name: c, value: c })),
  );
}

async function handleButton(interaction: ButtonInteraction, ctx: InteractionContext): Promise<void> {
  const ref = parseCustomId(interaction.customId);
  const footers = interaction.message.embeds.map((e) => e.footer?.text);
  const action = ref ? resolveButton(ref, footers) : null;
  if (!ref || !action) {
    ctx.log.warn("button not understood", { customId: interaction.customId });
    const text = "This button no longer works. Please run the command again.";
    await interaction.reply({ ...renderDiscord(privateReply(text)), flags: MessageFlags.Ephemeral });
    return;
  }
  const text = `/${action.c} ${action.t}`;
  const share = ref.kind === "share";
  await interaction.deferReply(share ? {} : { flags: MessageFlags.Ephemeral });
  const outcome = await ctx.bot.run(text, { ...origin(interaction), page: action.p });
  ctx.log.info("discord button", { button: ref.kind, command: outcome.command, ok: outcome.ok, error: outcome.error });
  if (!share) {
    await answer(interaction, outcome.reply, true);
    return;
  }
  const reply: Reply = outcome.ok ? { ...withoutShare(outcome.reply), visibility: "public" } : outcome.reply;
  await answer(interaction, reply, false, { sharedBy: { id: interaction.user.id, name: displayName(interaction) } });
}

/** A shared answer is public already: its "Share in channel" button goes, "More results" stays. */
function withoutShare(reply: Reply): Reply {
  const blocks = reply.blocks
    .map((b) => (b.type === "actions" ? { ...b, actions: b.actions.filter((a) => a.kind !== "share") } : b))
    .filter((b) => b.type !== "actions" || b.actions.length > 0);
  return { ...reply, blocks };
}

function origin(interaction: RepliableInteraction): Origin {
  return {
    platform: "discord",
    user: { id: interaction.user.id, name: displayName(interaction) },
    channel: interaction.channelId,
    limit: DISCORD_PAGE_SIZE,
  };
}

function displayName(interaction: RepliableInteraction): string {
  return interaction.user.globalName ?? interaction.user.username;
}

/**
 * Discord refused a request (or something else failed while answering): log it, and tell the user privately when
 * the interaction can still be answered.
 */
async function reportFailure(interaction: Interaction, error: unknown, ctx: InteractionContext): Promise<void> {
  const info = describeDiscordError(error);
  ctx.log.error("discord interaction failed", {
    platform: "discord",
    interaction: interaction.id,
    command: "commandName" in interaction ? interaction.commandName : undefined,
    status: info.status,
    code: info.code,
    err: error,
  });
  if (interactionGone(info) || !interaction.isRepliable()) return;
  const notice = { ...renderDiscord(privateReply(userNotice(info))), flags: MessageFlags.Ephemeral as const };
  try {
    if (interaction.deferred || interaction.replied) await interaction.followUp(notice);
    else await interaction.reply(notice);
  } catch (second) {
    const again = describeDiscordError(second);
    ctx.log.warn("could not tell the user about a failure", {
      platform: "discord",
      interaction: interaction.id,
      status: again.status,
      code: again.code,
    });
  }
}
