/**
 * The one bot an instance runs today. Tables carry a bot_id so several bots can share a database
 * later; every read and write of this build is scoped to this id.
 */
export const DEFAULT_BOT_ID = 'default';
