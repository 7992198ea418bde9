/**
 * @module The one error of backup and restore: a sentence for the operator (what is wrong with
 * which file, and what to do), printed by the CLI as is, never with a stack.
 */
export class BackupError extends Error {
  override readonly name = 'BackupError';
}

export function isBackupError(error: unknown): error is BackupError {
  return error instanceof Error && error.name === 'BackupError';
}
