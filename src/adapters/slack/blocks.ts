/** The few Block Kit shapes Dateline sends, and Slack's limits on them. Slack types stay inside this adapter. */

export interface SlackMrkdwn {
  type: "mrkdwn";
  text: string;
  /** Always true: no automatic linking of URLs, channel names or `@here` in what we send. */
  verbatim: true;
}

export interface SlackPlainText {
  type: "plain_text";
  text: string;
  emoji?: boolean;
}

export interface SlackHeaderBlock {
  type: "header";
  text: SlackPlainText;
}

export interface SlackSectionBlock {
  type: "section";
  text?: SlackMrkdwn;
  fields?: SlackMrkdwn[];
}

export interface SlackContextBlock {
  type: "context";
  elements: SlackMrkdwn[];
}

export interface SlackButton {
  type: "button";
  text: SlackPlainText;
  action_id: string;
  value: string;
}

export interface SlackActionsBlock {
  type: "actions";
  elements: SlackButton[];
}

export type SlackBlock = SlackHeaderBlock | SlackSectionBlock | SlackContextBlock | SlackActionsBlock;

export interface SlackMessage {
  /** Fallback for notifications and clients without Block Kit. */
  text: string;
  blocks: SlackBlock[];
}

export const SLACK_LIMITS = {
  blocks: 50,
  sectionText: 3000,
  headerText: 150,
  contextElement: 2000,
  field: 2000,
  fieldsPerSection: 10,
  buttonValue: 2000,
  buttonText: 75,
  /** Slack accepts more, but messages much larger than this are truncated or refused by some clients. */
  totalText: 12000,
  fallbackText: 3000,
} as const;

/** The action ids of our buttons; app.ts routes clicks by them. */
export const ACTION_IDS = {
  share: "dateline_share",
  more: "dateline_more",
  expand: "dateline_expand",
  context: "dateline_context",
  cite: "dateline_cite",
} as const;

export function mrkdwn(text: string): SlackMrkdwn {
  return { type: "mrkdwn", text, verbatim: true };
}

/** Characters of text a block shows (what the "about 12,000 in all" budget counts). */
export function blockTextLength(block: SlackBlock): number {
  switch (block.type) {
    case "header":
      return block.text.text.length;
    case "section":
      return (block.text?.text.length ?? 0) + (block.fields ?? []).reduce((n, f) => n + f.text.length, 0);
    case "context":
      return block.elements.reduce((n, e) => n + e.text.length, 0);
    case "actions":
      return block.elements.reduce((n, e) => n + e.text.text.length, 0);
  }
}
