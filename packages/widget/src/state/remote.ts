/**
 * @module The status union every request's state is kept in: components branch on `status`
 * instead of catching errors.
 */
import type { ApiFailure } from './api-client.js';

export type Remote<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'failed'; error: ApiFailure };

export const idle = { status: 'idle' } as const;
export const loading = { status: 'loading' } as const;
