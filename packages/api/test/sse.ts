/**
 * @module Reading a Server-Sent Events answer in tests, message by message, as a browser would.
 */
import type { StockEvent } from '@frontdesk/core';
import type { App } from '../src/app.js';

export interface SseMessage {
  event: string;
  id?: string;
  data: string;
}

/** Opens a stream and reads messages as they come; `close()` aborts it like a browser would. */
export async function openStream(app: App, path: string, headers: Record<string, string> = {}) {
  const abort = new AbortController();
  const res = await app.request(path, { headers, signal: abort.signal });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const queue: SseMessage[] = [];
  const next = async (timeoutMs = 3000): Promise<SseMessage> => {
    const deadline = Date.now() + timeoutMs;
    while (queue.length === 0) {
      const split = buffer.indexOf('\n\n');
      if (split >= 0) {
        const block = buffer.slice(0, split);
        buffer = buffer.slice(split + 2);
        const message: SseMessage = { event: 'message', data: '' };
        for (const line of block.split('\n')) {
          if (line.startsWith('event: ')) message.event = line.slice(7);
          else if (line.startsWith('id: ')) message.id = line.slice(4);
          else if (line.startsWith('data: ')) message.data += line.slice(6);
        }
        if (!block.startsWith(':')) queue.push(message);
        continue;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('no SSE message in time');
      const chunk = await Promise.race([
        reader.read(),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('no SSE message in time')), left),
        ),
      ]);
      if (chunk.done) throw new Error('stream ended');
      buffer += chunk.value;
    }
    return queue.shift()!;
  };
  const nextStock = async (timeoutMs?: number) => {
    for (;;) {
      const m = await next(timeoutMs);
      if (m.event === 'stock') return { id: m.id, event: JSON.parse(m.data) as StockEvent };
    }
  };
  return {
    res,
    next,
    nextStock,
    close: async () => {
      abort.abort();
      await reader.cancel().catch(() => undefined);
    },
  };
}
