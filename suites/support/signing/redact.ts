// Moved to lib/redact.ts (shared with the mock's proxy); this re-export goes once its importers move.
export * from '../../../lib/redact.ts';
