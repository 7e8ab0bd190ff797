/**
 * Button payloads. Everything a "Share in channel" or "More results" click needs is encoded in the button's
 * value, so that buttons keep working after the bot restarts.
 */
import { z } from "zod";

export const actionPayloadSchema = z.object({
  /** Command name, without "/". */
  c: z.string().min(1).max(32),
  /** The command's text as typed. */
  t: z.string().max(1500),
  /** 0-based page. */
  p: z.number().int().min(0).max(1000),
});

export type ActionPayload = z.infer<typeof actionPayloadSchema>;

export function encodeAction(payload: ActionPayload): string {
  return JSON.stringify(actionPayloadSchema.parse(payload));
}

/** Returns null for a value that is not one of ours (or was cut short). */
export function decodeAction(value: string): ActionPayload | null {
  try {
    const parsed = actionPayloadSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
